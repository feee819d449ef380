/**
 * Incremental full-text index over the measures' folded search texts (`measureSearchText`), so that a
 * search never scans megabytes of text and a change (own save, another window's change) costs only the
 * changed records, never a rebuild.
 *
 * Each text is split at whitespace into distinct tokens. All tokens ever seen sit in one string, one per
 * line (`tokenText`); a query term (never containing whitespace) occurs in a text exactly when it occurs
 * inside one of its tokens, so finding the term in `tokenText` and taking the tokens' postings gives the
 * same result as a full scan of every text — substring, umlaut-folded, as before.
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
  private readonly tokenIds = new Map<string, number>();
  private tokens: string[] = [];
  private postings: number[][] = [];
  private tokenStarts: number[] = [];
  private tokenText = '';
  private deadTokens = 0;

  /** Number of records indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds or replaces the text of one record. */
  set(id: string, foldedText: string): void {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.idOf.length;
      this.slotOf.set(id, slot);
      this.idOf[slot] = id;
    } else {
      this.unpost(slot);
    }
    const ids = new Set<number>();
    for (const token of foldedText.split(/\s+/)) {
      if (token === '') continue;
      ids.add(this.tokenId(token));
    }
    const list = Uint32Array.from(ids);
    for (const t of list) {
      if (this.postings[t]!.length === 0) this.deadTokens--;
      this.postings[t]!.push(slot);
    }
    this.tokensOf[slot] = list;
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
      this.deadTokens++; // counted live once a record posts it (just below in `set`)
      this.tokenStarts.push(this.tokenText.length);
      this.tokenText += token + '\n';
    }
    return id;
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
    this.tokens = tokens;
    this.postings = postings;
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
