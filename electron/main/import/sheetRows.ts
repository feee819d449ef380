import XLSX from 'xlsx';
import { MAX_CELL_TEXT, type CellValue } from './limits';

/**
 * A SheetJS worksheet (read with `dense: true`) → plain rows of strings, numbers and null. Formulas are
 * never evaluated and never carried: a formula cell gives the value the spreadsheet program last
 * calculated (none: empty), a text cell that looks like a formula stays that text. Date cells become
 * ISO dates `YYYY-MM-DD`. Runs in the worker.
 */
type Cell = { t?: unknown; v?: unknown; z?: unknown };

/** Excel's error codes (BIFF/OOXML), so "#NV" in a number column gets a message instead of being empty. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const dateFormats = new Map<string, boolean>();

function isDateFormat(format: string): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    try {
      known = XLSX.SSF.is_date(format) === true;
    } catch {
      known = false;
    }
    dateFormats.set(format, known);
  }
  return known;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Serial day number → `YYYY-MM-DD` (the time of day is dropped); null outside 1900–9999. */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const parts = XLSX.SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number } | null;
  if (!parts || !Number.isInteger(parts.y) || parts.y < 1900 || parts.y > 9999) return null;
  return `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
}

export function cellValue(cell: unknown, date1904: boolean): CellValue {
  if (!cell || typeof cell !== 'object') return null;
  const { t, v, z } = cell as Cell;
  switch (t) {
    case 's':
    case 'str':
      return typeof v === 'string' && v !== '' ? (v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT + 1) : v) : null;
    case 'n':
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      if (typeof z === 'string' && isDateFormat(z)) return serialToIsoDate(v, date1904) ?? v;
      return v;
    case 'b':
      return typeof v === 'boolean' ? (v ? 'WAHR' : 'FALSCH') : null;
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : null;
    case 'e':
      return typeof v === 'number' ? (ERRORS[v] ?? '#FEHLER') : '#FEHLER';
    default:
      return null;
  }
}

interface Range {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

function isRange(value: unknown): value is Range {
  const r = value as Range;
  return (
    !!r &&
    typeof r === 'object' &&
    Number.isInteger(r.s?.r) &&
    Number.isInteger(r.s?.c) &&
    Number.isInteger(r.e?.r) &&
    Number.isInteger(r.e?.c) &&
    r.s.r >= 0 &&
    r.s.c >= 0 &&
    r.e.r >= r.s.r &&
    r.e.c >= r.s.c
  );
}

/**
 * Rows of a dense worksheet. Merged areas: the value of the top-left cell also counts for the rows below
 * it in the same column (a Handlungsfeld merged over several measures belongs to each of them); other
 * columns of the area stay empty. At most `maxFilled` cells are filled this way.
 */
export function sheetToRows(
  sheet: unknown,
  date1904: boolean,
  maxColumns: number,
  maxFilled: number,
): { rows: CellValue[][]; cells: number } {
  const rows: CellValue[][] = [];
  let cells = 0;
  const dense = Array.isArray(sheet) ? (sheet as unknown[]) : [];
  for (let r = 0; r < dense.length; r++) {
    const source = dense[r];
    const row: CellValue[] = [];
    if (Array.isArray(source)) {
      const width = Math.min(source.length, maxColumns);
      for (let c = 0; c < width; c++) {
        const value = cellValue(source[c], date1904);
        row.push(value);
        if (value !== null) cells++;
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
    }
    rows.push(row);
  }
  const merges = (sheet as { '!merges'?: unknown })['!merges'];
  if (Array.isArray(merges)) {
    let budget = maxFilled;
    for (const merge of merges.slice(0, 100_000)) {
      if (!isRange(merge) || merge.s.c >= maxColumns || merge.s.r >= rows.length) continue;
      const value = rows[merge.s.r]![merge.s.c] ?? null;
      if (value === null) continue;
      const last = Math.min(merge.e.r, rows.length - 1);
      for (let r = merge.s.r + 1; r <= last && budget > 0; r++, budget--) {
        const row = rows[r]!;
        while (row.length < merge.s.c) row.push(null);
        if (row[merge.s.c] === null || row[merge.s.c] === undefined) {
          row[merge.s.c] = value;
          cells++;
        }
      }
    }
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return { rows, cells };
}
