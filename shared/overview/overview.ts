import { measuresInScope } from '@shared/evaluation/evaluationOverview';
import type { MeetingState } from '@shared/participation/participation';
import { privacyDue } from '@shared/privacy/privacyDue';
import type { RegisterDocument } from '@shared/register/register';
import { packageRows } from '@shared/review/reviewOverview';
import type { Measure } from '@shared/register/measure';
import type { StatusDefinition } from '@shared/register/status';
import { isOverdue } from '@shared/participation/trackingReport';
import { germanCollator, smallest } from '@shared/core/collate';

/**
 * The Übersicht (start screen): what the register holds and what needs attention today. Pure and small:
 * counts, and short lists of ids with the few words a row shows, never whole records.
 */
export interface StatusCount {
  key: string;
  label: string;
  count: number;
}

export interface ActionFieldCount {
  id: string;
  code: string;
  name: string;
  count: number;
}

export interface OverdueMilestone {
  title: string;
  dueDate: string;
}

export interface OverdueMeasure {
  id: string;
  number: string;
  title: string;
  statusLabel: string;
  /** The planned end, when it has passed; null when only milestones are overdue. */
  plannedEnd: string | null;
  /** Overdue milestones, oldest first (at most MAX_MILESTONES). */
  milestones: OverdueMilestone[];
  /** All overdue milestones of the measure. */
  milestoneCount: number;
  /** The oldest missed date (the list is sorted by it). */
  since: string;
}

export interface OverdueDecision {
  id: string;
  printNumber: string;
  subject: string;
  body: string;
  dueDate: string;
}

export interface OverdueReview {
  id: string;
  reviewer: string;
  dueDate: string;
  itemCount: number;
}

export interface UpcomingMeeting {
  id: string;
  body: string;
  number: string;
  date: string;
  startTime: string | null;
  place: string;
  state: MeetingState;
}

export interface Overview {
  today: string;
  edition: { id: string; name: string };
  /** Measures of the current Fassung, not in the Papierkorb. */
  measureCount: number;
  /** In the order of the status list; active statuses always, others only when used. */
  byStatus: StatusCount[];
  /** Every Handlungsfeld of the current Fassung, in list order. */
  byActionField: ActionFieldCount[];
  overdueMeasures: { total: number; items: OverdueMeasure[] };
  overdueDecisions: { total: number; items: OverdueDecision[] };
  /** Review packages sent and not back yet; those past their due date listed (oldest due first). */
  reviews: { open: number; overdue: number; overdueItems: OverdueReview[] };
  /** Sessions from today on, soonest first. */
  nextMeetings: { total: number; items: UpcomingMeeting[] };
  proposals: {
    /** Eingegangen or in Prüfung. */
    waiting: number;
    /** Of those, without a Rückmeldung to the citizens. */
    waitingWithoutFeedback: number;
    /** Decided (übernommen, erledigt, abgelehnt) but the citizens have not been told. */
    decidedWithoutFeedback: number;
  };
  /** Personal data whose retention period has ended (Datenschutz). */
  privacyDue: number;
}

export const MAX_OVERDUE_MEASURES = 10;
export const MAX_MILESTONES = 3;
export const MAX_OVERDUE_DECISIONS = 5;
export const MAX_OVERDUE_REVIEWS = 5;
export const MAX_MEETINGS = 5;

/** "eingestellt": stopped for good, like the states of 100 % it cannot run late. */
const STOPPED_STATUS = 'eingestellt';

/**
 * A measure in this state is finished and cannot be overdue: its status counts as fully implemented
 * (umgesetzt, verstetigt, zusammengeführt, ersetzt – 100 % in the status list, as progress.ts reads
 * it), or it was stopped (eingestellt). Delayed and deferred measures are not finished.
 */
export function isFinishedStatus(key: string, statuses: readonly StatusDefinition[]): boolean {
  if (key === STOPPED_STATUS) return true;
  return (statuses.find((s) => s.key === key)?.defaultPercent ?? 0) >= 100;
}

const WAITING_PROPOSAL = new Set(['eingegangen', 'in_pruefung']);

/**
 * Why a measure is overdue on `today`: its planned end has passed and/or milestones are open past their
 * date, while it is not finished. null when it is not overdue. Shared by the Übersicht and the measure's page.
 */
