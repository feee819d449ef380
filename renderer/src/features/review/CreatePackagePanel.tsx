import { useEffect, useRef, useState } from 'react';
import type { SubmissionRow } from '@shared/contract';
import { foldForSearch } from '@shared/register/search';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextArea, TextField } from '../../ui/fields';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';
import { useMeasureSearch } from '../../ui/useMeasureSearch';
import { MeasurePickFilters, useMeasurePick } from '../../ui/MeasurePickFilters';

const reviewFormTexts = de.review.ui.form;
const MAX_SHOWN = 300;

/** "Neues Prüfpaket": reviewer, due date, message and the measures and submissions to review. */
export function CreatePackagePanel({ onClose }: { onClose: (createdMessage: string | null) => void }) {
  const { rows, save } = useApp();
  const [reviewer, setReviewer] = useState('');
  const [due, setDue] = useState('');
  const [message, setMessage] = useState('');
  const [filter, setFilter] = useState('');
  const [measureIds, setMeasureIds] = useState<string[]>([]);
  const [submissionIds, setSubmissionIds] = useState<string[]>([]);
  const [submissions, setSubmissions] = useState<SubmissionRow[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    call('listSubmissions', {})
      .then((list) => setSubmissions(list.filter((s) => !s.deletedAt)))
      .catch((e) => setError(errorMessage(e)));
  }, []);

  // The one measure picker's filters (current Fassung by default; never the Papierkorb).
  const pick = useMeasurePick(rows);
  const active = pick.active;
  const words = foldForSearch(filter).split(/\s+/).filter(Boolean);
  const measureSearch = useMeasureSearch(filter, rows); // over all fields, in main's index
  const shownMeasures = (measureSearch.matches ? active.filter((r) => measureSearch.matches!.has(r.id)) : active).slice(0, MAX_SHOWN);
  const shownSubmissions = submissions.filter((s) => words.every((w) => s.haystack.includes(w)));
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  const submit = async () => {
    const local: Record<string, string> = {};
    if (reviewer.trim() === '') local.reviewer = de.review.problems.reviewerRequired;
    const dueDate = due.trim() === '' ? null : readDateEntry(due);
    if (due.trim() !== '' && !dueDate) local.dueDate = de.review.problems.dueDate;
    if (measureIds.length + submissionIds.length === 0) local.items = de.review.problems.noItems;
    setProblems(local);
    if (Object.keys(local).length > 0) {
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await call('createReviewPackage', { reviewer, dueDate, message, measureIds, submissionIds });
      // Cancelled save dialog: nothing written, the form stays.
      if (!result) return;
      await save(async () => result);
      onClose(reviewFormTexts.created(result.value.row.reviewer, result.value.path));
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields) setProblems(Object.fromEntries(e.error.fields.map((p) => [p.field, p.message])));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const problemList = Object.values(problems);
  return (
    <form
      className="review-panel"
      aria-labelledby="create-package-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="create-package-title">{reviewFormTexts.title}</h2>
      {problemList.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{reviewFormTexts.problems(problemList.length)}</p>
          <ul>
            {problemList.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error && problemList.length === 0 ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="grid">
        <TextField
          id="pkg-reviewer"
          label={reviewFormTexts.reviewer}
          hint={reviewFormTexts.reviewerHint}
          value={reviewer}
          error={problems.reviewer}
          required
          onChange={setReviewer}
          maxLength={120}
        />
        <DateField
          id="pkg-due"
          label={reviewFormTexts.dueDate}
          value={due}
          error={problems.dueDate}
          onChange={setDue}
          className="field-narrow"
        />
        <TextArea id="pkg-message" label={reviewFormTexts.message} value={message} onChange={setMessage} rows={2} />
      </div>
      <label className="search inline-label">
        {reviewFormTexts.filter}
        <input type="search" value={filter} placeholder={reviewFormTexts.filterPlaceholder} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <p className="count" role="status" aria-live="polite">
        {reviewFormTexts.selected(measureIds.length + submissionIds.length)}
      </p>
      <fieldset className="picker">
        <legend>{reviewFormTexts.measures}</legend>
        <MeasurePickFilters idPrefix="pkg-measures" pick={pick} />
        <div className="buttons">
          <button type="button" onClick={() => setMeasureIds([...new Set([...measureIds, ...shownMeasures.map((r) => r.id)])])}>
            {reviewFormTexts.selectShown}
          </button>
          <button type="button" onClick={() => setMeasureIds([])}>
            {reviewFormTexts.selectNone}
          </button>
        </div>
        <div className="pick-list">
          <ul>
            {shownMeasures.map((r) => (
              <li key={r.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={measureIds.includes(r.id)}
                    onChange={(e) => setMeasureIds(toggle(measureIds, r.id, e.target.checked))}
                  />
                  {r.number} {r.title}
                </label>
              </li>
            ))}
          </ul>
        </div>
      </fieldset>
      <fieldset className="picker">
        <legend>{reviewFormTexts.submissions}</legend>
        {shownSubmissions.length === 0 ? (
          <p className="muted">{reviewFormTexts.noSubmissions}</p>
        ) : (
          <div className="pick-list">
            <ul>
              {shownSubmissions.map((s) => (
                <li key={s.id}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={submissionIds.includes(s.id)}
                      onChange={(e) => setSubmissionIds(toggle(submissionIds, s.id, e.target.checked))}
                    />
                    {de.ui.submissions.label(s.printNumber, s.subject)}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {reviewFormTexts.submit}
        </button>
        <button type="button" onClick={() => onClose(null)}>
          {reviewFormTexts.cancel}
        </button>
      </div>
    </form>
  );
}
