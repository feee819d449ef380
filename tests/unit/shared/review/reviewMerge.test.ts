/**
 * The merge of a returned review package, table-tested on the pure functions (shared/review/reviewMerge.ts):
 * every case starts from the same register and package, varies what happened meanwhile, and checks the
 * plan (outcome per entry) and the document after applying it.
 */
import { describe, expect, it } from 'vitest';
import type { RegisterDocument } from '@shared/register/register';
import {
  applyMerge,
  planMerge,
  prepareImport,
  ReviewMergeError,
  undoImport,
  type Decision,
  type Decisions,
  type PlanOutcome,
} from '@shared/review/reviewMerge';
import { readReviewPackage, ReviewPackageError, type PackageProblemKind } from '@shared/review/reviewPackage';
import { edited, env, newPackage, register, review, sent, sha256, text, T1, type Work } from './reviewFixtures';

const WORK: Work[] = [
  { kind: 'comment', itemId: 'm-01', field: 'title', text: 'Titel klingt zu technisch.' },
  { kind: 'suggestion', itemId: 'm-01', field: 'title', value: 'Helle Wege am Nordmarkt', note: 'verständlicher' },
  { kind: 'vote', itemId: 'm-01', vote: 'freigegeben' },
];

interface Case {
  name: string;
  /** What the clerk did to the register after sending the package. */
  meanwhile: (doc: RegisterDocument) => RegisterDocument;
  decisions?: (entryIds: string[]) => Decisions;
  outcomes: PlanOutcome[];
  /** The plan's default decision per entry (what happens when the clerk decides nothing). */
  defaults: (Decision | null)[];
  /** Title of measure m-01 after applying. */
  title: string;
  /** Vote taken over into the register (null: kept as a comment only). */
  vote: string | null;
  /** Outcome stored with the proposal's comment. */
  suggestionResult: string;
  commentBasedOn: boolean;
  /** The merge leaves m-01 as it is although its title is the proposed one (already changed by the clerk). */
  itemUnchangedByMerge?: boolean;
}

