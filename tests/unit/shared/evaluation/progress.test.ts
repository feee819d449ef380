import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue } from '@shared/evaluation/evaluation';
import { goalAttainment, goalLevel, implementationDegree, latestValue, measureGoalAttainment } from '@shared/evaluation/progress';
import { DEFAULT_STATUSES } from '@shared/register/status';

type M = { id: string; status: string; milestones: { title: string; dueDate: string | null; doneDate: string | null }[]; weight?: number };
const milestone = (doneDate: string | null) => ({ title: 'M', dueDate: null, doneDate });

function ctx(children: Record<string, M[]> = {}, asOf?: string) {
  return { statuses: DEFAULT_STATUSES, children: (id: string) => children[id] ?? [], ...(asOf ? { asOf } : {}) };
}

describe('Umsetzungsgrad', () => {
  it.each([
    ['status in Umsetzung', { id: 'a', status: 'in_umsetzung', milestones: [] }, 50, 'status'],
    ['status umgesetzt', { id: 'a', status: 'umgesetzt', milestones: [] }, 100, 'status'],
    ['unknown status counts 0', { id: 'a', status: 'gibtsnicht', milestones: [] }, 0, 'status'],
    [
      'milestones 1 of 3 done',
      { id: 'a', status: 'in_umsetzung', milestones: [milestone('2024-01-01'), milestone(null), milestone(null)] },
      33,
      'milestones',
    ],
    ['milestones all done', { id: 'a', status: 'in_planung', milestones: [milestone('2024-01-01')] }, 100, 'milestones'],
  ] as const)('%s → %i %% (%s)', (_name, measure, percent, source) => {
    expect(implementationDegree(measure as unknown as M, ctx())).toEqual({ percent, source });
  });

  it('rolls sub-measures up as the average, or weighted', () => {
    const children = {
      p: [
        { id: 'c1', status: 'umgesetzt', milestones: [] },
        { id: 'c2', status: 'vorgeschlagen', milestones: [] },
      ],
    };
    expect(implementationDegree({ id: 'p', status: 'beschlossen', milestones: [] }, ctx(children))).toEqual({
      percent: 50,
      source: 'subMeasures',
    });
    const weighted = {
      p: [
        { id: 'c1', status: 'umgesetzt', milestones: [], weight: 3 },
        { id: 'c2', status: 'vorgeschlagen', milestones: [], weight: 1 },
      ],
    };
    expect(implementationDegree({ id: 'p', status: 'beschlossen', milestones: [] }, ctx(weighted)).percent).toBe(75);
  });

  it('rolls up over several levels and cuts cycles', () => {
    const children = {
      p: [{ id: 'c', status: 'beschlossen', milestones: [] }],
      c: [
        { id: 'g', status: 'umgesetzt', milestones: [] },
        { id: 'p', status: 'vorgeschlagen', milestones: [] },
      ],
    };
    expect(implementationDegree({ id: 'p', status: 'vorgeschlagen', milestones: [] }, ctx(children))).toEqual({
      percent: 100,
      source: 'subMeasures',
    });
  });

  it('counts only milestones done by the cut-off date', () => {
    const m = { id: 'a', status: 'in_umsetzung', milestones: [milestone('2023-06-01'), milestone('2025-06-01')] };
    expect(implementationDegree(m, ctx({}, '2024-12-31')).percent).toBe(50);
  });
});

const v = (year: number, value: number, period = ''): IndicatorValue => ({ year, period, value, note: '' });
type Ind = Pick<Indicator, 'baselineValue' | 'targetValue' | 'direction' | 'values' | 'type'>;
const ind = (
  baseline: number | null,
  target: number | null,
  direction: 'higher' | 'lower',
  values: IndicatorValue[],
  type: 'output' | 'outcome' = 'outcome',
): Ind => ({
  baselineValue: baseline,
  targetValue: target,
  direction,
  values,
  type,
});

