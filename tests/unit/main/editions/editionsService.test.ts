/**
 * The Fassungen services through dispatch, on a real register file: drafts (start, save, stale version,
 * resume, discard), check without writing, apply in one durable write with audit entries, refusals that
 * change nothing (problems, read-only data), decision and current Fassung, deleting, lineage, and the
 * export through the desktop's save dialog.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch, type Api } from '@main/api';
import type { Desktop } from '@main/core/desktop';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ApiResult } from '@shared/contract';
import type { EditionComparison } from '@shared/editions/editionCompare';
import type { EditionSummary, LineageNode } from '@shared/editions/fortschreibung';
import type { FortschreibungDraft } from '@shared/editions/fortschreibungModel';
import type { RegisterDocument } from '@shared/register/register';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { oldRegister } from '@tests/unit/shared/editions/editionFixtures';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

async function setup(dir: string, doc: RegisterDocument = oldRegister(), desktop: Desktop = NO_DESKTOP) {
  const storePath = path.join(dir, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(doc));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  await session.open(storePath);
  const api = createApi(session, desktop);
  const onDisk = async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
  return { storePath, session, api, onDisk };
}

function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const call = (api: Api, method: string, payload: unknown) => dispatch(api, method, payload);
const editable = (d: FortschreibungDraft) => {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdBy: _b, ...fields } = d;
  return fields;
};

describe('Fassungen through dispatch', () => {
  const dir = useTempDir('mpr-editions-');

  it('starts, saves and resumes a draft; a stale version is refused', async () => {
    const { api, onDisk, session } = await setup(dir.path);
    const started = ok<{ value: FortschreibungDraft }>(await call(api, 'startFortschreibung', { fromEditionId: 'alt' })).value;
    expect(started).toMatchObject({ version: 1, fromEditionId: 'alt', createdBy: session.userName });
    const fields = { ...editable(started), edition: { name: 'Masterplan 2.0', printNumber: null, decidedOn: null } };
    const saved = ok<{ value: FortschreibungDraft }>(
      await call(api, 'saveFortschreibungDraft', { id: started.id, version: 1, fields }),
    ).value;
    expect(saved.version).toBe(2);
    expect((await onDisk()).fortschreibungDrafts[0]!.edition.name).toBe('Masterplan 2.0');
    expect(await call(api, 'saveFortschreibungDraft', { id: started.id, version: 1, fields })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(ok(await call(api, 'listFortschreibungDrafts', {}))).toEqual([
      { id: started.id, version: 2, name: 'Masterplan 2.0', fromEditionId: 'alt', updatedAt: saved.updatedAt, createdBy: session.userName },
    ]);
    expect(ok<FortschreibungDraft>(await call(api, 'getFortschreibungDraft', { id: started.id })).edition.name).toBe('Masterplan 2.0');
    ok(await call(api, 'discardFortschreibungDraft', { id: started.id }));
    expect((await onDisk()).fortschreibungDrafts).toEqual([]);
    expect(await call(api, 'getFortschreibungDraft', { id: started.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/^Diesen Entwurf/) },
    });
  });

  it('refuses a malformed draft payload with field problems and writes nothing', async () => {
    const { api, storePath } = await setup(dir.path);
    const started = ok<{ value: FortschreibungDraft }>(await call(api, 'startFortschreibung', { fromEditionId: 'alt' })).value;
    const bytes = await fs.readFile(storePath);
    const bad = {
      ...editable(started),
      decisions: [
        { measureId: 'a1-m1', action: 'verschieben', targetFieldKey: null, targetMeasureId: null, newMeasureTitle: '', reason: '' },
      ],
    };
    const result = await call(api, 'saveFortschreibungDraft', { id: started.id, version: 1, fields: bad });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });

  it('checks without writing, refuses to apply a draft with problems, and applies a good one in one write', async () => {
    const { api, onDisk, storePath, session } = await setup(dir.path);
    const started = ok<{ value: FortschreibungDraft }>(await call(api, 'startFortschreibung', { fromEditionId: 'alt' })).value;
    const fields = editable(started);
    fields.edition.name = 'Masterplan 2.0';
    fields.decisions.find((d) => d.measureId === 'a1-m2')!.action = 'end';
    const saved = ok<{ value: FortschreibungDraft }>(
      await call(api, 'saveFortschreibungDraft', { id: started.id, version: 1, fields }),
    ).value;

    const bytes = await fs.readFile(storePath);
    expect(ok(await call(api, 'checkFortschreibung', { fields }))).toEqual([
      { field: 'decisions.a1-m2.reason', message: 'Bitte einen Grund angeben, warum die Maßnahme A1-02 endet.' },
    ]);
    const refused = await call(api, 'applyFortschreibung', { id: saved.id, version: saved.version });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Die Fortschreibung wurde nicht angewendet. Bitte prüfen Sie 1 Punkt.',
        fields: [{ field: 'decisions.a1-m2.reason' }],
      },
    });
    expect(await fs.readFile(storePath)).toEqual(bytes);

    fields.decisions.find((d) => d.measureId === 'a1-m2')!.reason = 'Ziel erreicht';
    const fixed = ok<{ value: FortschreibungDraft }>(
      await call(api, 'saveFortschreibungDraft', { id: saved.id, version: saved.version, fields }),
    ).value;
    const applied = ok<{ value: { editionId: string } }>(
      await call(api, 'applyFortschreibung', { id: fixed.id, version: fixed.version }),
    ).value;
    const disk = await onDisk();
    expect(disk.editions.find((e) => e.id === applied.editionId)).toMatchObject({ name: 'Masterplan 2.0', state: 'entwurf' });
    expect(disk.currentEditionId).toBe(applied.editionId);
    expect(disk.fortschreibungDrafts).toEqual([]);
    const audit = disk.audit.filter((a) => a.user === session.userName);
    expect(audit.filter((a) => a.entityType === 'edition' && a.action === 'create')).toHaveLength(1);
    expect(audit.filter((a) => a.entityType === 'actionField')).toHaveLength(3);
    const measureEntries = audit.filter((a) => a.entityType === 'measure' && a.action === 'create');
    expect(measureEntries).toHaveLength(6);
    expect(measureEntries[0]!.changes).toContainEqual({ field: 'predecessor', old: null, new: 'A1-01 (Masterplan 2019)' });

    const summaries = ok<EditionSummary[]>(await call(api, 'listEditions', {}));
    expect(summaries.map((s) => [s.edition.name, s.measureCount, s.isCurrent])).toEqual([
      ['Masterplan 2019', 8, false],
      ['Masterplan 2.0', 6, true],
    ]);
    const comparison = ok<EditionComparison>(await call(api, 'compareEditions', { fromId: 'alt', toId: applied.editionId }));
    expect(comparison.counts).toMatchObject({ carried: 6, merged: 1, ended: 1 });
    const line = ok<LineageNode[]>(await call(api, 'getMeasureLineage', { id: 'a1-m1' }));
    expect(line.map((n) => n.editionName)).toEqual(['Masterplan 2019', 'Masterplan 2.0']);
    expect(await call(api, 'compareEditions', { fromId: applied.editionId, toId: 'alt' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('keine Fortschreibung') },
    });
  });

  it('decides a Fassung, replaces its source, and then refuses changes to the source’s measures', async () => {
    const { api, onDisk } = await setup(dir.path);
    const draft = ok<{ value: FortschreibungDraft }>(await call(api, 'startFortschreibung', { fromEditionId: 'alt' })).value;
    const { editionId } = ok<{ value: { editionId: string } }>(await call(api, 'applyFortschreibung', { id: draft.id, version: 1 })).value;
    ok(await call(api, 'setCurrentEdition', { id: 'alt' }));
    expect((await onDisk()).currentEditionId).toBe('alt');
    expect(await call(api, 'decideEdition', { id: editionId, printNumber: '2609322', decidedOn: '2022-12-15' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    ok(await call(api, 'decideEdition', { id: editionId, printNumber: '26093-22', decidedOn: '2022-12-15' }));
    const disk = await onDisk();
    expect(disk.editions.map((e) => e.state)).toEqual(['abgeloest', 'beschlossen']);
    expect(disk.currentEditionId).toBe(editionId);
    expect(
      disk.audit
        .filter((a) => a.entityType === 'edition' && a.action === 'update')
        .flatMap((a) => a.changes.map((c) => `${c.field}: ${String(c.old)} → ${String(c.new)}`)),
    ).toEqual([
      'state: beschlossen → abgeloest',
      'state: entwurf → beschlossen',
      'printNumber: null → 26093-22',
      'decidedOn: null → 2022-12-15',
    ]);

    const old = disk.measures.find((m) => m.id === 'a2-m1')!;
    const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = old;
    const refused = await call(api, 'updateMeasure', { id, version, fields: { ...fields, title: 'Geändert' } });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Die Maßnahme gehört zur abgelösten Fassung „Masterplan 2019“. Abgelöste Fassungen bleiben unverändert erhalten.',
      },
    });
    expect(await call(api, 'deleteMeasure', { id, version })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(api, 'createMeasure', { fields: { ...fields, number: 'A2-99' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // A Fassung another one was made from cannot be deleted; neither can a decided one.
    expect(await call(api, 'deleteEdition', { id: 'alt' })).toMatchObject({
      ok: false,
      error: { code: 'IN_USE', message: expect.stringMatching(/^Die Fassung „Masterplan 2019“ kann nicht gelöscht werden\./) },
    });
    // The Handlungsfelder of a Fortschreibung stay.
    expect(await call(api, 'deleteActionField', { id: 'a3' })).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
  });

  it('deletes a draft Fassung with its measures; a draft from a deleted Fassung cannot be applied', async () => {
    const { api, onDisk } = await setup(dir.path);
    const first = ok<{ value: FortschreibungDraft }>(await call(api, 'startFortschreibung', { fromEditionId: 'alt' })).value;
    const { editionId } = ok<{ value: { editionId: string } }>(await call(api, 'applyFortschreibung', { id: first.id, version: 1 })).value;
    const second = ok<{ value: FortschreibungDraft }>(await call(api, 'startFortschreibung', { fromEditionId: editionId })).value;
    expect(await call(api, 'deleteEdition', { id: editionId })).toMatchObject({
      ok: false,
      error: { code: 'IN_USE', message: expect.stringContaining('Bitte verwerfen Sie sie zuerst.') },
    });
    ok(await call(api, 'discardFortschreibungDraft', { id: second.id }));
    ok(await call(api, 'deleteEdition', { id: editionId }));
    const disk = await onDisk();
    expect(disk.editions.map((e) => e.id)).toEqual(['alt']);
    expect(disk.currentEditionId).toBe('alt');
    expect(disk.measures).toHaveLength(oldRegister().measures.length);
    expect(disk.audit.at(-1)).toMatchObject({
      entityType: 'edition',
      action: 'delete',
      changes: [{ field: 'name' }, { field: 'Maßnahmen', old: 7, new: null }],
    });
  });

  it('a draft whose source Fassung is gone is reported at the source, nothing applied', async () => {
    const doc = oldRegister();
    const draft: FortschreibungDraft = {
      id: 'verwaist',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'x',
      fromEditionId: 'geloescht',
      edition: { name: 'Neu', printNumber: null, decidedOn: null },
      fields: [],
      fieldMappings: [],
      decisions: [],
      makeCurrent: true,
    };
    const { api, storePath } = await setup(dir.path, { ...doc, fortschreibungDrafts: [draft] });
    const bytes = await fs.readFile(storePath);
    expect(await call(api, 'applyFortschreibung', { id: 'verwaist', version: 1 })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: [{ field: 'fromEditionId', message: expect.stringMatching(/^Die Ausgangsfassung dieses Entwurfs gibt es nicht mehr/) }],
      },
    });
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });

  it('exports the comparison through the save dialog into the last export folder and opens it on request', async () => {
    const exportDir = path.join(dir.path, 'Exporte');
    const opened: string[] = [];
    const asked: { name: string; dir: string | null }[] = [];
    const desktop: Desktop = {
      ...NO_DESKTOP,
      pickExportTarget: async (name, lastDir) => (asked.push({ name, dir: lastDir }), path.join(exportDir, name)),
      openFile: async (file) => void opened.push(file),
    };
    const { api } = await setup(dir.path, oldRegister(), desktop);
    const draft = ok<{ value: FortschreibungDraft }>(await call(api, 'startFortschreibung', { fromEditionId: 'alt' })).value;
    const fields = { ...editable(draft), edition: { name: 'Masterplan 2.0', printNumber: null, decidedOn: null } };
    const saved = ok<{ value: FortschreibungDraft }>(
      await call(api, 'saveFortschreibungDraft', { id: draft.id, version: 1, fields }),
    ).value;
    const { editionId } = ok<{ value: { editionId: string } }>(
      await call(api, 'applyFortschreibung', { id: saved.id, version: saved.version }),
    ).value;
    const xlsx = ok<{ path: string; bytes: number }>(
      await call(api, 'exportEditionComparison', { fromId: 'alt', toId: editionId, format: 'xlsx', open: false }),
    );
    expect(path.basename(xlsx.path)).toBe('Vergleich_Masterplan_2019_Masterplan_2.0.xlsx');
    expect((await fs.stat(xlsx.path)).size).toBe(xlsx.bytes);
    const docx = ok<{ path: string }>(
      await call(api, 'exportEditionComparison', { fromId: 'alt', toId: editionId, format: 'docx', open: true }),
    );
    expect(asked[1]).toEqual({ name: 'Vergleich_Masterplan_2019_Masterplan_2.0.docx', dir: exportDir });
    expect(opened).toEqual([docx.path]);
    expect(await call(api, 'exportEditionComparison', { fromId: 'alt', toId: 'alt', format: 'xlsx', open: false })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});
