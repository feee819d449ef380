import { NO_DESKTOP } from '@main/core/desktop';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch, type Api } from '@main/api';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ApiResult } from '@shared/contract';
import type { RegisterDocument } from '@shared/register/register';
import { makeFields, makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../resources/sample-register.json');

/** A session on a real file in a temp folder, and the API as main and the harness use it. */
async function setup(dir: string, doc: RegisterDocument | null = makeRegister(3)) {
  const storePath = path.join(dir, 'register.json');
  if (doc) await fs.writeFile(storePath, JSON.stringify(doc));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  await session.open(storePath);
  const api = createApi(session, NO_DESKTOP);
  const onDisk = async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
  return { storePath, session, api, onDisk };
}

function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function call(api: Api, method: string, payload: unknown) {
  return dispatch(api, method, payload);
}

describe('measure services through dispatch', () => {
  const dir = useTempDir('mpr-api-');

  it('creates a measure durably and audits every filled field with the user', async () => {
    const { api, onDisk, session } = await setup(dir.path);
    const saved = ok(
      await call(api, 'createMeasure', { fields: makeFields({ number: 'HF1-10', title: 'Neue Beleuchtung', districts: ['IN', 'HÖ'] }) }),
    ) as {
      value: { id: string; version: number };
      savedAt: string;
    };
    expect(saved.value.version).toBe(1);
    const disk = await onDisk();
    const stored = disk.measures.find((m) => m.id === saved.value.id)!;
    expect(stored).toMatchObject({ title: 'Neue Beleuchtung', districts: ['IN', 'HÖ'], deletedAt: null });
    const entry = disk.audit.at(-1)!;
    expect(entry).toMatchObject({ action: 'create', entityType: 'measure', entityId: saved.value.id, user: session.userName });
    expect(entry.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['number', 'title', 'districts']));
    expect(entry.changes.find((c) => c.field === 'title')).toEqual({ field: 'title', old: null, new: 'Neue Beleuchtung' });
  });

  it('records old → new per changed field on update, and refuses a stale version', async () => {
    const { api, onDisk } = await setup(dir.path);
    const before = (await onDisk()).measures[0]!;
    const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = before;
    ok(await call(api, 'updateMeasure', { id, version, fields: { ...fields, title: 'Geänderter Titel', quarter: 'Nordmarkt' } }));
    const disk = await onDisk();
    expect(disk.measures[0]).toMatchObject({ title: 'Geänderter Titel', version: version + 1 });
    expect(disk.audit.at(-1)!.changes).toEqual([
      { field: 'title', old: before.title, new: 'Geänderter Titel' },
      { field: 'quarter', old: '', new: 'Nordmarkt' },
    ]);
    const stale = await call(api, 'updateMeasure', { id, version, fields: { ...fields, title: 'Überschreibt nicht' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await onDisk()).measures[0]!.title).toBe('Geänderter Titel');
  });

  it('refuses rule violations with field problems and writes nothing', async () => {
    const { api, storePath } = await setup(dir.path);
    const bytes = await fs.readFile(storePath);
    const result = await call(api, 'createMeasure', { fields: makeFields({ number: 'HF1-01', status: 'eingestellt' }) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.map((f) => f.field).sort()).toEqual(['number', 'statusReason']);
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });

  it('undoes a move into the Papierkorb only as it was moved there (version check on restore)', async () => {
    const { api, onDisk } = await setup(dir.path);
    const m = (await onDisk()).measures[1]!;
    ok(await call(api, 'deleteMeasure', { id: m.id, version: m.version }));
    const stale = await call(api, 'restoreMeasure', { id: m.id, version: m.version });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    expect((await onDisk()).measures[1]!.deletedAt).not.toBeNull();
    ok(await call(api, 'restoreMeasure', { id: m.id, version: m.version + 1 }));
    expect((await onDisk()).measures[1]!.deletedAt).toBeNull();
  });

  it('moves a measure into the Papierkorb and restores it, both audited', async () => {
    const { api, onDisk } = await setup(dir.path);
    const m = (await onDisk()).measures[1]!;
    ok(await call(api, 'deleteMeasure', { id: m.id, version: m.version }));
    let disk = await onDisk();
    expect(disk.measures[1]!.deletedAt).not.toBeNull();
    expect(disk.audit.at(-1)).toMatchObject({ action: 'delete', entityId: m.id });
    ok(await call(api, 'restoreMeasure', { id: m.id }));
    disk = await onDisk();
    expect(disk.measures[1]!.deletedAt).toBeNull();
    expect(disk.audit.at(-1)).toMatchObject({ action: 'restore', entityId: m.id });
    const history = (ok(await call(api, 'getHistory', { entityId: m.id })) as { entries: { action: string }[] }).entries;
    expect(history.map((h) => h.action)).toEqual(['restore', 'delete']);
    // Paged: newest first, one page at a time, with the total to know whether more can be loaded.
    expect(ok(await call(api, 'getHistory', { entityId: m.id, limit: 1 }))).toMatchObject({ total: 2, entries: [{ action: 'restore' }] });
    expect(ok(await call(api, 'getHistory', { entityId: m.id, offset: 1, limit: 1 }))).toMatchObject({
      total: 2,
      entries: [{ action: 'delete' }],
    });
    expect(await call(api, 'getHistory', { entityId: m.id, limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses to delete a Handlungsfeld or an office that measures still use', async () => {
    const { api, onDisk } = await setup(dir.path);
    expect(await call(api, 'deleteActionField', { id: 'hf1' })).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    ok(await call(api, 'deleteActionField', { id: 'hf2' }));
    expect((await onDisk()).actionFields.map((f) => f.id)).toEqual(['hf1']);
    const created = ok(
      await call(api, 'saveOrgUnit', {
        id: null,
        fields: { code: 'FB 66', name: 'Tiefbauamt', kind: 'verwaltung', validFrom: null, validTo: null },
      }),
    ) as {
      value: { id: string };
    };
    expect((await onDisk()).audit.at(-1)).toMatchObject({ action: 'create', entityType: 'orgUnit', entityId: created.value.id });
  });
});

describe('bad calls change nothing', () => {
  const dir = useTempDir('mpr-api-bad-');

  const badPayloads: [string, string, unknown][] = [
    ['unknown method', 'dropDatabase', {}],
    ['wrong type', 'getMeasure', { id: 5 }],
    ['unknown field', 'getMeasure', { id: 'm-01', extra: true }],
    ['not an object', 'createMeasure', 'hallo'],
    ['missing fields', 'createMeasure', {}],
    ['control characters', 'createMeasure', { fields: makeFields({ number: 'HF1-20', title: 'Titel\u0007' }) }],
    ['huge text', 'createMeasure', { fields: makeFields({ number: 'HF1-21', description: 'x'.repeat(200_000) }) }],
    ['prototype pollution attempt', 'createMeasure', JSON.parse('{"fields": {"__proto__": {"polluted": true}}}')],
  ];

  it.each(badPayloads)('%s → structured German error, file untouched', async (_name, method, payload) => {
    const { api, storePath } = await setup(dir.path);
    const bytes = await fs.readFile(storePath);
    const result = await call(api, method, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(['BAD_REQUEST', 'VALIDATION']).toContain(result.error.code);
    expect(result.error.message).toMatch(/[äöüß]|Anfrage|Funktion/);
    expect(await fs.readFile(storePath)).toEqual(bytes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('session', () => {
  const dir = useTempDir('mpr-session-');

  it('creates the register from the sample on first start, with its own id, and makes no backup of a new file', async () => {
    const { session, onDisk, storePath } = await setup(dir.path, null);
    const disk = await onDisk();
    expect(disk.isSample).toBe(true);
    expect(disk.measures.length).toBeGreaterThanOrEqual(30);
    expect(disk.registerId).not.toBe('beispiel-register');
    expect(session.describe()).toMatchObject({ state: 'open', isSample: true, readOnly: false, path: storePath });
    await session.close();
  });

  it('a second session on the same file writes too; both see each other; the backup of the day is taken once', async () => {
    const first = await setup(dir.path);
    const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen-2.json'));
    await settings.save({ ...settings.value, displayName: 'Zweite Sachbearbeiterin' });
    const second = new RegisterSession({ settings, samplePath: SAMPLE });
    const described = await second.open(first.storePath);
    expect(described).toMatchObject({ state: 'open', readOnly: false, lockHolder: null, readOnlyReason: null });
    const api2 = createApi(second, NO_DESKTOP);
    const created = await dispatch(api2, 'createMeasure', { fields: makeFields({ number: 'HF1-30' }) });
    expect(created).toMatchObject({ ok: true });
    // The first session notices the change on its next poll, with who made it.
    const poll = await first.session.poll();
    expect(poll.session).toMatchObject({ state: 'open', lastChange: { user: 'Zweite Sachbearbeiterin', own: false } });
    expect(first.session.requireOpen().store.doc.measures.some((m) => m.number === 'HF1-30')).toBe(true);
    const status = await first.session.status();
    expect(status.state === 'open' ? status.presence.map((p) => p.self) : []).toEqual([true, false]);
    const backups = await fs.readdir(path.join(dir.path, 'register-Sicherungen'));
    expect(backups.filter((b) => b.endsWith('_start.json'))).toHaveLength(1);
    await second.close();
    await first.session.close();
    // Nobody holds a lock or a presence entry after closing.
    expect((await fs.readdir(dir.path)).filter((f) => f.endsWith('.lock'))).toEqual([]);
    expect(await fs.readdir(`${first.storePath}.presence`)).toEqual([]);
  });

  it('reports a damaged file with the newest valid backup and restores it, keeping the damaged file', async () => {
    const first = await setup(dir.path);
    await first.session.close();
    await fs.writeFile(first.storePath, '{"schemaVersion": 2, "measures": [');
    const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
    const session = new RegisterSession({ settings, samplePath: SAMPLE });
    const described = await session.open(first.storePath);
    expect(described.state).toBe('error');
    if (described.state !== 'error') return;
    expect(described.message).toContain('register.json');
    expect(described.message).toMatch(/beschädigt/);
    expect(described.backups).toHaveLength(1);
    expect(await fs.readFile(first.storePath, 'utf8')).toBe('{"schemaVersion": 2, "measures": [');
    const restored = await session.restoreBackup(described.backups[0]!.path);
    expect(restored).toMatchObject({ state: 'open', readOnly: false });
    // The damaged content is kept as a copy in the backup folder (under the backup retention).
    const backupDir = path.join(dir.path, 'register-Sicherungen');
    const damaged = (await fs.readdir(backupDir)).find((n) => n.endsWith('_beschaedigt.json'));
    expect(damaged).toBeDefined();
    expect(await fs.readFile(path.join(backupDir, damaged!), 'utf8')).toBe('{"schemaVersion": 2, "measures": [');
    expect((await first.onDisk()).measures).toHaveLength(3);
    await session.close();
  });

  it('does not restore from a path outside the backup folder', async () => {
    const first = await setup(dir.path);
    await first.session.close();
    await fs.writeFile(first.storePath, 'kaputt');
    const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
    const session = new RegisterSession({ settings, samplePath: SAMPLE });
    await session.open(first.storePath);
    const api = createApi(session, NO_DESKTOP);
    const result = await dispatch(api, 'restoreBackup', { backupPath: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await fs.readFile(first.storePath, 'utf8')).toBe('kaputt');
  });

  it('uses the configured display name in the audit trail', async () => {
    const { api, onDisk } = await setup(dir.path);
    ok(await call(api, 'saveSettings', { settings: { displayName: 'Frau Beispiel', backupKeepLast: 5, backupKeepDays: 7 } }));
    ok(await call(api, 'createMeasure', { fields: makeFields({ number: 'HF1-40' }) }));
    expect((await onDisk()).audit.at(-1)!.user).toBe('Frau Beispiel');
  });
});
