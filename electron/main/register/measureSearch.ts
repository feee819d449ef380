import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { measureSearchFields, searchTerms } from '@shared/register/search';
import { MeasureTextIndex } from '@shared/register/searchIndex';

/**
 * Longest stretch of (re)building between two yields to the event loop, in ms. A time slice, not a count
 * of records: a call answered during the build (getSession, listMeasureRows) waits for one slice at each
 * of its awaits (every file read is one), and 250 records took 50–150 ms on a loaded machine — the first
 * screen's calls took seconds behind them.
 */
const SLICE_MS = 8;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The full-text search over the open register, in main where the measures are: the rows sent to the
 * renderer carry no search text (they would be three quarters of the payload). The index follows the
 * document by object identity (documents are never mutated, a changed measure is a new object): after
 * each new state — own save, another window's change read from the journal — only changed measures are
 * re-indexed, removed ones (and those moved into the Papierkorb) dropped. A change of the lookup lists (Handlungsfelder, offices, statuses:
 * their labels are searched) re-indexes all, in chunks. The first build starts right after the register was read (two-step start),
 * between the first screen's calls, and the start's second step (day's backup, export warm-up) waits for
 * it, so the first keystroke finds it ready; a search that arrives earlier waits only for the rest of the
 * build, which then runs without yielding.
 */
export class MeasureSearch {
  private readonly index = new MeasureTextIndex();
  private readonly indexed = new Map<string, Measure>();
  private lookup: readonly unknown[] = [];
  private synced: RegisterDocument | null = null;
  private running: Promise<void> | null = null;
  private scheduled = false;
  /** A search waits for the build: finish it in one go instead of yielding between chunks. */
  private urgent = false;
  /** How many measure texts were (re)indexed since the register was opened: shows that a change costs one, not all. */
  textsIndexed = 0;

  constructor(private readonly current: () => RegisterDocument) {}

  /** Ids of the measures containing every word of the query (folded: umlauts, ß, case). */
  async search(query: string): Promise<string[]> {
    const terms = searchTerms(query);
    if (!this.ready) {
      this.urgent = true;
      await this.sync();
    }
    return terms.length === 0 ? [] : [...this.index.search(terms)];
  }

  /** Brings the index up to date soon (after the current call), without delaying the caller. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.sync().catch(() => undefined);
    });
  }

  /** True when the index matches the current document (tests, bench). */
  get ready(): boolean {
    return this.synced === this.current();
  }

  /** Brings the index up to the current document; resolves when it matches. */
  async sync(): Promise<void> {
    while (this.synced !== this.current()) {
      this.running ??= this.syncOnce().finally(() => (this.running = null));
      await this.running;
    }
    this.urgent = false;
  }

  private async syncOnce(): Promise<void> {
    const doc = this.current();
    const lookup = [doc.actionFields, doc.orgUnits, doc.statuses];
    const all = lookup.some((list, i) => list !== this.lookup[i]);
    let sinceYield = 0;
    let sliceStart = performance.now();
    for (const m of doc.measures) {
      if (!all && this.indexed.get(m.id) === m) continue;
      this.indexed.set(m.id, m);
      // Measures in the Papierkorb are not searched: moving one there takes it out of the index.
      if (m.deletedAt) {
        this.index.remove(m.id);
        continue;
      }
      this.index.set(m.id, measureSearchFields(m, doc));
      this.textsIndexed++;
      // The clock is read every 16 records only (cheap either way).
      if ((++sinceYield & 15) === 0 && !this.urgent && performance.now() - sliceStart > SLICE_MS) {
        sinceYield = 0;
        await yieldToEvents();
        sliceStart = performance.now();
      }
    }
    // Purged measures: one pass over the ids, only when the list itself changed.
    if (doc.measures !== this.synced?.measures) {
      const present = new Set(doc.measures.map((m) => m.id));
      for (const id of [...this.indexed.keys()])
        if (!present.has(id)) {
          this.index.remove(id);
          this.indexed.delete(id);
        }
    }
    this.lookup = lookup;
    this.synced = doc;
    // After a full build, one search in idle time: joins the new tokens into the token text and compiles the
    // search code, so the user's first keystroke does not pay for either.
    if (all) this.index.search(['e']);
  }
}
