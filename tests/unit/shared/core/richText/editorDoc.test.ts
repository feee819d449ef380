import { describe, expect, it } from 'vitest';
import { isEmptyRichText, parseRichText, richTextSchema, type Block, type Run } from '@shared/core/richText';
import { normalizeRichText } from '@shared/core/richTextNormalize';
import { richTextReadable } from '@shared/core/richTextReadable';
import { blocksToDoc, docToBlocks } from '@renderer/features/submissions/richText/convert';
import { schema } from '@renderer/features/submissions/richText/schema';

/** Blocks ↔ editor document: what is stored opens unchanged, and the editor saves exactly what it shows. */
const run = (text: string, bold = false, italic = false): Run => ({ text, bold, italic });

const sample: Block[] = [
  { type: 'heading', level: 1, text: 'Ausgangslage' },
  {
    type: 'paragraph',
    runs: [
      run('Der Rat hat '),
      run('beschlossen', true),
      run(': '),
      run('jährlich', false, true),
      run(' und '),
      run('beides', true, true),
      run('.\nNeue Zeile'),
    ],
  },
  { type: 'heading', level: 2, text: 'Handlungsfelder' },
  { type: 'bulletList', items: [[run('Prävention')], [run('Ordnung '), run('im Raum', true)], []] },
  { type: 'heading', level: 3, text: '' },
  { type: 'numberedList', items: [[run('erstens')], [run('zweitens', false, true)]] },
  {
    type: 'table',
    rows: [
      ['Jahr', 'Betrag'],
      ['2026', '12.500,00 €'],
      ['', 'zwei\nZeilen'],
    ],
  },
  { type: 'paragraph', runs: [] },
  { type: 'paragraph', runs: [run('Schluss')] },
];

/** A seeded generator of valid, canonical block lists (no library needed for a few hundred cases). */
function randomBlocks(seed: number): Block[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const words = ['Rat', 'Maßnahme', 'ä ö ü ß', ' ', '\n', '12,50 €', '„Zitat“', 'x'];
  const text = (n: number) => Array.from({ length: 1 + Math.floor(next() * n) }, () => pick(words)).join('');
  const runs = (): Run[] => Array.from({ length: Math.floor(next() * 4) }, () => run(text(4), next() < 0.3, next() < 0.3));
  const blocks: Block[] = Array.from({ length: 1 + Math.floor(next() * 6) }, (): Block => {
    switch (pick(['heading', 'paragraph', 'bulletList', 'numberedList', 'table'] as const)) {
      case 'heading':
        return { type: 'heading', level: pick([1, 2, 3] as const), text: text(3).replace(/\n/g, ' ') };
      case 'paragraph':
        return { type: 'paragraph', runs: runs() };
      case 'bulletList':
        return { type: 'bulletList', items: Array.from({ length: 1 + Math.floor(next() * 3) }, runs) };
      case 'numberedList':
        return { type: 'numberedList', items: Array.from({ length: 1 + Math.floor(next() * 3) }, runs) };
      case 'table': {
        const width = 1 + Math.floor(next() * 4);
        return {
          type: 'table',
          rows: Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
            Array.from({ length: width }, () => (next() < 0.2 ? '' : text(3))),
          ),
        };
      }
    }
  });
  return normalizeRichText(blocks);
}

