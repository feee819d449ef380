import { z } from 'zod';
import { de } from '../i18n/de';

// Zod's own messages (for the cases without a custom message below) in German.
z.config(z.locales.de());

/**
 * Building blocks shared by every schema. Text fields refuse control characters
 * (they break Word/Excel exports and are never typed on purpose), single-line
 * fields also refuse line breaks.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;

export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, de.validation.id);

export function multiLineText(max: number) {
  return z
    .string()
    .max(max, de.validation.tooLong(max))
    .refine((s) => !CONTROL_CHARS.test(s), de.validation.controlChars);
}

export function singleLineText(max: number) {
  return multiLineText(max).refine((s) => !LINE_BREAKS.test(s), de.validation.lineBreak);
}

export function requiredLine(max: number, message: string) {
  return singleLineText(max).refine((s) => s.trim().length > 0, message);
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

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (!y || !m || !d) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
