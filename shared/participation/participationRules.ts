import { de } from '@shared/i18n/de';
import type { ProposalFields, ProposalState } from './labs';
import { NO_PERSON, type BodyMemberFields, type Meeting, type MeetingFields, type RecommendationFields } from './participation';
import { personNatural } from './personName';
import { formatDate } from '@shared/core/format';
import { localDay } from '@shared/core/calendar';
import type { RegisterDocument } from '@shared/register/register';
import type { FieldProblem } from '@shared/register/rules';
import type { TrackedDecisionFields } from './tracking';

/**
 * The checks a form cannot make alone: references into the register, uniqueness, and the lifecycle of an
 * Anregung. Each returns the problems at their field; an empty list means the change may be saved.
 */
const participationValidationTexts = de.participation.validation;
const live = <T extends { deletedAt: string | null }>(items: readonly T[]) => items.filter((i) => i.deletedAt === null);

/**
 * Links are checked when they are made: a link the stored record already has stays valid even if its
 * target went to the Papierkorb since (the minutes of a session must not become unsaveable because a
 * measure was deleted elsewhere).
 */
function added(next: readonly string[], before: readonly string[] | undefined): string[] {
  const old = new Set(before ?? []);
  return next.filter((id) => !old.has(id));
}

function liveMeasureIds(doc: RegisterDocument): Set<string> {
  return new Set(doc.measures.filter((m) => m.deletedAt === null).map((m) => m.id));
}

/** Which state an Anregung may move to from each state; closed ones can be reopened for review. */
export const PROPOSAL_TRANSITIONS: Record<ProposalState, readonly ProposalState[]> = {
  eingegangen: ['in_pruefung', 'uebernommen', 'erledigt', 'abgelehnt'],
  in_pruefung: ['eingegangen', 'uebernommen', 'erledigt', 'abgelehnt'],
  uebernommen: ['in_pruefung'],
  erledigt: ['in_pruefung'],
  abgelehnt: ['in_pruefung'],
};

export function canMoveProposal(from: ProposalState, to: ProposalState): boolean {
  return from === to || PROPOSAL_TRANSITIONS[from].includes(to);
}

/**
 * The state rules of an Anregung: an allowed move, a measure for "übernommen", a reason for "abgelehnt".
 * Part of checkProposal; the "Status ändern" dialog asks them before it sends the whole record.
 */
export function proposalStateProblems(
  fields: Pick<ProposalFields, 'state' | 'stateReason' | 'measureId'>,
  before: { state: ProposalState } | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const states = de.participation.proposalStates;
  if (before && !canMoveProposal(before.state, fields.state))
    problems.push({ field: 'state', message: participationValidationTexts.transition(states[before.state], states[fields.state]) });
  if (fields.state === 'uebernommen' && !fields.measureId)
    problems.push({ field: 'measureId', message: participationValidationTexts.measureRequired });
  if (fields.state === 'abgelehnt' && !fields.stateReason.trim())
    problems.push({ field: 'stateReason', message: participationValidationTexts.reasonRequired });
  return problems;
}

export function checkProposal(
  fields: ProposalFields,
  before: { id: string; state: ProposalState; measureId: string | null } | null,
  doc: RegisterDocument,
): FieldProblem[] {
  const problems: FieldProblem[] = proposalStateProblems(fields, before);
  if (
    fields.measureId &&
    fields.measureId !== before?.measureId &&
    !doc.measures.some((m) => m.id === fields.measureId && m.deletedAt === null)
  )
    problems.push({ field: 'measureId', message: participationValidationTexts.unknownMeasure });
  if (fields.source === 'quartierslabor' && !fields.labId)
    problems.push({ field: 'labId', message: participationValidationTexts.labRequired });
  if (fields.labId && !live(doc.labs).some((l) => l.id === fields.labId))
    problems.push({ field: 'labId', message: participationValidationTexts.unknownLab });
  if (fields.meetingId && !live(doc.meetings).some((m) => m.id === fields.meetingId))
    problems.push({ field: 'meetingId', message: participationValidationTexts.unknownMeeting });
  if (fields.assignedOrgUnitId && !doc.orgUnits.some((u) => u.id === fields.assignedOrgUnitId))
    problems.push({ field: 'assignedOrgUnitId', message: participationValidationTexts.unknownOrgUnit });
  if (fields.feedbackOn && !fields.feedbackText.trim())
    problems.push({ field: 'feedbackText', message: participationValidationTexts.feedbackTextRequired });
  const number = fields.number.trim().toLowerCase();
  if (doc.proposals.some((p) => p.id !== before?.id && p.number.trim().toLowerCase() === number))
    problems.push({ field: 'number', message: participationValidationTexts.numberTaken(fields.number) });
  return problems;
}

/** The standard item that approves the minutes of the previous session. */
const APPROVE_MINUTES = de.participation.standardAgenda[3];

