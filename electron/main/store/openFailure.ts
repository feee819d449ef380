import { promises as fs } from 'node:fs';
import { RegisterFileError } from './decode';
import { describeIoError } from './ioErrors';
import { tempNameFor } from './durableWrite';

/**
 * What a failed open means for the user:
 * - `damaged`: the file was read and its content is unusable (empty, binary, damaged, invalid, newer
 *   format): a backup may replace it, after confirmation;
 * - `io`: the file could not be read (permissions, a scanner holding it, a share that is away, too
 *   large): nothing is wrong with its content, so the only offer is "Erneut versuchen";
 * - `missing`: a register that was used here before has gone; it is never silently re-created.
 */
export type OpenProblem = 'damaged' | 'io' | 'missing';

const DAMAGED_KINDS = new Set<RegisterFileError['kind']>(['empty', 'binary', 'damaged', 'invalid', 'newer']);

export function classifyOpenFailure(error: unknown): { problem: OpenProblem; text: string } {
  if (error instanceof RegisterFileError) return { problem: DAMAGED_KINDS.has(error.kind) ? 'damaged' : 'io', text: error.problem };
  return { problem: 'io', text: describeIoError(error) };
}

/**
 * Whether new files can be written in the register's folder: a small temp file is created, synced and
 * removed. Returns null when writing works, else the German reason (permissions, full disk, read-only
 * share). Reading may still work; the register then opens read-only with that reason.
 */
export async function probeWritable(storePath: string): Promise<string | null> {
  const probe = tempNameFor(storePath);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(probe, 'wx', 0o644);
    // A few KiB, not one byte: a nearly full disk should show up here rather than at the first save.
    await handle.writeFile(Buffer.alloc(16 * 1024, 32));
    await handle.sync();
    return null;
  } catch (error) {
    return describeIoError(error);
  } finally {
    await handle?.close().catch(() => undefined);
    await fs.rm(probe, { force: true }).catch(() => undefined);
  }
}

export async function fileState(file: string): Promise<'file' | 'missing'> {
  try {
    await fs.stat(file);
    return 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new RegisterFileError(describeIoError(error), 'io');
  }
}
