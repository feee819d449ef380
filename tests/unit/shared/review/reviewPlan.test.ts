/**
 * What the import preview shows for each entry and item (planMerge), field by field: the text and vote a
 * reviewer wrote, base / current / proposed of a proposal, the snapshot an entry refers to; the checks
 * against the package as the register sent it (several packages, an item left out); a package the register
 * has no record of (nothing accepted by default); rule warnings only for what is accepted by default.
 */
import { describe, expect, it } from 'vitest';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { decisionFor, prepareImport, type PlanEntry } from '@shared/review/reviewMerge';
import { ReviewPackageError } from '@shared/review/reviewPackage';
import { edited, newPackage, register, review, sent, sha256, text, T1, type Work } from './reviewFixtures';

const WORK: Work[] = [
  { kind: 'comment', itemId: 'm-01', field: 'title', text: 'Titel klingt zu technisch.' },
  { kind: 'suggestion', itemId: 'm-01', field: 'title', value: 'Helle Wege am Nordmarkt', note: 'verständlicher' },
  { kind: 'vote', itemId: 'm-01', vote: 'freigegeben', reason: 'passt so' },
];

function planFor(meanwhile: (doc: RegisterDocument) => RegisterDocument, work: readonly Work[] = WORK, record = true) {
  const base = register();
  const pkg = newPackage(base);
  const doc = meanwhile(record ? sent(base, pkg) : base);
  return prepareImport(text(review(pkg, work)), doc, sha256, 'zurueck.mpreview');
}

const shown = (e: PlanEntry) => ({
  entryKind: e.entryKind,
  itemId: e.itemId,
  itemLabel: e.itemLabel,
  field: e.field,
  text: e.text,
  vote: e.vote,
  base: e.base,
  current: e.current,
  proposed: e.proposed,
  basedOn: e.basedOn,
  at: e.at,
});

const ENTRIES_UNCHANGED = [
  {
    entryKind: 'comment',
    itemId: 'm-01',
    itemLabel: 'HF1-01 Maßnahme 1',
    field: 'title',
    text: 'Titel klingt zu technisch.',
    vote: null,
    base: null,
    current: null,
    proposed: null,
    basedOn: null,
    at: T1,
  },
  {
    entryKind: 'suggestion',
    itemId: 'm-01',
    itemLabel: 'HF1-01 Maßnahme 1',
    field: 'title',
    text: 'verständlicher',
    vote: null,
    base: 'Maßnahme 1',
    current: 'Maßnahme 1',
    proposed: 'Helle Wege am Nordmarkt',
    basedOn: null,
    at: T1,
  },
  {
    entryKind: 'vote',
    itemId: 'm-01',
    itemLabel: 'HF1-01 Maßnahme 1',
    field: null,
    text: 'passt so',
    vote: 'freigegeben',
    base: null,
    current: null,
    proposed: null,
    basedOn: null,
    at: T1,
  },
];
/** The snapshot the package holds of m-01 (version 1, as the register fixture made it). */
const SNAPSHOT = { version: 1, updatedAt: '2025-01-15T09:30:00.000Z' };

describe('the preview of each entry and item', () => {
  it('an unchanged item: text, vote and proposal as the reviewer wrote them; no older snapshot', () => {
    const plan = planFor((doc) => doc);
    expect(plan.entries.map(shown)).toEqual(ENTRIES_UNCHANGED);
    expect(plan.items).toEqual([
      {
        kind: 'measure',
        id: 'm-01',
        label: 'HF1-01 Maßnahme 1',
        state: 'unchanged',
        snapshotVersion: 1,
        snapshotUpdatedAt: SNAPSHOT.updatedAt,
        currentVersion: 1,
        problems: [],
      },
      {
        kind: 'measure',
        id: 'm-02',
        label: 'HF1-02 Maßnahme 2',
        state: 'unchanged',
        snapshotVersion: 1,
        snapshotUpdatedAt: SNAPSHOT.updatedAt,
        currentVersion: 1,
        problems: [],
      },
    ]);
    expect(plan.notRecorded).toBe(false);
  });

  it('an item changed meanwhile: every entry names the snapshot it refers to; the proposal shows the current value', () => {
    const plan = planFor((doc) => edited(doc, 'm-01', { title: 'Neuer Titel', description: 'Neu beschrieben.' }));
    expect(plan.entries.map(shown)).toEqual(
      ENTRIES_UNCHANGED.map((e) => ({
        ...e,
        itemLabel: 'HF1-01 Neuer Titel',
        basedOn: SNAPSHOT,
        current: e.entryKind === 'suggestion' ? 'Neuer Titel' : null,
      })),
    );
    expect(plan.items[0]).toMatchObject({ label: 'HF1-01 Neuer Titel', state: 'changed', snapshotVersion: 1, currentVersion: 2 });
  });

  it('an item no longer in the register: reported under the package’s label, with no current version or value', () => {
    const plan = planFor((doc) => ({ ...doc, measures: doc.measures.filter((m) => m.id !== 'm-01') }));
    expect(plan.items[0]).toEqual({
      kind: 'measure',
      id: 'm-01',
      label: 'HF1-01 Maßnahme 1',
      state: 'deleted',
      snapshotVersion: 1,
      snapshotUpdatedAt: SNAPSHOT.updatedAt,
      currentVersion: null,
      problems: [],
    });
    expect(plan.entries.map((e) => [e.outcome, e.current, e.basedOn, e.defaultDecision])).toEqual([
      ['itemDeleted', null, SNAPSHOT, null],
      ['itemDeleted', null, SNAPSHOT, null],
      ['itemDeleted', null, SNAPSHOT, null],
    ]);
  });
});

