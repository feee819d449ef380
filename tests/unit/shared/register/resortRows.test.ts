import { describe, expect, it } from 'vitest';
import { resortRows, type SortedRows } from '@shared/register/resortRows';
import { sortRows, toMeasureRow, type MeasureRow, type SortKey } from '@shared/register/search';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';

const lookup = makeRegister(0);
const KEYS: SortKey[] = ['number', 'title', 'actionField', 'status', 'lead', 'districts', 'period', 'budget'];

function random(seed: number) {
  let state = seed >>> 0;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[next(items.length)]! };
}

/** Few distinct values, so equal sort values (and equal numbers: ties the input order breaks) are common. */
function randomRow(r: ReturnType<typeof random>, i: number): MeasureRow {
  return toMeasureRow(
    makeMeasure(i, {
      id: `m-${i}-${r.next(1e9)}`,
      number: r.pick(['HF1-01', 'HF1-02', 'HF1-10', 'HF2-01']),
      title: r.pick(['Ärger', 'Aachen', 'Zebra', 'ober', 'Öl']),
      status: r.pick(['vorgeschlagen', 'in_umsetzung', 'umgesetzt']),
      plannedStart: r.pick([null, '2024-01-01', '2025-06-30']),
      districts: r.pick([[], ['HÖ'], ['IN', 'BR']]),
      budget: r.pick([
        [],
        [{ year: 2024, plannedCents: 100, approvedCents: null, spentCents: null, fundingSource: 'haushalt' as const, budgetPosition: '' }],
      ]),
    }),
    lookup,
  );
}

describe('resortRows', () => {
  it('gives exactly what sortRows gives, ties included, through saves, purges, new rows and reorders', () => {
    const r = random(3);
    let input: MeasureRow[] = Array.from({ length: 120 }, (_, i) => randomRow(r, i));
    let cached: SortedRows | null = null;
    let key: SortKey = 'number';
    let direction: 'asc' | 'desc' = 'asc';
    let counter = 1000;
    for (let step = 0; step < 600; step++) {
      const change = r.next(10);
      if (change < 5) {
        // A save: one row replaced in place by a new object.
        const at = r.next(input.length);
        input = input.map((row, i) => (i === at ? { ...randomRow(r, counter++), id: row.id } : row));
      } else if (change === 5 && input.length > 1) {
        const at = r.next(input.length);
        input = input.filter((_, i) => i !== at);
      } else if (change === 6) {
        input = [...input, randomRow(r, counter++)];
      } else if (change === 7) {
        input = [...input].reverse(); // the rows that stayed change order: ties must follow
      } else if (change === 8) {
        key = r.pick(KEYS);
        direction = r.pick(['asc', 'desc'] as const);
      }
      cached = resortRows(cached, input, key, direction);
      expect(
        cached.sorted.map((row) => row.id),
        `step ${step}`,
      ).toEqual(sortRows(input, key, direction).map((row) => row.id));
    }
  });

  it('returns the previous result for the same list and does not touch its input', () => {
    const r = random(9);
    const input = Array.from({ length: 20 }, (_, i) => randomRow(r, i));
    const copy = [...input];
    const first = resortRows(null, input, 'title', 'asc');
    expect(resortRows(first, input, 'title', 'asc')).toBe(first);
    const changed = input.map((row, i) => (i === 3 ? { ...row, title: 'Aaa' } : row));
    resortRows(first, changed, 'title', 'asc');
    expect(input).toEqual(copy);
    expect(first.sorted.map((row) => row.id)).toEqual(sortRows(input, 'title', 'asc').map((row) => row.id));
  });
});
