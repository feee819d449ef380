import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { germanIssue } from '@shared/i18n/zodGerman';

// Zod's own messages (for the cases without a custom message below) in German, type names included.
z.config({ ...z.locales.de(), customError: germanIssue });

/**
 * Building blocks shared by every schema. Text fields refuse control characters
 * (they break Word/Excel exports and are never typed on purpose), single-line
 * fields also refuse line breaks.
 */
// Written as "no such character anywhere" patterns, so zod runs them as cheap regex checks.
// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
/**
 * Characters that change how text is shown without being visible: C1 controls, bidi embeddings and
 * overrides (U+202E shows "txt.exe" as "exe.txt"), isolates, direction marks and zero-width characters.
 * One rule for every text field, stored or sent; the reader strips them from older files (see
 * stripInvisible), so a register that has them still opens.
 */
export const INVISIBLE_CHARS = /[\u0080-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const NO_INVISIBLE_CHARS = new RegExp(`^[^${INVISIBLE_CHARS.source.slice(1, -1)}]*$`);
const NO_LINE_BREAKS = /^[^\r\n\u2028\u2029]*$/;
const NOT_BLANK = /\S/;

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, de.validation.id);

export function multiLineText(max: number) {
  return z
    .string()
    .max(max, de.validation.tooLong(max))
    .regex(NO_CONTROL_CHARS, de.validation.controlChars)
    .regex(NO_INVISIBLE_CHARS, de.validation.invisibleChars);
}

/** Removes INVISIBLE_CHARS from every string of a parsed JSON value (keys too); returns a new value. */
export function stripInvisible(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(INVISIBLE_ALL, '');
  if (Array.isArray(value)) return value.map(stripInvisible);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(INVISIBLE_ALL, ''), stripInvisible(v)]));
  return value;
}
const INVISIBLE_ALL = new RegExp(INVISIBLE_CHARS.source, 'g');

export function singleLineText(max: number) {
  return multiLineText(max).regex(NO_LINE_BREAKS, de.validation.lineBreak);
}

export function requiredLine(max: number, message: string) {
  return singleLineText(max).regex(NOT_BLANK, message);
}

/** Calendar date as ISO `YYYY-MM-DD` (stored), shown as `TT.MM.JJJJ`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, de.validation.date)
  .refine(isRealDate, de.validation.date);

export const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, de.validation.dateTime);

/** Money is kept in whole cents so sums never drift. */
export const cents = z
  .number()
  .int(de.validation.cents)
  .min(0, de.validation.notNegative)
  .max(100_000_000_000, de.validation.amountTooLarge);

export const year = z.number().int().min(1990, de.validation.year).max(2100, de.validation.year);

/** Drucksache-Nr.: five digits, two-digit year, optional follow-up suffix `-E1`. */
export const printNumber = z.string().regex(/^\d{5}-\d{2}(-E[1-9]\d?)?$/, de.validation.printNumber);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` names a day that exists (no 30 February). Arithmetic only: it runs for every date on open. */
export function isRealDate(s: string): boolean {
  if (s.length !== 10) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}
