import { de } from '@shared/i18n/de';
import { formatDate } from '@shared/core/format';
import type { RegisterDocument } from '@shared/register/register';
import type { Block } from '@shared/core/richText';
import type { Consultation, SubmissionFields } from '@shared/submissions/submission';
import { DECISION_STATES } from './tracking';
import { countByState, halfYearRange, trackingRows, type HalfYear, type TrackingRow } from './trackingReport';

/**
 * The draft Mitteilung of the Beschlussverfolgung: a council submission that lists each decision of the
 * half-year with its state, to be taken note of (Kenntnisnahme). Pure: the register, the period and a
 * base (the fields of a new blank submission) in, the fields of the draft out. The service creates it
 * through the submission service, so numbering, versions and audit work as for any submission.
 */
const participationDocsMitteilungTexts = de.participationDocs.mitteilung;
const states = de.participation.decisionStates;

/** Limits of the rich-text schema: a table has at most 2,000 rows, a cell at most 5,000 characters. */
const MAX_TABLE_ROWS = 1999;
const MAX_CELL = 5000;
const MAX_LINKED_MEASURES = 2000;

/** The committee for this topic and the council, when the register has them (DEFAULT_BODIES ids). */
const KENNTNISNAHME_BODIES = ['gremium-aboeab', 'gremium-rat'];

const run = (text: string) => ({ text, bold: false, italic: false });
const cell = (text: string) => (text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);

function statusText(row: TrackingRow): string {
  return row.overdue ? participationDocsMitteilungTexts.overdue(states[row.state]) : states[row.state];
}

/** Sachverhalt: intro, the counts as a list, then the table of decisions (header row first). */
export function trackingStatement(rows: readonly TrackingRow[], period: HalfYear): Block[] {
  const range = halfYearRange(period);
  const blocks: Block[] = [
    { type: 'paragraph', runs: [run(participationDocsMitteilungTexts.intro(range.label, formatDate(range.from), formatDate(range.to)))] },
  ];
  if (rows.length === 0) return [...blocks, { type: 'paragraph', runs: [run(participationDocsMitteilungTexts.none)] }];
  const counts = countByState(rows);
  blocks.push({ type: 'paragraph', runs: [run(participationDocsMitteilungTexts.countsIntro(rows.length))] });
  blocks.push({
    type: 'bulletList',
    items: [
      ...DECISION_STATES.filter((s) => counts[s] > 0).map((s) => [run(participationDocsMitteilungTexts.countLine(states[s], counts[s]))]),
      [run(participationDocsMitteilungTexts.overdueLine(counts.overdue))],
    ],
  });
  blocks.push({ type: 'paragraph', runs: [run(participationDocsMitteilungTexts.tableIntro)] });
  blocks.push({
    type: 'table',
    rows: [
      [...participationDocsMitteilungTexts.header],
      ...rows
        .slice(0, MAX_TABLE_ROWS)
        .map((r) => [
          r.printNumber,
          cell(r.subject),
          r.dueDate ? formatDate(r.dueDate) : participationDocsMitteilungTexts.noDue,
          cell(r.responsible),
          statusText(r),
          cell(r.stateText),
        ]),
    ],
  });
  return blocks;
}

/** The measures of the period's decisions (each once, only those not in the Papierkorb), in register order. */
export function trackingMeasureIds(doc: RegisterDocument, rows: readonly TrackingRow[]): string[] {
  const listed = new Set(rows.map((r) => r.id));
  const wanted = new Set(doc.trackedDecisions.filter((d) => listed.has(d.id)).flatMap((d) => d.measureIds));
  return doc.measures
    .filter((m) => m.deletedAt === null && wanted.has(m.id))
    .map((m) => m.id)
    .slice(0, MAX_LINKED_MEASURES);
}

/**
 * The fields of the draft Mitteilung for `period`, on top of `base` (author, date … of a new submission).
 * `today` decides what is overdue; `newId` gives the ids of the Beratungsfolge rows.
 */
export function trackingMitteilungFields(
  doc: RegisterDocument,
  period: HalfYear,
  today: string,
  base: SubmissionFields,
  newId: () => string,
): SubmissionFields {
  const rows = trackingRows(doc, today, period);
  const label = halfYearRange(period).label;
  const bodyIds = new Set(doc.bodies.map((b) => b.id));
  const consultations: Consultation[] = KENNTNISNAHME_BODIES.filter((id) => bodyIds.has(id)).map((bodyId) => ({
    id: newId(),
    bodyId,
    sessionDate: null,
    role: 'kenntnisnahme',
    result: 'offen',
    resultNote: '',
  }));
  return {
    ...base,
    kind: 'mitteilung',
    status: 'entwurf',
    isPublic: true,
    subject: participationDocsMitteilungTexts.subject(label),
    consultations,
    resolutions: [{ bodyId: null, text: participationDocsMitteilungTexts.resolution(label) }],
    statement: trackingStatement(rows, period),
    climateImpact: 'keine',
    climateReason: participationDocsMitteilungTexts.climateReason,
    linkedMeasureIds: trackingMeasureIds(doc, rows),
  };
}
