import { createHash } from 'node:crypto';
import type { JsonValue } from '@shared/audit/audit';
import type { RegisterDocument } from '@shared/register/register';
import { recordPackageSent } from '@shared/review/reviewOverview';
import {
  buildReviewPackage,
  packageText,
  sealPackage,
  type ReviewVoteValue,
  type Sha256,
  type VerifiedPackage,
} from '@shared/review/reviewPackage';
import { addComment, finishReview, setSuggestion, setVote } from '@shared/review/reviewWork';
import { makeRegister } from '@tests/fixtures/documents';

/** Builders for review tests: a register, a package of it, the reviewer's work, and the returned file text. */
export const sha256: Sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

export const T0 = '2025-03-01T10:00:00.000Z';
export const T1 = '2025-03-05T09:00:00.000Z';
export const T2 = '2025-03-10T12:00:00.000Z';

let counter = 0;
export function ids(): () => string {
  return () => `id-${++counter}`;
}

export const env = (now = T2) => ({ user: 'Sachbearbeitung', now, newId: ids() });

export function register(): RegisterDocument {
  return makeRegister(3);
}

export function newPackage(doc: RegisterDocument, measureIds: string[] = ['m-01', 'm-02'], submissionIds: string[] = []): VerifiedPackage {
  return buildReviewPackage(
    doc,
    {
      packageId: `pkg-${++counter}`,
      createdAt: T0,
      createdBy: 'Sachbearbeitung',
      reviewer: 'Dr. Prüferin',
      dueDate: '2025-03-31',
      message: 'Bitte bis Monatsende.',
      measureIds,
      submissionIds,
    },
    sha256,
  );
}

export type Work =
  | { kind: 'comment'; itemId: string; field?: string | null; text: string }
  | { kind: 'suggestion'; itemId: string; field: string; value: JsonValue; note?: string }
  | { kind: 'vote'; itemId: string; vote: ReviewVoteValue; reason?: string };

/** The reviewer's work applied in order, then "Prüfung abschließen". */
export function review(pkg: VerifiedPackage, work: readonly Work[], finish = true): VerifiedPackage {
  let current = pkg;
  for (const w of work) {
    const stamp = { id: `entry-${++counter}`, at: T1 };
    const next =
      w.kind === 'comment'
        ? addComment(current, w.itemId, w.field ?? null, w.text, stamp)
        : w.kind === 'suggestion'
          ? setSuggestion(current, w.itemId, w.field, w.value, w.note ?? '', stamp)
          : setVote(current, w.itemId, w.vote, w.reason ?? '', stamp);
    current = sealPackage(next, sha256);
  }
  return finish ? sealPackage(finishReview(current, T1), sha256) : current;
}

/** A register that has sent `pkg` (as the app records it). */
export function sent(doc: RegisterDocument, pkg: VerifiedPackage): RegisterDocument {
  return recordPackageSent(doc, pkg, 'paket.mpreview', env(T0));
}

export function text(pkg: VerifiedPackage): string {
  return packageText(pkg);
}

/** The register after the clerk edited measure `id` (version + 1). */
export function edited(doc: RegisterDocument, id: string, patch: Record<string, unknown>): RegisterDocument {
  return {
    ...doc,
    measures: doc.measures.map((m) => (m.id === id ? { ...m, ...patch, version: m.version + 1, updatedAt: T1 } : m)),
  };
}
