import { describe, expect, it } from 'vitest';
import { foldForSearch, measureSearchFields, measureSearchText, searchTerms } from '@shared/register/search';
import { isSpace, MeasureTextIndex } from '@shared/register/searchIndex';
import type { Measure } from '@shared/register/measure';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';

/** Small deterministic random source (the same texts on every run). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[next(items.length)]! };
}

// What folding and word splitting react to: umlauts written both ways, ß/ẞ, accents composed and as
// combining marks (also alone), final sigma, dotted İ, every kind of whitespace \s knows, a surrogate pair.
const PIECES = [
  'a',
  'e',
  'o',
  'u',
  'ä',
  'ö',
  'ü',
  'Ä',
  'Ö',
  'Ü',
  'ae',
  'Ae',
  'AE',
  'oe',
  'ue',
  'UE',
  'ß',
  'ẞ',
  'ss',
  'é',
  'É',
  'è',
  'ñ',
  'e\u0301',
  '\u0308',
  '\u0301',
  'Σ',
  'σ',
  'ΑΣ',
  'İ',
  'I',
  'h',
  'r',
  'd',
  'x',
  '1',
  '-',
  '/',
  '.',
  '😀',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2009',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u202f',
];
function text(r: ReturnType<typeof random>, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += r.pick(PIECES);
  return out;
}

describe('word splitting and folding (the index folds word by word)', () => {
  it('treats exactly the characters of \\s as whitespace', () => {
    for (let c = 0; c <= 0xffff; c++) expect(isSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('folding never makes whitespace out of a character, nor takes whitespace away', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const folded = foldForSearch(ch);
      if (/\s/.test(ch) ? !/^\s+$/.test(folded) : /\s/.test(folded)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('folding word by word gives the words of the whole folded text (but for Σ next to U+FEFF, folded whole)', () => {
    const r = random(11);
    for (let i = 0; i < 3000; i++) {
      const raw = text(r, 1 + r.next(12));
      if (raw.includes('Σ') && raw.includes('\ufeff')) continue;
      const whole = foldForSearch(raw).split(/\s+/).filter(Boolean);
      const byWord = raw.split(/\s+/).map(foldForSearch).filter(Boolean);
      expect(byWord, JSON.stringify(raw)).toEqual(whole);
    }
  });
});

describe('search index equals a scan of the folded texts', () => {
  const lookup = makeRegister(0);

  function randomMeasures(r: ReturnType<typeof random>, count: number): Measure[] {
    const words = ['Hörde', 'Hoerde', 'Straßenlaterne', 'STRASSE', 'Nordmarkt', 'Übergang', 'Ueberweg', 'café', 'Cafe', 'Quartier'];
    const prose = () =>
      Array.from({ length: r.next(8) }, () => (r.next(3) === 0 ? text(r, 1 + r.next(6)) : r.pick(words))).join(
        r.pick([' ', '\n', ' \u00a0']),
      );
    return Array.from({ length: count }, (_, i) =>
      makeMeasure(i + 1, {
        title: prose(),
        description: prose(),
        shortText: prose(),
        tags: [prose(), prose()],
        districts: r.pick([[], ['HÖ'], ['IN', 'BR']]),
        leadOrgUnitId: r.pick([null, 'ou-32']),
      }),
    );
  }
  function scan(texts: Map<string, string>, terms: string[]): string[] {
    return [...texts]
      .filter(([, t]) => terms.every((w) => t.includes(w)))
      .map(([id]) => id)
      .sort();
  }
  function queries(r: ReturnType<typeof random>, texts: Map<string, string>): string[] {
    const all = [...texts.values()];
    const found: string[] = ['hörde', 'HOERDE', 'strasse', 'ss', 'ueber', 'ü', 'cafe', 'σ', 'a e', 'zzz'];
    for (let i = 0; i < 150; i++) {
      const t = r.pick(all);
      const at = r.next(Math.max(1, t.length));
      found.push(t.slice(at, at + 1 + r.next(6)));
      found.push(text(r, 1 + r.next(4)));
    }
    return found.filter((q) => searchTerms(q).length > 0);
  }

  it('on generated registers, for terms cut anywhere out of the texts and random ones', () => {
    for (const seed of [1, 2, 3]) {
      const r = random(seed);
      const measures = randomMeasures(r, 80);
      const index = new MeasureTextIndex();
      for (const m of measures) index.set(m.id, measureSearchFields(m, lookup));
      const texts = new Map(measures.map((m) => [m.id, measureSearchText(m, lookup)]));
      for (const q of queries(r, texts)) {
        const terms = searchTerms(q);
        expect([...index.search(terms)].sort(), JSON.stringify(q)).toEqual(scan(texts, terms));
      }
    }
  });

  it('folds Σ as the scan does where U+FEFF stands between words (lower case looks across it)', () => {
    const measures = [makeMeasure(1, { title: 'ΑΣ\ufeffΣ' }), makeMeasure(2, { title: 'ΟΔΟΣ \ufeff' }), makeMeasure(3, { title: 'Σ' })];
    const index = new MeasureTextIndex();
    for (const m of measures) index.set(m.id, measureSearchFields(m, lookup));
    const texts = new Map(measures.map((m) => [m.id, measureSearchText(m, lookup)]));
    for (const q of ['ς', 'σ', 'ας', 'ασ', 'οδος', 'οδοσ'])
      expect([...index.search(searchTerms(q))].sort(), q).toEqual(scan(texts, searchTerms(q)));
  });

  it('through changes, removals and the token clean-up, with words met again after being dropped', () => {
    const r = random(5);
    const index = new MeasureTextIndex();
    const texts = new Map<string, string>();
    const pool = randomMeasures(r, 40);
    for (let step = 0; step < 4000; step++) {
      const base = r.pick(pool);
      if (r.next(4) === 0) {
        index.remove(base.id);
        texts.delete(base.id);
        continue;
      }
      // A unique word per step makes dead tokens pile up until the token string is rebuilt.
      const m = { ...base, title: `${base.title} einzeln${step} ${r.pick(['Hörde', 'Brackel'])}` };
      index.set(m.id, measureSearchFields(m, lookup));
      texts.set(m.id, measureSearchText(m, lookup));
    }
    expect(index.size).toBe(texts.size);
    for (const q of [...queries(r, texts), 'einzeln3999', 'einzeln12', 'brackel', 'horde']) {
      const terms = searchTerms(q);
      expect([...index.search(terms)].sort(), JSON.stringify(q)).toEqual(scan(texts, terms));
    }
  });
});
