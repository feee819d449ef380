import { describe, expect, it } from 'vitest';
import type { BodyMember, Meeting } from '@shared/participation/participation';
import { newMeetingFields } from '@shared/participation/participationRules';
import {
  emptyAgendaItem,
  fromMeetingForm,
  fromRecommendationForm,
  meetingFieldLabel,
  memberOrganisations,
  memberState,
  moveItem,
  newRecommendationForm,
  nextAgendaNumber,
  renumberAgenda,
  suggestMeetingNumber,
  suggestRecommendationNumber,
  toMeetingForm,
} from '@renderer/features/meetings/meetingForm';

/** The session and recommendation forms: text as typed → stored fields, with German problems at their fields. */
const ids = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const blank = () => toMeetingForm({ ...newMeetingFields('gremium-vollversammlung', '2026-03-12', ids), number: '3. Sitzung' });

describe('Sitzungsformular', () => {
  it('reads German date, times and counts; the standard TOPs come along unchanged', () => {
    const form = {
      ...blank(),
      date: '1.4.2026',
      startTime: '9:30',
      endTime: '18.00',
      members: '24',
      guests: '',
      organisations: [' Polizeipräsidium Dortmund '],
    };
    const { fields, problems } = fromMeetingForm(form);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      date: '2026-04-01',
      startTime: '09:30',
      endTime: '18:00',
      attendance: { members: 24, guests: null, organisations: ['Polizeipräsidium Dortmund'] },
    });
    expect(fields.agenda.map((a) => a.number)).toEqual(['1', '2', '3', '4']);
    expect(toMeetingForm(fields).date).toBe('01.04.2026');
  });

  it('reports each problem at its own field, in German, as the service names the paths', () => {
    const form = blank();
    form.date = '31.02.2026';
    form.startTime = '18:00';
    form.endTime = '16:00';
    form.members = 'zwölf';
    form.number = ' ';
    form.organisations = ['Cityring Dortmund', 'cityring dortmund', ''];
    form.agenda[1] = { ...form.agenda[1]!, number: '1' };
    form.agenda[2] = { ...form.agenda[2]!, number: '3a' };
    const { problems } = fromMeetingForm(form);
    const at = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(at).toEqual({
      date: 'Bitte ein Datum im Format TT.MM.JJJJ eingeben.',
      endTime: 'Das Ende liegt vor dem Beginn.',
      'attendance.members': 'Bitte eine ganze Zahl ohne Vorzeichen eingeben (z. B. 24).',
      'attendance.organisations.1': 'Diese Organisation steht schon in der Liste.',
      'attendance.organisations.2': 'Bitte die entsendende Organisation angeben.',
      'agenda.1.number': 'Die TOP-Nummer „1“ kommt mehrfach vor.',
      'agenda.2.number': 'Die TOP-Nummer besteht aus Ziffern, mit einem Punkt für Unterpunkte (z. B. „5“ oder „5.1“).',
      number: 'Bitte die Sitzungsnummer angeben (z. B. „3. Sitzung“).',
    });
    expect(meetingFieldLabel('agenda.1.number', form)).toBe('TOP 1: Nummer');
    expect(meetingFieldLabel('attendance.organisations.2', form)).toBe('Organisation 3');
    expect(meetingFieldLabel('endTime', form)).toBe('Ende');
  });

  it('an invalid time is named by the schema; an empty date is asked for', () => {
    const { problems } = fromMeetingForm({ ...blank(), date: '', startTime: '25:00' });
    expect(problems).toEqual([
      { field: 'date', message: 'Bitte das Datum angeben (TT.MM.JJJJ).' },
      { field: 'startTime', message: 'Bitte eine Uhrzeit im Format HH:MM eingeben (z. B. 16:00).' },
    ]);
  });
});

