/**
 * The evaluation tables as an Excel workbook ("Evaluation <Runde>") with SheetJS: sheets Übersicht,
 * Maßnahmen, Kennzahlen, Finanzen, Stadtbezirke and Legende (DOMAIN.md §6, issue 7).
 *
 * - The counts, averages and sums of the Übersicht are formulas (ZÄHLENWENNS / SUMMEWENNS /
 *   MITTELWERTWENNS over the Maßnahmen sheet), so Excel recalculates them after a change; each also
 *   carries its value as computed here, so viewers that do not calculate still show numbers.
 * - User text is only ever written as a string cell (`t: 's'`), never as a formula, whatever it starts
 *   with (`=`, `+`, `-`, `@`, tab, CR). Formulas are built from fixed text; where a label goes into a
 *   formula it is an escaped string literal (quotes doubled, wildcards `~`-escaped, `=` in front).
 * - German number formats (`0 %`, `#,##0.00 "€"`), dates as serial numbers with `dd\.mm\.yyyy`, column
 *   widths, an autofilter on every data sheet (header row first), workbook properties. The sheets are
 *   composed as SheetJS cells and written in the house style by houseWorkbook.ts (exceljs): the Ampel is
 *   a word coloured by conditional formatting, headers frozen and repeated when printed.
 * - The Maßnahmen sheet carries what `import measures` reads (Nr., Titel, Handlungsfeld, Art, Beginn,
 *   Ende, Budget geplant with its Haushaltsjahr); the Kennzahlen sheet number and title of the measure
 *   in separate columns, so `import values` reads an edited copy back.
 * - Assessor names are personal data: the column "Bewertet von" only with includePersonalData.
 *
 * Pure: data in, a WorkBook or bytes out.
 */
import XLSX from 'xlsx';
import { DISTRICTS } from '@shared/register/districts';
import { goalAttainment, type GoalLevel } from '@shared/evaluation/progress';
import type { EvaluationRow } from '@shared/evaluation/evaluationOverview';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  goalScaleRows,
  localDateTimeText,
  localIsoDate,
  MAX_DEGREE_TEXT,
  prepareEvaluation,
  registerFileLabel,
  statusDefaultsText,
  type EvaluationData,
  type EvaluationExportInput,
} from '@main/evaluation/evaluationData';
import { RATINGS, RECOMMENDATIONS, type IndicatorValue } from '@shared/evaluation/evaluation';
import { isValidSheetName, titleLine, writeHouseWorkbook, type ExportControl, type HouseSheet } from '@main/export/houseWorkbook';

export { isValidSheetName };

export type { EvaluationExportInput, EvaluationFilters } from '@main/evaluation/evaluationData';

const t = de.evaluation;
const x = de.evaluation.export;

/** Number formats. SheetJS's own formatter rejects `dd.mm.yyyy`, hence the escaped dots. */
export const FORMAT = {
  percent: '0 %',
  money: '#,##0.00 "€"',
  count: '#,##0',
  date: 'dd\\.mm\\.yyyy',
  dateTime: 'dd\\.mm\\.yyyy hh:mm',
} as const;

export const SHEET = x.sheets;

// ---------------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------------

// What XML 1.0 cannot carry (the register refuses control characters, but an export never trusts that).
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/** Text as a cell may hold it: characters XML cannot carry removed, cut at Excel's limit. */
export function cellText(text: string): string {
  XML_FORBIDDEN.lastIndex = 0;
  const clean = XML_FORBIDDEN.test(text) ? text.replace(XML_FORBIDDEN, '') : text;
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

/** Days since 1899-12-30 (Excel's serial date) of an ISO date `YYYY-MM-DD`. */
export function dateSerial(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** The serial of a moment in local time (date and time of day), as a clock on the wall shows it. */
function dateTimeSerial(date: Date): number {
  const local = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds());
  return local / 86_400_000 + 25_569;
}

/** A string literal inside a formula: quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A COUNTIFS/SUMIFS criterion that matches exactly this text: `=` in front (so a label starting with
 * `<`, `>` or `=` is not read as a comparison) and the wildcards `*`, `?`, `~` escaped with `~`.
 * Empty text matches empty cells.
 */
export function exactCriterion(text: string): string {
  return text === '' ? '""' : literal(`=${text.replace(/[~*?]/g, '~$&')}`);
}

const COLUMN_NAMES = Array.from({ length: 64 }, (_, i) => XLSX.utils.encode_col(i));

interface ColumnSpec {
  header: string;
  /** Smallest and largest width in characters (wch). */
  min?: number;
  max?: number;
}

/** Column widths are taken from the header and the first rows only: enough to size them, cheap for 300,000 rows. */
const WIDTH_SAMPLE_ROWS = 2000;

/** A string cell: user or program text is only ever written like this, never as a formula. */
export function textCell(value: string | null | undefined): XLSX.CellObject | null {
  if (value === null || value === undefined || value === '') return null;
  return { t: 's', v: cellText(value) };
}

/** A number cell, optionally with a number format; null for a missing or non-finite value. */
export function numberCell(value: number | null | undefined, z?: string): XLSX.CellObject | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return z ? { t: 'n', v: value, z } : { t: 'n', v: value };
}

