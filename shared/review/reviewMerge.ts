import { de } from '@shared/i18n/de';
import type { AuditEntry, FieldChange, JsonValue } from '@shared/audit/audit';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { activeImportOf, type ReviewComment, type ReviewImport, type ReviewItemChange, type ReviewState, type ReviewVote } from './review';
import { fieldLabel, fieldValue, itemLabel, type ReviewItemKind } from './reviewFields';
import {
  assertImportable,
  readReviewPackage,
  ReviewPackageError,
  type ReviewVoteValue,
  type Sha256,
  type VerifiedPackage,
} from './reviewPackage';
import { checkMeasureRules } from '@shared/register/rules';
import { submissionFieldsSchema, type Submission, type SubmissionFields } from '@shared/submissions/submission';

/**
 * The merge of a returned review package into the register, as pure functions (the Excalidraw
 * `reconcile` idea): `planMerge` lists every entry of the package with what would happen to it, nothing
 * changed yet; `applyMerge` takes that plan and the clerk's decisions and returns the new document with
 * audit entries and an import record; `undoImport` takes an import back as a whole. Table tests in
 * tests/unit/shared/review/reviewMerge.test.ts. Rules in docs/review.md.
 */

/** An item's state now, compared with the snapshot in the package. */
export type ItemState = 'unchanged' | 'changed' | 'deleted';

export type PlanOutcome =
  /** Comment on an unchanged item: taken over as it is. */
  | 'comment'
  /** Comment on an item changed meanwhile: taken over with "bezieht sich auf Stand vom …". */
  | 'commentOnOlder'
  /** Vote on an unchanged item: taken over. */
  | 'vote'
  /** Vote on a changed item: only taken over when the clerk confirms it. */
  | 'voteNeedsConfirmation'
  /** Proposal for an unchanged item: applied when accepted. */
  | 'suggestion'
  /** Proposal for a field that stayed the same while other fields of the item changed. */
  | 'suggestionOnChanged'
  /** Proposal for a field that was changed meanwhile: base / current / proposed for the clerk. */
  | 'suggestionConflict'
  /** Proposal that is already in the register (current value = proposed). */
  | 'suggestionAlreadyApplied'
  /** The item was deleted (Papierkorb) or no longer exists: reported; kept as an open comment. */
  | 'itemDeleted'
  /** The package has already been imported: nothing happens. */
  | 'duplicate';

/** accept: take over; decline: do not (kept as a resolved comment); later: keep as an open comment. */
export type Decision = 'accept' | 'decline' | 'later';
export type Decisions = Readonly<Record<string, Decision>>;

export interface PlanItem {
  kind: ReviewItemKind;
  id: string;
  label: string;
  state: ItemState;
  snapshotVersion: number;
  snapshotUpdatedAt: string;
  currentVersion: number | null;
  /** Rule problems of the item if all suggestions accepted by default were applied (a warning). */
  problems: string[];
}

export interface PlanEntry {
  entryId: string;
  entryKind: 'comment' | 'suggestion' | 'vote';
  itemKind: ReviewItemKind;
  itemId: string;
  itemLabel: string;
  field: string | null;
  fieldLabel: string | null;
  outcome: PlanOutcome;
  /** The choices the clerk has; empty when nothing is to decide. */
  choices: Decision[];
  defaultDecision: Decision | null;
  /** Comment text, reason of a vote, or note of a proposal. */
  text: string;
  vote: ReviewVoteValue | null;
  base: JsonValue | null;
  current: JsonValue | null;
  proposed: JsonValue | null;
  /** The snapshot the entry refers to, when the item changed meanwhile. */
  basedOn: { version: number; updatedAt: string } | null;
  /** When the reviewer wrote it. */
  at: string;
}

export interface MergePlanData {
  packageId: string;
  registerId: string;
  reviewer: string;
  createdAt: string;
  createdBy: string;
  dueDate: string | null;
  returnedAt: string | null;
  message: string;
  fileName: string;
  /** Set when this package has already been imported (and not undone): applying changes nothing. */
  duplicateOf: { importId: string; at: string; user: string } | null;
  /**
   * The register has no record of sending this package (restored from an older backup, or forged): it is
   * applied only after the user explicitly confirms, and then nothing is accepted by default.
   */
  notRecorded: boolean;
  items: PlanItem[];
  entries: PlanEntry[];
}

