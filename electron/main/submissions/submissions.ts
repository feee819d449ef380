import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RevisionInfo, Saved, SubmissionRow } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { diffFields } from '@shared/audit/audit';
import type { RegisterDocument } from '@shared/register/register';
import { foldForSearch } from '@shared/register/search';
import {
  canChangeStatus,
  formatPrintNumber,
  nextSuffix,
  submissionFieldsSchema,
  type Attachment,
  type Submission,
  type SubmissionFields,
  type SubmissionRevision,
} from '@shared/submissions/submission';
import { diffSubmissionFields, type FieldDiff } from '@shared/submissions/submissionDiff';
import { printNumberTaken } from '@shared/submissions/submissionRules';
import { emptySubmissionFields, SUBMISSION_TEMPLATES } from '@shared/submissions/submissionTemplates';
import { richTextReadable } from '@shared/core/richTextReadable';
import { writeFileDurable } from '@main/store/durableWrite';
import { assertAttachmentsKept, readAttachmentSource, readStoredAttachment, sha256Of } from './attachmentFiles';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';
import { replaceAt } from '@main/register/measures';
import type { RegisterSession } from '@main/session/session';

export type NewSubmissionSource =
  { kind: 'blank' } | { kind: 'template'; templateId: string } | { kind: 'copy'; sourceId: string } | { kind: 'followUp'; baseId: string };

const FIELD_NAMES = Object.keys(submissionFieldsSchema.shape) as (keyof SubmissionFields)[];
export { MAX_ATTACHMENT_BYTES } from './attachmentFiles';

/** Council submissions: drafts, versions (a revision per save), Papierkorb, attachments. */
export class SubmissionService {
  constructor(private readonly session: RegisterSession) {}

  private get doc(): RegisterDocument {
    return this.session.requireOpen().store.doc;
  }

  list(): SubmissionRow[] {
    return this.doc.submissions.map((s) => ({
      id: s.id,
      printNumber: formatPrintNumber(s),
      subject: s.subject,
      kind: s.kind,
      status: s.status,
      date: s.date,
      isPublic: s.isPublic,
      linkedMeasures: s.linkedMeasureIds.length,
      updatedAt: s.updatedAt,
      deletedAt: s.deletedAt,
      haystack: foldForSearch(
        [
          formatPrintNumber(s),
          s.subject,
          s.author,
          s.fileReference,
          richTextReadable(s.statement),
          ...s.resolutions.map((r) => r.text),
          s.personnel,
          s.climateReason,
        ].join('\n'),
      ),
    }));
  }

  get(id: string): Submission {
    const found = this.doc.submissions.find((s) => s.id === id);
    if (!found) throw new ServiceError('NOT_FOUND', de.api.notFound);
    return found;
  }

