/**
 * The documents of Gremien & Beteiligung from the app, through createApi and dispatch with a Desktop
 * stub, on a register file in a temp folder: file names, cancelled dialogs, the remembered folder,
 * personal data only when chosen (and audited, refused in a read-only window), the Mitteilung created as
 * an ordinary submission.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP, type Desktop } from '@main/core/desktop';
import { safeFileName } from '@shared/core/fileName';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { localDay } from '@shared/core/calendar';
import type { RegisterDocument } from '@shared/register/register';
import type { Submission } from '@shared/submissions/submission';
import { participationRegister } from '@tests/fixtures/participation';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

describe('participation exports from the app', () => {
  const dir = useTempDir('mpr-partexp-');

  async function setup(desktop: Partial<Desktop> = {}, settingsName = 'einstellungen.json') {
    const storePath = path.join(dir.path, 'register.json');
    await fs.access(storePath).catch(() => fs.writeFile(storePath, JSON.stringify(participationRegister())));
    const settings = await SettingsFile.load(path.join(dir.path, settingsName));
    const session = new RegisterSession({ settings, samplePath: SAMPLE });
    // The second window reads only, by the user's choice (several windows may write, docs/multi-user.md).
    await session.open(storePath, 'none', settingsName !== 'einstellungen.json');
    const out = path.join(dir.path, 'Exporte');
    const suggested: string[] = [];
    const opened: string[] = [];
    const api = createApi(session, {
      ...NO_DESKTOP,
      pickExportTarget: async (name, defaultDir) => {
        suggested.push(`${defaultDir ?? ''}|${name}`);
        return path.join(out, name);
      },
      openFile: async (file) => void opened.push(file),
      ...desktop,
    });
    return { session, api, out, storePath, settings, suggested, opened };
  }

  const saved = async (storePath: string) => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;

  it('writes the Einladung under a safe name, remembers the folder and opens the file when asked', async () => {
    const { session, api, out, settings, suggested, opened } = await setup();
    const result = await dispatch(api, 'exportMeeting', { id: 'meeting-3', kind: 'einladung', open: true });
    expect(result).toMatchObject({ ok: true, value: { path: path.join(out, 'Einladung_VollV_3._Sitzung_2026-03-12.docx') } });
    expect(suggested).toEqual(['|Einladung_VollV_3._Sitzung_2026-03-12.docx']);
    expect(opened).toEqual([path.join(out, 'Einladung_VollV_3._Sitzung_2026-03-12.docx')]);
    expect(settings.value.lastExportDir).toBe(out);
    const text = (await mammoth.extractRawText({ path: path.join(out, 'Einladung_VollV_3._Sitzung_2026-03-12.docx') })).value.replace(
      /\u2011/g,
      '-',
    );
    expect(text).toContain('Einladung zur 3. Sitzung der Vollversammlung');

    const minutes = await dispatch(api, 'exportMeeting', { id: 'meeting-3', kind: 'niederschrift', open: false });
    expect(minutes).toMatchObject({ ok: true, value: { path: path.join(out, 'Niederschrift_VollV_3._Sitzung_2026-03-12.docx') } });
    // The second dialog starts in the folder of the first export.
    expect(suggested[1]).toBe(`${out}|Niederschrift_VollV_3._Sitzung_2026-03-12.docx`);
    expect(opened).toHaveLength(1);
    await session.close();
  });

  it('a cancelled dialog writes nothing and changes nothing', async () => {
    const { session, api, out, storePath, settings } = await setup({ pickExportTarget: async () => null });
    const before = await fs.readFile(storePath, 'utf8');
    expect(await dispatch(api, 'exportMeeting', { id: 'meeting-3', kind: 'niederschrift', open: true })).toEqual({ ok: true, value: null });
    expect(await dispatch(api, 'exportProposals', { includePersonalData: true, open: false })).toEqual({ ok: true, value: null });
    expect(await dispatch(api, 'exportTracking', { period: null, open: false })).toEqual({ ok: true, value: null });
    await expect(fs.readdir(out)).rejects.toThrow();
    expect(await fs.readFile(storePath, 'utf8')).toBe(before);
    expect(settings.value.lastExportDir).toBeNull();
    await session.close();
  });

  it('an unknown session or one in the Papierkorb is NOT_FOUND before any dialog', async () => {
    const { session, api, suggested } = await setup();
    expect(await dispatch(api, 'exportMeeting', { id: 'gibt-es-nicht', kind: 'einladung', open: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const meeting = session.requireOpen().store.doc.meetings.find((m) => m.id === 'meeting-4')!;
    expect(await dispatch(api, 'deleteMeeting', { id: meeting.id, version: meeting.version })).toMatchObject({ ok: true });
    expect(await dispatch(api, 'exportMeeting', { id: 'meeting-4', kind: 'einladung', open: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(suggested).toEqual([]);
    await session.close();
  });

  it('exports the Anregungen; contacts only when chosen, and that choice is audited with the file name', async () => {
    const { session, api, out, storePath } = await setup();
    const name = `Anregungen_${localDay()}.xlsx`;
    const plain = await dispatch(api, 'exportProposals', { includePersonalData: false, open: false });
    expect(plain).toMatchObject({ ok: true, value: { path: path.join(out, name) } });
    const wb = XLSX.read(await fs.readFile(path.join(out, name)));
    expect(wb.SheetNames).toEqual(['Übersicht', 'Anregungen', 'Quartierslabore']);
    expect(XLSX.utils.sheet_to_csv(wb.Sheets['Anregungen']!)).not.toContain('Erika Mustermann');
    expect((await saved(storePath)).audit.some((a) => a.action === 'export')).toBe(false);

    const withContacts = await dispatch(api, 'exportProposals', { includePersonalData: true, open: false });
    expect(withContacts.ok).toBe(true);
    expect(XLSX.utils.sheet_to_csv(XLSX.read(await fs.readFile(path.join(out, name))).Sheets['Anregungen']!)).toContain('Erika Mustermann');
    expect((await saved(storePath)).audit.at(-1)).toMatchObject({
      action: 'export',
      changes: [{ field: 'personalDataExport', new: name }],
    });
    await session.close();
  });

  it('refuses personal data from a read-only window, writing nothing; plain exports still work there', async () => {
    const first = await setup();
    const second = await setup({}, 'einstellungen-2.json');
    expect(second.session.describe()).toMatchObject({ state: 'open', readOnly: true });
    expect(await dispatch(second.api, 'exportProposals', { includePersonalData: true, open: false })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    await expect(fs.readdir(second.out)).rejects.toThrow();
    expect(second.suggested).toEqual([]);
    expect(await dispatch(second.api, 'exportTracking', { period: { year: 2026, half: 1 }, open: false })).toMatchObject({ ok: true });
    expect(await dispatch(second.api, 'createTrackingMitteilung', { period: { year: 2026, half: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    await second.session.close();
    await first.session.close();
  });

  it('exports the Beschlussverfolgung of a half-year under its name', async () => {
    const { session, api, out } = await setup();
    const result = await dispatch(api, 'exportTracking', { period: { year: 2026, half: 1 }, open: false });
    expect(result).toMatchObject({ ok: true, value: { path: path.join(out, 'Beschlussverfolgung_1._Halbjahr_2026.xlsx') } });
    const wb = XLSX.read(await fs.readFile(path.join(out, 'Beschlussverfolgung_1._Halbjahr_2026.xlsx')));
    expect(wb.Props?.Title).toBe('Beschlussverfolgung Masterplan Kommunale Sicherheit – 1. Halbjahr 2026');
    const all = await dispatch(api, 'exportTracking', { period: null, open: false });
    expect(all).toMatchObject({ ok: true, value: { path: path.join(out, `Beschlussverfolgung_Stand_${localDay()}.xlsx`) } });
    await session.close();
  });

  it('creates the Mitteilung as an ordinary draft submission with its table, versions and audit', async () => {
    const { session, api, storePath } = await setup();
    const result = await dispatch(api, 'createTrackingMitteilung', { period: { year: 2026, half: 1 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const created = (result.value as { value: Submission }).value;
    expect(created).toMatchObject({
      kind: 'mitteilung',
      status: 'entwurf',
      subject: 'Beschlussverfolgung Masterplan Kommunale Sicherheit – Sachstand 1. Halbjahr 2026',
      deletedAt: null,
    });
    expect(created.linkedMeasureIds).toEqual(['m-01', 'm-02']);

    const list = await dispatch(api, 'listSubmissions', {});
    expect(list.ok && (list.value as { id: string }[]).map((s) => s.id)).toEqual([created.id]);
    const stored = (await saved(storePath)).submissions.find((s) => s.id === created.id)!;
    const table = stored.statement.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r[0])).toEqual(['Drucksache', '10001-26', '10002-26']);
    const revisions = await dispatch(api, 'listSubmissionRevisions', { id: created.id });
    expect(revisions.ok && (revisions.value as unknown[]).length).toBeGreaterThanOrEqual(1);
    const audit = (await saved(storePath)).audit.filter((a) => a.entityId === created.id);
    expect(audit.map((a) => a.action)).toContain('create');
    // The draft can be exported like any submission (as a draft: it has no number yet).
    const exported = await dispatch(api, 'exportSubmission', { id: created.id, format: 'docx', open: false, draft: true });
    expect(exported.ok).toBe(true);
    await session.close();
  });

  it('makes file names safe for Windows', () => {
    expect(safeFileName(['Einladung', 'VollV', '3. Sitzung', '2026-03-12'], 'docx')).toBe('Einladung_VollV_3._Sitzung_2026-03-12.docx');
    expect(safeFileName(['Niederschrift', 'BV IN', 'Sitzung: 2/2026?', '2026-01-02'], 'docx')).toBe(
      'Niederschrift_BV_IN_Sitzung_2_2026_2026-01-02.docx',
    );
    expect(safeFileName(['Beschlussverfolgung', '1. Halbjahr 2026'], 'xlsx')).toBe('Beschlussverfolgung_1._Halbjahr_2026.xlsx');
    expect(safeFileName(['a', '', 'b.'], 'xlsx')).toBe('a_b.xlsx');
  });
});
