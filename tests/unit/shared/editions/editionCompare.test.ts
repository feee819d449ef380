/**
 * The comparison of two Fassungen (shared/editions/editionCompare.ts), table-tested: rename, merge and split
 * of Handlungsfelder, merged, superseded and ended measures, measures edited after the carry-over, new
 * measures, several Fortschreibungen in a row, unrelated Fassungen, and 10,000 measures.
 */
import { describe, expect, it } from 'vitest';
import { compareEditions, EditionCompareError, type CompareCategory, type EditionComparison } from '@shared/editions/editionCompare';
import { applyFortschreibung, createFortschreibungDraft } from '@shared/editions/fortschreibung';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { generateRegister } from '@tests/bench/generate';
import { makeMeasure } from '@tests/fixtures/documents';
import { decision, draftMeta, IDS, NOW, oldRegister, type Draft } from './editionFixtures';

function apply(
  doc: RegisterDocument,
  change: (d: Draft) => void = () => undefined,
  name = 'Neu',
): { doc: RegisterDocument; newId: string } {
  const draft = createFortschreibungDraft(doc, 'alt', draftMeta())!;
  draft.edition.name = name;
  change(draft);
  const outcome = applyFortschreibung(doc, draft, IDS, NOW);
  if ('problems' in outcome) throw new Error(JSON.stringify(outcome.problems));
  return { doc: outcome.doc, newId: outcome.applied.editionId };
}

/** "category: old → new [changed fields | reason]" per row. */
function lines(c: EditionComparison): string[] {
  return c.rows.map((r) => {
    const extra = r.changedFields.length > 0 ? ` [${r.changedFields.join(', ')}]` : r.reason ? ` [${r.reason}]` : '';
    return `${r.category}: ${r.old?.number ?? '–'} → ${r.new?.number ?? '–'}${extra}`;
  });
}

const counts = (c: EditionComparison) => Object.fromEntries(Object.entries(c.counts).filter(([, n]) => n > 0));

function editMeasure(doc: RegisterDocument, id: string, patch: Partial<Measure>): RegisterDocument {
  return { ...doc, measures: doc.measures.map((m) => (m.id === id ? { ...m, ...patch, version: m.version + 1 } : m)) };
}

