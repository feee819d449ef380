import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { isJsonValue, type JsonValue } from '@shared/audit/audit';
import { bodySchema } from '@shared/participation/body';
import { actionFieldSchema } from '@shared/editions/edition';
import { measureSchema, type Measure } from '@shared/register/measure';
import { orgUnitSchema } from '@shared/register/orgUnit';
import { id, isoDate, isoDateTime, multiLineText, requiredLine, singleLineText } from '@shared/core/primitives';
import type { RegisterDocument } from '@shared/register/register';
import {
  checkFieldValue,
  isCommentableField,
  isSuggestableField,
  itemLabel,
  type ReadingContext,
  type ReviewItemKind,
} from './reviewFields';
import { statusDefinitionSchema } from '@shared/register/status';
import { submissionSchema, type Submission } from '@shared/submissions/submission';

/**
 * The review package ("Prüfpaket", file `.mpreview`): a snapshot of selected measures and submissions
 * with what is needed to read them, plus the reviewer's work. Integrity: each item carries the SHA-256
 * of its snapshot (canonical JSON) and the whole package a checksum over everything else, recomputed on
 * every save by the app. A package is only trusted after `readReviewPackage` checked all of it; that is
 * the only function that hands out the branded `VerifiedPackage` the merge accepts. See docs/review.md.
 *
 * Pure: the SHA-256 function is passed in (node:crypto in main and CLI), so shared/ stays free of Node.
 */
export const REVIEW_FORMAT = 'masterplan-pruefpaket';
export const REVIEW_FORMAT_VERSION = 1;
export const REVIEW_FILE_EXTENSION = 'mpreview';
export const MAX_REVIEW_PACKAGE_BYTES = 200 * 1024 * 1024;

export const REVIEW_VOTES = ['freigegeben', 'aenderungen', 'abgelehnt'] as const;
export type ReviewVoteValue = (typeof REVIEW_VOTES)[number];

/** Hex SHA-256 of a UTF-8 string. */
export type Sha256 = (text: string) => string;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const jsonValueSchema = z.custom<JsonValue>((value) => isJsonValue(value), { message: de.validation.invalidField });
const fieldName = z.string().min(1).max(60);

const entryBase = { id, itemId: id, at: isoDateTime };

export const reviewEntrySchema = z.discriminatedUnion('kind', [
  /** A comment on the item (`field` null) or on one field. */
  z.strictObject({
    ...entryBase,
    kind: z.literal('comment'),
    field: fieldName.nullable(),
    text: multiLineText(10_000).regex(/\S/, de.review.problems.textRequired),
  }),
  /** A proposed new value for one field; never applied in review mode. */
  z.strictObject({ ...entryBase, kind: z.literal('suggestion'), field: fieldName, value: jsonValueSchema, note: multiLineText(4000) }),
  /** The reviewer's verdict on the item; one per item. */
  z.strictObject({ ...entryBase, kind: z.literal('vote'), vote: z.enum(REVIEW_VOTES), reason: multiLineText(4000) }),
]);
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;
export type CommentEntry = Extract<ReviewEntry, { kind: 'comment' }>;
export type SuggestionEntry = Extract<ReviewEntry, { kind: 'suggestion' }>;
export type VoteEntry = Extract<ReviewEntry, { kind: 'vote' }>;

const itemBase = { id, label: z.string().max(800), version: z.number().int().min(1), updatedAt: isoDateTime, hash: sha256Hex };
export const packageItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...itemBase, kind: z.literal('measure'), snapshot: measureSchema }),
  z.strictObject({ ...itemBase, kind: z.literal('submission'), snapshot: submissionSchema }),
]);
export type PackageItem = z.infer<typeof packageItemSchema>;

export const packageContextSchema = z.strictObject({
  registerName: z.string().max(200),
  actionFields: z.array(actionFieldSchema),
  orgUnits: z.array(orgUnitSchema),
  statuses: z.array(statusDefinitionSchema),
  bodies: z.array(bodySchema),
  measureLabels: z.array(z.strictObject({ id, number: z.string().max(20), title: z.string().max(200) })),
});
export type PackageContext = z.infer<typeof packageContextSchema>;

