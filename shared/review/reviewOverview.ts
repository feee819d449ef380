import { de } from '@shared/i18n/de';
import type { AuditEntry } from '@shared/audit/audit';
import type { RegisterDocument } from '@shared/register/register';
import {
  activeImportOf,
  packageRecord,
  reviewCommentSchema,
  type ReviewComment,
  type ReviewImport,
  type ReviewPackageRecord,
  type ReviewVote,
} from './review';
import { itemLabel, type ReviewItemKind } from './reviewFields';
import { repliesLostByUndo, ReviewMergeError, type MergeEnv } from './reviewMerge';
import type { ReviewPackage } from './reviewPackage';

/**
 * The register's view of reviews: the list of packages (sent, returned = imported, overdue), per item
 * the open reviews, votes and comment threads, and the two thread actions (reply, resolve). Pure.
 */
export type PackageStatus = 'sent' | 'overdue' | 'imported';

export interface ReviewPackageRow {
  id: string;
  reviewer: string;
  createdAt: string;
  createdBy: string;
  dueDate: string | null;
  message: string;
  fileName: string;
  itemCount: number;
  itemLabels: string[];
  status: PackageStatus;
  /** The import in force, if the package came back. */
  import:
    | (Pick<ReviewImport, 'id' | 'at' | 'user' | 'returnedAt' | 'entryCount' | 'appliedCount' | 'fileName'> & { repliesLostByUndo: number })
    | null;
  /** Imports that were undone (newest first). */
  undoneImports: Pick<ReviewImport, 'id' | 'at' | 'undoneAt' | 'undoneBy'>[];
}

export function packageStatus(record: ReviewPackageRecord, imported: boolean, today: string): PackageStatus {
  if (imported) return 'imported';
  return record.dueDate !== null && record.dueDate < today ? 'overdue' : 'sent';
}