/** Cells for values that repeat down a column (years, labels): one object per distinct value. */
function cellCache<K>(make: (key: K) => XLSX.CellObject | null): (key: K) => XLSX.CellObject | null {
  const cache = new Map<K, XLSX.CellObject | null>();
  return (key) => {
    let cell = cache.get(key);
    if (cell === undefined) {
      cell = make(key);
      cache.set(key, cell);
    }
    return cell;
  };
}

function cellWidth(cell: XLSX.CellObject): number {
  if (typeof cell.v === 'number') return numberWidth(cell.v, typeof cell.z === 'string' ? cell.z : undefined);
  const text = String(cell.v ?? '');
  return text.includes('\n') ? Math.max(...text.split('\n').map((l) => l.length)) : text.length;
}

/**
 * Builds one sheet cell by cell (0-based rows and columns) in SheetJS's dense form (an array of rows,
 * which the xlsx writer reads directly), and keeps the widths of what it wrote. Empty values write no
 * cell, so COUNTIFS(…;"") sees them as empty. A cell object may be shared by several addresses (the
 * writer does not change cells), which saves memory when a value repeats down a column.
 */
class SheetWriter {
  private readonly rows: XLSX.CellObject[][] = [];
  private readonly widths: number[] = [];
  private lastRow = 0;
  private lastCol = 0;

  constructor(private readonly limits: readonly { min?: number; max?: number }[] = []) {}

  static address(row: number, col: number): string {
    return `${COLUMN_NAMES[col]}${row + 1}`;
  }

  /** Puts a prepared cell (or nothing for null). */
  cell(row: number, col: number, cell: XLSX.CellObject | null): void {
    if (cell === null) return;
    let cells = this.rows[row];
    if (cells === undefined) cells = this.rows[row] = [];
    cells[col] = cell;
    this.account(row, col, cell);
  }

  /** Counts a cell that is not kept here (a row made while writing, HouseSheet.moreRows) for range and widths. */
  account(row: number, col: number, cell: XLSX.CellObject | null): void {
    if (cell === null) return;
    if (row > this.lastRow) this.lastRow = row;
    if (col > this.lastCol) this.lastCol = col;
    if (row < WIDTH_SAMPLE_ROWS) {
      const width = cellWidth(cell);
      if (width > (this.widths[col] ?? 0)) this.widths[col] = width;
    }
  }

  /** User or program text: always a string cell, never a formula. */
  text(row: number, col: number, value: string | null | undefined): void {
    this.cell(row, col, textCell(value));
  }

  number(row: number, col: number, value: number | null | undefined, z?: string): void {
    this.cell(row, col, numberCell(value, z));
  }

  date(row: number, col: number, iso: string | null | undefined): void {
    if (iso) this.cell(row, col, { t: 'n', v: dateSerial(iso), z: FORMAT.date });
  }

  dateTime(row: number, col: number, date: Date): void {
    this.cell(row, col, { t: 'n', v: dateTimeSerial(date), z: FORMAT.dateTime });
  }

  /** A formula with the value computed here as its cached result ("" for an empty text result). */
  formula(row: number, col: number, f: string, cached: number | string, z?: string): void {
    const cell: XLSX.CellObject = typeof cached === 'number' ? { t: 'n', v: cached, f } : { t: 's', v: cached, f };
    if (z && typeof cached === 'number') cell.z = z;
    this.cell(row, col, cell);
  }

  /** Sets the used range, column widths and (for data sheets) the autofilter over header and data rows. */
  finish(options: { filterColumns?: number; filterLastRow?: number; lastRow?: number } = {}): XLSX.WorkSheet {
    const ws = this.rows as unknown as XLSX.WorkSheet;
    const cols = Math.max(this.lastCol + 1, options.filterColumns ?? 0);
    const lastRow = Math.max(this.lastRow, options.lastRow ?? 0);
    ws['!ref'] = `A1:${SheetWriter.address(lastRow, cols - 1)}`;
    ws['!cols'] = Array.from({ length: cols }, (_, i) => {
      const limit = this.limits[i] ?? {};
      const wch = Math.min(limit.max ?? 60, Math.max(limit.min ?? 6, (this.widths[i] ?? 0) + 2));
      return { wch };
    });
    if (options.filterColumns !== undefined) {
      // At least one data row in the range (an empty one when there is no data), so Excel keeps the filter.
      const last = Math.max(1, options.filterLastRow ?? lastRow);
      ws['!autofilter'] = { ref: `A1:${SheetWriter.address(last, options.filterColumns - 1)}` };
    }
    return ws;
  }

