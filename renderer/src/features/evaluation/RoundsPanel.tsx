import { useEffect, useRef, useState } from 'react';
import { evaluationRoundFieldsSchema, type EvaluationRound, type EvaluationRoundFields } from '@shared/evaluation/evaluation';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { CheckboxGroup, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from './parts';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';

const evaluationRoundsTexts = de.ui.evaluation.rounds;
const f = evaluationRoundsTexts.field;

interface Draft {
  id: string | null;
  version: number | null;
  name: string;
  date: string;
  cutOffDate: string;
  actionFieldIds: string[];
  description: string;
  closed: boolean;
}

const fieldId = (field: string) => `round-${field}`;
const fieldLabel = (field: string) => (f as Record<string, string>)[field] ?? field;

function toDraft(r: EvaluationRound | null): Draft {
  if (!r) return { id: null, version: null, name: '', date: '', cutOffDate: '', actionFieldIds: [], description: '', closed: false };
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    date: formatDate(r.date),
    cutOffDate: formatDate(r.cutOffDate),
    actionFieldIds: r.actionFieldIds,
    description: r.description,
    closed: r.closed,
  };
}

function fromDraft(d: Draft): { fields: EvaluationRoundFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const date = (text: string, field: string) => {
    if (text.trim() === '') return null;
    const iso = readDateEntry(text);
    if (!iso) problems.push({ field, message: evaluationRoundsTexts.invalidDate });
    return iso;
  };
  const fields: EvaluationRoundFields = {
    name: d.name,
    date: date(d.date, 'date'),
    cutOffDate: date(d.cutOffDate, 'cutOffDate'),
    actionFieldIds: d.actionFieldIds,
    description: d.description,
    closed: d.closed,
  };
  const result = evaluationRoundFieldsSchema.safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
    }
  }
  return { fields, problems };
}