/** All packages, newest first; `today` is the local date `YYYY-MM-DD` (for "überfällig"). */
export function packageRows(doc: RegisterDocument, today: string): ReviewPackageRow[] {
  return doc.reviews.packages
    .map((record) => {
      const active = activeImportOf(doc.reviews, record.id);
      return {
        id: record.id,
        reviewer: record.reviewer,
        createdAt: record.createdAt,
        createdBy: record.createdBy,
        dueDate: record.dueDate,
        message: record.message,
        fileName: record.fileName,
        itemCount: record.items.length,
        itemLabels: record.items.slice(0, 5).map((i) => i.label),
        status: packageStatus(record, !!active, today),
        import: active
          ? {
              id: active.id,
              at: active.at,
              user: active.user,
              returnedAt: active.returnedAt,
              entryCount: active.entryCount,
              appliedCount: active.appliedCount,
              fileName: active.fileName,
              repliesLostByUndo: repliesLostByUndo(doc, active.id),
            }
          : null,
        undoneImports: doc.reviews.imports
          .filter((i) => i.packageId === record.id && i.undoneAt !== null)
          .reverse()
          .map((i) => ({ id: i.id, at: i.at, undoneAt: i.undoneAt, undoneBy: i.undoneBy })),
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export interface CommentThread {
  comment: ReviewComment;
  replies: ReviewComment[];
}

export interface ItemReviews {
  /** Packages with this item that have not come back yet. */
  openPackages: { id: string; reviewer: string; dueDate: string | null; overdue: boolean; createdAt: string }[];
  /** The newest taken-over vote per reviewer, newest first. */
  votes: ReviewVote[];
  threads: CommentThread[];
  unresolved: number;
}

/** What the register knows about reviews of one item. */
export function itemReviews(doc: RegisterDocument, kind: ReviewItemKind, itemId: string, today: string): ItemReviews {
  const r = doc.reviews;
  const openPackages = r.packages
    .filter((p) => p.items.some((i) => i.kind === kind && i.id === itemId) && !activeImportOf(r, p.id))
    .map((p) => ({
      id: p.id,
      reviewer: p.reviewer,
      dueDate: p.dueDate,
      overdue: packageStatus(p, false, today) === 'overdue',
      createdAt: p.createdAt,
    }));
  const newestPerReviewer = new Map<string, ReviewVote>();
  for (const v of r.votes) if (v.itemKind === kind && v.itemId === itemId) newestPerReviewer.set(v.reviewer, v);
  const mine = r.comments.filter((c) => c.itemKind === kind && c.itemId === itemId);
  const threads = mine
    .filter((c) => c.parentId === null)
    .map((comment) => ({ comment, replies: mine.filter((c) => c.parentId === comment.id).sort((a, b) => a.at.localeCompare(b.at)) }))
    .sort((a, b) => b.comment.at.localeCompare(a.comment.at));
  return {
    openPackages,
    votes: [...newestPerReviewer.values()].sort((a, b) => b.at.localeCompare(a.at)),
    threads,
    unresolved: threads.filter((t) => t.comment.resolvedAt === null).length,
  };
}

function threadItemLabel(doc: RegisterDocument, c: ReviewComment): string {
  const item = c.itemKind === 'measure' ? doc.measures.find((m) => m.id === c.itemId) : doc.submissions.find((s) => s.id === c.itemId);
  return item ? itemLabel(c.itemKind, item) : c.itemId;
}

function auditOf(
  env: MergeEnv,
  doc: RegisterDocument,
  c: ReviewComment,
  action: AuditEntry['action'],
  changes: AuditEntry['changes'],
): AuditEntry {
  const entry: AuditEntry = {
    id: env.newId(),
    at: env.now,
    user: env.user,
    entityType: c.itemKind,
    entityId: c.itemId,
    entityLabel: threadItemLabel(doc, c).slice(0, 300),
    action,
    changes,
  };
  return c.packageId ? { ...entry, reviewPackageId: c.packageId } : entry;
}

/** A reply typed in the register to a comment (answers go to the thread's first comment). */
export function replyToComment(
  doc: RegisterDocument,
  commentId: string,
  text: string,
  env: MergeEnv,
): { doc: RegisterDocument; reply: ReviewComment } {
  const target = doc.reviews.comments.find((c) => c.id === commentId);
  if (!target) throw new ReviewMergeError(de.review.thread.notFound);
  const root = target.parentId ? (doc.reviews.comments.find((c) => c.id === target.parentId) ?? target) : target;
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (clean === '') throw new ReviewMergeError(de.review.problems.textRequired);
  const reply: ReviewComment = {
    id: env.newId(),
    itemKind: root.itemKind,
    itemId: root.itemId,
    parentId: root.id,
    kind: 'reply',
    packageId: root.packageId,
    importId: root.importId,
    field: root.field,
    author: env.user,
    at: env.now,
    text: clean,
    vote: null,
    base: null,
    proposed: null,
    basedOn: null,
    outcome: null,
    resolvedAt: null,
    resolvedBy: null,
  };
  const checked = reviewCommentSchema.safeParse(reply);
  if (!checked.success) throw new ReviewMergeError(checked.error.issues[0]?.message ?? de.validation.invalidField);
  const entry = auditOf(env, doc, root, 'comment', [{ field: 'reply', old: null, new: clean }]);
  return { doc: { ...doc, reviews: { ...doc.reviews, comments: [...doc.reviews.comments, reply] }, audit: [...doc.audit, entry] }, reply };
}

/** Marks a thread as resolved ("erledigt") or opens it again. */
export function setCommentResolved(doc: RegisterDocument, commentId: string, resolved: boolean, env: MergeEnv): RegisterDocument {
  const target = doc.reviews.comments.find((c) => c.id === commentId);
  if (!target) throw new ReviewMergeError(de.review.thread.notFound);
  const root = target.parentId ? (doc.reviews.comments.find((c) => c.id === target.parentId) ?? target) : target;
  if ((root.resolvedAt !== null) === resolved) return doc;
  const updated: ReviewComment = { ...root, resolvedAt: resolved ? env.now : null, resolvedBy: resolved ? env.user : null };
  const entry = auditOf(env, doc, root, 'resolve', [{ field: 'resolved', old: !resolved, new: resolved }]);
  return {
    ...doc,
    reviews: { ...doc.reviews, comments: doc.reviews.comments.map((c) => (c.id === root.id ? updated : c)) },
    audit: [...doc.audit, entry],
  };
}

/** The register after sending a package: its record (items with hashes) and an audit entry. */
export function recordPackageSent(doc: RegisterDocument, pkg: ReviewPackage, fileName: string, env: MergeEnv): RegisterDocument {
  const entry: AuditEntry = {
    id: env.newId(),
    at: env.now,
    user: env.user,
    entityType: 'reviewPackage',
    entityId: pkg.packageId,
    entityLabel: de.review.merge.auditLabel(pkg.reviewer).slice(0, 300),
    action: 'create',
    changes: [
      { field: 'reviewer', old: null, new: pkg.reviewer },
      {
        field: 'items',
        old: null,
        new: pkg.items
          .map((i) => i.label)
          .join('; ')
          .slice(0, 2000),
      },
      { field: 'dueDate', old: null, new: pkg.dueDate },
    ],
    reviewPackageId: pkg.packageId,
  };
  return {
    ...doc,
    reviews: { ...doc.reviews, packages: [...doc.reviews.packages, packageRecord(pkg, fileName)] },
    audit: [...doc.audit, entry],
  };
}
