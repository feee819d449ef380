import { de } from '@shared/i18n/de';
import type { JsonValue } from '@shared/audit/audit';
import { checkFieldValue, fieldValue, isCommentableField, isSuggestableField } from './reviewFields';
import {
  itemOf,
  reviewEntrySchema,
  type ReviewEntry,
  type ReviewPackage,
  type ReviewVoteValue,
  type UnsealedPackage,
} from './reviewPackage';

/**
 * The reviewer's work on an open package, as pure steps: each takes the package and returns the changed
 * package (not yet sealed or saved) or throws a ReviewWorkError with a German message. Review mode saves
 * the result into the package file after every step.
 */
export class ReviewWorkError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface WorkStamp {
  /** Id of the new entry. */
  id: string;
  at: string;
}

const reviewProblemsTexts = de.review.problems;

function assertOpen(pkg: ReviewPackage): void {
  if (pkg.state !== 'open') throw new ReviewWorkError(reviewProblemsTexts.alreadyReturned);
}

function requireItem(pkg: ReviewPackage, itemId: string) {
  const item = itemOf(pkg, itemId);
  if (!item) throw new ReviewWorkError(reviewProblemsTexts.unknownItem);
  return item;
}

/** The new entry exactly as the file format demands (no control characters, lengths), or a German refusal. */
function valid(entry: ReviewEntry): ReviewEntry {
  const result = reviewEntrySchema.safeParse(entry);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ReviewWorkError(issue.message, String(issue.path[0] ?? 'text'));
}

function touched(pkg: ReviewPackage, entries: ReviewEntry[], at: string): UnsealedPackage {
  const { checksum: _checksum, ...rest } = pkg;
  return { ...rest, entries, savedAt: at };
}

/** A comment on the item (`field` null) or on one of its fields. */
export function addComment(pkg: ReviewPackage, itemId: string, field: string | null, text: string, stamp: WorkStamp): UnsealedPackage {
  assertOpen(pkg);
  const item = requireItem(pkg, itemId);
  if (field !== null && !isCommentableField(item.kind, field)) throw new ReviewWorkError(reviewProblemsTexts.unknownField(field), 'field');
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (clean === '') throw new ReviewWorkError(reviewProblemsTexts.textRequired, 'text');
  return touched(pkg, [...pkg.entries, valid({ id: stamp.id, itemId, at: stamp.at, kind: 'comment', field, text: clean })], stamp.at);
}

/** Proposes a value for one field; replaces an earlier proposal for the same field. */
export function setSuggestion(
  pkg: ReviewPackage,
  itemId: string,
  field: string,
  value: JsonValue,
  note: string,
  stamp: WorkStamp,
): UnsealedPackage {
  assertOpen(pkg);
  const item = requireItem(pkg, itemId);
  if (!isSuggestableField(item.kind, field)) throw new ReviewWorkError(reviewProblemsTexts.fieldNotSuggestable, 'field');
  const normalized = typeof value === 'string' && field !== 'status' && field !== 'climateImpact' ? value.replace(/\r\n?/g, '\n') : value;
  const problem = checkFieldValue(item.kind, field, normalized);
  if (problem) throw new ReviewWorkError(problem, 'value');
  if (JSON.stringify(fieldValue(item.snapshot, field)) === JSON.stringify(normalized))
    throw new ReviewWorkError(reviewProblemsTexts.sameValue, 'value');
  const others = pkg.entries.filter((e) => !(e.kind === 'suggestion' && e.itemId === itemId && e.field === field));
  return touched(
    pkg,
    [
      ...others,
      valid({
        id: stamp.id,
        itemId,
        at: stamp.at,
        kind: 'suggestion',
        field,
        value: normalized,
        note: note.replace(/\r\n?/g, '\n').trim(),
      }),
    ],
    stamp.at,
  );
}

/** Sets (or replaces) the verdict on an item; "Änderungen erbeten" and "abgelehnt" need a reason. */
export function setVote(
  pkg: ReviewPackage,
  itemId: string,
  vote: ReviewVoteValue | null,
  reason: string,
  stamp: WorkStamp,
): UnsealedPackage {
  assertOpen(pkg);
  requireItem(pkg, itemId);
  const clean = reason.replace(/\r\n?/g, '\n').trim();
  if (vote !== null && vote !== 'freigegeben' && clean === '') throw new ReviewWorkError(reviewProblemsTexts.reasonRequired, 'reason');
  const others = pkg.entries.filter((e) => !(e.kind === 'vote' && e.itemId === itemId));
  const next: ReviewEntry[] =
    vote === null ? others : [...others, valid({ id: stamp.id, itemId, at: stamp.at, kind: 'vote', vote, reason: clean })];
  return touched(pkg, next, stamp.at);
}

/** Removes one of the reviewer's own entries (while the package is open). */
export function removeEntry(pkg: ReviewPackage, entryId: string, at: string): UnsealedPackage {
  assertOpen(pkg);
  if (!pkg.entries.some((e) => e.id === entryId)) throw new ReviewWorkError(reviewProblemsTexts.unknownEntry);
  return touched(
    pkg,
    pkg.entries.filter((e) => e.id !== entryId),
    at,
  );
}

/** "Prüfung abschließen": the package becomes the returned package; no more changes. */
export function finishReview(pkg: ReviewPackage, at: string): UnsealedPackage {
  assertOpen(pkg);
  const { checksum: _checksum, ...rest } = pkg;
  return { ...rest, state: 'returned', returnedAt: at, savedAt: at };
}