describe('blocks → editor document → blocks', () => {
  it('gives back exactly the stored blocks, including line breaks, empty items, empty cells and empty paragraphs', () => {
    const doc = blocksToDoc(sample);
    doc.check();
    expect(docToBlocks(doc)).toEqual(sample);
  });

  it('holds for 300 generated texts (every kind of block, formatting and line break)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const blocks = randomBlocks(seed);
      const doc = blocksToDoc(blocks);
      doc.check();
      expect(docToBlocks(doc), `seed ${seed}`).toEqual(blocks);
    }
  });

  it('everything the old markup editor produced opens unchanged (no data migration)', () => {
    const stored = parseRichText(
      '# Stand\n\nDie Umsetzung ist **gut** angelaufen:\n\n- erster Punkt\n- zweiter *mit Betonung*\n\n1. eins\n2. zwei\n\n| A | B |\n| --- | --- |\n| 1 | 2 |',
    );
    expect(richTextSchema.parse(stored)).toEqual(stored);
    expect(docToBlocks(blocksToDoc(stored))).toEqual(stored);
  });

  it('an empty text is an empty paragraph in the editor and [] when stored', () => {
    const doc = blocksToDoc([]);
    expect(doc.childCount).toBe(1);
    expect(doc.firstChild!.type.name).toBe('paragraph');
    expect(docToBlocks(doc)).toEqual([]);
  });

  it('non-canonical input is stored in canonical form without losing text (runs merged, rows padded)', () => {
    const loose: Block[] = [
      { type: 'paragraph', runs: [run('a'), run(''), run('b'), run('c', true)] },
      { type: 'table', rows: [['1', '2', '3'], ['4']] },
      { type: 'bulletList', items: [] },
    ];
    expect(docToBlocks(blocksToDoc(loose))).toEqual([
      { type: 'paragraph', runs: [run('ab'), run('c', true)] },
      {
        type: 'table',
        rows: [
          ['1', '2', '3'],
          ['4', '', ''],
        ],
      },
    ]);
  });
});

describe('editor document → blocks → editor document', () => {
  it('is the identity on documents the schema allows', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const doc = blocksToDoc(randomBlocks(seed));
      expect(blocksToDoc(docToBlocks(doc)).eq(doc), `seed ${seed}`).toBe(true);
    }
  });
});

describe('the schema holds only what the model can', () => {
  it('has no node or mark beyond headings, paragraphs, lists, tables, bold, italic and line breaks', () => {
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic']);
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'bullet_list',
        'cell_paragraph',
        'doc',
        'hard_break',
        'heading',
        'list_item',
        'ordered_list',
        'paragraph',
        'table',
        'table_cell',
        'table_header',
        'table_row',
        'text',
      ].sort(),
    );
  });

  it('refuses formatting in headings and cells, nested lists and heading levels beyond 3', () => {
    const n = schema.nodes;
    const bold = schema.marks['bold']!.create();
    expect(() => n['heading']!.create({ level: 1 }, schema.text('x', [bold])).check()).toThrow();
    expect(() => n['cell_paragraph']!.create(null, schema.text('x', [bold])).check()).toThrow();
    const item = n['list_item']!.create(null, n['paragraph']!.create(null, schema.text('x')));
    expect(() => n['list_item']!.createChecked(null, [n['paragraph']!.create(), n['bullet_list']!.create(null, item)])).toThrow();
    expect(() => n['heading']!.create({ level: 4 })).toThrow();
  });
});

describe('completeness: an empty text in the editor is empty', () => {
  it('empty headings, list items and cells count as no text; one letter anywhere counts', () => {
    expect(isEmptyRichText(docToBlocks(blocksToDoc([])))).toBe(true);
    const blank: Block[] = [
      { type: 'heading', level: 1, text: ' ' },
      { type: 'paragraph', runs: [run('\n')] },
      { type: 'bulletList', items: [[], [run(' ')]] },
      { type: 'table', rows: [['', ' ']] },
    ];
    expect(isEmptyRichText(blank)).toBe(true);
    expect(isEmptyRichText([...blank, { type: 'table', rows: [['', 'x']] }])).toBe(false);
    expect(isEmptyRichText([{ type: 'heading', level: 2, text: 'Anlass' }])).toBe(false);
  });
});

describe('readable text (revision comparison, review packages, search)', () => {
  it('shows the text as the reader sees it, without markup', () => {
    expect(richTextReadable(sample)).toBe(
      [
        'Ausgangslage',
        'Der Rat hat beschlossen: jährlich und beides.\nNeue Zeile',
        'Handlungsfelder',
        '• Prävention\n• Ordnung im Raum\n• ',
        '1. erstens\n2. zweitens',
        'Jahr | Betrag\n2026 | 12.500,00 €\n | zwei\nZeilen',
        'Schluss',
      ].join('\n\n'),
    );
  });
});
