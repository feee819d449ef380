import { z } from 'zod';
import { byId, byIdAndVersion, empty, method, version, type ExportResult, type Saved } from '@shared/core/contractKit';
import { id } from '@shared/core/primitives';
import { attachmentSchema, submissionFieldsSchema, type Submission } from './submission';
import type { FieldDiff } from './submissionDiff';

/** The contract methods of Ratsvorlagen: list, edit, revisions, attachments, Word/OParl export. */

export interface SubmissionRow {
  id: string;
  printNumber: string;
  subject: string;
  kind: Submission['kind'];
  status: Submission['status'];
  date: string | null;
  isPublic: boolean;
  linkedMeasures: number;
  updatedAt: string;
  deletedAt: string | null;
  haystack: string;
}

export interface RevisionInfo {
  id: string;
  version: number;
  savedAt: string;
  user: string;
}

export const submissionsContract = {
  listSubmissions: method<SubmissionRow[]>()(empty),
  getSubmission: method<Submission>()(byId),
  createSubmission: method<Saved<Submission>>()(
    z.strictObject({
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('blank') }),
        z.strictObject({ kind: z.literal('template'), templateId: z.string().min(1).max(64) }),
        z.strictObject({ kind: z.literal('copy'), sourceId: id }),
        z.strictObject({ kind: z.literal('followUp'), baseId: id }),
      ]),
    }),
  ),
  updateSubmission: method<Saved<Submission>>()(z.strictObject({ id, version, fields: submissionFieldsSchema })),
  deleteSubmission: method<Saved<null>>()(byIdAndVersion),
  /** Removes a submission just created and never saved (version 1, unlinked): "Neu" left without saving. */
  discardNewSubmission: method<Saved<null>>()(byIdAndVersion),
  restoreSubmission: method<Saved<null>>()(byId),
  listSubmissionRevisions: method<RevisionInfo[]>()(byId),
  compareSubmissionRevisions: method<FieldDiff[]>()(z.strictObject({ id, fromRevisionId: id, toRevisionId: id })),
  restoreSubmissionRevision: method<Saved<Submission>>()(z.strictObject({ id, version, revisionId: id })),
  /** Asks for a file (dialog) and attaches it. Null when cancelled. */
  addSubmissionAttachment: method<Saved<Submission> | null>()(z.strictObject({ id, version, title: attachmentSchema.shape.title })),
  /** Asks where to save (dialog, last folder), writes the Word file; `open` opens it afterwards. */
  /** confirmUnpublished: the user confirmed publishing a non-public or unreleased Vorlage as OParl. */
  exportSubmission: method<ExportResult | null>()(
    z.strictObject({
      id,
      format: z.enum(['docx', 'oparl']),
      open: z.boolean(),
      draft: z.boolean(),
      confirmUnpublished: z.boolean().optional(),
    }),
  ),
} as const;
