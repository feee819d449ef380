import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { districtCode } from '@shared/register/districts';
import { headCount } from './participation';
import { id, isoDate, isoDateTime, multiLineText, requiredLine, singleLineText } from '@shared/core/primitives';

/**
 * Quartierslabore, the Anregungen raised there (or in the Vollversammlung, or as § 24 GO NRW Eingabe) and
 * the optional feedback contact, which is personal data: stored apart from the Anregung, only with
 * recorded consent, deleted after the feedback plus a grace period (DOMAIN.md §7).
 */
const participationTexts = de.participation;

export const PROPOSAL_SOURCES = ['quartierslabor', 'vollversammlung', 'eingabe', 'sonstige'] as const;
export const PROPOSAL_STATES = ['eingegangen', 'in_pruefung', 'uebernommen', 'erledigt', 'abgelehnt'] as const;
export const CONTACT_CHANNELS = ['email', 'telefon', 'post'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];
/** What an Anregung says (it can reveal opinions): anonymised after the retention period, and in the audit trail too. */
export const PROPOSAL_PERSONAL_FIELDS: ReadonlySet<string> = new Set(['text', 'feedbackText', 'stateReason', 'area']);

const version = z.number().int().min(1);

/**
 * "Münsterstraße 12", "Am Markt 3a": a street with a house number is a home address and has no place in an
 * Anregung (only district or area). Cheap heuristic; the clerk sees why.
 */
const HOME_ADDRESS =
  /(straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|hof|chaussee|pfad|\bam\s+\S+|\ban\s+der\s+\S+)\s*\d{1,4}\s?[a-z]?\b/i;
export function looksLikeHomeAddress(text: string): boolean {
  return HOME_ADDRESS.test(text);
}

export const labSessionSchema = z.strictObject({
  id,
  date: isoDate,
  place: singleLineText(300),
  invitedCount: headCount.nullable(),
  attendingCount: headCount.nullable(),
  note: multiLineText(2000),
});
export type LabSession = z.infer<typeof labSessionSchema>;

export const labFieldsSchema = z.strictObject({
  name: requiredLine(200, de.validation.nameRequired),
  district: districtCode,
  quarter: singleLineText(120),
  /** "Zufallsauswahl, 1.000 Einladungen, Werkstatt mit Stadtteilspaziergang". */
  format: singleLineText(300),
  topics: z.array(requiredLine(200, participationTexts.validation.subjectRequired)).max(50),
  description: multiLineText(4000),
  sessions: z.array(labSessionSchema).max(100),
});
export type LabFields = z.infer<typeof labFieldsSchema>;

export const labSchema = labFieldsSchema.extend({
  id,
  version,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type Lab = z.infer<typeof labSchema>;

export const proposalFieldsSchema = z.strictObject({
  /** "A-2026-014". */
  number: requiredLine(20, participationTexts.validation.numberRequired),
  source: z.enum(PROPOSAL_SOURCES),
  labId: id.nullable(),
  /** The Vollversammlung session it came from, if any. */
  meetingId: id.nullable(),
  receivedOn: isoDate,
  text: multiLineText(5000).regex(/\S/, participationTexts.validation.textRequired),
  category: singleLineText(80),
  district: districtCode.nullable(),
  /** A district's area ("Umfeld Nordmarkt"), never a home address. */
  area: singleLineText(200).refine((v) => !looksLikeHomeAddress(v), participationTexts.validation.homeAddress),
  assignedOrgUnitId: id.nullable(),
  state: z.enum(PROPOSAL_STATES),
  /** Required for "abgelehnt"; optional note otherwise. */
  stateReason: multiLineText(2000),
  /** Set with "übernommen in Maßnahme"; the measure finds its Anregungen through this link. */
  measureId: id.nullable(),
  /** Rückmeldung to the citizens. */
  feedbackText: multiLineText(5000),
  feedbackOn: isoDate.nullable(),
});
export type ProposalFields = z.infer<typeof proposalFieldsSchema>;

export const proposalSchema = proposalFieldsSchema.extend({
  id,
  version,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** When the state last changed (the retention period of a closed Anregung runs from here). */
  stateChangedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
  anonymisedAt: isoDateTime.nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const contactFieldsSchema = z.strictObject({
  name: requiredLine(120, participationTexts.validation.contactNameRequired),
  channel: z.enum(CONTACT_CHANNELS),
  value: requiredLine(300, participationTexts.validation.contactValueRequired),
  /** The consent must be recorded: a contact without it cannot be stored. */
  consentGiven: z.literal(true, participationTexts.validation.consentRequired),
  consentOn: isoDate,
  /** How the consent was given ("schriftlich auf dem Rückmeldebogen"). */
  consentNote: singleLineText(300),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

/** Stored apart from the Anregung (own list, never in packages, exports or the search index). */
export const contactSchema = contactFieldsSchema.extend({
  id,
  proposalId: id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type FeedbackContact = z.infer<typeof contactSchema>;
