import type { RegisterReference, SubmissionRow } from '@shared/contract';
import type { JsonValue } from '@shared/audit/audit';
import type { Meeting } from '@shared/participation/participation';
import type { MeasureRow } from '@shared/register/search';
import { formatDate } from '@shared/core/format';
import { personNatural } from '@shared/participation/personName';
import { de } from '@shared/i18n/de';
import {
  bodyNames,
  dateValue,
  historyFormat,
  idListValue,
  idValue,
  isRecord,
  measureNumbers,
  plainValue,
  textOf,
  wordValue,
  type HistoryFormat,
  type ValueFormatter,
} from '../../ui/historyValues';

/** How the "Verlauf" of a session and of a recommendation shows the recorded values. */
const meetingsTexts = de.meetingsUi;
const h = meetingsTexts.history;
const participationTexts = de.participation;

/** A name stored in parts, as the documents print it ("Dr. Marion Beispiel"); older entries hold text. */
const personText = (value: JsonValue): string =>
  isRecord(value) ? personNatural({ title: textOf(value.title), given: textOf(value.given), family: textOf(value.family) }) : textOf(value);
const personValue: ValueFormatter = (value) => (isRecord(value) ? personText(value) || h.nobody : plainValue(value));
const personsValue: ValueFormatter = (value) =>
  Array.isArray(value) ? value.map(personText).filter(Boolean).join(', ') || h.nobody : plainValue(value);

const timeValue: ValueFormatter = (value) => (typeof value === 'string' ? h.time(value) : plainValue(value));

/** "7 Tagesordnungspunkte", and after a change "8 Tagesordnungspunkte – neu: TOP 6; geändert: TOP 5". */
const agendaValue: ValueFormatter = (value, { side, change }) => {
  if (!Array.isArray(value)) return plainValue(value);
  const summary = h.agendaItems(value.length);
  if (side !== 'new' || !Array.isArray(change.old)) return summary;
  const items = value.filter(isRecord);
  const before = change.old.filter(isRecord);
  const top = (item: { [key: string]: JsonValue }) => h.top(textOf(item.number));
  const beforeById = new Map(before.map((item) => [textOf(item.id), item]));
  const nowIds = new Set(items.map((item) => textOf(item.id)));
  const added = items.filter((item) => !beforeById.has(textOf(item.id))).map(top);
  const changed = items
    .filter((item) => {
      const old = beforeById.get(textOf(item.id));
      return old !== undefined && JSON.stringify(old) !== JSON.stringify(item);
    })
    .map(top);
  const removed = before.filter((item) => !nowIds.has(textOf(item.id))).map(top);
  const parts = [
    added.length > 0 ? h.added(added.join(', ')) : '',
    changed.length > 0 ? h.changed(changed.join(', ')) : '',
    removed.length > 0 ? h.removed(removed.join(', ')) : '',
  ];
  return h.withChanges(summary, parts.filter(Boolean));
};

const organisationsOf = (value: JsonValue | undefined) => (Array.isArray(value) ? value.map(plainValue) : []);

/** "11 Mitglieder, 6 Gäste, 8 Organisationen", and after a change which organisations came or went. */
const attendanceValue: ValueFormatter = (value, { side, change }) => {
  if (!isRecord(value)) return plainValue(value);
  const organisations = organisationsOf(value.organisations);
  const parts = [
    typeof value.members === 'number' ? h.members(value.members) : '',
    typeof value.guests === 'number' ? h.guests(value.guests) : '',
    organisations.length > 0 ? h.organisations(organisations.length) : '',
  ].filter(Boolean);
  const summary = parts.length > 0 ? parts.join(', ') : h.attendanceNone;
  if (side !== 'new' || !isRecord(change.old)) return summary;
  const before = organisationsOf(change.old.organisations);
  const added = organisations.filter((o) => !before.includes(o));
  const gone = before.filter((o) => !organisations.includes(o));
  return h.withChanges(
    summary,
    [added.length > 0 ? h.organisationsAdded(added.join(', ')) : '', gone.length > 0 ? h.organisationsRemoved(gone.join(', ')) : ''].filter(
      Boolean,
    ),
  );
};

export function meetingHistory({ reference }: { reference: RegisterReference | null }): HistoryFormat {
  const labels = {
    ...meetingsTexts.editor.field,
    agenda: meetingsTexts.editor.sections.agenda,
    attendance: meetingsTexts.editor.sections.attendance,
    coSigners: meetingsTexts.editor.signers.coSigners,
    minutesRecord: meetingsTexts.editor.finalise.title,
  };
  return historyFormat(h.meetingCaption, labels, {
    bodyId: idValue(bodyNames(reference), meetingsTexts.picker.unknown),
    date: dateValue,
    startTime: timeValue,
    endTime: timeValue,
    state: wordValue(participationTexts.meetingStates),
    attendance: attendanceValue,
    agenda: agendaValue,
    chair: personValue,
    recorder: personValue,
    coSigners: personsValue,
  });
}

export function recommendationHistory({
  reference,
  rows,
  meetings,
  submissions,
}: {
  reference: RegisterReference | null;
  rows: readonly MeasureRow[];
  meetings: readonly Pick<Meeting, 'id' | 'number' | 'date' | 'agenda'>[];
  submissions: readonly Pick<SubmissionRow, 'id' | 'printNumber' | 'subject'>[];
}): HistoryFormat {
  const bodies = bodyNames(reference);
  const meetingLabels = new Map(meetings.map((m) => [m.id, meetingsTexts.meetings.label(m.number, formatDate(m.date))]));
  const agendaItems = new Map(
    meetings.flatMap((m) => m.agenda.map((a) => [a.id, meetingsTexts.agenda.legend(a.number, a.title)] as const)),
  );
  const submissionLabels = new Map(
    submissions.map((s) => [s.id, meetingsTexts.recommendationForm.submissionLabel(s.printNumber, s.subject)]),
  );
  return historyFormat(h.recommendationCaption, meetingsTexts.recommendationForm.field, {
    bodyId: idValue(bodies, meetingsTexts.picker.unknown),
    meetingId: idValue(meetingLabels, meetingsTexts.picker.unknown),
    agendaItemId: idValue(agendaItems, meetingsTexts.picker.unknown),
    date: dateValue,
    addressee: wordValue(participationTexts.addressees),
    addresseeBodyId: idValue(bodies, meetingsTexts.picker.unknown),
    state: wordValue(participationTexts.recommendationStates),
    submissionId: idValue(submissionLabels, meetingsTexts.picker.unknown),
    measureIds: idListValue(measureNumbers(rows), meetingsTexts.picker.unknown),
  });
}
