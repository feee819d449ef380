/**
 * The carry-over rules of a Fortschreibung (shared/editions/fortschreibung.ts), table-tested on a small
 * register: the pre-filled draft, applying it (new records, numbers that follow the new Handlungsfelder,
 * links, ended measures, the old Fassung untouched), every kind of bad input with its German message at the
 * place to fix, the council decision, deleting a Fassung, and a measure's line across Fassungen.
 */
import { describe, expect, it } from 'vitest';
import {
  applyFortschreibung,
  checkFortschreibung,
  createFortschreibungDraft,
  decideEdition,
  editionDeletionProblems,
  measureLineage,
  measuresOfEdition,
  removeEdition,
  summarizeEditions,
} from '@shared/editions/fortschreibung';
import type { RegisterDocument } from '@shared/register/register';
import { registerDocumentSchema } from '@shared/register/register';
import { checkMeasureRules, checkRegisterIntegrity } from '@shared/register/rules';
import { decision, draftMeta, frozen, IDS, NOW, oldRegister, type Draft } from './editionFixtures';

function newDraft(doc = oldRegister()): Draft {
  return createFortschreibungDraft(doc, 'alt', draftMeta())!;
}

function applied(doc: RegisterDocument, draft: Draft) {
  const outcome = applyFortschreibung(doc, draft, IDS, NOW, 'Test');
  if ('problems' in outcome) throw new Error(`unexpected problems: ${JSON.stringify(outcome.problems)}`);
  return outcome;
}

/** The measures of the new Fassung as "number title ← old id". */
function newLines(doc: RegisterDocument, editionId: string): string[] {
  const record = doc.fortschreibungen.find((r) => r.toEditionId === editionId)!;
  return measuresOfEdition(doc, editionId).map((m) => {
    const from = record.links.filter((l) => l.toMeasureId === m.id).map((l) => `${l.fromMeasureId}:${l.relation}`);
    return `${m.number} ${m.title} ← ${from.join(', ')}`;
  });
}

describe('createFortschreibungDraft', () => {
  it('copies the Handlungsfelder one to one and carries every active measure, merged ones into their link', () => {
    const draft = newDraft();
    expect(draft.edition.name).toBe('Fortschreibung von Masterplan 2019');
    expect(draft.fields.map((f) => `${f.key} ${f.code} ${f.name}`)).toEqual([
      'neu-1 A1 Sichere Nachbarschaft',
      'neu-2 A2 Sichere öffentliche Räume',
      'neu-3 A3 Sichere Infrastruktur',
    ]);
    expect(draft.fieldMappings).toEqual([
      { fromFieldId: 'a1', toFieldKeys: ['neu-1'] },
      { fromFieldId: 'a2', toFieldKeys: ['neu-2'] },
      { fromFieldId: 'a3', toFieldKeys: ['neu-3'] },
    ]);
    expect(draft.decisions.map((d) => d.measureId)).not.toContain('a3-m9');
    expect(decision(draft, 'a1-m1')).toMatchObject({ action: 'carry', targetFieldKey: 'neu-1' });
    expect(decision(draft, 'a1-m3')).toMatchObject({ action: 'merge', targetMeasureId: 'a1-m1' });
    expect(checkFortschreibung(oldRegister(), draft)).toEqual([]);
  });

  it('returns null for an unknown Fassung', () => {
    expect(createFortschreibungDraft(oldRegister(), 'gibt-es-nicht', draftMeta())).toBeNull();
  });
});

