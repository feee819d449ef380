import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { syncDirectory, tempNameFor } from './durableWrite';

/**
 * Copies a file so that the target appears complete or not at all: copy to a temp file beside the
 * target, fsync it, rename it into place, fsync the folder. Used for backups and for the copy of a
 * damaged register, which must never be found half-written after a crash or a full disk.
 */
export async function copyFileDurable(source: string, target: string): Promise<void> {
  const dir = path.dirname(target);
  const temp = tempNameFor(target);
  try {
    await fs.copyFile(source, temp, fsConstants.COPYFILE_EXCL);
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await linkOrRename(temp, target);
  } finally {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
  await syncDirectory(dir);
}

/**
 * link + unlink instead of rename, so an existing file of the same name is never replaced. Some network
 * and FAT file systems have no hard links: there the name is checked first, then renamed.
 */
async function linkOrRename(temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code)) throw error;
    const taken = await fs.lstat(target).then(
      () => true,
      () => false,
    );
    if (taken) throw Object.assign(new Error(`EEXIST: ${target}`), { code: 'EEXIST' });
    await fs.rename(temp, target);
  }
}