/** "A-2026-015" after "A-2026-014" (the year of receipt; gaps are not reused). */
export function suggestProposalNumber(year: number, existing: readonly string[]): string {
  const prefix = `A-${year}-`;
  let highest = 0;
  for (const n of existing) {
    if (!n.startsWith(prefix)) continue;
    const value = Number(n.slice(prefix.length));
    if (Number.isInteger(value) && value > highest) highest = value;
  }
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}

/**
 * A new session of a body, opening with Dortmund's standard items. The constituent (first) session of a
 * body has no earlier Niederschrift to approve, so it opens without that item.
 */
export function newMeetingFields(
  bodyId: string,
  date: string,
  idFor: (index: number) => string,
  options: { firstSession?: boolean } = {},
): MeetingFields {
  const opening = de.participation.standardAgenda.filter((title) => !(options.firstSession && title === APPROVE_MINUTES));
  return {
    bodyId,
    number: '',
    date,
    startTime: null,
    endTime: null,
    place: '',
    state: 'geplant',
    chair: { ...NO_PERSON },
    recorder: { ...NO_PERSON },
    coSigners: [],
    invitationText: '',
    attendance: { members: null, guests: null, organisations: [] },
    agenda: opening.map((title, index) => ({
      id: idFor(index),
      number: String(index + 1),
      title,
      kind: 'standard' as const,
      isPublic: true,
      description: '',
      measureIds: [],
      submissionIds: [],
      recommendationIds: [],
      minutes: '',
      result: '',
    })),
  };
}

export function checkMeeting(fields: MeetingFields, id: string | null, doc: RegisterDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!doc.bodies.some((b) => b.id === fields.bodyId))
    problems.push({ field: 'bodyId', message: participationValidationTexts.unknownBody });
  const number = fields.number.trim().toLowerCase();
  if (live(doc.meetings).some((m) => m.id !== id && m.bodyId === fields.bodyId && m.number.trim().toLowerCase() === number))
    problems.push({ field: 'number', message: participationValidationTexts.meetingNumberTaken(fields.number) });
  if (fields.startTime && fields.endTime && fields.endTime < fields.startTime)
    problems.push({ field: 'endTime', message: participationValidationTexts.endBeforeStart });
  const orgs = new Set<string>();
  fields.attendance.organisations.forEach((o, i) => {
    const key = o.trim().toLowerCase();
    if (orgs.has(key))
      problems.push({ field: `attendance.organisations.${i}`, message: participationValidationTexts.duplicateOrganisation });
    orgs.add(key);
  });
  // "abgeschlossen" is what "Niederschrift abschließen" sets, together with the record (finaliseProblem).
  const storedMeeting = doc.meetings.find((m) => m.id === id);
  if (fields.state === 'abgeschlossen' && !storedMeeting?.minutesRecord)
    problems.push({ field: 'state', message: participationValidationTexts.closedOnlyByFinalising });
  fields.coSigners.forEach((person, i) => {
    if (personNatural(person) === '')
      problems.push({ field: `coSigners.${i}.family`, message: participationValidationTexts.coSignerNameRequired });
  });
  const numbers = new Set<string>();
  const measures = liveMeasureIds(doc);
  const submissions = new Set(doc.submissions.filter((s) => s.deletedAt === null).map((s) => s.id));
  const recommendations = new Set(live(doc.recommendations).map((r) => r.id));
  const stored = new Map((doc.meetings.find((m) => m.id === id)?.agenda ?? []).map((a) => [a.id, a]));
  fields.agenda.forEach((item, i) => {
    if (numbers.has(item.number))
      problems.push({ field: `agenda.${i}.number`, message: participationValidationTexts.duplicateAgendaNumber(item.number) });
    numbers.add(item.number);
    const before = stored.get(item.id);
    if (added(item.measureIds, before?.measureIds).some((m) => !measures.has(m)))
      problems.push({ field: `agenda.${i}.measureIds`, message: participationValidationTexts.unknownMeasure });
    if (added(item.submissionIds, before?.submissionIds).some((s) => !submissions.has(s)))
      problems.push({ field: `agenda.${i}.submissionIds`, message: participationValidationTexts.unknownSubmission });
    if (added(item.recommendationIds, before?.recommendationIds).some((r) => !recommendations.has(r)))
      problems.push({ field: `agenda.${i}.recommendationIds`, message: participationValidationTexts.unknownRecommendation });
  });
  return problems;
}

