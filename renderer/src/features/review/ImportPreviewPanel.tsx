import { useEffect, useRef, useState } from 'react';
import type { JsonValue } from '@shared/audit/audit';
import { formatFieldValue, SUGGESTABLE_FIELDS, type ReadingContext } from '@shared/review/reviewFields';
import { RichTextChanges } from './RichTextChanges';
import type { Decision, PlanEntry } from '@shared/review/reviewMerge';
import type { ReviewImportOutcome, ReviewImportPreview } from '@shared/review/reviewContract';
import { de } from '@shared/i18n/de';
import { formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';

const reviewPreviewTexts = de.review.ui.preview;
const reviewTexts = de.review;

function outcomeText(e: PlanEntry): string {
  switch (e.outcome) {
    case 'commentOnOlder':
      return reviewTexts.outcomes.commentOnOlder(formatDateTime(e.basedOn?.updatedAt));
    case 'voteNeedsConfirmation':
      return reviewTexts.outcomes.voteNeedsConfirmation(formatDateTime(e.basedOn?.updatedAt));
    default:
      return reviewTexts.outcomes[e.outcome];
  }
}

/**
 * The preview of a returned package: every entry with what will happen to it, base / current /
 * proposed values of proposals, and the clerk's decision where one is needed. Nothing is changed until
 * "Übernehmen".
 */
export function ImportPreviewPanel({
  preview,
  onDone,
}: {
  preview: ReviewImportPreview;
  onDone: (outcome: ReviewImportOutcome | null) => void;
}) {
  const { reference, rows, save } = useApp();
  const plan = preview.plan;
  const [decisions, setDecisions] = useState<Record<string, Decision>>(() =>
    Object.fromEntries(plan.entries.flatMap((e) => (e.defaultDecision ? [[e.entryId, e.defaultDecision]] : []))),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const ctx: ReadingContext = {
    actionFields: reference?.actionFields ?? [],
    orgUnits: reference?.orgUnits ?? [],
    statuses: reference?.statuses ?? [],
    bodies: reference?.bodies ?? [],
    measureLabels: rows.map((m) => ({ id: m.id, number: m.number, title: m.title })),
  };
  const value = (e: PlanEntry, v: JsonValue | null) =>
    (e.field ? formatFieldValue(e.itemKind, e.field, v, ctx) : '') || reviewTexts.values.empty;
  const toDecide = plan.entries.filter((e) => e.choices.length > 0).length;

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await save(() =>
        call('applyReviewImport', { previewId: preview.previewId, decisions, confirmUnrecorded: plan.notRecorded }),
      );
      onDone(result.value);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="review-panel" aria-labelledby="preview-title">
      <h2 id="preview-title" tabIndex={-1} ref={heading}>
        {reviewPreviewTexts.title(plan.reviewer)}
      </h2>
      <p>{reviewPreviewTexts.meta(formatDateTime(plan.createdAt), formatDateTime(plan.returnedAt), plan.fileName)}</p>
      {plan.message.trim() ? (
        <details>
          <summary>{reviewPreviewTexts.message}</summary>
          <p className="pre">{plan.message}</p>
        </details>
      ) : null}
      {plan.duplicateOf ? (
        <Notice kind="info">{reviewPreviewTexts.duplicate(formatDateTime(plan.duplicateOf.at), plan.duplicateOf.user)}</Notice>
      ) : null}
      {plan.notRecorded ? <Notice kind="warning">{reviewPreviewTexts.notRecorded}</Notice> : null}
      {plan.items
        .filter((i) => i.problems.length > 0)
        .map((i) => (
          <Notice key={i.id} kind="warning">
            {reviewPreviewTexts.itemProblems(i.label, i.problems.join(' '))}
          </Notice>
        ))}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {plan.entries.length === 0 ? (
        <p>{reviewPreviewTexts.noEntries}</p>
      ) : (
        <>
          <p className="count">{reviewPreviewTexts.counts(plan.entries.length, toDecide)}</p>
          <div className="table-wrap">
            <table className="data preview-table">
              <caption>{reviewPreviewTexts.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{reviewPreviewTexts.col.item}</th>
                  <th scope="col">{reviewPreviewTexts.col.kind}</th>
                  <th scope="col">{reviewPreviewTexts.col.content}</th>
                  <th scope="col">{reviewPreviewTexts.col.outcome}</th>
                  <th scope="col">{reviewPreviewTexts.col.decision}</th>
                </tr>
              </thead>
              <tbody>
                {plan.entries.map((e) => {
                  const what = `${e.itemLabel} – ${e.fieldLabel ? reviewPreviewTexts.onField(e.fieldLabel) : reviewTexts.entryKinds[e.entryKind]}`;
                  return (
                    <tr key={e.entryId}>
                      <td>
                        {e.itemLabel}
                        <br />
                        <span className="muted">{e.fieldLabel ? reviewPreviewTexts.onField(e.fieldLabel) : reviewPreviewTexts.onItem}</span>
                      </td>
                      <td>
                        {e.entryKind === 'vote' && e.vote
                          ? reviewPreviewTexts.vote(reviewTexts.votes[e.vote])
                          : reviewTexts.entryKinds[e.entryKind]}
                      </td>
                      <td>
                        {e.text ? <p className="pre">{e.text}</p> : null}
                        {e.entryKind === 'suggestion' ? (
                          <dl className="values">
                            <dt>{reviewTexts.values.base}</dt>
                            <dd>{value(e, e.base)}</dd>
                            <dt>{reviewTexts.values.current}</dt>
                            <dd>{e.current === null && e.outcome === 'itemDeleted' ? '—' : value(e, e.current)}</dd>
                            <dt>{reviewTexts.values.proposed}</dt>
                            <dd>
                              {e.field && SUGGESTABLE_FIELDS[e.itemKind][e.field] === 'richText' ? (
                                <RichTextChanges label={e.fieldLabel ?? e.field} before={e.current ?? e.base} after={e.proposed} />
                              ) : (
                                value(e, e.proposed)
                              )}
                            </dd>
                          </dl>
                        ) : null}
                      </td>
                      <td className={e.choices.length > 0 ? 'outcome-decide' : undefined}>{outcomeText(e)}</td>
                      <td>
                        {e.choices.length > 0 ? (
                          <fieldset>
                            <legend className="visually-hidden">{reviewPreviewTexts.decisionLegend(what)}</legend>
                            {e.choices.map((choice) => (
                              <label key={choice} className="checkbox">
                                <input
                                  type="radio"
                                  name={`decision-${e.entryId}`}
                                  value={choice}
                                  checked={decisions[e.entryId] === choice}
                                  onChange={() => setDecisions((d) => ({ ...d, [e.entryId]: choice }))}
                                />
                                {reviewTexts.decisions[choice]}
                              </label>
                            ))}
                          </fieldset>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="buttons form-end">
        <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
          {reviewPreviewTexts.apply}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {reviewPreviewTexts.cancel}
        </button>
      </div>
    </section>
  );
}
