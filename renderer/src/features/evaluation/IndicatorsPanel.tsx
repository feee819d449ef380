import type { Indicator } from '@shared/evaluation/evaluation';
import type { Measure } from '@shared/register/measure';
import { goalAttainment } from '@shared/evaluation/progress';
import { de } from '@shared/i18n/de';
import { useApp } from '../../appState';
import { IndicatorChart } from './IndicatorChart';
import { GoalLabel } from './labels';
import { formatNumber, withUnit } from './numbers';

const evaluationIndicatorsTexts = de.ui.evaluation.indicators;
const evaluationIndicatorFieldTexts = de.ui.evaluation.indicator.field;

/** The Kennzahlen tab of a measure: each indicator with its figures, its chart and its table. */
export function IndicatorsPanel({ measure, indicators }: { measure: Measure; indicators: Indicator[] }) {
  const { navigate, readOnly } = useApp();
  const locked = readOnly || measure.deletedAt !== null;
  return (
    <div className="indicators-panel">
      <div className="view-head">
        <p className="intro">{evaluationIndicatorsTexts.intro}</p>
        <button
          type="button"
          className="primary"
          disabled={locked}
          onClick={() => void navigate({ name: 'indicator', measureId: measure.id, id: null })}
        >
          {evaluationIndicatorsTexts.add}
        </button>
      </div>
      {indicators.length === 0 ? <p className="empty">{evaluationIndicatorsTexts.none}</p> : null}
      {indicators.map((indicator) => (
        <IndicatorCard
          key={indicator.id}
          indicator={indicator}
          locked={locked}
          onEdit={() => void navigate({ name: 'indicator', measureId: measure.id, id: indicator.id })}
        />
      ))}
    </div>
  );
}

function IndicatorCard({ indicator, locked, onEdit }: { indicator: Indicator; locked: boolean; onEdit: () => void }) {
  const goal = goalAttainment(indicator);
  const vy = (value: number | null, year: number | string | null) =>
    value === null ? '' : evaluationIndicatorsTexts.valueYear(withUnit(value, indicator.unit), year === null ? '' : String(year));
  const latest = goal.actual;
  const comparison = [indicator.comparisonArea, indicator.comparisonPeriod].filter(Boolean).join(', ');
  const thresholds = evaluationIndicatorsTexts.thresholdsText(
    formatNumber(indicator.thresholdGood),
    formatNumber(indicator.thresholdCritical),
  );
  const facts: [string, React.ReactNode][] = [
    [evaluationIndicatorFieldTexts.type, de.evaluation.indicatorTypes[indicator.type]],
    [evaluationIndicatorFieldTexts.direction, de.evaluation.directions[indicator.direction]],
    [evaluationIndicatorsTexts.source, indicator.dataSource],
    [evaluationIndicatorFieldTexts.method, indicator.method],
    [evaluationIndicatorsTexts.baseline, vy(indicator.baselineValue, indicator.baselineYear)],
    [evaluationIndicatorsTexts.target, vy(indicator.targetValue, indicator.targetYear)],
    [evaluationIndicatorsTexts.latest, latest ? vy(latest.value, latest.period ? `${latest.period} ${latest.year}` : latest.year) : ''],
    [de.evaluation.zielerreichungsgrad, <GoalLabel key="goal" goal={goal} />],
    [evaluationIndicatorsTexts.thresholds, thresholds],
    [evaluationIndicatorsTexts.comparison, comparison],
  ];
  const headingId = `ind-${indicator.id}-title`;
  return (
    <section className="indicator-card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{indicator.name}</h2>
        <button type="button" disabled={locked} aria-label={evaluationIndicatorsTexts.editLabel(indicator.name)} onClick={onEdit}>
          {evaluationIndicatorsTexts.edit}
        </button>
      </div>
      <div className="card-body">
        <dl className="details">
          {facts
            .filter(([, v]) => v !== '' && v !== null)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <IndicatorChart indicator={indicator} idPrefix={`ind-${indicator.id}`} />
      </div>
    </section>
  );
}
