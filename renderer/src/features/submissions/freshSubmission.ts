/**
 * "Neue Vorlage" stores the submission at once (the editor works on a stored one: revisions, attachments,
 * export). Left without a single save it must not stay in the register: its editor discards it when it
 * closes. The list waits for that discard before it loads, so the abandoned Vorlage never shows up there.
 */
let freshId: string | null = null;
let open = 0;
let pending: Promise<void> = Promise.resolve();

export const freshSubmission = {
  /** Set by "Neue Vorlage" right before it opens the editor on the created submission. */
  mark(id: string): void {
    freshId = id;
  },
  is(id: string): boolean {
    return freshId === id;
  },
  /** The editor is shown (again: React may unmount and mount an effect once more in development). */
  opened(): void {
    open += 1;
  },
  /**
   * The editor went away: unless it comes back right away, run `discard` if the submission is still as
   * created (`stillNew()` asked only then, after the last save has settled).
   */
  closed(stillNew: () => boolean, discard: () => Promise<unknown>): void {
    open -= 1;
    pending = new Promise<void>((resolve) =>
      setTimeout(() => {
        if (open > 0 || !stillNew()) return resolve();
        freshId = null;
        discard().then(
          () => resolve(),
          () => resolve(),
        );
      }, 0),
    );
  },
  /** Resolves once a discard under way is done. */
  settled(): Promise<void> {
    return pending;
  },
};