declare const planBrand: unique symbol;
/** Only planMerge makes a plan; applyMerge accepts nothing else. */
export type MergePlan = MergePlanData & { readonly [planBrand]: true };

/** A merge or undo that cannot be done as asked; German message; nothing was changed. */
export class ReviewMergeError extends Error {}

export interface MergeEnv {
  user: string;
  now: string;
  newId: () => string;
}

type Item = Measure | Submission;

const itemIndexes = new WeakMap<readonly Item[], Map<string, Item>>();

/** Item by id; the index per array is built once (a package may hold thousands of items). */
function findItem(doc: RegisterDocument, kind: ReviewItemKind, itemId: string): Item | undefined {
  const list: readonly Item[] = kind === 'measure' ? doc.measures : doc.submissions;
  let index = itemIndexes.get(list);
  if (!index) {
    index = new Map(list.map((i) => [i.id, i]));
    itemIndexes.set(list, index);
  }
  return index.get(itemId);
}

/** The active measures, once per document: checkMeasureRules indexes them by array identity. */
const activeMeasures = new WeakMap<RegisterDocument, Measure[]>();
function othersOf(doc: RegisterDocument): Measure[] {
  let others = activeMeasures.get(doc);
  if (!others) {
    others = doc.measures.filter((m) => !m.deletedAt);
    activeMeasures.set(doc, others);
  }
  return others;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Every entry of a verified, returned package of this register with its outcome. Throws a
 * ReviewPackageError (nothing applied) for a package of another register, one not returned yet, or one
 * whose snapshots differ from the hashes the register recorded when it was sent.
 */
export function planMerge(doc: RegisterDocument, pkg: VerifiedPackage, fileName: string): MergePlan {
  assertImportable(pkg, doc.registerId);
  const record = doc.reviews.packages.find((r) => r.id === pkg.packageId);
  if (record) {
    const sent = new Map(record.items.map((i) => [`${i.kind}|${i.id}`, i.hash]));
    const altered = pkg.items.find((i) => sent.get(`${i.kind}|${i.id}`) !== i.hash);
    if (altered || sent.size !== pkg.items.length) throw new ReviewPackageError('tampered', de.review.file.notAsSent(altered?.label ?? ''));
  }
  const previous = activeImportOf(doc.reviews, pkg.packageId);

  const items: PlanItem[] = [];
  const itemInfo = new Map<string, { plan: PlanItem; current: Item | undefined; snapshot: Item }>();
  for (const item of pkg.items) {
    const current = findItem(doc, item.kind, item.id);
    const state: ItemState = !current || current.deletedAt ? 'deleted' : current.version === item.version ? 'unchanged' : 'changed';
    const plan: PlanItem = {
      kind: item.kind,
      id: item.id,
      label: current ? itemLabel(item.kind, current) : item.label,
      state,
      snapshotVersion: item.version,
      snapshotUpdatedAt: item.updatedAt,
      currentVersion: current?.version ?? null,
      problems: [],
    };
    items.push(plan);
    itemInfo.set(item.id, { plan, current, snapshot: item.snapshot });
  }

  const entries: PlanEntry[] = pkg.entries.map((entry) => {
    const info = itemInfo.get(entry.itemId)!;
    const { plan, current, snapshot } = info;
    const field = entry.kind === 'vote' ? null : entry.field;
    const base: PlanEntry = {
      entryId: entry.id,
      entryKind: entry.kind,
      itemKind: plan.kind,
      itemId: plan.id,
      itemLabel: plan.label,
      field,
      fieldLabel: field ? fieldLabel(plan.kind, field) : null,
      outcome: 'duplicate',
      choices: [],
      defaultDecision: null,
      text: entry.kind === 'comment' ? entry.text : entry.kind === 'vote' ? entry.reason : entry.note,
      vote: entry.kind === 'vote' ? entry.vote : null,
      base: entry.kind === 'suggestion' ? fieldValue(snapshot, entry.field) : null,
      current: entry.kind === 'suggestion' && current ? fieldValue(current, entry.field) : null,
      proposed: entry.kind === 'suggestion' ? entry.value : null,
      basedOn: plan.state === 'changed' ? { version: plan.snapshotVersion, updatedAt: plan.snapshotUpdatedAt } : null,
      at: entry.at,
    };
    if (previous) return base;
    if (plan.state === 'deleted')
      return { ...base, outcome: 'itemDeleted', basedOn: { version: plan.snapshotVersion, updatedAt: plan.snapshotUpdatedAt } };
    const decide = (outcome: PlanOutcome, defaultDecision: Decision): PlanEntry => ({
      ...base,
      outcome,
      choices: ['accept', 'decline', 'later'],
      defaultDecision,
    });
    switch (entry.kind) {
      case 'comment':
        return { ...base, outcome: plan.state === 'unchanged' ? 'comment' : 'commentOnOlder' };
      case 'vote':
        // A package this register never sent may be forged (its checksum is no signature): nothing counts by default.
        return plan.state === 'unchanged' && record ? { ...base, outcome: 'vote' } : decide('voteNeedsConfirmation', 'later');
      case 'suggestion': {
        if (same(base.current, entry.value)) return { ...base, outcome: 'suggestionAlreadyApplied' };
        if (plan.state === 'unchanged') return decide('suggestion', record ? 'accept' : 'later');
        return same(base.base, base.current) ? decide('suggestionOnChanged', 'later') : decide('suggestionConflict', 'later');
      }
    }
  });

  // Warn in the preview when the proposals accepted by default would break a rule of the register.
  const acceptedByItem = new Map<string, PlanEntry[]>();
  for (const e of entries)
    if (e.entryKind === 'suggestion' && e.defaultDecision === 'accept')
      acceptedByItem.set(e.itemId, [...(acceptedByItem.get(e.itemId) ?? []), e]);
  for (const [itemId, accepted] of acceptedByItem) {
    const { plan, current } = itemInfo.get(itemId)!;
    if (current && plan.state !== 'deleted') plan.problems = ruleProblems(doc, plan.kind, current, accepted);
  }

  return {
    packageId: pkg.packageId,
    registerId: pkg.registerId,
    reviewer: pkg.reviewer,
    createdAt: pkg.createdAt,
    createdBy: pkg.createdBy,
    dueDate: pkg.dueDate,
    returnedAt: pkg.returnedAt,
    message: pkg.message,
    fileName,
    duplicateOf: previous ? { importId: previous.id, at: previous.at, user: previous.user } : null,
    notRecorded: !record,
    items,
    entries,
  } as MergePlan;
}

/** Reads, verifies and plans in one step: the text of a returned package → the plan, or a ReviewPackageError. */
export function prepareImport(text: string, doc: RegisterDocument, sha256: Sha256, fileName: string): MergePlan {
  return planMerge(doc, readReviewPackage(text, sha256), fileName);
}

function withFields(current: Item, entries: readonly PlanEntry[]): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const e of entries) if (e.field) next[e.field] = e.proposed;
  return next;
}

