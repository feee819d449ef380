/**
 * Writes an exported document (Word, OParl JSON …) to the place the user chose: atomically and durably
 * (writeFileDurable: temp file in the same folder, fsync, rename, fsync of the folder), so the target
 * holds either its old content or the complete new file, never a half-written one. Failures become
 * German sentences; the typical Windows case, the file still open in Word, gets its own.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { de } from '@shared/i18n/de';
import { writeFileDurable } from '../store/durableWrite';
import { describeIoError } from '../store/ioErrors';
import { WriteFailedError } from '../store/registerStore';

/**
 * The export file was not written. A WriteFailedError, so the API reports it as WRITE_FAILED, but with a
 * message about the export rather than about saving the register.
 */
export class ExportWriteError extends WriteFailedError {
  constructor(
    reason: string,
    readonly code: string,
  ) {
    super(reason);
    this.name = 'ExportWriteError';
    this.message = de.submission.document.writeFailed(reason);
  }
}

/** The target exists and overwriting was not allowed. */
export class ExportTargetExistsError extends Error {
  constructor(readonly target: string) {
    super(de.store.existsAlready);
    this.name = 'ExportTargetExistsError';
  }
}

const LOCKED = new Set(['EBUSY', 'EPERM', 'EACCES']);

/**
 * The German reason for a failed export write. Replacing a file that Word keeps open fails on Windows at
 * the rename with EBUSY/EPERM/EACCES (after writeFileDurable's retries); that is reported as "probably
 * open in Word" when the target exists as a file. Everything else goes through describeIoError.
 */
export function describeExportError(error: unknown, targetIsFile: boolean, platform: NodeJS.Platform = process.platform): string {
  const e = error as NodeJS.ErrnoException | undefined;
  const code = e?.code ?? '';
  if (targetIsFile && LOCKED.has(code) && (e?.syscall === 'rename' || platform === 'win32')) return de.submission.document.fileOpenInWord;
  if (code === 'EISDIR') return de.submission.document.targetIsFolder;
  return describeIoError(error);
}

async function kindOf(target: string): Promise<'file' | 'directory' | 'other' | null> {
  try {
    const stat = await fs.stat(target);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
}

export interface WriteExportOptions {
  /** false: refuse (ExportTargetExistsError) when the target already exists. Default true (the save dialog asked). */
  overwrite?: boolean;
}

/**
 * Writes `bytes` to `target`, creating missing parent folders. Throws ExportWriteError (German message)
 * or ExportTargetExistsError; in both cases an existing target is unchanged and no temp file is left.
 */
export async function writeExportFile(target: string, bytes: Uint8Array | string, options: WriteExportOptions = {}): Promise<void> {
  const before = await kindOf(target);
  if (before === 'directory') throw new ExportWriteError(de.submission.document.targetIsFolder, 'EISDIR');
  if (before !== null && options.overwrite === false) throw new ExportTargetExistsError(target);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileDurable(target, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    throw new ExportWriteError(describeExportError(error, before === 'file'), code);
  }
}
