import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportResult, Saved } from '@shared/contract';
import { de } from '@shared/i18n/de';
import type { RegisterDocument } from '@shared/register/register';
import type { ReviewItemKind } from '@shared/review/reviewFields';
import {
  applyMerge,
  planMerge,
  ReviewMergeError,
  undoImport,
  type Decisions,
  type MergeEnv,
  type MergePlan,
} from '@shared/review/reviewMerge';
import { noteFromPackage, noteFromRegister, type ReviewNoteData } from '@shared/review/reviewNote';
import {
  itemReviews,
  packageRows,
  recordPackageSent,
  replyToComment,
  setCommentResolved,
  type ItemReviews,
  type ReviewPackageRow,
} from '@shared/review/reviewOverview';
import { buildReviewPackage, PackageRequestError, ReviewPackageError, type VerifiedPackage } from '@shared/review/reviewPackage';
import type { CreatedPackage, ReviewImportOutcome, ReviewImportPreview } from '@shared/review/reviewContract';
import { writeExportFile } from '@main/export/writeExportFile';
import { localDate, packageFileName, readPackageFile, sha256, writePackageFile } from './packageFile';
import { describeIoError } from '@main/store/ioErrors';
import type { Desktop } from '@main/core/desktop';
import { ServiceError } from '@main/core/errors';
import type { ReviewSession } from './reviewSession';
import type { RegisterSession } from '@main/session/session';

export interface PackageRequestInput {
  reviewer: string;
  dueDate: string | null;
  message: string;
  measureIds: readonly string[];
  submissionIds: readonly string[];
}

/** Turns the pure layer's refusals into German service errors (nothing was changed). */
export function asServiceError(error: unknown): unknown {
  if (error instanceof ReviewPackageError || error instanceof ReviewMergeError) return new ServiceError('VALIDATION', error.message);
  if (error instanceof PackageRequestError) return new ServiceError('VALIDATION', de.api.validation, error.problems);
  return error;
}

/**
 * Offline review in the register: create and send packages, read returned ones (preview, decisions,
 * apply, undo as a whole), the comment threads per item and the Prüfvermerk. The rules are pure
 * functions in shared/review/review*.ts; this service adds files, dialogs and the durable store.
 */
export class ReviewService {
  /** The last preview: its verified plan waits here until the clerk applies or discards it. */
  private preview: { id: string; plan: MergePlan } | null = null;

  constructor(
    private readonly session: RegisterSession,
    private readonly review: ReviewSession,
    private readonly desktop: Desktop,
  ) {}

  private get doc(): RegisterDocument {
    return this.session.requireOpen().store.doc;
  }

  private env(): MergeEnv {
    return { user: this.session.userName, now: new Date().toISOString(), newId: randomUUID };
  }

  list(): ReviewPackageRow[] {
    return packageRows(this.doc, localDate());
  }

  item(kind: ReviewItemKind, id: string): ItemReviews {
    return itemReviews(this.doc, kind, id, localDate());
  }