describe('Zielerreichungsgrad', () => {
  it.each([
    ['halfway up', ind(100, 200, 'higher', [v(2024, 150)]), 0.5, 'teilweise'],
    ['reached exactly', ind(100, 200, 'higher', [v(2024, 200)]), 1, 'erreicht'],
    ['exceeded, clamped to 1.5', ind(100, 200, 'higher', [v(2024, 400)]), 1.5, 'uebererfuellt'],
    ['moved the wrong way → 0', ind(100, 200, 'higher', [v(2024, 80)]), 0, 'nicht_erreicht'],
    ['lower is better, 80 % of the way down', ind(50, 40, 'lower', [v(2024, 42)]), 0.8, 'ueberwiegend'],
    ['lower is better, rose instead', ind(50, 40, 'lower', [v(2024, 60)]), 0, 'nicht_erreicht'],
    ['no values', ind(50, 40, 'lower', []), null, 'nicht_bewertbar'],
    ['no baseline', ind(null, 40, 'lower', [v(2024, 42)]), null, 'nicht_bewertbar'],
    ['target equals baseline', ind(40, 40, 'lower', [v(2024, 42)]), null, 'nicht_bewertbar'],
    ['target against the direction', ind(40, 50, 'lower', [v(2024, 45)]), null, 'nicht_bewertbar'],
  ] as const)('%s', (_name, indicator, degree, level) => {
    const result = goalAttainment(indicator);
    if (degree === null) expect(result.degree).toBeNull();
    else expect(result.degree).toBeCloseTo(degree, 10);
    expect(result.level).toBe(level);
  });

  it('uses the latest value up to the cut-off year', () => {
    const indicator = ind(0, 10, 'higher', [v(2022, 2), v(2024, 10), v(2023, 5)]);
    expect(goalAttainment(indicator).actual?.year).toBe(2024);
    expect(goalAttainment(indicator, 2023).degree).toBeCloseTo(0.5);
    expect(latestValue([v(2024, 1, '1. Halbjahr'), v(2024, 2, '2. Halbjahr')])?.value).toBe(2);
  });

  it.each([
    [1.2, 'uebererfuellt'],
    [1.0, 'erreicht'],
    [0.75, 'ueberwiegend'],
    [0.74, 'teilweise'],
    [0.25, 'teilweise'],
    [0.1, 'nicht_erreicht'],
    [null, 'nicht_bewertbar'],
  ] as const)('scale: %s → %s', (degree, level) => {
    expect(goalLevel(degree)).toBe(level);
  });

  it('averages a measure over its outcome indicators, else over all assessable ones', () => {
    const output = ind(0, 10, 'higher', [v(2024, 10)], 'output');
    const outcomeHalf = ind(0, 10, 'higher', [v(2024, 5)]);
    const outcomeNone = ind(0, 10, 'higher', [v(2024, 0)]);
    const notAssessable = ind(null, 10, 'higher', [v(2024, 5)]);
    expect(measureGoalAttainment([output, outcomeHalf, outcomeNone, notAssessable]).degree).toBeCloseTo(0.25);
    expect(measureGoalAttainment([output]).level).toBe('erreicht');
    expect(measureGoalAttainment([notAssessable])).toEqual({ degree: null, level: 'nicht_bewertbar', actual: null });
  });
});

