import { useEffect, useState } from 'react';
import type { Indicator } from '@shared/evaluation/evaluation';
import type { Measure } from '@shared/register/measure';
import { goalAttainment, implementationDegree, measureGoalAttainment, type Implementation } from '@shared/evaluation/progress';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { GoalLabel, implementationText } from './labels';

const evaluationUiTexts = de.ui.evaluation;

export interface MeasureEvaluation {
  indicators: Indicator[] | null;
  implementation: Implementation | null;
  error: string | null;
}

/**
 * Kennzahlen and Umsetzungsgrad of one measure, reloaded whenever the lists are (after every save). The
 * Umsetzungsgrad comes from the evaluation overview, which knows sub-measures; a measure outside the
 * current edition falls back to its own milestones or status.
 */
export function useMeasureEvaluation(measure: Measure | null): MeasureEvaluation {
  const { rows, reference } = useApp();
  const [state, setState] = useState<MeasureEvaluation>({ indicators: null, implementation: null, error: null });
  const measureId = measure?.id ?? null;
  useEffect(() => {
    if (!measureId || !measure || !reference) return;
    let cancelled = false;
    Promise.all([call('listIndicators', { measureId }), call('getEvaluationOverview', { roundId: null })])
      .then(([indicators, overview]) => {
        if (cancelled) return;
        const row = overview.find((r) => r.measureId === measureId);
        const implementation = row?.implementation ?? implementationDegree(measure, { statuses: reference.statuses, children: () => [] });
        setState({ indicators, implementation, error: null });
      })
      .catch((e) => !cancelled && setState((s) => ({ ...s, error: errorMessage(e) })));
    return () => {
      cancelled = true;
    };
  }, [measureId, measure, reference, rows]);
  return state;
}

/** The two figures kept apart on purpose: how far it is implemented, how far its goals are reached. */
export function MeasureFigures({ evaluation }: { evaluation: MeasureEvaluation }) {
  const { indicators, implementation } = evaluation;
  if (!indicators || !implementation) return null;
  const goal = measureGoalAttainment(indicators);
  // The same choice as measureGoalAttainment: the assessable outcome indicators if there are any, else all assessable ones.
  const assessable = indicators.filter((i) => goalAttainment(i).degree !== null);
  const outcome = assessable.filter((i) => i.type === 'outcome');
  const used = outcome.length > 0 ? outcome.length : assessable.length;
  return (
    <section className="figures" aria-label={evaluationUiTexts.figuresLabel}>
      <dl>
        <div>
          <dt>{de.evaluation.umsetzungsgrad}</dt>
          <dd>{implementationText(implementation)}</dd>
        </div>
        <div>
          <dt>{de.evaluation.zielerreichungsgrad}</dt>
          <dd>
            <GoalLabel goal={goal} />
            {used > 0 ? <span className="muted"> – {evaluationUiTexts.goalFrom(used)}</span> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}
