import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { de } from '@shared/i18n/de';
import { multiUser } from '@shared/session/multiUserTexts';
import { CURRENT_SCHEMA_VERSION, type RegisterDocument } from '@shared/register/register';
import { createBackup } from './backups';
import { checkCommit, checkCommitSize, CommitRefusedError } from './commitCheck';
import { MAX_REGISTER_BYTES, RegisterFileError } from './decode';
import { applyOps, changedByOps, diffDocuments, JournalOpError, mergeChanged, type ChangedRecords } from './docDiff';
import { writeFileDurable } from './durableWrite';
import { describeIoError } from './ioErrors';
import { appendEntry, JournalMovedError, journalPathFor, readJournal, writeFreshJournal, type JournalEntry } from './journal';
import { loadRegisterFiles, snapshotText, statOf, sameFile, type FileStamp, type LoadedFiles } from './registerFiles';
import {
  acquireWriteLock,
  writeLockPathFor,
  WriteLockBusyError,
  WriteLockLostError,
  type HeldWriteLock,
  type WriteLockOptions,
  type WriteLockOwner,
} from './writeLock';
import { WriteQueue } from './writeQueue';

export interface OpenResult {
  store: RegisterStore;
  /** Set when an older file format was lifted (a backup was made first, then the file rewritten). */
  migratedFrom: number | null;
  created: boolean;
}

export interface OpenOptions {
  /** Document to write when the file does not exist yet; without it a missing file is an error. */
  createWith?: () => RegisterDocument;
  /** Records the migration in the audit trail before the migrated file is written. */
  onMigrated?: (doc: RegisterDocument, from: number) => RegisterDocument;
  /** Read-only instances must not write, not even a migration. */
  readOnly?: boolean;
  /** Largest file written (and read); default MAX_REGISTER_BYTES. Tests use a small one. */
  maxBytes?: number;
  /** A migration is written only when this says nobody else works on the register (default: yes). */
  aloneForMigration?: () => Promise<boolean>;
  /** Who writes: goes into the lock file and the journal. */
  owner?: Partial<WriteLockOwner>;
  lock?: WriteLockOptions;
  /** Compaction thresholds (tests lower them). */
  compactAfterBytes?: number;
  compactAfterEntries?: number;
  /**
   * Below this snapshot size every change rewrites the snapshot instead of appending to the journal: for a
   * small file both cost about one fsync, and tools that read the file alone see every change.
   */
  journalFromBytes?: number;
}

/** Who changed the register last, as read from the journal. */
export interface LastChange {
  revision: number;
  user: string;
  host: string;
  at: string;
  /** True when the change came from this instance. */
  own: boolean;
}

/** What `refresh` found: records changed by others since this instance last read. */
export interface ExternalChange {
  revision: number;
  changed: ChangedRecords;
  /** The whole register was re-read (compaction by another instance, or the file was replaced). */
  reloaded: boolean;
  replaced: boolean;
}

/** Two findings of catching up, one after the other, as one. */
function foldChanges(earlier: ExternalChange | null, later: ExternalChange | null): ExternalChange | null {
  if (!earlier || !later) return earlier ?? later;
  return {
    revision: later.revision,
    changed: mergeChanged({ ...earlier.changed }, later.changed),
    reloaded: earlier.reloaded || later.reloaded,
    replaced: earlier.replaced || later.replaced,
  };
}

const DEFAULT_COMPACT_BYTES = 4 * 1024 * 1024;
const DEFAULT_COMPACT_ENTRIES = 2000;
const DEFAULT_JOURNAL_FROM_BYTES = 512 * 1024;

/**
 * The register: a JSON snapshot plus an append-only journal of committed changes (docs/multi-user.md).
 * Any number of instances open it; `commit` takes the short write lock, catches up with what others
 * wrote (so the change is applied to the fresh document and per-record version checks see their work),
 * appends the change durably and releases. A failed write leaves memory at the last saved state.
 */
export class RegisterStore {
  private readonly queue = new WriteQueue();
  private committedDoc: RegisterDocument;
  private readonly changeListeners = new Set<(doc: RegisterDocument) => void>();
  /** Others' changes read while catching up for an own write or compaction: the next `refresh` reports them. */
  private unreported: ExternalChange | null = null;
  /** What this instance's own commits changed since `takeOwnChanges` was last asked. */
  private ownChanges: ChangedRecords = {};
  lastSavedAt: string | null = null;
  lastChange: LastChange | null = null;
  /** A German note about the file for the status bar (damaged journal, replaced file), or null. */
  fileNote: string | null = null;
  /** Set when a journal line came from a newer program version: this instance must not write. */
  newerWriter = false;
  private readonly owner: WriteLockOwner;
  readonly journalPath: string;
  readonly lockPath: string;

