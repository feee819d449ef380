import { z } from 'zod';
import { empty, method, type ExportResult, type Saved } from '@shared/core/contractKit';
import type { Session } from '@shared/session/sessionContract';
import { id, isoDate, multiLineText, singleLineText } from '@shared/core/primitives';
import type { ReviewImport } from './review';
import { REVIEW_ITEM_KINDS } from './reviewFields';
import type { MergePlanData } from './reviewMerge';
import type { ItemReviews, ReviewPackageRow } from './reviewOverview';
import { jsonValueSchema, REVIEW_VOTES, type ReviewEntry, type ReviewPackage } from './reviewPackage';

/**
 * The contract methods of offline review (spread into `contract` in contract.ts, names in methods.ts).
 * Review mode works on an opened package file; the other methods work on the open register.
 */

/** Review mode: the opened package and its file. */
export interface ReviewModeView {
  path: string;
  fileName: string;
  pkg: ReviewPackage;
  savedAt: string | null;
}

/** What a change in review mode returns: the reviewer's work, not the whole package again. */
export interface ReviewWork {
  entries: ReviewEntry[];
  state: ReviewPackage['state'];
  savedAt: string | null;
  returnedAt: string | null;
}

export interface CreatedPackage {
  row: ReviewPackageRow;
  path: string;
}

export interface ReviewImportPreview {
  /** Pass back to applyReviewImport; the verified package stays in main meanwhile. */
  previewId: string;
  plan: MergePlanData;
}

export interface ReviewImportOutcome {
  importId: ReviewImport['id'] | null;
  appliedCount: number;
  entryCount: number;
}

const fieldName = z.string().min(1).max(60);
const ids = z.array(id).max(20_000);

export const reviewContract = {
  /** Null while the window works on a register; the package in review mode. */
  getReviewMode: method<ReviewModeView | null>()(empty),
  /** Asks for a package file (dialog) and switches to review mode. Null when cancelled. */
  openReviewPackage: method<ReviewModeView | null>()(empty),
  /** Leaves review mode (the package stays saved) and returns to the register. */
  closeReviewPackage: method<Session>()(empty),
  addReviewComment: method<Saved<ReviewWork>>()(z.strictObject({ itemId: id, field: fieldName.nullable(), text: multiLineText(10_000) })),
  setReviewSuggestion: method<Saved<ReviewWork>>()(
    z.strictObject({ itemId: id, field: fieldName, value: jsonValueSchema, note: multiLineText(4000) }),
  ),
  setReviewVote: method<Saved<ReviewWork>>()(
    z.strictObject({ itemId: id, vote: z.enum(REVIEW_VOTES).nullable(), reason: multiLineText(4000) }),
  ),
  removeReviewEntry: method<Saved<ReviewWork>>()(z.strictObject({ entryId: id })),
  /** "Prüfung abschließen": marks the package as returned. */
  finishReview: method<Saved<ReviewWork>>()(empty),
  /** Prüfvermerk as Word: of the package in review mode (`packageId` null) or of an imported package of the register. */
  exportReviewNote: method<ExportResult | null>()(z.strictObject({ packageId: id.nullable() })),

  listReviewPackages: method<ReviewPackageRow[]>()(empty),
  /** Builds the package, asks where to save it (dialog), writes it and records it as sent. Null when cancelled. */
  createReviewPackage: method<Saved<CreatedPackage> | null>()(
    z.strictObject({
      reviewer: singleLineText(120),
      dueDate: isoDate.nullable(),
      message: multiLineText(4000),
      measureIds: ids,
      submissionIds: ids,
    }),
  ),
  /** Asks for a returned package (dialog), verifies it and plans the merge. Null when cancelled. */
  previewReviewImport: method<ReviewImportPreview | null>()(empty),
  /** `confirmUnrecorded`: the user confirmed reading back a package this register has no record of sending. */
  applyReviewImport: method<Saved<ReviewImportOutcome>>()(
    z.strictObject({
      previewId: id,
      decisions: z.record(id, z.enum(['accept', 'decline', 'later'])),
      confirmUnrecorded: z.boolean().optional(),
    }),
  ),
  undoReviewImport: method<Saved<null>>()(z.strictObject({ importId: id })),
  getItemReviews: method<ItemReviews>()(z.strictObject({ kind: z.enum(REVIEW_ITEM_KINDS), id })),
  replyReviewComment: method<Saved<null>>()(z.strictObject({ commentId: id, text: multiLineText(10_000) })),
  resolveReviewComment: method<Saved<null>>()(z.strictObject({ commentId: id, resolved: z.boolean() })),
} as const;