  header(columns: readonly ColumnSpec[], row = 0): void {
    columns.forEach((c, i) => this.text(row, i, c.header));
    // Headers wrap (house style): the longest word and the autofilter's button must fit.
    columns.forEach((c, i) => (this.widths[i] = Math.max(this.widths[i] ?? 0, headerWidth(c.header))));
  }
}

/** Width a wrapping header needs: its longest word plus the autofilter's button. */
export function headerWidth(header: string): number {
  return Math.max(...header.split(/\s+/).map((w) => w.length)) + 2;
}

function numberWidth(value: number, z: string | undefined): number {
  const digits = String(Math.trunc(Math.abs(value))).length;
  if (z === FORMAT.money) return digits + Math.floor((digits - 1) / 3) + 6;
  if (z === FORMAT.percent) return digits + 4;
  return digits + Math.floor((digits - 1) / 3) + (Number.isInteger(value) ? 0 : 4);
}

// ---------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------

const money = (cents: number) => cents / 100;

/** Decimal places a Kennzahl's numbers need (at most 3), for its number format. */
function decimalsOf(values: readonly (number | null)[]): number {
  let max = 0;
  for (const v of values) {
    if (v === null || Number.isInteger(v)) continue;
    const text = String(v);
    const places = text.includes('e') ? 3 : (text.split('.')[1]?.length ?? 0);
    if (places > max) max = places;
  }
  return Math.min(3, max);
}

