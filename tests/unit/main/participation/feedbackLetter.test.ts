/**
 * "Rückmeldung als Brief (Word)" through createApi and dispatch with a Desktop stub, on a register file in
 * a temp folder: the neutral file name, the audit entry (file name only, never the person's name), the
 * refusals before any dialog, a cancelled dialog, and the refusal in a read-only window.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP, type Desktop } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { RegisterDocument } from '@shared/register/register';
import { participationRegister } from '@tests/fixtures/participation';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');
const FEEDBACK = 'Die Leuchten im Park werden im Herbst erneuert.';

/** The fixture register; Anregung 1 has the contact "Erika Mustermann" and here a feedback text. */
function register(): RegisterDocument {
  const doc = participationRegister();
  return { ...doc, proposals: doc.proposals.map((p) => (p.id === 'proposal-1' ? { ...p, feedbackText: FEEDBACK } : p)) };
}

describe('Rückmeldung als Brief from the app', () => {
  const dir = useTempDir('mpr-letter-');

  async function setup(desktop: Partial<Desktop> = {}, settingsName = 'einstellungen.json') {
    const storePath = path.join(dir.path, 'register.json');
    await fs.access(storePath).catch(() => fs.writeFile(storePath, JSON.stringify(register())));
    const settings = await SettingsFile.load(path.join(dir.path, settingsName));
    const session = new RegisterSession({ settings, samplePath: SAMPLE });
    // The second window reads only, by the user's choice (several windows may write, docs/multi-user.md).
    await session.open(storePath, 'none', settingsName !== 'einstellungen.json');
    const out = path.join(dir.path, 'Exporte');
    const suggested: string[] = [];
    const opened: string[] = [];
    const api = createApi(session, {
      ...NO_DESKTOP,
      pickExportTarget: async (name) => {
        suggested.push(name);
        return path.join(out, name);
      },
      openFile: async (file) => void opened.push(file),
      ...desktop,
    });
    return { session, api, out, storePath, suggested, opened };
  }

  const saved = async (storePath: string) => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;

  it('writes the letter under a neutral name, opens it, and records the export by file name only', async () => {
    const { session, api, out, storePath, suggested, opened } = await setup();
    const auditBefore = (await saved(storePath)).audit.length;
    const result = await dispatch(api, 'exportFeedbackLetter', { proposalId: 'proposal-1', open: true });
    const file = path.join(out, 'Rueckmeldung_A-2026-001.docx');
    expect(result).toMatchObject({ ok: true, value: { path: file } });
    expect(suggested).toEqual(['Rueckmeldung_A-2026-001.docx']);
    expect(opened).toEqual([file]);
    const bytes = await fs.readFile(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\u2011/g, '-');
    expect(text).toContain('Guten Tag Erika Mustermann,');
    expect(text).toContain(FEEDBACK);

    const after = await saved(storePath);
    expect(after.audit).toHaveLength(auditBefore + 1);
    const entry = after.audit.at(-1)!;
    expect(entry).toMatchObject({
      action: 'export',
      changes: [{ field: 'personalDataExport', old: null, new: 'Rueckmeldung_A-2026-001.docx' }],
    });
    expect(JSON.stringify(entry)).not.toMatch(/Erika|Mustermann|erika@example\.org/);
    // The export changes nothing else: the feedback date is set by the clerk afterwards.
    expect(after.proposals.find((p) => p.id === 'proposal-1')!.feedbackOn).toBeNull();
    await session.close();
  });

  it('refuses before any dialog: no contact, no feedback text, unknown, in the Papierkorb', async () => {
    const { session, api, storePath, suggested } = await setup();
    const before = await fs.readFile(storePath, 'utf8');
    // Anregung 3 has a feedback text but no contact.
    expect(await dispatch(api, 'exportFeedbackLetter', { proposalId: 'proposal-3', open: false })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Für diese Anregung ist kein Kontakt für die Rückmeldung hinterlegt; es wurde kein Brief erstellt.',
      },
    });
    expect(await dispatch(api, 'exportFeedbackLetter', { proposalId: 'gibt-es-nicht', open: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch(api, 'exportFeedbackLetter', { proposalId: 'proposal-6', open: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('Papierkorb') },
    });
    expect(suggested).toEqual([]);
    expect(await fs.readFile(storePath, 'utf8')).toBe(before);

    // Anregung 1 with its feedback text emptied again.
    const proposal = session.requireOpen().store.doc.proposals.find((p) => p.id === 'proposal-1')!;
    const { id, version, createdAt: _c, updatedAt: _u, stateChangedAt: _s, deletedAt: _d, anonymisedAt: _a, ...fields } = proposal;
    expect(await dispatch(api, 'saveProposal', { id, version, fields: { ...fields, feedbackText: '' } })).toMatchObject({ ok: true });
    expect(await dispatch(api, 'exportFeedbackLetter', { proposalId: 'proposal-1', open: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('noch keinen Text der Rückmeldung') },
    });
    expect(suggested).toEqual([]);
    await session.close();
  });

  it('a cancelled dialog writes nothing and records nothing', async () => {
    const { session, api, out, storePath } = await setup({ pickExportTarget: async () => null });
    const before = await fs.readFile(storePath, 'utf8');
    expect(await dispatch(api, 'exportFeedbackLetter', { proposalId: 'proposal-1', open: true })).toEqual({ ok: true, value: null });
    await expect(fs.readdir(out)).rejects.toThrow();
    expect(await fs.readFile(storePath, 'utf8')).toBe(before);
    await session.close();
  });

  it('is refused in a read-only window, before any dialog', async () => {
    const first = await setup();
    const second = await setup({}, 'einstellungen-2.json');
    expect(second.session.describe()).toMatchObject({ state: 'open', readOnly: true });
    expect(await dispatch(second.api, 'exportFeedbackLetter', { proposalId: 'proposal-1', open: false })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    expect(second.suggested).toEqual([]);
    await expect(fs.readdir(second.out)).rejects.toThrow();
    await second.session.close();
    await first.session.close();
  });
});
