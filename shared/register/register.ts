import { z } from 'zod';
import { actionFieldSchema, editionSchema } from '@shared/editions/edition';
import { auditEntrySchema } from '@shared/audit/audit';
import { bodySchema } from '@shared/participation/body';
import { assessmentSchema, evaluationRoundSchema, importRecordSchema, indicatorSchema } from '@shared/evaluation/evaluation';
import { submissionRevisionSchema, submissionSchema } from '@shared/submissions/submission';
import { measureSchema } from './measure';
import { fortschreibungDraftSchema, fortschreibungSchema } from '@shared/editions/fortschreibungModel';
import { orgUnitSchema } from './orgUnit';
import { emptyReviewState, reviewStateSchema } from '@shared/review/review';
import { id, isoDateTime, requiredLine } from '@shared/core/primitives';
import { bodyMemberSchema, meetingSchema, recommendationSchema } from '@shared/participation/participation';
import { contactSchema, labSchema, proposalSchema } from '@shared/participation/labs';
import { trackedDecisionSchema } from '@shared/participation/tracking';
import { retentionSchema } from '@shared/privacy/retention';
import { statusDefinitionSchema } from './status';
import { de } from '@shared/i18n/de';

/** Version of the stored document. Raise it together with a migration in migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 6;

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

/** The lists of a register that start out empty (everything but its name, Fassungen, Handlungsfelder, Gremien, statuses and settings). */
export type RegisterCollections = Pick<
  RegisterDocument,
  | 'measures'
  | 'submissions'
  | 'submissionRevisions'
  | 'indicators'
  | 'evaluationRounds'
  | 'assessments'
  | 'imports'
  | 'fortschreibungen'
  | 'fortschreibungDrafts'
  | 'reviews'
  | 'bodyMembers'
  | 'meetings'
  | 'recommendations'
  | 'labs'
  | 'proposals'
  | 'contacts'
  | 'trackedDecisions'
  | 'audit'
>;

/**
 * Fresh empty lists for a register of the current version: the one place that knows them all (a new
 * register, test fixtures, the benchmark). Migrations keep their own literals on purpose: a step must
 * add what its version added, not whatever the current version has.
 */
export function emptyCollections(): RegisterCollections {
  return {
    measures: [],
    submissions: [],
    submissionRevisions: [],
    indicators: [],
    evaluationRounds: [],
    assessments: [],
    imports: [],
    fortschreibungen: [],
    fortschreibungDrafts: [],
    reviews: emptyReviewState(),
    bodyMembers: [],
    meetings: [],
    recommendations: [],
    labs: [],
    proposals: [],
    contacts: [],
    trackedDecisions: [],
    audit: [],
  };
}
