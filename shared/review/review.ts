import { z } from 'zod';
import { id, isoDate, isoDateTime, multiLineText } from '@shared/core/primitives';
import { REVIEW_ITEM_KINDS } from './reviewFields';
import { jsonValueSchema, REVIEW_VOTES, type ReviewPackage } from './reviewPackage';

/**
 * What the register keeps about offline reviews (`RegisterDocument.reviews`): the packages sent, the
 * comment threads and votes that came back, and every import (so one can be undone as a whole).
 */
const itemKind = z.enum(REVIEW_ITEM_KINDS);
const person = z.string().max(120);

/** A package as it was sent: who reviews what, until when, and the hash of each item's snapshot. */
export const reviewPackageRecordSchema = z.strictObject({
  id,
  createdAt: isoDateTime,
  createdBy: person,
  reviewer: person,
  dueDate: isoDate.nullable(),
  message: multiLineText(4000),
  fileName: z.string().max(255),
  items: z.array(
    z.strictObject({
      kind: itemKind,
      id,
      label: z.string().max(800),
      version: z.number().int().min(1),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type ReviewPackageRecord = z.infer<typeof reviewPackageRecordSchema>;

export const REVIEW_COMMENT_KINDS = ['comment', 'suggestion', 'vote', 'reply'] as const;
/**
 * What became of a reviewer's entry: applied (suggestion taken over), declined (the clerk chose not
 * to), open (still to be decided; stays an unresolved comment), reported (item deleted or proposal not
 * applicable), or null for plain comments and replies.
 */
export const REVIEW_OUTCOMES = ['applied', 'declined', 'open', 'reported'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** One comment in an item's thread: from a package (with its import) or typed in the register (a reply). */
export const reviewCommentSchema = z.strictObject({
  id,
  itemKind,
  itemId: id,
  /** A reply points to the comment it answers. */
  parentId: id.nullable(),
  kind: z.enum(REVIEW_COMMENT_KINDS),
  packageId: id.nullable(),
  importId: id.nullable(),
  field: z.string().max(60).nullable(),
  author: person,
  at: isoDateTime,
  text: multiLineText(10_000),
  vote: z.enum(REVIEW_VOTES).nullable(),
  /** For suggestions: the value at the snapshot and the proposed one. */
  base: jsonValueSchema.nullable(),
  proposed: jsonValueSchema.nullable(),
  /** Set when the item changed after the snapshot: "bezieht sich auf Stand vom …". */
  basedOn: z.strictObject({ version: z.number().int().min(1), updatedAt: isoDateTime }).nullable(),
  outcome: z.enum(REVIEW_OUTCOMES).nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolvedBy: person.nullable(),
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

/** A verdict that was taken over into the register. The newest one per item counts. */
export const reviewVoteSchema = z.strictObject({
  id,
  itemKind,
  itemId: id,
  packageId: id,
  importId: id,
  vote: z.enum(REVIEW_VOTES),
  reason: multiLineText(4000),
  reviewer: person,
  /** When the reviewer voted. */
  at: isoDateTime,
  /** The item version the reviewer saw; lower than the current one when confirmed on a changed item. */
  itemVersion: z.number().int().min(1),
});
export type ReviewVote = z.infer<typeof reviewVoteSchema>;

/** The fields an import changed on one item, with the state before, so the import can be undone. */
export const reviewItemChangeSchema = z.strictObject({
  itemKind,
  itemId: id,
  changes: z.array(z.strictObject({ field: z.string().max(60), old: jsonValueSchema, new: jsonValueSchema })),
  versionBefore: z.number().int().min(1),
  versionAfter: z.number().int().min(1),
  updatedAtBefore: isoDateTime,
});
export type ReviewItemChange = z.infer<typeof reviewItemChangeSchema>;

export const reviewImportSchema = z.strictObject({
  id,
  packageId: id,
  at: isoDateTime,
  user: person,
  fileName: z.string().max(255),
  reviewer: person,
  returnedAt: isoDateTime.nullable(),
  entryCount: z.number().int().min(0),
  appliedCount: z.number().int().min(0),
  commentIds: z.array(id),
  voteIds: z.array(id),
  itemChanges: z.array(reviewItemChangeSchema),
  undoneAt: isoDateTime.nullable(),
  undoneBy: person.nullable(),
});
export type ReviewImport = z.infer<typeof reviewImportSchema>;

export const reviewStateSchema = z.strictObject({
  packages: z.array(reviewPackageRecordSchema),
  comments: z.array(reviewCommentSchema),
  votes: z.array(reviewVoteSchema),
  imports: z.array(reviewImportSchema),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

export function emptyReviewState(): ReviewState {
  return { packages: [], comments: [], votes: [], imports: [] };
}

/** The import of a package that is in force (not undone), if any. */
export function activeImportOf(state: ReviewState, packageId: string): ReviewImport | undefined {
  return state.imports.find((i) => i.packageId === packageId && i.undoneAt === null);
}

/** What the register records when a package is sent. */
export function packageRecord(pkg: ReviewPackage, fileName: string): ReviewPackageRecord {
  return {
    id: pkg.packageId,
    createdAt: pkg.createdAt,
    createdBy: pkg.createdBy,
    reviewer: pkg.reviewer,
    dueDate: pkg.dueDate,
    message: pkg.message,
    fileName: fileName.slice(0, 255),
    items: pkg.items.map((i) => ({ kind: i.kind, id: i.id, label: i.label, version: i.version, hash: i.hash })),
  };
}
