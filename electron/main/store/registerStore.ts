import { promises as fs } from 'node:fs';
import { Low } from 'lowdb';
import { de } from '@shared/i18n/de';
import type { RegisterDocument } from '@shared/register/register';
import { createBackup } from './backups';
import { checkCommit, checkCommitSize, CommitRefusedError } from './commitCheck';
import { decodeRegister, MAX_REGISTER_BYTES, RegisterFileError } from './decode';
import { DurableJsonAdapter } from './durableJsonAdapter';
import { describeIoError } from './ioErrors';
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
}

/**
 * The register file: one document, read and validated once, changed only through `commit`, which queues
 * changes, writes each durably and only then makes it the current state. A failed write leaves memory and
 * disk at the last saved state, so the UI never shows a change as saved that is not on disk.
 */
export class RegisterStore {
  private readonly queue = new WriteQueue();
  private committed: RegisterDocument;
  lastSavedAt: string | null = null;

  private constructor(
    readonly path: string,
    private readonly db: Low<RegisterDocument>,
  ) {
    this.committed = db.data;
  }

  static async open(path: string, options: OpenOptions = {}): Promise<OpenResult> {
    let migratedFrom: number | null = null;
    const adapter = new DurableJsonAdapter<RegisterDocument>(
      path,
      (text) => {
        const decoded = decodeRegister(text);
        migratedFrom = decoded.migratedFrom;
        return decoded.doc;
      },
      (doc) => encodeWithinLimit(doc, options.maxBytes ?? MAX_REGISTER_BYTES),
    );
    let size: number | null = null;
    try {
      size = (await fs.stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new RegisterFileError(describeIoError(error), 'io');
    }
    if (size === null) {
      if (!options.createWith) throw new RegisterFileError(de.store.notFound, 'io');
      const doc = options.createWith();
      await adapter.write(doc);
      const db = new Low(adapter, doc);
      const store = new RegisterStore(path, db);
      store.lastSavedAt = new Date().toISOString();
      return { store, migratedFrom: null, created: true };
    }
    if (size > (options.maxBytes ?? MAX_REGISTER_BYTES)) throw new RegisterFileError(de.store.tooLarge(Math.ceil(size / 1024 / 1024)), 'tooLarge');
    let data: RegisterDocument | null;
    try {
      data = await adapter.read();
    } catch (error) {
      if (error instanceof RegisterFileError) throw error;
      throw new RegisterFileError(describeIoError(error), 'io');
    }
    if (!data) throw new RegisterFileError(de.store.notFound, 'io');
    // lowdb refuses to be built without default data, so it is built from what was just read and validated.
    const db = new Low<RegisterDocument>(adapter, data);
    const store = new RegisterStore(path, db);
    if (migratedFrom !== null && !options.readOnly) {
      await createBackup(path, 'migration');
      const from: number = migratedFrom;
      await store.commit((doc) => options.onMigrated?.(doc, from) ?? doc);
    }
    return { store, migratedFrom, created: false };
  }

  /** The last durably saved state. Treat as read-only. */
  get doc(): RegisterDocument {
    return this.committed;
  }

  /**
   * Applies `change` to the current state and writes the result durably; resolves once it is on disk.
   * `change` must not mutate its argument (return a new document); if it throws, nothing is written.
   */
  commit<T = void>(change: (doc: RegisterDocument) => RegisterDocument | { doc: RegisterDocument; result: T }): Promise<{ result: T; savedAt: string }> {
    return this.queue.run(async () => {
      const outcome = change(this.committed);
      const next = 'doc' in outcome && 'result' in outcome ? outcome.doc : (outcome as RegisterDocument);
      const result = ('doc' in outcome && 'result' in outcome ? outcome.result : undefined) as T;
      // Never write what the reader would refuse (throws a CommitRefusedError with a German field message).
      checkCommit(this.committed, next);
      this.db.data = next;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = this.committed;
        if (error instanceof CommitRefusedError) throw error;
        throw new WriteFailedError(describeIoError(error));
      }
      this.committed = next;
      this.lastSavedAt = new Date().toISOString();
      return { result, savedAt: this.lastSavedAt };
    });
  }

  /** Waits for queued writes, e.g. before the app quits. */
  flush(): Promise<void> {
    return this.queue.idle();
  }
}

/** JSON of the document, refused when the file would be larger than the reader accepts. */
function encodeWithinLimit(doc: RegisterDocument, maxBytes: number): string {
  const text = JSON.stringify(doc);
  // UTF-8 needs at most 3 bytes per UTF-16 unit: count the bytes only when the limit may be reached.
  if (text.length * 3 > maxBytes) checkCommitSize(Buffer.byteLength(text, 'utf8'), maxBytes);
  return text;
}

export class WriteFailedError extends Error {
  constructor(readonly reason: string) {
    super(de.store.writeFailed(reason));
  }
}
