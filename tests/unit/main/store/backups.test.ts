import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDirFor, createBackup, listBackups, listValidBackups, pruneBackups, selectBackupsToKeep } from '@main/store/backups';
import type { BackupInfo } from '@shared/contract';
import { loadV1, makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-backup-');

async function registerFile(content = JSON.stringify(makeRegister(2))): Promise<string> {
  const file = path.join(dir.path, 'Masterplan.json');
  await fs.writeFile(file, content);
  return file;
}

describe('createBackup / listBackups', () => {
  it('copies the register into `<name>-Sicherungen` with time and reason in the file name', async () => {
    const file = await registerFile();
    const now = new Date('2025-03-10T14:05:09.007Z');
    const target = await createBackup(file, 'start', now);
    expect(path.dirname(target)).toBe(path.join(dir.path, 'Masterplan-Sicherungen'));
    expect(backupDirFor(file)).toBe(path.dirname(target));
    // No colons: the name must be valid on Windows too.
    expect(path.basename(target)).toBe('Masterplan_2025-03-10T14-05-09-007Z_start.json');
    expect(await fs.readFile(target, 'utf8')).toBe(await fs.readFile(file, 'utf8'));
    expect(await listBackups(file)).toEqual([
      { path: target, fileName: path.basename(target), createdAt: now.toISOString(), reason: 'start' },
    ]);
  });

  it('lists newest first, whatever order they were made in, and ignores foreign files', async () => {
    const file = await registerFile();
    const times = ['2025-03-09T08:00:00.000Z', '2025-03-10T11:00:00.000Z', '2024-12-31T23:59:59.999Z', '2025-03-10T09:00:00.000Z'];
    for (const t of times) await createBackup(file, 'start', new Date(t));
    await fs.writeFile(path.join(backupDirFor(file), 'notizen.txt'), 'x');
    await fs.writeFile(path.join(backupDirFor(file), 'Masterplan_kaputt_start.json'), 'x');
    const listed = await listBackups(file);
    expect(listed.map((b) => b.createdAt)).toEqual([...times].sort().reverse());
  });

  it('parses names of registers that contain underscores and reasons with dashes', async () => {
    const file = path.join(dir.path, 'Register_Nord_2025.json');
    await fs.writeFile(file, '{}');
    await createBackup(file, 'migration', new Date('2025-01-02T03:04:05.006Z'));
    expect(await listBackups(file)).toMatchObject([{ createdAt: '2025-01-02T03:04:05.006Z', reason: 'migration' }]);
  });

  it('lists nothing when there is no backup folder', async () => {
    expect(await listBackups(await registerFile())).toEqual([]);
  });

  it('fails for a register file that does not exist', async () => {
    await expect(createBackup(path.join(dir.path, 'fehlt.json'), 'start')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('listValidBackups', () => {
  it('skips damaged backups and offers the newest valid ones, including old formats', async () => {
    const file = await registerFile();
    const oldest = await createBackup(file, 'start', new Date('2025-03-01T10:00:00.000Z'));
    await fs.writeFile(file, JSON.stringify(loadV1()));
    const v1 = await createBackup(file, 'migration', new Date('2025-03-02T10:00:00.000Z'));
    const damaged = await createBackup(file, 'start', new Date('2025-03-03T10:00:00.000Z'));
    await fs.writeFile(damaged, '{"schemaVersion": 2, "name": "halb');
    const empty = await createBackup(file, 'start', new Date('2025-03-04T10:00:00.000Z'));
    await fs.writeFile(empty, '');

    expect((await listValidBackups(file)).map((b) => b.path)).toEqual([v1, oldest]);
    expect((await listValidBackups(file, 1)).map((b) => b.path)).toEqual([v1]);
  });
});

describe('selectBackupsToKeep', () => {
  const now = new Date('2025-03-10T12:00:00.000Z');
  // Newest first, as listBackups returns them; the letter is the path.
  const backups: BackupInfo[] = [
    ['a', '2025-03-10T11:00:00.000Z'],
    ['b', '2025-03-10T09:00:00.000Z'],
    ['c', '2025-03-09T20:00:00.000Z'],
    ['d', '2025-03-09T08:00:00.000Z'],
    ['e', '2025-03-05T10:00:00.000Z'],
    ['f', '2025-02-20T10:00:00.000Z'],
    ['g', '2025-01-01T10:00:00.000Z'],
  ].map(([p, createdAt]) => ({ path: p!, fileName: `${p}.json`, createdAt: createdAt!, reason: 'start' }));

  it.each([
    // keepLast, keepDays, kept
    [2, 7, 'abce'], // newest two + newest of 10.3., 9.3., 5.3.; 20.2. is too old
    [1, 0, 'a'], // only today counts as "within 0 days"
    [5, 0, 'abcde'],
    [1, 5, 'ace'], // 5.3. is exactly five days back: still kept
    [1, 4, 'ac'],
    [1, 30, 'acef'],
    [10, 30, 'abcdefg'],
    [3, 100, 'abcefg'], // d is neither among the newest three nor the newest of its day
  ])('keepLast %i, keepDays %i → %s', (keepLast, keepDays, kept) => {
    expect([...selectBackupsToKeep(backups, keepLast, keepDays, now)].sort().join('')).toBe(kept);
  });

  it('keeps nothing of nothing', () => {
    expect(selectBackupsToKeep([], 10, 30, now).size).toBe(0);
  });
});

describe('pruneBackups', () => {
  it('removes exactly the backups the retention rule does not keep', async () => {
    const file = await registerFile();
    const now = new Date('2025-03-10T12:00:00.000Z');
    const stamps = [
      '2025-03-10T11:00:00.000Z',
      '2025-03-10T09:00:00.000Z',
      '2025-03-09T20:00:00.000Z',
      '2025-03-09T08:00:00.000Z',
      '2025-03-05T10:00:00.000Z',
      '2025-02-20T10:00:00.000Z',
    ];
    for (const s of stamps) await createBackup(file, 'start', new Date(s));

    expect(await pruneBackups(file, 2, 7, now)).toBe(2);
    expect((await listBackups(file)).map((b) => b.createdAt)).toEqual([stamps[0], stamps[1], stamps[2], stamps[4]]);
    // The register itself is never touched.
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(makeRegister(2));
    // Running again with the same rule removes nothing more.
    expect(await pruneBackups(file, 2, 7, now)).toBe(0);
  });

  it('leaves files in the folder that are not backups', async () => {
    const file = await registerFile();
    await createBackup(file, 'start', new Date('2020-01-01T00:00:00.000Z'));
    await createBackup(file, 'start', new Date('2020-01-02T00:00:00.000Z'));
    await fs.writeFile(path.join(backupDirFor(file), 'liesmich.txt'), 'x');
    expect(await pruneBackups(file, 1, 0, new Date('2025-01-01T00:00:00.000Z'))).toBe(1);
    expect((await fs.readdir(backupDirFor(file))).sort()).toEqual(['Masterplan_2020-01-02T00-00-00-000Z_start.json', 'liesmich.txt']);
  });
});
