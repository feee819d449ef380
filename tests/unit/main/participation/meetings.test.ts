/** Sessions, members and recommendations through the API on a real register file. */
import { describe, expect, it } from 'vitest';
import type { BodyMember, Meeting, RecommendationRecord } from '@shared/participation/participation';
import { newMeetingFields } from '@shared/participation/participationRules';
import { de } from '@shared/i18n/de';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { failed, fieldsOf, ok, openRegister, type Opened } from './setup';

const participationValidationTexts = de.participation.validation;
const VV = 'gremium-vollversammlung';
const fieldOf = (error: { fields?: { field: string; message: string }[] }, field: string) =>
  error.fields?.find((f) => f.field === field)?.message;

function meetingFields(overrides: Record<string, unknown> = {}) {
  let n = 0;
  return {
    ...newMeetingFields(VV, '2027-02-04', () => `top-neu-${++n}`),
    number: '3. Sitzung',
    startTime: '16:00',
    place: 'Rathaus',
    ...overrides,
  };
}

async function createMeeting(r: Opened, overrides: Record<string, unknown> = {}): Promise<Meeting> {
  return ok<{ value: Meeting }>(await r.call('saveMeeting', { id: null, version: null, fields: meetingFields(overrides) })).value;
}

describe('Sitzungen', () => {
  const dir = useTempDir('mpr-sitzung-');

  it('start with the four standard opening items of a Dortmund session', () => {
    const fields = meetingFields();
    expect(fields.agenda.map((a) => `${a.number} ${a.title}`)).toEqual(de.participation.standardAgenda.map((t, i) => `${i + 1} ${t}`));
    expect(fields.agenda.every((a) => a.kind === 'standard' && a.isPublic)).toBe(true);
  });

  it('are saved with agenda, links, attendance counts and minutes; an update audits the changed fields', async () => {
    const r = await openRegister(dir.path);
    const m = await createMeeting(r);
    const agenda = [
      ...m.agenda,
      {
        ...m.agenda[0]!,
        id: 'top-sache',
        number: '5',
        title: 'Sachstand Nordmarkt',
        kind: 'sache',
        measureIds: ['m-hf2-04'],
        minutes: 'Bericht.',
        result: 'Zur Kenntnis genommen.',
      },
    ];
    const saved = ok<{ value: Meeting }>(
      await r.call('saveMeeting', {
        id: m.id,
        version: m.version,
        fields: {
          ...fieldsOf(m),
          agenda,
          attendance: { members: 9, guests: 2, organisations: ['Polizeipräsidium Dortmund'] },
          state: 'durchgefuehrt',
        },
      }),
    ).value;
    expect(saved.version).toBe(2);
    const disk = await r.onDisk();
    const stored = disk.meetings.find((x) => x.id === m.id)!;
    expect(stored.agenda.at(-1)).toMatchObject({
      title: 'Sachstand Nordmarkt',
      measureIds: ['m-hf2-04'],
      result: 'Zur Kenntnis genommen.',
    });
    expect(stored.attendance).toEqual({ members: 9, guests: 2, organisations: ['Polizeipräsidium Dortmund'] });
    expect(
      disk.audit
        .at(-1)!
        .changes.map((c) => c.field)
        .sort(),
    ).toEqual(['agenda', 'attendance', 'state']);
  });

  it('refuse a second session with the same number of a body, an end before the start, doubled TOP numbers and unknown links', async () => {
    const r = await openRegister(dir.path);
    const taken = failed(await r.call('saveMeeting', { id: null, version: null, fields: meetingFields({ number: '1. Sitzung' }) }));
    expect(fieldOf(taken, 'number')).toBe(participationValidationTexts.meetingNumberTaken('1. Sitzung'));
    const times = failed(
      await r.call('saveMeeting', { id: null, version: null, fields: meetingFields({ startTime: '18:00', endTime: '17:00' }) }),
    );
    expect(fieldOf(times, 'endTime')).toBe(participationValidationTexts.endBeforeStart);
    const base = meetingFields();
    const doubled = failed(
      await r.call('saveMeeting', {
        id: null,
        version: null,
        fields: { ...base, agenda: [...base.agenda, { ...base.agenda[0]!, id: 'x' }] },
      }),
    );
    expect(fieldOf(doubled, 'agenda.4.number')).toBe(participationValidationTexts.duplicateAgendaNumber('1'));
    const link = failed(
      await r.call('saveMeeting', {
        id: null,
        version: null,
        fields: { ...base, agenda: [{ ...base.agenda[0]!, measureIds: ['gibt-es-nicht'] }] },
      }),
    );
    expect(fieldOf(link, 'agenda.0.measureIds')).toBe(participationValidationTexts.unknownMeasure);
    const time = failed(await r.call('saveMeeting', { id: null, version: null, fields: meetingFields({ startTime: '25:00' }) }));
    expect(fieldOf(time, 'startTime')).toBe(participationValidationTexts.time);
    expect((await r.onDisk()).meetings).toHaveLength(2);
  });

  it('stay saveable when a linked measure went to the Papierkorb since; only new links must point to live measures', async () => {
    const r = await openRegister(dir.path);
    const held = (await r.onDisk()).meetings.find((m) => m.id === 'sitzung-vollv-2')!;
    const measure = (await r.onDisk()).measures.find((m) => m.id === 'm-hf2-04')!;
    ok(await r.call('deleteMeasure', { id: measure.id, version: measure.version }));
    const agenda = held.agenda.map((a) => (a.id === 's2-top-5' ? { ...a, minutes: `${a.minutes} Ergänzung.` } : a));
    const saved = ok<{ value: Meeting }>(
      await r.call('saveMeeting', { id: held.id, version: held.version, fields: { ...fieldsOf(held), agenda } }),
    ).value;
    expect(saved.agenda.find((a) => a.id === 's2-top-5')!.measureIds).toContain('m-hf2-04');
    const linkAgain = saved.agenda.map((a) => (a.id === 's2-top-6' ? { ...a, measureIds: ['m-hf2-04'] } : a));
    const refused = failed(
      await r.call('saveMeeting', { id: held.id, version: saved.version, fields: { ...fieldsOf(saved), agenda: linkAgain } }),
    );
    expect(fieldOf(refused, 'agenda.5.measureIds')).toBe(participationValidationTexts.unknownMeasure);
  });

  it('refuse a stale version and keep the newer one', async () => {
    const r = await openRegister(dir.path);
    const m = await createMeeting(r);
    ok(await r.call('saveMeeting', { id: m.id, version: m.version, fields: { ...fieldsOf(m), place: 'Neuer Ort' } }));
    const stale = failed(await r.call('saveMeeting', { id: m.id, version: m.version, fields: { ...fieldsOf(m), place: 'Alter Stand' } }));
    expect(stale.code).toBe('CONFLICT');
    expect((await r.onDisk()).meetings.find((x) => x.id === m.id)?.place).toBe('Neuer Ort');
  });

  it('with recommendations stay; without, they go to the Papierkorb and come back', async () => {
    const r = await openRegister(dir.path);
    const held = (await r.onDisk()).meetings.find((m) => m.id === 'sitzung-vollv-1')!;
    const refused = failed(await r.call('deleteMeeting', { id: held.id, version: held.version }));
    expect(refused.code).toBe('IN_USE');
    const m = await createMeeting(r);
    ok(await r.call('deleteMeeting', { id: m.id, version: m.version }));
    expect((await r.onDisk()).meetings.find((x) => x.id === m.id)?.deletedAt).not.toBeNull();
    ok(await r.call('restoreMeeting', { id: m.id }));
    expect((await r.onDisk()).meetings.find((x) => x.id === m.id)?.deletedAt).toBeNull();
  });
});