/** The list of evaluation rounds with their progress; create, edit, delete, and open the workspace. */
export function RoundsPanel({ rounds }: { rounds: EvaluationRound[] }) {
  const { reference, navigate, save, confirm, setDirty, readOnly, rows } = useApp();
  const [draft, setDraft] = useState<Draft | null>(null);
  const initial = useRef('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [progress, setProgress] = useState<Record<string, { done: number; total: number }>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all(rounds.map(async (r) => [r.id, await call('getEvaluationOverview', { roundId: r.id })] as const))
      .then((list) => {
        if (cancelled) return;
        setProgress(
          Object.fromEntries(
            list.map(([id, overview]) => [id, { done: overview.filter((x) => x.assessment).length, total: overview.length }]),
          ),
        );
      })
      .catch((e) => !cancelled && setMessage({ kind: 'error', text: errorMessage(e) }));
    return () => {
      cancelled = true;
    };
  }, [rounds, rows]);
  useEffect(() => () => setDirty(false), [setDirty]);

  if (!reference) return null;
  const currentFields = reference.actionFields.filter((x) => x.editionId === reference.currentEditionId);
  const scopeText = (r: EvaluationRound) =>
    r.actionFieldIds.length === 0
      ? evaluationRoundsTexts.allFields
      : r.actionFieldIds
          .map((id) => reference.actionFields.find((x) => x.id === id)?.code ?? '?')
          .sort()
          .join(', ');

  const start = async (r: EvaluationRound | null) => {
    if (draft && JSON.stringify(draft) !== initial.current) {
      const ok = await confirm({
        title: de.ui.measure.unsavedTitle,
        text: de.ui.measure.unsavedText,
        confirmLabel: de.ui.measure.discard,
        cancelLabel: de.ui.measure.keepEditing,
      });
      if (!ok) return;
    }
    const next = toDraft(r);
    initial.current = JSON.stringify(next);
    setDraft(next);
    setDirty(false);
    setProblems([]);
    setMessage(null);
    setTimeout(() => document.getElementById(fieldId('name'))?.focus(), 0);
  };
  const close = () => {
    setDraft(null);
    setDirty(false);
    setProblems([]);
    setTimeout(() => addButton.current?.focus(), 0);
  };
  const update = (patch: Partial<Draft>) =>
    setDraft((d) => {
      const next = { ...d!, ...patch };
      setDirty(JSON.stringify(next) !== initial.current);
      return next;
    });

  const submit = async () => {
    if (!draft) return;
    const { fields, problems: found } = fromDraft(draft);
    setProblems(found);
    if (found.length > 0) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    try {
      await save(() => call('saveEvaluationRound', { id: draft.id, version: draft.version, fields }), {
        text: (r) => evaluationRoundsTexts.saved(r.value.name),
      });
      setDraft(null);
      setDirty(false);
      setTimeout(() => addButton.current?.focus(), 0);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields?.length) {
        setProblems(e.error.fields.map((p) => ({ field: p.field.replace(/^fields\./, ''), message: p.message })));
        setTimeout(() => summaryRef.current?.focus(), 0);
      }
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const remove = async (r: EvaluationRound) => {
    if (
      !(await confirm({
        title: evaluationRoundsTexts.deleteTitle,
        text: evaluationRoundsTexts.deleteConfirm(r.name),
        confirmLabel: evaluationRoundsTexts.deleteTitle,
      }))
    )
      return;
    try {
      await save(() => call('deleteEvaluationRound', { id: r.id }));
      setMessage({ kind: 'success', text: evaluationRoundsTexts.deleted(r.name) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const editing = draft ? rounds.find((r) => r.id === draft.id) : null;

  return (
    <div className="rounds">
      <div className="view-head">
        <h2 id="rounds-title">{evaluationRoundsTexts.title}</h2>
        <button
          ref={addButton}
          type="button"
          className="primary"
          disabled={readOnly || (draft !== null && draft.id === null)}
          onClick={() => void start(null)}
        >
          {evaluationRoundsTexts.add}
        </button>
      </div>
      <p>{evaluationRoundsTexts.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {draft ? (
        <form
          className="inline-form round-form"
          aria-labelledby="round-form-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          onKeyDown={(e) => {
            if (e.key === 's' && e.ctrlKey) {
              e.preventDefault();
              void submit();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <h3 id="round-form-title">{editing ? evaluationRoundsTexts.formEdit(editing.name) : evaluationRoundsTexts.formNew}</h3>
          <ProblemSummary
            ref={summaryRef}
            title={de.ui.measure.problems(problems.length)}
            problems={problems}
            fieldId={fieldId}
            fieldLabel={fieldLabel}
          />
          <div className="grid">
            <TextField
              id={fieldId('name')}
              label={f.name}
              required
              value={draft.name}
              error={problemOf('name')}
              onChange={(v) => update({ name: v })}
              className="field-wide"
              maxLength={200}
            />
            <DateField
              id={fieldId('date')}
              label={f.date}
              value={draft.date}
              error={problemOf('date')}
              onChange={(v) => update({ date: v })}
              className="field-narrow"
            />
            <TextField
              id={fieldId('cutOffDate')}
              label={f.cutOffDate}
              hint={evaluationRoundsTexts.cutOffHint}
              value={draft.cutOffDate}
              error={problemOf('cutOffDate')}
              onChange={(v) => update({ cutOffDate: v })}
              className="field-narrow"
            />
            <CheckboxGroup
              id={fieldId('actionFieldIds')}
              label={f.actionFieldIds}
              values={draft.actionFieldIds}
              error={problemOf('actionFieldIds')}
              options={currentFields.map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
              onChange={(v) => update({ actionFieldIds: v })}
            />
            <p className="hint field-wide">{evaluationRoundsTexts.scopeHint}</p>
            <TextArea
              id={fieldId('description')}
              label={f.description}
              value={draft.description}
              error={problemOf('description')}
              onChange={(v) => update({ description: v })}
              rows={3}
            />
            <label className="checkbox field-wide">
              <input type="checkbox" checked={draft.closed} onChange={(e) => update({ closed: e.target.checked })} />
              {f.closed}
            </label>
          </div>
          <div className="buttons">
            <button type="button" onClick={close}>
              {de.ui.dialog.cancel}
            </button>
            <button type="submit" className="primary" disabled={readOnly}>
              {evaluationRoundsTexts.save}
            </button>
          </div>
        </form>
      ) : null}
      {rounds.length === 0 ? (
        <p className="empty">{evaluationRoundsTexts.none}</p>
      ) : (
        <div className="scroll-x">
          <table className="data rounds-table">
            <caption className="visually-hidden">{evaluationRoundsTexts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{evaluationRoundsTexts.colName}</th>
                <th scope="col">{evaluationRoundsTexts.colDate}</th>
                <th scope="col">{evaluationRoundsTexts.colCutOff}</th>
                <th scope="col">{evaluationRoundsTexts.colScope}</th>
                <th scope="col">{evaluationRoundsTexts.colProgress}</th>
                <th scope="col">{evaluationRoundsTexts.colState}</th>
                <th scope="col">
                  <span className="visually-hidden">{de.ui.actionsColumn}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => {
                const p = progress[r.id];
                return (
                  <tr key={r.id}>
                    <td>
                      <a
                        href={`#runde-${r.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          void navigate({ name: 'evaluation', tab: 'rounds', roundId: r.id });
                        }}
                      >
                        {r.name}
                      </a>
                    </td>
                    <td className="nowrap">{formatDate(r.date)}</td>
                    <td className="nowrap">{formatDate(r.cutOffDate)}</td>
                    <td>{scopeText(r)}</td>
                    <td className="nowrap">{p ? de.ui.evaluation.workspace.progress(p.done, p.total) : '…'}</td>
                    <td>{r.closed ? evaluationRoundsTexts.closed : evaluationRoundsTexts.open}</td>
                    <td className="buttons">
                      <button
                        type="button"
                        aria-label={r.closed ? evaluationRoundsTexts.viewLabel(r.name) : evaluationRoundsTexts.workLabel(r.name)}
                        onClick={() => void navigate({ name: 'evaluation', tab: 'rounds', roundId: r.id })}
                      >
                        {r.closed ? evaluationRoundsTexts.view : evaluationRoundsTexts.work}
                      </button>
                      <button
                        type="button"
                        disabled={readOnly}
                        aria-label={evaluationRoundsTexts.editLabel(r.name)}
                        onClick={() => void start(r)}
                      >
                        {evaluationRoundsTexts.edit}
                      </button>
                      <button
                        type="button"
                        disabled={readOnly}
                        aria-label={evaluationRoundsTexts.deleteLabel(r.name)}
                        onClick={() => void remove(r)}
                      >
                        {evaluationRoundsTexts.delete}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