describe('Tagesordnung', () => {
  const agenda = (numbers: string[]) => numbers.map((n, i) => ({ ...emptyAgendaItem(ids(i), n), title: `T${i}` }));

  it('numbers a new TOP after the highest main number', () => {
    expect(nextAgendaNumber(agenda(['1', '2', '4.1', '4']))).toBe('5');
    expect(nextAgendaNumber([])).toBe('1');
  });

  it('renumbers in list order and keeps sub-items under the item before them', () => {
    expect(renumberAgenda(agenda(['1', '3', '3.1', '3.2', '2', '7'])).map((a) => a.number)).toEqual(['1', '2', '2.1', '2.2', '3', '4']);
    // A sub-item at the very top has no parent and becomes a main item.
    expect(renumberAgenda(agenda(['5.1', '2'])).map((a) => a.number)).toEqual(['1', '2']);
  });

  it('moves an item one up or down and leaves the ends alone', () => {
    const items = agenda(['1', '2', '3']);
    expect(moveItem(items, 2, -1).map((a) => a.title)).toEqual(['T0', 'T2', 'T1']);
    expect(moveItem(items, 0, -1).map((a) => a.title)).toEqual(['T0', 'T1', 'T2']);
    expect(moveItem(items, 2, 1).map((a) => a.title)).toEqual(['T0', 'T1', 'T2']);
  });
});

describe('Nummernvorschläge', () => {
  const meeting = (bodyId: string, number: string, deletedAt: string | null = null) => ({ bodyId, number, deletedAt }) as Meeting;

  it('suggests the next session of the same body', () => {
    const meetings = [
      meeting('vv', '1. Sitzung'),
      meeting('vv', '2. Sitzung'),
      meeting('rat', '7. Sitzung'),
      meeting('vv', 'Sondersitzung'),
    ];
    expect(suggestMeetingNumber(meetings, 'vv')).toBe('3. Sitzung');
    expect(suggestMeetingNumber(meetings, 'lk')).toBe('1. Sitzung');
  });

  it('suggests E-<Jahr>-NN after the highest of that year; gaps are not reused', () => {
    expect(suggestRecommendationNumber(2026, ['E-2025-07', 'E-2026-01', 'E-2026-04'])).toBe('E-2026-05');
    expect(suggestRecommendationNumber(2027, ['E-2026-04'])).toBe('E-2027-01');
    expect(newRecommendationForm({ bodyId: 'vv', meetingId: 'm', agendaItemId: 'a', date: '2026-03-12' }, ['E-2026-01'])).toMatchObject({
      number: 'E-2026-02',
      bodyId: 'vv',
      meetingId: 'm',
      agendaItemId: 'a',
      date: '12.03.2026',
      state: 'offen',
    });
  });

  it('a recommendation keeps the committee only when addressed to a committee, and the TOP only with a session', () => {
    const form = {
      ...newRecommendationForm({ bodyId: 'gremium-vollversammlung', date: '2026-03-12' }, []),
      title: 'Beleuchtung',
      text: 'Text',
      addresseeBodyId: 'gremium-aboeab',
      agendaItemId: 'x',
    };
    const { fields, problems } = fromRecommendationForm(form);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({ addressee: 'rat', addresseeBodyId: null, meetingId: null, agendaItemId: null, date: '2026-03-12' });
    expect(fromRecommendationForm({ ...form, text: '  ' }).problems).toEqual([{ field: 'text', message: 'Bitte den Text eingeben.' }]);
  });
});

describe('Mitglieder', () => {
  const member = (organisation: string, termStart: string | null, termEnd: string | null) =>
    ({ organisation, termStart, termEnd }) as BodyMember;

  it('tells current, former and future members apart by their term', () => {
    expect(memberState(member('A', '2025-11-01', '2030-10-31'), '2026-11-26')).toBe('current');
    expect(memberState(member('A', '2020-11-01', '2024-10-31'), '2026-11-26')).toBe('former');
    expect(memberState(member('A', '2027-01-01', null), '2026-11-26')).toBe('future');
    expect(memberState(member('A', null, '2026-11-26'), '2026-11-26')).toBe('current');
  });

  it('offers each organisation serving on the session date once, in list order, never a name', () => {
    const members = [
      member('CDU-Fraktion im Rat', '2025-11-01', null),
      member('Jugendring Dortmund', '2020-11-01', '2024-10-31'),
      member('cdu-fraktion im rat', null, null),
      member('Polizeipräsidium Dortmund', null, null),
    ];
    expect(memberOrganisations(members, '2026-03-12')).toEqual(['CDU-Fraktion im Rat', 'Polizeipräsidium Dortmund']);
    expect(memberOrganisations(members, null)).toEqual(['CDU-Fraktion im Rat', 'Jugendring Dortmund', 'Polizeipräsidium Dortmund']);
  });
});