  /** Builds the package, asks where to save it, writes it durably, then records it as sent. */
  async create(input: PackageRequestInput): Promise<Saved<CreatedPackage> | null> {
    const store = this.session.writableStore();
    const now = new Date();
    let pkg: VerifiedPackage;
    try {
      pkg = buildReviewPackage(
        this.doc,
        { ...input, packageId: randomUUID(), createdAt: now.toISOString(), createdBy: this.session.signature },
        sha256,
      );
    } catch (error) {
      throw asServiceError(error);
    }
    const settings = this.session.settings;
    const target = await this.desktop.pickReviewTarget(packageFileName(pkg.reviewer, localDate(now)), settings.value.lastExportDir);
    if (!target) return null;
    try {
      await writePackageFile(target, pkg);
    } catch (error) {
      throw new ServiceError('WRITE_FAILED', de.review.file.writeFailed(describeIoError(error)));
    }
    try {
      const { savedAt } = await store.commit((doc) => recordPackageSent(doc, pkg, path.basename(target), this.env()));
      await settings.update((current) => ({ ...current, lastExportDir: path.dirname(target) })).catch(() => undefined);
      const row = this.list().find((r) => r.id === pkg.packageId)!;
      return { value: { row, path: target }, savedAt };
    } catch (error) {
      // A package the register does not know about must not be sent: remove the file again.
      await fs.rm(target, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** Asks for a returned package, verifies it and plans the merge; nothing is changed yet. */
  async previewImport(): Promise<ReviewImportPreview | null> {
    this.session.writableStore();
    const file = await this.desktop.pickReviewPackage('import');
    if (!file) return null;
    let plan: MergePlan;
    try {
      plan = planMerge(this.doc, await readPackageFile(file), path.basename(file));
    } catch (error) {
      if (error instanceof ReviewPackageError)
        throw new ServiceError('VALIDATION', de.review.file.openFailed(path.basename(file), error.message));
      throw asServiceError(error);
    }
    this.preview = { id: randomUUID(), plan };
    return { previewId: this.preview.id, plan };
  }

  async applyImport(previewId: string, decisions: Decisions, confirmUnrecorded = false): Promise<Saved<ReviewImportOutcome>> {
    const store = this.session.writableStore();
    if (this.preview?.id !== previewId) throw new ServiceError('CONFLICT', de.review.file.noPreview);
    const plan = this.preview.plan;
    // Without a record of sending, the package's hashes prove nothing (a checksum is no signature).
    if (plan.notRecorded && !confirmUnrecorded) throw new ServiceError('FORBIDDEN', de.review.file.unrecordedRefused);
    if (plan.duplicateOf) {
      // Importing the same package again changes nothing, not even the file.
      this.preview = null;
      return {
        value: { importId: null, appliedCount: 0, entryCount: plan.entries.length },
        savedAt: store.lastSavedAt ?? new Date().toISOString(),
      };
    }
    try {
      const { result, savedAt } = await store.commit((doc) => {
        const merged = applyMerge(doc, plan, decisions, this.env());
        const outcome = { importId: merged.importRecord?.id ?? null, appliedCount: merged.appliedCount, entryCount: plan.entries.length };
        return { doc: merged.doc, result: outcome };
      });
      this.preview = null;
      return { value: result, savedAt };
    } catch (error) {
      throw asServiceError(error);
    }
  }

  async undoImport(importId: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    try {
      const { savedAt } = await store.commit((doc) => undoImport(doc, importId, this.env()));
      return { value: null, savedAt };
    } catch (error) {
      throw asServiceError(error);
    }
  }

  async reply(commentId: string, text: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    try {
      const { savedAt } = await store.commit((doc) => replyToComment(doc, commentId, text, this.env()).doc);
      return { value: null, savedAt };
    } catch (error) {
      throw asServiceError(error);
    }
  }

  async resolve(commentId: string, resolved: boolean): Promise<Saved<null>> {
    const store = this.session.writableStore();
    try {
      const { savedAt } = await store.commit((doc) => setCommentResolved(doc, commentId, resolved, this.env()));
      return { value: null, savedAt };
    } catch (error) {
      throw asServiceError(error);
    }
  }

  /** Prüfvermerk (Word): of the package open in review mode, or of an imported package of the register. */
  async exportNote(packageId: string | null): Promise<ExportResult | null> {
    let data: ReviewNoteData | null;
    if (packageId === null) data = noteFromPackage(this.review.require().pkg);
    else data = noteFromRegister(this.doc, packageId);
    if (!data) throw new ServiceError('NOT_FOUND', de.api.notFound);
    const settings = this.session.settings;
    const when = data.returnedAt ?? new Date().toISOString();
    const name = packageFileName(data.reviewer, when.slice(0, 10))
      .replace(/^Pruefpaket_/, 'Pruefvermerk_')
      .replace(/\.mpreview$/, '.docx');
    const target = await this.desktop.pickExportTarget(name, settings.value.lastExportDir);
    if (!target) return null;
    const { buildReviewNoteDocx } = await import('./reviewNoteDocx'); // docx loads on first use
    const bytes = await buildReviewNoteDocx({ data, generatedAt: new Date() });
    await writeExportFile(target, bytes);
    await settings.update((current) => ({ ...current, lastExportDir: path.dirname(target) })).catch(() => undefined);
    return { path: target, bytes: bytes.length };
  }
}
