import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { id, isoDate, isoDateTime, multiLineText, printNumber, requiredLine, singleLineText } from '@shared/core/primitives';

/** Beschlussverfolgung: council decisions and motions relevant to the masterplan and what became of them. */
export const DECISION_KINDS = ['beschluss', 'antrag', 'anfrage', 'pruefauftrag'] as const;
export const DECISION_STATES = ['offen', 'in_bearbeitung', 'erledigt', 'zurueckgestellt', 'aufgehoben'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];
/** Decisions in these states are finished: never overdue. */
export const CLOSED_DECISION_STATES: readonly DecisionState[] = ['erledigt', 'aufgehoben'];

export const trackedDecisionFieldsSchema = z.strictObject({
  printNumber,
  bodyId: id,
  decidedOn: isoDate,
  kind: z.enum(DECISION_KINDS),
  /** "CDU, SPD, Bündnis 90/Die Grünen" or "Verwaltung". */
  requestingGroup: singleLineText(200),
  subject: requiredLine(300, de.participation.validation.subjectRequired),
  decisionText: multiLineText(10_000),
  dueDate: isoDate.nullable(),
  responsibleOrgUnitId: id.nullable(),
  measureIds: z.array(id).max(200),
  state: z.enum(DECISION_STATES),
  /** The current state in words, as the half-yearly table prints it. */
  stateText: multiLineText(5000),
});
export type TrackedDecisionFields = z.infer<typeof trackedDecisionFieldsSchema>;

export const trackedDecisionSchema = trackedDecisionFieldsSchema.extend({
  id,
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Day the state or its text last changed ("letzte Aktualisierung"). */
  lastUpdateOn: isoDate,
  deletedAt: isoDateTime.nullable(),
});
export type TrackedDecision = z.infer<typeof trackedDecisionSchema>;