const cases: Case[] = [
  {
    name: 'unchanged item: comment, vote and accepted proposal apply',
    meanwhile: (doc) => doc,
    outcomes: ['comment', 'suggestion', 'vote'],
    defaults: [null, 'accept', null],
    title: 'Helle Wege am Nordmarkt',
    vote: 'freigegeben',
    suggestionResult: 'applied',
    commentBasedOn: false,
  },
  {
    name: 'item changed in another field: comment attaches to the older state, vote and proposal wait for the clerk',
    meanwhile: (doc) => edited(doc, 'm-01', { description: 'Neu beschrieben.' }),
    outcomes: ['commentOnOlder', 'suggestionOnChanged', 'voteNeedsConfirmation'],
    defaults: [null, 'later', 'later'],
    title: 'Maßnahme 1',
    vote: null,
    suggestionResult: 'open',
    commentBasedOn: true,
  },
  {
    name: 'item changed in another field, clerk accepts proposal and confirms vote',
    meanwhile: (doc) => edited(doc, 'm-01', { description: 'Neu beschrieben.' }),
    decisions: (ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])),
    outcomes: ['commentOnOlder', 'suggestionOnChanged', 'voteNeedsConfirmation'],
    defaults: [null, 'later', 'later'],
    title: 'Helle Wege am Nordmarkt',
    vote: 'freigegeben',
    suggestionResult: 'applied',
    commentBasedOn: true,
  },
  {
    name: 'same field changed meanwhile: conflict shown, clerk keeps his value',
    meanwhile: (doc) => edited(doc, 'm-01', { title: 'Beleuchtung Nordmarkt (neu)' }),
    decisions: (ids) => Object.fromEntries(ids.map((id) => [id, 'decline'])),
    outcomes: ['commentOnOlder', 'suggestionConflict', 'voteNeedsConfirmation'],
    defaults: [null, 'later', 'later'],
    title: 'Beleuchtung Nordmarkt (neu)',
    vote: null,
    suggestionResult: 'declined',
    commentBasedOn: true,
  },
  {
    name: 'same field changed meanwhile, clerk decides nothing: the defaults keep his value and leave the proposal open',
    meanwhile: (doc) => edited(doc, 'm-01', { title: 'Beleuchtung Nordmarkt (neu)' }),
    outcomes: ['commentOnOlder', 'suggestionConflict', 'voteNeedsConfirmation'],
    defaults: [null, 'later', 'later'],
    title: 'Beleuchtung Nordmarkt (neu)',
    vote: null,
    suggestionResult: 'open',
    commentBasedOn: true,
  },
  {
    name: 'same field changed meanwhile, clerk accepts the conflicting proposal: the reviewer’s value wins',
    meanwhile: (doc) => edited(doc, 'm-01', { title: 'Beleuchtung Nordmarkt (neu)' }),
    decisions: (ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])),
    outcomes: ['commentOnOlder', 'suggestionConflict', 'voteNeedsConfirmation'],
    defaults: [null, 'later', 'later'],
    title: 'Helle Wege am Nordmarkt',
    vote: 'freigegeben',
    suggestionResult: 'applied',
    commentBasedOn: true,
  },
  {
    name: 'the clerk already made the proposed change: nothing to decide, the proposal counts as taken over',
    meanwhile: (doc) => edited(doc, 'm-01', { title: 'Helle Wege am Nordmarkt' }),
    outcomes: ['commentOnOlder', 'suggestionAlreadyApplied', 'voteNeedsConfirmation'],
    defaults: [null, null, 'later'],
    title: 'Helle Wege am Nordmarkt',
    vote: null,
    suggestionResult: 'reported',
    commentBasedOn: true,
    itemUnchangedByMerge: true,
  },
  {
    name: 'deleted meanwhile: every entry is reported, nothing applied to the item',
    meanwhile: (doc) => edited(doc, 'm-01', { deletedAt: T1 }),
    outcomes: ['itemDeleted', 'itemDeleted', 'itemDeleted'],
    defaults: [null, null, null],
    title: 'Maßnahme 1',
    vote: null,
    suggestionResult: 'reported',
    commentBasedOn: true,
  },
];

