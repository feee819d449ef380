import type { submissionsContract } from '@shared/submissions/submissionsContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { lazy } from '@main/core/lazy';
import { SubmissionService } from './submissions';

/** Ratsvorlagen: editing, revisions, attachments, Word and OParl export. */
export function submissionsHandlers({ session, desktop }: HandlerContext): Handlers<typeof submissionsContract> {
  const submissions = new SubmissionService(session);
  // Word and OParl builders load on first use or in idle time (core/lazy.ts).
  const exports = lazy(async () => new (await import('./submissionExport')).SubmissionExportService(session, submissions, desktop));
  return {
    listSubmissions: () => submissions.list(),
    getSubmission: ({ id }) => submissions.get(id),
    createSubmission: ({ source }) => submissions.create(source),
    updateSubmission: ({ id, version, fields }) => submissions.update(id, version, fields),
    deleteSubmission: ({ id, version }) => submissions.remove(id, version),
    discardNewSubmission: ({ id, version }) => submissions.discardNew(id, version),
    restoreSubmission: ({ id }) => submissions.restore(id),
    listSubmissionRevisions: ({ id }) => submissions.revisions(id),
    compareSubmissionRevisions: ({ id, fromRevisionId, toRevisionId }) => submissions.compare(id, fromRevisionId, toRevisionId),
    restoreSubmissionRevision: ({ id, version, revisionId }) => submissions.restoreRevision(id, version, revisionId),
    addSubmissionAttachment: async ({ id, version, title }) => {
      const file = await desktop.pickAttachment();
      return file ? submissions.addAttachment(id, version, file, title) : null;
    },
    exportSubmission: async ({ id, format, open, draft, confirmUnpublished }) =>
      (await exports()).export(id, format, open, draft, confirmUnpublished ?? false),
  };
}