describe('applyFortschreibung', () => {
  it('makes a new Fassung of new records; the old Fassung stays exactly as it was', () => {
    const doc = frozen(oldRegister());
    const before = JSON.stringify(doc);
    const draft = { ...newDraft(doc), edition: { name: 'Masterplan 2.0', printNumber: null, decidedOn: null } };
    const { doc: next, applied: result } = applied(doc, draft);
    expect(JSON.stringify(doc)).toBe(before);
    // Old records unchanged and still there.
    for (const m of doc.measures) expect(next.measures.find((x) => x.id === m.id)).toEqual(m);
    const edition = next.editions.find((e) => e.id === result.editionId)!;
    expect(edition).toEqual({ id: result.editionId, name: 'Masterplan 2.0', printNumber: null, decidedOn: null, state: 'entwurf' });
    expect(next.currentEditionId).toBe(result.editionId);
    expect(next.fortschreibungDrafts).toEqual([]);
    expect(newLines(next, result.editionId)).toEqual([
      'A1-01 Maßnahme A1-01 ← a1-m1:carried, a1-m3:merged',
      'A1-02 Maßnahme A1-02 ← a1-m2:carried',
      'A2-01 Maßnahme A2-01 ← a2-m1:carried',
      'A2-02 Maßnahme A2-02 ← a2-m2:carried',
      'A2-03 Maßnahme A2-03 ← a2-m3:carried',
      'A3-01 Maßnahme A3-01 ← a3-m1:carried',
      'A3-02 Maßnahme A3-02 ← a3-m2:carried',
    ]);
    const copy = next.measures.find((m) => m.id === 'measure-a1-m1')!;
    expect(copy).toMatchObject({
      description: 'Kampagne',
      status: 'in_umsetzung',
      leadOrgUnitId: 'ou-32',
      version: 1,
      createdAt: NOW,
      deletedAt: null,
    });
    // The sub-measure keeps its parent in the new Fassung.
    expect(next.measures.find((m) => m.id === 'measure-a2-m2')!.parentMeasureId).toBe('measure-a2-m1');
    // The result is a valid, consistent register.
    expect(registerDocumentSchema.safeParse(next).success).toBe(true);
    expect(checkRegisterIntegrity(next)).toEqual([]);
  });

  it('numbers follow the new Handlungsfelder, also when codes repeat those of the old Fassung', () => {
    const doc = oldRegister();
    const draft = newDraft(doc);
    // Same codes as before: the numbers A1-01 … exist in both Fassungen, which is allowed.
    const { doc: next } = applied(doc, draft);
    expect(next.measures.filter((m) => m.number === 'A1-01' && !m.deletedAt)).toHaveLength(2);
    expect(checkRegisterIntegrity(next)).toEqual([]);
  });

  type Case = [name: string, change: (d: Draft) => void, expected: string[], fieldNames?: string[]];
  const cases: Case[] = [
    [
      'rename: a Handlungsfeld gets a new code and name',
      (d) => {
        d.fields[0] = { ...d.fields[0]!, code: 'HF1', name: 'Nachbarschaft und Teilhabe' };
      },
      ['HF1-01', 'HF1-02', 'A2-01', 'A2-02', 'A2-03', 'A3-01', 'A3-02'],
      ['HF1 Nachbarschaft und Teilhabe', 'A2 Sichere öffentliche Räume', 'A3 Sichere Infrastruktur'],
    ],
    [
      'merge of Handlungsfelder: A2 and A3 go into one new field, numbered in the old order',
      (d) => {
        d.fields = [d.fields[0]!, { ...d.fields[1]!, code: 'HF2', name: 'Öffentlicher Raum und Infrastruktur' }];
        d.fieldMappings = [
          { fromFieldId: 'a1', toFieldKeys: ['neu-1'] },
          { fromFieldId: 'a2', toFieldKeys: ['neu-2'] },
          { fromFieldId: 'a3', toFieldKeys: ['neu-2'] },
        ];
        for (const x of d.decisions) if (x.targetFieldKey === 'neu-3') x.targetFieldKey = 'neu-2';
      },
      ['A1-01', 'A1-02', 'HF2-01', 'HF2-02', 'HF2-03', 'HF2-04', 'HF2-05'],
      ['A1 Sichere Nachbarschaft', 'HF2 Öffentlicher Raum und Infrastruktur'],
    ],
    [
      'split: A2 becomes two fields, each measure going into one of them',
      (d) => {
        d.fields.push({ key: 'neu-4', code: 'HF4', name: 'Sauberkeit', description: '', guidingGoal: '' });
        d.fieldMappings[1] = { fromFieldId: 'a2', toFieldKeys: ['neu-2', 'neu-4'] };
        d.decisions.find((x) => x.measureId === 'a2-m3')!.targetFieldKey = 'neu-4';
      },
      ['A1-01', 'A1-02', 'A2-01', 'A2-02', 'HF4-01', 'A3-01', 'A3-02'],
    ],
    [
      'merge of measures: A1-02 goes into A1-01',
      (d) => Object.assign(decision(d, 'a1-m2'), { action: 'merge', targetMeasureId: 'a1-m1', targetFieldKey: null }),
      ['A1-01', 'A2-01', 'A2-02', 'A2-03', 'A3-01', 'A3-02'],
    ],
    [
      'supersede by a new measure: it gets the next number of its field',
      (d) =>
        Object.assign(decision(d, 'a3-m1'), {
          action: 'supersede',
          targetMeasureId: null,
          newMeasureTitle: 'Mobile Videobeobachtung',
          targetFieldKey: 'neu-3',
        }),
      ['A1-01', 'A1-02', 'A2-01', 'A2-02', 'A2-03', 'A3-01', 'A3-02'],
    ],
    [
      'supersede by another measure (a chain through a merge)',
      (d) => {
        Object.assign(decision(d, 'a2-m3'), { action: 'supersede', targetMeasureId: 'a2-m2', targetFieldKey: null });
        Object.assign(decision(d, 'a2-m2'), { action: 'merge', targetMeasureId: 'a2-m1', targetFieldKey: null });
      },
      ['A1-01', 'A1-02', 'A2-01', 'A3-01', 'A3-02'],
    ],
    [
      'end with a reason',
      (d) => Object.assign(decision(d, 'a1-m2'), { action: 'end', reason: 'Ziel erreicht', targetFieldKey: null }),
      ['A1-01', 'A2-01', 'A2-02', 'A2-03', 'A3-01', 'A3-02'],
    ],
  ];
  it.each(cases)('%s', (_name, change, numbers, fieldNames) => {
    const doc = oldRegister();
    const draft = newDraft(doc);
    change(draft);
    const { doc: next, applied: result } = applied(doc, draft);
    expect(measuresOfEdition(next, result.editionId).map((m) => m.number)).toEqual(numbers);
    if (fieldNames)
      expect(next.actionFields.filter((f) => f.editionId === result.editionId).map((f) => `${f.code} ${f.name}`)).toEqual(fieldNames);
    expect(checkRegisterIntegrity(next)).toEqual([]);
  });

  it('records links and ended measures in one record on the new Fassung', () => {
    const doc = oldRegister();
    const draft = newDraft(doc);
    Object.assign(decision(draft, 'a1-m2'), { action: 'end', reason: 'Ziel erreicht' });
    Object.assign(decision(draft, 'a3-m1'), {
      action: 'supersede',
      targetMeasureId: null,
      newMeasureTitle: 'Mobile Videobeobachtung',
      targetFieldKey: 'neu-3',
    });
    Object.assign(decision(draft, 'a3-m2'), { action: 'supersede', targetMeasureId: 'a3-m1' });
    const { doc: next, applied: result } = applied(doc, draft);
    const record = next.fortschreibungen[0]!;
    expect(record).toMatchObject({ fromEditionId: 'alt', toEditionId: result.editionId, appliedAt: NOW, appliedBy: 'Test' });
    expect(record.endedMeasures).toEqual([{ measureId: 'a1-m2', reason: 'Ziel erreicht' }]);
    expect(record.links.filter((l) => l.relation === 'superseded')).toEqual([
      { fromMeasureId: 'a3-m1', toMeasureId: 'measure-neu_a3-m1', relation: 'superseded' },
      { fromMeasureId: 'a3-m2', toMeasureId: 'measure-neu_a3-m1', relation: 'superseded' },
    ]);
    const created = next.measures.find((m) => m.id === 'measure-neu_a3-m1')!;
    expect(created).toMatchObject({ number: 'A3-01', title: 'Mobile Videobeobachtung', status: 'vorgeschlagen' });
    expect(created.origin.reference).toBe('Fortschreibung von Masterplan 2019, ersetzt Maßnahme A3-01');
    expect(record.fieldMappings).toEqual([
      { fromFieldId: 'a1', toFieldIds: ['field-neu-1'] },
      { fromFieldId: 'a2', toFieldIds: ['field-neu-2'] },
      { fromFieldId: 'a3', toFieldIds: ['field-neu-3'] },
    ]);
  });

  it('copies the Kennzahlen of carried measures (with their values); the old ones stay', () => {
    const doc = oldRegister();
    const indicator = {
      id: 'k-1',
      measureId: 'a1-m1',
      name: 'Teilnehmende',
      type: 'output' as const,
      unit: 'Personen',
      direction: 'higher' as const,
      dataSource: 'eigene Zählung',
      method: '',
      baselineValue: 0,
      baselineYear: 2019,
      targetValue: 100,
      targetYear: 2025,
      thresholdGood: null,
      thresholdCritical: null,
      comparisonArea: '',
      comparisonPeriod: '',
      values: [{ year: 2024, period: '', value: 80, note: '' }],
      version: 3,
      createdAt: NOW,
      updatedAt: NOW,
      deletedAt: null,
    };
    const withIndicators = {
      ...doc,
      indicators: [indicator, { ...indicator, id: 'k-2', measureId: 'a1-m3' }, { ...indicator, id: 'k-3', deletedAt: NOW }],
    };
    const { doc: next, applied: result } = applied(withIndicators, newDraft(withIndicators));
    expect(result.indicatorIds).toEqual(['indicator-k-1']);
    expect(next.indicators.slice(0, 3)).toEqual(withIndicators.indicators);
    expect(next.indicators[3]).toEqual({ ...indicator, id: 'indicator-k-1', measureId: 'measure-a1-m1', version: 1 });
  });

  it('keeps the current Fassung when asked to', () => {
    const draft = { ...newDraft(), makeCurrent: false };
    expect(applied(oldRegister(), draft).doc.currentEditionId).toBe('alt');
  });
});

