import { useEffect, useRef, useState } from 'react';
import {
  RATINGS,
  RECOMMENDATIONS,
  assessmentFieldsSchema,
  type Assessment,
  type AssessmentFields,
  type EvaluationRound,
  type Rating,
  type Recommendation,
} from '@shared/evaluation/evaluation';
import type { EvaluationRow } from '@shared/evaluation/evaluationOverview';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { GoalLabel, implementationText, RatingLabel } from './labels';
import { RadioGroup } from '../../ui/fields';
import { ProblemSummary } from './parts';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';

const evaluationAssessmentTexts = de.ui.evaluation.assessment;
const f = evaluationAssessmentTexts.field;

interface Draft {
  rating: Rating | null;
  reasoning: string;
  recommendation: Recommendation | '';
  assessor: string;
  date: string;
}

const fieldId = (field: string) => `assessment-${field}`;
const fieldLabel = (field: string) => (f as Record<string, string>)[field] ?? field;

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

function toDraft(a: Assessment | null, user: string): Draft {
  if (!a) return { rating: null, reasoning: '', recommendation: '', assessor: user, date: today() };
  return {
    rating: a.rating,
    reasoning: a.reasoning,
    recommendation: a.recommendation ?? '',
    assessor: a.assessor,
    date: formatDate(a.date),
  };
}

function fromDraft(d: Draft, roundId: string, measureId: string): { fields: AssessmentFields | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!d.rating) problems.push({ field: 'rating', message: evaluationAssessmentTexts.ratingRequired });
  let date: string | null = null;
  if (d.date.trim() !== '') {
    date = readDateEntry(d.date);
    if (!date) problems.push({ field: 'date', message: evaluationAssessmentTexts.invalidDate });
  }
  if (!d.rating) return { fields: null, problems };
  const fields: AssessmentFields = {
    roundId,
    measureId,
    rating: d.rating,
    reasoning: d.reasoning,
    recommendation: d.recommendation || null,
    assessor: d.assessor.trim(),
    date,
  };
  const result = assessmentFieldsSchema.safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'rating');
      if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
    }
  }
  return { fields, problems };
}

/**
 * Assessment of one measure in a round: the rating as a light with its word, reasoning, recommendation,
 * assessor and date, with both figures of the measure at the cut-off for reference. Read-only in a
 * closed round or a read-only register.
 */