function valueFormat(decimals: number): string {
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

const mean = (values: readonly number[]) => (values.length === 0 ? '' : values.reduce((a, b) => a + b, 0) / values.length);

// ---------------------------------------------------------------------------------------------------
// Sheet: Maßnahmen
// ---------------------------------------------------------------------------------------------------

const MEASURE_KEYS = [
  'number',
  'title',
  'actionField',
  'lead',
  'districts',
  'status',
  'implementation',
  'implementationSource',
  'indicators',
  'goalDegree',
  'goalLevel',
  'rating',
  'light',
  'recommendation',
  'reasoning',
  'assessedOn',
  'planned',
  'approved',
  'spent',
  // What `import measures` needs besides: at the end, so the Übersicht's formulas keep their columns.
  'type',
  'statusReason',
  'plannedStart',
  'plannedEnd',
  'budgetYear',
] as const;
type MeasureKey = (typeof MEASURE_KEYS)[number] | 'assessor';

// Narrow enough that the 23 columns print one page wide; long text wraps in its cell.
const MEASURE_LIMITS: Partial<Record<MeasureKey, { min?: number; max?: number }>> = {
  number: { min: 8, max: 10 },
  title: { min: 20, max: 28 },
  actionField: { max: 18 },
  type: { max: 12 },
  lead: { max: 18 },
  districts: { max: 18 },
  status: { max: 14 },
  implementationSource: { max: 16 },
  goalLevel: { max: 14 },
  rating: { max: 14 },
  recommendation: { max: 12 },
  reasoning: { min: 20, max: 28 },
  statusReason: { min: 16, max: 28 },
  plannedStart: { min: 10 },
  plannedEnd: { min: 10 },
  budgetYear: { min: 8 },
  assessor: { max: 30 },
};

function measureKeys(includePersonalData: boolean): MeasureKey[] {
  return includePersonalData ? [...MEASURE_KEYS, 'assessor'] : [...MEASURE_KEYS];
}

/** The Maßnahmen sheet's columns: index by key, and the range of a column's data cells as used in formulas. */
interface MeasureSheetLayout {
  keys: MeasureKey[];
  col: (key: MeasureKey) => number;
  /** `'Maßnahmen'!$C$2:$C$37` (at least one row, so an empty sheet still gives a valid range). */
  range: (key: MeasureKey) => string;
}

function measureLayout(data: EvaluationData, includePersonalData: boolean): MeasureSheetLayout {
  const keys = measureKeys(includePersonalData);
  const index = new Map(keys.map((k, i) => [k, i]));
  const last = Math.max(2, data.rows.length + 1);
  const col = (key: MeasureKey) => index.get(key)!;
  return {
    keys,
    col,
    range: (key) => `'${SHEET.measures}'!$${COLUMN_NAMES[col(key)]}$2:$${COLUMN_NAMES[col(key)]}$${last}`,
  };
}

function measuresSheet(data: EvaluationData, layout: MeasureSheetLayout, includePersonalData: boolean): HouseSheet {
  const c = x.measureColumns;
  const sheet = new SheetWriter(layout.keys.map((k) => MEASURE_LIMITS[k] ?? {}));
  sheet.header(layout.keys.map((k) => ({ header: c[k] })));
  const col = layout.col;
  data.rows.forEach((r, i) => {
    const row = i + 1;
    const a = r.assessment;
    sheet.text(row, col('number'), r.number);
    sheet.text(row, col('title'), r.title);
    sheet.text(row, col('actionField'), data.fieldLabel(r.actionFieldId));
    const measure = data.measureOf(r);
    sheet.text(row, col('type'), de.ui.types[measure.type]);
    sheet.text(row, col('statusReason'), measure.statusReason);
    sheet.date(row, col('plannedStart'), measure.plannedStart);
    sheet.date(row, col('plannedEnd'), measure.plannedEnd);
    sheet.text(row, col('lead'), data.orgUnitLabel(r.leadOrgUnitId));
    sheet.text(row, col('districts'), data.districtsLabel(r.districts));
    sheet.text(row, col('status'), data.statusLabel(r.status));
    sheet.number(row, col('implementation'), r.implementation.percent / 100, FORMAT.percent);
    sheet.text(row, col('implementationSource'), t.implementationSources[r.implementation.source]);
    sheet.number(row, col('indicators'), r.indicatorCount, FORMAT.count);
    sheet.number(row, col('goalDegree'), r.goal.degree, FORMAT.percent);
    sheet.text(row, col('goalLevel'), t.goalLevels[r.goal.level]);
    if (a) {
      sheet.text(row, col('rating'), t.ratings[a.rating]);
      sheet.text(row, col('light'), t.lights[a.rating]);
      sheet.text(row, col('recommendation'), a.recommendation ? t.recommendations[a.recommendation] : null);
      sheet.text(row, col('reasoning'), a.reasoning);
      sheet.date(row, col('assessedOn'), a.date);
      if (includePersonalData) sheet.text(row, col('assessor'), a.assessor);
    }
    const amounts = data.amountsOf(r);
    if (amounts.plannedCents !== null) {
      sheet.number(row, col('planned'), money(amounts.plannedCents), FORMAT.money);
      // The year `import measures` books the planned amount to: the first year with a planned amount.
      const years = measure.budget.filter((b) => b.plannedCents !== null).map((b) => b.year);
      if (years.length > 0) sheet.number(row, col('budgetYear'), Math.min(...years));
    }
    if (amounts.approvedCents !== null) sheet.number(row, col('approved'), money(amounts.approvedCents), FORMAT.money);
    if (amounts.spentCents !== null) sheet.number(row, col('spent'), money(amounts.spentCents), FORMAT.money);
  });
  return {
    name: SHEET.measures,
    sheet: sheet.finish({ filterColumns: layout.keys.length, filterLastRow: data.rows.length }),
    headerRow: 0,
    identifyingColumns: 2,
    lightColumn: col('light'),
  };
}

// ---------------------------------------------------------------------------------------------------
// Sheet: Übersicht
// ---------------------------------------------------------------------------------------------------

const OVERVIEW_LIMITS = [{ min: 30, max: 48 }, { min: 11 }, { min: 12 }, { min: 14 }, { min: 16 }, { min: 16 }, { min: 16 }];

interface Group {
  label: string;
  /** COUNTIFS/SUMIFS condition: the column it tests and the criterion (a formula literal). */
  column: MeasureKey;
  criterion: string;
  /** The same condition in code, for the cached values. */
  matches: (r: EvaluationRow) => boolean;
}

function overviewSheet(data: EvaluationData, layout: MeasureSheetLayout, input: EvaluationExportInput): HouseSheet {
  const o = x.overview;
  const sheet = new SheetWriter(OVERVIEW_LIMITS);
  const { range } = layout;
  const rows = data.rows;

  const w = de.workbook;
  sheet.text(0, 0, x.workbookTitle(data.round?.name ?? null));
  sheet.text(
    1,
    0,
    titleLine([
      w.register(input.doc.name),
      data.round?.cutOffDate ? o.cutOff(formatDate(data.round.cutOffDate)) : null,
      o.generated(localDateTimeText(input.generatedAt)),
      o.filters(data.filterParts.length > 0 ? data.filterParts.join('; ') : t.noFilter),
      input.doc.isSample ? w.sample : null,
    ]),
  );
  let row = 3;
  const subHeaderRows: number[] = [];
  const boldRows: number[] = [];

  const columnHeaders = [o.measures, o.implementationAverage, o.goalAverage, o.planned, o.approved, o.spent];
  const sums = [
    ['planned', 'plannedCents'],
    ['approved', 'approvedCents'],
    ['spent', 'spentCents'],
  ] as const;

  /** One block: header row, a row per group, optionally a total row; then an empty row. */
  const block = (title: string, groups: readonly Group[], total: boolean, note?: string) => {
    sheet.text(row, 0, title);
    columnHeaders.forEach((h, i) => sheet.text(row, i + 1, h));
    subHeaderRows.push(row);
    row++;
    const first = row;
    for (const g of groups) {
      const matching = rows.filter(g.matches);
      const cond = `${range(g.column)},${g.criterion}`;
      sheet.text(row, 0, g.label);
      sheet.formula(row, 1, `COUNTIFS(${cond})`, matching.length, FORMAT.count);
      sheet.formula(
        row,
        2,
        `IFERROR(AVERAGEIFS(${range('implementation')},${cond}),"")`,
        mean(matching.map((r) => r.implementation.percent / 100)),
        FORMAT.percent,
      );
      const degrees = matching.flatMap((r) => (r.goal.degree === null ? [] : [r.goal.degree]));
      sheet.formula(row, 3, `IFERROR(AVERAGEIFS(${range('goalDegree')},${cond}),"")`, mean(degrees), FORMAT.percent);
      sums.forEach(([key, cents], i) => {
        const total = matching.reduce((s, r) => s + (data.amountsOf(r)[cents] ?? 0), 0);
        sheet.formula(row, 4 + i, `SUMIFS(${range(key)},${cond})`, money(total), FORMAT.money);
      });
      row++;
    }
    if (total) {
      const last = row - 1;
      const sumOf = (col: number) =>
        groups.length === 0 ? '0' : `SUM(${SheetWriter.address(first, col)}:${SheetWriter.address(last, col)})`;
      boldRows.push(row);
      sheet.text(row, 0, o.total);
      sheet.formula(row, 1, sumOf(1), rows.length, FORMAT.count);
      sheet.formula(
        row,
        2,
        `IFERROR(AVERAGE(${range('implementation')}),"")`,
        mean(rows.map((r) => r.implementation.percent / 100)),
        FORMAT.percent,
      );
      sheet.formula(
        row,
        3,
        `IFERROR(AVERAGE(${range('goalDegree')}),"")`,
        mean(rows.flatMap((r) => (r.goal.degree === null ? [] : [r.goal.degree]))),
        FORMAT.percent,
      );
      sums.forEach(([, cents], i) => {
        const totalCents = rows.reduce((s, r) => s + (data.amountsOf(r)[cents] ?? 0), 0);
        sheet.formula(row, 4 + i, sumOf(4 + i), money(totalCents), FORMAT.money);
      });
      row++;
    }
    if (note) sheet.text(row++, 0, note);
    row++;
  };

  block(
    o.actionField,
    data.actionFields.map((f) => {
      const label = data.fieldLabel(f.id);
      return { label, column: 'actionField', criterion: exactCriterion(label), matches: (r) => r.actionFieldId === f.id };
    }),
    true,
  );
  block(
    o.status,
    data.statusKeys.map((key) => {
      const label = data.statusLabel(key);
      return { label, column: 'status', criterion: exactCriterion(label), matches: (r) => r.status === key };
    }),
    true,
  );
  block(
    o.district,
    [
      ...DISTRICTS.map((d): Group => ({
        label: d.name,
        column: 'districts',
        // District names are fixed by law, contain no wildcard and none is part of another.
        criterion: literal(`*${d.name}*`),
        matches: (r) => r.districts.includes(d.code),
      })),
      { label: o.withoutDistrict, column: 'districts', criterion: '""', matches: (r) => r.districts.length === 0 },
    ],
    false,
    o.districtNote,
  );
  if (data.round) {
    block(
      o.rating,
      [
        ...RATINGS.map((rating): Group => ({
          label: t.definitions.rating(t.ratings[rating], t.ratingLights[rating]),
          column: 'rating',
          criterion: exactCriterion(t.ratings[rating]),
          matches: (r) => r.assessment?.rating === rating,
        })),
        { label: t.notAssessed, column: 'rating', criterion: '""', matches: (r) => r.assessment === null },
      ],
      true,
    );
    block(
      o.recommendation,
      [
        ...RECOMMENDATIONS.map((rec): Group => ({
          label: t.recommendations[rec],
          column: 'recommendation',
          criterion: exactCriterion(t.recommendations[rec]),
          matches: (r) => r.assessment?.recommendation === rec,
        })),
        { label: t.noRecommendation, column: 'recommendation', criterion: '""', matches: (r) => !r.assessment?.recommendation },
      ],
      true,
    );
  }
  return { name: SHEET.overview, sheet: sheet.finish(), titleRows: 2, headerRow: null, subHeaderRows, boldRows };
}

// ---------------------------------------------------------------------------------------------------
// Sheet: Kennzahlen
// ---------------------------------------------------------------------------------------------------

const INDICATOR_KEYS = [
  'measure',
  'measureTitle',
  'name',
  'type',
  'unit',
  'direction',
  'dataSource',
  'baselineValue',
  'baselineYear',
  'targetValue',
  'targetYear',
  'year',
  'period',
  'value',
  'goalDegree',
  'goalLevel',
] as const;
const INDICATOR_LIMITS = [
  { min: 10, max: 12 },
  { min: 16, max: 24 },
  { min: 16, max: 28 },
  {},
  {},
  {},
  { max: 36 },
  { min: 10 },
  { min: 9 },
  { min: 9 },
  { min: 9 },
  {},
  { max: 20 },
  { min: 9 },
  {},
  { max: 22 },
];

/** Column of "Jahr": after the indicator's own columns. */
const VALUE_COL = INDICATOR_KEYS.indexOf('year');

/**
 * The Kennzahlen sheet's data rows (from row 1), made one at a time: 10,000 measures with 5 Kennzahlen of
 * 6 years each are 300,000 rows, which are streamed to the file instead of being held (HouseSheet.moreRows).
 * Called twice: once for the widths (the first rows only) and once while writing; same data, same rows.
 */
function* indicatorRows(data: EvaluationData): Generator<readonly [number, (XLSX.CellObject | null)[]]> {
  const types = { output: textCell(t.indicatorTypes.output), outcome: textCell(t.indicatorTypes.outcome) };
  const directions = { higher: textCell(t.directions.higher), lower: textCell(t.directions.lower) };
  const levels = cellCache((level: GoalLevel) => textCell(t.goalLevels[level]));
  const year = cellCache((y: number) => numberCell(y));
  const period = cellCache((p: string) => textCell(p));
  let row = 1;
  for (const { indicator: ind, measure, values } of data.indicators) {
    const z = valueFormat(decimalsOf([ind.baselineValue, ind.targetValue, ...values.map((v) => v.value)]));
    // The indicator's own columns repeat on each of its rows: one cell object each, shared by the rows.
    const fixed = [
      textCell(measure.number),
      textCell(measure.title),
      textCell(ind.name),
      types[ind.type],
      textCell(ind.unit),
      directions[ind.direction],
      textCell(ind.dataSource),
      numberCell(ind.baselineValue, z),
      ind.baselineYear === null ? null : year(ind.baselineYear),
      numberCell(ind.targetValue, z),
      ind.targetYear === null ? null : year(ind.targetYear),
    ];
    // The attainment of one value: goalAttainment of the indicator with just that value.
    const probe = {
      baselineValue: ind.baselineValue,
      targetValue: ind.targetValue,
      direction: ind.direction,
      values: [] as IndicatorValue[],
    };
    const cellsOf = (value: IndicatorValue | null): (XLSX.CellObject | null)[] => {
      // The indicator's own columns, then from "Jahr" on the value's.
      const cells = fixed.slice(0, VALUE_COL);
      if (value) {
        probe.values[0] = value;
        const goal = goalAttainment(probe);
        cells.push(
          year(value.year),
          period(value.period),
          numberCell(value.value, z),
          numberCell(goal.degree, FORMAT.percent),
          levels(goal.level),
        );
      } else {
        cells.push(null, null, null, null, levels('nicht_bewertbar'));
      }
      return cells;
    };
    if (values.length === 0) yield [row++, cellsOf(null)];
    for (const v of values) yield [row++, cellsOf(v)];
  }
}

function indicatorsSheet(data: EvaluationData): HouseSheet {
  const c = x.indicatorColumns;
  const sheet = new SheetWriter(INDICATOR_LIMITS);
  sheet.header(INDICATOR_KEYS.map((k) => ({ header: c[k] })));
  // Widths from the first rows (as SheetWriter takes them); the range from the count of rows.
  for (const [row, cells] of indicatorRows(data)) {
    if (row >= WIDTH_SAMPLE_ROWS) break;
    cells.forEach((cell, col) => sheet.account(row, col, cell));
  }
  const lastRow = data.indicators.reduce((n, e) => n + Math.max(1, e.values.length), 0);
  return {
    name: SHEET.indicators,
    sheet: sheet.finish({ filterColumns: INDICATOR_KEYS.length, filterLastRow: lastRow, lastRow }),
    headerRow: 0,
    identifyingColumns: 3,
    moreRows: () => indicatorRows(data),
  };
}

// ---------------------------------------------------------------------------------------------------
// Sheet: Finanzen
// ---------------------------------------------------------------------------------------------------

const FINANCE_KEYS = [
  'measure',
  'title',
  'actionField',
  'year',
  'fundingSource',
  'budgetPosition',
  'planned',
  'approved',
  'spent',
] as const;
const FINANCE_LIMITS = [
  { min: 10, max: 14 },
  { min: 20, max: 50 },
  { max: 34 },
  {},
  {},
  { max: 28 },
  { min: 14 },
  { min: 14 },
  { min: 14 },
];

function financesSheet(data: EvaluationData): HouseSheet {
  const c = x.financeColumns;
  const sheet = new SheetWriter(FINANCE_LIMITS);
  sheet.header(FINANCE_KEYS.map((k) => ({ header: c[k] })));
  const field = cellCache((id: string) => textCell(data.fieldLabel(id)));
  const year = cellCache((y: number) => numberCell(y));
  const source = cellCache((key: keyof typeof de.ui.fundingSources) => textCell(de.ui.fundingSources[key]));
  let row = 1;
  const totals = [0, 0, 0];
  for (const r of data.rows) {
    const lines = [...data.measureOf(r).budget].sort((a, b) => a.year - b.year || a.fundingSource.localeCompare(b.fundingSource));
    const number = textCell(r.number);
    const title = textCell(r.title);
    for (const line of lines) {
      sheet.cell(row, 0, number);
      sheet.cell(row, 1, title);
      sheet.cell(row, 2, field(r.actionFieldId));
      sheet.cell(row, 3, year(line.year));
      sheet.cell(row, 4, source(line.fundingSource));
      sheet.text(row, 5, line.budgetPosition);
      [line.plannedCents, line.approvedCents, line.spentCents].forEach((cents, i) => {
        if (cents === null) return;
        totals[i]! += cents;
        sheet.number(row, 6 + i, money(cents), FORMAT.money);
      });
      row++;
    }
  }
  const lastData = row - 1;
  // After an empty row, so the autofilter range ends with the data; SUBTOTAL(109) sums what the filter shows.
  const sumRow = row + 1;
  sheet.text(sumRow, 0, x.financeTotal);
  totals.forEach((cents, i) => {
    const col = COLUMN_NAMES[6 + i]!;
    sheet.formula(sumRow, 6 + i, `SUBTOTAL(109,${col}2:${col}${Math.max(2, lastData + 1)})`, money(cents), FORMAT.money);
  });
  return {
    name: SHEET.finances,
    sheet: sheet.finish({ filterColumns: FINANCE_KEYS.length, filterLastRow: lastData }),
    headerRow: 0,
    identifyingColumns: 2,
    boldRows: [sumRow],
  };
}

// ---------------------------------------------------------------------------------------------------
// Sheet: Stadtbezirke
// ---------------------------------------------------------------------------------------------------

function districtsSheet(data: EvaluationData): HouseSheet {
  const columns = [x.districtColumns.number, x.districtColumns.title, ...DISTRICTS.map((d) => d.name)];
  const sheet = new SheetWriter([{ min: 8, max: 14 }, { min: 20, max: 50 }, ...DISTRICTS.map(() => ({ min: 6 }))]);
  sheet.header(columns.map((header) => ({ header })));
  const counts = DISTRICTS.map(() => 0);
  const mark = textCell(x.districtMark);
  data.rows.forEach((r, i) => {
    sheet.text(i + 1, 0, r.number);
    sheet.text(i + 1, 1, r.title);
    DISTRICTS.forEach((d, k) => {
      if (!r.districts.includes(d.code)) return;
      counts[k]!++;
      sheet.cell(i + 1, 2 + k, mark);
    });
  });
  const lastData = data.rows.length;
  const countRow = lastData + 2;
  sheet.text(countRow, 0, x.districtCount);
  DISTRICTS.forEach((_, k) => {
    const col = COLUMN_NAMES[2 + k]!;
    sheet.formula(
      countRow,
      2 + k,
      `COUNTIF(${col}2:${col}${Math.max(2, lastData + 1)},${literal(x.districtMark)})`,
      counts[k]!,
      FORMAT.count,
    );
  });
  return {
    name: SHEET.districts,
    sheet: sheet.finish({ filterColumns: columns.length, filterLastRow: lastData }),
    headerRow: 0,
    identifyingColumns: 2,
    boldRows: [countRow],
  };
}

// ---------------------------------------------------------------------------------------------------
// Sheet: Legende
// ---------------------------------------------------------------------------------------------------

/** Width of the Legende's explanation column, in characters: a sentence wraps within its cell. */
const LEGEND_LINE = 90;

function legendSheet(data: EvaluationData, input: EvaluationExportInput): HouseSheet {
  const l = x.legend;
  const d = t.definitions;
  const sheet = new SheetWriter([
    { min: 24, max: 31 },
    { min: LEGEND_LINE, max: LEGEND_LINE },
  ]);
  sheet.header([{ header: l.term }, { header: l.explanation }]);
  let row = 1;
  // One row per term; a long explanation wraps within its cell (house style).
  const line = (term: string, explanation: string) => {
    sheet.text(row, 0, term);
    sheet.text(row, 1, explanation);
    row++;
  };
  const dateLine = (term: string, iso: string | null) => {
    sheet.text(row, 0, term);
    sheet.date(row, 1, iso);
    row++;
  };

  line(l.implementation, d.implementation);
  line(l.statusDefaults, d.statusDefaults(statusDefaultsText(input.doc)));
  line(l.goalIndicator, d.goalIndicator(MAX_DEGREE_TEXT));
  line(l.goalMeasure, d.goalMeasure);
  line(l.separate, d.separate);
  // Scale, ratings and recommendations: the word as the term (short, so both columns fit a page upright).
  for (const [word, range] of goalScaleRows().slice(0, -1)) line(word, l.levelRange(range));
  line(t.goalLevels.nicht_bewertbar, d.notAssessable);
  for (const rating of RATINGS) line(t.ratings[rating], l.ratingLight(t.ratingLights[rating]));
  for (const rec of RECOMMENDATIONS) line(t.recommendations[rec], l.recommendationMeaning(t.recommendationMeanings[rec]));
  if (data.dataSources.length === 0) line(l.dataSource, l.noDataSources);
  for (const source of data.dataSources) line(l.dataSource, source);
  row++;

  line(l.round, data.round?.name ?? t.noRound);
  if (data.round) {
    dateLine(l.roundDate, data.round.date);
    dateLine(l.cutOff, data.round.cutOffDate);
    if (data.cutOffYear !== undefined) line(l.cutOff, l.cutOffValues(data.cutOffYear));
    line(l.scope, data.scopeLabel);
  }
  line(l.filters, data.filterParts.length > 0 ? data.filterParts.join('; ') : t.noFilter);
  line(l.personalData, input.includePersonalData ? l.personalDataOn : l.personalDataOff);
  sheet.text(row, 0, l.exportedAt);
  sheet.dateTime(row, 1, input.generatedAt);
  row++;
  line(l.registerFile, registerFileLabel(input.registerPath, input.includePersonalData ?? false));
  line(l.registerName, input.doc.isSample ? `${input.doc.name} (${l.sample})` : input.doc.name);
  sheet.text(row, 0, l.schemaVersion);
  sheet.number(row, 1, input.doc.schemaVersion);
  row++;
  line(l.appVersion, input.appVersion);
  line(l.formulas, l.formulasText);
  line(l.amounts, l.amountsText);
  return { name: SHEET.legend, sheet: sheet.finish(), headerRow: 0 };
}

// ---------------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------------

/** The sheets of the evaluation workbook. Throws UnknownRoundError for a round id the register does not have. */
export function buildEvaluationSheets(input: EvaluationExportInput): { sheets: HouseSheet[]; title: string } {
  const data = prepareEvaluation(input);
  const includePersonalData = input.includePersonalData ?? false;
  const layout = measureLayout(data, includePersonalData);
  const sheets = [
    overviewSheet(data, layout, input),
    measuresSheet(data, layout, includePersonalData),
    indicatorsSheet(data),
    financesSheet(data),
    districtsSheet(data),
    legendSheet(data, input),
  ];
  return { sheets, title: x.workbookTitle(data.round?.name ?? null) };
}

/** The evaluation workbook as .xlsx bytes, in the house style. Throws UnknownRoundError. */
export async function writeEvaluationXlsx(input: EvaluationExportInput, control: ExportControl = {}): Promise<Buffer> {
  const { sheets, title } = buildEvaluationSheets(input);
  return writeHouseWorkbook(sheets, {
    title: cellText(title),
    subject: x.subject,
    keywords: x.keywords,
    description: x.comments(formatDate(localIsoDate(input.generatedAt))),
    category: x.category,
    author: x.author,
    company: x.company,
    stand: localIsoDate(input.generatedAt),
    created: input.generatedAt,
    ...control,
  });
}
