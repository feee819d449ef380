/**
 * "Anlage: Vergleich der Fassungen" – the Word annex for the submission that adopts a new Fassung, on the
 * shared document base (DIN 5008 page, de-DE, built-in headings, repeating table header rows, real lists).
 *
 * Layout: title and the two Fassungen; 1 Überblick (counts per category, with a legend); 2 Maßnahmen je
 * Handlungsfeld; 3 Handlungsfelder (kept, renamed, merged, split, new); then one numbered section per
 * category of measures with its table ("Keine Maßnahmen in dieser Kategorie." when empty).
 *
 * Pure: data in, .docx bytes out.
 */
import type { Document, Paragraph, Table } from 'docx';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { localIsoDate, prepareCompareExport, type EditionCompareExportInput } from './editionCompareData';
import { createBaseDocument, dataTable, heading, labelLine, packDocument, para, SectionNumbers, title, type DocumentProperties } from '@main/export/documentBase';

const d = de.editions.document;

export function prepareEditionAnnex(input: EditionCompareExportInput): { document: Document; properties: DocumentProperties } {
  const data = prepareCompareExport(input);
  const c = d.columns;
  const numbers = new SectionNumbers();
  const count = (n: number) => n.toLocaleString('de-DE');
  const children: (Paragraph | Table)[] = [
    title(d.title),
    labelLine(d.fromEdition, data.fromLine),
    labelLine(d.toEdition, data.toLine),
    heading(1, d.sections.summary, numbers.next(1)),
    para(d.summaryIntro(data.from.name, data.to.name)),
    dataTable(
      [
        { header: c.category, weight: 70 },
        { header: c.count, weight: 30, align: 'right' },
      ],
      data.counts.map((x) => [x.label, count(x.count)]),
      { totalRows: [{ label: d.total, values: [count(data.total)] }] },
    ),
    heading(2, d.legendTitle, numbers.next(2)),
    dataTable(
      [
        { header: c.category, weight: 30 },
        { header: d.legendTitle, weight: 70 },
      ],
      d.legend,
    ),
    // Categories as rows and Handlungsfelder (by code) as columns: the long category names need the width.
    heading(1, d.sections.byField, numbers.next(1)),
    para(d.byFieldHint),
    dataTable(
      [{ header: c.category, weight: 30 }, ...data.byField.map((f) => ({ header: f.code, weight: Math.max(8, 70 / (data.byField.length + 1)), align: 'right' as const })), { header: d.total, weight: 10, align: 'right' }],
      data.byFieldColumns.map((label, k) => [label, ...data.byField.map((f) => count(f.counts[k]!)), count(data.counts[k]!.count)]),
      { totalRows: [{ label: d.total, values: [...data.byField.map((f) => count(f.total)), count(data.total)] }] },
    ),
    heading(1, d.sections.fields, numbers.next(1)),
    dataTable(
      [
        { header: c.change, weight: 20 },
        { header: c.before, weight: 40 },
        { header: c.after, weight: 40 },
      ],
      data.fieldChanges.map((f) => [f.kind, f.from || '—', f.to || '—']),
    ),
  ];
  for (const table of data.categories) {
    children.push(heading(1, `${table.label} (${count(table.rows.length)})`, numbers.next(1)));
    if (table.rows.length === 0) {
      children.push(para(d.none));
      continue;
    }
    const keep = table.columns.map((col, i) => (col.excelOnly ? -1 : i)).filter((i) => i >= 0);
    children.push(
      dataTable(
        keep.map((i) => ({ header: table.columns[i]!.header, weight: table.columns[i]!.width })),
        table.rows.map((row) => keep.map((i) => row[i] ?? '')),
      ),
    );
  }
  const generated = formatDate(localIsoDate(input.generatedAt));
  const properties: DocumentProperties = {
    title: `${d.title}: ${d.subtitle(data.from.name, data.to.name)}`,
    subject: d.propertiesSubject(data.from.name, data.to.name),
    creator: d.author,
    keywords: [...d.keywords, ...(data.to.printNumber ? [data.to.printNumber] : [])],
    description: d.propertiesDescription(generated),
    lastModifiedBy: d.author,
    created: input.generatedAt,
    modified: input.generatedAt,
  };
  const document = createBaseDocument(
    {
      properties,
      header: { left: data.to.printNumber ? d.runningHeader(data.to.printNumber) : d.runningHeaderNoNumber },
      footerLeft: d.generatedOn(generated),
      children,
    },
    { page: d.page, of: d.pageOf },
  );
  return { document, properties };
}

/** The annex as .docx bytes. */
export async function buildEditionAnnexDocx(input: EditionCompareExportInput): Promise<Buffer> {
  const { document, properties } = prepareEditionAnnex(input);
  return packDocument(document, properties);
}