function ruleProblems(doc: RegisterDocument, kind: ReviewItemKind, current: Item, accepted: readonly PlanEntry[]): string[] {
  const next = withFields(current, accepted);
  if (kind === 'measure') {
    const others = othersOf(doc);
    return checkMeasureRules(next as unknown as Measure, {
      measureId: current.id,
      actionFields: doc.actionFields,
      orgUnits: doc.orgUnits,
      statuses: doc.statuses,
      others,
    }).map((p) => `${fieldLabel('measure', p.field)}: ${p.message}`);
  }
  return [];
}

/** The decision that counts for an entry: the clerk's if allowed, else the plan's default. */
export function decisionFor(entry: PlanEntry, decisions: Decisions): Decision | null {
  const chosen = decisions[entry.entryId];
  if (chosen && entry.choices.includes(chosen)) return chosen;
  return entry.defaultDecision;
}

export interface MergeResult {
  doc: RegisterDocument;
  /** Null when nothing was imported (duplicate). */
  importRecord: ReviewImport | null;
  /** Entries that changed the register (comments, votes and accepted proposals). */
  appliedCount: number;
}

function audit(
  env: MergeEnv,
  entityType: AuditEntry['entityType'],
  entityId: string,
  label: string,
  action: AuditEntry['action'],
  changes: FieldChange[],
  packageId: string,
): AuditEntry {
  return {
    id: env.newId(),
    at: env.now,
    user: env.user,
    entityType,
    entityId,
    entityLabel: label.slice(0, 300),
    action,
    changes,
    reviewPackageId: packageId,
  };
}

