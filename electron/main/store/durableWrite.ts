import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that after a crash or power loss it holds either the old or the new complete content:
 * unique temp file in the same folder → write → fsync file → rename over the target → fsync the folder.
 * lowdb's own adapter (steno) uses one fixed temp name and never fsyncs, which is safe against a killed
 * process but not against a power cut, and two processes would share the temp file.
 */
export async function writeFileDurable(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = tempNameFor(target);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * `.<name>.<pid>.<random>.tmp` beside the target: the pid lets the next open tell a temp file of a
 * writer that is gone from one still being written (see tempCleanup.ts).
 */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * On Windows a virus scanner, the search indexer or a sync client briefly opens freshly written files,
 * and rename then fails with EPERM/EACCES/EBUSY. Retrying for about two seconds rides that out.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const transient = new Set(['EPERM', 'EACCES', 'EBUSY']);
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !transient.has(code) || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals renames. Some
 * network and FUSE file systems refuse to sync a folder: by then the new content is in place, so that
 * refusal must not report the save as failed.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF', 'EPERM', 'EACCES'].includes(code)) throw error;
  } finally {
    await handle?.close();
  }
}
