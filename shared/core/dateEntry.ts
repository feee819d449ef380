import { addDays } from './calendar';
import { parseGermanDate } from './format';

/**
 * What a clerk types into a date field, read leniently: `31.12.2025`, `1.6.27` (two-digit years are
 * 20xx), `1.6.` (this year), `2027-06-01` (ISO, as copied from other tools), `heute`, `morgen`, `gestern`,
 * `+14` / `-7` (days from today). Returns the ISO date or null when it is not a real date.
 * `today` is the clerk's local calendar day (ISO), passed in so the rule stays pure and testable.
 */
export function parseDateEntry(text: string, today: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (t === 'heute' || t === 'h') return today;
  if (t === 'morgen') return addDays(today, 1);
  if (t === 'gestern') return addDays(today, -1);
  const relative = /^([+-])\s*(\d{1,4})$/.exec(t);
  if (relative) return addDays(today, (relative[1] === '-' ? -1 : 1) * Number(relative[2]));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return parseGermanDate(`${iso[3]}.${iso[2]}.${iso[1]}`);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$/.exec(t);
  if (german) {
    const year = german[3] === undefined ? today.slice(0, 4) : german[3].length === 2 ? `20${german[3]}` : german[3];
    return parseGermanDate(`${german[1]}.${german[2]}.${year}`);
  }
  return null;
}