export function checkRecommendation(fields: RecommendationFields, id: string | null, doc: RegisterDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const before = id ? doc.recommendations.find((r) => r.id === id) : undefined;
  if (!doc.bodies.some((b) => b.id === fields.bodyId))
    problems.push({ field: 'bodyId', message: participationValidationTexts.unknownBody });
  if (fields.addresseeBodyId && !doc.bodies.some((b) => b.id === fields.addresseeBodyId))
    problems.push({ field: 'addresseeBodyId', message: participationValidationTexts.unknownBody });
  const meeting = fields.meetingId ? live(doc.meetings).find((m) => m.id === fields.meetingId) : null;
  if (fields.meetingId && !meeting) problems.push({ field: 'meetingId', message: participationValidationTexts.unknownMeeting });
  if (fields.agendaItemId && !meeting?.agenda.some((a) => a.id === fields.agendaItemId))
    problems.push({ field: 'agendaItemId', message: participationValidationTexts.unknownAgendaItem });
  if (
    fields.submissionId &&
    fields.submissionId !== before?.submissionId &&
    !doc.submissions.some((s) => s.id === fields.submissionId && s.deletedAt === null)
  )
    problems.push({ field: 'submissionId', message: participationValidationTexts.unknownSubmission });
  const measures = liveMeasureIds(doc);
  if (added(fields.measureIds, before?.measureIds).some((m) => !measures.has(m)))
    problems.push({ field: 'measureIds', message: participationValidationTexts.unknownMeasure });
  const number = fields.number.trim().toLowerCase();
  if (doc.recommendations.some((r) => r.id !== id && r.number.trim().toLowerCase() === number))
    problems.push({ field: 'number', message: participationValidationTexts.numberTaken(fields.number) });
  return problems;
}

export function checkMember(fields: BodyMemberFields, doc: RegisterDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!doc.bodies.some((b) => b.id === fields.bodyId))
    problems.push({ field: 'bodyId', message: participationValidationTexts.unknownBody });
  if (fields.orgUnitId && !doc.orgUnits.some((u) => u.id === fields.orgUnitId))
    problems.push({ field: 'orgUnitId', message: participationValidationTexts.unknownOrgUnit });
  if (fields.termStart && fields.termEnd && fields.termEnd < fields.termStart)
    problems.push({ field: 'termEnd', message: de.validation.endBeforeStart });
  return problems;
}

export function checkTrackedDecision(fields: TrackedDecisionFields, id: string | null, doc: RegisterDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const before = id ? doc.trackedDecisions.find((d) => d.id === id) : undefined;
  if (!doc.bodies.some((b) => b.id === fields.bodyId))
    problems.push({ field: 'bodyId', message: participationValidationTexts.unknownBody });
  if (fields.responsibleOrgUnitId && !doc.orgUnits.some((u) => u.id === fields.responsibleOrgUnitId))
    problems.push({ field: 'responsibleOrgUnitId', message: participationValidationTexts.unknownOrgUnit });
  const measures = liveMeasureIds(doc);
  if (added(fields.measureIds, before?.measureIds).some((m) => !measures.has(m)))
    problems.push({ field: 'measureIds', message: participationValidationTexts.unknownMeasure });
  problems.push(...decisionDueProblems(fields));
  return problems;
}

/** The Frist of a tracked decision is not before the decision; also asked by the "Status ändern" dialog. */
export function decisionDueProblems(fields: Pick<TrackedDecisionFields, 'dueDate' | 'decidedOn'>): FieldProblem[] {
  return fields.dueDate && fields.dueDate < fields.decidedOn ? [{ field: 'dueDate', message: de.validation.endBeforeStart }] : [];
}

/** How often each body is used outside its own list (a used body can only be set inactive). */
export function bodyUseCount(doc: RegisterDocument, bodyId: string): number {
  return (
    doc.submissions.filter((s) => s.consultations.some((c) => c.bodyId === bodyId) || s.resolutions.some((r) => r.bodyId === bodyId))
      .length +
    doc.bodyMembers.filter((m) => m.bodyId === bodyId).length +
    doc.meetings.filter((m) => m.bodyId === bodyId).length +
    doc.recommendations.filter((r) => r.bodyId === bodyId || r.addresseeBodyId === bodyId).length +
    doc.trackedDecisions.filter((d) => d.bodyId === bodyId).length
  );
}

/** Whether the session has taken place: held or minutes approved, and not dated after `today`. */
export function sessionHeld(meeting: Pick<Meeting, 'state' | 'date'>, today: string): boolean {
  return (meeting.state === 'durchgefuehrt' || meeting.state === 'abgeschlossen') && meeting.date <= today;
}

/**
 * Why "Niederschrift abschließen" is not possible now, or null: the session must have taken place, not be
 * finalised already, and name the chair and the recorder who sign it.
 */
export function finaliseProblem(meeting: Meeting, today: string): string | null {
  const texts = de.participation.validation;
  if (meeting.deletedAt) return texts.finaliseInTrash;
  if (meeting.minutesRecord) return texts.alreadyFinalised(formatDate(localDay(new Date(meeting.minutesRecord.finalisedAt))));
  if (!sessionHeld(meeting, today))
    return de.participationDocs.meeting.notHeld(formatDate(meeting.date), de.participation.meetingStates[meeting.state]);
  const missing = [
    ...(personNatural(meeting.chair) === '' ? [de.participationDocs.meeting.chair] : []),
    ...(personNatural(meeting.recorder) === '' ? [de.participationDocs.meeting.recorder] : []),
  ];
  return missing.length > 0 ? texts.signersMissing(missing.join(' und ')) : null;
}
