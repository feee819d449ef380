/**
 * Words as written → a number, looked up straight from the text they stand in (`text`, `start`, `end`)
 * without cutting them out: the search index meets some two million words at 10,000 measures, and taking
 * each one as its own string to look it up in a Map (allocation, hashing, garbage) was most of its build
 * time. Open addressing over an FNV-1a hash of the UTF-16 code units; a word is compared in place
 * (`startsWith`) only when its hash matches.
 */
export class WordTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  private words: string[] = [];
  private hashes: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.words.length;
  }

  /** The value stored for `text.slice(start, end)` (whose `hashWord` is `hash`), or undefined. */
  get(text: string, start: number, end: number, hash: number): number | undefined {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.slots[at]!;
      if (entry < 0) return undefined;
      if (this.hashes[entry] === hash) {
        const word = this.words[entry]!;
        if (word.length === length && text.startsWith(word, start)) return this.values[entry];
      }
    }
  }

  /** Stores a word not yet present (callers ask `get` first). */
  add(word: string, hash: number, value: number): void {
    const entry = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.values.push(value);
    if (this.words.length * 2 > this.slots.length) this.grow();
    else this.place(entry);
  }

  /** Keeps the words whose value `map` turns into a number ≥ -1 (the new value); drops those it maps to -2. */
  remap(map: (value: number) => number): void {
    const words: string[] = [];
    const hashes: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < this.words.length; i++) {
      const value = map(this.values[i]!);
      if (value < -1) continue;
      words.push(this.words[i]!);
      hashes.push(this.hashes[i]!);
      values.push(value);
    }
    this.words = words;
    this.hashes = hashes;
    this.values = values;
    this.rehash(this.slots.length);
  }

  private grow(): void {
    this.rehash(this.slots.length * 2);
  }

  private rehash(size: number): void {
    while (this.words.length * 2 > size) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < this.words.length; i++) this.place(i);
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[entry]! & mask;
    while (this.slots[at]! >= 0) at = (at + 1) & mask;
    this.slots[at] = entry;
  }
}

/** FNV-1a offset basis; `hashStep` folds in one UTF-16 code unit. */
export const HASH_START = 0x811c9dc5 | 0;

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}

/** The hash `WordTable` expects for `word` (the index computes it while it scans, with `hashStep`). */
export function hashWord(word: string): number {
  let hash = HASH_START;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}
