import type { ProposalState } from './labs';
import type { RecommendationState } from './participation';
import type { RegisterDocument } from '@shared/register/register';
import type { DecisionState } from './tracking';
import { isOverdue } from './trackingReport';

/**
 * What of Gremien & Beteiligung points to one measure: the Anregungen taken over into it, the
 * recommendations, the tracked council decisions and the agenda items of sessions that name it. Entries
 * in the Papierkorb (and the items of a session in the Papierkorb) are left out. Each list is sorted by
 * date, newest first.
 */
export interface MeasureParticipation {
  proposals: { id: string; number: string; state: ProposalState; category: string; receivedOn: string }[];
  recommendations: { id: string; number: string; title: string; state: RecommendationState; date: string }[];
  /** `decidedOn` is the day of the decision; `overdue` is judged on `today`. */
  decisions: {
    id: string;
    printNumber: string;
    subject: string;
    state: DecisionState;
    decidedOn: string;
    dueDate: string | null;
    overdue: boolean;
  }[];
  /** `body` is the body's short name (its name when it has none); `top` the item's number ("6", "5.1"). */
  agendaItems: { meetingId: string; agendaItemId: string; body: string; meetingNumber: string; date: string; top: string; title: string }[];
}

const newestFirst = (a: string, b: string) => b.localeCompare(a);
const numeric = (a: string, b: string) => a.localeCompare(b, 'de', { numeric: true });

export function measureParticipation(doc: RegisterDocument, measureId: string, today: string): MeasureParticipation {
  const bodies = new Map(doc.bodies.map((b) => [b.id, b.shortName || b.name]));
  const proposals = doc.proposals
    .filter((p) => p.deletedAt === null && p.measureId === measureId)
    .sort((a, b) => newestFirst(a.receivedOn, b.receivedOn) || numeric(b.number, a.number))
    .map((p) => ({ id: p.id, number: p.number, state: p.state, category: p.category, receivedOn: p.receivedOn }));
  const recommendations = doc.recommendations
    .filter((r) => r.deletedAt === null && r.measureIds.includes(measureId))
    .sort((a, b) => newestFirst(a.date, b.date) || numeric(b.number, a.number))
    .map((r) => ({ id: r.id, number: r.number, title: r.title, state: r.state, date: r.date }));
  const decisions = doc.trackedDecisions
    .filter((d) => d.deletedAt === null && d.measureIds.includes(measureId))
    .sort((a, b) => newestFirst(a.decidedOn, b.decidedOn) || numeric(b.printNumber, a.printNumber))
    .map((d) => ({
      id: d.id,
      printNumber: d.printNumber,
      subject: d.subject,
      state: d.state,
      decidedOn: d.decidedOn,
      dueDate: d.dueDate,
      overdue: isOverdue(d, today),
    }));
  const agendaItems = doc.meetings
    .filter((m) => m.deletedAt === null)
    .sort((a, b) => newestFirst(a.date, b.date) || numeric(b.number, a.number))
    .flatMap((m) =>
      m.agenda
        .filter((item) => item.measureIds.includes(measureId))
        .sort((a, b) => numeric(a.number, b.number))
        .map((item) => ({
          meetingId: m.id,
          agendaItemId: item.id,
          body: bodies.get(m.bodyId) ?? '',
          meetingNumber: m.number,
          date: m.date,
          top: item.number,
          title: item.title,
        })),
    );
  return { proposals, recommendations, decisions, agendaItems };
}

export function hasParticipation(links: MeasureParticipation): boolean {
  return links.proposals.length + links.recommendations.length + links.decisions.length + links.agendaItems.length > 0;
}
