import type { Indicator, IndicatorValue } from './evaluation';
import type { Measure } from '@shared/register/measure';
import type { StatusDefinition } from '@shared/register/status';

/**
 * The two figures kept apart on purpose (DOMAIN.md §6): how far a measure is implemented
 * (Umsetzungsgrad) and how far its goals are reached (Zielerreichungsgrad). They diverge in practice.
 */

export type ImplementationSource = 'subMeasures' | 'milestones' | 'status';

export interface Implementation {
  /** 0–100, whole percent. */
  percent: number;
  source: ImplementationSource;
}

/**
 * Umsetzungsgrad of a measure: the roll-up of its sub-measures (weighted by their weight, which is 1 by
 * default, i.e. the average) if it has any; else the share of milestones done if it has any; else the
 * default percentage of its status. Cycles in the parent links are cut, never followed forever.
 */
export function implementationDegree(
  measure: Pick<Measure, 'id' | 'status' | 'milestones'>,
  ctx: {
    statuses: readonly StatusDefinition[];
    children: (id: string) => readonly (Pick<Measure, 'id' | 'status' | 'milestones'> & { weight?: number })[];
    asOf?: string;
  },
  visited: Set<string> = new Set(),
): Implementation {
  visited.add(measure.id);
  const children = ctx.children(measure.id).filter((c) => !visited.has(c.id));
  if (children.length > 0) {
    let weighted = 0;
    let weights = 0;
    for (const child of children) {
      const weight = child.weight ?? 1;
      weighted += implementationDegree(child, ctx, new Set(visited)).percent * weight;
      weights += weight;
    }
    if (weights > 0) return { percent: Math.round(weighted / weights), source: 'subMeasures' };
  }
  if (measure.milestones.length > 0) {
    const done = measure.milestones.filter((m) => m.doneDate !== null && (!ctx.asOf || m.doneDate <= ctx.asOf)).length;
    return { percent: Math.round((done / measure.milestones.length) * 100), source: 'milestones' };
  }
  const status = ctx.statuses.find((s) => s.key === measure.status);
  return { percent: status?.defaultPercent ?? 0, source: 'status' };
}

export const GOAL_LEVELS = ['uebererfuellt', 'erreicht', 'ueberwiegend', 'teilweise', 'nicht_erreicht', 'nicht_bewertbar'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

export interface GoalAttainment {
  /** (actual − baseline) / (target − baseline), clamped to [0, 1.5]; null when it cannot be computed. */
  degree: number | null;
  level: GoalLevel;
  /** The value the degree was computed from. */
  actual: IndicatorValue | null;
}

/** Upper end of the computed degree: a target exceeded by half again is as good as it gets. */
export const MAX_DEGREE = 1.5;

/** Verbal scale: ≥ 1.05 übererfüllt, ≥ 1 erreicht, ≥ 0.75 überwiegend, ≥ 0.25 teilweise, else nicht erreicht. */
export function goalLevel(degree: number | null): GoalLevel {
  if (degree === null) return 'nicht_bewertbar';
  if (degree >= 1.05) return 'uebererfuellt';
  if (degree >= 1) return 'erreicht';
  if (degree >= 0.75) return 'ueberwiegend';
  if (degree >= 0.25) return 'teilweise';
  return 'nicht_erreicht';
}

/** The latest value up to the cut-off year (the later period wins within a year). */
export function latestValue(values: readonly IndicatorValue[], cutOffYear?: number): IndicatorValue | null {
  let latest: IndicatorValue | null = null;
  for (const v of values) {
    if (cutOffYear !== undefined && v.year > cutOffYear) continue;
    if (!latest || v.year > latest.year || (v.year === latest.year && v.period.localeCompare(latest.period, 'de') > 0)) latest = v;
  }
  return latest;
}

/**
 * Zielerreichungsgrad of one Kennzahl. Direction-aware: for "lower is better" the target lies below the
 * baseline, and a value that moved the wrong way counts as 0. A target that does not point in the
 * indicator's direction, or equals the baseline, cannot be assessed.
 */
export function goalAttainment(
  indicator: Pick<Indicator, 'baselineValue' | 'targetValue' | 'direction' | 'values'>,
  cutOffYear?: number,
): GoalAttainment {
  const actual = latestValue(indicator.values, cutOffYear);
  const { baselineValue: baseline, targetValue: target } = indicator;
  if (actual === null || baseline === null || target === null) return { degree: null, level: 'nicht_bewertbar', actual };
  const span = target - baseline;
  const pointsRightWay = indicator.direction === 'higher' ? span > 0 : span < 0;
  if (span === 0 || !pointsRightWay) return { degree: null, level: 'nicht_bewertbar', actual };
  const raw = (actual.value - baseline) / span;
  const degree = Math.min(MAX_DEGREE, Math.max(0, raw));
  return { degree, level: goalLevel(degree), actual };
}

/** Zielerreichungsgrad of a measure: the mean over its assessable indicators (outcome ones if it has any). */
export function measureGoalAttainment(
  indicators: readonly Pick<Indicator, 'type' | 'baselineValue' | 'targetValue' | 'direction' | 'values'>[],
  cutOffYear?: number,
): GoalAttainment {
  const assessed = indicators.map((i) => ({ type: i.type, result: goalAttainment(i, cutOffYear) })).filter((r) => r.result.degree !== null);
  const outcome = assessed.filter((r) => r.type === 'outcome');
  const used = outcome.length > 0 ? outcome : assessed;
  if (used.length === 0) return { degree: null, level: 'nicht_bewertbar', actual: null };
  const degree = used.reduce((sum, r) => sum + (r.result.degree ?? 0), 0) / used.length;
  return { degree, level: goalLevel(degree), actual: null };
}