  private constructor(
    readonly path: string,
    doc: RegisterDocument,
    public revision: number,
    private snapshot: FileStamp,
    private journal: { ino: number; end: number; entries: number; base: number } | null,
    private readonly options: OpenOptions,
  ) {
    this.committedDoc = doc;
    this.journalPath = journalPathFor(path);
    this.lockPath = writeLockPathFor(path);
    this.owner = {
      user: options.owner?.user ?? safeUser(),
      host: options.owner?.host ?? os.hostname(),
      pid: options.owner?.pid ?? process.pid,
      instanceId: options.owner?.instanceId ?? randomUUID(),
    };
  }

  static async open(path: string, options: OpenOptions = {}): Promise<OpenResult> {
    let loaded = await loadOrNull(path, options.maxBytes);
    let created = false;
    if (!loaded) {
      if (!options.createWith || options.readOnly) throw new RegisterFileError(de.store.notFound, 'io');
      // Two instances may create the register at the same moment: under the write lock, only the first
      // creates it; the second finds it and opens it.
      const lock = await acquireWriteLock(writeLockPathFor(path), ownerOf(options), options.lock);
      try {
        loaded = await loadOrNull(path, options.maxBytes);
        if (!loaded) {
          const doc = options.createWith();
          // The first file too stays within the reader's size limit (CommitRefusedError otherwise).
          const text = withinLimit(snapshotText(doc, 0), options.maxBytes ?? MAX_REGISTER_BYTES);
          await lock.assertHeld();
          await writeFileDurable(path, text);
          await writeFreshJournal(journalPathFor(path), {
            journal: 1,
            registerId: doc.registerId,
            base: 0,
            createdAt: new Date().toISOString(),
          });
          created = true;
          loaded = await loadOrNull(path, options.maxBytes);
        }
      } catch (error) {
        throw error instanceof RegisterFileError || error instanceof WriteLockBusyError || error instanceof CommitRefusedError
          ? error
          : new RegisterFileError(describeIoError(error), 'io');
      } finally {
        await lock.release();
      }
      if (!loaded) throw new RegisterFileError(de.store.notFound, 'io');
    }
    const store = new RegisterStore(path, loaded.doc, loaded.revision, loaded.snapshot, loaded.journal, options);
    store.lastChange = loaded.lastEntry ? store.toLastChange({ ...loaded.lastEntry, rev: loaded.revision }) : null;
    store.fileNote = loaded.note;
    store.newerWriter = loaded.newerWriter;
    if (created) store.lastSavedAt = new Date().toISOString();
    if (loaded.migratedFrom !== null && !options.readOnly && (await (options.aloneForMigration?.() ?? Promise.resolve(true)))) {
      await createBackup(path, 'migration');
      const from: number = loaded.migratedFrom;
      // Written as a new snapshot: older programs cannot read the new format, so no journal line for it.
      await store.commit((doc) => options.onMigrated?.(doc, from) ?? doc, { compact: true });
    }
    return { store, migratedFrom: loaded.migratedFrom, created };
  }

  /** The last durably saved state this instance knows. Treat as read-only. */
  get doc(): RegisterDocument {
    return this.committedDoc;
  }

  private get committed(): RegisterDocument {
    return this.committedDoc;
  }

  /** Every new state (own commit, others' changes read from the journal, a re-read) is told to the listeners. */
  private set committed(doc: RegisterDocument) {
    if (doc === this.committedDoc) return;
    this.committedDoc = doc;
    for (const listener of this.changeListeners) listener(doc);
  }