describe('boundaries of the two figures', () => {
  it.each([
    [1.06, 'uebererfuellt'],
    [1.05, 'uebererfuellt'],
    [1.04, 'erreicht'],
    [0.99, 'ueberwiegend'],
    [0.76, 'ueberwiegend'],
    [0.26, 'teilweise'],
    [0.24, 'nicht_erreicht'],
    [0, 'nicht_erreicht'],
  ] as const)('scale at its steps: %s → %s', (degree, level) => {
    expect(goalLevel(degree)).toBe(level);
  });

  const CUT = '2024-12-31';
  it.each([
    ['the day before the cut-off', '2024-12-30', 100],
    ['the cut-off day', CUT, 100],
    ['the day after the cut-off', '2025-01-01', 0],
  ] as const)('a milestone done %s (%s) counts: %i %%', (_label, doneDate, percent) => {
    expect(implementationDegree({ id: 'a', status: 'in_umsetzung', milestones: [milestone(doneDate)] }, ctx({}, CUT))).toEqual({
      percent,
      source: 'milestones',
    });
  });

  it.each([
    ['the year before the cut-off year', 2023, 2023],
    ['the cut-off year', 2024, 2024],
    ['the year after', 2025, 2023],
  ] as const)('a value of %s (%i) is the latest up to 2024: year %i', (_label, year, latestYear) => {
    expect(latestValue([v(2023, 1), v(year, 2)], 2024)?.year).toBe(latestYear);
  });

  it('the later period wins within a year whatever the order; an earlier year never replaces a later one', () => {
    expect(latestValue([v(2024, 2, '2. Halbjahr'), v(2024, 1, '1. Halbjahr')])?.value).toBe(2);
    expect(latestValue([v(2024, 5), v(2023, 9, '2. Halbjahr')])?.value).toBe(5);
    expect(latestValue([])).toBeNull();
  });

  it('sub-measures that all weigh 0 give no roll-up: milestones, else the status count', () => {
    const children = { p: [{ id: 'c', status: 'umgesetzt', milestones: [], weight: 0 }] };
    expect(implementationDegree({ id: 'p', status: 'in_umsetzung', milestones: [] }, ctx(children))).toEqual({
      percent: 50,
      source: 'status',
    });
    const withMilestones = { id: 'p', status: 'in_umsetzung', milestones: [milestone('2024-01-01'), milestone(null)] };
    expect(implementationDegree(withMilestones, ctx(children))).toEqual({ percent: 50, source: 'milestones' });
  });

  it('a sub-measure without weight counts 1 next to a weighted one', () => {
    const children = {
      p: [
        { id: 'c1', status: 'umgesetzt', milestones: [], weight: 2 },
        { id: 'c2', status: 'vorgeschlagen', milestones: [] },
      ],
    };
    expect(implementationDegree({ id: 'p', status: 'beschlossen', milestones: [] }, ctx(children)).percent).toBe(67);
  });

  it.each([
    ['higher is better, target above', ind(10, 20, 'higher', [v(2024, 12)]), 0.2],
    ['higher is better, but the target lies below the baseline', ind(20, 10, 'higher', [v(2024, 12)]), null],
    ['no target', ind(10, null, 'higher', [v(2024, 12)]), null],
    // Without baseline or target nothing is computed, even where the missing number would point the right way.
    ['no baseline, higher is better', ind(null, 20, 'higher', [v(2024, 12)]), null],
    ['no target, below-zero baseline', ind(-5, null, 'higher', [v(2024, 12)]), null],
    ['a value exactly at the baseline', ind(10, 20, 'higher', [v(2024, 10)]), 0],
  ] as const)('%s: degree %s, and the value it was computed from is reported', (_name, indicator, degree) => {
    const result = goalAttainment(indicator);
    if (degree === null) expect(result).toEqual({ degree: null, level: 'nicht_bewertbar', actual: v(2024, 12) });
    else expect(result.degree).toBeCloseTo(degree, 10);
    expect(result.actual).toEqual(indicator.values[0]);
  });

  it('a measure’s mean over several indicators, with the level of that mean', () => {
    const result = measureGoalAttainment([ind(0, 10, 'higher', [v(2024, 10)]), ind(0, 10, 'higher', [v(2024, 6)])]);
    expect(result).toEqual({ degree: 0.8, level: 'ueberwiegend', actual: null });
    // Values after the cut-off year do not count for the measure either.
    expect(measureGoalAttainment([ind(0, 10, 'higher', [v(2023, 2), v(2024, 10)])], 2023).degree).toBeCloseTo(0.2, 10);
  });
});
