import { useEffect, useMemo, useRef, useState } from 'react';
import type { EvaluationRound } from '@shared/evaluation/evaluation';
import type { EvaluationRow } from '@shared/evaluation/evaluationOverview';
import { formatDate, formatPercent } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { AssessmentForm } from './AssessmentForm';
import { GoalLabel, RatingLabel } from './labels';

const evaluationWorkspaceTexts = de.ui.evaluation.workspace;
type Show = 'all' | 'open' | 'done';

/**
 * Bewertungs-Arbeitsplatz of one round: the measures in its scope with both figures and their rating,
 * the progress, a filter for what is still to do, and the assessment form beside the list.
 */
export function RoundWorkspace({ round }: { round: EvaluationRound }) {
  const { reference, navigate, rows: registerRows, confirm, setDirty } = useApp();
  const [rows, setRows] = useState<EvaluationRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [show, setShow] = useState<Show>('all');
  const [field, setField] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const formDirty = useRef(false);

  useEffect(() => {
    let cancelled = false;
    call('getEvaluationOverview', { roundId: round.id })
      .then((r) => !cancelled && (setRows(r), setError(null)))
      .catch((e) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [round, registerRows]);

  const sorted = useMemo(() => [...(rows ?? [])].sort((a, b) => a.number.localeCompare(b.number, 'de', { numeric: true })), [rows]);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!rows || !reference) return <p>{de.ui.loading}</p>;

  const done = rows.filter((r) => r.assessment).length;
  const shown = sorted.filter(
    (r) => (show === 'all' || (show === 'open' ? !r.assessment : !!r.assessment)) && (!field || r.actionFieldId === field),
  );
  const fieldsInScope = reference.actionFields.filter((x) => rows.some((r) => r.actionFieldId === x.id));
  const scope =
    round.actionFieldIds.length === 0
      ? de.ui.evaluation.rounds.allFields
      : round.actionFieldIds.map((id) => reference.actionFields.find((x) => x.id === id)?.code ?? '?').join(', ');
  const current = rows.find((r) => r.measureId === selected) ?? null;

  const select = async (measureId: string | null, focus = true) => {
    if (formDirty.current && measureId !== selected) {
      const ok = await confirm({
        title: de.ui.measure.unsavedTitle,
        text: de.ui.measure.unsavedText,
        confirmLabel: de.ui.measure.discard,
        cancelLabel: de.ui.measure.keepEditing,
      });
      if (!ok) return;
    }
    formDirty.current = false;
    setDirty(false);
    setSelected(measureId);
    if (focus && measureId) setTimeout(() => document.getElementById('assessment-title')?.focus(), 0);
    if (!measureId && selected) setTimeout(() => document.getElementById(`assess-${selected}`)?.focus(), 0);
  };
  const nextOpen = (after: string): string | null => {
    const order = sorted.filter((r) => !r.assessment && r.measureId !== after && (!field || r.actionFieldId === field));
    const index = sorted.findIndex((r) => r.measureId === after);
    return order.find((r) => sorted.indexOf(r) > index)?.measureId ?? order[0]?.measureId ?? null;
  };

  return (
    <div className="workspace">
      <div className="view-head">
        <div>
          <h2 id="workspace-title" className="workspace-title" tabIndex={-1}>
            {evaluationWorkspaceTexts.title(round.name)}
          </h2>
          <p className="muted status-line">{evaluationWorkspaceTexts.meta(formatDate(round.date), formatDate(round.cutOffDate), scope)}</p>
        </div>
        <button type="button" onClick={() => void navigate({ name: 'evaluation', tab: 'rounds' })}>
          {evaluationWorkspaceTexts.back}
        </button>
      </div>
      {round.closed ? <Notice kind="info">{evaluationWorkspaceTexts.closedNotice}</Notice> : null}
      <div className="progress-line">
        <progress
          id="workspace-progress"
          max={Math.max(1, rows.length)}
          value={done}
          aria-label={evaluationWorkspaceTexts.progressLabel}
          aria-valuetext={evaluationWorkspaceTexts.progress(done, rows.length)}
        />
        <span role="status" className="progress-text">
          {evaluationWorkspaceTexts.progress(done, rows.length)}
          {rows.length > 0 ? ` (${formatPercent(Math.round((done / rows.length) * 100))})` : ''}
        </span>
      </div>
      <div className="workspace-layout">
        <div className="workspace-list">
          <form className="filters" role="search" aria-label={evaluationWorkspaceTexts.caption} onSubmit={(e) => e.preventDefault()}>
            <label>
              {evaluationWorkspaceTexts.show}
              <select value={show} onChange={(e) => setShow(e.target.value as Show)}>
                <option value="all">{evaluationWorkspaceTexts.showAll}</option>
                <option value="open">{evaluationWorkspaceTexts.showOpen}</option>
                <option value="done">{evaluationWorkspaceTexts.showDone}</option>
              </select>
            </label>
            <label>
              {evaluationWorkspaceTexts.actionField}
              <select value={field} onChange={(e) => setField(e.target.value)}>
                <option value="">{evaluationWorkspaceTexts.all}</option>
                {fieldsInScope.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.code} {x.name}
                  </option>
                ))}
              </select>
            </label>
          </form>
          <p className="count" role="status" aria-live="polite">
            {evaluationWorkspaceTexts.count(shown.length, rows.length)}
          </p>
          {shown.length === 0 ? (
            <p className="empty">
              {show === 'open' && done === rows.length ? evaluationWorkspaceTexts.allDone : evaluationWorkspaceTexts.empty}
            </p>
          ) : (
            <div className="scroll-x">
              <table className="data workspace-table">
                <caption className="visually-hidden">{evaluationWorkspaceTexts.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{evaluationWorkspaceTexts.colNumber}</th>
                    <th scope="col">{evaluationWorkspaceTexts.colTitle}</th>
                    <th scope="col" className="num">
                      {evaluationWorkspaceTexts.colImplementation}
                    </th>
                    <th scope="col">{evaluationWorkspaceTexts.colGoal}</th>
                    <th scope="col">{evaluationWorkspaceTexts.colRating}</th>
                    <th scope="col">
                      <span className="visually-hidden">{evaluationWorkspaceTexts.colAction}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr
                      key={r.measureId}
                      className={r.measureId === selected ? 'selected' : undefined}
                      aria-current={r.measureId === selected ? 'true' : undefined}
                    >
                      <td className="nowrap">{r.number}</td>
                      <td>{r.title}</td>
                      <td className="num nowrap">{formatPercent(r.implementation.percent)}</td>
                      <td>
                        <GoalLabel goal={r.goal} />
                      </td>
                      <td>
                        <RatingLabel rating={r.assessment?.rating ?? null} />
                      </td>
                      <td>
                        <button
                          id={`assess-${r.measureId}`}
                          type="button"
                          aria-label={
                            round.closed
                              ? evaluationWorkspaceTexts.viewLabel(r.number)
                              : r.assessment
                                ? evaluationWorkspaceTexts.changeLabel(r.number)
                                : evaluationWorkspaceTexts.assessLabel(r.number)
                          }
                          aria-controls="assessment-panel"
                          aria-expanded={r.measureId === selected}
                          onClick={() => void select(r.measureId)}
                        >
                          {round.closed
                            ? evaluationWorkspaceTexts.view
                            : r.assessment
                              ? evaluationWorkspaceTexts.change
                              : evaluationWorkspaceTexts.assess}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div id="assessment-panel" className="workspace-form">
          {current ? (
            <AssessmentForm
              key={current.measureId}
              round={round}
              row={current}
              onDirtyChange={(dirty) => {
                formDirty.current = dirty;
              }}
              onSaved={(next) => {
                // The confirmation is the app's one (AssessmentForm passes it to save()).
                if (next) {
                  const target = nextOpen(current.measureId);
                  formDirty.current = false;
                  setSelected(target);
                  setTimeout(() => document.getElementById(target ? 'assessment-title' : 'workspace-title')?.focus(), 0);
                }
              }}
              onClose={() => void select(null)}
            />
          ) : (
            <p className="muted pick-hint">{evaluationWorkspaceTexts.pick}</p>
          )}
        </div>
      </div>
    </div>
  );
}
