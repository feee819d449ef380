/**
 * The house style of every exported workbook, written with exceljs (SheetJS CE writes no styles, panes or
 * page setup; it stays the reader of imports). The workbook builders keep composing their sheets as SheetJS
 * cell objects (values, number formats, formulas with cached results, widths, autofilter): this module only
 * decides how a sheet looks and prints, the same for all of them:
 *
 * - a title block on top (title bold and larger, the lines under it in grey);
 * - the main table's header row bold, filled and bordered, frozen below it and right of the identifying
 *   columns, repeated on every printed page; other header rows (small tables of an overview) styled alike;
 * - long text wraps in its column (widths come from the content, within the builder's limits);
 * - A4 landscape, one page wide, page header with the title (and "Anlage zur Drucksache Nr. …" where it is
 *   one), footer "Stand TT.MM.JJJJ" and "Seite &P von &N";
 * - the Ampel stays a word and gets its colour from conditional formatting;
 * - document properties incl. the language (de-DE).
 *
 * Text is only ever written as a text cell (exceljs writes a JS string as a string, never as a formula);
 * text that starts like a formula carries the quote prefix (quotePrefix.ts), so editing it keeps it text.
 * Rows are streamed (exceljs' WorkbookWriter) and committed as they go, so a sheet with 300,000 rows does
 * not exist twice in memory.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type XLSX from 'xlsx';
import { de } from '@shared/i18n/de';
import { enableQuotePrefix, looksLikeFormula } from '@main/export/quotePrefix';

/** One sheet as the builders compose it (SheetJS cells, dense or sparse) plus where its parts are. */
export interface HouseSheet {
  name: string;
  sheet: XLSX.WorkSheet;
  /** Rows (0-based) of the title block: 0 is the title, the others are its lines. */
  titleRows?: number;
  /** The main table's header row (0-based): frozen, repeated when printed. null: no table. */
  headerRow?: number | null;
  /** Further header rows (small tables of an overview). */
  subHeaderRows?: readonly number[];
  /** Rows shown bold (totals). */
  boldRows?: readonly number[];
  /** How many columns identify a row (kept in view when scrolling right). */
  identifyingColumns?: number;
  /** Column (0-based) holding the Ampel word ("grün", "gelb", "rot", "grau"): coloured conditionally. */
  lightColumn?: number;
  /**
   * Rows after those in `sheet`, made one by one while the sheet is written (0-based row, its cells): a
   * sheet of 300,000 rows never exists whole. `sheet` then holds the title and header rows and the
   * sheet's `!ref`, `!cols` and `!autofilter`, which must already cover these rows.
   */
  moreRows?: () => Iterable<readonly [number, readonly (XLSX.CellObject | null | undefined)[]]>;
}

export interface HouseMeta {
  /** Title of the workbook: properties, page header. */
  title: string;
  subject: string;
  keywords: string;
  description: string;
  category?: string;
  author: string;
  company?: string;
  /** `YYYY-MM-DD`: "Stand" in every footer. */
  stand: string;
  /** e.g. "Anlage zur Drucksache Nr. 25/0123", printed in the page header. */
  annexOf?: string | null;
  created: Date;
  /** Progress of the row writing, 0–1 (called at most every few thousand rows). */
  onProgress?: (done: number) => void;
  /** Checked while rows are written; true stops the export (throws ExportCancelledError). */
  cancelled?: () => boolean;
}

/** Sheet names as Excel allows them: at most 31 characters, none of `: \ / ? * [ ]`. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** What a caller may pass to follow or stop a long export. */
export type ExportControl = Pick<HouseMeta, 'onProgress' | 'cancelled'>;

