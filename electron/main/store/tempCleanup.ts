import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A temp file older than this is left over even if its pid is alive (pids are reused; other computers). */
export const TEMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * A temp file whose pid is not running here is removed only once it has not changed for this long: the
 * name carries no computer name, and on a shared folder the same pid may be a live writer elsewhere.
 */
export const TEMP_GRACE_MS = 5 * 60 * 1000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes temp files that interrupted writes of this register left beside it (`.<name>.<pid>.<hex>.tmp`,
 * see durableWrite.ts). They are full copies of the register and may hold personal data outside every
 * retention rule. A file is removed when its writer is gone: a pid that no longer runs on this computer
 * (and no change for `graceMs`), or older than `maxAgeMs` whatever its pid.
 * Returns the names removed. Never touches files of other registers, nor the journal, the write lock or
 * the presence folder themselves (`<name>.journal`, `<name>.write.lock`, `<name>.presence/`): only the
 * temp files of a fresh journal written by a writer that is gone.
 */
export async function removeStaleTemps(
  storePath: string,
  now = Date.now(),
  maxAgeMs = TEMP_MAX_AGE_MS,
  graceMs = TEMP_GRACE_MS,
): Promise<string[]> {
  const dir = path.dirname(storePath);
  const base = path.basename(storePath);
  const pattern = new RegExp(`^\\.${escape(base)}(?:\\.lock|\\.journal)?\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => null);
    if (!stat?.isFile()) continue;
    const pid = Number(match[1]);
    const age = now - stat.mtimeMs;
    const writerGone = (pid !== process.pid && !processAlive(pid) && age > graceMs) || age > maxAgeMs;
    if (!writerGone) continue;
    await fs.rm(file, { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

function processAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
