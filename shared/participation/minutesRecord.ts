import { de } from '@shared/i18n/de';
import { formatPrintNumber } from '@shared/submissions/submission';
import type { RegisterDocument } from '@shared/register/register';
import type { Meeting, MinutesRecord, RecommendationRecord } from './participation';

/**
 * "Niederschrift abschließen" as a pure step: the record of everything the Niederschrift prints that does
 * not belong to the session itself and may change after it (DOMAIN.md §3: the minutes are the record of
 * the meeting, not of today). The Word export prints the record of a finalised session; before, it reads
 * the register as it is and marks the document ENTWURF.
 */
type RecordSource = Pick<RegisterDocument, 'bodies' | 'submissions' | 'measures' | 'recommendations' | 'trackedDecisions'>;

/** The recommendations of a session: made in it, or referred to by one of its TOPs. */
export function sessionRecommendations(doc: Pick<RegisterDocument, 'recommendations'>, meeting: Meeting): RecommendationRecord[] {
  const referenced = new Set(meeting.agenda.flatMap((i) => i.recommendationIds));
  return doc.recommendations.filter((r) => r.deletedAt === null && (r.meetingId === meeting.id || referenced.has(r.id)));
}

/** The tracked council decisions of a session: decided by its body on its day. */
export function sessionDecisions(doc: Pick<RegisterDocument, 'trackedDecisions'>, meeting: Pick<Meeting, 'bodyId' | 'date'>) {
  return doc.trackedDecisions.filter((d) => d.deletedAt === null && d.bodyId === meeting.bodyId && d.decidedOn === meeting.date);
}

/** The printed addressee: the committee's name when one is named, else the kind ("Verwaltung"). */
export function addresseeLabel(doc: Pick<RegisterDocument, 'bodies'>, r: Pick<RecommendationRecord, 'addressee' | 'addresseeBodyId'>) {
  return (r.addresseeBodyId && doc.bodies.find((b) => b.id === r.addresseeBodyId)?.name) || de.participation.addressees[r.addressee];
}

export function takeMinutesRecord(doc: RecordSource, meeting: Meeting, finalisedAt: string, finalisedBy: string): MinutesRecord {
  const submissionIds = new Set(meeting.agenda.flatMap((i) => i.submissionIds));
  const measureIds = new Set(meeting.agenda.flatMap((i) => i.measureIds));
  const submissionNumbers: Record<string, string> = {};
  for (const s of doc.submissions) if (submissionIds.has(s.id) && !s.deletedAt) submissionNumbers[s.id] = formatPrintNumber(s);
  const measureNumbers: Record<string, string> = {};
  for (const m of doc.measures) if (measureIds.has(m.id) && !m.deletedAt) measureNumbers[m.id] = m.number;
  return {
    finalisedAt,
    finalisedBy,
    bodyName: doc.bodies.find((b) => b.id === meeting.bodyId)?.name ?? '',
    submissionNumbers,
    measureNumbers,
    recommendations: sessionRecommendations(doc, meeting).map((r) => ({
      id: r.id,
      number: r.number,
      agendaItemId: r.agendaItemId,
      addressee: addresseeLabel(doc, r),
      title: r.title,
      text: r.text,
      state: r.state,
    })),
    decisions: sessionDecisions(doc, meeting).map((d) => ({
      id: d.id,
      printNumber: d.printNumber,
      subject: d.subject,
      state: d.state,
      stateText: d.stateText,
    })),
  };
}