/** The title block's second line: parts joined with " · ". */
export function titleLine(parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

export class ExportCancelledError extends Error {
  constructor() {
    super(de.workbook.cancelled);
    this.name = 'ExportCancelledError';
  }
}

// ---------------------------------------------------------------------------------------------------
// The look
// ---------------------------------------------------------------------------------------------------

const FONT = 'Arial';
const GREY_TEXT = { argb: 'FF404040' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const THIN = { style: 'thin', color: { argb: 'FF7F7F7F' } } as const;
const HEADER_BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** The Ampel's colours: a light fill and dark text, so the word stays readable (contrast ≥ 4.5:1). */
export const LIGHT_COLOURS: Record<string, { fill: string; font: string }> = {
  grün: { fill: 'FFC6EFCE', font: 'FF006100' },
  gelb: { fill: 'FFFFEB9C', font: 'FF7A5A00' },
  rot: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  grau: { fill: 'FFE7E6E6', font: 'FF3A3A3A' },
};

/**
 * Style objects are shared: exceljs remembers the style id per object, so 4 million cells cost a map
 * lookup each instead of a new style.
 */
class Styles {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  get(
    kind: 'title' | 'subtitle' | 'header' | 'body' | 'bold',
    numFmt: string | undefined,
    wrap: boolean,
    quote = false,
  ): Partial<ExcelJS.Style> {
    const key = `${kind}|${numFmt ?? ''}|${wrap ? 1 : 0}|${quote ? 1 : 0}`;
    let style = this.cache.get(key);
    if (style) return style;
    const font: Partial<ExcelJS.Font> =
      kind === 'title'
        ? { name: FONT, size: 14, bold: true }
        : kind === 'subtitle'
          ? { name: FONT, size: 10, color: GREY_TEXT }
          : { name: FONT, size: 10, bold: kind === 'header' || kind === 'bold' };
    style = { font };
    if (numFmt) style.numFmt = numFmt;
    if (kind === 'header') {
      style.fill = HEADER_FILL;
      style.border = HEADER_BORDER;
      style.alignment = { vertical: 'top', wrapText: true };
    } else if (wrap) style.alignment = { vertical: 'top', wrapText: true };
    else if (kind === 'body' || kind === 'bold') style.alignment = { vertical: 'top' };
    // Read by quotePrefix.ts: formula-looking text stays text when edited.
    if (quote) (style as { quotePrefix?: boolean }).quotePrefix = true;
    this.cache.set(key, style);
    return style;
  }
}

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function decodeCell(address: string): { r: number; c: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function decodeRange(ref: string | undefined): { r: number; c: number } | null {
  if (!ref) return null;
  const end = ref.split(':')[1] ?? ref.split(':')[0]!;
  return decodeCell(end.replace(/\$/g, ''));
}

/** The rows of a SheetJS sheet, dense (array of rows) or sparse (addresses), as arrays of cells. */
type Cells = readonly (XLSX.CellObject | null | undefined)[];

/** A sheet's rows: those it holds, then the ones made while writing. */
function* rowsOfSpec(spec: HouseSheet): Generator<readonly [number, Cells]> {
  yield* rowsOf(spec.sheet);
  if (spec.moreRows) yield* spec.moreRows();
}

function* rowsOf(sheet: XLSX.WorkSheet): Generator<[number, (XLSX.CellObject | undefined)[]]> {
  if (Array.isArray(sheet)) {
    const dense = sheet as unknown as (XLSX.CellObject[] | undefined)[];
    for (let r = 0; r < dense.length; r++) if (dense[r]) yield [r, dense[r]!];
    return;
  }
  const rows = new Map<number, (XLSX.CellObject | undefined)[]>();
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const at = decodeCell(key);
    if (!at) continue;
    let row = rows.get(at.r);
    if (!row) rows.set(at.r, (row = []));
    row[at.c] = sheet[key] as XLSX.CellObject;
  }
  for (const r of [...rows.keys()].sort((a, b) => a - b)) yield [r, rows.get(r)!];
}

/** Header/footer text: `&` is a code there, so it is doubled; Excel allows 255 characters per section set. */
function hfText(text: string, max = 70): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return short.replace(/&/g, '&&');
}

function germanDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

// ---------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------

function pageSetupFor(spec: HouseSheet, lastCol: number): Partial<ExcelJS.PageSetup> {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printArea: undefined,
  };
  if (spec.headerRow !== null && spec.headerRow !== undefined) setup.printTitlesRow = `${spec.headerRow + 1}:${spec.headerRow + 1}`;
  void lastCol;
  return setup;
}

function hasLaterCell(cells: Cells, c: number): boolean {
  for (let i = c + 1; i < cells.length; i++) if (cells[i] && cells[i]!.v !== undefined && cells[i]!.v !== '') return true;
  return false;
}

