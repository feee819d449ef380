import { promises as fs } from 'node:fs';
import path from 'node:path';
import { backupDirFor, createBackup, DAMAGED_REASON } from './backups';
import { decodeRegister } from './decode';
import { writeFileDurable } from './durableWrite';
import { journalPathFor } from './journal';

export interface RestoreOutcome {
  /** Where the content of the file that was replaced is kept (null when there was no file). */
  keptAs: string | null;
}

/**
 * Puts a backup in place of the register file. Order matters: first the current file is copied (not
 * moved) into the backup folder, then the backup is written to a temp file and renamed over the
 * register. If anything fails on the way, the register file is exactly as before; the original is never
 * moved away first (a full disk must not leave the path empty, where the next start would see no file).
 * Last, the journal beside the register is set aside (`….journal.beiseite-<time>`): it continued the
 * damaged snapshot, not the backup, and must never be replayed on it. Should that rename not happen (a
 * crash), the reader still ignores a journal whose base is newer than the snapshot (registerFiles.ts).
 */
export async function restoreFromBackup(storePath: string, backupPath: string, now = new Date()): Promise<RestoreOutcome> {
  const resolved = path.resolve(backupPath);
  if (path.dirname(resolved) !== backupDirFor(storePath)) throw new Error('backup outside the backup folder');
  const text = await fs.readFile(resolved, 'utf8');
  // Throws a RegisterFileError when the backup itself cannot be used: then nothing is touched.
  decodeRegister(text);
  const present = await fs.lstat(storePath).then(
    (stat) => stat.isFile(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  const keptAs = present ? await createBackup(storePath, DAMAGED_REASON, now) : null;
  await writeFileDurable(storePath, text);
  const journal = journalPathFor(storePath);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  await fs.rename(journal, `${journal}.beiseite-${stamp}`).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  return { keptAs };
}
