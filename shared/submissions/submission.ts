import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { richTextSchema } from '@shared/core/richText';
import { cents, id, isoDate, isoDateTime, multiLineText, singleLineText, year } from '@shared/core/primitives';

/** Ratsvorlage / Drucksache: a council submission drafted in the register and exported as Word. */
export const SUBMISSION_KINDS = [
  'beschlussvorlage',
  'mitteilung',
  'bericht',
  'stellungnahme',
  'beantwortung',
  'dringlichkeitsentscheidung',
] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_STATUSES = [
  'entwurf',
  'mitzeichnung',
  'freigegeben',
  'eingebracht',
  'beschlossen',
  'abgelehnt',
  'vertagt',
  'zurueckgezogen',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Dortmund's roles in the Beratungsfolge, plus those other cities use. */
export const CONSULTATION_ROLES = ['empfehlung', 'beschluss', 'kenntnisnahme', 'vorberatung', 'anhoerung', 'entscheidung'] as const;
export const CONSULTATION_RESULTS = [
  'offen',
  'zugestimmt',
  'geaendert',
  'abgelehnt',
  'vertagt',
  'kenntnis_genommen',
  'zurueckgezogen',
] as const;
export const CLIMATE_IMPACTS = ['positiv', 'negativ', 'keine'] as const;
export const COSIGN_VOTES = ['offen', 'einverstanden', 'mit_aenderungen', 'nicht_einverstanden'] as const;

/** `12534-18`; follow-ups add `-E1`, `-E2` (suffix stored separately). */
export const printNumberBase = z.string().regex(/^\d{5}-\d{2}$/, de.validation.printNumber);
export const printNumberSuffix = z.string().regex(/^E[1-9]\d?$/, de.validation.printNumber);

export const consultationSchema = z.strictObject({
  id,
  bodyId: id,
  sessionDate: isoDate.nullable(),
  role: z.enum(CONSULTATION_ROLES),
  result: z.enum(CONSULTATION_RESULTS),
  resultNote: singleLineText(500),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const resolutionSchema = z.strictObject({
  /** null: the one Beschlussvorschlag for all bodies. */
  bodyId: id.nullable(),
  text: multiLineText(20_000),
});

export const financeRowSchema = z.strictObject({
  year,
  investiveCents: cents.nullable(),
  consumptiveCents: cents.nullable(),
});

export const financesSchema = z.strictObject({
  hasImpact: z.boolean(),
  rows: z.array(financeRowSchema).max(30),
  coverage: multiLineText(4000),
});

export const cosignatureSchema = z.strictObject({
  id,
  orgUnitId: id.nullable(),
  person: singleLineText(120),
  date: isoDate.nullable(),
  vote: z.enum(COSIGN_VOTES),
  note: singleLineText(500),
});

/**
 * File name inside the register's attachment folder: the content hash and a cleaned extension, nothing
 * else (no folder part, no `..`), so a name from a forged file can never point outside that folder.
 */
export const STORED_NAME_PATTERN = /^[0-9a-f]{64}(\.[.a-z0-9]{0,9})?$/;

export const attachmentSchema = z
  .strictObject({
    id,
    title: singleLineText(200),
    fileName: singleLineText(255),
    /** File name inside the register's attachment folder; set by main only (see services/attachmentFiles.ts). */
    storedName: z.string().regex(STORED_NAME_PATTERN, de.submission.storedNameInvalid),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    addedAt: isoDateTime,
  })
  // Only when the name has the right form (else the pattern above already said so).
  .refine((a) => !STORED_NAME_PATTERN.test(a.storedName) || a.storedName.startsWith(a.sha256), {
    message: de.submission.storedNameInvalid,
    path: ['storedName'],
  });
export type Attachment = z.infer<typeof attachmentSchema>;

export const extraSectionSchema = z.strictObject({
  id,
  title: singleLineText(200),
  body: richTextSchema,
});

/** What the editor changes; the stored submission adds identity and bookkeeping. */
export const submissionFieldsSchema = z.strictObject({
  printNumberBase: printNumberBase.nullable(),
  printNumberSuffix: printNumberSuffix.nullable(),
  date: isoDate.nullable(),
  kind: z.enum(SUBMISSION_KINDS),
  isPublic: z.boolean(),
  subject: singleLineText(500),
  departmentOrgUnitId: id.nullable(),
  leadOrgUnitId: id.nullable(),
  involvedOrgUnitIds: z.array(id).max(100),
  author: singleLineText(120),
  fileReference: singleLineText(120),
  consultations: z.array(consultationSchema).max(50),
  resolutions: z.array(resolutionSchema).max(50),
  statement: richTextSchema,
  finances: financesSchema,
  personnel: multiLineText(10_000),
  climateImpact: z.enum(CLIMATE_IMPACTS).nullable(),
  climateReason: multiLineText(10_000),
  extraSections: z.array(extraSectionSchema).max(20),
  cosignatures: z.array(cosignatureSchema).max(50),
  attachments: z.array(attachmentSchema).max(100),
  linkedMeasureIds: z.array(id).max(2000),
  status: z.enum(SUBMISSION_STATUSES),
});
export type SubmissionFields = z.infer<typeof submissionFieldsSchema>;

export const submissionSchema = submissionFieldsSchema.extend({
  id,
  /** The base submission of a follow-up (`-E1`). */
  baseSubmissionId: id.nullable(),
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;

/** A saved state of a submission; every save keeps one, so any earlier text can be compared and restored. */
export const submissionRevisionSchema = z.strictObject({
  id,
  submissionId: id,
  version: z.number().int().min(1),
  savedAt: isoDateTime,
  user: z.string().max(120),
  fields: submissionFieldsSchema,
});
export type SubmissionRevision = z.infer<typeof submissionRevisionSchema>;

/** "12534-18-E1", or "" while the number is not assigned. */
export function formatPrintNumber(s: Pick<SubmissionFields, 'printNumberBase' | 'printNumberSuffix'>): string {
  if (!s.printNumberBase) return '';
  return s.printNumberSuffix ? `${s.printNumberBase}-${s.printNumberSuffix}` : s.printNumberBase;
}

/** "12534-18-E1" → parts; null when malformed. */
export function parsePrintNumber(text: string): { base: string; suffix: string | null } | null {
  const match = /^\s*(\d{5}-\d{2})(?:-(E[1-9]\d?))?\s*$/.exec(text);
  return match ? { base: match[1]!, suffix: match[2] ?? null } : null;
}

/** Next follow-up suffix of a base number: E1 when none exists, else one higher than the highest. */
export function nextSuffix(base: string, existing: readonly Pick<SubmissionFields, 'printNumberBase' | 'printNumberSuffix'>[]): string {
  let highest = 0;
  for (const s of existing) {
    if (s.printNumberBase !== base || !s.printNumberSuffix) continue;
    highest = Math.max(highest, Number(s.printNumberSuffix.slice(1)));
  }
  return `E${highest + 1}`;
}

/** Which statuses may follow which. Decided states can be corrected back to eingebracht. */
export const STATUS_TRANSITIONS: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  entwurf: ['mitzeichnung', 'freigegeben', 'zurueckgezogen'],
  mitzeichnung: ['entwurf', 'freigegeben', 'zurueckgezogen'],
  freigegeben: ['entwurf', 'eingebracht', 'zurueckgezogen'],
  eingebracht: ['beschlossen', 'abgelehnt', 'vertagt', 'zurueckgezogen'],
  vertagt: ['eingebracht', 'beschlossen', 'abgelehnt', 'zurueckgezogen'],
  beschlossen: ['eingebracht'],
  abgelehnt: ['eingebracht'],
  zurueckgezogen: ['entwurf'],
};

export function canChangeStatus(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}
