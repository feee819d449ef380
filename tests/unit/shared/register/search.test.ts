import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterRows,
  foldForSearch,
  sortRows,
  toMeasureRow,
  type MeasureFilter,
  type MeasureRow,
} from '@shared/register/search';
import type { Measure } from '@shared/register/measure';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';

describe('foldForSearch', () => {
  it('makes Hörde, HOERDE, hoerde and horde the same', () => {
    const folded = ['Hörde', 'HÖRDE', 'hoerde', 'Hoerde', 'horde'].map(foldForSearch);
    expect(new Set(folded)).toEqual(new Set(['horde']));
  });

  it('folds ß, ü/ue and other accents', () => {
    expect(foldForSearch('Straße')).toBe('strasse');
    expect(foldForSearch('Lütgendortmund')).toBe(foldForSearch('Luetgendortmund'));
    expect(foldForSearch('Café')).toBe('cafe');
  });

  it('keeps text without umlauts apart', () => {
    expect(foldForSearch('Brackel')).not.toBe(foldForSearch('Aplerbeck'));
  });
});

const doc = makeRegister(0);
const lookup = { actionFields: doc.actionFields, orgUnits: doc.orgUnits, statuses: doc.statuses };
function row(i: number, overrides: Partial<Measure>): MeasureRow {
  return toMeasureRow(makeMeasure(i, overrides), lookup);
}

const rows: MeasureRow[] = [
  row(1, { title: 'Beleuchtung Nordmarkt', districts: ['IN'], status: 'in_umsetzung', leadOrgUnitId: 'ou-32' }),
  row(2, { title: 'Quartiersstreife', districts: ['HÖ'], status: 'umgesetzt', leadOrgUnitId: 'ou-51', tags: ['Nachtleben'] }),
  row(3, {
    title: 'Beleuchtung Phoenix-See',
    districts: ['HÖ'],
    status: 'in_umsetzung',
    actionFieldId: 'hf2',
    involvedOrgUnitIds: ['ou-32'],
  }),
  row(4, { title: 'Ärger am Platz', description: 'Straßensozialarbeit', districts: [], status: 'vorgeschlagen' }),
];
const ids = (list: MeasureRow[]) => list.map((r) => r.id);
const filter = (f: Partial<MeasureFilter>) => ids(filterRows(rows, { ...EMPTY_FILTER, ...f }));

describe('filterRows', () => {
  it('returns everything for the empty filter', () => {
    expect(filter({})).toEqual(['m-01', 'm-02', 'm-03', 'm-04']);
  });

  it('requires every word of the query (AND), in any order, folded', () => {
    expect(filter({ query: 'beleuchtung' })).toEqual(['m-01', 'm-03']);
    expect(filter({ query: 'beleuchtung hoerde' })).toEqual(['m-03']);
    expect(filter({ query: '  HÖRDE   Beleuchtung ' })).toEqual(['m-03']);
    expect(filter({ query: 'beleuchtung eving' })).toEqual([]);
  });

  it('searches district names, tags, status labels, office labels and description', () => {
    expect(filter({ query: 'innenstadt-nord' })).toEqual(['m-01']);
    expect(filter({ query: 'nachtleben' })).toEqual(['m-02']);
    expect(filter({ query: 'umsetzung' })).toEqual(['m-01', 'm-03']);
    expect(filter({ query: 'fb 51' })).toEqual(['m-02']);
    expect(filter({ query: 'strassensozialarbeit' })).toEqual(['m-04']);
    expect(filter({ query: 'arger' })).toEqual(['m-04']);
  });

  it('combines the dropdown filters with each other and with the query', () => {
    expect(filter({ status: 'in_umsetzung' })).toEqual(['m-01', 'm-03']);
    expect(filter({ status: 'in_umsetzung', actionFieldId: 'hf1' })).toEqual(['m-01']);
    expect(filter({ district: 'HÖ' })).toEqual(['m-02', 'm-03']);
    expect(filter({ district: 'HÖ', query: 'beleuchtung' })).toEqual(['m-03']);
  });

  it('matches an office as lead or as involved', () => {
    expect(filter({ orgUnitId: 'ou-32' })).toEqual(['m-01', 'm-03']);
    expect(filter({ orgUnitId: 'ou-51' })).toEqual(['m-02']);
  });
});

describe('sortRows', () => {
  it('sorts titles with German collation: Ä next to A, not after Z', () => {
    const sorted = sortRows(rows, 'title', 'asc').map((r) => r.title);
    expect(sorted).toEqual(['Ärger am Platz', 'Beleuchtung Nordmarkt', 'Beleuchtung Phoenix-See', 'Quartiersstreife']);
  });

  it('sorts numbers numerically (HF1-2 before HF1-10) and reverses for desc', () => {
    const numbered = [row(1, { number: 'HF1-10' }), row(2, { number: 'HF1-2' }), row(3, { number: 'HF1-1' })];
    expect(sortRows(numbered, 'number', 'asc').map((r) => r.number)).toEqual(['HF1-1', 'HF1-2', 'HF1-10']);
    expect(sortRows(numbered, 'number', 'desc').map((r) => r.number)).toEqual(['HF1-10', 'HF1-2', 'HF1-1']);
  });

  it('sorts budgets as numbers and breaks ties by measure number', () => {
    const line = (plannedCents: number) => [
      { year: 2025, plannedCents, approvedCents: null, spentCents: null, fundingSource: 'haushalt' as const, budgetPosition: '' },
    ];
    const budgeted = [row(3, { budget: line(900) }), row(1, { budget: line(10_000) }), row(2, { budget: line(900) })];
    expect(ids(sortRows(budgeted, 'budget', 'asc'))).toEqual(['m-02', 'm-03', 'm-01']);
  });

  it('does not reorder its input', () => {
    const before = ids(rows);
    sortRows(rows, 'title', 'desc');
    expect(ids(rows)).toEqual(before);
  });
});

describe('search index', () => {
  it('finds exactly what a full scan finds, for every term, prefix and infix', async () => {
    const { createSearchIndex } = await import('@shared/register/search');
    const index = createSearchIndex(rows);
    const vocabulary = new Set(rows.flatMap((r) => r.haystack.split(/\s+/)).filter(Boolean));
    const terms = [...vocabulary].flatMap((t) => [t, t.slice(0, 3), t.slice(1, -1), t.slice(-2)]).filter(Boolean);
    terms.push('gibtesnicht', 'a b', 'hf1 nord');
    for (const query of terms) {
      const viaIndex = filterRows(rows, { ...EMPTY_FILTER, query }, index).map((r) => r.id);
      const viaScan = filterRows(rows, { ...EMPTY_FILTER, query }).map((r) => r.id);
      expect(viaIndex, query).toEqual(viaScan);
    }
  });
});
