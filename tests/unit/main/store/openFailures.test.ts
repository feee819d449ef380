import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { classifyOpenFailure } from '@main/store/openFailure';
import { backupDirFor } from '@main/store/backups';
import { writeLockPathFor } from '@main/store/writeLock';
import { journalPathFor } from '@main/store/journal';
import { RegisterFileError } from '@main/store/decode';
import type { Session } from '@shared/contract';
import { makeFields, makeRegister } from '@tests/fixtures/documents';
import { fillDisk, mountReadOnlyBind, mountTinyTmpfs, tempFilesIn, unmount, useTempDir } from '@tests/unit/helpers/tempDir';

/**
 * Issue 12, findings 1 and 7, each reproduced on real files: an I/O problem is never "repaired" with a
 * backup; a restore never moves the register away first; a register used before is never re-created
 * from the sample; a folder that cannot be written opens read-only with the reason.
 */
const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');
const CORRUPT = '{"schemaVersion": 2, "measures": [';
const dir = useTempDir('mpr-open-');
const mounts: string[] = [];
afterEach(() => {
  while (mounts.length > 0) unmount(mounts.pop()!);
});

async function newSession(settingsDir: string): Promise<RegisterSession> {
  const settings = await SettingsFile.load(path.join(settingsDir, 'einstellungen.json'));
  return new RegisterSession({ settings, samplePath: SAMPLE });
}

/** A register in `folder` opened once (so it has a start backup and is known on this computer). */
async function usedRegister(folder: string, settingsDir: string, measures = 3): Promise<string> {
  const storePath = path.join(folder, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(makeRegister(measures)));
  const session = await newSession(settingsDir);
  expect((await session.open(storePath)).state).toBe('open');
  await session.close();
  return storePath;
}

function asError(s: Session): Extract<Session, { state: 'error' }> {
  if (s.state !== 'error') throw new Error(`expected an error session, got ${s.state}`);
  return s;
}