/**
 * Characters of Arial 10 per unit of column width (the unit is a digit of the default font, Calibri 11).
 * Counted low on purpose: a row one line too tall costs a little space, a row one line too short prints
 * its last line over the next row (seen in LibreOffice with 1.15 on titles of wide letters).
 */
const CHARS_PER_UNIT = 1.0;
/** At most this many lines make a row taller; a longer text is cut by the row, not by the page. */
const MAX_ROW_LINES = 15;
const LINE_HEIGHT = 12.75;

/** Lines a text takes when wrapped at spaces in a column `width` units wide. */
export function linesOf(text: string, width: number): number {
  const capacity = Math.max(4, Math.floor(width * CHARS_PER_UNIT));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const length = word.length;
      if (used === 0) used = length;
      else if (used + 1 + length <= capacity) used += 1 + length;
      else {
        lines++;
        used = length;
      }
      while (used > capacity) {
        lines++;
        used -= capacity;
      }
      if (lines > MAX_ROW_LINES) return lines;
    }
  }
  return lines;
}

/** Height of the header rows: as many lines as the longest wrapped header needs. */
function headerHeightOf(sheet: XLSX.WorkSheet, rows: readonly number[], widths: readonly number[]): number {
  let lines = 1;
  for (const [r, cells] of rowsOf(sheet)) {
    if (!rows.includes(r)) continue;
    cells.forEach((cell, c) => {
      if (cell && typeof cell.v === 'string') lines = Math.max(lines, linesOf(cell.v, widths[c] ?? 10));
    });
    if (r >= Math.max(...rows)) break;
  }
  return Math.min(4, lines) * LINE_HEIGHT + 3;
}

