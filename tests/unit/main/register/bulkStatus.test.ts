import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch, type Api } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ApiResult } from '@shared/contract';
import type { BulkStatusResult } from '@shared/register/registerContract';
import type { RegisterDocument } from '@shared/register/register';
import { makeMeasure, makeRegister, STAMP } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

/**
 * Four live measures of the current Fassung (HF1-03 already started on 01.03.2025), one in the Papierkorb,
 * one in an abgelöste Fassung.
 */
function register(): RegisterDocument {
  const doc = makeRegister(4);
  doc.measures[2] = { ...doc.measures[2]!, status: 'in_umsetzung', actualStart: '2025-03-01' };
  doc.measures.push(makeMeasure(5, { deletedAt: STAMP }));
  doc.editions.push({ id: 'fassung-2015', name: 'Masterplan 2015', printNumber: null, decidedOn: null, state: 'abgeloest' });
  doc.actionFields.push({ id: 'hf-old', editionId: 'fassung-2015', code: 'HF1', name: 'Alt', description: '', guidingGoal: '' });
  doc.measures.push(makeMeasure(6, { actionFieldId: 'hf-old' }));
  return doc;
}

async function setup(dir: string) {
  const storePath = path.join(dir, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(register()));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  await session.open(storePath);
  const api = createApi(session, NO_DESKTOP);
  const onDisk = async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
  const bytes = () => fs.readFile(storePath);
  return { api, session, onDisk, bytes };
}

