import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP, type Desktop } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ApiResult } from '@shared/contract';
import type { RegisterDocument } from '@shared/register/register';
import { parseRichText } from '@shared/core/richText';
import type { Submission, SubmissionFields } from '@shared/submissions/submission';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

async function setup(dir: string, desktop: Partial<Desktop> = {}) {
  const storePath = path.join(dir, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(makeRegister(3)));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: '' });
  await session.open(storePath);
  const api = createApi(session, { ...NO_DESKTOP, ...desktop });
  const call = (method: string, payload: unknown) => dispatch(api, method, payload);
  const onDisk = async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
  return { storePath, session, call, onDisk };
}

function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok)
    throw new Error(`expected ok, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? [])}`);
  return result.value as T;
}

function fieldsOf(s: Submission): SubmissionFields {
  const { id: _i, baseSubmissionId: _b, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = s;
  return fields;
}

describe('submissions', () => {
  const dir = useTempDir('mpr-sub-');

  it('creates from a template with its Beratungsfolge and keeps a revision per save', async () => {
    const { call, onDisk } = await setup(dir.path);
    const created = ok<{ value: Submission }>(
      await call('createSubmission', { source: { kind: 'template', templateId: 'fortschreibung' } }),
    ).value;
    expect(created.kind).toBe('beschlussvorlage');
    expect(created.consultations.map((c) => c.role).at(-1)).toBe('beschluss');
    const edited = ok<{ value: Submission }>(
      await call('updateSubmission', {
        id: created.id,
        version: 1,
        fields: { ...fieldsOf(created), subject: 'Fortschreibung 2.0', statement: parseRichText('# Anlass\n\nNeu.') },
      }),
    ).value;
    expect(edited.version).toBe(2);
    const disk = await onDisk();
    expect(disk.submissions[0]!.subject).toBe('Fortschreibung 2.0');
    expect(disk.submissionRevisions.map((r) => r.version)).toEqual([1, 2]);
    expect(disk.audit.filter((a) => a.entityType === 'submission').map((a) => a.action)).toEqual(['create', 'update']);

    const revisions = ok<{ id: string; version: number }[]>(await call('listSubmissionRevisions', { id: created.id }));
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    const diff = ok<{ field: string }[]>(
      await call('compareSubmissionRevisions', { id: created.id, fromRevisionId: revisions[1]!.id, toRevisionId: revisions[0]!.id }),
    );
    expect(diff.map((d) => d.field)).toEqual(['subject', 'statement']);

    const restored = ok<{ value: Submission }>(
      await call('restoreSubmissionRevision', { id: created.id, version: 2, revisionId: revisions[1]!.id }),
    ).value;
    expect(restored.version).toBe(3);
    expect(restored.subject).toBe(created.subject);
    expect((await onDisk()).submissionRevisions).toHaveLength(3);
  });

  it('discards a new submission never saved, and keeps one saved since', async () => {
    const { call, onDisk } = await setup(dir.path);
    const left = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'blank' } })).value;
    ok(await call('discardNewSubmission', { id: left.id, version: 1 }));
    const disk = await onDisk();
    expect(disk.submissions.find((s) => s.id === left.id)).toBeUndefined();
    expect(disk.submissionRevisions.filter((r) => r.submissionId === left.id)).toEqual([]);
    // The trail keeps the creation and says it was removed again.
    expect(disk.audit.filter((a) => a.entityId === left.id).map((a) => a.action)).toEqual(['create', 'delete']);

    const kept = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'blank' } })).value;
    ok(await call('updateSubmission', { id: kept.id, version: 1, fields: { ...fieldsOf(kept), subject: 'Gespeichert' } }));
    const refused = await call('discardNewSubmission', { id: kept.id, version: 1 });
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
    const refusedLater = await call('discardNewSubmission', { id: kept.id, version: 2 });
    expect(refusedLater.ok ? null : refusedLater.error.code).toBe('CONFLICT');
    expect((await onDisk()).submissions.find((s) => s.id === kept.id)?.subject).toBe('Gespeichert');
  });

  it('refuses a stale version, a used Drucksache-Nr. and a status jump, writing nothing', async () => {
    const { call, storePath } = await setup(dir.path);
    const a = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'blank' } })).value;
    ok(await call('updateSubmission', { id: a.id, version: 1, fields: { ...fieldsOf(a), printNumberBase: '12534-18' } }));
    const b = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'blank' } })).value;
    const bytes = await fs.readFile(storePath);
    expect(await call('updateSubmission', { id: a.id, version: 1, fields: fieldsOf(a) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await call('updateSubmission', { id: b.id, version: 1, fields: { ...fieldsOf(b), printNumberBase: '12534-18' } })).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION', fields: [{ field: 'printNumberBase' }] },
      },
    );
    expect(await call('updateSubmission', { id: b.id, version: 1, fields: { ...fieldsOf(b), status: 'beschlossen' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'status' }] },
    });
    expect(await call('updateSubmission', { id: b.id, version: 1, fields: { ...fieldsOf(b), printNumberBase: '1234-5' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await fs.readFile(storePath)).toEqual(bytes);
  });

  it('creates follow-ups with the next suffix and copies without number, results or co-signatures', async () => {
    const { call } = await setup(dir.path);
    const base = ok<{ value: Submission }>(
      await call('createSubmission', { source: { kind: 'template', templateId: 'sachstandsbericht' } }),
    ).value;
    expect(await call('createSubmission', { source: { kind: 'followUp', baseId: base.id } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const numbered = ok<{ value: Submission }>(
      await call('updateSubmission', { id: base.id, version: 1, fields: { ...fieldsOf(base), printNumberBase: '26093-22' } }),
    ).value;
    const e1 = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'followUp', baseId: base.id } })).value;
    const e2 = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'followUp', baseId: base.id } })).value;
    expect([e1.printNumberSuffix, e2.printNumberSuffix]).toEqual(['E1', 'E2']);
    expect(e1).toMatchObject({ printNumberBase: '26093-22', kind: 'stellungnahme', baseSubmissionId: base.id, subject: numbered.subject });
    const copy = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'copy', sourceId: base.id } })).value;
    expect(copy).toMatchObject({ printNumberBase: null, status: 'entwurf', cosignatures: [] });
    expect(copy.subject).toMatch(/\(Kopie\)$/);
    expect(copy.consultations.every((c) => c.result === 'offen')).toBe(true);
  });

  it('copies attachments into the register folder with size and hash, and reports a vanished one', async () => {
    const source = path.join(dir.path, 'Lageplan Nordmarkt.pdf');
    await fs.writeFile(source, Buffer.from('%PDF-1.4 Beispiel'));
    const { call, storePath, session } = await setup(dir.path, { pickAttachment: async () => source });
    const s = ok<{ value: Submission }>(await call('createSubmission', { source: { kind: 'blank' } })).value;
    const withFile = ok<{ value: Submission }>(await call('addSubmissionAttachment', { id: s.id, version: 1, title: 'Lageplan' })).value;
    const [attachment] = withFile.attachments;
    expect(attachment).toMatchObject({ title: 'Lageplan', fileName: 'Lageplan Nordmarkt.pdf', size: 17 });
    expect(attachment!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = path.join(dir.path, 'register-Anlagen', attachment!.storedName);
    expect(await fs.readFile(stored, 'utf8')).toBe('%PDF-1.4 Beispiel');
    await fs.rm(stored);
    expect(await call('exportSubmission', { id: s.id, format: 'docx', open: false, draft: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/Lageplan Nordmarkt\.pdf/) },
    });
    expect(storePath).toBeTruthy();
    await session.close();
  });

  it('moves to the Papierkorb and back; a body in use cannot be deleted', async () => {
    const { call, onDisk } = await setup(dir.path);
    const s = ok<{ value: Submission }>(
      await call('createSubmission', { source: { kind: 'template', templateId: 'evaluationsbericht' } }),
    ).value;
    ok(await call('deleteSubmission', { id: s.id, version: 1 }));
    expect((await onDisk()).submissions[0]!.deletedAt).not.toBeNull();
    ok(await call('restoreSubmission', { id: s.id }));
    expect((await onDisk()).submissions[0]!.deletedAt).toBeNull();
    expect(await call('deleteBody', { id: 'gremium-rat' })).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    ok(await call('deleteBody', { id: 'gremium-hauptausschuss' }));
    expect((await onDisk()).bodies.some((b) => b.id === 'gremium-hauptausschuss')).toBe(false);
  });

  it('exports Word only when complete (or as a draft), remembers the folder and writes OParl with its Word file', async () => {
    const out = path.join(dir.path, 'Exporte');
    const opened: string[] = [];
    const { call, session } = await setup(dir.path, {
      pickExportTarget: async (name) => path.join(out, name),
      openFile: async (f) => void opened.push(f),
    });
    const s = ok<{ value: Submission }>(
      await call('createSubmission', { source: { kind: 'template', templateId: 'sachstandsbericht' } }),
    ).value;
    const refused = await call('exportSubmission', { id: s.id, format: 'docx', open: false, draft: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await fs.readdir(dir.path)).not.toContain('Exporte');

    const draft = ok<{ path: string }>(await call('exportSubmission', { id: s.id, format: 'docx', open: true, draft: true }));
    expect((await fs.readFile(draft.path)).subarray(0, 2).toString()).toBe('PK');
    expect(opened).toEqual([draft.path]);
    expect(session.settings.value.lastExportDir).toBe(out);

    const filled = ok<{ value: Submission }>(
      await call('updateSubmission', {
        id: s.id,
        version: 1,
        fields: {
          ...fieldsOf(s),
          leadOrgUnitId: 'ou-32',
          statement: parseRichText('# Stand\n\nAlles im Plan.'),
          printNumberBase: '31245-26',
          status: 'freigegeben',
        },
      }),
    ).value;
    // OParl needs the OParl-Basisadresse from the settings.
    expect(await call('exportSubmission', { id: filled.id, format: 'oparl', open: false, draft: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await session.settings.save({ ...session.settings.value, oparlBaseUrl: 'https://ratsinfo.example.de/oparl' });
    const json = ok<{ path: string }>(await call('exportSubmission', { id: filled.id, format: 'oparl', open: false, draft: false }));
    const oparl = JSON.parse(await fs.readFile(json.path, 'utf8')) as {
      paper: { reference: string; mainFile: { fileName: string; size: number } };
    };
    expect(oparl.paper.reference).toBe('31245-26');
    const docxBeside = path.join(out, oparl.paper.mainFile.fileName);
    expect((await fs.stat(docxBeside)).size).toBe(oparl.paper.mainFile.size);
    // A second OParl export never silently replaces the Word file beside it.
    expect(await call('exportSubmission', { id: filled.id, format: 'oparl', open: false, draft: false })).toMatchObject({
      ok: false,
      error: { code: 'WRITE_FAILED' },
    });
  });
});