describe('bad input: a German message at the place to fix, and nothing applied', () => {
  type Bad = [name: string, change: (d: Draft, doc: RegisterDocument) => unknown, problems: { field: string; message: string | RegExp }[]];
  const bad: Bad[] = [
    [
      'a measure mapped twice',
      (d) => void d.decisions.push({ ...decision(d, 'a2-m1'), action: 'end', reason: 'doppelt' }),
      [{ field: 'decisions.a2-m1.action', message: 'Die Maßnahme A2-01 ist mehrfach zugeordnet. Bitte nur eine Entscheidung treffen.' }],
    ],
    [
      'an old Handlungsfeld left without mapping',
      (d) => void (d.fieldMappings[1] = { fromFieldId: 'a2', toFieldKeys: [] }),
      [
        {
          field: 'fieldMappings.a2',
          message: 'Das bisherige Handlungsfeld „A2 Sichere öffentliche Räume“ ist keinem neuen Handlungsfeld zugeordnet.',
        },
      ],
    ],
    [
      'a cycle of supersede links',
      (d) => {
        Object.assign(decision(d, 'a2-m1'), { action: 'supersede', targetMeasureId: 'a2-m2' });
        Object.assign(decision(d, 'a2-m2'), { action: 'supersede', targetMeasureId: 'a2-m3' });
        Object.assign(decision(d, 'a2-m3'), { action: 'merge', targetMeasureId: 'a2-m1' });
      },
      [
        { field: 'decisions.a2-m1.targetMeasureId', message: /^Die Verweise bilden einen Kreis \(A2-01 → A2-02 → A2-03 → A2-01\)/ },
        { field: 'decisions.a2-m2.targetMeasureId', message: /Kreis/ },
        { field: 'decisions.a2-m3.targetMeasureId', message: /Kreis/ },
      ],
    ],
    [
      'ending without a reason',
      (d) => Object.assign(decision(d, 'a3-m2'), { action: 'end', reason: '   ' }),
      [{ field: 'decisions.a3-m2.reason', message: 'Bitte einen Grund angeben, warum die Maßnahme A3-02 endet.' }],
    ],
    [
      'the source Fassung deleted meanwhile',
      (d) => ({ ...d, fromEditionId: 'geloescht' }),
      [{ field: 'fromEditionId', message: /Die Ausgangsfassung dieses Entwurfs gibt es nicht mehr/ }],
    ],
    [
      'no name',
      (d) => void (d.edition.name = ' '),
      [{ field: 'edition.name', message: 'Bitte einen Namen für die neue Fassung eingeben.' }],
    ],
    ['a name already used', (d) => void (d.edition.name = 'masterplan 2019'), [{ field: 'edition.name', message: /gibt es bereits/ }]],
    [
      'a code used twice',
      (d) => void (d.fields[1]!.code = 'A1'),
      [
        { field: 'fields.neu-1.code', message: 'Das Kürzel A1 ist in der neuen Fassung mehrfach vergeben.' },
        { field: 'fields.neu-2.code', message: 'Das Kürzel A1 ist in der neuen Fassung mehrfach vergeben.' },
      ],
    ],
    [
      'merging into a measure that ends',
      (d) => {
        Object.assign(decision(d, 'a1-m2'), { action: 'merge', targetMeasureId: 'a1-m1' });
        Object.assign(decision(d, 'a1-m1'), { action: 'end', reason: 'fertig' });
      },
      [
        {
          field: 'decisions.a1-m2.targetMeasureId',
          message: 'A1-02 soll in A1-01 aufgehen, aber A1-01 wird beendet. Bitte ein Ziel wählen, das in die neue Fassung übernommen wird.',
        },
        { field: 'decisions.a1-m3.targetMeasureId', message: /A1-03 soll in A1-01 aufgehen/ },
      ],
    ],
    [
      'carrying a "zusammengeführt mit" measure whose link does not live on',
      (d) => {
        Object.assign(decision(d, 'a1-m3'), { action: 'carry', targetFieldKey: 'neu-1', targetMeasureId: null });
        Object.assign(decision(d, 'a1-m1'), { action: 'end', reason: 'fertig' });
      },
      [{ field: 'decisions.a1-m3.action', message: /A1-03 hat den Status „zusammengeführt mit“ A1-01/ }],
    ],
    [
      'a measure without decision',
      (d) => void d.decisions.splice(0, 1),
      [{ field: 'decisions.a1-m1.action', message: 'Für die Maßnahme A1-01 fehlt die Entscheidung.' }],
    ],
    [
      'carry without target field',
      (d) => void (decision(d, 'a2-m1').targetFieldKey = 'gibt-es-nicht'),
      [{ field: 'decisions.a2-m1.targetFieldKey', message: /Handlungsfeld der neuen Fassung für die Maßnahme A2-01/ }],
    ],
    [
      'supersede without target',
      (d) => Object.assign(decision(d, 'a2-m1'), { action: 'supersede', targetMeasureId: null, newMeasureTitle: '' }),
      [{ field: 'decisions.a2-m1.targetMeasureId', message: /die A2-01 ersetzt, oder den Titel einer neuen Maßnahme/ }],
    ],
  ];
  it.each(bad)('%s', (_name, change, expected) => {
    const doc = frozen(oldRegister());
    const before = JSON.stringify(doc);
    let draft = structuredClone(newDraft(oldRegister()));
    const changed = change(draft, doc);
    if (typeof changed === 'object' && changed !== null && 'decisions' in changed) draft = changed as Draft;
    const outcome = applyFortschreibung(doc, draft, IDS, NOW);
    expect('problems' in outcome).toBe(true);
    const problems = 'problems' in outcome ? outcome.problems : [];
    expect(problems).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(problems[i]!.field).toBe(e.field);
      if (typeof e.message === 'string') expect(problems[i]!.message).toBe(e.message);
      else expect(problems[i]!.message).toMatch(e.message);
    });
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('decideEdition, removeEdition, summaries', () => {
  function withNew() {
    const doc = oldRegister();
    const { doc: next, applied: result } = applied(doc, {
      ...newDraft(doc),
      edition: { name: 'Masterplan 2.0', printNumber: null, decidedOn: null },
    });
    return { doc: next, newId: result.editionId };
  }

  it('a decided new Fassung replaces the one it came from', () => {
    const { doc, newId } = withNew();
    const outcome = decideEdition(doc, newId, '26093-22', '2022-12-15');
    if ('problems' in outcome) throw new Error('problems');
    expect(outcome.doc.editions.map((e) => [e.id, e.state])).toEqual([
      ['alt', 'abgeloest'],
      [newId, 'beschlossen'],
    ]);
    expect(outcome.doc.editions[1]).toMatchObject({ printNumber: '26093-22', decidedOn: '2022-12-15' });
    expect(outcome.changed).toHaveLength(2);
    const again = decideEdition(outcome.doc, 'alt', '12534-18', '2019-02-14');
    expect(again).toEqual({ problems: [{ field: 'state', message: 'Eine abgelöste Fassung kann nicht erneut beschlossen werden.' }] });
  });

  it('refuses to delete a Fassung another one refers to, or a decided one; deletes a leaf draft Fassung completely', () => {
    const { doc, newId } = withNew();
    expect(editionDeletionProblems(doc, 'alt')).toEqual([
      'Nur Fassungen im Entwurf können gelöscht werden; beschlossene und abgelöste Fassungen bleiben als Geschichte erhalten.',
      'Die Fassung „Masterplan 2.0“ wurde aus dieser Fassung fortgeschrieben und verweist auf ihre Maßnahmen.',
    ]);
    const withDraft = { ...doc, fortschreibungDrafts: [createFortschreibungDraft(doc, newId, draftMeta())!] };
    expect(editionDeletionProblems(withDraft, newId)).toEqual([
      expect.stringMatching(/^Die begonnene Fortschreibung „Fortschreibung von Masterplan 2.0“ geht von dieser Fassung aus/),
    ]);
    const removed = removeEdition(doc, newId);
    if ('problems' in removed) throw new Error('problems');
    expect(removed.removedMeasures).toBe(7);
    expect(removed.doc.currentEditionId).toBe('alt');
    expect(removed.doc.fortschreibungen).toEqual([]);
    expect(JSON.stringify({ ...removed.doc, fortschreibungDrafts: [] })).toBe(
      JSON.stringify({ ...oldRegister(), fortschreibungDrafts: [] }),
    );
  });

  it('summarizes each Fassung with counts, source and successors', () => {
    const { doc, newId } = withNew();
    expect(
      summarizeEditions(doc).map((s) => ({
        id: s.edition.id,
        current: s.isCurrent,
        fields: s.fieldCount,
        measures: s.measureCount,
        source: s.sourceEditionId,
        next: s.successorIds,
      })),
    ).toEqual([
      { id: 'alt', current: false, fields: 3, measures: 8, source: null, next: [newId] },
      { id: newId, current: true, fields: 3, measures: 7, source: 'alt', next: [] },
    ]);
  });
});

describe('measureLineage', () => {
  it('follows a measure from its predecessors to its successors over two Fortschreibungen', () => {
    const doc = oldRegister();
    const first = applied(doc, { ...newDraft(doc), edition: { name: 'Masterplan 2.0', printNumber: null, decidedOn: null } });
    const second = createFortschreibungDraft(first.doc, first.applied.editionId, { ...draftMeta(), id: 'draft-2' })!;
    const ids = { newId: (kind: string, hint: string) => IDS.newId(kind as 'edition', `3-${hint}`) };
    Object.assign(decision(second, 'measure-a1-m2'), { action: 'end', reason: 'Ziel erreicht' });
    const outcome = applyFortschreibung(
      first.doc,
      { ...second, edition: { name: 'Masterplan 3.0', printNumber: null, decidedOn: null } },
      ids,
      NOW,
    );
    if ('problems' in outcome) throw new Error(JSON.stringify(outcome.problems));
    const line = measureLineage(outcome.doc, 'measure-a1-m1');
    expect(line.map((n) => `${n.editionName}: ${n.number}${n.isFocus ? ' *' : ''} → ${n.next.map((x) => x.relation).join(',')}`)).toEqual([
      'Masterplan 2019: A1-01 → carried',
      'Masterplan 2019: A1-03 → merged',
      'Masterplan 2.0: A1-01 * → carried',
      'Masterplan 3.0: A1-01 → ',
    ]);
    const ended = measureLineage(outcome.doc, 'a1-m2');
    expect(ended.map((n) => [n.number, n.endedReason])).toEqual([
      ['A1-02', null],
      ['A1-02', 'Ziel erreicht'],
    ]);
  });
});

describe('measure numbers are unique per Fassung', () => {
  it('the same number may exist in another Fassung, not in the same one (nor when the Fassung is unknown)', () => {
    const doc = oldRegister();
    const { doc: next } = applied(doc, newDraft(doc));
    const fields = { ...next.measures.find((m) => m.id === 'measure-a1-m2')!, number: 'A1-01' };
    const ctx = (others: { id: string; number: string; actionFieldId?: string }[]) => ({
      measureId: 'measure-a1-m2',
      actionFields: next.actionFields,
      orgUnits: next.orgUnits,
      statuses: next.statuses,
      others,
    });
    const numberProblems = (others: Parameters<typeof ctx>[0]) =>
      checkMeasureRules(fields, ctx(others)).filter((p) => p.field === 'number');
    expect(numberProblems([{ id: 'a1-m1', number: 'A1-01', actionFieldId: 'a1' }])).toEqual([]);
    expect(numberProblems([{ id: 'measure-a1-m1', number: 'A1-01', actionFieldId: 'field-neu-1' }])).toEqual([
      { field: 'number', message: 'Die Nummer A1-01 ist bereits vergeben.' },
    ]);
    expect(numberProblems([{ id: 'x', number: 'a1-01' }])).toHaveLength(1);
  });
});
