import { describe, expect, it } from 'vitest';
import { pickMeasures, type PickableRow } from '@shared/register/measurePick';

const row = (id: string, patch: Partial<PickableRow> = {}): PickableRow => ({
  id,
  actionFieldId: 'hf1-2025',
  districts: ['IN'],
  status: 'in_umsetzung',
  deletedAt: null,
  ...patch,
});
const EDITION_OF = new Map([
  ['hf1-2025', 'fassung-2025'],
  ['hf2-2025', 'fassung-2025'],
  ['hf1-2019', 'fassung-2019'],
]);
const ROWS = [
  row('a'),
  row('b', { actionFieldId: 'hf2-2025', districts: ['HÖ'], status: 'geplant' }),
  row('c', { actionFieldId: 'hf1-2019' }),
  row('d', { deletedAt: '2027-01-01T00:00:00Z' }),
];
const ALL = { editionId: '', actionFieldId: '', district: '', status: '' };
const ids = (rows: readonly PickableRow[]) => rows.map((r) => r.id);

describe('pickMeasures', () => {
  it('offers no measure of the Papierkorb, even without filters', () => {
    expect(ids(pickMeasures(ROWS, ALL, EDITION_OF))).toEqual(['a', 'b', 'c']);
  });

  it('keeps to one Fassung', () => {
    expect(ids(pickMeasures(ROWS, { ...ALL, editionId: 'fassung-2025' }, EDITION_OF))).toEqual(['a', 'b']);
    expect(ids(pickMeasures(ROWS, { ...ALL, editionId: 'fassung-2019' }, EDITION_OF))).toEqual(['c']);
  });

  it('filters by Handlungsfeld, Stadtbezirk and Status together', () => {
    expect(ids(pickMeasures(ROWS, { ...ALL, actionFieldId: 'hf2-2025' }, EDITION_OF))).toEqual(['b']);
    expect(ids(pickMeasures(ROWS, { ...ALL, district: 'HÖ' }, EDITION_OF))).toEqual(['b']);
    expect(ids(pickMeasures(ROWS, { ...ALL, status: 'in_umsetzung', editionId: 'fassung-2025' }, EDITION_OF))).toEqual(['a']);
    expect(ids(pickMeasures(ROWS, { ...ALL, status: 'geplant', district: 'IN' }, EDITION_OF))).toEqual([]);
  });
});
