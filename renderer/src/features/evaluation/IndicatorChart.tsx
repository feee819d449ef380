import type { IndicatorFields } from '@shared/evaluation/evaluation';
import { de } from '@shared/i18n/de';
import { formatNumber, niceTicks, withUnit } from './numbers';

const evaluationChartTexts = de.ui.evaluation.chart;

export type ChartIndicator = Pick<
  IndicatorFields,
  'name' | 'unit' | 'baselineValue' | 'baselineYear' | 'targetValue' | 'targetYear' | 'values'
>;

const H = 230;
const M = { left: 58, right: 104, top: 26, bottom: 30 };

function yearLabel(year: number | null, period = ''): string {
  if (year === null) return '';
  return period ? `${period} ${year}` : String(year);
}

/** The text a screen reader hears for the chart: baseline, target, how many values, the latest one. */
export function chartSummary(ind: ChartIndicator): string {
  const parts: string[] = [];
  const vy = (v: number | null, y: number | null) =>
    de.ui.evaluation.indicators.valueYear(withUnit(v, ind.unit), y === null ? '' : String(y));
  if (ind.baselineValue !== null) parts.push(evaluationChartTexts.baselinePart(vy(ind.baselineValue, ind.baselineYear)));
  if (ind.targetValue !== null) parts.push(evaluationChartTexts.targetPart(vy(ind.targetValue, ind.targetYear)));
  const values = [...ind.values].sort((a, b) => a.year - b.year || a.period.localeCompare(b.period, 'de'));
  if (values.length === 0) parts.push(evaluationChartTexts.noValues);
  else {
    const first = values[0]!;
    const last = values[values.length - 1]!;
    parts.push(
      evaluationChartTexts.valuesPart(
        values.length,
        yearLabel(first.year, first.period),
        yearLabel(last.year, last.period),
        de.ui.evaluation.indicators.valueYear(withUnit(last.value, ind.unit), yearLabel(last.year, last.period)),
      ),
    );
  }
  return evaluationChartTexts.summary(ind.name, parts.join(' '));
}

/**
 * Small line chart of one Kennzahl: actual values as a line with points, baseline and target as dashed
 * reference lines with markers at their years. Hand-written SVG; the table below says the same in text.
 */
