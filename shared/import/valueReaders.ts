import { parseGermanDate, parseGermanMoney } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { cellText } from './headerRecognition';
import type { ColumnMapping, ImportCell, ImportField } from './importFields';
import type { RowProblem } from './importPreview';
import { importTexts } from './importTexts';

/** Reading one row's cells: German numbers, dates, years and amounts, each failing with a message at its column. */

export const DASHES = new Set(['-', '–', '—']);
const number = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 });

/** "1.234,5" / "1234,5" / "-12" (German) → number; null when not a number. */
export function parseGermanNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '');
  if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

export interface RowReader {
  rowNumber: number;
  /** Undefined: the field is not mapped; null: the cell is empty. */
  cell(field: ImportField): ImportCell | undefined;
  text(field: ImportField): string;
  mapped(field: ImportField): boolean;
  fail(field: ImportField | null, message: string): void;
  failed(field: ImportField): boolean;
  errors: RowProblem[];
  /** The errors in column order (problems without a column last). */
  sortedErrors(): RowProblem[];
}

export function columnName(headers: readonly string[], column: number): string {
  return headers[column]?.trim() || de.import.mapping.column(column);
}

/** A problem of a field without a column of its own is shown at this related column. */
const FALLBACK_COLUMN: Partial<Record<ImportField, ImportField>> = {
  statusReason: 'status',
  budgetYear: 'budget',
  stateReason: 'state',
  measure: 'state',
  lab: 'source',
  feedbackText: 'feedbackOn',
};

export function rowReader(row: readonly ImportCell[], rowNumber: number, mapping: ColumnMapping, headers: readonly string[]): RowReader {
  const errors: RowProblem[] = [];
  const order: number[] = [];
  const failedFields = new Set<ImportField>();
  const cell = (field: ImportField) => {
    const column = mapping[field];
    return column === undefined ? undefined : (row[column] ?? null);
  };
  return {
    rowNumber,
    cell,
    text: (field) => cellText(cell(field)),
    mapped: (field) => mapping[field] !== undefined,
    fail(field, message) {
      if (field) {
        if (failedFields.has(field)) return;
        failedFields.add(field);
      }
      const fallback = field === null ? undefined : FALLBACK_COLUMN[field];
      const column = field === null ? undefined : (mapping[field] ?? (fallback === undefined ? undefined : mapping[fallback]));
      errors.push({ column: column === undefined ? null : columnName(headers, column), message });
      order.push(column ?? Number.MAX_SAFE_INTEGER);
    },
    failed: (field) => failedFields.has(field),
    errors,
    sortedErrors: () =>
      errors
        .map((error, i) => ({ error, key: order[i]!, i }))
        .sort((a, b) => a.key - b.key || a.i - b.i)
        .map((x) => x.error),
  };
}

export function isBlankRow(row: readonly ImportCell[], mapping: ColumnMapping): boolean {
  return Object.values(mapping).every((column) => column === undefined || cellText(row[column]) === '');
}

export function readDate(r: RowReader, field: ImportField): string | null {
  const text = r.text(field);
  if (text === '' || DASHES.has(text)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && parseGermanDate(`${text.slice(8, 10)}.${text.slice(5, 7)}.${text.slice(0, 4)}`)) return text;
  const date = parseGermanDate(text);
  if (!date) r.fail(field, importTexts.row.date);
  return date;
}

export function readYear(r: RowReader, field: ImportField): number | null {
  const cell = r.cell(field);
  const text = cellText(cell);
  if (text === '' || DASHES.has(text)) return null;
  const value = typeof cell === 'number' ? cell : /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < 1990 || value > 2100) {
    r.fail(field, importTexts.row.year);
    return null;
  }
  return value;
}

export function readCents(r: RowReader, field: ImportField): number | null {
  const cell = r.cell(field);
  const text = cellText(cell);
  if (text === '' || DASHES.has(text)) return null;
  let cents: number | null;
  if (typeof cell === 'number') {
    cents = Math.round(cell * 100);
    if (Math.abs(cell * 100 - cents) > 1e-6) cents = null;
  } else {
    const negative = /^-/.test(text.trim());
    cents = negative ? null : parseGermanMoney(text);
    if (negative && parseGermanMoney(text.trim().slice(1)) !== null) {
      r.fail(field, importTexts.row.negativeAmount);
      return null;
    }
  }
  if (cents === null) r.fail(field, importTexts.row.amount);
  else if (cents < 0) {
    r.fail(field, importTexts.row.negativeAmount);
    return null;
  }
  return cents;
}

export function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function valueText(value: number): string {
  return number.format(value);
}