describe('checks against the package as the register sent it', () => {
  it('finds the right one among several packages sent', () => {
    const base = register();
    const first = newPackage(base, ['m-01', 'm-02']);
    const second = newPackage(base, ['m-03']);
    const doc = sent(sent(base, first), second);
    const plan = prepareImport(text(review(second, [{ kind: 'comment', itemId: 'm-03', text: 'ok' }])), doc, sha256, 'b.mpreview');
    expect(plan.packageId).toBe(second.packageId);
    expect(plan.notRecorded).toBe(false);
    expect(plan.entries.map((e) => e.outcome)).toEqual(['comment']);
  });

  it('refuses a package from which an item was left out (checksum recomputed)', () => {
    const base = register();
    const pkg = newPackage(base);
    const doc = sent(base, pkg);
    const returned = JSON.parse(text(review(pkg, WORK))) as { items: unknown[]; checksum: string };
    returned.items = returned.items.slice(0, 1);
    const { checksum: _c, ...rest } = returned;
    returned.checksum = sha256(canonical(rest));
    let error: unknown;
    try {
      prepareImport(JSON.stringify(returned), doc, sha256, 'x.mpreview');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReviewPackageError);
    expect((error as ReviewPackageError).kind).toBe('tampered');
    expect((error as ReviewPackageError).message).toBe(de.review.file.notAsSent(''));
  });
});

describe('a package the register has no record of sending', () => {
  it('is planned, but nothing counts by default: proposals and votes wait for the clerk', () => {
    const plan = planFor((doc) => doc, WORK, false);
    expect(plan.notRecorded).toBe(true);
    expect(plan.entries.map((e) => [e.outcome, e.defaultDecision])).toEqual([
      ['comment', null],
      ['suggestion', 'later'],
      ['voteNeedsConfirmation', 'later'],
    ]);
  });
});

describe('rule warnings in the preview', () => {
  const breaking: Work = { kind: 'suggestion', itemId: 'm-01', field: 'status', value: 'eingestellt' };

  it('name the field and the rule for a proposal accepted by default', () => {
    const plan = planFor((doc) => doc, [breaking]);
    expect(plan.items[0]!.problems).toEqual([`Begründung zum Status: ${de.validation.statusReasonRequired('eingestellt')}`]);
    expect(plan.items[1]!.problems).toEqual([]);
  });

  it('are not given for proposals waiting for the clerk, nor for comments on a field', () => {
    expect(planFor((doc) => edited(doc, 'm-01', { description: 'Neu.' }), [breaking]).items[0]!.problems).toEqual([]);
    expect(planFor((doc) => doc, [breaking], false).items[0]!.problems).toEqual([]);
    expect(planFor((doc) => doc, [{ kind: 'comment', itemId: 'm-01', field: 'status', text: 'Status?' }]).items[0]!.problems).toEqual([]);
  });
});

describe('the decision that counts', () => {
  const entry = (choices: PlanEntry['choices'], defaultDecision: PlanEntry['defaultDecision']) =>
    ({ entryId: 'e', choices, defaultDecision }) as PlanEntry;
  it.each([
    ['a choice offered', ['accept', 'decline', 'later'], 'later', 'decline', 'decline'],
    ['nothing chosen', ['accept', 'decline', 'later'], 'accept', undefined, 'accept'],
    ['a choice not offered (a comment has none)', [], null, 'accept', null],
  ] as const)('%s: the clerk’s choice if offered, else the default', (_label, choices, def, chosen, expected) => {
    expect(decisionFor(entry([...choices], def), chosen ? { e: chosen } : {})).toBe(expected);
  });
});

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}