  /** Calls `listener` with each new document state (e.g. to update the search index); returns the unsubscribe. */
  onChange(listener: (doc: RegisterDocument) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  get identity(): WriteLockOwner {
    return this.owner;
  }

  /**
   * Applies `change` to the freshest state (re-read from disk under the write lock) and writes the result
   * durably; resolves once it is on disk. `change` must not mutate its argument (return a new document);
   * if it throws (e.g. a version conflict), nothing is written.
   */
  commit<T = void>(
    change: (doc: RegisterDocument) => RegisterDocument | { doc: RegisterDocument; result: T },
    opts: { compact?: boolean } = {},
  ): Promise<{ result: T; savedAt: string }> {
    const gate = this.writeGate;
    // Outside the queue: the gate's own work (the day's backup) uses the queue to fold the journal.
    return gate ? gate().then(() => this.commitNow(change, opts)) : this.commitNow(change, opts);
  }

  private writeGate: (() => Promise<void>) | null = null;

  /**
   * Every later commit first awaits `gate` (and fails with its error): the session holds writes until the
   * start's backup and integrity check are done, which run after the first screen (two-step start).
   */
  holdWritesUntil(gate: () => Promise<void>): void {
    this.writeGate = gate;
  }

  private commitNow<T>(
    change: (doc: RegisterDocument) => RegisterDocument | { doc: RegisterDocument; result: T },
    opts: { compact?: boolean },
  ): Promise<{ result: T; savedAt: string }> {
    return this.queue.run(async () => {
      let lock: HeldWriteLock;
      try {
        lock = await acquireWriteLock(this.lockPath, this.owner, this.options.lock);
      } catch (error) {
        if (error instanceof WriteLockBusyError) throw new WriteFailedError(error.message, true);
        throw new WriteFailedError(describeIoError(error));
      }
      try {
        await this.catchUpNoting(true).catch((error: unknown) => {
          if (error instanceof RegisterFileError) throw new WriteFailedError(error.problem, true);
          throw new WriteFailedError(describeIoError(error));
        });
        if (this.newerWriter) throw new WriteFailedError(multiUser.journalNewer, true);
        const base = this.committed;
        const outcome = change(base);
        let next = 'doc' in outcome && 'result' in outcome ? outcome.doc : (outcome as RegisterDocument);
        const result = ('doc' in outcome && 'result' in outcome ? outcome.result : undefined) as T;
        if (lock.tookOver) next = withTakeoverNote(next, this.owner.user, lock.tookOver.user, lock.tookOver.host);
        // Never write what the reader would refuse (CommitRefusedError with a German field message): checked
        // against the freshest state, before anything reaches the snapshot or the journal.
        checkCommit(base, next);
        const ops = diffDocuments(base, next);
        const savedAt = new Date().toISOString();
        if (ops.length === 0 && !opts.compact) return { result, savedAt: this.lastSavedAt ?? savedAt };
        const revision = this.revision + 1;
        const entry: JournalEntry = {
          rev: revision,
          v: CURRENT_SCHEMA_VERSION,
          at: savedAt,
          by: this.owner.user,
          host: this.owner.host,
          ops,
        };
        const asSnapshot =
          opts.compact || !this.journal || this.snapshot.size < (this.options.journalFromBytes ?? DEFAULT_JOURNAL_FROM_BYTES);
        // The register must stay within the size the reader accepts once snapshot and journal are folded.
        const snapshotFile = asSnapshot ? withinLimit(snapshotText(next, revision), this.maxBytes) : null;
        if (!asSnapshot) this.checkJournalSize(next, revision, ops);
        try {
          await lock.assertHeld();
          if (snapshotFile !== null || !this.journal) {
            await this.compact(next, revision, lock, entry, snapshotFile ?? undefined);
            this.lastChange = this.toLastChange(entry);
          } else {
            const journal = this.journal;
            journal.end = await appendEntry(this.journalPath, journal.end, entry).catch(async (error: unknown) => {
              if (error instanceof JournalMovedError) throw new WriteLockLostError();
              // Take back a line that may have arrived although the write failed (best effort).
              await fs.truncate(this.journalPath, journal.end).catch(() => undefined);
              throw error;
            });
            journal.entries++;
            this.revision = revision;
            this.lastChange = this.toLastChange(entry);
          }
        } catch (error) {
          if (error instanceof WriteLockLostError) throw new WriteFailedError(error.message, true);
          if (error instanceof CommitRefusedError) throw error;
          throw new WriteFailedError(describeIoError(error));
        }
        this.committed = next;
        this.lastSavedAt = savedAt;
        changedByOps(ops, this.ownChanges);
        if (
          this.journal &&
          (this.journal.end > Math.max(this.options.compactAfterBytes ?? DEFAULT_COMPACT_BYTES, this.snapshot.size / 2) ||
            this.journal.entries >= (this.options.compactAfterEntries ?? DEFAULT_COMPACT_ENTRIES))
        ) {
          // The change is durable already; folding the journal into the snapshot is housekeeping.
          await this.compact(this.committed, this.revision, lock).catch(() => undefined);
        }
        return { result, savedAt };
      } finally {
        await lock.release();
      }
    });
  }

  /**
   * Looks whether others changed the register (cheap when nothing changed: two stats) and applies their
   * changes. Returns what changed, or null. Never writes.
   */
  refresh(): Promise<ExternalChange | null> {
    return this.queue.run(async () => {
      const read = await this.catchUp(false);
      const earlier = this.unreported;
      this.unreported = null;
      return foldChanges(earlier, read);
    });
  }

  /**
   * Records changed by this instance's own commits since the last call (ids per list, `true`: the whole
   * list); the window that saved updates only those rows instead of reloading every list.
   */
  takeOwnChanges(): ChangedRecords {
    const taken = this.ownChanges;
    this.ownChanges = {};
    return taken;
  }

  /**
   * Catching up under the write lock (before an own write or a compaction) applies others' changes too; they
   * are kept for the next `refresh`, so the window still learns which of its rows others changed.
   */
  private async catchUpNoting(underLock: boolean): Promise<ExternalChange | null> {
    const read = await this.catchUp(underLock);
    this.unreported = foldChanges(this.unreported, read);
    return read;
  }

  /**
   * Folds journal into a new snapshot (written durably first), then starts a fresh journal. A reader that
   * races this sees a journal whose base is newer than the snapshot it read, and reads again.
   */
  async compactNow(): Promise<void> {
    await this.queue.run(async () => {
      const lock = await acquireWriteLock(this.lockPath, this.owner, this.options.lock);
      try {
        await this.catchUpNoting(true);
        await this.compact(this.committed, this.revision, lock);
      } finally {
        await lock.release();
      }
    });
  }

  private get maxBytes(): number {
    return this.options.maxBytes ?? MAX_REGISTER_BYTES;
  }

  /**
   * Before a journal append: snapshot + journal + the new line bound the size of the folded register from
   * above (every op carries whole records). Only when that bound passes the limit is the exact size counted.
   */
  private checkJournalSize(next: RegisterDocument, revision: number, ops: unknown[]): void {
    const bound = this.snapshot.size + (this.journal?.end ?? 0) + JSON.stringify(ops).length * 3;
    if (bound > this.maxBytes) withinLimit(snapshotText(next, revision), this.maxBytes);
  }

  private async compact(doc: RegisterDocument, revision: number, lock: HeldWriteLock, last?: JournalEntry, text?: string): Promise<void> {
    const beat = setInterval(() => void lock.refresh(), 2000);
    try {
      await lock.assertHeld();
      await writeFileDurable(this.path, text ?? withinLimit(snapshotText(doc, revision), this.maxBytes));
      const lastEntry =
        last ?? (this.lastChange ? { by: this.lastChange.user, host: this.lastChange.host, at: this.lastChange.at } : undefined);
      await writeFreshJournal(this.journalPath, {
        journal: 1,
        registerId: doc.registerId,
        base: revision,
        createdAt: new Date().toISOString(),
        ...(lastEntry ? { last: { by: lastEntry.by, host: lastEntry.host, at: lastEntry.at } } : {}),
      });
    } finally {
      clearInterval(beat);
    }
    this.revision = revision;
    this.snapshot = await statOf(this.path);
    const journal = await readJournal(this.journalPath);
    this.journal = journal ? { ino: journal.ino, end: journal.end, entries: 0, base: revision } : null;
  }

  /** Reads what others appended (or the whole register when it was compacted or replaced). */
  private async catchUp(underLock: boolean): Promise<ExternalChange | null> {
    let snapshot: FileStamp;
    try {
      snapshot = await statOf(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RegisterFileError(multiUser.registerGone, 'io');
      throw error;
    }
    if (!sameFile(snapshot, this.snapshot)) return this.reload(underLock);
    const journal = this.journal;
    let read;
    if (journal) {
      read = await readJournal(this.journalPath, journal.end, 2);
      if (!read || read.ino !== journal.ino) return this.reload(underLock);
    } else {
      // No journal yet (a snapshot written by an older program): someone may have started one.
      read = await readJournal(this.journalPath);
      if (!read) return null;
      return this.reload(underLock);
    }
    if (read.damagedLine !== null && underLock) return this.reload(underLock);
    if (read.tornBytes > 0 && underLock) {
      // Left by a writer that crashed mid-append; nobody else writes while we hold the lock.
      await fs.truncate(this.journalPath, read.end);
    }
    if (read.entries.length === 0) return null;
    const changed: ChangedRecords = {};
    let doc = this.committed;
    let last: JournalEntry | null = null;
    for (const entry of read.entries) {
      if (entry.rev !== this.revision + 1) {
        // Lines after the ones we applied must continue the count; a repeated or skipped revision is damage.
        if (underLock) return this.reload(underLock);
        this.fileNote = multiUser.journalDamaged(journal.entries + 2);
        break;
      }
      if (entry.v > CURRENT_SCHEMA_VERSION) {
        this.newerWriter = true;
        break;
      }
      try {
        doc = applyOps(doc, entry.ops, changed);
      } catch (error) {
        if (error instanceof JournalOpError) {
          this.newerWriter ||= error.newer;
          if (!error.newer) this.fileNote = multiUser.journalDamaged(journal.entries + 2);
          break;
        }
        throw error;
      }
      this.revision = entry.rev;
      journal.entries++;
      last = entry;
    }
    journal.end = read.end;
    this.committed = doc;
    if (!last) return null;
    this.lastChange = this.toLastChange(last);
    return { revision: this.revision, changed, reloaded: false, replaced: false };
  }

  private async reload(underLock: boolean): Promise<ExternalChange> {
    const previousId = this.committed.registerId;
    const loaded = await loadRegisterFiles(this.path, underLock ? 'repair' : 'read', this.options.maxBytes);
    const replaced = loaded.doc.registerId !== previousId || loaded.revision < this.revision;
    this.committed = loaded.doc;
    this.revision = loaded.revision;
    this.snapshot = loaded.snapshot;
    this.journal = loaded.journal;
    this.fileNote = replaced ? multiUser.registerReplaced : loaded.note;
    this.newerWriter = loaded.newerWriter;
    if (loaded.lastEntry) this.lastChange = this.toLastChange({ ...loaded.lastEntry, rev: loaded.revision });
    return { revision: this.revision, changed: {}, reloaded: true, replaced };
  }

  private toLastChange(entry: Pick<JournalEntry, 'rev' | 'by' | 'host' | 'at'>): LastChange {
    return {
      revision: entry.rev,
      user: entry.by,
      host: entry.host,
      at: entry.at,
      own: entry.by === this.owner.user && entry.host === this.owner.host,
    };
  }

  /** Waits for queued writes, e.g. before the app quits. */
  flush(): Promise<void> {
    return this.queue.idle();
  }
}

/** Text of the snapshot, refused when the file would be larger than the reader accepts. */
function withinLimit(text: string, maxBytes: number): string {
  // UTF-8 needs at most 3 bytes per UTF-16 unit: count the bytes only when the limit may be reached.
  if (text.length * 3 > maxBytes) checkCommitSize(Buffer.byteLength(text, 'utf8'), maxBytes);
  return text;
}

async function loadOrNull(path: string, maxBytes?: number): Promise<LoadedFiles | null> {
  try {
    return await loadRegisterFiles(path, 'read', maxBytes);
  } catch (error) {
    if (error instanceof RegisterFileError && error.kind === 'io' && error.problem === de.store.notFound) return null;
    throw error;
  }
}

function ownerOf(options: OpenOptions): WriteLockOwner {
  return {
    user: options.owner?.user ?? safeUser(),
    host: options.owner?.host ?? os.hostname(),
    pid: options.owner?.pid ?? process.pid,
    instanceId: options.owner?.instanceId ?? randomUUID(),
  };
}

/**
 * The name in the lock and the takeover note when the caller names nobody (the app and the CLI always
 * do): "Name nicht angegeben", never the operating-system login (issue 15).
 */
function safeUser(): string {
  return de.ui.settings.noName;
}

/** The audit note that a crashed instance's write lock was lifted, added to the change that needed it. */
function withTakeoverNote(doc: RegisterDocument, user: string, holder: string, host: string): RegisterDocument {
  const entry = {
    id: randomUUID(),
    at: new Date().toISOString(),
    user,
    entityType: 'register' as const,
    entityId: doc.registerId,
    entityLabel: doc.name.slice(0, 300),
    action: 'update' as const,
    changes: [{ field: 'schreibsperre', old: multiUser.staleLockNote(holder, host), new: null }],
  };
  return { ...doc, audit: [...doc.audit, entry] };
}

export class WriteFailedError extends Error {
  constructor(
    readonly reason: string,
    /** The reason is complete in itself (not an I/O error to be wrapped in "not saved"). */
    readonly plain = false,
  ) {
    super(plain ? reason : de.store.writeFailed(reason));
  }
}
