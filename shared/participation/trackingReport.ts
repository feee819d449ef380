import { de } from '@shared/i18n/de';
import { orgUnitLabel } from '@shared/register/orgUnit';
import type { RegisterDocument } from '@shared/register/register';
import { CLOSED_DECISION_STATES, type DecisionState, type TrackedDecision } from './tracking';

/** The half-yearly view of the Beschlussverfolgung: which decisions, their state, what is overdue. */
export interface HalfYear {
  year: number;
  half: 1 | 2;
}

export function halfYearRange(period: HalfYear): { from: string; to: string; label: string } {
  return period.half === 1
    ? { from: `${period.year}-01-01`, to: `${period.year}-06-30`, label: de.participation.halfYear(period.year, 1) }
    : { from: `${period.year}-07-01`, to: `${period.year}-12-31`, label: de.participation.halfYear(period.year, 2) };
}

export function halfYearOf(day: string): HalfYear {
  return { year: Number(day.slice(0, 4)), half: Number(day.slice(5, 7)) <= 6 ? 1 : 2 };
}

export function isDecisionOpen(state: DecisionState): boolean {
  return !CLOSED_DECISION_STATES.includes(state);
}

/** Past its deadline and not finished. */
export function isOverdue(decision: Pick<TrackedDecision, 'state' | 'dueDate'>, today: string): boolean {
  return isDecisionOpen(decision.state) && decision.dueDate !== null && decision.dueDate < today;
}

export interface TrackingRow {
  id: string;
  printNumber: string;
  body: string;
  decidedOn: string;
  kind: TrackedDecision['kind'];
  requestingGroup: string;
  subject: string;
  decisionText: string;
  dueDate: string | null;
  responsible: string;
  /** Numbers of the linked measures ("HF2-07, HF2-08"). */
  measures: string;
  state: DecisionState;
  stateText: string;
  lastUpdateOn: string;
  overdue: boolean;
}

/**
 * The rows of the half-yearly table: decisions taken up to the period's end, except those finished before
 * it began; sorted by date of decision and Drucksache. Without a period: every decision not in the Papierkorb.
 */
export function trackingRows(doc: RegisterDocument, today: string, period: HalfYear | null = null): TrackingRow[] {
  const range = period ? halfYearRange(period) : null;
  const bodies = new Map(doc.bodies.map((b) => [b.id, b.shortName || b.name]));
  const units = new Map(doc.orgUnits.map((u) => [u.id, orgUnitLabel(u)]));
  const numbers = new Map(doc.measures.map((m) => [m.id, m.number]));
  return doc.trackedDecisions
    .filter((d) => d.deletedAt === null)
    .filter((d) => !range || (d.decidedOn <= range.to && (isDecisionOpen(d.state) || d.lastUpdateOn >= range.from)))
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.printNumber.localeCompare(b.printNumber))
    .map((d) => ({
      id: d.id,
      printNumber: d.printNumber,
      body: bodies.get(d.bodyId) ?? '',
      decidedOn: d.decidedOn,
      kind: d.kind,
      requestingGroup: d.requestingGroup,
      subject: d.subject,
      decisionText: d.decisionText,
      dueDate: d.dueDate,
      responsible: d.responsibleOrgUnitId ? (units.get(d.responsibleOrgUnitId) ?? '') : '',
      measures: d.measureIds
        .map((id) => numbers.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
      state: d.state,
      stateText: d.stateText,
      lastUpdateOn: d.lastUpdateOn,
      // Judged at the period's end for a report, today otherwise.
      overdue: isOverdue(d, range && range.to < today ? range.to : today),
    }));
}

/** Counts per state, for the head of the table and the Mitteilung. */
export function countByState(rows: readonly TrackingRow[]): Record<DecisionState, number> & { overdue: number } {
  const counts = { offen: 0, in_bearbeitung: 0, erledigt: 0, zurueckgestellt: 0, aufgehoben: 0, overdue: 0 };
  for (const row of rows) {
    counts[row.state]++;
    if (row.overdue) counts.overdue++;
  }
  return counts;
}
