import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { DECISION_STATES } from './tracking';
import { id, isoDate, isoDateTime, multiLineText, requiredLine, singleLineText } from '@shared/core/primitives';

/**
 * Members of bodies, sessions (Sitzungen) with their agenda and minutes, and the recommendations
 * (Empfehlungen) of the Vollversammlung (DOMAIN.md §3). Attendance is kept as counts and organisations;
 * delegate names are public-role data with a term end (DOMAIN.md §7).
 */
const participationTexts = de.participation;

export const MEMBER_ROLES = ['vorsitz', 'stellv_vorsitz', 'mitglied', 'beratend', 'geschaeftsfuehrung'] as const;
export const MEETING_STATES = ['geplant', 'eingeladen', 'durchgefuehrt', 'abgeschlossen'] as const;
export const AGENDA_KINDS = ['standard', 'sache'] as const;
export const ADDRESSEES = ['rat', 'ausschuss', 'lenkungskreis', 'verwaltung'] as const;
export const RECOMMENDATION_STATES = ['offen', 'in_bearbeitung', 'umgesetzt', 'teilweise_umgesetzt', 'abgelehnt'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

const version = z.number().int().min(1);
/** A head count: whole, not negative, not absurd. */
export const headCount = z.number().int().min(0).max(1_000_000, participationTexts.validation.countTooLarge);
/** `HH:MM`, 24 hours. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, participationTexts.validation.time);

export const bodyMemberFieldsSchema = z.strictObject({
  bodyId: id,
  /** The sending organisation as Dortmund prints it ("Polizeipräsidium Dortmund", "SPD-Fraktion"). */
  organisation: requiredLine(200, participationTexts.validation.organisationRequired),
  orgUnitId: id.nullable(),
  /** Public-role data: the delegate and the deputy, anonymised after the term end (retention). */
  delegate: singleLineText(120),
  deputy: singleLineText(120),
  role: z.enum(MEMBER_ROLES),
  termStart: isoDate.nullable(),
  termEnd: isoDate.nullable(),
  note: singleLineText(300),
});
export type BodyMemberFields = z.infer<typeof bodyMemberFieldsSchema>;

export const bodyMemberSchema = bodyMemberFieldsSchema.extend({
  id,
  version,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Set when the names were removed after the retention period. */
  anonymisedAt: isoDateTime.nullable(),
});
export type BodyMember = z.infer<typeof bodyMemberSchema>;