export function measureOverdue(
  m: Pick<Measure, 'status' | 'plannedEnd' | 'milestones'>,
  statuses: readonly StatusDefinition[],
  today: string,
): { plannedEnd: string | null; missed: { title: string; dueDate: string }[] } | null {
  if (isFinishedStatus(m.status, statuses)) return null;
  const endPassed = m.plannedEnd !== null && m.plannedEnd < today;
  const missed = m.milestones
    .filter((ms) => ms.doneDate === null && ms.dueDate !== null && ms.dueDate < today)
    .map((ms) => ({ title: ms.title, dueDate: ms.dueDate! }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  if (!endPassed && missed.length === 0) return null;
  return { plannedEnd: endPassed ? m.plannedEnd : null, missed };
}

export function buildOverview(doc: RegisterDocument, today: string): Overview {
  const measures = measuresInScope(doc, null);
  const statusLabel = new Map(doc.statuses.map((s) => [s.key, s.label]));

  const perStatus = new Map<string, number>();
  for (const m of measures) perStatus.set(m.status, (perStatus.get(m.status) ?? 0) + 1);
  const byStatus: StatusCount[] = doc.statuses
    .filter((s) => s.active || perStatus.has(s.key))
    .map((s) => ({ key: s.key, label: s.label, count: perStatus.get(s.key) ?? 0 }));
  // A status no longer in the list still counts, under its key.
  for (const [key, count] of perStatus) if (!statusLabel.has(key)) byStatus.push({ key, label: key, count });

  const perField = new Map<string, number>();
  for (const m of measures) perField.set(m.actionFieldId, (perField.get(m.actionFieldId) ?? 0) + 1);
  const byActionField = doc.actionFields
    .filter((f) => f.editionId === doc.currentEditionId)
    .map((f) => ({ id: f.id, code: f.code, name: f.name, count: perField.get(f.id) ?? 0 }));

  // Only the ten shown are built in full and sorted; the others are only counted (the Übersicht shows
  // "10 of 5,409"). Measures are compared by the date they have been overdue since, then by number.
  const finished = new Set(doc.statuses.filter((s) => isFinishedStatus(s.key, doc.statuses)).map((s) => s.key));
  finished.add(STOPPED_STATUS);
  const lateMeasures: { m: (typeof measures)[number]; since: string }[] = [];
  for (const m of measures) {
    if (finished.has(m.status)) continue;
    let since = m.plannedEnd !== null && m.plannedEnd < today ? m.plannedEnd : null;
    for (const ms of m.milestones)
      if (ms.doneDate === null && ms.dueDate !== null && ms.dueDate < today && (since === null || ms.dueDate < since)) since = ms.dueDate;
    if (since !== null) lateMeasures.push({ m, since });
  }
  const overdue: OverdueMeasure[] = smallest(lateMeasures, MAX_OVERDUE_MEASURES, (a, b) =>
    a.since < b.since ? -1 : a.since > b.since ? 1 : germanCollator.compare(a.m.number, b.m.number),
  ).map(({ m, since }) => {
    const endPassed = m.plannedEnd !== null && m.plannedEnd < today;
    const missed = m.milestones
      .filter((ms) => ms.doneDate === null && ms.dueDate !== null && ms.dueDate < today)
      .map((ms) => ({ title: ms.title, dueDate: ms.dueDate! }))
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    return {
      id: m.id,
      number: m.number,
      title: m.title,
      statusLabel: statusLabel.get(m.status) ?? m.status,
      plannedEnd: endPassed ? m.plannedEnd : null,
      milestones: missed.slice(0, MAX_MILESTONES),
      milestoneCount: missed.length,
      since,
    };
  });

  const bodyName = new Map(doc.bodies.map((b) => [b.id, b.shortName || b.name]));
  const decisions = doc.trackedDecisions
    .filter((d) => d.deletedAt === null && isOverdue(d, today))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.printNumber.localeCompare(b.printNumber));

  const open = packageRows(doc, today).filter((p) => p.status !== 'imported');
  const late = open
    .filter((p) => p.status === 'overdue')
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.createdAt.localeCompare(b.createdAt));

  const upcoming = doc.meetings
    .filter((m) => m.deletedAt === null && m.date >= today)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || germanCollator.compare(a.number, b.number),
    );

  const proposals = doc.proposals.filter((p) => p.deletedAt === null);
  const waiting = proposals.filter((p) => WAITING_PROPOSAL.has(p.state));
  const currentEdition = doc.editions.find((e) => e.id === doc.currentEditionId);

  return {
    today,
    edition: { id: doc.currentEditionId, name: currentEdition?.name ?? '' },
    measureCount: measures.length,
    byStatus,
    byActionField,
    overdueMeasures: { total: lateMeasures.length, items: overdue },
    overdueDecisions: {
      total: decisions.length,
      items: decisions.slice(0, MAX_OVERDUE_DECISIONS).map((d) => ({
        id: d.id,
        printNumber: d.printNumber,
        subject: d.subject,
        body: bodyName.get(d.bodyId) ?? '',
        dueDate: d.dueDate!,
      })),
    },
    reviews: {
      open: open.length,
      overdue: late.length,
      overdueItems: late
        .slice(0, MAX_OVERDUE_REVIEWS)
        .map((p) => ({ id: p.id, reviewer: p.reviewer, dueDate: p.dueDate!, itemCount: p.itemCount })),
    },
    nextMeetings: {
      total: upcoming.length,
      items: upcoming.slice(0, MAX_MEETINGS).map((m) => ({
        id: m.id,
        body: bodyName.get(m.bodyId) ?? '',
        number: m.number,
        date: m.date,
        startTime: m.startTime,
        place: m.place,
        state: m.state,
      })),
    },
    proposals: {
      waiting: waiting.length,
      waitingWithoutFeedback: waiting.filter((p) => p.feedbackOn === null).length,
      decidedWithoutFeedback: proposals.filter((p) => !WAITING_PROPOSAL.has(p.state) && p.anonymisedAt === null && p.feedbackOn === null)
        .length,
    },
    privacyDue: privacyDue(doc, today).length,
  };
}
