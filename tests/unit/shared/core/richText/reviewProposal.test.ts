import { describe, expect, it } from 'vitest';
import type { Block, Run } from '@shared/core/richText';
import { diffBlocks } from '@shared/core/richTextDiff';
import { applyMerge, planMerge } from '@shared/review/reviewMerge';
import { emptySubmissionFields } from '@shared/submissions/submissionTemplates';
import { toSubmission } from '@tests/unit/main/submissions/submissionFixtures';
import { env, newPackage, register, review, sent } from '@tests/unit/shared/review/reviewFixtures';

/** Review packages on the Sachverhalt: a reviewer proposes a new text (blocks); the merge shows and applies it. */
const run = (text: string, bold = false): Run => ({ text, bold, italic: false });
const before: Block[] = [
  { type: 'heading', level: 1, text: 'Ausgangslage' },
  { type: 'paragraph', runs: [run('Der Rat hat beschlossen.')] },
  { type: 'bulletList', items: [[run('Prävention')], [run('Ordnung')]] },
];
const after: Block[] = [
  { type: 'heading', level: 1, text: 'Ausgangslage' },
  { type: 'paragraph', runs: [run('Der Rat hat '), run('einstimmig', true), run(' beschlossen.')] },
  { type: 'bulletList', items: [[run('Prävention')], [run('Ordnung')]] },
  {
    type: 'table',
    rows: [
      ['Jahr', 'Betrag'],
      ['2026', '12.500,00 €'],
    ],
  },
];

describe('old/new per block', () => {
  it('lists kept, removed and added blocks in reading order', () => {
    expect(diffBlocks(before, after)).toEqual([
      { change: 'same', text: 'Ausgangslage' },
      { change: 'removed', text: 'Der Rat hat beschlossen.' },
      { change: 'added', text: 'Der Rat hat einstimmig beschlossen.' },
      { change: 'same', text: '• Prävention\n• Ordnung' },
      { change: 'added', text: 'Jahr | Betrag\n2026 | 12.500,00 €' },
    ]);
    expect(diffBlocks(after, after).every((c) => c.change === 'same')).toBe(true);
    expect(diffBlocks([], before).map((c) => c.change)).toEqual(['added', 'added', 'added']);
  });
});

describe('a proposal on the Sachverhalt in a review package', () => {
  const doc = {
    ...register(),
    submissions: [toSubmission({ ...emptySubmissionFields(), subject: 'Sachstand', statement: before }, { id: 's-01' })],
  };

  it('is accepted as blocks, merged, and becomes the stored text', () => {
    const pkg = newPackage(doc, [], ['s-01']);
    const returned = review(pkg, [
      { kind: 'suggestion', itemId: 's-01', field: 'statement', value: after as unknown as never, note: 'Tabelle ergänzt' },
    ]);
    const home = sent(doc, pkg);
    const plan = planMerge(home, returned, 'paket.mpreview');
    const entry = plan.entries.find((e) => e.entryKind === 'suggestion' && e.field === 'statement')!;
    expect(entry.proposed).toEqual(after);
    const merged = applyMerge(home, plan, {}, env());
    expect(merged.doc.submissions.find((s) => s.id === 's-01')!.statement).toEqual(after);
  });

  it('refuses a proposed text the model cannot hold', () => {
    const pkg = newPackage(doc, [], ['s-01']);
    const bad = [{ type: 'heading', level: 4, text: 'zu tief' }];
    expect(() => review(pkg, [{ kind: 'suggestion', itemId: 's-01', field: 'statement', value: bad }])).toThrow();
  });
});