  async create(source: NewSubmissionSource): Promise<Saved<Submission>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const fields = this.initialFields(doc, source);
      const now = new Date().toISOString();
      const submission: Submission = {
        ...fields,
        id: randomUUID(),
        baseSubmissionId: source.kind === 'followUp' ? source.baseId : null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      this.assertValid(doc, submission.id, fields, null);
      const revision = this.revision(submission);
      const entry = auditEntry(this.session.userName, 'submission', submission.id, label(submission), 'create', [
        { field: 'subject', old: null, new: submission.subject },
      ]);
      return {
        doc: {
          ...doc,
          submissions: [...doc.submissions, submission],
          submissionRevisions: [...doc.submissionRevisions, revision],
          audit: [...doc.audit, entry],
        },
        result: submission,
      };
    });
    return { value: result, savedAt };
  }

  private initialFields(doc: RegisterDocument, source: NewSubmissionSource): SubmissionFields {
    const base = { ...emptySubmissionFields(), author: this.session.signature, date: new Date().toISOString().slice(0, 10) };
    const bodyIds = new Set(doc.bodies.map((b) => b.id));
    switch (source.kind) {
      case 'blank':
        return base;
      case 'template': {
        const template = SUBMISSION_TEMPLATES.find((t) => t.id === source.templateId);
        if (!template) throw new ServiceError('NOT_FOUND', de.api.notFound);
        const filled = { ...base, ...template.fields(randomUUID) };
        // Rows for bodies this register does not have (renamed or deleted) are dropped, not left dangling.
        return {
          ...filled,
          consultations: filled.consultations.filter((c) => bodyIds.has(c.bodyId)),
          resolutions: filled.resolutions.filter((r) => r.bodyId === null || bodyIds.has(r.bodyId)),
        };
      }
      case 'copy': {
        const original = findSubmission(doc, source.sourceId);
        const { id: _i, baseSubmissionId: _b, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = original;
        return {
          ...fields,
          printNumberBase: null,
          printNumberSuffix: null,
          status: 'entwurf',
          subject: `${fields.subject} (Kopie)`.slice(0, 500),
          consultations: fields.consultations.map((c) => ({ ...c, id: randomUUID(), result: 'offen', resultNote: '', sessionDate: null })),
          cosignatures: [],
        };
      }
      case 'followUp': {
        const original = findSubmission(doc, source.baseId);
        if (!original.printNumberBase)
          throw new ServiceError('VALIDATION', de.submission.complete.suffixWithoutBase, [
            { field: 'printNumberBase', message: de.submission.complete.suffixWithoutBase },
          ]);
        return {
          ...base,
          kind: 'stellungnahme',
          printNumberBase: original.printNumberBase,
          printNumberSuffix: nextSuffix(
            original.printNumberBase,
            doc.submissions.filter((s) => !s.deletedAt),
          ),
          subject: original.subject,
          isPublic: original.isPublic,
          departmentOrgUnitId: original.departmentOrgUnitId,
          leadOrgUnitId: original.leadOrgUnitId,
          involvedOrgUnitIds: original.involvedOrgUnitIds,
          fileReference: original.fileReference,
          linkedMeasureIds: original.linkedMeasureIds,
          consultations: original.consultations.map((c) => ({ ...c, id: randomUUID(), result: 'offen', resultNote: '' })),
        };
      }
    }
  }

  /** A save from the renderer: attachments may be retitled, reordered or removed, never added or altered. */
  async update(id: string, version: number, fields: SubmissionFields): Promise<Saved<Submission>> {
    return this.save(id, version, fields, false);
  }

  /** `attachmentsFromMain`: the attachment list comes from main itself (a new file, an earlier revision). */
  private async save(id: string, version: number, fields: SubmissionFields, attachmentsFromMain: boolean): Promise<Saved<Submission>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const index = doc.submissions.findIndex((s) => s.id === id);
      const current = doc.submissions[index];
      if (!current || current.deletedAt) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (current.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      if (!attachmentsFromMain) assertAttachmentsKept(current.attachments, fields.attachments);
      this.assertValid(doc, id, fields, current);
      const changes = diffFields(current as unknown as Record<string, unknown>, fields as unknown as Record<string, unknown>, FIELD_NAMES);
      if (changes.length === 0) return { doc, result: current };
      const updated: Submission = { ...current, ...fields, version: current.version + 1, updatedAt: new Date().toISOString() };
      // Long texts are recorded by field name only; the revision keeps their full old and new state.
      const compact = changes.map((c) =>
        JSON.stringify(c.old).length + JSON.stringify(c.new).length > 2000
          ? { field: c.field, old: '(siehe Versionen)', new: '(siehe Versionen)' }
          : c,
      );
      const entry = auditEntry(this.session.userName, 'submission', id, label(updated), 'update', compact);
      return {
        doc: {
          ...doc,
          submissions: replaceAt(doc.submissions, index, updated),
          submissionRevisions: [...doc.submissionRevisions, this.revision(updated)],
          audit: [...doc.audit, entry],
        },
        result: updated,
      };
    });
    return { value: result, savedAt };
  }

  private assertValid(doc: RegisterDocument, id: string, fields: SubmissionFields, current: Submission | null): void {
    const problems = [];
    if (printNumberTaken(fields, id, doc.submissions)) {
      const message = de.submission.complete.duplicateNumber(formatPrintNumber(fields));
      problems.push({ field: 'printNumberBase', message });
    }
    if (fields.printNumberSuffix && !fields.printNumberBase)
      problems.push({ field: 'printNumberBase', message: de.submission.complete.suffixWithoutBase });
    if (current && !canChangeStatus(current.status, fields.status)) {
      const submissionStatusesTexts = de.submission.statuses;
      problems.push({
        field: 'status',
        message: de.submission.complete.statusChange(submissionStatusesTexts[current.status], submissionStatusesTexts[fields.status]),
      });
    }
    const measureIds = new Set(doc.measures.filter((m) => !m.deletedAt).map((m) => m.id));
    const newLinks = fields.linkedMeasureIds.filter((m) => !current?.linkedMeasureIds.includes(m));
    if (newLinks.some((m) => !measureIds.has(m)))
      problems.push({ field: 'linkedMeasureIds', message: de.submission.complete.unknownMeasure });
    if (problems.length > 0) throw new ServiceError('VALIDATION', de.api.validation, problems);
  }

  private revision(s: Submission): SubmissionRevision {
    const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, s[f]])) as SubmissionFields;
    return { id: randomUUID(), submissionId: s.id, version: s.version, savedAt: s.updatedAt, user: this.session.userName, fields };
  }

  /**
   * A submission created by "Neue Vorlage" and left without a single save (still version 1, nothing links
   * to it) is not kept: it goes with its first revision. The trail keeps both the creation and this removal.
   * Anything saved since, or linked from a session or another Vorlage, is refused (it stays).
   */
  async discardNew(id: string, version: number): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const current = doc.submissions.find((s) => s.id === id);
      if (!current) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (current.version !== version || version !== 1) throw new ServiceError('CONFLICT', de.api.conflict);
      const linked =
        doc.submissions.some((s) => s.baseSubmissionId === id) ||
        doc.meetings.some((m) => m.agenda.some((item) => item.submissionIds.includes(id)));
      if (linked) throw new ServiceError('CONFLICT', de.api.conflict);
      const entry = auditEntry(this.session.userName, 'submission', id, label(current), 'delete', [
        { field: 'subject', old: current.subject, new: null },
      ]);
      return {
        doc: {
          ...doc,
          submissions: doc.submissions.filter((s) => s.id !== id),
          submissionRevisions: doc.submissionRevisions.filter((r) => r.submissionId !== id),
          audit: [...doc.audit, entry],
        },
        result: null,
      };
    });
    return { value: null, savedAt };
  }

  async remove(id: string, version: number): Promise<Saved<null>> {
    return this.setDeleted(id, version, true);
  }

  async restore(id: string): Promise<Saved<null>> {
    return this.setDeleted(id, null, false);
  }

  private async setDeleted(id: string, version: number | null, deleted: boolean): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const index = doc.submissions.findIndex((s) => s.id === id);
      const current = doc.submissions[index];
      if (!current) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (version !== null && current.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      if (!deleted && !current.deletedAt) throw new ServiceError('BAD_REQUEST', de.api.notInTrash);
      if (!deleted && printNumberTaken(current, id, doc.submissions)) {
        const message = de.submission.complete.duplicateNumber(formatPrintNumber(current));
        throw new ServiceError('VALIDATION', message, [{ field: 'printNumberBase', message }]);
      }
      const now = new Date().toISOString();
      const updated: Submission = { ...current, deletedAt: deleted ? now : null, updatedAt: now, version: current.version + 1 };
      const entry = auditEntry(this.session.userName, 'submission', id, label(current), deleted ? 'delete' : 'restore', [
        { field: 'deletedAt', old: current.deletedAt, new: updated.deletedAt },
      ]);
      return { doc: { ...doc, submissions: replaceAt(doc.submissions, index, updated), audit: [...doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }

  revisions(id: string): RevisionInfo[] {
    return this.doc.submissionRevisions
      .filter((r) => r.submissionId === id)
      .map(({ id: revisionId, version, savedAt, user }) => ({ id: revisionId, version, savedAt, user }))
      .reverse();
  }

  compare(id: string, fromRevisionId: string, toRevisionId: string): FieldDiff[] {
    const from = this.findRevision(id, fromRevisionId);
    const to = this.findRevision(id, toRevisionId);
    return diffSubmissionFields(from.fields, to.fields);
  }

  /** Saves the fields of an earlier revision as the newest version (nothing in between is lost). */
  async restoreRevision(id: string, version: number, revisionId: string): Promise<Saved<Submission>> {
    const revision = this.findRevision(id, revisionId);
    const current = this.get(id);
    // A status is a fact about the council process, not about the text: keep the current one.
    return this.save(id, version, { ...revision.fields, status: current.status }, true);
  }

  private findRevision(id: string, revisionId: string): SubmissionRevision {
    const revision = this.doc.submissionRevisions.find((r) => r.id === revisionId && r.submissionId === id);
    if (!revision) throw new ServiceError('NOT_FOUND', de.api.notFound);
    return revision;
  }

  /**
   * Copies a file into the register's attachment folder (`<name>-Anlagen/<sha256><ext>`, so the same file
   * is stored once) and lists it on the submission with size and hash.
   */
  async addAttachment(id: string, version: number, sourcePath: string, title: string): Promise<Saved<Submission>> {
    const store = this.session.writableStore();
    const bytes = await readAttachmentSource(sourcePath);
    const sha256 = sha256Of(bytes);
    const extension = path
      .extname(sourcePath)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 10);
    const folder = attachmentDirFor(store.path);
    const storedName = `${sha256}${extension}`;
    await fs.mkdir(folder, { recursive: true });
    const target = path.join(folder, storedName);
    const exists = await fs.access(target).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFileDurable(target, bytes);
    const current = this.get(id);
    const fileName = path.basename(sourcePath).slice(0, 255);
    const attachment: Attachment = {
      id: randomUUID(),
      title: (title.trim() || path.parse(fileName).name).slice(0, 200),
      fileName,
      storedName,
      size: bytes.length,
      sha256,
      addedAt: new Date().toISOString(),
    };
    const { id: _i, baseSubmissionId: _b, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = current;
    return this.save(id, version, { ...fields, attachments: [...fields.attachments, attachment] }, true);
  }

  /** Path of a stored attachment, checked against its hash (a vanished or changed file is reported). */
  async attachmentPath(id: string, attachmentId: string): Promise<string> {
    const submission = this.get(id);
    const attachment = submission.attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw new ServiceError('NOT_FOUND', de.api.notFound);
    const folder = attachmentDirFor(this.session.requireOpen().store.path);
    const file = path.join(folder, attachment.storedName);
    const bytes = await readStoredAttachment(folder, attachment).catch(() => null);
    if (!bytes) throw new ServiceError('NOT_FOUND', de.submission.attachmentVanished(attachment.fileName));
    if (sha256Of(bytes) !== attachment.sha256) throw new ServiceError('BAD_REQUEST', de.submission.attachmentChanged(attachment.fileName));
    return file;
  }
}

export function attachmentDirFor(storePath: string): string {
  const { dir, name } = path.parse(storePath);
  return path.join(dir, `${name}-Anlagen`);
}

function findSubmission(doc: RegisterDocument, id: string): Submission {
  const found = doc.submissions.find((s) => s.id === id && !s.deletedAt);
  if (!found) throw new ServiceError('NOT_FOUND', de.api.notFound);
  return found;
}

function label(s: Pick<Submission, 'printNumberBase' | 'printNumberSuffix' | 'subject'>): string {
  const number = formatPrintNumber(s);
  return number ? `DS ${number} ${s.subject}` : s.subject || de.submission.noNumber;
}