const SUBMISSION_FIELDS = Object.keys(submissionFieldsSchema.shape) as (keyof SubmissionFields)[];

function revisionOf(s: Submission, env: MergeEnv) {
  const fields = Object.fromEntries(SUBMISSION_FIELDS.map((f) => [f, s[f]])) as SubmissionFields;
  return { id: env.newId(), submissionId: s.id, version: s.version, savedAt: s.updatedAt, user: env.user, fields };
}

/** Long texts are audited by field name only (as submissions do); the revisions and the import keep them. */
function compactChange(c: FieldChange): FieldChange {
  return JSON.stringify(c.old).length + JSON.stringify(c.new).length > 4000
    ? { field: c.field, old: de.review.audit.longText, new: de.review.audit.longText }
    : c;
}

/**
 * Applies a plan with the clerk's decisions. Returns the new document (the argument is not changed):
 * comments and votes added to the register's review threads, accepted proposals written into the items
 * (version + 1, one audit entry per applied entry with the package id), everything else kept as a
 * comment so no reviewer's work is lost, and an import record for undoing it. A duplicate import
 * returns the document unchanged. Throws ReviewMergeError when the register changed since the plan was
 * made or accepted proposals would break a rule; then nothing is changed.
 */
export function applyMerge(doc: RegisterDocument, plan: MergePlan, decisions: Decisions, env: MergeEnv): MergeResult {
  const reviewMergeTexts = de.review.merge;
  if (plan.registerId !== doc.registerId) throw new ReviewMergeError(de.review.file.foreign(''));
  if (plan.duplicateOf || activeImportOf(doc.reviews, plan.packageId)) return { doc, importRecord: null, appliedCount: 0 };
  for (const item of plan.items) {
    const current = findItem(doc, item.kind, item.id);
    if ((current?.version ?? null) !== item.currentVersion || (item.state !== 'deleted' && current?.deletedAt))
      throw new ReviewMergeError(reviewMergeTexts.stale(item.label));
  }

  const planItems = new Map(plan.items.map((i) => [i.id, i]));
  const lastVote = new Map<string, ReviewVote>();
  for (const v of doc.reviews.votes) lastVote.set(`${v.itemKind}|${v.itemId}`, v);
  const importId = env.newId();
  const comments: ReviewComment[] = [];
  const votes: ReviewVote[] = [];
  const auditEntries: AuditEntry[] = [];
  const itemChanges: ReviewItemChange[] = [];
  let applied = 0;
  let measures = doc.measures;
  let submissions = doc.submissions;
  const revisions = [...doc.submissionRevisions];

  const comment = (e: PlanEntry, kind: ReviewComment['kind'], outcome: ReviewComment['outcome'], resolved: boolean): ReviewComment => ({
    id: env.newId(),
    itemKind: e.itemKind,
    itemId: e.itemId,
    parentId: null,
    kind,
    packageId: plan.packageId,
    importId,
    field: e.field,
    author: plan.reviewer,
    at: e.at,
    text: e.text,
    vote: e.vote,
    base: e.entryKind === 'suggestion' ? e.base : null,
    proposed: e.entryKind === 'suggestion' ? e.proposed : null,
    basedOn: e.basedOn,
    outcome,
    resolvedAt: resolved ? env.now : null,
    resolvedBy: resolved ? env.user : null,
  });

  const accepted = new Map<string, PlanEntry[]>();
  for (const e of plan.entries) {
    const decision = decisionFor(e, decisions);
    switch (e.outcome) {
      case 'comment':
      case 'commentOnOlder': {
        const c = comment(e, 'comment', null, false);
        comments.push(c);
        applied++;
        auditEntries.push(
          audit(env, e.itemKind, e.itemId, e.itemLabel, 'comment', [{ field: e.field ?? 'item', old: null, new: e.text }], plan.packageId),
        );
        break;
      }
      case 'vote':
      case 'voteNeedsConfirmation': {
        if (e.outcome === 'vote' || decision === 'accept') {
          const item = planItems.get(e.itemId)!;
          const previous = lastVote.get(`${e.itemKind}|${e.itemId}`);
          votes.push({
            id: env.newId(),
            itemKind: e.itemKind,
            itemId: e.itemId,
            packageId: plan.packageId,
            importId,
            vote: e.vote!,
            reason: e.text,
            reviewer: plan.reviewer,
            at: e.at,
            itemVersion: item.snapshotVersion,
          });
          applied++;
          auditEntries.push(
            audit(
              env,
              e.itemKind,
              e.itemId,
              e.itemLabel,
              'vote',
              [{ field: 'vote', old: previous?.vote ?? null, new: e.vote }],
              plan.packageId,
            ),
          );
        } else comments.push(comment(e, 'vote', decision === 'decline' ? 'declined' : 'open', decision === 'decline'));
        break;
      }
      case 'suggestion':
      case 'suggestionOnChanged':
      case 'suggestionConflict':
        if (decision === 'accept') {
          const list = accepted.get(e.itemId) ?? [];
          list.push(e);
          accepted.set(e.itemId, list);
          comments.push(comment(e, 'suggestion', 'applied', true));
        } else comments.push(comment(e, 'suggestion', decision === 'decline' ? 'declined' : 'open', decision === 'decline'));
        break;
      case 'suggestionAlreadyApplied':
        comments.push(comment(e, 'suggestion', 'reported', true));
        break;
      case 'itemDeleted':
        comments.push(comment(e, e.entryKind, 'reported', false));
        break;
      case 'duplicate':
        break;
    }
  }

  const replaced = new Map<string, Item>();
  for (const [itemId, list] of accepted) {
    const item = planItems.get(itemId)!;
    const current = findItem(doc, item.kind, itemId)!;
    const problems = ruleProblems(doc, item.kind, current, list);
    if (problems.length > 0) throw new ReviewMergeError(reviewMergeTexts.ruleProblems(item.label, problems.join(' ')));
    const changes: FieldChange[] = list.map((e) => ({ field: e.field!, old: fieldValue(current, e.field!), new: e.proposed }));
    const next = { ...withFields(current, list), version: current.version + 1, updatedAt: env.now };
    replaced.set(`${item.kind}|${itemId}`, next as unknown as Item);
    if (item.kind === 'submission') revisions.push(revisionOf(next as unknown as Submission, env));
    itemChanges.push({
      itemKind: item.kind,
      itemId,
      changes,
      versionBefore: current.version,
      versionAfter: current.version + 1,
      updatedAtBefore: current.updatedAt,
    });
    for (const c of changes) {
      applied++;
      auditEntries.push(
        audit(env, item.kind, itemId, itemLabel(item.kind, next as unknown as Item), 'update', [compactChange(c)], plan.packageId),
      );
    }
  }

  if (replaced.size > 0) {
    measures = measures.map((x) => (replaced.get(`measure|${x.id}`) as Measure | undefined) ?? x);
    submissions = submissions.map((x) => (replaced.get(`submission|${x.id}`) as Submission | undefined) ?? x);
  }

  const importRecord: ReviewImport = {
    id: importId,
    packageId: plan.packageId,
    at: env.now,
    user: env.user,
    fileName: plan.fileName.slice(0, 255),
    reviewer: plan.reviewer,
    returnedAt: plan.returnedAt,
    entryCount: plan.entries.length,
    appliedCount: applied,
    commentIds: comments.map((c) => c.id),
    voteIds: votes.map((v) => v.id),
    itemChanges,
    undoneAt: null,
    undoneBy: null,
  };
  auditEntries.push(
    audit(
      env,
      'reviewPackage',
      plan.packageId,
      reviewMergeTexts.auditLabel(plan.reviewer),
      'import',
      [
        { field: 'entries', old: null, new: plan.entries.length },
        { field: 'applied', old: null, new: applied },
      ],
      plan.packageId,
    ),
  );
  const reviews: ReviewState = {
    ...doc.reviews,
    comments: [...doc.reviews.comments, ...comments],
    votes: [...doc.reviews.votes, ...votes],
    imports: [...doc.reviews.imports, importRecord],
  };
  return {
    doc: { ...doc, measures, submissions, submissionRevisions: revisions, reviews, audit: [...doc.audit, ...auditEntries] },
    importRecord,
    appliedCount: applied,
  };
}

