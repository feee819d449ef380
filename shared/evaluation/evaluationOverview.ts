import type { DistrictCode } from '@shared/register/districts';
import type { Assessment, EvaluationRound, Indicator } from './evaluation';
import type { Measure } from '@shared/register/measure';
import { implementationDegree, measureGoalAttainment, type GoalAttainment, type Implementation } from './progress';
import type { RegisterDocument } from '@shared/register/register';

/** One measure as an evaluation sees it: both computed figures, budget sums and the round's assessment. */
export interface EvaluationRow {
  measureId: string;
  number: string;
  title: string;
  actionFieldId: string;
  status: string;
  leadOrgUnitId: string | null;
  districts: DistrictCode[];
  implementation: Implementation;
  goal: GoalAttainment;
  indicatorCount: number;
  plannedCents: number;
  approvedCents: number;
  spentCents: number;
  assessment: Assessment | null;
}

/** Measures a round covers: active ones of the current edition, limited to the round's Handlungsfelder. */
export function measuresInScope(
  doc: Pick<RegisterDocument, 'measures' | 'actionFields' | 'currentEditionId'>,
  round: Pick<EvaluationRound, 'actionFieldIds'> | null,
): Measure[] {
  const currentFields = new Set(doc.actionFields.filter((f) => f.editionId === doc.currentEditionId).map((f) => f.id));
  const scope = round && round.actionFieldIds.length > 0 ? new Set(round.actionFieldIds) : currentFields;
  return doc.measures.filter((m) => !m.deletedAt && scope.has(m.actionFieldId));
}

/**
 * The evaluation table behind the dashboard, the round workspace and the Excel/Word exports. Pure; with a
 * round, values after its cut-off year and milestones after its cut-off date do not count.
 */
export function buildEvaluationRows(doc: RegisterDocument, round: EvaluationRound | null): EvaluationRow[] {
  const cutOffYear = round?.cutOffDate ? Number(round.cutOffDate.slice(0, 4)) : undefined;
  const asOf = round?.cutOffDate ?? undefined;
  const active = doc.measures.filter((m) => !m.deletedAt);
  const childrenOf = new Map<string, Measure[]>();
  for (const m of active) {
    if (!m.parentMeasureId) continue;
    const list = childrenOf.get(m.parentMeasureId) ?? [];
    list.push(m);
    childrenOf.set(m.parentMeasureId, list);
  }
  const indicatorsOf = new Map<string, Indicator[]>();
  for (const i of doc.indicators) {
    if (i.deletedAt) continue;
    const list = indicatorsOf.get(i.measureId) ?? [];
    list.push(i);
    indicatorsOf.set(i.measureId, list);
  }
  const assessments = new Map(round ? doc.assessments.filter((a) => a.roundId === round.id).map((a) => [a.measureId, a]) : []);
  const ctx = { statuses: doc.statuses, children: (id: string) => childrenOf.get(id) ?? [], ...(asOf ? { asOf } : {}) };
  return measuresInScope(doc, round).map((m) => {
    const indicators = indicatorsOf.get(m.id) ?? [];
    const sum = (key: 'plannedCents' | 'approvedCents' | 'spentCents') => m.budget.reduce((total, b) => total + (b[key] ?? 0), 0);
    return {
      measureId: m.id,
      number: m.number,
      title: m.title,
      actionFieldId: m.actionFieldId,
      status: m.status,
      leadOrgUnitId: m.leadOrgUnitId,
      districts: m.districts,
      implementation: implementationDegree(m, ctx),
      goal: measureGoalAttainment(indicators, cutOffYear),
      indicatorCount: indicators.length,
      plannedCents: sum('plannedCents'),
      approvedCents: sum('approvedCents'),
      spentCents: sum('spentCents'),
      assessment: assessments.get(m.id) ?? null,
    };
  });
}