describe('compareEditions', () => {
  type Case = [
    name: string,
    build: () => { doc: RegisterDocument; newId: string },
    expected: string[],
    counts: Partial<Record<CompareCategory, number>>,
  ];
  const cases: Case[] = [
    [
      'plain carry-over: all unchanged (the merged A1-03 counts as merged)',
      () => apply(oldRegister()),
      [
        'carried: A1-01 → A1-01',
        'carried: A1-02 → A1-02',
        'carried: A2-01 → A2-01',
        'carried: A2-02 → A2-02',
        'carried: A2-03 → A2-03',
        'carried: A3-01 → A3-01',
        'carried: A3-02 → A3-02',
        'merged: A1-03 → A1-01',
      ],
      { carried: 7, merged: 1 },
    ],
    [
      'rename of a Handlungsfeld: new numbers, but no changed measure',
      () =>
        apply(oldRegister(), (d) => {
          d.fields[0] = { ...d.fields[0]!, code: 'HF1', name: 'Nachbarschaft' };
        }),
      [
        'carried: A1-01 → HF1-01',
        'carried: A1-02 → HF1-02',
        'carried: A2-01 → A2-01',
        'carried: A2-02 → A2-02',
        'carried: A2-03 → A2-03',
        'carried: A3-01 → A3-01',
        'carried: A3-02 → A3-02',
        'merged: A1-03 → HF1-01',
      ],
      { carried: 7, merged: 1 },
    ],
    [
      'merge, supersede and end of measures',
      () =>
        apply(oldRegister(), (d) => {
          Object.assign(decision(d, 'a2-m2'), { action: 'merge', targetMeasureId: 'a2-m1' });
          Object.assign(decision(d, 'a3-m1'), {
            action: 'supersede',
            targetMeasureId: null,
            newMeasureTitle: 'Neue Videobeobachtung',
            targetFieldKey: 'neu-3',
          });
          Object.assign(decision(d, 'a3-m2'), { action: 'supersede', targetMeasureId: 'a2-m3' });
          Object.assign(decision(d, 'a1-m2'), { action: 'end', reason: 'Ziel erreicht' });
        }),
      [
        'carried: A1-01 → A1-01',
        'carried: A2-01 → A2-01',
        'carried: A2-03 → A2-02',
        'merged: A1-03 → A1-01',
        'merged: A2-02 → A2-01',
        'superseded: A3-02 → A2-02',
        'superseded: A3-01 → A3-01',
        'ended: A1-02 → – [Ziel erreicht]',
      ],
      { carried: 3, merged: 2, superseded: 2, ended: 1 },
    ],
    [
      'measures edited after the carry-over, a new one added, one carried then put into the Papierkorb',
      () => {
        const { doc, newId } = apply(oldRegister());
        let next = editMeasure(doc, 'measure-a1-m1', { title: 'Kampagne 2.0', districts: ['IN', 'EV'], status: 'umgesetzt' });
        next = editMeasure(next, 'measure-a2-m1', {
          budget: [{ year: 2026, plannedCents: 100, approvedCents: null, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' }],
        });
        // Renumbering and moving within the new Fassung is not a change of content.
        next = editMeasure(next, 'measure-a3-m2', { number: 'A3-10' });
        next = editMeasure(next, 'measure-a3-m1', { deletedAt: NOW });
        const field = next.actionFields.find((f) => f.editionId === newId && f.code === 'A2')!;
        next = {
          ...next,
          measures: [...next.measures, makeMeasure(50, { id: 'neu-50', number: 'A2-04', title: 'Neue Maßnahme', actionFieldId: field.id })],
        };
        return { doc: next, newId };
      },
      [
        'added: – → A2-04',
        'changed: A1-01 → A1-01 [title, status, districts]',
        'changed: A2-01 → A2-01 [budget]',
        'carried: A1-02 → A1-02',
        'carried: A2-02 → A2-02',
        'carried: A2-03 → A2-03',
        'carried: A3-02 → A3-10',
        'merged: A1-03 → A1-01',
        'ended: A3-01 → – [Nachfolgerin A3-01 liegt im Papierkorb]',
      ],
      { added: 1, changed: 2, carried: 4, merged: 1, ended: 1 },
    ],
    [
      'a changed link: the sub-measure gets another parent after the carry-over',
      () => {
        const { doc, newId } = apply(oldRegister());
        return { doc: editMeasure(doc, 'measure-a2-m2', { parentMeasureId: 'measure-a2-m3' }), newId };
      },
      [
        'carried: A1-01 → A1-01',
        'carried: A1-02 → A1-02',
        'carried: A2-01 → A2-01',
        'changed: A2-02 → A2-02 [parentMeasureId]',
        'carried: A2-03 → A2-03',
        'carried: A3-01 → A3-01',
        'carried: A3-02 → A3-02',
        'merged: A1-03 → A1-01',
      ].sort((a, b) => (a.startsWith('changed') ? -1 : b.startsWith('changed') ? 1 : 0)),
      { changed: 1, carried: 6, merged: 1 },
    ],
  ];
  it.each(cases)('%s', (_name, build, expected, expectedCounts) => {
    const { doc, newId } = build();
    const c = compareEditions(doc, 'alt', newId);
    expect(lines(c)).toEqual(expected);
    expect(counts(c)).toEqual(expectedCounts);
  });

  it('counts per Handlungsfeld: the new field where a measure lives on, the old one for ended measures', () => {
    const { doc, newId } = apply(oldRegister(), (d) => {
      d.fields = [d.fields[0]!, { ...d.fields[1]!, code: 'HF2', name: 'Raum und Infrastruktur' }];
      d.fieldMappings = [
        { fromFieldId: 'a1', toFieldKeys: ['neu-1'] },
        { fromFieldId: 'a2', toFieldKeys: ['neu-2'] },
        { fromFieldId: 'a3', toFieldKeys: ['neu-2'] },
      ];
      for (const x of d.decisions) if (x.targetFieldKey === 'neu-3') x.targetFieldKey = 'neu-2';
      Object.assign(decision(d, 'a3-m2'), { action: 'end', reason: 'erledigt', targetFieldKey: null });
    });
    const c = compareEditions(doc, 'alt', newId);
    expect(
      c.byField.map(
        (f) =>
          `${f.code}: ${f.total} (${Object.entries(f.counts)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`,
      ),
    ).toEqual(['A1: 3 (carried 2, merged 1)', 'HF2: 4 (carried 4)', 'A3: 1 (ended 1)']);
    expect(c.fieldChanges.map((f) => `${f.kind}: ${f.from.map((x) => x.code).join('+')} → ${f.to.map((x) => x.code).join('+')}`)).toEqual([
      'kept: A1 → A1',
      'merged: A2+A3 → HF2',
    ]);
  });

  it('names split, renamed and new Handlungsfelder', () => {
    const { doc, newId } = apply(oldRegister(), (d) => {
      d.fields[0] = { ...d.fields[0]!, name: 'Nachbarschaft und Teilhabe' };
      d.fields.push({ key: 'neu-4', code: 'HF4', name: 'Sauberkeit', description: '', guidingGoal: '' });
      d.fields.push({ key: 'neu-5', code: 'HF5', name: 'Digitales', description: '', guidingGoal: '' });
      d.fieldMappings[1] = { fromFieldId: 'a2', toFieldKeys: ['neu-2', 'neu-4'] };
    });
    const c = compareEditions(doc, 'alt', newId);
    expect(c.fieldChanges.map((f) => `${f.kind}: ${f.from.map((x) => x.code).join('+')} → ${f.to.map((x) => x.code).join('+')}`)).toEqual([
      'renamed: A1 → A1',
      'split: A2 → A2+HF4',
      'kept: A3 → A3',
      'new:  → HF5',
    ]);
  });

  it('compares over two Fortschreibungen, composing the links', () => {
    const first = apply(oldRegister(), (d) => Object.assign(decision(d, 'a2-m2'), { action: 'merge', targetMeasureId: 'a2-m1' }), 'Zwei');
    const second = createFortschreibungDraft(first.doc, first.newId, { ...draftMeta(), id: 'draft-2' })!;
    second.edition.name = 'Drei';
    Object.assign(decision(second, 'measure-a1-m2'), { action: 'end', reason: 'Ziel erreicht' });
    Object.assign(decision(second, 'measure-a3-m1'), { action: 'supersede', targetMeasureId: 'measure-a3-m2' });
    const outcome = applyFortschreibung(first.doc, second, { newId: (kind, hint) => IDS.newId(kind, `3-${hint}`) }, NOW);
    if ('problems' in outcome) throw new Error(JSON.stringify(outcome.problems));
    const c = compareEditions(outcome.doc, 'alt', outcome.applied.editionId);
    expect(lines(c)).toEqual([
      'carried: A1-01 → A1-01',
      'carried: A2-01 → A2-01',
      'carried: A2-03 → A2-02',
      'carried: A3-02 → A3-01',
      'merged: A1-03 → A1-01',
      'merged: A2-02 → A2-01',
      'superseded: A3-01 → A3-01',
      'ended: A1-02 → – [Ziel erreicht]',
    ]);
    // The middle Fassung compared with the last one: one step.
    expect(counts(compareEditions(outcome.doc, first.newId, outcome.applied.editionId))).toEqual({ carried: 4, superseded: 1, ended: 1 });
  });

  it('refuses unknown, equal and unrelated Fassungen with German messages', () => {
    const { doc, newId } = apply(oldRegister());
    expect(() => compareEditions(doc, 'alt', 'gibt-es-nicht')).toThrow(new EditionCompareError('Diese Fassung gibt es nicht (mehr).'));
    expect(() => compareEditions(doc, 'alt', 'alt')).toThrow('Bitte zwei verschiedene Fassungen wählen.');
    expect(() => compareEditions(doc, newId, 'alt')).toThrow(/Die Fassung „Masterplan 2019“ ist keine Fortschreibung von „Neu“/);
  });

  it('compares two Fassungen of 10,000 measures each (speed is measured by npm run bench, not here)', () => {
    const base = generateRegister(10_000);
    const editionId = base.editions[0]!.id;
    const doc: RegisterDocument = {
      ...base,
      editions: [{ ...base.editions[0]!, id: 'alt' }],
      currentEditionId: 'alt',
      actionFields: base.actionFields.map((f) => ({ ...f, editionId: 'alt' })),
    };
    expect(editionId).not.toBe('');
    const draft = createFortschreibungDraft(doc, 'alt', draftMeta())!;
    draft.edition.name = 'Groß';
    const outcome = applyFortschreibung(doc, draft, { newId: (kind, hint) => `${kind[0]}-${hint}`.slice(0, 64) }, NOW);
    if ('problems' in outcome) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
    const c = compareEditions(outcome.doc, 'alt', outcome.applied.editionId);
    expect(c.rows.length).toBeGreaterThan(9_000);
  });
});