describe('open failures: restore only what is damaged', () => {
  it('classifies I/O errors (EACCES, EBUSY, ENOSPC, EFBIG …) as retry, unusable content as damaged', () => {
    for (const code of ['EACCES', 'EPERM', 'EBUSY', 'ENOSPC', 'EFBIG', 'EIO', 'EISDIR']) {
      const { problem, text } = classifyOpenFailure(Object.assign(new Error(code), { code }));
      expect(problem).toBe('io');
      expect(text).not.toMatch(new RegExp(code));
    }
    for (const kind of ['empty', 'binary', 'damaged', 'invalid', 'newer'] as const)
      expect(classifyOpenFailure(new RegisterFileError('x', kind)).problem).toBe('damaged');
    expect(classifyOpenFailure(new RegisterFileError('x', 'tooLarge')).problem).toBe('io');
  });

  it('a file that cannot be read (a folder where the file should be: EISDIR) offers only a retry, no restore', async () => {
    const storePath = await usedRegister(dir.path, dir.path);
    const original = await fs.readFile(storePath, 'utf8');
    await fs.rename(storePath, `${storePath}.weg`);
    await fs.mkdir(storePath);
    const session = await newSession(dir.path);
    const failed = asError(await session.open(storePath));
    expect(failed.problem).toBe('io');
    expect(failed.backups).toEqual([]);
    expect(failed.message).toContain('Ordner');
    expect(failed.message).toContain('Erneut versuchen');
    expect(failed.message).not.toMatch(/ist beschädigt|Sicherung vom/);
    // Even a direct call cannot restore over it.
    const backupDir = path.join(dir.path, 'register-Sicherungen');
    const [backup] = await fs.readdir(backupDir);
    const api = createApi(session, NO_DESKTOP);
    expect(await dispatch(api, 'restoreBackup', { backupPath: path.join(backupDir, backup!) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    // Cause removed, retry opens the untouched register.
    await fs.rmdir(storePath);
    await fs.rename(`${storePath}.weg`, storePath);
    const reopened = await session.retryOpen(false);
    expect(reopened).toMatchObject({ state: 'open', readOnly: false });
    expect(await fs.readFile(storePath, 'utf8')).toBe(original);
    await session.close();
  });

  it('restore on a full disk (real tmpfs) fails without touching the register, and the next start does not create the sample there', async (ctx) => {
    const mount = path.join(dir.path, 'voll');
    await fs.mkdir(mount);
    const why = mountTinyTmpfs(mount, '1m');
    if (why) return ctx.skip(why);
    mounts.push(mount);
    const storePath = await usedRegister(mount, dir.path);
    await fs.writeFile(storePath, CORRUPT);
    await fillDisk(mount);

    const session = await newSession(dir.path);
    const failed = asError(await session.open(storePath));
    expect(failed.problem).toBe('damaged');
    expect(failed.backups).toHaveLength(1);
    const api = createApi(session, NO_DESKTOP);
    const result = await dispatch(api, 'restoreBackup', { backupPath: failed.backups[0]!.path });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    if (!result.ok) {
      expect(result.error.message).toContain('unverändert');
      expect(result.error.message).toContain('voll');
    }
    // The register is still there, exactly as before; no temp file left behind.
    expect(await fs.readFile(storePath, 'utf8')).toBe(CORRUPT);
    expect(await tempFilesIn(mount)).toEqual([]);
    expect(await tempFilesIn(path.join(mount, 'register-Sicherungen'))).toEqual([]);

    // Next start with the same settings: the damaged register is reported again, never replaced by the sample.
    const again = await newSession(dir.path);
    expect(asError(await again.open(storePath)).problem).toBe('damaged');
    expect(await fs.readFile(storePath, 'utf8')).toBe(CORRUPT);
  });

  it('restore copies the damaged file into the backup folder first, then renames the backup over it', async () => {
    const storePath = await usedRegister(dir.path, dir.path);
    // The journal beside it continued the damaged snapshot (docs/multi-user.md): it must not be replayed on the backup.
    const journal = await fs.readFile(journalPathFor(storePath), 'utf8');
    await fs.writeFile(storePath, '');
    const session = await newSession(dir.path);
    const failed = asError(await session.open(storePath));
    expect(failed.problem).toBe('damaged');
    expect(failed.backupDir).toBe(path.join(dir.path, 'register-Sicherungen'));
    expect(await session.restoreBackup(failed.backups[0]!.path)).toMatchObject({ state: 'open' });
    const names = await fs.readdir(failed.backupDir);
    expect(names.filter((n) => n.endsWith('_beschaedigt.json'))).toHaveLength(1);
    const aside = (await fs.readdir(dir.path)).filter((n) => n.startsWith('register.json.journal.beiseite-'));
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir.path, aside[0]!), 'utf8')).toBe(journal);
    expect(await tempFilesIn(dir.path)).toEqual([]);
    expect(await tempFilesIn(failed.backupDir)).toEqual([]);
    await session.close();
  });
});

