import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { backupDirFor } from '@main/store/backups';
import { acquireWriteLock, writeLockPathFor } from '@main/store/writeLock';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

/**
 * Two-step start (issue 18): the register opens after read, parse and validation; the day's backup and
 * the integrity check follow in `completeStart` (called by the UI once the first screen stands). Nothing
 * is written before them: a save issued earlier waits for the backup, and a failed backup still turns the
 * register read-only with the reason. All observed through files on disk, not timing.
 */
const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

async function setup(dir: string, doc: RegisterDocument) {
  const storePath = path.join(dir, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(doc));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  const backups = async () =>
    (await fs.readdir(backupDirFor(storePath)).catch(() => [] as string[])).filter((n) => n.endsWith('_start.json'));
  return { storePath, session, api: createApi(session, NO_DESKTOP), backups };
}

function fieldsOf(m: Measure) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, version, createdAt, updatedAt, deletedAt, ...fields } = m;
  return fields;
}

describe('two-step start', () => {
  const dir = useTempDir('mpr-start-');

  it('opens without backup and integrity check; completeStart writes the backup and reports the warnings', async () => {
    const doc = makeRegister(2);
    doc.measures.push(makeMeasure(3, { actionFieldId: 'gibt-es-nicht' })); // an integrity warning
    const { session, api, backups } = await setup(dir.path, doc);
    try {
      const first = await session.open(path.join(dir.path, 'register.json'), 'none', false, true);
      expect(first).toMatchObject({ state: 'open', readOnly: false, warnings: [] });
      expect(await backups()).toEqual([]);
      const result = await dispatch(api, 'completeStart', {});
      if (!result.ok) throw new Error(result.error.message);
      expect(await backups()).toHaveLength(1);
      expect((result.value as { warnings: string[] }).warnings.length).toBeGreaterThan(0);
      // Idempotent: a second call writes no second backup.
      await session.completeStart();
      expect(await backups()).toHaveLength(1);
    } finally {
      await session.close();
    }
  });

  it('a save issued before completeStart waits for the backup, which holds the state before the save', async () => {
    const { storePath, session, api, backups } = await setup(dir.path, makeRegister(2));
    try {
      await session.open(storePath, 'none', false, true);
      expect(await backups()).toEqual([]);
      const m = session.requireOpen().store.doc.measures[0]!;
      const saved = await dispatch(api, 'updateMeasure', {
        id: m.id,
        version: m.version,
        fields: { ...fieldsOf(m), title: 'Nach dem Start' },
      });
      expect(saved.ok).toBe(true);
      const [backup] = await backups();
      expect(backup).toBeDefined();
      const before = JSON.parse(await fs.readFile(path.join(backupDirFor(storePath), backup!), 'utf8')) as RegisterDocument;
      expect(before.measures[0]!.title).toBe(m.title);
    } finally {
      await session.close();
    }
  });

  it('completeStart builds the search index first: a search answers while the backup still waits', async () => {
    const { storePath, session, api, backups } = await setup(dir.path, makeRegister(30));
    // Another instance holds the write lock: the day's backup (which folds the journal under it) must wait.
    const held = await acquireWriteLock(writeLockPathFor(storePath), { user: 'anna', host: 'pc-2', pid: process.pid, instanceId: 'other' });
    try {
      await session.open(storePath, 'none', false, true);
      const search = session.requireOpen().search;
      let completed = false;
      const completing = session.completeStart().then(() => (completed = true));
      // Without any search asking for it, the index becomes ready although the backup cannot proceed.
      for (let i = 0; i < 1000 && !search.ready; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(search.ready).toBe(true);
      const found = await dispatch(api, 'searchMeasures', { query: 'Maßnahme' });
      expect(found).toMatchObject({ ok: true, value: expect.arrayContaining(['m-01', 'm-30']) });
      expect(completed).toBe(false);
      expect(await backups()).toEqual([]);
      await held.release();
      await completing;
      expect(await backups()).toHaveLength(1);
    } finally {
      await held.release().catch(() => undefined);
      await session.close();
    }
  });

  it('the index is built right after the open, before completeStart and without a search asking', async () => {
    const { storePath, session, backups } = await setup(dir.path, makeRegister(30));
    try {
      await session.open(storePath, 'none', false, true);
      const search = session.requireOpen().search;
      for (let i = 0; i < 1000 && !search.ready; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(search.ready).toBe(true);
      expect(search.textsIndexed).toBe(30);
      expect(await backups()).toEqual([]); // the second step has not run
    } finally {
      await session.close();
    }
  });

  it('a search before completeStart waits only for the index, not for the backup', async () => {
    const { storePath, session, api, backups } = await setup(dir.path, makeRegister(30));
    try {
      await session.open(storePath, 'none', false, true);
      const found = await dispatch(api, 'searchMeasures', { query: 'Maßnahme' });
      expect(found).toMatchObject({ ok: true, value: expect.arrayContaining(['m-01', 'm-30']) });
      expect(await backups()).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('a backup that cannot be written still makes the register read-only, and an early save is refused', async () => {
    const { storePath, session, api } = await setup(dir.path, makeRegister(2));
    await fs.writeFile(backupDirFor(storePath), 'kein Ordner'); // the backup folder cannot be created
    try {
      await session.open(storePath, 'none', false, true);
      const m = session.requireOpen().store.doc.measures[0]!;
      const saved = await dispatch(api, 'updateMeasure', { id: m.id, version: m.version, fields: { ...fieldsOf(m), title: 'Verboten' } });
      expect(saved).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      // (The journal may have been folded into the snapshot before the backup attempt; the content is the same.)
      const onDisk = JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
      expect(onDisk.measures[0]).toMatchObject({ title: m.title, version: m.version });
      expect(await session.completeStart()).toMatchObject({
        state: 'open',
        readOnly: true,
        readOnlyReason: expect.stringContaining('Sicherung'),
      });
    } finally {
      await session.close();
    }
  });
});