export function AssessmentForm({
  round,
  row,
  onDirtyChange,
  onSaved,
  onClose,
}: {
  round: EvaluationRound;
  row: EvaluationRow;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (next: boolean) => void;
  onClose: () => void;
}) {
  const { session, reference, save, setDirty, readOnly, navigate } = useApp();
  const user = session?.state === 'open' ? session.user : '';
  const [saved, setSaved] = useState<Assessment | null>(row.assessment);
  const [draft, setDraft] = useState<Draft>(() => toDraft(row.assessment, user));
  const initial = useRef(JSON.stringify(draft));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const locked = readOnly || round.closed;

  useEffect(() => () => setDirty(false), [setDirty]);

  const update = (patch: Partial<Draft>) =>
    setDraft((d) => {
      const next = { ...d, ...patch };
      const dirty = JSON.stringify(next) !== initial.current;
      setDirty(dirty);
      onDirtyChange(dirty);
      return next;
    });

  const submit = async (next: boolean) => {
    setError(null);
    const { fields, problems: found } = fromDraft(draft, round.id, row.measureId);
    setProblems(found);
    if (!fields || found.length > 0) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const result = await save(() => call('saveAssessment', { id: saved?.id ?? null, version: saved?.version ?? null, fields }), {
        text: () => evaluationAssessmentTexts.saved(row.number),
      });
      setSaved(result.value);
      const adopted = toDraft(result.value, user);
      initial.current = JSON.stringify(adopted);
      setDraft(adopted);
      setDirty(false);
      onDirtyChange(false);
      onSaved(next);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields?.length) {
        setProblems(e.error.fields.map((p) => ({ field: p.field.replace(/^fields\./, ''), message: p.message })));
        setTimeout(() => summaryRef.current?.focus(), 0);
      }
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const common = (field: string) => ({ id: fieldId(field), error: problemOf(field), disabled: locked });
  const status = reference?.statuses.find((s) => s.key === row.status)?.label ?? row.status;

  return (
    <form
      className="assessment-form"
      aria-labelledby="assessment-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!locked) void submit(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 's' && e.ctrlKey) {
          e.preventDefault();
          if (!locked) void submit(false);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h3 id="assessment-title" tabIndex={-1}>
        <span className="visually-hidden">{evaluationAssessmentTexts.formLabel(row.number)}: </span>
        {evaluationAssessmentTexts.title(row.number, row.title)}
      </h3>
      <dl className="details compact-details">
        <div>
          <dt>{de.ui.measure.field.status}</dt>
          <dd>{status}</dd>
        </div>
        <div>
          <dt>{de.evaluation.umsetzungsgrad}</dt>
          <dd>{implementationText(row.implementation)}</dd>
        </div>
        <div>
          <dt>{de.evaluation.zielerreichungsgrad}</dt>
          <dd>
            <GoalLabel goal={row.goal} />
          </dd>
        </div>
        <div>
          <dt>{evaluationAssessmentTexts.indicators}</dt>
          <dd>
            {row.indicatorCount} –{' '}
            <a
              href={`#massnahme-${row.measureId}`}
              onClick={(e) => {
                e.preventDefault();
                void navigate({ name: 'measure', id: row.measureId, tab: 'indicators' });
              }}
            >
              {evaluationAssessmentTexts.openMeasure}
            </a>
          </dd>
        </div>
      </dl>
      {saved ? (
        <p className="muted saved-line">{evaluationAssessmentTexts.lastChanged(formatDateTime(saved.updatedAt), saved.version)}</p>
      ) : null}
      {error && problems.length === 0 ? <Notice kind="error">{error}</Notice> : null}
      <ProblemSummary
        ref={summaryRef}
        title={evaluationAssessmentTexts.problems(problems.length)}
        problems={problems}
        fieldId={fieldId}
        fieldLabel={fieldLabel}
      />
      <div className="grid">
        <RadioGroup
          {...common('rating')}
          label={f.rating}
          required
          className="rating-choice"
          value={draft.rating}
          options={RATINGS.map((r) => ({ value: r, label: <RatingLabel rating={r} /> }))}
          onChange={(v) => update({ rating: v })}
        />
        <TextArea
          {...common('reasoning')}
          label={f.reasoning}
          value={draft.reasoning}
          onChange={(v) => update({ reasoning: v })}
          rows={4}
        />
        <RadioGroup
          {...common('recommendation')}
          label={f.recommendation}
          value={draft.recommendation === '' ? 'none' : draft.recommendation}
          options={[
            ...RECOMMENDATIONS.map((r) => ({ value: r as Recommendation | 'none', label: de.evaluation.recommendations[r] })),
            { value: 'none' as const, label: evaluationAssessmentTexts.noRecommendation },
          ]}
          onChange={(v) => update({ recommendation: v === 'none' ? '' : v })}
        />
        <TextField
          {...common('assessor')}
          label={f.assessor}
          value={draft.assessor}
          onChange={(v) => update({ assessor: v })}
          maxLength={120}
          className="field-assessor"
        />
        <DateField {...common('date')} label={f.date} value={draft.date} onChange={(v) => update({ date: v })} className="field-narrow" />
      </div>
      <div className="buttons form-end">
        <button type="button" onClick={onClose}>
          {evaluationAssessmentTexts.cancel}
        </button>
        {!locked ? (
          <>
            <button type="button" disabled={busy} onClick={() => void submit(true)}>
              {evaluationAssessmentTexts.saveNext}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {evaluationAssessmentTexts.save}
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}