describe('a register used before that has gone', () => {
  it('is not re-created from the sample; retry keeps asking, and only an explicit choice creates an empty register', async () => {
    const storePath = await usedRegister(dir.path, dir.path);
    await fs.rm(storePath);
    const session = await newSession(dir.path);
    const missing = asError(await session.open(storePath));
    expect(missing.problem).toBe('missing');
    expect(missing.message).toContain('nicht mehr vorhanden');
    expect(missing.backups).toHaveLength(1);
    await expect(fs.access(storePath)).rejects.toThrow();
    expect(asError(await session.retryOpen(false)).problem).toBe('missing');
    await expect(fs.access(storePath)).rejects.toThrow();
    const created = await session.retryOpen(true);
    expect(created).toMatchObject({ state: 'open', isSample: false });
    const doc = JSON.parse(await fs.readFile(storePath, 'utf8')) as { measures: unknown[] };
    expect(doc.measures).toHaveLength(0);
    await session.close();
  });

  it('may be restored from its backup (nothing is replaced)', async () => {
    const storePath = await usedRegister(dir.path, dir.path, 4);
    await fs.rm(storePath);
    const session = await newSession(dir.path);
    const missing = asError(await session.open(storePath));
    expect(await session.restoreBackup(missing.backups[0]!.path)).toMatchObject({ state: 'open' });
    expect((JSON.parse(await fs.readFile(storePath, 'utf8')) as { measures: unknown[] }).measures).toHaveLength(4);
    await session.close();
  });

  it('an unknown path on a first start is still created from the sample', async () => {
    const session = await newSession(dir.path);
    expect(await session.open(path.join(dir.path, 'neu.json'))).toMatchObject({ state: 'open', isSample: true });
    await session.close();
  });

  it('refuses "create empty" for a register that exists', async () => {
    const storePath = await usedRegister(dir.path, dir.path);
    const session = await newSession(dir.path);
    await session.open(storePath);
    await expect(session.retryOpen(true)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await session.close();
  });
});

describe('read-only when writing is impossible', () => {
  it('a read-only share (real read-only bind mount) opens read-only with the reason, and refuses writes', async (ctx) => {
    const real = path.join(dir.path, 'echt');
    const share = path.join(dir.path, 'freigabe');
    await fs.mkdir(real);
    await fs.mkdir(share);
    await usedRegister(real, dir.path);
    const why = mountReadOnlyBind(real, share);
    if (why) return ctx.skip(why);
    mounts.push(share);
    const session = await newSession(dir.path);
    const opened = await session.open(path.join(share, 'register.json'));
    expect(opened).toMatchObject({ state: 'open', readOnly: true, lockHolder: null });
    if (opened.state !== 'open') return;
    expect(opened.readOnlyReason).toContain('schreibgeschützt');
    const api = createApi(session, NO_DESKTOP);
    expect(await dispatch(api, 'createMeasure', { fields: makeFields() })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    await expect(fs.access(path.join(real, 'register.json.lock'))).rejects.toThrow();
    await session.close();
  });

  it('a full disk (real tmpfs) opens read-only with the reason instead of an error screen', async (ctx) => {
    const mount = path.join(dir.path, 'voll');
    await fs.mkdir(mount);
    const why = mountTinyTmpfs(mount, '1m');
    if (why) return ctx.skip(why);
    mounts.push(mount);
    const storePath = await usedRegister(mount, dir.path);
    await fillDisk(mount);
    const session = await newSession(dir.path);
    const opened = await session.open(storePath);
    expect(opened).toMatchObject({ state: 'open', readOnly: true });
    if (opened.state === 'open') expect(opened.readOnlyReason).toContain('voll');
    expect(await tempFilesIn(mount)).toEqual([]);
    await session.close();
  });

  it("when the day's backup cannot be written (disk nearly full) the register opens read-only, not editable without backup", async (ctx) => {
    const mount = path.join(dir.path, 'knapp');
    await fs.mkdir(mount);
    const why = mountTinyTmpfs(mount, '2m');
    if (why) return ctx.skip(why);
    mounts.push(mount);
    const storePath = await usedRegister(mount, dir.path, 300);
    // The backup is taken by the first opening of the day (docs/multi-user.md): without today's, it is due.
    await fs.rm(backupDirFor(storePath), { recursive: true, force: true });
    const filler = await fillDisk(mount);
    // Free 64 KiB: enough for the write probe and the lock, not for a copy of the register.
    const { size } = await fs.stat(filler);
    await fs.truncate(filler, size - 64 * 1024);
    expect((await fs.stat(storePath)).size).toBeGreaterThan(128 * 1024);
    const session = await newSession(dir.path);
    const opened = await session.open(storePath);
    expect(opened).toMatchObject({ state: 'open', readOnly: true });
    if (opened.state === 'open') expect(opened.readOnlyReason).toMatch(/Sicherung.*voll/);
    await expect(fs.access(writeLockPathFor(storePath))).rejects.toThrow();
    await session.close();
  });
});