export const agendaItemSchema = z.strictObject({
  id,
  /** "1", "2", "5.1" – printed as "TOP 5.1". */
  number: requiredLine(12, participationTexts.validation.numberRequired).regex(
    /^\d{1,3}(\.\d{1,3})?$/,
    participationTexts.validation.agendaNumber,
  ),
  title: requiredLine(300, participationTexts.validation.agendaTitleRequired),
  kind: z.enum(AGENDA_KINDS),
  isPublic: z.boolean(),
  /** What the invitation says about the item. */
  description: multiLineText(4000),
  measureIds: z.array(id).max(200),
  submissionIds: z.array(id).max(50),
  recommendationIds: z.array(id).max(50),
  /** Niederschrift: the course of the discussion. */
  minutes: multiLineText(50_000),
  /** Niederschrift: the result ("einstimmig empfohlen", "zur Kenntnis genommen"). */
  result: multiLineText(4000),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const attendanceSchema = z.strictObject({
  /** Members (or their deputies) present. */
  members: headCount.nullable(),
  /** Guests and administration present. */
  guests: headCount.nullable(),
  /** Attending organisations, never persons. */
  organisations: z.array(requiredLine(200, participationTexts.validation.organisationRequired)).max(300),
});
export type Attendance = z.infer<typeof attendanceSchema>;

/**
 * A person named in a session (chair, recorder, co-signer) in parts, so documents print the natural order
 * "Dr. Marion Beispiel" and never the list form. Public-role data.
 */
export const personNameSchema = z.strictObject({
  /** Academic titles before the name ("Dr.", "Prof. Dr."). */
  title: singleLineText(60),
  given: singleLineText(120),
  family: singleLineText(120),
});
export type PersonName = z.infer<typeof personNameSchema>;
export const NO_PERSON: PersonName = { title: '', given: '', family: '' };

export const meetingFieldsSchema = z.strictObject({
  bodyId: id,
  /** "3. Sitzung" – unique per body. */
  number: requiredLine(40, participationTexts.validation.meetingNumberRequired),
  date: isoDate,
  startTime: clockTime.nullable(),
  endTime: clockTime.nullable(),
  place: singleLineText(300),
  state: z.enum(MEETING_STATES),
  /** Public-role data printed under the Niederschrift, each with a signature line. */
  chair: personNameSchema,
  recorder: personNameSchema,
  /** The members named to co-sign the Niederschrift (TOP 1), each with a signature line. */
  coSigners: z.array(personNameSchema).max(10),
  /** Cover text of the invitation. */
  invitationText: multiLineText(10_000),
  attendance: attendanceSchema,
  agenda: z.array(agendaItemSchema).max(300),
});
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

/** A recommendation as the Niederschrift printed it when it was finalised. */
export const recordedRecommendationSchema = z.strictObject({
  id,
  number: singleLineText(20),
  agendaItemId: id.nullable(),
  /** The addressee as printed ("Ausschuss für Bürgerdienste …", "Verwaltung"). */
  addressee: singleLineText(300),
  title: singleLineText(200),
  text: multiLineText(10_000),
  state: z.enum(RECOMMENDATION_STATES),
});
export type RecordedRecommendation = z.infer<typeof recordedRecommendationSchema>;

/** A tracked council decision of the session (same body and day) as the Niederschrift printed it. */
export const recordedDecisionSchema = z.strictObject({
  id,
  printNumber: singleLineText(20),
  subject: singleLineText(300),
  state: z.enum(DECISION_STATES),
  stateText: multiLineText(5000),
});
export type RecordedDecision = z.infer<typeof recordedDecisionSchema>;

/**
 * "Niederschrift abschließen": what the Niederschrift prints that lives outside the session and may change
 * later (the body's name, numbers of Vorlagen and measures, recommendations and decisions with their state),
 * as of that moment. Later exports print this record, not today's register; the session itself is frozen.
 */
export const minutesRecordSchema = z.strictObject({
  finalisedAt: isoDateTime,
  /** Who finalised it (the user name of the app), or empty when the record was made by the migration to format 6. */
  finalisedBy: singleLineText(200),
  bodyName: singleLineText(300),
  submissionNumbers: z.record(id, singleLineText(40)),
  measureNumbers: z.record(id, singleLineText(40)),
  recommendations: z.array(recordedRecommendationSchema).max(1000),
  decisions: z.array(recordedDecisionSchema).max(1000),
});
export type MinutesRecord = z.infer<typeof minutesRecordSchema>;

export const meetingSchema = meetingFieldsSchema.extend({
  id,
  version,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
  /** Set by "Niederschrift abschließen" (null: the Niederschrift is a draft). */
  minutesRecord: minutesRecordSchema.nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const recommendationFieldsSchema = z.strictObject({
  /** "E-2026-03". */
  number: requiredLine(20, participationTexts.validation.numberRequired),
  bodyId: id,
  meetingId: id.nullable(),
  agendaItemId: id.nullable(),
  date: isoDate,
  addressee: z.enum(ADDRESSEES),
  /** The committee addressed, when the addressee is "Ausschuss". */
  addresseeBodyId: id.nullable(),
  title: requiredLine(200, de.validation.titleRequired),
  text: multiLineText(10_000).regex(/\S/, participationTexts.validation.textRequired),
  state: z.enum(RECOMMENDATION_STATES),
  /** What became of it. */
  handling: multiLineText(5000),
  /** The Vorlage that took it up. */
  submissionId: id.nullable(),
  measureIds: z.array(id).max(200),
});
export type RecommendationFields = z.infer<typeof recommendationFieldsSchema>;

export const recommendationSchema = recommendationFieldsSchema.extend({
  id,
  version,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type RecommendationRecord = z.infer<typeof recommendationSchema>;
