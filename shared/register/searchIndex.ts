import { foldForSearch } from './search';
import { HASH_START, hashStep, WordTable } from './wordTable';

/**
 * Incremental full-text index over the measures' search fields (`measureSearchFields`), so that a search
 * never scans megabytes of text and a change (own save, another window's change) costs only the changed
 * records, never a rebuild.
 *
 * Each text is split at whitespace into words; each distinct word is folded (`foldForSearch`) once and
 * remembered, so building the index folds every word of the vocabulary once instead of every text in full.
 * That gives the same tokens as folding the whole text and splitting it afterwards: folding never creates
 * or removes whitespace, and none of its rules reaches across it (tests/unit/shared/register/searchIndex.test.ts
 * checks both against every code point and random texts). All folded tokens sit in one string, one per line
 * (`tokenText`); a query term (never containing whitespace) occurs in a text exactly when it occurs inside
 * one of its tokens, so finding the term in `tokenText` and taking the tokens' postings gives the same
 * result as a full scan of every folded text (`measureSearchText`) — substring, umlaut-folded.
 *
 * Updating a record removes its old tokens' postings and adds the new ones; new tokens are appended to
 * `tokenText`. Tokens no record uses any more stay as dead lines (empty postings) until they make up half
 * of all tokens, then the token string is rebuilt once from the live ones.
 */
