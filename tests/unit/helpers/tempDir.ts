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
