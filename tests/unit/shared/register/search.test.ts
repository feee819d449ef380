import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterRows,
  foldForSearch,
  measureSearchFields,
  measureSearchText,
  searchTerms,
  sortRows,
  toMeasureRow,
  type MeasureFilter,
  type MeasureRow,
} from '@shared/register/search';
import { MeasureTextIndex } from '@shared/register/searchIndex';
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

const measures: Measure[] = [
  makeMeasure(1, { title: 'Beleuchtung Nordmarkt', districts: ['IN'], status: 'in_umsetzung', leadOrgUnitId: 'ou-32' }),
  makeMeasure(2, { title: 'Quartiersstreife', districts: ['HÖ'], status: 'umgesetzt', leadOrgUnitId: 'ou-51', tags: ['Nachtleben'] }),
  makeMeasure(3, {
    title: 'Beleuchtung Phoenix-See',
    districts: ['HÖ'],
    status: 'in_umsetzung',
    actionFieldId: 'hf2',
    involvedOrgUnitIds: ['ou-32'],
  }),
  makeMeasure(4, { title: 'Ärger am Platz', description: 'Straßensozialarbeit', districts: [], status: 'vorgeschlagen' }),
];
const rows: MeasureRow[] = measures.map((m) => toMeasureRow(m, lookup));
const index = new MeasureTextIndex();
for (const m of measures) index.set(m.id, measureSearchFields(m, lookup));
const ids = (list: MeasureRow[]) => list.map((r) => r.id);
const filter = (f: Partial<MeasureFilter>) => {
  const full = { ...EMPTY_FILTER, ...f };
  const terms = searchTerms(full.query);
  return ids(filterRows(rows, full, terms.length > 0 ? index.search(terms) : null));
};

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
  const texts = new Map(measures.map((m) => [m.id, measureSearchText(m, lookup)]));
  const scan = (terms: string[]) => [...texts].filter(([, text]) => terms.every((t) => text.includes(t))).map(([id]) => id);
  const vocabulary = [...new Set([...texts.values()].flatMap((t) => t.split(/\s+/)).filter(Boolean))];
  const queries = [...vocabulary.flatMap((t) => [t, t.slice(0, 3), t.slice(1, -1), t.slice(-2)]), 'gibtesnicht', 'a b', 'hf1 nord'].filter(
    Boolean,
  );

  it('finds exactly what a full scan of the texts finds, for every term, prefix and infix', () => {
    for (const query of queries) expect([...index.search(searchTerms(query))].sort(), query).toEqual(scan(searchTerms(query)).sort());
  });

  it('the rows carry no search text (it stays where the index lives)', () => {
    for (const r of rows) expect(Object.keys(r)).not.toContain('haystack');
  });

  it('stays equal to a full scan through changes, removals and the token clean-up', () => {
    const live = new MeasureTextIndex();
    const truth = new Map<string, string>();
    const words = ['hörde', 'brackel', 'strassenlaterne', 'nordmarkt', 'eving', 'aplerbeck', 'quartier', 'spielplatz'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let step = 0; step < 3000; step++) {
      const id = `m-${next(60)}`;
      if (next(4) === 0) {
        live.remove(id);
        truth.delete(id);
      } else {
        // Unique words too, so dead tokens pile up and the token string is rebuilt on the way.
        const text = `${words[next(words.length)]} ${words[next(words.length)]} einmalig${step}`;
        live.set(id, [text]);
        truth.set(id, foldForSearch(text));
      }
    }
    expect(live.size).toBe(truth.size);
    for (const query of ['horde', 'bra', 'laterne strasse', 'eving quartier', 'einmalig29', 'mal', 'zzz', 'r']) {
      const terms = searchTerms(query);
      const expected = [...truth].filter(([, t]) => terms.every((w) => t.includes(w))).map(([id]) => id);
      expect([...live.search(terms)].sort(), query).toEqual(expected.sort());
    }
  });
});
