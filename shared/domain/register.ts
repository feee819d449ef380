import { z } from 'zod';
import { actionFieldSchema, editionSchema } from './edition';
import { auditEntrySchema } from './audit';
import { bodySchema } from './body';
import { assessmentSchema, evaluationRoundSchema, importRecordSchema, indicatorSchema } from './evaluation';
import { submissionRevisionSchema, submissionSchema } from './submission';
import { measureSchema } from './measure';
import { fortschreibungDraftSchema, fortschreibungSchema } from './fortschreibungModel';
import { orgUnitSchema } from './orgUnit';
import { emptyReviewState, reviewStateSchema } from './review';
import { id, isoDateTime, requiredLine } from './primitives';
import { bodyMemberSchema, meetingSchema, recommendationSchema } from './participation';
import { contactSchema, labSchema, proposalSchema } from './labs';
import { trackedDecisionSchema } from './tracking';
import { retentionSchema } from './retention';
import { statusDefinitionSchema } from './status';
import { de } from '../i18n/de';

/** Version of the stored document. Raise it together with a migration in migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 5;

export const registerDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  registerId: id,
  name: requiredLine(200, de.validation.nameRequired),
  /** True for the built-in sample register; the UI labels it "Beispieldaten". */
  isSample: z.boolean(),
  createdAt: isoDateTime,
  editions: z.array(editionSchema).min(1),
  currentEditionId: id,
  actionFields: z.array(actionFieldSchema),
  orgUnits: z.array(orgUnitSchema),
  statuses: z.array(statusDefinitionSchema).min(1),
  measures: z.array(measureSchema),
  /** Gremien, shared by the Beratungsfolge of submissions and sessions. */
  bodies: z.array(bodySchema),
  submissions: z.array(submissionSchema),
  submissionRevisions: z.array(submissionRevisionSchema),
  /** Kennzahlen of measures, evaluation rounds and the assessments made in them. */
  indicators: z.array(indicatorSchema),
  evaluationRounds: z.array(evaluationRoundSchema),
  assessments: z.array(assessmentSchema),
  /** Spreadsheet imports, for undoing one as a whole. */
  imports: z.array(importRecordSchema),
  /** Applied Fortschreibungen: how each later Fassung came from its source (fortschreibungModel.ts). */
  fortschreibungen: z.array(fortschreibungSchema).default([]),
  /** Unfinished Fortschreibungen (the wizard's saved work). */
  fortschreibungDrafts: z.array(fortschreibungDraftSchema).default([]),
  /** Offline reviews: packages sent, comment threads and votes that came back, imports (review.ts). */
  reviews: reviewStateSchema.default(emptyReviewState),
  /** Gremien & Beteiligung (participation.ts, labs.ts, tracking.ts). */
  bodyMembers: z.array(bodyMemberSchema),
  meetings: z.array(meetingSchema),
  recommendations: z.array(recommendationSchema),
  labs: z.array(labSchema),
  proposals: z.array(proposalSchema),
  /** Feedback contacts: personal data, kept apart from the Anregungen they belong to. */
  contacts: z.array(contactSchema),
  trackedDecisions: z.array(trackedDecisionSchema),
  /** Retention periods of personal data (retention.ts). */
  retention: retentionSchema,
  audit: z.array(auditEntrySchema),
  /**
   * Revision of a snapshot written by the multi-user store (docs/multi-user.md); the journal beside it
   * continues from here. Stripped when read; older programs refuse the file (they do not know the journal).
   */
  revision: z.number().int().nonnegative().optional(),
});
export type RegisterDocument = z.infer<typeof registerDocumentSchema>;
