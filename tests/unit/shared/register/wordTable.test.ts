import { describe, expect, it } from 'vitest';
import { hashWord, WordTable } from '@shared/register/wordTable';

describe('WordTable', () => {
  it('finds a word inside a longer text by its position, and only that exact word', () => {
    const table = new WordTable();
    table.add('hörde', hashWord('hörde'), 7);
    const text = 'in hörde und hördes';
    expect(table.get(text, 3, 8, hashWord('hörde'))).toBe(7);
    expect(table.get(text, 13, 19, hashWord('hördes'))).toBeUndefined();
    expect(table.get(text, 13, 18, hashWord('hörde'))).toBe(7); // the same letters elsewhere in the text
  });

  it('tells words apart whose hashes are equal, and keeps them through growing', () => {
    const table = new WordTable();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    // Every word under one and the same hash: only the comparison in place can tell them apart.
    words.forEach((w, i) => table.add(w, 42, i));
    for (const [i, w] of words.entries()) expect(table.get(` ${w} `, 1, 1 + w.length, 42)).toBe(i);
    expect(table.get('w5000', 0, 5, 42)).toBeUndefined();
  });

  it('remap renumbers the kept words and forgets the dropped ones', () => {
    const table = new WordTable();
    const words = Array.from({ length: 300 }, (_, i) => `wort${i}`);
    words.forEach((w, i) => table.add(w, hashWord(w), i));
    table.remap((v) => (v % 2 === 0 ? v / 2 : -2));
    expect(table.size).toBe(150);
    for (const [i, w] of words.entries()) expect(table.get(w, 0, w.length, hashWord(w))).toBe(i % 2 === 0 ? i / 2 : undefined);
  });
});