export const reviewPackageSchema = z.strictObject({
  format: z.literal(REVIEW_FORMAT),
  formatVersion: z.literal(REVIEW_FORMAT_VERSION),
  packageId: id,
  registerId: id,
  createdAt: isoDateTime,
  createdBy: singleLineText(120),
  reviewer: requiredLine(120, de.review.problems.reviewerRequired),
  dueDate: isoDate.nullable(),
  message: multiLineText(4000),
  context: packageContextSchema,
  items: z.array(packageItemSchema).min(1).max(20_000),
  entries: z.array(reviewEntrySchema).max(200_000),
  state: z.enum(['open', 'returned']),
  /** Last save of the reviewer's work (null while untouched). */
  savedAt: isoDateTime.nullable(),
  returnedAt: isoDateTime.nullable(),
  checksum: sha256Hex,
});
export type ReviewPackage = z.infer<typeof reviewPackageSchema>;
export type UnsealedPackage = Omit<ReviewPackage, 'checksum'>;

declare const verifiedBrand: unique symbol;
/**
 * A package whose format, schema, item hashes, checksum and entries were checked. Only
 * `readReviewPackage` and `sealPackage` produce it; the merge accepts nothing else, so a package read
 * with a plain JSON.parse cannot reach the register by accident.
 */
export type VerifiedPackage = ReviewPackage & { readonly [verifiedBrand]: true };

export type PackageProblemKind =
  'empty' | 'binary' | 'tooLarge' | 'damaged' | 'notAPackage' | 'newer' | 'invalid' | 'tampered' | 'foreign' | 'notReturned' | 'io';

/** A package that cannot be used; `message` is German and says what to do. Nothing was applied. */
export class ReviewPackageError extends Error {
  constructor(
    readonly kind: PackageProblemKind,
    message: string,
  ) {
    super(message);
  }
}

/** JSON with object keys sorted and no white space: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

export function itemHash(snapshot: Measure | Submission, sha256: Sha256): string {
  return sha256(canonicalJson(snapshot));
}

export function packageChecksum(pkg: UnsealedPackage | ReviewPackage, sha256: Sha256): string {
  const { checksum: _checksum, ...rest } = pkg as ReviewPackage;
  return sha256(canonicalJson(rest));
}

/** Adds the checksum. The caller vouches that the content came from this program (built or changed here). */
export function sealPackage(pkg: UnsealedPackage | ReviewPackage, sha256: Sha256): VerifiedPackage {
  const { checksum: _old, ...rest } = pkg as ReviewPackage;
  return { ...rest, checksum: packageChecksum(rest, sha256) } as VerifiedPackage;
}

/** The package file's text: compact JSON, keys in schema order (readable by tools, hashed canonically). */
export function packageText(pkg: ReviewPackage): string {
  return JSON.stringify(pkg);
}

// ---------------------------------------------------------------------------------------------------
// Reading and verifying
// ---------------------------------------------------------------------------------------------------

const reviewFileTexts = de.review.file;

function parsePackageJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) throw new ReviewPackageError('damaged', reviewFileTexts.damaged(Number(lineColumn[1]), Number(lineColumn[2])));
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : /end of JSON input|Unterminated|Unexpected end/.test(message) ? text.length : null;
    if (offset === null) throw new ReviewPackageError('damaged', reviewFileTexts.damagedNoPosition);
    const before = text.slice(0, offset);
    throw new ReviewPackageError('damaged', reviewFileTexts.damaged(before.split('\n').length, offset - before.lastIndexOf('\n')));
  }
}

/**
 * Text of a `.mpreview` file → a verified package, or a ReviewPackageError naming the problem: empty,
 * binary, damaged/truncated (JSON error with position), not a package, newer format, invalid content,
 * changed outside the program (item hash or checksum wrong), inconsistent entries.
 */