export class MeasureTextIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly idOf: (string | null)[] = [];
  private readonly tokensOf: (Uint32Array | null)[] = [];
  private readonly freeSlots: number[] = [];
  /** Word as written → its folded token's id, or -1 when it folds to nothing (combining marks only). */
  private readonly words = new WordTable();
  private readonly tokenIds = new Map<string, number>();
  private tokens: string[] = [];
  private postings: number[][] = [];
  private tokenStarts: number[] = [];
  /** Tokens added since `tokenText` was last joined: appended on the next search, not per token. */
  private pendingTokens: string[] = [];
  private tokenText = '';
  private deadTokens = 0;
  /** Per token, the `set` call that last took it: dedupes a record's tokens without a Set per record. */
  private stamp: number[] = [];
  private stampNow = 0;
  private scratch = new Uint32Array(1024);

  /** Number of records indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds or replaces the texts of one record: as written (unfolded), one entry per field. */
  set(id: string, texts: readonly string[]): void {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.idOf.length;
      this.slotOf.set(id, slot);
      this.idOf[slot] = id;
    } else {
      this.unpost(slot);
    }
    const stamp = ++this.stampNow;
    let count = 0;
    for (const text of texts) {
      // Final sigma: lower case "Σ" depends on the letters around it, and U+FEFF (whitespace to \s) does
      // not end a word for that rule; such a text is folded whole, as the scan does.
      if (text.includes('\u03a3') && text.includes('\ufeff')) {
        for (const token of foldForSearch(text).split(/\s+/)) if (token !== '') count = this.take(this.tokenId(token), stamp, count);
        continue;
      }
      const end = text.length;
      let at = 0;
      while (at < end) {
        let c = text.charCodeAt(at);
        if (isSpace(c)) {
          at++;
          continue;
        }
        // One word: hashed while it is scanned, looked up in place (see WordTable).
        const start = at;
        let hash = HASH_START;
        for (;;) {
          hash = hashStep(hash, c);
          if (++at >= end) break;
          c = text.charCodeAt(at);
          if (isSpace(c)) break;
        }
        let t = this.words.get(text, start, at, hash);
        if (t === undefined) {
          const word = text.slice(start, at);
          const folded = foldForSearch(word);
          t = folded === '' ? -1 : this.tokenId(folded);
          this.words.add(word, hash, t);
        }
        if (t >= 0) count = this.take(t, stamp, count);
      }
    }
    const list = this.scratch.slice(0, count);
    for (const t of list) {
      const posting = this.postings[t]!;
      if (posting.length === 0) this.deadTokens--;
      posting.push(slot);
    }
    this.tokensOf[slot] = list;
  }

  /** Notes token `t` for the record being set (once): returns the new count. */
  private take(t: number, stamp: number, count: number): number {
    if (this.stamp[t] === stamp) return count;
    this.stamp[t] = stamp;
    if (count === this.scratch.length) {
      const grown = new Uint32Array(count * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    this.scratch[count] = t;
    return count + 1;
  }

  /** Removes a record (a measure deleted for good, or one of a register no longer open). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.unpost(slot);
    this.slotOf.delete(id);
    this.idOf[slot] = null;
    this.tokensOf[slot] = null;
    this.freeSlots.push(slot);
    if (this.deadTokens > 1000 && this.deadTokens * 2 > this.tokens.length) this.compactTokens();
  }

  /** Ids of the records that contain every term (AND, substring); terms are folded already. */
  search(terms: readonly string[]): Set<string> {
    this.joinPending();
    let matches: Uint8Array | null = null;
    for (const term of terms) {
      const hit = new Uint8Array(this.idOf.length);
      this.markContaining(term, hit);
      if (matches) for (let i = 0; i < hit.length; i++) matches[i]! &= hit[i]!;
      else matches = hit;
    }
    const found = new Set<string>();
    if (!matches) return found;
    for (let slot = 0; slot < matches.length; slot++) if (matches[slot] === 1 && this.idOf[slot] !== null) found.add(this.idOf[slot]!);
    return found;
  }

  /** Ids of all records indexed. */
  ids(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  private tokenId(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokenIds.set(token, id);
      this.tokens.push(token);
      this.postings.push([]);
      this.stamp.push(0);
      this.deadTokens++; // counted live once a record posts it (in `set`)
      this.pendingTokens.push(token);
    }
    return id;
  }

  private joinPending(): void {
    if (this.pendingTokens.length === 0) return;
    let offset = this.tokenText.length;
    for (const token of this.pendingTokens) {
      this.tokenStarts.push(offset);
      offset += token.length + 1;
    }
    this.tokenText += this.pendingTokens.join('\n') + '\n';
    this.pendingTokens = [];
  }

  private unpost(slot: number): void {
    const old = this.tokensOf[slot];
    if (!old) return;
    for (const t of old) {
      const list = this.postings[t]!;
      const at = list.indexOf(slot);
      if (at >= 0) {
        // Order inside a posting does not matter (results are marked in a bitmap): swap-remove.
        list[at] = list[list.length - 1]!;
        list.pop();
        if (list.length === 0) this.deadTokens++;
      }
    }
  }

  private markContaining(term: string, into: Uint8Array): void {
    const text = this.tokenText;
    let from = 0;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at < 0) return;
      const token = tokenAt(this.tokenStarts, at);
      for (const slot of this.postings[token]!) into[slot] = 1;
      // Continue after this token: all its records are marked already.
      from = token + 1 < this.tokenStarts.length ? this.tokenStarts[token + 1]! : text.length;
    }
  }

  /** Drops the tokens no record uses any more; token ids are renumbered in every record. */
  private compactTokens(): void {
    this.joinPending();
    const renumber = new Int32Array(this.tokens.length).fill(-1);
    const tokens: string[] = [];
    const postings: number[][] = [];
    this.tokens.forEach((token, old) => {
      if (this.postings[old]!.length === 0) {
        this.tokenIds.delete(token);
        return;
      }
      renumber[old] = tokens.length;
      this.tokenIds.set(token, tokens.length);
      tokens.push(token);
      postings.push(this.postings[old]!);
    });
    for (let slot = 0; slot < this.tokensOf.length; slot++) {
      const list = this.tokensOf[slot];
      if (list) for (let i = 0; i < list.length; i++) list[i] = renumber[list[i]!]!;
    }
    // Words as written are kept only for live tokens (the others are folded again when met again).
    this.words.remap((old) => (old < 0 ? -1 : renumber[old]! >= 0 ? renumber[old]! : -2));
    this.tokens = tokens;
    this.postings = postings;
    this.stamp = new Array<number>(tokens.length).fill(0);
    this.tokenStarts = [];
    let offset = 0;
    for (const token of tokens) {
      this.tokenStarts.push(offset);
      offset += token.length + 1;
    }
    this.tokenText = tokens.join('\n') + (tokens.length > 0 ? '\n' : '');
    this.deadTokens = 0;
  }
}

/** The same characters as the regular expression class `\s` (tested against it for every code unit). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function tokenAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
