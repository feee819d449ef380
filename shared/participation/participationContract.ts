import { z } from 'zod';
import { byId, byIdAndVersion, draftId, empty, method, version, type ExportResult, type Saved } from '@shared/core/contractKit';
import { contactFieldsSchema, labFieldsSchema, proposalFieldsSchema, type FeedbackContact, type Lab, type Proposal } from './labs';
import { measureFieldsSchema, type Measure } from '@shared/register/measure';
import {
  bodyMemberFieldsSchema,
  meetingFieldsSchema,
  recommendationFieldsSchema,
  type BodyMember,
  type Meeting,
  type RecommendationRecord,
} from './participation';
import type { MeasureParticipation } from './measureParticipation';
import { id } from '@shared/core/primitives';
import type { Submission } from '@shared/submissions/submission';
import { trackedDecisionFieldsSchema, type TrackedDecision } from './tracking';

/**
 * The contract methods of Gremien & Beteiligung (spread into `contract` in contract.ts, names in
 * methods.ts, bound to the services by participationHandlers). Lists return the entries in the
 * Papierkorb too (`deletedAt` set), so the Papierkorb and the lists share one call.
 */
const save = <S extends z.ZodType>(fields: S) => z.strictObject({ id: draftId, version: version.nullable(), fields });
export const halfYearSchema = z.strictObject({ year: z.number().int().min(1990).max(2100), half: z.union([z.literal(1), z.literal(2)]) });

/** An Anregung in a list: whether a feedback contact exists, never the contact itself. */
export type ProposalListItem = Proposal & { hasContact: boolean };

export const participationContract = {
  listBodyMembers: method<BodyMember[]>()(z.strictObject({ bodyId: id.nullable() })),
  saveBodyMember: method<Saved<BodyMember>>()(save(bodyMemberFieldsSchema)),
  deleteBodyMember: method<Saved<null>>()(byIdAndVersion),

  listMeetings: method<Meeting[]>()(empty),
  getMeeting: method<Meeting>()(byId),
  saveMeeting: method<Saved<Meeting>>()(save(meetingFieldsSchema)),
  deleteMeeting: method<Saved<null>>()(byIdAndVersion),
  restoreMeeting: method<Saved<null>>()(byId),
  /** "Niederschrift abschließen": state "abgeschlossen" and the record of recommendations and decisions as of now (audited). */
  finaliseMinutes: method<Saved<Meeting>>()(byIdAndVersion),
  /** "Einladung mit Tagesordnung" or "Niederschrift" as Word file, through the save dialog. Null when cancelled. */
  exportMeeting: method<ExportResult | null>()(z.strictObject({ id, kind: z.enum(['einladung', 'niederschrift']), open: z.boolean() })),

  listRecommendations: method<RecommendationRecord[]>()(empty),
  saveRecommendation: method<Saved<RecommendationRecord>>()(save(recommendationFieldsSchema)),
  deleteRecommendation: method<Saved<null>>()(byIdAndVersion),
  restoreRecommendation: method<Saved<null>>()(byId),

  listLabs: method<Lab[]>()(empty),
  saveLab: method<Saved<Lab>>()(save(labFieldsSchema)),
  deleteLab: method<Saved<null>>()(byIdAndVersion),
  restoreLab: method<Saved<null>>()(byId),

  listProposals: method<ProposalListItem[]>()(empty),
  saveProposal: method<Saved<Proposal>>()(save(proposalFieldsSchema)),
  deleteProposal: method<Saved<null>>()(byIdAndVersion),
  restoreProposal: method<Saved<null>>()(byId),
  /** Creates the measure and marks the Anregung "übernommen in Maßnahme" with the link, in one write. */
  createMeasureFromProposal: method<Saved<{ measure: Measure; proposal: Proposal }>>()(
    z.strictObject({ proposalId: id, proposalVersion: version, fields: measureFieldsSchema }),
  ),
  /** Everything of Gremien & Beteiligung that points to a measure (Anregungen, Empfehlungen, Beschlüsse, TOPs); NOT_FOUND for an unknown measure. */
  getMeasureParticipation: method<MeasureParticipation>()(z.strictObject({ measureId: id })),
  getProposalContact: method<FeedbackContact | null>()(z.strictObject({ proposalId: id })),
  saveProposalContact: method<Saved<FeedbackContact>>()(z.strictObject({ proposalId: id, fields: contactFieldsSchema })),
  deleteProposalContact: method<Saved<null>>()(z.strictObject({ proposalId: id })),
  /** Excel: Anregungen with their state, overview per district and state; contacts only when chosen (audited). */
  exportProposals: method<ExportResult | null>()(z.strictObject({ includePersonalData: z.boolean(), open: z.boolean() })),
  /** The Rückmeldung to the feedback contact as a Word letter (personal data: audited, refused read-only). Null when cancelled. */
  exportFeedbackLetter: method<ExportResult | null>()(z.strictObject({ proposalId: id, open: z.boolean() })),

  listTrackedDecisions: method<TrackedDecision[]>()(empty),
  saveTrackedDecision: method<Saved<TrackedDecision>>()(save(trackedDecisionFieldsSchema)),
  deleteTrackedDecision: method<Saved<null>>()(byIdAndVersion),
  restoreTrackedDecision: method<Saved<null>>()(byId),
  /** The half-yearly status table as Excel (period null: every decision). */
  exportTracking: method<ExportResult | null>()(z.strictObject({ period: halfYearSchema.nullable(), open: z.boolean() })),
  /** A draft Mitteilung (Ratsvorlage) listing each decision of the period with its state. */
  createTrackingMitteilung: method<Saved<Submission>>()(z.strictObject({ period: halfYearSchema })),
} as const;
