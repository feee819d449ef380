/**
 * "Niederschrift abschließen" through createApi and dispatch on a copy of the sample register in a temp
 * folder: refused before the session or without signers, the record written to disk and audited, the
 * finalised session frozen, and the Word file printing the record after the register moved on (read back
 * with mammoth, as another program sees it).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import type { Meeting, RecommendationRecord } from '@shared/participation/participation';
import { de } from '@shared/i18n/de';
import { localDay } from '@shared/core/calendar';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { failed, fieldsOf, ok, openRegister, sampleDoc, type Opened } from './setup';

const SECOND = 'sitzung-vollv-2';
const texts = de.participation;

/** The sample with its second session held yesterday (dated in the past, state "durchgeführt"). */
async function heldSecondSession(r: Opened): Promise<Meeting> {
  const m = ok<Meeting>(await r.call('getMeeting', { id: SECOND }));
  const yesterday = localDay(new Date(Date.now() - 86_400_000));
  const fields = {
    ...fieldsOf(m),
    date: yesterday,
    state: 'durchgefuehrt',
    coSigners: [{ title: '', given: 'Deniz', family: 'Yilmaz' }],
    agenda: m.agenda.map((a) =>
      a.id === 's2-top-5' ? { ...a, recommendationIds: ['empfehlung-2025-02'], result: 'Bericht zur Kenntnis genommen.' } : a,
    ),
  };
  return ok<{ value: Meeting }>(await r.call('saveMeeting', { id: m.id, version: m.version, fields })).value;
}

