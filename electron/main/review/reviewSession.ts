import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Saved } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { ReviewPackageError, sealPackage, type UnsealedPackage, type VerifiedPackage } from '@shared/review/reviewPackage';
import { ReviewWorkError, type WorkStamp } from '@shared/review/reviewWork';
import type { ReviewModeView, ReviewWork } from '@shared/review/reviewContract';
import { readPackageFile, sha256, writePackageFile } from './packageFile';
import { describeIoError } from '@main/store/ioErrors';
import { WriteQueue } from '@main/store/writeQueue';
import { ServiceError } from '@main/core/errors';

export interface ReviewSessionOptions {
  /** Called when review mode ends, so the window has a register to return to (opened lazily). */
  onLeave?: () => Promise<void>;
}

interface Open {
  path: string;
  pkg: VerifiedPackage;
}

/**
 * Review mode (Prüfmodus): the window works on one package file instead of the register. Every change
 * of the reviewer is a pure step (shared/review/reviewWork.ts); the result is sealed (new checksum) and
 * written durably into the same file, and only then becomes the current state, as in the register store.
 * Plain Node; used by the Electron main process, the harness and the tests.
 */
export class ReviewSession {
  private current: Open | null = null;
  private readonly queue = new WriteQueue();

  constructor(private readonly options: ReviewSessionOptions = {}) {}

  get active(): boolean {
    return this.current !== null;
  }

  /** Opens and verifies a package; on any problem review mode stays as it was and the German reason is thrown. */
  async open(file: string): Promise<ReviewModeView> {
    const absolute = path.resolve(file);
    let pkg: VerifiedPackage;
    try {
      pkg = await readPackageFile(absolute);
    } catch (error) {
      if (error instanceof ReviewPackageError)
        throw new ServiceError('VALIDATION', de.review.file.openFailed(path.basename(absolute), error.message));
      throw error;
    }
    await this.queue.idle();
    this.current = { path: absolute, pkg };
    return this.view()!;
  }

  /**
   * Opens a package handed over while the window is in use and returns the way back to what was open
   * before (the register or another package): the window may still decide to keep a form's unsaved input
   * rather than reload into the new package.
   */
  async switchTo(file: string): Promise<() => Promise<void>> {
    await this.queue.idle();
    const previous = this.current;
    await this.open(file);
    return async () => {
      await this.queue.idle();
      this.current = previous;
    };
  }

  view(): ReviewModeView | null {
    const c = this.current;
    return c ? { path: c.path, fileName: path.basename(c.path), pkg: c.pkg, savedAt: c.pkg.savedAt } : null;
  }

  require(): Open {
    if (!this.current) throw new ServiceError('NO_REGISTER', de.review.file.noPackage);
    return this.current;
  }

  /**
   * Applies one step of the reviewer's work and saves the package. A refused step (ReviewWorkError) or a
   * failed write changes nothing, neither in memory nor in the file.
   */
  change(step: (pkg: VerifiedPackage, stamp: WorkStamp) => UnsealedPackage): Promise<Saved<ReviewWork>> {
    return this.queue.run(async () => {
      const c = this.require();
      const stamp = { id: randomUUID(), at: new Date().toISOString() };
      let next: VerifiedPackage;
      try {
        next = sealPackage(step(c.pkg, stamp), sha256);
      } catch (error) {
        if (error instanceof ReviewWorkError)
          throw new ServiceError('VALIDATION', error.message, error.field ? [{ field: error.field, message: error.message }] : undefined);
        throw error;
      }
      // Another window (or a sync client) may have written the file since: never overwrite that work.
      if ((await checksumOnDisk(c.path)) !== c.pkg.checksum) throw new ServiceError('CONFLICT', de.review.file.changedOnDisk);
      try {
        await writePackageFile(c.path, next);
      } catch (error) {
        throw new ServiceError('WRITE_FAILED', de.review.file.writeFailed(describeIoError(error)));
      }
      c.pkg = next;
      return { value: work(next), savedAt: next.savedAt ?? stamp.at };
    });
  }

  /** Leaves review mode after pending saves; the window returns to the register. */
  async close(): Promise<void> {
    await this.queue.idle();
    this.current = null;
    await this.options.onLeave?.();
  }

  /** Waits for pending saves (before the app quits). */
  flush(): Promise<void> {
    return this.queue.idle();
  }
}

/** The checksum at the end of the package file as it is now (null when unreadable); cheap, no parsing. */
async function checksumOnDisk(file: string): Promise<string | null> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return /"checksum":"([0-9a-f]{64})"\}\s*$/.exec(text)?.[1] ?? null;
  } catch {
    return null;
  }
}

export function work(pkg: VerifiedPackage): ReviewWork {
  return { entries: pkg.entries, state: pkg.state, savedAt: pkg.savedAt, returnedAt: pkg.returnedAt };
}
