import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportResult } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { formatPrintNumber, type Submission } from '@shared/submissions/submission';
import { exportProblems, isReleased } from '@shared/submissions/submissionRules';
import { buildSubmissionDocx } from './submissionDocx';
import { buildSubmissionOparl, oparlBaseUrl } from './submissionOparl';
import { ExportTargetExistsError, writeExportFile } from '@main/export/writeExportFile';
import type { Desktop } from '@main/core/desktop';
import { readLogo } from '@main/settings/logo';
import { ServiceError } from '@main/core/errors';
import type { RegisterSession } from '@main/session/session';
import type { SubmissionService } from './submissions';
import { fileNamePart, safeFileName } from '@shared/core/fileName';

/** "DS_12534-18-E1_Masterplan_Sachstandsbericht.docx": number and subject, safe on Windows. */
export function exportFileName(s: Submission, extension: string): string {
  const subject = fileNamePart(s.subject) || 'Vorlage';
  const number = formatPrintNumber(s);
  return safeFileName(number ? ['DS', number, subject] : ['Entwurf', subject], extension);
}

/**
 * Word and OParl export of a submission: completeness check (unless the user exports a draft), file
 * dialog in the last export folder, atomic write, optionally open in Word.
 */
export class SubmissionExportService {
  constructor(
    private readonly session: RegisterSession,
    private readonly submissions: SubmissionService,
    private readonly desktop: Desktop,
  ) {}

  async export(
    id: string,
    format: 'docx' | 'oparl',
    open: boolean,
    draft: boolean,
    confirmUnpublished = false,
  ): Promise<ExportResult | null> {
    const doc = this.session.requireOpen().store.doc;
    const submission = this.submissions.get(id);
    // OParl is for publication: a non-public or unreleased Vorlage only after the user confirmed it.
    if (format === 'oparl' && !confirmUnpublished && (!submission.isPublic || draft || !isReleased(submission.status)))
      throw new ServiceError('VALIDATION', de.submission.document.oparlUnpublished, [
        { field: 'isPublic', message: de.submission.document.oparlUnpublished },
      ]);
    const baseUrl = format === 'oparl' ? oparlBaseUrl(this.session.settings.value.oparlBaseUrl) : null;
    if (format === 'oparl' && !baseUrl) throw new ServiceError('VALIDATION', de.submission.document.oparlNoBaseUrl);
    if (!draft) {
      // Not released or not complete: only as a draft (the document then says ENTWURF on every page).
      const problems = exportProblems(submission, {
        bodies: doc.bodies,
        measureIds: new Set(doc.measures.filter((m) => !m.deletedAt).map((m) => m.id)),
      });
      if (problems.length > 0) throw new ServiceError('VALIDATION', de.submission.exportIncomplete(problems.length), problems);
    }
    // Attachments are checked before anything is written: a vanished file is reported, not silently listed.
    for (const attachment of submission.attachments) await this.submissions.attachmentPath(id, attachment.id);
    const settings = this.session.settings;
    const target = await this.desktop.pickExportTarget(
      exportFileName(submission, format === 'docx' ? 'docx' : 'json'),
      settings.value.lastExportDir,
    );
    if (!target) return null;
    const input = {
      submission,
      bodies: doc.bodies,
      orgUnits: doc.orgUnits,
      statuses: doc.statuses,
      actionFields: doc.actionFields,
      measures: doc.measures,
      logo: settings.value.documentLogo ? await readLogo(settings.value.documentLogo.path, settings.value.documentLogo.altText) : null,
      generatedAt: new Date(),
      draft,
    };
    const docx = await buildSubmissionDocx(input);
    let bytes: Uint8Array = docx;
    if (format === 'oparl') {
      // The Word file the Paper points to is written beside the JSON, so mainFile's size and hash are true.
      const docxTarget = target.replace(/\.json$/i, '') + '.docx';
      const besideOrRefuse = (file: string, data: Uint8Array) =>
        writeExportFile(file, data, { overwrite: false }).catch((error: unknown) => {
          if (error instanceof ExportTargetExistsError)
            throw new ServiceError('WRITE_FAILED', de.submission.oparlDocxExists(path.basename(file)));
          throw error;
        });
      await besideOrRefuse(docxTarget, docx);
      // The Anlagen go beside the JSON under their names, so accessUrl and sha512Checksum are true.
      const attachmentSha512: Record<string, string> = {};
      for (const attachment of submission.attachments) {
        const data = await fs.readFile(await this.submissions.attachmentPath(id, attachment.id));
        await besideOrRefuse(path.join(path.dirname(target), path.basename(attachment.fileName)), data);
        attachmentSha512[attachment.id] = createHash('sha512').update(data).digest('hex');
      }
      const oparl = buildSubmissionOparl({
        ...input,
        registerId: doc.registerId,
        baseUrl: baseUrl!,
        registerCreatedAt: doc.createdAt,
        mainFile: {
          fileName: path.basename(docxTarget),
          size: docx.length,
          sha512: createHash('sha512').update(docx).digest('hex'),
          sha256: createHash('sha256').update(docx).digest('hex'),
        },
        attachmentSha512,
      });
      bytes = Buffer.from(JSON.stringify(oparl, null, 2), 'utf8');
    }
    await writeExportFile(target, bytes);
    await settings.update((current) => ({ ...current, lastExportDir: path.dirname(target) })).catch(() => undefined);
    if (open) await this.desktop.openFile(target);
    return { path: target, bytes: bytes.length };
  }
}