export function readReviewPackage(text: string, sha256: Sha256): VerifiedPackage {
  if (text.trim() === '') throw new ReviewPackageError('empty', reviewFileTexts.empty);
  if (text.slice(0, 8192).includes('\u0000')) throw new ReviewPackageError('binary', reviewFileTexts.binary);
  const raw = parsePackageJson(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as Record<string, unknown>).format !== REVIEW_FORMAT)
    throw new ReviewPackageError('notAPackage', reviewFileTexts.notAPackage);
  const version = (raw as Record<string, unknown>).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ReviewPackageError('invalid', reviewFileTexts.invalid(reviewFileTexts.noFormatVersion));
  if (version > REVIEW_FORMAT_VERSION) throw new ReviewPackageError('newer', reviewFileTexts.newer(version, REVIEW_FORMAT_VERSION));
  const parsed = reviewPackageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? reviewFileTexts.at(issue.path.join('.')) : '';
    throw new ReviewPackageError('invalid', reviewFileTexts.invalid(`${where}${issue.message}`));
  }
  const pkg = parsed.data;
  for (const item of pkg.items) {
    if (item.snapshot.id !== item.id || item.snapshot.version !== item.version)
      throw new ReviewPackageError('tampered', reviewFileTexts.itemChanged(item.label));
    if (itemHash(item.snapshot, sha256) !== item.hash) throw new ReviewPackageError('tampered', reviewFileTexts.itemChanged(item.label));
  }
  if (packageChecksum(pkg, sha256) !== pkg.checksum) throw new ReviewPackageError('tampered', reviewFileTexts.checksum);
  const problem = checkEntries(pkg);
  if (problem) throw new ReviewPackageError('invalid', reviewFileTexts.invalid(problem));
  if (pkg.state === 'returned' && !pkg.returnedAt)
    throw new ReviewPackageError('invalid', reviewFileTexts.invalid(reviewFileTexts.noReturnedAt));
  return pkg as VerifiedPackage;
}

/** Cross-checks of the entries that the schema cannot do; null when consistent. */
export function checkEntries(pkg: Pick<ReviewPackage, 'items' | 'entries'>): string | null {
  const items = new Map(pkg.items.map((i) => [i.id, i]));
  if (items.size !== pkg.items.length) return de.review.problems.duplicateItem;
  const ids = new Set<string>();
  const votes = new Set<string>();
  const suggestions = new Set<string>();
  for (const entry of pkg.entries) {
    if (ids.has(entry.id)) return de.review.problems.duplicateEntry;
    ids.add(entry.id);
    const item = items.get(entry.itemId);
    if (!item) return de.review.problems.unknownItem;
    if (entry.kind === 'comment' && entry.field !== null && !isCommentableField(item.kind, entry.field))
      return de.review.problems.unknownField(entry.field);
    if (entry.kind === 'suggestion') {
      if (!isSuggestableField(item.kind, entry.field)) return de.review.problems.unknownField(entry.field);
      const problem = checkFieldValue(item.kind, entry.field, entry.value);
      if (problem) return `${item.label}: ${problem}`;
      const key = `${entry.itemId}|${entry.field}`;
      if (suggestions.has(key)) return de.review.problems.twoSuggestions;
      suggestions.add(key);
    }
    if (entry.kind === 'vote') {
      if (votes.has(entry.itemId)) return de.review.problems.twoVotes;
      if (entry.vote !== 'freigegeben' && entry.reason.trim() === '') return de.review.problems.reasonRequired;
      votes.add(entry.itemId);
    }
  }
  return null;
}

/** Refuses a package of another register, or one the reviewer has not finished yet. */
export function assertImportable(pkg: VerifiedPackage, registerId: string): void {
  if (pkg.registerId !== registerId) throw new ReviewPackageError('foreign', reviewFileTexts.foreign(pkg.context.registerName));
  if (pkg.state !== 'returned') throw new ReviewPackageError('notReturned', reviewFileTexts.notReturned(pkg.reviewer));
}

// ---------------------------------------------------------------------------------------------------
// Building a package from the register
// ---------------------------------------------------------------------------------------------------

export interface PackageRequest {
  packageId: string;
  createdAt: string;
  createdBy: string;
  reviewer: string;
  dueDate: string | null;
  message: string;
  measureIds: readonly string[];
  submissionIds: readonly string[];
}

