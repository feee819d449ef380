import { de } from '@shared/i18n/de';
import type { JsonValue } from '@shared/audit/audit';
import type { RegisterDocument } from '@shared/register/register';
import { activeImportOf, type ReviewOutcome } from './review';
import { fieldLabel, fieldValue, formatFieldValue, type ReadingContext, type ReviewItemKind } from './reviewFields';
import type { ReviewPackage, ReviewVoteValue } from './reviewPackage';

/**
 * The content of a Prüfvermerk (Word summary of a returned review): who reviewed what when, the vote
 * and the comments and proposals per item. Built either from a package (review mode) or from what an
 * import brought into the register. Pure; the Word layout is electron/main/review/reviewNoteDocx.ts.
 */
export interface NoteComment {
  field: string | null;
  text: string;
  at: string;
  /** "bezieht sich auf Stand vom …" when the item changed meanwhile. */
  basedOnAt: string | null;
}

export interface NoteSuggestion {
  field: string;
  base: string;
  proposed: string;
  note: string;
  outcome: ReviewOutcome | null;
}

export interface NoteItem {
  kind: ReviewItemKind;
  label: string;
  vote: { vote: ReviewVoteValue; reason: string; at: string; taken: boolean } | null;
  comments: NoteComment[];
  suggestions: NoteSuggestion[];
}

export interface ReviewNoteData {
  packageId: string;
  registerName: string;
  reviewer: string;
  createdBy: string;
  createdAt: string;
  dueDate: string | null;
  returnedAt: string | null;
  /** When and by whom it was taken into the register (null in review mode). */
  imported: { at: string; user: string } | null;
  message: string;
  items: NoteItem[];
}

function valueText(kind: ReviewItemKind, field: string, value: JsonValue | null, ctx: ReadingContext): string {
  return formatFieldValue(kind, field, value, ctx) || de.review.note.empty;
}

/** From the package itself (review mode: the reviewer's own record of the review). */
export function noteFromPackage(pkg: ReviewPackage): ReviewNoteData {
  const ctx = pkg.context;
  return {
    packageId: pkg.packageId,
    registerName: ctx.registerName,
    reviewer: pkg.reviewer,
    createdBy: pkg.createdBy,
    createdAt: pkg.createdAt,
    dueDate: pkg.dueDate,
    returnedAt: pkg.returnedAt,
    imported: null,
    message: pkg.message,
    items: pkg.items.map((item) => {
      const entries = pkg.entries.filter((e) => e.itemId === item.id);
      const vote = entries.find((e) => e.kind === 'vote');
      return {
        kind: item.kind,
        label: item.label,
        vote: vote?.kind === 'vote' ? { vote: vote.vote, reason: vote.reason, at: vote.at, taken: true } : null,
        comments: entries.flatMap((e) =>
          e.kind === 'comment' ? [{ field: e.field ? fieldLabel(item.kind, e.field) : null, text: e.text, at: e.at, basedOnAt: null }] : [],
        ),
        suggestions: entries.flatMap((e) =>
          e.kind === 'suggestion'
            ? [
                {
                  field: fieldLabel(item.kind, e.field),
                  base: valueText(item.kind, e.field, fieldValue(item.snapshot, e.field), ctx),
                  proposed: valueText(item.kind, e.field, e.value, ctx),
                  note: e.note,
                  outcome: null,
                },
              ]
            : [],
        ),
      };
    }),
  };
}

/** From the register after the import of package `packageId`; null when it has not been imported. */
export function noteFromRegister(doc: RegisterDocument, packageId: string): ReviewNoteData | null {
  const record = doc.reviews.packages.find((p) => p.id === packageId);
  const imported = activeImportOf(doc.reviews, packageId);
  if (!record || !imported) return null;
  const ctx: ReadingContext = {
    actionFields: doc.actionFields,
    orgUnits: doc.orgUnits,
    statuses: doc.statuses,
    bodies: doc.bodies,
    measureLabels: doc.measures.map((m) => ({ id: m.id, number: m.number, title: m.title })),
  };
  const comments = doc.reviews.comments.filter((c) => c.importId === imported.id && c.kind !== 'reply');
  const votes = doc.reviews.votes.filter((v) => v.importId === imported.id);
  return {
    packageId,
    registerName: doc.name,
    reviewer: record.reviewer,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    dueDate: record.dueDate,
    returnedAt: imported.returnedAt,
    imported: { at: imported.at, user: imported.user },
    message: record.message,
    items: record.items.map((item) => {
      const mine = comments.filter((c) => c.itemKind === item.kind && c.itemId === item.id);
      const taken = votes.find((v) => v.itemKind === item.kind && v.itemId === item.id);
      const pending = mine.find((c) => c.kind === 'vote');
      const vote = taken
        ? { vote: taken.vote, reason: taken.reason, at: taken.at, taken: true }
        : pending?.vote
          ? { vote: pending.vote, reason: pending.text, at: pending.at, taken: false }
          : null;
      return {
        kind: item.kind,
        label: item.label,
        vote,
        comments: mine
          .filter((c) => c.kind === 'comment')
          .map((c) => ({
            field: c.field ? fieldLabel(item.kind, c.field) : null,
            text: c.text,
            at: c.at,
            basedOnAt: c.basedOn?.updatedAt ?? null,
          })),
        suggestions: mine
          .filter((c) => c.kind === 'suggestion' && c.field)
          .map((c) => ({
            field: fieldLabel(item.kind, c.field!),
            base: valueText(item.kind, c.field!, c.base, ctx),
            proposed: valueText(item.kind, c.field!, c.proposed, ctx),
            note: c.text,
            outcome: c.outcome,
          })),
      };
    }),
  };
}