describe('Empfehlungen', () => {
  const dir = useTempDir('mpr-empfehlung-');

  it('belong to a session and TOP, and name what became of them', async () => {
    const r = await openRegister(dir.path);
    const fields = {
      number: 'E-2026-01',
      bodyId: VV,
      meetingId: 'sitzung-vollv-1',
      agendaItemId: 's1-top-6',
      date: '2025-11-13',
      addressee: 'lenkungskreis',
      addresseeBodyId: null,
      title: 'Jugendarbeit am See',
      text: 'Die Vollversammlung empfiehlt ein mobiles Angebot.',
      state: 'offen',
      handling: '',
      submissionId: null,
      measureIds: [],
    };
    const rec = ok<{ value: RecommendationRecord }>(await r.call('saveRecommendation', { id: null, version: null, fields })).value;
    ok(
      await r.call('saveRecommendation', {
        id: rec.id,
        version: rec.version,
        fields: { ...fields, state: 'umgesetzt', handling: 'In HF1-06 aufgenommen.', measureIds: ['m-hf1-06'] },
      }),
    );
    expect((await r.onDisk()).recommendations.find((x) => x.id === rec.id)).toMatchObject({
      state: 'umgesetzt',
      handling: 'In HF1-06 aufgenommen.',
      version: 2,
    });
    const wrongTop = failed(
      await r.call('saveRecommendation', { id: null, version: null, fields: { ...fields, number: 'E-2026-02', agendaItemId: 's2-top-5' } }),
    );
    expect(fieldOf(wrongTop, 'agendaItemId')).toBe(participationValidationTexts.unknownAgendaItem);
    const noText = failed(
      await r.call('saveRecommendation', { id: null, version: null, fields: { ...fields, number: 'E-2026-03', text: '   ' } }),
    );
    expect(fieldOf(noText, 'text')).toBe(participationValidationTexts.textRequired);
  });
});

describe('Mitglieder und Gremien', () => {
  const dir = useTempDir('mpr-mitglied-');

  it('members are kept per body with role and term; an end before the start is refused', async () => {
    const r = await openRegister(dir.path);
    const fields = {
      bodyId: VV,
      organisation: 'Integrationsrat',
      orgUnitId: null,
      delegate: 'Demir, Ayla',
      deputy: '',
      role: 'beratend',
      termStart: '2025-11-01',
      termEnd: '2030-10-31',
      note: '',
    };
    const m = ok<{ value: BodyMember }>(await r.call('saveBodyMember', { id: null, version: null, fields })).value;
    expect(ok<BodyMember[]>(await r.call('listBodyMembers', { bodyId: VV })).some((x) => x.id === m.id)).toBe(true);
    expect((await r.onDisk()).audit.at(-1)).toMatchObject({ entityType: 'bodyMember', entityLabel: 'Integrationsrat' });
    const bad = failed(await r.call('saveBodyMember', { id: null, version: null, fields: { ...fields, termEnd: '2020-01-01' } }));
    expect(fieldOf(bad, 'termEnd')).toBe(de.validation.endBeforeStart);
    ok(await r.call('deleteBodyMember', { id: m.id, version: m.version }));
    expect((await r.onDisk()).bodyMembers.some((x) => x.id === m.id)).toBe(false);
  });

  it('a body with members or sessions cannot be deleted (set it inactive instead)', async () => {
    const r = await openRegister(dir.path);
    const refused = failed(await r.call('deleteBody', { id: VV }));
    expect(refused.code).toBe('IN_USE');
    expect((await r.onDisk()).bodies.some((b) => b.id === VV)).toBe(true);
  });
});
