/**
 * The comparison of two Fassungen as an Excel workbook: a summary sheet ("Übersicht": both Fassungen,
 * counts per category, counts per Handlungsfeld), one sheet per category of measures, and one for what
 * became of the Handlungsfelder. German headers, column widths, an autofilter on every table, dates as
 * real dates (`dd\.mm\.yyyy`), workbook properties. User text is always written as a text cell, never as
 * a formula. Written in the house style (houseWorkbook.ts); the page header names the Drucksache of the
 * newer Fassung, whose annex this is.
 *
 * Pure: data in, bytes out.
 */
import XLSX from 'xlsx';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { localIsoDate, prepareCompareExport, type EditionCompareExportInput } from '@main/editions/editionCompareData';
import { titleLine, writeHouseWorkbook, type ExportControl, type HouseSheet } from '@main/export/houseWorkbook';

const d = de.editions.document;
const DATE_FORMAT = 'dd\\.mm\\.yyyy';

type Cell = string | number | { date: string } | null;

/** Excel's serial day number of an ISO date (days since 1899-12-30). */
export function excelDate(iso: string): number {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Texts as text cells (a leading "=" stays text), numbers as numbers, dates as formatted serials. */
function sheetFrom(rows: readonly (readonly Cell[])[], widths: readonly number[]): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  let maxCol = 0;
  rows.forEach((row, r) => {
    row.forEach((value, col) => {
      if (value === null || value === '') return;
      const address = XLSX.utils.encode_cell({ r, c: col });
      if (typeof value === 'number') sheet[address] = { t: 'n', v: value };
      else if (typeof value === 'string') sheet[address] = { t: 's', v: value };
      else sheet[address] = { t: 'n', v: excelDate(value.date), z: DATE_FORMAT, w: formatDate(value.date) };
      maxCol = Math.max(maxCol, col);
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, rows.length - 1), c: Math.max(maxCol, widths.length - 1) },
  });
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  return sheet;
}

function autofilter(sheet: XLSX.WorkSheet, headerRow: number, lastRow: number, columns: number): void {
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: headerRow, c: 0 }, e: { r: Math.max(headerRow, lastRow), c: columns - 1 } }),
  };
}

/** The sheets of the workbook (SheetJS cells and where title and headers are). */
export function buildEditionCompareSheets(input: EditionCompareExportInput): HouseSheet[] {
  const data = prepareCompareExport(input);
  const c = d.columns;
  const sheets: HouseSheet[] = [];
  const w = de.workbook;

  // Übersicht: the two Fassungen, counts per category, then counts per Handlungsfeld (with the autofilter).
  const edition = (label: string, e: typeof data.from): Cell[] => [
    label,
    e.name,
    e.printNumber ?? '',
    e.decidedOn ? { date: e.decidedOn } : '',
    de.editions.states[e.state],
  ];
  const summary: Cell[][] = [
    [d.title],
    [
      titleLine([
        d.subtitle(data.from.name, data.to.name),
        input.registerName ? w.register(input.registerName) : null,
        w.stand(formatDate(localIsoDate(input.generatedAt))),
        input.isSample ? w.sample : null,
      ]),
    ],
    [],
    ['', de.editions.ui.col.name, de.editions.ui.col.printNumber, de.editions.ui.col.decidedOn, de.editions.ui.col.state],
    edition(d.fromEdition, data.from),
    edition(d.toEdition, data.to),
    [],
    [c.category, c.count],
    ...data.counts.map((x) => [x.label, x.count]),
    [d.total, data.total],
    [],
  ];
  const fieldHeader = summary.length;
  summary.push([c.field, ...data.byFieldColumns, d.total]);
  for (const f of data.byField) summary.push([f.label, ...f.counts, f.total]);
  const summarySheet = sheetFrom(summary, [56, 44, 16, 16, 16, 16, 14, 16]);
  autofilter(summarySheet, fieldHeader, summary.length - 1, data.byFieldColumns.length + 2);
  const categoryHeader = 7;
  sheets.push({
    name: de.editions.sheetNames.summary,
    sheet: summarySheet,
    titleRows: 2,
    headerRow: null,
    subHeaderRows: [3, categoryHeader, fieldHeader],
    boldRows: [categoryHeader + data.counts.length + 1],
  });

  for (const table of data.categories) {
    const rows: Cell[][] = [table.columns.map((col) => col.header), ...table.rows];
    const sheet = sheetFrom(
      rows,
      table.columns.map((col) => col.width),
    );
    autofilter(sheet, 0, rows.length - 1, table.columns.length);
    sheets.push({ name: table.sheetName, sheet, headerRow: 0, identifyingColumns: 1 });
  }

  const fieldRows: Cell[][] = [[c.change, c.before, c.after], ...data.fieldChanges.map((f) => [f.kind, f.from, f.to])];
  const fieldSheet = sheetFrom(fieldRows, [18, 50, 50]);
  autofilter(fieldSheet, 0, fieldRows.length - 1, 3);
  sheets.push({ name: de.editions.sheetNames.fields, sheet: fieldSheet, headerRow: 0 });
  return sheets;
}

/** The workbook as .xlsx bytes, in the house style. */
export async function buildEditionCompareXlsx(input: EditionCompareExportInput, control: ExportControl = {}): Promise<Buffer> {
  const { from, to } = input.comparison;
  const stand = localIsoDate(input.generatedAt);
  return writeHouseWorkbook(buildEditionCompareSheets(input), {
    title: d.title,
    subject: d.propertiesSubject(from.name, to.name),
    keywords: d.keywords.join('; '),
    description: d.propertiesDescription(formatDate(stand)),
    author: d.author,
    stand,
    annexOf: to.printNumber ? de.workbook.annex(to.printNumber) : null,
    created: input.generatedAt,
    ...control,
  });
}