export function IndicatorChart({ indicator, idPrefix, width = 540 }: { indicator: ChartIndicator; idPrefix: string; width?: number }) {
  const W = width;
  const values = [...indicator.values]
    .filter((v) => Number.isFinite(v.value))
    .sort((a, b) => a.year - b.year || a.period.localeCompare(b.period, 'de'));
  const years = [
    ...values.map((v) => v.year),
    indicator.baselineValue !== null ? indicator.baselineYear : null,
    indicator.targetValue !== null ? indicator.targetYear : null,
  ].filter((y): y is number => y !== null);
  const numbers = [...values.map((v) => v.value), indicator.baselineValue, indicator.targetValue].filter((v): v is number => v !== null);
  const summary = chartSummary(indicator);

  if (numbers.length === 0) {
    return <p className="muted">{evaluationChartTexts.nothing}</p>;
  }
  const minYear = years.length > 0 ? Math.min(...years) : new Date().getFullYear();
  const maxYear = years.length > 0 ? Math.max(...years) : minYear;
  const x0 = minYear === maxYear ? minYear - 1 : minYear - 0.4;
  const x1 = minYear === maxYear ? maxYear + 1 : maxYear + 0.4;
  let lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  if (lo >= 0) lo = 0;
  const ticks = niceTicks(lo, hi, 5);
  const y0 = ticks[0]!;
  const y1 = ticks[ticks.length - 1]!;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const sx = (year: number) => M.left + ((year - x0) / (x1 - x0)) * plotW;
  const sy = (v: number) => M.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;

  // Several periods in one year sit side by side within the year's slot.
  const perYear = new Map<number, number>();
  const points = values.map((v) => {
    const sameYear = values.filter((w) => w.year === v.year);
    const k = perYear.get(v.year) ?? 0;
    perYear.set(v.year, k + 1);
    const offset = sameYear.length > 1 ? (k - (sameYear.length - 1) / 2) * (0.6 / sameYear.length) : 0;
    return { x: sx(v.year + offset), y: sy(v.value), v };
  });
  const span = maxYear - minYear;
  const yearStep = span <= 12 ? 1 : span <= 24 ? 2 : 5;
  const yearTicks: number[] = [];
  for (let y = minYear; y <= maxYear; y += yearStep) yearTicks.push(y);

  // Labels of the two reference lines must not sit on top of each other.
  let baseLabelY = indicator.baselineValue !== null ? sy(indicator.baselineValue) : 0;
  let targetLabelY = indicator.targetValue !== null ? sy(indicator.targetValue) : 0;
  if (indicator.baselineValue !== null && indicator.targetValue !== null && Math.abs(baseLabelY - targetLabelY) < 26) {
    const mid = (baseLabelY + targetLabelY) / 2;
    const baseAbove = baseLabelY < targetLabelY || (baseLabelY === targetLabelY && indicator.baselineValue >= indicator.targetValue);
    baseLabelY = mid + (baseAbove ? -13 : 13);
    targetLabelY = mid + (baseAbove ? 13 : -13);
  }
  const last = points[points.length - 1];

  return (
    <figure className="chart indicator-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary} focusable="false" className="chart-svg">
        <g className="axis" aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={M.left} x2={M.left + plotW} y1={sy(tick)} y2={sy(tick)} className="grid-line" />
              <text x={M.left - 6} y={sy(tick) + 4} textAnchor="end">
                {formatNumber(tick)}
              </text>
            </g>
          ))}
          {yearTicks.map((year) => (
            <text key={year} x={sx(year)} y={H - M.bottom + 16} textAnchor="middle">
              {year}
            </text>
          ))}
          <line x1={M.left} x2={M.left + plotW} y1={M.top + plotH} y2={M.top + plotH} className="axis-line" />
          <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} className="axis-line" />
          {indicator.unit ? (
            <text x={M.left - 6} y={M.top - 12} textAnchor="end" className="unit">
              {indicator.unit}
            </text>
          ) : null}
        </g>
        {indicator.baselineValue !== null ? (
          <g className="ref ref-baseline" aria-hidden="true">
            <line x1={M.left} x2={M.left + plotW} y1={sy(indicator.baselineValue)} y2={sy(indicator.baselineValue)} />
            {indicator.baselineYear !== null ? (
              <rect x={sx(indicator.baselineYear) - 5} y={sy(indicator.baselineValue) - 5} width={10} height={10} />
            ) : null}
            <text x={M.left + plotW + 6} y={baseLabelY + 4}>
              {evaluationChartTexts.legendBaseline} {formatNumber(indicator.baselineValue)}
            </text>
          </g>
        ) : null}
        {indicator.targetValue !== null ? (
          <g className="ref ref-target" aria-hidden="true">
            <line x1={M.left} x2={M.left + plotW} y1={sy(indicator.targetValue)} y2={sy(indicator.targetValue)} />
            {indicator.targetYear !== null ? (
              <path d={`M ${sx(indicator.targetYear)} ${sy(indicator.targetValue) - 7} l 7 7 l -7 7 l -7 -7 z`} />
            ) : null}
            <text x={M.left + plotW + 6} y={targetLabelY + 4}>
              {evaluationChartTexts.legendTarget} {formatNumber(indicator.targetValue)}
            </text>
          </g>
        ) : null}
        {points.length > 0 ? (
          <g className="series-actual" aria-hidden="true">
            {points.length > 1 ? <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} /> : null}
            {points.map((p, i) => (
              <circle key={i} cx={p.x} cy={p.y} r={4} />
            ))}
            {last ? (
              <text x={last.x} y={last.y - 9} textAnchor="middle" className="point-label">
                {formatNumber(last.v.value)}
              </text>
            ) : null}
          </g>
        ) : null}
      </svg>
      <ul className="chart-legend" aria-label={evaluationChartTexts.legendLabel}>
        <li>
          <svg width="28" height="12" aria-hidden="true" focusable="false" className="legend-sample series-actual">
            <line x1="1" x2="27" y1="6" y2="6" />
            <circle cx="14" cy="6" r="3.5" />
          </svg>
          {evaluationChartTexts.legendActual}
        </li>
        {indicator.baselineValue !== null ? (
          <li>
            <svg width="28" height="12" aria-hidden="true" focusable="false" className="legend-sample ref ref-baseline">
              <line x1="1" x2="27" y1="6" y2="6" />
              <rect x="10" y="2" width="8" height="8" />
            </svg>
            {evaluationChartTexts.legendBaseline}
          </li>
        ) : null}
        {indicator.targetValue !== null ? (
          <li>
            <svg width="28" height="12" aria-hidden="true" focusable="false" className="legend-sample ref ref-target">
              <line x1="1" x2="27" y1="6" y2="6" />
              <path d="M 14 1 l 5 5 l -5 5 l -5 -5 z" />
            </svg>
            {evaluationChartTexts.legendTarget}
          </li>
        ) : null}
      </ul>
      <details className="chart-table">
        <summary>{evaluationChartTexts.tableToggle}</summary>
        <IndicatorValueTable indicator={indicator} id={`${idPrefix}-table`} />
      </details>
    </figure>
  );
}

/** Baseline, actual values and target as rows: the chart's text alternative. */
export function IndicatorValueTable({ indicator, id }: { indicator: ChartIndicator; id: string }) {
  const values = [...indicator.values].sort((a, b) => a.year - b.year || a.period.localeCompare(b.period, 'de'));
  return (
    <table className="data compact" id={id}>
      <caption>{evaluationChartTexts.tableCaption(indicator.name)}</caption>
      <thead>
        <tr>
          <th scope="col">{evaluationChartTexts.colYear}</th>
          <th scope="col">{evaluationChartTexts.colKind}</th>
          <th scope="col" className="num">
            {evaluationChartTexts.colValue}
          </th>
          <th scope="col">{evaluationChartTexts.colNote}</th>
        </tr>
      </thead>
      <tbody>
        {indicator.baselineValue !== null ? (
          <tr>
            <td>{yearLabel(indicator.baselineYear)}</td>
            <td>{evaluationChartTexts.kindBaseline}</td>
            <td className="num">{withUnit(indicator.baselineValue, indicator.unit)}</td>
            <td />
          </tr>
        ) : null}
        {values.map((v, i) => (
          <tr key={`${v.year}-${v.period}-${i}`}>
            <td>{yearLabel(v.year, v.period)}</td>
            <td>{evaluationChartTexts.kindActual}</td>
            <td className="num">{withUnit(v.value, indicator.unit)}</td>
            <td>{v.note}</td>
          </tr>
        ))}
        {indicator.targetValue !== null ? (
          <tr>
            <td>{yearLabel(indicator.targetYear)}</td>
            <td>{evaluationChartTexts.kindTarget}</td>
            <td className="num">{withUnit(indicator.targetValue, indicator.unit)}</td>
            <td />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
