import { describe, expect, it } from 'vitest';
import { parseDateEntry } from '@shared/core/dateEntry';

/** Lenient date entry: the forms a clerk types, all to the same ISO day; anything else is refused. */
describe('parseDateEntry', () => {
  const today = '2026-12-07';
  it.each([
    ['1.6.27', '2027-06-01'],
    ['01.06.2027', '2027-06-01'],
    ['2027-06-01', '2027-06-01'],
    [' 1.6.2027 ', '2027-06-01'],
    ['1.6.', '2026-06-01'],
    ['heute', '2026-12-07'],
    ['Heute', '2026-12-07'],
    ['morgen', '2026-12-08'],
    ['+14', '2026-12-21'],
    ['+30', '2027-01-06'],
    ['-7', '2026-11-30'],
    ['29.2.28', '2028-02-29'],
  ])('%s → %s', (text, iso) => expect(parseDateEntry(text, today)).toBe(iso));

  it.each(['', 'abc', '31.2.2027', '2027-13-01', '1.6.202', '32.1.27', '29.2.27', '1/6/27', '++3'])('refuses %j', (text) =>
    expect(parseDateEntry(text, today)).toBeNull(),
  );
});
