/**
 * A small sheet writer for the workbooks of Gremien & Beteiligung: rows of plain values in, a SheetJS
 * worksheet out. The same cell rules as the evaluation workbook (its exported cell helpers are reused):
 * text only ever as a string cell (a leading `=`, `+`, `-`, `@` stays text, never a formula), numbers as
 * numbers with thousands separators (they are counts), dates as serial numbers with `dd\.mm\.yyyy`, widths from the content within limits, an
 * autofilter over a header row and its data.
 */
import XLSX from 'xlsx';
import { dateSerial, FORMAT, headerWidth, numberCell, textCell } from '@main/evaluation/evaluationWorkbook';
import type { HouseSheet } from '@main/export/houseWorkbook';

/** A value of a cell: text, a number, a date (`{ date: 'YYYY-MM-DD' }`), or nothing. */
export type CellInput = string | number | { date: string | null } | null | undefined;

export interface ColumnLimit {
  /** Smallest and largest width in characters. */
  min?: number;
  max?: number;
}

const DEFAULT_MAX = 60;

function toCell(value: CellInput): XLSX.CellObject | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textCell(value);
  // Every number in these sheets is a count or an amount: German readers expect "2.000", not "2000".
  if (typeof value === 'number') return numberCell(value, Number.isInteger(value) ? '#,##0' : '#,##0.00');
  return value.date ? { t: 'n', v: dateSerial(value.date), z: FORMAT.date } : null;
}

function widthOf(value: CellInput): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return String(value).length + 1;
  if (typeof value === 'string') {
    let longest = 0;
    for (const line of value.split('\n')) longest = Math.max(longest, line.length);
    return longest;
  }
  return 10;
}

export class TableSheet {
  private readonly sheet: XLSX.WorkSheet = {};
  private readonly widths: number[] = [];
  private row = 0;
  private lastCol = 0;
  private filter: { headerRow: number; columns: number } | null = null;
  private titleRows = 0;
  private readonly subHeaders: number[] = [];
  private readonly bold: number[] = [];

  constructor(private readonly limits: readonly ColumnLimit[] = []) {}

  /** The row the next `add` writes (0-based). */
  get nextRow(): number {
    return this.row;
  }

  /** Appends a row; empty values write no cell. */
  add(values: readonly CellInput[]): void {
    values.forEach((value, col) => {
      const cell = toCell(value);
      if (cell === null) return;
      this.sheet[XLSX.utils.encode_cell({ r: this.row, c: col })] = cell;
      if (col > this.lastCol) this.lastCol = col;
      const width = widthOf(value);
      if (width > (this.widths[col] ?? 0)) this.widths[col] = width;
    });
    this.row++;
  }

  /** The title block: the title, then its lines (register, Stand, filters …); an empty row after it. */
  titleBlock(title: string, lines: readonly string[]): void {
    this.add([title]);
    for (const line of lines) this.add([line]);
    this.titleRows = this.row;
    this.gap();
  }

  /** The header of a small table (an overview's block): styled like a header, no filter. */
  subHeader(values: readonly CellInput[]): void {
    this.subHeaders.push(this.row);
    this.add(values);
  }

  /** A totals row: bold. */
  total(values: readonly CellInput[]): void {
    this.bold.push(this.row);
    this.add(values);
  }

  /** Where title, header and totals are, for the house style. */
  layout(): Omit<HouseSheet, 'name' | 'sheet'> {
    return {
      titleRows: this.titleRows,
      headerRow: this.filter?.headerRow ?? null,
      subHeaderRows: [...this.subHeaders],
      boldRows: [...this.bold],
    };
  }

  /** An empty row. */
  gap(): void {
    this.row++;
  }

  /** A header row that starts a filtered table (its data are the rows added up to `finish`). */
  header(headers: readonly string[]): void {
    this.filter = { headerRow: this.row, columns: headers.length };
    this.add(headers);
    // Headers wrap (house style): the longest word and the autofilter's button must fit.
    headers.forEach((h, i) => (this.widths[i] = Math.max(this.widths[i] ?? 0, headerWidth(h))));
  }

  finish(): XLSX.WorkSheet {
    const cols = Math.max(this.lastCol + 1, this.filter?.columns ?? 0);
    this.sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, this.row - 1), c: Math.max(0, cols - 1) } });
    this.sheet['!cols'] = Array.from({ length: cols }, (_, i) => {
      const limit = this.limits[i] ?? {};
      return { wch: Math.min(limit.max ?? DEFAULT_MAX, Math.max(limit.min ?? 6, (this.widths[i] ?? 0) + 2)) };
    });
    if (this.filter) {
      // At least one data row in the range, so Excel keeps the filter on an empty table.
      const last = Math.max(this.filter.headerRow + 1, this.row - 1);
      this.sheet['!autofilter'] = {
        ref: XLSX.utils.encode_range({ s: { r: this.filter.headerRow, c: 0 }, e: { r: last, c: this.filter.columns - 1 } }),
      };
    }
    return this.sheet;
  }
}
