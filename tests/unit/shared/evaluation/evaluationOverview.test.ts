/**
 * The evaluation table behind dashboard, round workspace and exports: which measures a round covers, and
 * that a round's cut-off date holds for milestones (by day: the day itself counts, the day after not) and
 * for Kennzahl values (by year), for sub-measures too; budget sums and the round's own assessment.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/core/calendar';
import type { Assessment, EvaluationRound, Indicator } from '@shared/evaluation/evaluation';
import { buildEvaluationRows, measuresInScope } from '@shared/evaluation/evaluationOverview';
import type { RegisterDocument } from '@shared/register/register';
import { makeMeasure, makeRegister, STAMP } from '@tests/fixtures/documents';

const CUT = '2024-06-30';

function round(overrides: Partial<EvaluationRound> = {}): EvaluationRound {
  return {
    id: 'round-1',
    name: 'Evaluation 2024',
    date: null,
    cutOffDate: CUT,
    actionFieldIds: [],
    description: '',
    closed: false,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

function indicator(measureId: string, overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: `ind-${measureId}`,
    measureId,
    name: 'Kennzahl',
    type: 'outcome',
    unit: '',
    direction: 'higher',
    dataSource: '',
    method: '',
    baselineValue: 0,
    baselineYear: null,
    targetValue: 10,
    targetYear: null,
    thresholdGood: null,
    thresholdCritical: null,
    comparisonArea: '',
    comparisonPeriod: '',
    values: [],
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    deletedAt: null,
    ...overrides,
  };
}

function assessment(roundId: string, measureId: string): Assessment {
  return {
    id: `as-${roundId}-${measureId}`,
    roundId,
    measureId,
    rating: 'gelb',
    reasoning: '',
    recommendation: null,
    assessor: '',
    date: null,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

const milestone = (doneDate: string | null) => ({ title: 'M', dueDate: null, doneDate });

describe('measures a round covers', () => {
  const doc = makeRegister(0, {
    editions: [
      { id: 'fassung-2019', name: 'Masterplan 2019', printNumber: '12534-18', decidedOn: '2019-02-14', state: 'beschlossen' },
      { id: 'fassung-alt', name: 'Alt', printNumber: '1-18', decidedOn: '2018-01-01', state: 'beschlossen' },
    ],
    actionFields: [
      { id: 'hf1', editionId: 'fassung-2019', code: 'HF1', name: 'Eins', description: '', guidingGoal: '' },
      { id: 'hf2', editionId: 'fassung-2019', code: 'HF2', name: 'Zwei', description: '', guidingGoal: '' },
      { id: 'hf-alt', editionId: 'fassung-alt', code: 'HF1', name: 'Alt', description: '', guidingGoal: '' },
    ],
    measures: [
      makeMeasure(1, { actionFieldId: 'hf1' }),
      makeMeasure(2, { actionFieldId: 'hf2' }),
      makeMeasure(3, { actionFieldId: 'hf-alt' }),
      makeMeasure(4, { actionFieldId: 'hf1', deletedAt: STAMP }),
    ],
  });
  const ids = (r: EvaluationRound | null) => measuresInScope(doc, r).map((m) => m.id);

  it('without a round or without Handlungsfelder: the active measures of the current Fassung', () => {
    expect(ids(null)).toEqual(['m-01', 'm-02']);
    expect(ids(round())).toEqual(['m-01', 'm-02']);
  });

  it('with Handlungsfelder: only those, never one in the Papierkorb', () => {
    expect(ids(round({ actionFieldIds: ['hf2'] }))).toEqual(['m-02']);
    expect(ids(round({ actionFieldIds: ['hf1', 'hf-alt'] }))).toEqual(['m-01', 'm-03']);
  });
});

describe('a round’s cut-off date', () => {
  it.each([
    ['the day before', addDays(CUT, -1), 100],
    ['the day itself', CUT, 100],
    ['the day after', addDays(CUT, 1), 0],
  ] as const)('a milestone done %s (%s) counts for the round: %i %%', (_label, doneDate, percent) => {
    const doc = makeRegister(0, { measures: [makeMeasure(1, { milestones: [milestone(doneDate)] })] });
    expect(buildEvaluationRows(doc, round())[0]!.implementation).toEqual({ percent, source: 'milestones' });
    // Without a round (the dashboard today) every milestone done counts.
    expect(buildEvaluationRows(doc, null)[0]!.implementation.percent).toBe(100);
  });

  it('holds for sub-measures too', () => {
    const doc = makeRegister(0, {
      measures: [
        makeMeasure(1),
        makeMeasure(2, { parentMeasureId: 'm-01', milestones: [milestone(addDays(CUT, 1))] }),
        makeMeasure(3, { parentMeasureId: 'm-01', milestones: [milestone(CUT)] }),
        makeMeasure(4, { parentMeasureId: 'm-01', deletedAt: STAMP }),
      ],
    });
    expect(buildEvaluationRows(doc, round())[0]!.implementation).toEqual({ percent: 50, source: 'subMeasures' });
    expect(buildEvaluationRows(doc, null)[0]!.implementation).toEqual({ percent: 100, source: 'subMeasures' });
  });

  it.each([
    ['the year before', 2023, 0.6],
    ['its year', 2024, 0.6],
    ['the year after', 2025, 0.3],
  ] as const)('a Kennzahl value of %s (%i) counts by the cut-off year: degree %s', (_label, year, degree) => {
    const values = [
      { year: 2022, period: '', value: 3, note: '' },
      { year, period: '', value: 6, note: '' },
    ];
    const doc = makeRegister(1, { indicators: [indicator('m-01', { values })] });
    const row = buildEvaluationRows(doc, round())[0]!;
    expect(row.goal.degree).toBeCloseTo(degree, 10);
    // Without a cut-off date the latest value counts.
    expect(buildEvaluationRows(doc, round({ cutOffDate: null }))[0]!.goal.degree).toBeCloseTo(0.6, 10);
  });
});

describe('a row', () => {
  it('carries the measure, its indicators (not those in the Papierkorb), budget sums and this round’s assessment', () => {
    const doc: RegisterDocument = makeRegister(2, {
      measures: [
        makeMeasure(1, {
          status: 'in_umsetzung',
          leadOrgUnitId: 'ou-32',
          districts: ['IW'],
          budget: [
            { year: 2024, plannedCents: 100, approvedCents: 50, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' },
            { year: 2025, plannedCents: 200, approvedCents: null, spentCents: 7, fundingSource: 'haushalt', budgetPosition: '' },
          ],
        }),
        makeMeasure(2),
      ],
      indicators: [
        indicator('m-01', { values: [{ year: 2024, period: '', value: 5, note: '' }] }),
        indicator('m-01', { id: 'ind-deleted', deletedAt: STAMP, values: [{ year: 2024, period: '', value: 10, note: '' }] }),
      ],
      assessments: [assessment('round-1', 'm-01'), assessment('round-other', 'm-02')],
    });
    const [first, second] = buildEvaluationRows(doc, round());
    expect(first).toMatchObject({
      measureId: 'm-01',
      number: 'HF1-01',
      title: 'Maßnahme 1',
      actionFieldId: 'hf1',
      status: 'in_umsetzung',
      leadOrgUnitId: 'ou-32',
      districts: ['IW'],
      implementation: { percent: 50, source: 'status' },
      goal: { degree: 0.5, level: 'teilweise', actual: null },
      indicatorCount: 1,
      plannedCents: 300,
      approvedCents: 50,
      spentCents: 7,
      assessment: { id: 'as-round-1-m-01' },
    });
    expect(second).toMatchObject({ indicatorCount: 0, plannedCents: 0, approvedCents: 0, spentCents: 0, assessment: null });
    expect(second!.goal.level).toBe('nicht_bewertbar');
    // Without a round there is no assessment.
    expect(buildEvaluationRows(doc, null)[0]!.assessment).toBeNull();
  });
});