const call = (api: Api, payload: unknown) => dispatch(api, 'changeMeasureStatuses', payload);
const request = (ids: string[], overrides: Record<string, unknown> = {}) => ({
  measures: ids.map((id) => ({ id, version: 1 })),
  status: 'in_umsetzung',
  statusReason: '',
  linkedMeasureId: null,
  date: '2026-06-01',
  ...overrides,
});
function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('changeMeasureStatuses through dispatch', () => {
  const dir = useTempDir('mpr-bulk-status-');

  it('changes each measure with its own version and audit entry, in one write; a recorded start stays', async () => {
    const { api, onDisk, session } = await setup(dir.path);
    const before = await onDisk();
    const saved = ok(await call(api, request(['m-01', 'm-02', 'm-03']))) as { value: BulkStatusResult };
    // HF1-03 was "in Umsetzung" since 01.03.2025 already: nothing to change, no audit entry.
    expect(saved.value).toEqual({ changed: ['m-01', 'm-02'], unchanged: ['m-03'] });
    const disk = await onDisk();
    const byId = (id: string) => disk.measures.find((m) => m.id === id)!;
    expect(byId('m-01')).toMatchObject({ status: 'in_umsetzung', actualStart: '2026-06-01', version: 2 });
    expect(byId('m-02')).toMatchObject({ status: 'in_umsetzung', actualStart: '2026-06-01', version: 2 });
    expect(byId('m-03')).toMatchObject({ status: 'in_umsetzung', actualStart: '2025-03-01', version: 1 });
    expect(byId('m-04')).toEqual(before.measures.find((m) => m.id === 'm-04'));
    const added = disk.audit.slice(before.audit.length);
    expect(added).toHaveLength(2);
    expect(added.map((a) => [a.entityId, a.entityLabel, a.action, a.user])).toEqual([
      ['m-01', 'HF1-01 Maßnahme 1', 'update', session.userName],
      ['m-02', 'HF1-02 Maßnahme 2', 'update', session.userName],
    ]);
    expect(added[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', old: 'vorgeschlagen', new: 'in_umsetzung' },
        { field: 'actualStart', old: null, new: '2026-06-01' },
      ]),
    );
  });

  it('writes nothing when one measure fails the rules, and names each failing measure and why in German', async () => {
    const { api, bytes } = await setup(dir.path);
    const before = await bytes();
    // "eingestellt" needs a reason; HF1-02 has a stale version; HF1-06 belongs to an abgelöste Fassung.
    const payload = request(['m-01', 'm-02', 'm-06'], { status: 'eingestellt', date: null });
    payload.measures[1]!.version = 7;
    const result = await call(api, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.message).toBe('Es wurde nichts gespeichert – 3 Maßnahmen lassen sich so nicht ändern:');
    expect(result.error.fields).toEqual([
      { field: 'measures.0', message: 'HF1-01 Maßnahme 1: Für den Status „eingestellt“ ist eine Begründung erforderlich.' },
      {
        field: 'measures.1',
        message: 'HF1-02 Maßnahme 2: Sie wurde inzwischen an anderer Stelle geändert.',
      },
      { field: 'measures.2', message: expect.stringMatching(/^HF1-06 Maßnahme 6: .*Masterplan 2015/) },
    ]);
    expect((await bytes()).equals(before)).toBe(true);
  });

  it('a status with a link points every measure to the chosen one, and refuses a measure linking to itself', async () => {
    const { api, onDisk, bytes } = await setup(dir.path);
    const before = await bytes();
    const merged = { status: 'zusammengefuehrt', statusReason: 'Zusammengelegt.', linkedMeasureId: 'm-04', date: null };
    const refused = await call(api, request(['m-01', 'm-04'], merged));
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.fields).toEqual([{ field: 'measures.1', message: expect.stringMatching(/^HF1-04 Maßnahme 4: /) }]);
    expect((await bytes()).equals(before)).toBe(true);

    ok(await call(api, request(['m-01', 'm-02'], merged)));
    const disk = await onDisk();
    for (const id of ['m-01', 'm-02'])
      expect(disk.measures.find((m) => m.id === id)).toMatchObject({
        status: 'zusammengefuehrt',
        statusReason: 'Zusammengelegt.',
        linkedMeasureId: 'm-04',
      });
  });

  it('refuses bad input before anything is read or written: wrong types, 10,000 ids, unknown and duplicate ids', async () => {
    const { api, bytes } = await setup(dir.path);
    const before = await bytes();
    const expectRefused = async (payload: unknown, code: string, message?: string | RegExp) => {
      const result = await call(api, payload);
      expect(result.ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      if (message) expect(JSON.stringify(result.error)).toMatch(message);
    };
    await expectRefused(null, 'BAD_REQUEST');
    await expectRefused({ ...request(['m-01']), measures: 'm-01' }, 'BAD_REQUEST');
    await expectRefused({ ...request(['m-01']), measures: [{ id: 'm-01', version: '1' }] }, 'BAD_REQUEST');
    await expectRefused({ ...request(['m-01']), status: 42 }, 'BAD_REQUEST');
    await expectRefused({ ...request(['m-01']), status: 'In Umsetzung!' }, 'BAD_REQUEST');
    await expectRefused({ ...request(['m-01']), date: '01.06.2026' }, 'BAD_REQUEST');
    await expectRefused({ ...request(['m-01']), statusReason: 'x'.repeat(2001) }, 'BAD_REQUEST');
    await expectRefused({ ...request(['m-01']), extra: true }, 'BAD_REQUEST');
    await expectRefused(request([]), 'BAD_REQUEST', 'Bitte mindestens eine Maßnahme auswählen.');
    const many = Array.from({ length: 10_000 }, (_, i) => `m-${i}`);
    await expectRefused(request(many), 'BAD_REQUEST', 'Höchstens 1.000 Maßnahmen auf einmal');
    await expectRefused(request(['m-01', 'm-02', 'm-01']), 'BAD_REQUEST', 'Eine Maßnahme ist mehrfach in der Auswahl.');
    // Well-formed, but unknown or in the Papierkorb: named, nothing written.
    const unknown = await call(api, request(['m-01', 'gibt-es-nicht', 'm-05']));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.error.code).toBe('NOT_FOUND');
      expect(unknown.error.fields).toEqual([
        { field: 'measures.1', message: 'Maßnahme mit der Kennung gibt-es-nicht: Diese Maßnahme gibt es nicht (mehr).' },
        { field: 'measures.2', message: 'HF1-05 Maßnahme 5: Sie liegt im Papierkorb.' },
      ]);
    }
    await expectRefused(request(['m-01'], { status: 'gibt_es_nicht' }), 'VALIDATION', 'HF1-01 Maßnahme 1: ');
    expect((await bytes()).equals(before)).toBe(true);
  });
});