describe('planMerge and applyMerge', () => {
  it.each(cases)('$name', (c) => {
    const base = register();
    const pkg = newPackage(base);
    const doc = c.meanwhile(sent(base, pkg));
    const plan = prepareImport(text(review(pkg, WORK)), doc, sha256, 'zurueck.mpreview');
    expect(plan.entries.map((e) => e.outcome)).toEqual(c.outcomes);
    expect(plan.entries.map((e) => e.defaultDecision)).toEqual(c.defaults);
    // Whatever has a default can be decided by the clerk; nothing else can.
    expect(plan.entries.map((e) => (e.defaultDecision ? e.choices : []))).toEqual(plan.entries.map((e) => e.choices));
    const conflict = plan.entries.find((e) => e.outcome === 'suggestionConflict');
    if (conflict)
      expect({ base: conflict.base, current: conflict.current, proposed: conflict.proposed }).toEqual({
        base: 'Maßnahme 1',
        current: 'Beleuchtung Nordmarkt (neu)',
        proposed: 'Helle Wege am Nordmarkt',
      });

    const before = JSON.stringify(doc);
    const { doc: after, importRecord } = applyMerge(doc, plan, c.decisions?.(plan.entries.map((e) => e.entryId)) ?? {}, env());
    expect(JSON.stringify(doc)).toBe(before);
    const m1 = after.measures.find((m) => m.id === 'm-01')!;
    expect(m1.title).toBe(c.title);
    const votes = after.reviews.votes.filter((v) => v.itemId === 'm-01');
    expect(votes.map((v) => v.vote)).toEqual(c.vote ? [c.vote] : []);
    const comments = after.reviews.comments.filter((x) => x.itemId === 'm-01');
    expect(comments.find((x) => x.kind === 'suggestion')?.outcome).toBe(c.suggestionResult);
    const comment = comments.find((x) => x.kind === 'comment')!;
    expect(comment.text).toBe('Titel klingt zu technisch.');
    expect(comment.basedOn !== null).toBe(c.commentBasedOn);
    // Nothing of the reviewer's work is lost: every entry is a vote or a comment in the register.
    expect(votes.length + comments.length).toBe(3);
    // Every entry that changed the register is audited with the package id.
    expect(importRecord).not.toBeNull();
    const audited = after.audit.filter((a) => a.reviewPackageId === pkg.packageId && a.entityId === 'm-01');
    expect(audited.length).toBe(importRecord!.appliedCount);
    expect(m1.version).toBe(
      doc.measures.find((m) => m.id === 'm-01')!.version + (c.title === 'Helle Wege am Nordmarkt' && !c.itemUnchangedByMerge ? 1 : 0),
    );
  });

  it('duplicate import: the second import of the same package changes nothing', () => {
    const base = register();
    const pkg = newPackage(base);
    const doc = sent(base, pkg);
    const returned = text(review(pkg, WORK));
    const first = applyMerge(doc, prepareImport(returned, doc, sha256, 'a.mpreview'), {}, env()).doc;
    const again = prepareImport(returned, first, sha256, 'a.mpreview');
    expect(again.duplicateOf).not.toBeNull();
    expect(again.entries.map((e) => e.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const result = applyMerge(first, again, {}, env());
    expect(result.doc).toBe(first);
    expect(result.importRecord).toBeNull();
  });

  it('undo takes an import back as a whole and allows importing again', () => {
    const base = register();
    const pkg = newPackage(base);
    const doc = sent(base, pkg);
    const returned = text(review(pkg, WORK));
    const merged = applyMerge(doc, prepareImport(returned, doc, sha256, 'a.mpreview'), {}, env()).doc;
    const importId = merged.reviews.imports[0]!.id;
    const undone = undoImport(merged, importId, env());
    const m1 = undone.measures.find((m) => m.id === 'm-01')!;
    expect(m1.title).toBe('Maßnahme 1');
    expect(m1.version).toBe(3);
    expect(undone.reviews.comments).toEqual([]);
    expect(undone.reviews.votes).toEqual([]);
    expect(undone.reviews.imports[0]!.undoneAt).not.toBeNull();
    expect(undone.audit.filter((a) => a.action === 'undo' && a.reviewPackageId === pkg.packageId).length).toBe(2);
    expect(prepareImport(returned, undone, sha256, 'a.mpreview').duplicateOf).toBeNull();
    expect(() => undoImport(undone, importId, env())).toThrow(ReviewMergeError);
  });

  it('undo is refused when an item changed after the import', () => {
    const base = register();
    const pkg = newPackage(base);
    const doc = sent(base, pkg);
    const merged = applyMerge(doc, prepareImport(text(review(pkg, WORK)), doc, sha256, 'a.mpreview'), {}, env()).doc;
    const later = edited(merged, 'm-01', { description: 'danach geändert' });
    expect(() => undoImport(later, merged.reviews.imports[0]!.id, env())).toThrow(/wurde danach noch geändert/);
  });

  it('refuses to apply a plan when the register changed after the preview', () => {
    const base = register();
    const pkg = newPackage(base);
    const doc = sent(base, pkg);
    const plan = prepareImport(text(review(pkg, WORK)), doc, sha256, 'a.mpreview');
    expect(() => applyMerge(edited(doc, 'm-01', { quarter: 'Nord' }), plan, {}, env())).toThrow(/seit der Vorschau geändert/);
  });

  it('refuses accepted proposals that would break a rule, and changes nothing', () => {
    const base = register();
    const pkg = newPackage(base);
    const doc = sent(base, pkg);
    const plan = prepareImport(
      text(review(pkg, [{ kind: 'suggestion', itemId: 'm-01', field: 'status', value: 'eingestellt' }])),
      doc,
      sha256,
      'a.mpreview',
    );
    expect(plan.items[0]!.problems.join(' ')).toMatch(/Begründung/);
    expect(() => applyMerge(doc, plan, {}, env())).toThrow(ReviewMergeError);
    const kept = applyMerge(doc, plan, { [plan.entries[0]!.entryId]: 'later' }, env()).doc;
    expect(kept.measures[0]!.status).toBe('vorgeschlagen');
    expect(kept.reviews.comments[0]).toMatchObject({ kind: 'suggestion', outcome: 'open', resolvedAt: null, proposed: 'eingestellt' });
  });
});

interface Refusal {
  name: string;
  kind: PackageProblemKind;
  message: RegExp;
  returned: (pkgText: string) => string;
  doc?: (doc: RegisterDocument) => RegisterDocument;
}

const refusals: Refusal[] = [
  {
    name: 'package from another register',
    kind: 'foreign',
    message: /anderen Register/,
    returned: (t) => t,
    doc: (doc) => ({ ...doc, registerId: 'anderes-register' }),
  },
  {
    name: 'tampered snapshot (item hash)',
    kind: 'tampered',
    message: /außerhalb des Programms verändert.*Maßnahme 1/,
    returned: (t) => t.replace('"title":"Maßnahme 1"', '"title":"Maßnahme 1 (geändert)"'),
  },
  {
    name: 'tampered entry (checksum)',
    kind: 'tampered',
    message: /Prüfsumme stimmt nicht/,
    returned: (t) => t.replace('Titel klingt zu technisch.', 'Titel ist prima.'),
  },
  {
    name: 'tampered with recomputed checksum (not as sent)',
    kind: 'tampered',
    message: /nicht mit dem versandten Paket/,
    returned: (t) => {
      const pkg = JSON.parse(t) as { items: { snapshot: { title: string }; hash: string; label: string }[]; checksum: string };
      pkg.items[0]!.snapshot.title = 'Untergeschoben';
      pkg.items[0]!.hash = sha256(canonical(pkg.items[0]!.snapshot));
      const { checksum: _c, ...rest } = pkg;
      pkg.checksum = sha256(canonical(rest));
      return JSON.stringify(pkg);
    },
  },
  {
    name: 'truncated',
    kind: 'damaged',
    message: /beschädigt oder unvollständig \(Zeile 1, Zeichen \d+\)/,
    returned: (t) => t.slice(0, Math.floor(t.length / 2)),
  },
  {
    name: 'newer format',
    kind: 'newer',
    message: /neueren Programmversion erstellt \(Format 2, dieses Programm kennt bis Format 1\)/,
    returned: (t) => JSON.stringify({ ...(JSON.parse(t) as object), formatVersion: 2 }),
  },
  { name: 'not returned yet', kind: 'notReturned', message: /noch nicht abgeschlossen/, returned: (t) => t },
  { name: 'empty file', kind: 'empty', message: /leer/, returned: () => '  ' },
  { name: 'not a package', kind: 'notAPackage', message: /kein Prüfpaket/, returned: () => '{"schemaVersion":4}' },
];

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

describe('refused packages: nothing is applied', () => {
  it.each(refusals)('$name', (r) => {
    const base = register();
    const pkg = newPackage(base);
    const doc = (r.doc ?? ((d) => d))(sent(base, pkg));
    const returned = review(pkg, WORK, r.kind !== 'notReturned');
    const before = JSON.stringify(doc);
    let error: unknown;
    try {
      prepareImport(r.returned(text(returned)), doc, sha256, 'x.mpreview');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReviewPackageError);
    expect((error as ReviewPackageError).kind).toBe(r.kind);
    expect((error as ReviewPackageError).message).toMatch(r.message);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('a package verified once can be planned against another register only with a refusal', () => {
    const base = register();
    const pkg = review(newPackage(base), WORK);
    expect(() => planMerge({ ...base, registerId: 'x' }, readReviewPackage(text(pkg), sha256), 'p')).toThrow(/anderen Register/);
  });
});