/** Comment ids of an import plus every reply below them. */
function commentsOfImport(state: ReviewState, record: ReviewImport): Set<string> {
  const ids = new Set(record.commentIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of state.comments)
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
  }
  return ids;
}

/** How many replies typed in the register would go with an undo (asked before undoing). */
export function repliesLostByUndo(doc: RegisterDocument, importId: string): number {
  const record = doc.reviews.imports.find((i) => i.id === importId);
  return record ? commentsOfImport(doc.reviews, record).size - record.commentIds.length : 0;
}

/**
 * Takes an import back as a whole: the fields it changed get their old values (as a new version), its
 * comments (with replies) and votes are removed, the import is marked undone, all audited. Refused when
 * an item has been changed after the import (the undo would overwrite that work).
 */
export function undoImport(doc: RegisterDocument, importId: string, env: MergeEnv): RegisterDocument {
  const reviewMergeTexts = de.review.merge;
  const record = doc.reviews.imports.find((i) => i.id === importId);
  if (!record) throw new ReviewMergeError(reviewMergeTexts.importNotFound);
  if (record.undoneAt) throw new ReviewMergeError(reviewMergeTexts.alreadyUndone);
  for (const change of record.itemChanges) {
    const current = findItem(doc, change.itemKind, change.itemId);
    if (!current || current.version !== change.versionAfter || current.deletedAt)
      throw new ReviewMergeError(reviewMergeTexts.undoBlocked(current ? itemLabel(change.itemKind, current) : change.itemId));
  }
  const auditEntries: AuditEntry[] = [];
  let measures = doc.measures;
  let submissions = doc.submissions;
  const revisions = [...doc.submissionRevisions];
  for (const change of record.itemChanges) {
    const current = findItem(doc, change.itemKind, change.itemId)!;
    const next: Record<string, unknown> = { ...current, version: current.version + 1, updatedAt: env.now };
    for (const c of change.changes) next[c.field] = c.old;
    if (change.itemKind === 'measure') measures = measures.map((x) => (x.id === change.itemId ? (next as unknown as Measure) : x));
    else {
      submissions = submissions.map((x) => (x.id === change.itemId ? (next as unknown as Submission) : x));
      revisions.push(revisionOf(next as unknown as Submission, env));
    }
    auditEntries.push(
      audit(
        env,
        change.itemKind,
        change.itemId,
        itemLabel(change.itemKind, next as unknown as Item),
        'undo',
        change.changes.map((c) => compactChange({ field: c.field, old: c.new, new: c.old })),
        record.packageId,
      ),
    );
  }
  const removed = commentsOfImport(doc.reviews, record);
  for (const c of doc.reviews.comments)
    if (removed.has(c.id) && c.kind === 'reply') {
      const item = findItem(doc, c.itemKind, c.itemId);
      auditEntries.push(
        audit(
          env,
          c.itemKind,
          c.itemId,
          item ? itemLabel(c.itemKind, item) : c.itemId,
          'undo',
          [{ field: 'reply', old: c.text, new: null }],
          record.packageId,
        ),
      );
    }
  const votes = new Set(record.voteIds);
  auditEntries.push(
    audit(
      env,
      'reviewPackage',
      record.packageId,
      reviewMergeTexts.auditLabel(record.reviewer),
      'undo',
      [{ field: 'import', old: record.at, new: null }],
      record.packageId,
    ),
  );
  const reviews: ReviewState = {
    ...doc.reviews,
    comments: doc.reviews.comments.filter((c) => !removed.has(c.id)),
    votes: doc.reviews.votes.filter((v) => !votes.has(v.id)),
    imports: doc.reviews.imports.map((i) => (i.id === importId ? { ...i, undoneAt: env.now, undoneBy: env.user } : i)),
  };
  return { ...doc, measures, submissions, submissionRevisions: revisions, reviews, audit: [...doc.audit, ...auditEntries] };
}
