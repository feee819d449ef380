import type { RegisterReference } from '@shared/contract';
import type { Lab } from '@shared/participation/labs';
import type { Meeting } from '@shared/participation/participation';
import type { MeasureRow } from '@shared/register/search';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  bodyNames,
  dateValue,
  districtValue,
  historyFormat,
  idValue,
  isRecord,
  measureNumbers,
  orgUnitNames,
  plainValue,
  textOf,
  wordValue,
  type HistoryFormat,
  type ValueFormatter,
} from '../../ui/historyValues';

/** How the "Verlauf" of an Anregung and of a Quartierslabor shows the recorded values. */
const proposalsTexts = de.proposalsUi;
const h = proposalsTexts.history;
const participationTexts = de.participation;

export function proposalHistory({
  reference,
  rows,
  labs,
  meetings,
}: {
  reference: RegisterReference | null;
  rows: readonly MeasureRow[];
  labs: readonly Pick<Lab, 'id' | 'name'>[];
  meetings: readonly Pick<Meeting, 'id' | 'bodyId' | 'number' | 'date'>[];
}): HistoryFormat {
  const bodies = bodyNames(reference);
  const meetingLabels = new Map(
    meetings.map((m) => [m.id, proposalsTexts.proposal.meetingLabel(bodies.get(m.bodyId) ?? '', m.number, formatDate(m.date))]),
  );
  return historyFormat(
    h.proposalCaption,
    { ...proposalsTexts.proposal.field, ...h.field },
    {
      source: wordValue(participationTexts.proposalSources),
      labId: idValue(new Map(labs.map((l) => [l.id, l.name])), h.unknown),
      meetingId: idValue(meetingLabels, h.unknown),
      receivedOn: dateValue,
      district: districtValue,
      assignedOrgUnitId: idValue(orgUnitNames(reference), h.unknown),
      state: wordValue(participationTexts.proposalStates),
      measureId: idValue(measureNumbers(rows), h.unknown),
      feedbackOn: dateValue,
    },
  );
}

/** "2 Termine: 14.10.2025 (38 Teilnehmende), 20.11.2025 (31 Teilnehmende)". */
const sessionsValue: ValueFormatter = (value) => {
  if (!Array.isArray(value)) return plainValue(value);
  const items = value.map((s) =>
    isRecord(s) ? h.session(formatDate(textOf(s.date)), typeof s.attendingCount === 'number' ? s.attendingCount : null) : plainValue(s),
  );
  return h.list(h.sessions(value.length), items.join(', '));
};

/** "2 Themen: Beleuchtung, Sauberkeit". */
const topicsValue: ValueFormatter = (value) =>
  Array.isArray(value) ? h.list(h.topics(value.length), value.map(plainValue).join(', ')) : plainValue(value);

export function labHistory(): HistoryFormat {
  return historyFormat(h.labCaption, proposalsTexts.lab.field, { district: districtValue, topics: topicsValue, sessions: sessionsValue });
}