describe('Niederschrift abschließen', () => {
  const dir = useTempDir('mpr-finalise-');

  it('is refused for a session not yet held, and for a stale version', async () => {
    const r = await openRegister(dir.path);
    const m = ok<Meeting>(await r.call('getMeeting', { id: SECOND }));
    const notHeld = failed(await r.call('finaliseMinutes', { id: SECOND, version: m.version }));
    expect(notHeld.code).toBe('VALIDATION');
    expect(notHeld.message).toContain('Die Sitzung am 10.12.2026 hat noch nicht stattgefunden');
    const held = await heldSecondSession(r);
    expect(failed(await r.call('finaliseMinutes', { id: SECOND, version: held.version - 1 })).code).toBe('CONFLICT');
    expect((await r.onDisk()).meetings.find((x) => x.id === SECOND)!.minutesRecord).toBeNull();
    await r.session.close();
  });

  it('asks for chair and recorder first: they sign it', async () => {
    const r = await openRegister(dir.path);
    const held = await heldSecondSession(r);
    const blank = { title: '', given: '', family: '' };
    const saved = ok<{ value: Meeting }>(
      await r.call('saveMeeting', { id: held.id, version: held.version, fields: { ...fieldsOf(held), chair: blank, recorder: blank } }),
    ).value;
    const error = failed(await r.call('finaliseMinutes', { id: SECOND, version: saved.version }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: texts.validation.signersMissing('Vorsitz und Schriftführung') });
    await r.session.close();
  });

  it('stores the record on disk, sets "abgeschlossen", audits it, and freezes the session', async () => {
    const r = await openRegister(dir.path);
    const held = await heldSecondSession(r);
    const done = ok<{ value: Meeting }>(await r.call('finaliseMinutes', { id: SECOND, version: held.version })).value;
    expect(done).toMatchObject({ state: 'abgeschlossen', version: held.version + 1 });
    const onDisk = (await r.onDisk()).meetings.find((x) => x.id === SECOND)!;
    expect(onDisk.minutesRecord).toEqual(done.minutesRecord);
    expect(onDisk.minutesRecord).toMatchObject({
      bodyName: 'Vollversammlung Masterplan Kommunale Sicherheit',
      measureNumbers: { 'm-hf2-04': 'HF2-04', 'm-hf3-08': 'HF3-08' },
      recommendations: [{ id: 'empfehlung-2025-02', number: 'E-2025-02', state: 'in_bearbeitung', addressee: 'Verwaltung' }],
    });
    expect(Object.keys(onDisk.minutesRecord!.submissionNumbers)).toEqual(['7fe9ee8b-5423-4fad-85fa-5519626431bd']);
    const audit = (await r.onDisk()).audit.at(-1)!;
    expect(audit).toMatchObject({ entityType: 'meeting', entityId: SECOND, action: 'update' });
    expect(audit.changes).toEqual([
      { field: 'state', old: 'durchgefuehrt', new: 'abgeschlossen' },
      { field: 'minutesRecord', old: null, new: texts.recordSummary(1, 0) },
    ]);

    // Frozen: no second record, no change, no Papierkorb; the message says why.
    expect(failed(await r.call('finaliseMinutes', { id: SECOND, version: done.version })).message).toContain('bereits am');
    const change = failed(
      await r.call('saveMeeting', { id: SECOND, version: done.version, fields: { ...fieldsOf(done), place: 'Anderswo' } }),
    );
    expect(change.code).toBe('FORBIDDEN');
    expect(change.message).toContain('kann nicht mehr geändert werden');
    expect(failed(await r.call('deleteMeeting', { id: SECOND, version: done.version })).code).toBe('FORBIDDEN');
    expect((await r.onDisk()).meetings.find((x) => x.id === SECOND)!.place).toBe(held.place);
    await r.session.close();
  });

  it('"abgeschlossen" cannot be chosen in the form: only finalising sets it', async () => {
    const r = await openRegister(dir.path);
    const held = await heldSecondSession(r);
    const error = failed(
      await r.call('saveMeeting', { id: held.id, version: held.version, fields: { ...fieldsOf(held), state: 'abgeschlossen' } }),
    );
    expect(error.fields).toContainEqual({ field: 'state', message: texts.validation.closedOnlyByFinalising });
    await r.session.close();
  });

  it('the exported Niederschrift prints the record after the register moved on; the draft before it printed the register', async () => {
    const r = await openRegister(dir.path, sampleDoc());
    const out = path.join(dir.path, 'Exporte');
    await fs.mkdir(out);
    const api = createApi(r.session, { ...NO_DESKTOP, pickExportTarget: async (name) => path.join(out, name) });
    const exported = async () => {
      const result = ok<{ path: string }>(await dispatch(api, 'exportMeeting', { id: SECOND, kind: 'niederschrift', open: false }));
      return (await mammoth.extractRawText({ path: result.path })).value.replace(/\u2011/g, '-');
    };
    const held = await heldSecondSession(r);
    const draft = await exported();
    expect(draft).toContain(de.participationDocs.meeting.draftNote);
    expect(draft).toContain('Deniz Yilmaz');
    const done = ok<{ value: Meeting }>(await r.call('finaliseMinutes', { id: SECOND, version: held.version })).value;
    // Later: the recommendation is implemented and retitled.
    const rec = ok<RecommendationRecord[]>(await r.call('listRecommendations', {})).find((x) => x.id === 'empfehlung-2025-02')!;
    ok(
      await r.call('saveRecommendation', {
        id: rec.id,
        version: rec.version,
        fields: { ...fieldsOf(rec), state: 'umgesetzt', title: 'Umbenannt' },
      }),
    );
    const final = await exported();
    expect(final).not.toContain(de.participationDocs.meeting.draftNote);
    expect(final).toContain(
      de.participationDocs.meeting.recordNote(localDay(new Date(done.minutesRecord!.finalisedAt)).split('-').reverse().join('.')),
    );
    expect(final).toContain('Beleuchtung von Wegeverbindungen priorisieren');
    expect(final).not.toContain('Umbenannt');
    expect(final).toMatch(/E-2025-02\s+Verwaltung\s+Beleuchtung von Wegeverbindungen priorisieren\s+TOP\s5\s+in Bearbeitung/);
    expect(final).toMatch(/Deniz Yilmaz\s+Mitunterzeichnung/);
    await r.session.close();
  });
});