/** Field problems of a package request; each `field` names the form field. */
export class PackageRequestError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/**
 * A new package of the chosen measures and submissions (active ones only), with the reference lists and
 * labels needed to read them; sealed. Refuses unknown or deleted items, an empty choice or no reviewer.
 */
export function buildReviewPackage(doc: RegisterDocument, request: PackageRequest, sha256: Sha256): VerifiedPackage {
  const reviewProblemsTexts = de.review.problems;
  const problems: { field: string; message: string }[] = [];
  const reviewer = request.reviewer.trim();
  if (reviewer === '') problems.push({ field: 'reviewer', message: reviewProblemsTexts.reviewerRequired });
  const message = request.message.replace(/\r\n?/g, '\n');
  const measures = new Map(doc.measures.map((m) => [m.id, m]));
  const submissions = new Map(doc.submissions.map((s) => [s.id, s]));
  const items: PackageItem[] = [];
  const unknown: string[] = [];
  for (const mid of new Set(request.measureIds)) {
    const m = measures.get(mid);
    if (!m || m.deletedAt) unknown.push(m ? `${m.number}` : mid);
    else
      items.push({
        kind: 'measure',
        id: m.id,
        label: itemLabel('measure', m),
        version: m.version,
        updatedAt: m.updatedAt,
        hash: itemHash(m, sha256),
        snapshot: m,
      });
  }
  for (const sid of new Set(request.submissionIds)) {
    const s = submissions.get(sid);
    if (!s || s.deletedAt) unknown.push(sid);
    else
      items.push({
        kind: 'submission',
        id: s.id,
        label: itemLabel('submission', s),
        version: s.version,
        updatedAt: s.updatedAt,
        hash: itemHash(s, sha256),
        snapshot: s,
      });
  }
  if (unknown.length > 0) problems.push({ field: 'items', message: reviewProblemsTexts.unknownItems(unknown.slice(0, 10).join(', ')) });
  else if (items.length === 0) problems.push({ field: 'items', message: reviewProblemsTexts.noItems });
  if (problems.length > 0) throw new PackageRequestError(problems);

  const referenced = new Set<string>();
  for (const item of items) {
    if (item.kind === 'measure') {
      if (item.snapshot.linkedMeasureId) referenced.add(item.snapshot.linkedMeasureId);
      if (item.snapshot.parentMeasureId) referenced.add(item.snapshot.parentMeasureId);
    } else for (const m of item.snapshot.linkedMeasureIds) referenced.add(m);
  }
  const measureLabels = [...referenced].flatMap((mid) => {
    const m = measures.get(mid);
    return m ? [{ id: m.id, number: m.number, title: m.title }] : [];
  });
  const pkg: UnsealedPackage = {
    format: REVIEW_FORMAT,
    formatVersion: REVIEW_FORMAT_VERSION,
    packageId: request.packageId,
    registerId: doc.registerId,
    createdAt: request.createdAt,
    createdBy: request.createdBy.slice(0, 120),
    reviewer: reviewer.slice(0, 120),
    dueDate: request.dueDate,
    message,
    context: {
      registerName: doc.name,
      actionFields: doc.actionFields,
      orgUnits: doc.orgUnits,
      statuses: doc.statuses,
      bodies: doc.bodies,
      measureLabels,
    },
    items,
    entries: [],
    state: 'open',
    savedAt: null,
    returnedAt: null,
  };
  // Never hand out a package this program would refuse to open again.
  const check = reviewPackageSchema.omit({ checksum: true }).safeParse(pkg);
  if (!check.success) {
    const issue = check.error.issues[0]!;
    throw new PackageRequestError([{ field: String(issue.path[0] ?? 'items'), message: issue.message }]);
  }
  return sealPackage(pkg, sha256);
}

/** The reading context of a package (for labels and values). */
export function readingContext(pkg: Pick<ReviewPackage, 'context'>): ReadingContext {
  return pkg.context;
}

export function itemOf(pkg: Pick<ReviewPackage, 'items'>, itemId: string): PackageItem | undefined {
  return pkg.items.find((i) => i.id === itemId);
}

export type { ReviewItemKind };
