import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch, type Api } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { newStatusKey } from '@main/register/statuses';
import type { ApiResult } from '@shared/contract';
import type { RegisterDocument } from '@shared/register/register';
import type { StatusDefinition } from '@shared/register/status';
import { makeMeasure, makeRegister, STAMP } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

/**
 * Three measures of the current Fassung ('vorgeschlagen'), one 'verzögert' in the Papierkorb and one
 * 'in Planung' in an older Fassung; 'beschlossen' is used by none.
 */
function register(): RegisterDocument {
  const doc = makeRegister(3);
  doc.editions.push({ id: 'fassung-2025', name: 'Masterplan 2025', printNumber: null, decidedOn: null, state: 'entwurf' });
  doc.actionFields.push({ id: 'hf9', editionId: 'fassung-2025', code: 'HF1', name: 'Öffentlicher Raum', description: '', guidingGoal: '' });
  doc.measures.push(makeMeasure(4, { status: 'verzoegert', statusReason: 'Personalmangel', deletedAt: STAMP }));
  doc.measures.push(makeMeasure(5, { actionFieldId: 'hf9', status: 'in_planung' }));
  return doc;
}

async function setup(dir: string, doc: RegisterDocument = register()) {
  const storePath = path.join(dir, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(doc));
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

const call = (api: Api, method: string, payload: unknown) => dispatch(api, method, payload);
const fields = (overrides: Partial<Omit<StatusDefinition, 'key'>> = {}) => ({
  label: 'in Abstimmung',
  defaultPercent: 30,
  requiresReason: false,
  requiresLink: false,
  active: true,
  ...overrides,
});
const keyOf = (statuses: StatusDefinition[], label: string) => statuses.find((s) => s.label === label)?.key;

describe('status list through dispatch', () => {
  const dir = useTempDir('mpr-statuses-');

  it('creates a status at the end of the list with a key derived from its label, unique, and audits it', async () => {
    const { api, onDisk, session } = await setup(dir.path);
    const saved = ok(await call(api, 'saveStatus', { key: null, fields: fields() })) as { value: StatusDefinition };
    expect(saved.value).toEqual({ key: 'in_abstimmung', ...fields() });
    ok(await call(api, 'saveStatus', { key: null, fields: fields({ label: 'In-Abstimmung (2.)' }) }));
    ok(await call(api, 'saveStatus', { key: null, fields: fields({ label: 'Prüfung Straßenbäume' }) }));
    const disk = await onDisk();
    expect(disk.statuses.slice(-3).map((s) => s.key)).toEqual(['in_abstimmung', 'in_abstimmung_b', 'pruefung_strassenbaeume']);
    expect(disk.audit.at(-3)).toMatchObject({
      action: 'create',
      entityType: 'status',
      entityId: 'in_abstimmung',
      entityLabel: 'in Abstimmung',
      user: session.userName,
    });
    expect(disk.audit.at(-3)!.changes).toContainEqual({ field: 'defaultPercent', old: null, new: 30 });
    // The new status is a valid choice for a measure straight away.
    const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...measure } = disk.measures[0]!;
    ok(await call(api, 'updateMeasure', { id, version, fields: { ...measure, status: 'in_abstimmung' } }));
    expect((await onDisk()).measures[0]!.status).toBe('in_abstimmung');
  });

  it('derives keys that fit the schema from any label', () => {
    expect(newStatusKey('Übergabe an Ämter', new Set())).toBe('uebergabe_an_aemter');
    expect(newStatusKey('Café-Prüfung 2025', new Set())).toBe('cafe_pruefung');
    expect(newStatusKey('1', new Set())).toBe('status');
    expect(newStatusKey('x'.repeat(60), new Set(['x'.repeat(40)]))).toBe(`${'x'.repeat(38)}_b`);
  });

  it('refuses a label that exists in another spelling, and a percentage outside 0–100', async () => {
    const { api, storePath } = await setup(dir.path);
    const bytes = await fs.readFile(storePath);
    const taken = await call(api, 'saveStatus', { key: null, fields: fields({ label: '  IN PLANUNG ' }) });
    expect(taken).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'label', message: expect.stringContaining('gibt es bereits') }] },
    });
    for (const defaultPercent of [101, -1, 12.5]) {
      const result = await call(api, 'saveStatus', { key: null, fields: fields({ defaultPercent }) });
      expect(result).toMatchObject({
        ok: false,
        error: { fields: [{ field: 'defaultPercent', message: 'Bitte eine ganze Zahl von 0 bis 100 eingeben.' }] },
      });
    }
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });

  it('renames a status under the same key: measures keep it and show the new label', async () => {
    const { api, onDisk } = await setup(dir.path);
    const { key: _k, ...before } = (await onDisk()).statuses.find((s) => s.key === 'in_planung')!;
    ok(await call(api, 'saveStatus', { key: 'in_planung', fields: { ...before, label: 'in Vorbereitung', defaultPercent: 20 } }));
    const disk = await onDisk();
    expect(keyOf(disk.statuses, 'in Vorbereitung')).toBe('in_planung');
    expect(disk.statuses.findIndex((s) => s.key === 'in_planung')).toBe(2);
    expect(disk.measures.find((m) => m.id === 'm-05')!.status).toBe('in_planung');
    const rows = ok(await call(api, 'listMeasureRows', {})) as { id: string; statusLabel: string }[];
    expect(rows.find((r) => r.id === 'm-05')!.statusLabel).toBe('in Vorbereitung');
    expect(disk.audit.at(-1)).toMatchObject({
      action: 'update',
      entityType: 'status',
      entityId: 'in_planung',
      changes: [
        { field: 'label', old: 'in Planung', new: 'in Vorbereitung' },
        { field: 'defaultPercent', old: 25, new: 20 },
      ],
    });
  });

  it('refuses to delete a status that measures use, counting the Papierkorb and other Fassungen, and suggests inactive', async () => {
    const { api, storePath } = await setup(dir.path);
    const bytes = await fs.readFile(storePath);
    const inTrash = await call(api, 'deleteStatus', { key: 'verzoegert' });
    expect(inTrash).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    if (!inTrash.ok)
      expect(inTrash.error.message).toBe(
        'Der Status „verzögert“ wird noch von 1 Maßnahme verwendet (in allen Fassungen, davon 1 im Papierkorb) und kann nicht gelöscht werden. Setzen Sie ihn stattdessen auf „nicht aktiv“.',
      );
    const otherEdition = await call(api, 'deleteStatus', { key: 'in_planung' });
    expect(otherEdition).toMatchObject({ ok: false, error: { code: 'IN_USE', message: expect.stringContaining('von 1 Maßnahme ') } });
    const current = await call(api, 'deleteStatus', { key: 'vorgeschlagen' });
    expect(current).toMatchObject({ ok: false, error: { code: 'IN_USE', message: expect.stringContaining('von 3 Maßnahmen ') } });
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });

  it('deletes an unused status with an audit entry', async () => {
    const { api, onDisk } = await setup(dir.path);
    ok(await call(api, 'deleteStatus', { key: 'beschlossen' }));
    const disk = await onDisk();
    expect(disk.statuses.map((s) => s.key)).not.toContain('beschlossen');
    expect(disk.statuses).toHaveLength(10);
    expect(disk.audit.at(-1)).toMatchObject({
      action: 'delete',
      entityType: 'status',
      entityId: 'beschlossen',
      entityLabel: 'beschlossen',
    });
  });

  it('keeps the statuses merging and superseding rely on: no delete, no switching off the link', async () => {
    const { api, storePath } = await setup(dir.path);
    const bytes = await fs.readFile(storePath);
    const doc = JSON.parse(bytes.toString('utf8')) as RegisterDocument;
    const { key: _k, ...ersetzt } = doc.statuses.find((s) => s.key === 'ersetzt')!;
    const result = await call(api, 'saveStatus', { key: 'ersetzt', fields: { ...ersetzt, requiresLink: false } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'requiresLink', message: expect.stringContaining('Verknüpfung nötig bleiben') }] },
    });
    expect(await call(api, 'deleteStatus', { key: 'zusammengefuehrt' })).toMatchObject({
      ok: false,
      error: { code: 'IN_USE', message: expect.stringContaining('nicht aktiv') },
    });
    expect(await fs.readFile(storePath)).toEqual(bytes);
    // Label, percentage and "aktiv" stay editable.
    ok(await call(api, 'saveStatus', { key: 'ersetzt', fields: { ...ersetzt, label: 'abgelöst durch', active: false } }));
  });

  it('keeps at least one active status', async () => {
    const doc = register();
    doc.statuses = doc.statuses.map((s) => ({ ...s, active: s.key === 'vorgeschlagen' }));
    const { api, storePath } = await setup(dir.path, doc);
    const bytes = await fs.readFile(storePath);
    const { key: _k, ...only } = doc.statuses[0]!;
    const result = await call(api, 'saveStatus', { key: 'vorgeschlagen', fields: { ...only, active: false } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'active', message: 'Mindestens ein Status muss aktiv bleiben.' }] },
    });
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });

  it('moves a status up and down: the list order changes and is audited; at the edge nothing changes', async () => {
    const { api, onDisk } = await setup(dir.path);
    const moved = ok(await call(api, 'moveStatus', { key: 'beschlossen', direction: 'up' })) as { value: StatusDefinition[] };
    expect(moved.value.slice(0, 3).map((s) => s.key)).toEqual(['beschlossen', 'vorgeschlagen', 'in_planung']);
    let disk = await onDisk();
    expect(disk.statuses.slice(0, 3).map((s) => s.key)).toEqual(['beschlossen', 'vorgeschlagen', 'in_planung']);
    expect(disk.audit.at(-1)).toMatchObject({
      action: 'update',
      entityType: 'status',
      entityId: 'beschlossen',
      changes: [{ field: 'position', old: 2, new: 1 }],
    });
    const auditLength = disk.audit.length;
    ok(await call(api, 'moveStatus', { key: 'beschlossen', direction: 'up' }));
    ok(await call(api, 'moveStatus', { key: 'ersetzt', direction: 'down' }));
    ok(await call(api, 'moveStatus', { key: 'vorgeschlagen', direction: 'down' }));
    disk = await onDisk();
    expect(disk.statuses.slice(0, 3).map((s) => s.key)).toEqual(['beschlossen', 'in_planung', 'vorgeschlagen']);
    expect(disk.statuses.at(-1)!.key).toBe('ersetzt');
    expect(disk.audit).toHaveLength(auditLength + 1);
  });

  it('refuses keys that do not exist, and changes nothing', async () => {
    const { api, storePath } = await setup(dir.path);
    const bytes = await fs.readFile(storePath);
    expect(await call(api, 'saveStatus', { key: 'gibt_es_nicht', fields: fields() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call(api, 'deleteStatus', { key: 'gibt_es_nicht' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(api, 'moveStatus', { key: 'beschlossen', direction: 'links' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });
});