/** Lets the stream drain (and the event loop breathe) every this many rows. */
const ROWS_PER_SLICE = 2000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function addSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: HouseSheet,
  meta: HouseMeta,
  styles: Styles,
  progress: { rows: number; total: number; slice: number },
): Promise<void> {
  const source = spec.sheet;
  const end = decodeRange(source['!ref']);
  const lastCol = end?.c ?? 0;
  const headerRow = spec.headerRow ?? null;
  const identifying = spec.identifyingColumns ?? 0;
  const footer = `&L${hfText(meta.title)}&CStand ${germanDate(meta.stand)}&RSeite &P von &N`;
  const header = meta.annexOf ? `&R${hfText(meta.annexOf)}` : '';
  const views: Partial<ExcelJS.WorksheetView>[] =
    headerRow === null
      ? [{ state: 'normal', showGridLines: true }]
      : [
          {
            state: 'frozen',
            xSplit: identifying,
            ySplit: headerRow + 1,
            topLeftCell: `${columnName(identifying)}${headerRow + 2}`,
            showGridLines: true,
          },
        ];
  const ws = book.addWorksheet(spec.name, {
    views,
    pageSetup: pageSetupFor(spec, lastCol),
    headerFooter: { differentFirst: false, differentOddEven: false, oddHeader: header, oddFooter: footer },
    properties: { defaultRowHeight: 15 },
  } as Partial<ExcelJS.AddWorksheetOptions>);

  const widths = (source['!cols'] ?? []).map((c) => c?.wch ?? 10);
  // exceljs leaves out a column of width 9 (its default), and Excel's default is 8.43: nudge it.
  ws.columns = Array.from({ length: lastCol + 1 }, (_, i) => ({ width: (widths[i] ?? 10) === 9 ? 9.01 : (widths[i] ?? 10) }));
  const titleRows = spec.titleRows ?? 0;
  const headerHeight = headerHeightOf(source, [...(headerRow === null ? [] : [headerRow]), ...(spec.subHeaderRows ?? [])], widths);
  const sub = new Set(spec.subHeaderRows ?? []);
  const bold = new Set(spec.boldRows ?? []);

  for (const [r, cells] of rowsOfSpec(spec)) {
    if (++progress.slice >= ROWS_PER_SLICE) {
      progress.slice = 0;
      await pause();
      if (meta.cancelled?.()) throw new ExportCancelledError();
    }
    const row = ws.getRow(r + 1);
    let lines = 1;
    const kind =
      r < titleRows ? (r === 0 ? 'title' : 'subtitle') : r === headerRow || sub.has(r) ? 'header' : bold.has(r) ? 'bold' : 'body';
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell || cell.v === undefined || cell.v === null) continue;
      const target = row.getCell(c + 1);
      const numFmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
      let wrap = false;
      let quote = false;
      if (cell.f) {
        target.value = { formula: cell.f, result: cell.v as number | string } as ExcelJS.CellFormulaValue;
      } else if (typeof cell.v === 'string') {
        target.value = cell.v;
        quote = looksLikeFormula(cell.v);
        // Title lines run across the empty cells to their right; table text wraps in its column.
        if (kind !== 'title' && kind !== 'subtitle') {
          const width = widths[c] ?? 10;
          // A text alone at the left of its row (a note) runs across the empty cells instead.
          if ((cell.v.length > width || cell.v.includes('\n')) && (c === lastCol || hasLaterCell(cells, c))) {
            wrap = true;
            if (kind !== 'header') lines = Math.max(lines, linesOf(cell.v, width));
          }
        }
      } else if (typeof cell.v === 'number' || typeof cell.v === 'boolean') {
        target.value = cell.v;
      } else if (cell.v instanceof Date) {
        target.value = cell.v;
      } else continue;
      target.style = styles.get(kind, numFmt, wrap, quote);
    }
    // Neither Excel nor LibreOffice sizes a row to its wrapped text when opening a file: the height is set.
    if (kind === 'title') row.height = 20;
    else if (kind === 'header') row.height = headerHeight;
    else if (lines > 1) row.height = Math.min(MAX_ROW_LINES, lines) * LINE_HEIGHT + 3;
    row.commit();
    progress.rows++;
    if (meta.onProgress && progress.rows % 5000 === 0) meta.onProgress(Math.min(1, progress.rows / Math.max(1, progress.total)));
  }

  const filter = source['!autofilter']?.ref;
  if (filter) ws.autoFilter = filter;
  if (spec.lightColumn !== undefined && headerRow !== null && end) {
    const col = columnName(spec.lightColumn);
    const ref = `${col}${headerRow + 2}:${col}${Math.max(headerRow + 2, end.r + 1)}`;
    ws.addConditionalFormatting({
      ref,
      rules: Object.entries(LIGHT_COLOURS).map(([word, colour], i) => ({
        type: 'expression',
        priority: i + 1,
        formulae: [`$${col}${headerRow + 2}="${word}"`],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: colour.fill } }, font: { color: { argb: colour.font } } },
      })),
    });
  }
  ws.commit();
}

function countRows(sheets: readonly HouseSheet[]): number {
  let total = 0;
  for (const s of sheets) total += (decodeRange(s.sheet['!ref'])?.r ?? 0) + 1;
  return total;
}

/**
 * The workbook in the house style as .xlsx bytes. Sheet names must be valid (the builders check them).
 * Throws ExportCancelledError when `meta.cancelled` says so; nothing is returned then.
 */
export async function writeHouseWorkbook(sheets: readonly HouseSheet[], meta: HouseMeta): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  enableQuotePrefix();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.creator = meta.author;
  book.lastModifiedBy = meta.author;
  book.title = meta.title;
  book.subject = meta.subject;
  book.keywords = meta.keywords;
  book.description = meta.description;
  book.category = meta.category ?? '';
  book.company = meta.company ?? '';
  // dc:language in docProps/core.xml (exceljs writes it; its typings lack the field).
  (book as unknown as { language: string }).language = 'de-DE';
  book.created = meta.created;
  book.modified = meta.created;
  const styles = new Styles();
  const progress = { rows: 0, total: countRows(sheets), slice: 0 };
  if (meta.cancelled?.()) throw new ExportCancelledError();
  for (const spec of sheets) if (!isValidSheetName(spec.name)) throw new Error(`invalid sheet name: ${spec.name}`);
  try {
    for (const spec of sheets) await addSheet(book, spec, meta, styles, progress);
    await book.commit();
    await done;
  } catch (error) {
    out.destroy();
    throw error;
  }
  meta.onProgress?.(1);
  return Buffer.concat(chunks);
}
