import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh, empty folder per test, removed afterwards. Call at the top of a describe block (or file);
 * read `dir.path` inside tests.
 */
export function useTempDir(prefix = 'mpr-store-'): { readonly path: string } {
  const state = { path: '' };
  beforeEach(async () => {
    state.path = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    if (state.path) await fs.rm(state.path, { recursive: true, force: true });
    state.path = '';
  });
  return state;
}

/** Names in a folder that look like temp files of writeFileDurable. */
export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));
}

/**
 * Mounts a tiny tmpfs on `dir` so writes fail with ENOSPC (needs root, as on the build machine).
 * Returns null on success, otherwise why it could not be mounted (the caller skips with that reason).
 */
export function mountTinyTmpfs(dir: string, size = '256k'): string | null {
  if (process.platform !== 'linux') return 'tmpfs mount needs Linux';
  if (process.getuid?.() !== 0) return 'tmpfs mount needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `mount -t tmpfs failed: ${stderr || (error as Error).message}`;
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'pipe' });
}

/**
 * Mounts `source` again at `target`, read-only (as a read-only network share would be): every write
 * there fails with EROFS, also for root. Returns null on success, else why not (the caller skips).
 */
export function mountReadOnlyBind(source: string, target: string): string | null {
  if (process.platform !== 'linux') return 'bind mount needs Linux';
  if (process.getuid?.() !== 0) return 'bind mount needs root';
  try {
    execFileSync('mount', ['--bind', source, target], { stdio: 'pipe' });
    execFileSync('mount', ['-o', 'remount,ro,bind', target], { stdio: 'pipe' });
    return null;
  } catch (error) {
    try {
      execFileSync('umount', [target], { stdio: 'pipe' });
    } catch {
      // was not mounted
    }
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `read-only bind mount failed: ${stderr || (error as Error).message}`;
  }
}

/** Fills the file system of `dir` until a write fails with ENOSPC; returns the filler file. */
export async function fillDisk(dir: string): Promise<string> {
  const filler = path.join(dir, 'fuellung.bin');
  const handle = await fs.open(filler, 'w');
  try {
    const chunk = Buffer.alloc(4096, 1);
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
  return filler;
}
