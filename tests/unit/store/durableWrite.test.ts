import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileDurable } from '@main/store/durableWrite';
import { mountTinyTmpfs, tempFilesIn, unmount, useTempDir } from './tempDir';

describe('writeFileDurable', () => {
  const dir = useTempDir();
  let mounted: string | null = null;
  // Runs before useTempDir's cleanup (after-hooks run in reverse order of registration).
  afterEach(() => {
    if (mounted) unmount(mounted);
    mounted = null;
  });

  it('writes text and bytes exactly', async () => {
    const target = path.join(dir.path, 'register.json');
    await writeFileDurable(target, '{"name":"Größe ✓"}');
    expect(await fs.readFile(target, 'utf8')).toBe('{"name":"Größe ✓"}');

    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await writeFileDurable(target, bytes);
    expect(new Uint8Array(await fs.readFile(target))).toEqual(bytes);
  });

  it('leaves no temp file behind', async () => {
    const target = path.join(dir.path, 'register.json');
    for (let i = 0; i < 5; i++) await writeFileDurable(target, `{"n":${i}}`);
    expect(await fs.readdir(dir.path)).toEqual(['register.json']);
  });

  it('replaces a longer old content completely (no leftover tail)', async () => {
    const target = path.join(dir.path, 'register.json');
    await writeFileDurable(target, 'x'.repeat(10_000));
    await writeFileDurable(target, 'kurz');
    expect(await fs.readFile(target, 'utf8')).toBe('kurz');
  });

  it('replaces the file by rename, so a reader holding the old file still sees the old content', async () => {
    const target = path.join(dir.path, 'register.json');
    await writeFileDurable(target, 'alt');
    const oldHandle = await fs.open(target, 'r');
    try {
      await writeFileDurable(target, 'neu');
      expect(await fs.readFile(target, 'utf8')).toBe('neu');
      // An in-place overwrite would show "neu" here too.
      expect((await oldHandle.readFile()).toString('utf8')).toBe('alt');
    } finally {
      await oldHandle.close();
    }
  });

  it('handles concurrent writes to one target: each completes, the file holds one of them whole', async () => {
    const target = path.join(dir.path, 'register.json');
    const contents = Array.from({ length: 10 }, (_, i) => String(i).repeat(50_000));
    await Promise.all(contents.map((c) => writeFileDurable(target, c)));
    expect(contents).toContain(await fs.readFile(target, 'utf8'));
    expect(await tempFilesIn(dir.path)).toEqual([]);
  });

  it('fails when the folder does not exist and creates nothing', async () => {
    const target = path.join(dir.path, 'fehlt', 'register.json');
    await expect(writeFileDurable(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir.path)).toEqual([]);
  });

  it('fails when the rename fails, keeps the old file intact and removes its temp file', async () => {
    // A non-empty directory cannot be replaced by a file: open, write and fsync succeed, rename fails.
    const target = path.join(dir.path, 'register.json');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inhalt.txt'), 'alt');
    await expect(writeFileDurable(target, 'neu')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await fs.readFile(path.join(target, 'inhalt.txt'), 'utf8')).toBe('alt');
    expect(await tempFilesIn(dir.path)).toEqual([]);
  });

  it('fails on a full disk mid-write, keeps the old file intact and removes the partial temp file', async (ctx) => {
    const volume = path.join(dir.path, 'klein');
    await fs.mkdir(volume);
    const reason = mountTinyTmpfs(volume);
    if (reason) ctx.skip(reason);
    mounted = volume;

    const target = path.join(volume, 'register.json');
    await writeFileDurable(target, 'alt');
    await expect(writeFileDurable(target, 'x'.repeat(400 * 1024))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(target, 'utf8')).toBe('alt');
    expect(await fs.readdir(volume)).toEqual(['register.json']);
  });
});
