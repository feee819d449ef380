import type { RegisterReference } from '@shared/contract';
import type { FieldProblem } from '@shared/register/rules';
import type { MeasureRow } from '@shared/register/search';
import { foldForSearch } from '@shared/register/search';
import { trackedDecisionFieldsSchema, type TrackedDecision, type TrackedDecisionFields } from '@shared/participation/tracking';
import { trackingRows, type HalfYear, type TrackingRow } from '@shared/participation/trackingReport';
import type { RegisterDocument } from '@shared/register/register';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { readDateEntry } from '../../ui/dateEntry';

/**
 * Pure helpers of the Beschlussverfolgung screens: the rows of the table (the same `trackingRows` the
 * Excel table and the Mitteilung use), the half-years to choose from, and the editor's form as typed.
 */

/** `trackingRows` reads only these four lists; the renderer has them from the contract. */
export function decisionRows(
  decisions: readonly TrackedDecision[],
  reference: RegisterReference,
  measures: readonly MeasureRow[],
  today: string,
  period: HalfYear | null = null,
): TrackingRow[] {
  const doc = {
    bodies: reference.bodies,
    orgUnits: reference.orgUnits,
    measures: measures.map((m) => ({ id: m.id, number: m.number })),
    trackedDecisions: decisions,
  };
  return trackingRows(doc as unknown as RegisterDocument, today, period);
}

/** Everything the search box looks through, folded like the register's search. */
export function rowHaystack(row: TrackingRow): string {
  return foldForSearch(
    [row.printNumber, row.body, row.requestingGroup, row.subject, row.decisionText, row.responsible, row.measures, row.stateText].join(' '),
  );
}

export function periodKey(period: HalfYear): string {
  return `${period.year}-${period.half}`;
}

export function parsePeriodKey(key: string): HalfYear {
  const [year, half] = key.split('-').map(Number);
  return { year: year!, half: half === 2 ? 2 : 1 };
}

/** Half-years from the earliest decision (at most back to two years before today's) up to today's, newest first. */
export function halfYearChoices(today: HalfYear, decisions: readonly Pick<TrackedDecision, 'decidedOn'>[]): HalfYear[] {
  const earliest = decisions.reduce((min, d) => Math.min(min, Number(d.decidedOn.slice(0, 4))), today.year - 2);
  const first = Math.max(earliest, 1990);
  const choices: HalfYear[] = [];
  for (let year = today.year; year >= first; year--) {
    for (const half of [2, 1] as const) {
      if (year === today.year && half > today.half) continue;
      choices.push({ year, half });
    }
  }
  return choices;
}

export interface DecisionForm {
  printNumber: string;
  bodyId: string;
  decidedOn: string;
  kind: TrackedDecisionFields['kind'];
  requestingGroup: string;
  subject: string;
  decisionText: string;
  dueDate: string;
  responsibleOrgUnitId: string;
  measureIds: string[];
  state: TrackedDecisionFields['state'];
  stateText: string;
}

export function emptyDecisionForm(): DecisionForm {
  return {
    printNumber: '',
    bodyId: '',
    decidedOn: '',
    kind: 'beschluss',
    requestingGroup: '',
    subject: '',
    decisionText: '',
    dueDate: '',
    responsibleOrgUnitId: '',
    measureIds: [],
    state: 'offen',
    stateText: '',
  };
}

export function toDecisionForm(d: TrackedDecisionFields): DecisionForm {
  return {
    printNumber: d.printNumber,
    bodyId: d.bodyId,
    decidedOn: formatDate(d.decidedOn),
    kind: d.kind,
    requestingGroup: d.requestingGroup,
    subject: d.subject,
    decisionText: d.decisionText,
    dueDate: formatDate(d.dueDate),
    responsibleOrgUnitId: d.responsibleOrgUnitId ?? '',
    measureIds: [...d.measureIds],
    state: d.state,
    stateText: d.stateText,
  };
}

/**
 * Form text → fields, with a German problem for each field that cannot be stored: unreadable dates first,
 * then whatever the stored schema refuses (the same messages the main side would send).
 */
export function fromDecisionForm(form: DecisionForm): { fields: TrackedDecisionFields; problems: FieldProblem[] } {
  const trackingEditorTexts = de.trackingUi.editor;
  const problems: FieldProblem[] = [];
  const date = (text: string, field: string, required: string | null): string | null => {
    if (text.trim() === '') {
      if (required) problems.push({ field, message: required });
      return null;
    }
    const iso = readDateEntry(text);
    if (!iso) problems.push({ field, message: de.validation.date });
    return iso;
  };
  const decidedOn = date(form.decidedOn, 'decidedOn', trackingEditorTexts.decidedOnRequired);
  const dueDate = date(form.dueDate, 'dueDate', null);
  if (!form.bodyId) problems.push({ field: 'bodyId', message: trackingEditorTexts.bodyRequired });
  const fields: TrackedDecisionFields = {
    printNumber: form.printNumber.trim(),
    bodyId: form.bodyId,
    decidedOn: decidedOn ?? '',
    kind: form.kind,
    requestingGroup: form.requestingGroup.trim(),
    subject: form.subject.trim(),
    decisionText: form.decisionText,
    dueDate,
    responsibleOrgUnitId: form.responsibleOrgUnitId || null,
    measureIds: form.measureIds,
    state: form.state,
    stateText: form.stateText,
  };
  const parsed = trackedDecisionFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
    }
  }
  if (decidedOn && dueDate && dueDate < decidedOn && !problems.some((p) => p.field === 'dueDate'))
    problems.push({ field: 'dueDate', message: de.validation.endBeforeStart });
  const order = Object.keys(trackedDecisionFieldsSchema.shape);
  problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { fields, problems };
}
