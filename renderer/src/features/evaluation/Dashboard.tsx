import { useEffect, useMemo, useState } from 'react';
import { ExportPanel } from './ExportPanel';
import { RATINGS, type EvaluationRound, type Rating } from '@shared/evaluation/evaluation';
import type { EvaluationRow } from '@shared/evaluation/evaluationOverview';
import { goalLevel } from '@shared/evaluation/progress';
import { formatDate, formatInteger, formatMoney, formatPercent } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { BarLegend, HBarChart, ScatterChart, type BarSeries } from './charts';
import { GoalLabel, implementationText, RatingLabel, ratingText } from './labels';
import { formatEuros } from './numbers';

const evaluationDashboardTexts = de.ui.evaluation.dashboard;

/**
 * Dashboard of the evaluation: key figures, measures by status and by Handlungsfeld, implementation
 * against goal attainment, budget planned against spent; for a round also its ratings. Every chart has
 * its table beside it (or one click away for the long list of measures).
 */
export function Dashboard({ rounds }: { rounds: EvaluationRound[] }) {
  const { reference, rows: registerRows, navigate } = useApp();
  const [roundId, setRoundId] = useState('');
  const [rows, setRows] = useState<EvaluationRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    call('getEvaluationOverview', { roundId: roundId || null })
      .then((r) => !cancelled && (setRows(r), setError(null)))
      .catch((e) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [roundId, registerRows]);

  const stats = useMemo(() => (rows && reference ? summarise(rows, reference) : null), [rows, reference]);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!rows || !stats || !reference) return <p>{de.ui.loading}</p>;
  const round = rounds.find((r) => r.id === roundId) ?? null;
  const assessed = rows.filter((r) => r.assessment).length;
  const withGoal = rows.filter((r) => r.goal.degree !== null);
  const avgImpl = rows.length > 0 ? rows.reduce((s, r) => s + r.implementation.percent, 0) / rows.length : 0;
  const avgGoal = withGoal.length > 0 ? withGoal.reduce((s, r) => s + (r.goal.degree ?? 0), 0) / withGoal.length : null;
  const plannedTotal = rows.reduce((s, r) => s + r.plannedCents, 0);
  const spentTotal = rows.reduce((s, r) => s + r.spentCents, 0);
  const count = (n: number) => formatInteger(n);
  const budgetSeries: BarSeries[] = [
    { name: evaluationDashboardTexts.colPlanned, className: 'fill-planned' },
    { name: evaluationDashboardTexts.colSpent, className: 'fill-spent', hatched: true },
  ];
  const points = withGoal.map((r) => ({ x: r.implementation.percent, y: Math.round((r.goal.degree ?? 0) * 100), label: r.number }));
  const reached = withGoal.filter((r) => (r.goal.degree ?? 0) >= 1).length;
  const gap = withGoal.filter((r) => r.implementation.percent - (r.goal.degree ?? 0) * 100 >= 50).length;
  const open = (id: string) => void navigate({ name: 'measure', id });

  return (
    <div className="dashboard">
      <div className="filters">
        <label>
          {evaluationDashboardTexts.round}
          <select id="dashboard-round" value={roundId} onChange={(e) => setRoundId(e.target.value)} aria-describedby="dashboard-round-hint">
            <option value="">{de.ui.evaluation.noRound}</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.cutOffDate ? ` (Stichtag ${formatDate(r.cutOffDate)})` : ''}
              </option>
            ))}
          </select>
        </label>
        <span id="dashboard-round-hint" className="hint">
          {evaluationDashboardTexts.roundHint}
        </span>
      </div>

      <ExportPanel roundId={roundId || null} />

      <section aria-labelledby="dash-key" className="dash-card dash-key">
        <h2 id="dash-key">{evaluationDashboardTexts.keyFigures}</h2>
        <dl className="key-figures">
          <div>
            <dt>{evaluationDashboardTexts.measures}</dt>
            <dd>{count(rows.length)}</dd>
          </div>
          {round ? (
            <div>
              <dt>{evaluationDashboardTexts.assessed}</dt>
              <dd>{evaluationDashboardTexts.assessedOf(assessed, rows.length)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{evaluationDashboardTexts.avgImplementation}</dt>
            <dd>{formatPercent(Math.round(avgImpl))}</dd>
          </div>
          <div>
            <dt>{evaluationDashboardTexts.avgGoal}</dt>
            <dd>
              {avgGoal === null ? (
                de.evaluation.goalLevels.nicht_bewertbar
              ) : (
                <GoalLabel goal={{ degree: avgGoal, level: goalLevel(avgGoal) }} />
              )}{' '}
              <span className="muted">{evaluationDashboardTexts.withGoal(withGoal.length)}</span>
            </dd>
          </div>
          <div>
            <dt>{evaluationDashboardTexts.plannedTotal}</dt>
            <dd>{formatMoney(plannedTotal)}</dd>
          </div>
          <div>
            <dt>{evaluationDashboardTexts.spentTotal}</dt>
            <dd>{formatMoney(spentTotal)}</dd>
          </div>
        </dl>
      </section>

      {rows.length === 0 ? <p className="empty">{evaluationDashboardTexts.empty}</p> : null}

      <div className="dash-grid">
        <section aria-labelledby="dash-status" className="dash-card">
          <h2 id="dash-status">{evaluationDashboardTexts.byStatus}</h2>
          <HBarChart
            categories={stats.byStatus.map((s) => ({ label: s.label, values: [s.count] }))}
            series={[{ name: evaluationDashboardTexts.colCount, className: 'fill-count' }]}
            format={count}
            summary={evaluationDashboardTexts.barSummary(
              evaluationDashboardTexts.byStatus,
              stats.byStatus.map((s) => `${s.label} ${s.count}`).join(', '),
            )}
          />
          <CountTable
            caption={evaluationDashboardTexts.byStatus}
            head={evaluationDashboardTexts.colStatus}
            items={stats.byStatus}
            total={rows.length}
          />
        </section>

        <section aria-labelledby="dash-fields" className="dash-card">
          <h2 id="dash-fields">{evaluationDashboardTexts.byActionField}</h2>
          <HBarChart
            categories={stats.byField.map((s) => ({ label: s.label, values: [s.count] }))}
            series={[{ name: evaluationDashboardTexts.colCount, className: 'fill-count' }]}
            format={count}
            summary={evaluationDashboardTexts.barSummary(
              evaluationDashboardTexts.byActionField,
              stats.byField.map((s) => `${s.label} ${s.count}`).join(', '),
            )}
          />
          <CountTable
            caption={evaluationDashboardTexts.byActionField}
            head={evaluationDashboardTexts.colActionField}
            items={stats.byField}
            total={rows.length}
          />
        </section>

        {round ? (
          <section aria-labelledby="dash-ratings" className="dash-card">
            <h2 id="dash-ratings">
              {evaluationDashboardTexts.byRating} „{round.name}“
            </h2>
            <HBarChart
              categories={stats.byRating.map((s) => ({ label: s.label, values: [s.count], className: `fill-rating-${s.key}` }))}
              series={[{ name: evaluationDashboardTexts.colCount, className: 'fill-count' }]}
              format={count}
              summary={evaluationDashboardTexts.barSummary(
                evaluationDashboardTexts.byRating,
                stats.byRating.map((s) => `${s.label} ${s.count}`).join(', '),
              )}
            />
            <table className="data compact">
              <caption className="visually-hidden">{evaluationDashboardTexts.byRating}</caption>
              <thead>
                <tr>
                  <th scope="col">{evaluationDashboardTexts.colRating}</th>
                  <th scope="col" className="num">
                    {evaluationDashboardTexts.colCount}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.byRating.map((s) => (
                  <tr key={s.key}>
                    <td>
                      <RatingLabel rating={s.key === 'none' ? null : s.key} />
                    </td>
                    <td className="num">{count(s.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}

        <section aria-labelledby="dash-budget" className="dash-card">
          <h2 id="dash-budget">{evaluationDashboardTexts.budget}</h2>
          <HBarChart
            categories={stats.byField.map((s) => ({ label: s.label, values: [s.planned, s.spent] }))}
            series={budgetSeries}
            format={formatEuros}
            summary={evaluationDashboardTexts.barSummary(
              evaluationDashboardTexts.budget,
              stats.byField
                .map(
                  (s) =>
                    `${s.label}: ${evaluationDashboardTexts.colPlanned} ${formatEuros(s.planned)}, ${evaluationDashboardTexts.colSpent} ${formatEuros(s.spent)}`,
                )
                .join('; '),
            )}
          />
          <BarLegend series={budgetSeries} label={de.ui.evaluation.chart.legendLabel} />
          <div className="scroll-x">
            <table className="data compact">
              <caption className="visually-hidden">{evaluationDashboardTexts.budget}</caption>
              <thead>
                <tr>
                  <th scope="col">{evaluationDashboardTexts.colActionField}</th>
                  <th scope="col" className="num">
                    {evaluationDashboardTexts.colPlanned}
                  </th>
                  <th scope="col" className="num">
                    {evaluationDashboardTexts.colApproved}
                  </th>
                  <th scope="col" className="num">
                    {evaluationDashboardTexts.colSpent}
                  </th>
                  <th scope="col" className="num">
                    {evaluationDashboardTexts.colSpentShare}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.byField.map((s) => (
                  <tr key={s.label}>
                    <th scope="row">{s.label}</th>
                    <td className="num">{formatMoney(s.planned)}</td>
                    <td className="num">{formatMoney(s.approved)}</td>
                    <td className="num">{formatMoney(s.spent)}</td>
                    <td className="num">{s.planned > 0 ? formatPercent(Math.round((s.spent / s.planned) * 100)) : ''}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{evaluationDashboardTexts.total}</th>
                  <td className="num">{formatMoney(plannedTotal)}</td>
                  <td className="num">{formatMoney(rows.reduce((s, r) => s + r.approvedCents, 0))}</td>
                  <td className="num">{formatMoney(spentTotal)}</td>
                  <td className="num">{plannedTotal > 0 ? formatPercent(Math.round((spentTotal / plannedTotal) * 100)) : ''}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>

        <section aria-labelledby="dash-scatter" className="dash-card dash-wide">
          <h2 id="dash-scatter">{evaluationDashboardTexts.progressVsGoal}</h2>
          <p className="hint">{evaluationDashboardTexts.progressVsGoalHint}</p>
          <div className="scatter-layout">
            <ScatterChart
              points={points}
              summary={evaluationDashboardTexts.scatterSummary(points.length, reached, gap)}
              xLabel={evaluationDashboardTexts.axisImplementation}
              yLabel={evaluationDashboardTexts.axisGoal}
              targetLabel={evaluationDashboardTexts.targetLine}
            />
            <div>
              <FiguresTable caption={evaluationDashboardTexts.plottedCaption} rows={withGoal} withRating={round !== null} onOpen={open} />
              {rows.length > withGoal.length ? (
                <details className="chart-table">
                  <summary>{evaluationDashboardTexts.notPlotted(rows.length - withGoal.length)}</summary>
                  <FiguresTable
                    caption={evaluationDashboardTexts.notPlottedCaption}
                    rows={rows.filter((r) => r.goal.degree === null)}
                    withRating={round !== null}
                    onOpen={open}
                  />
                </details>
              ) : null}
            </div>
          </div>
        </section>
      </div>
    </div>
  );
}

function FiguresTable({
  caption,
  rows,
  withRating,
  onOpen,
}: {
  caption: string;
  rows: EvaluationRow[];
  withRating: boolean;
  onOpen: (id: string) => void;
}) {
  const sorted = [...rows].sort((a, b) => a.number.localeCompare(b.number, 'de', { numeric: true }));
  return (
    <div className="scroll-x">
      <table className="data compact measures-figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{evaluationDashboardTexts.colNumber}</th>
            <th scope="col">{evaluationDashboardTexts.colTitle}</th>
            <th scope="col">{evaluationDashboardTexts.colImplementation}</th>
            <th scope="col">{evaluationDashboardTexts.colGoal}</th>
            {withRating ? <th scope="col">{evaluationDashboardTexts.colRating}</th> : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.measureId}>
              <td className="nowrap">{r.number}</td>
              <td>
                <a
                  href={`#massnahme-${r.measureId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(r.measureId);
                  }}
                >
                  {r.title}
                </a>
              </td>
              <td>{implementationText(r.implementation)}</td>
              <td>
                <GoalLabel goal={r.goal} />
              </td>
              {withRating ? (
                <td>
                  <RatingLabel rating={r.assessment?.rating ?? null} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CountTable({
  caption,
  head,
  items,
  total,
}: {
  caption: string;
  head: string;
  items: { label: string; count: number }[];
  total: number;
}) {
  return (
    <table className="data compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            {evaluationDashboardTexts.colCount}
          </th>
          <th scope="col" className="num">
            {evaluationDashboardTexts.colShare}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.label}>
            <th scope="row">{s.label}</th>
            <td className="num">{formatInteger(s.count)}</td>
            <td className="num">{total > 0 ? formatPercent(Math.round((s.count / total) * 100)) : ''}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{evaluationDashboardTexts.total}</th>
          <td className="num">{formatInteger(total)}</td>
          <td className="num">{total > 0 ? formatPercent(100) : ''}</td>
        </tr>
      </tfoot>
    </table>
  );
}

type Ref = NonNullable<ReturnType<typeof useApp>['reference']>;

function summarise(rows: EvaluationRow[], reference: Ref) {
  const statusLabel = (key: string) => reference.statuses.find((s) => s.key === key)?.label ?? key;
  const statusOrder = reference.statuses.map((s) => s.key);
  const byStatusMap = new Map<string, number>();
  for (const r of rows) byStatusMap.set(r.status, (byStatusMap.get(r.status) ?? 0) + 1);
  const byStatus = [...byStatusMap.entries()]
    .sort(([a], [b]) => (statusOrder.indexOf(a) + 1 || 999) - (statusOrder.indexOf(b) + 1 || 999))
    .map(([key, count]) => ({ key, label: statusLabel(key), count }));

  const fieldOrder = reference.actionFields.map((f) => f.id);
  const byFieldMap = new Map<string, { count: number; planned: number; approved: number; spent: number }>();
  for (const r of rows) {
    const entry = byFieldMap.get(r.actionFieldId) ?? { count: 0, planned: 0, approved: 0, spent: 0 };
    entry.count += 1;
    entry.planned += r.plannedCents;
    entry.approved += r.approvedCents;
    entry.spent += r.spentCents;
    byFieldMap.set(r.actionFieldId, entry);
  }
  const byField = [...byFieldMap.entries()]
    .sort(([a], [b]) => (fieldOrder.indexOf(a) + 1 || 999) - (fieldOrder.indexOf(b) + 1 || 999))
    .map(([id, v]) => {
      const field = reference.actionFields.find((f) => f.id === id);
      return { id, label: field ? `${field.code} ${field.name}` : evaluationDashboardTexts.unknownField, ...v };
    });

  const byRating: { key: Rating | 'none'; label: string; count: number }[] = [
    ...RATINGS.map((key) => ({ key, label: ratingText(key), count: rows.filter((r) => r.assessment?.rating === key).length })),
    { key: 'none' as const, label: de.ui.evaluation.notAssessed, count: rows.filter((r) => !r.assessment).length },
  ];
  return { byStatus, byField, byRating };
}
