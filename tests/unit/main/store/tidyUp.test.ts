import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { createBackup, DAMAGED_REASON, listBackups, pruneBackups } from '@main/store/backups';
import { journalPathFor } from '@main/store/journal';
import { presenceDirFor } from '@main/store/presence';
import { removeStaleTemps } from '@main/store/tempCleanup';
import { acquireWriteLock, writeLockPathFor } from '@main/store/writeLock';
import { backupHolds } from '@shared/privacy/backupRetention';
import type { PrivacyOverview } from '@shared/privacy/privacyContract';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

/** Issue 12, finding 5: temp files of writers that are gone, damaged copies and backups are tidied up. */
const dir = useTempDir('mpr-tidy-');

/** A temp file as an interrupted write leaves it, written by a real process that has ended since. */
function tempOfDeadWriter(storePath: string): string {
  const script = `const fs=require('fs');const p=require('path');const f=p.join(${JSON.stringify(path.dirname(storePath))},'.'+${JSON.stringify(path.basename(storePath))}+'.'+process.pid+'.abcdef123456.tmp');fs.writeFileSync(f,'{"kontakt":"buerger@example.org"');console.log(f)`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

async function age(file: string, minutes: number): Promise<void> {
  const then = new Date(Date.now() - minutes * 60_000);
  await fs.utimes(file, then, then);
}

describe('temp files of interrupted writes', () => {
  it('are removed at open when their writer is gone; live, young and foreign ones stay', async () => {
    const storePath = path.join(dir.path, 'register.json');
    await fs.writeFile(storePath, JSON.stringify(makeRegister(2)));
    const dead = tempOfDeadWriter(storePath);
    await age(dead, 10);
    const deadButFresh = tempOfDeadWriter(storePath);
    const live = path.join(dir.path, `.register.json.${process.ppid}.0123456789ab.tmp`);
    await fs.writeFile(live, 'x');
    const liveButAncient = path.join(dir.path, `.register.json.${process.ppid}.ba9876543210.tmp`);
    await fs.writeFile(liveButAncient, 'x');
    await age(liveButAncient, 25 * 60);
    const foreign = path.join(dir.path, `.anderes.json.999999.0123456789ab.tmp`);
    await fs.writeFile(foreign, 'x');
    await age(foreign, 25 * 60);

    const session = new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'einstellungen.json')), samplePath: '' });
    expect(await session.open(storePath)).toMatchObject({ state: 'open' });
    const names = await fs.readdir(dir.path);
    expect(names).not.toContain(path.basename(dead));
    expect(names).not.toContain(path.basename(liveButAncient));
    expect(names).toContain(path.basename(deadButFresh));
    expect(names).toContain(path.basename(live));
    expect(names).toContain(path.basename(foreign));
    await session.close();
  });

  it('never removes the journal, the write lock or the presence files of a live writer, however old', async () => {
    const storePath = path.join(dir.path, 'register.json');
    await fs.writeFile(storePath, JSON.stringify(makeRegister(2)));
    const settings = () => SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
    const writer = new RegisterSession({ settings: await settings(), samplePath: '' });
    expect(await writer.open(storePath)).toMatchObject({ state: 'open', readOnly: false });
    await writer.recordPersonalDataExport('liste.xlsx');
    const lock = await acquireWriteLock(writeLockPathFor(storePath), { user: 'anna', host: 'pc-1', pid: process.pid, instanceId: 'held' });
    const presence = await fs.readdir(presenceDirFor(storePath));
    const kept = [journalPathFor(storePath), writeLockPathFor(storePath), ...presence.map((n) => path.join(presenceDirFor(storePath), n))];
    for (const file of kept) await age(file, 25 * 60);
    const deadJournalTemp = path.join(dir.path, '.register.json.journal.999999.0123456789ab.tmp');
    await fs.writeFile(deadJournalTemp, '{}');
    await age(deadJournalTemp, 10);

    const other = new RegisterSession({ settings: await settings(), samplePath: '' });
    expect(await other.open(storePath)).toMatchObject({ state: 'open' });
    for (const file of kept) await expect(fs.stat(file)).resolves.toBeTruthy();
    await expect(fs.stat(deadJournalTemp)).rejects.toThrow();
    await lock.release();
    await other.close();
    await writer.close();
  });

  it('removeStaleTemps names what it removed, and ignores folders with the pattern', async () => {
    const storePath = path.join(dir.path, 'register.json');
    await fs.mkdir(path.join(dir.path, '.register.json.1.0123456789ab.tmp'));
    const dead = tempOfDeadWriter(storePath);
    await age(dead, 10);
    expect(await removeStaleTemps(storePath)).toEqual([path.basename(dead)]);
  });
});

describe('backups and damaged copies under the retention', () => {
  it('copies of damaged files are pruned by the same rule, counted on their own', async () => {
    const storePath = path.join(dir.path, 'register.json');
    await fs.writeFile(storePath, '{}');
    for (let day = 1; day <= 4; day++) {
      await createBackup(storePath, 'start', new Date(`2025-01-0${day}T10:00:00.000Z`));
      await createBackup(storePath, DAMAGED_REASON, new Date(`2025-01-0${day}T11:00:00.000Z`));
    }
    await pruneBackups(storePath, 2, 0, new Date('2025-03-01T00:00:00.000Z'));
    const left = await listBackups(storePath);
    expect(left.map((b) => [b.reason, b.createdAt.slice(0, 10)])).toEqual([
      ['beschaedigt', '2025-01-04'],
      ['start', '2025-01-04'],
      ['beschaedigt', '2025-01-03'],
      ['start', '2025-01-03'],
    ]);
  });

  it('backupHolds says until when each backup may hold deleted data', () => {
    const holds = backupHolds(
      [
        { fileName: 'a', createdAt: '2025-01-10T10:00:00.000Z', reason: 'start' },
        { fileName: 'b', createdAt: '2025-01-05T10:00:00.000Z', reason: 'start' },
        { fileName: 'c', createdAt: '2025-01-01T10:00:00.000Z', reason: 'beschaedigt' },
      ],
      2,
      30,
    );
    expect(holds).toEqual([
      { fileName: 'a', createdAt: '2025-01-10T10:00:00.000Z', reason: 'start', removableFrom: '2025-02-10', newerNeeded: 2 },
      { fileName: 'b', createdAt: '2025-01-05T10:00:00.000Z', reason: 'start', removableFrom: '2025-02-05', newerNeeded: 1 },
      { fileName: 'c', createdAt: '2025-01-01T10:00:00.000Z', reason: 'beschaedigt', removableFrom: '2025-02-01', newerNeeded: 2 },
    ]);
  });

  it('the Datenschutz view lists the backups, including a kept damaged copy', async () => {
    const storePath = path.join(dir.path, 'register.json');
    await fs.writeFile(storePath, JSON.stringify(makeRegister(2)));
    await createBackup(storePath, DAMAGED_REASON, new Date());
    const session = new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'einstellungen.json')), samplePath: '' });
    await session.open(storePath);
    const result = await dispatch(createApi(session, NO_DESKTOP), 'getPrivacyOverview', {});
    if (!result.ok) throw new Error(result.error.message);
    const overview = result.value as PrivacyOverview;
    expect(overview.backups.map((b) => b.reason).sort()).toEqual(['beschaedigt', 'start']);
    expect(overview.backupKeepDays).toBe(30);
    await session.close();
  });
});
