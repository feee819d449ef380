import { useEffect, useRef, useState } from 'react';
import type { SubmissionRow } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { SUBMISSION_TEMPLATES } from '@shared/submissions/submissionTemplates';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { freshSubmission } from './freshSubmission';

const submissionsCreateTexts = de.ui.submissions.create;

type Choice = 'blank' | 'copy' | 'followUp' | `template:${string}`;

function rowLabel(r: SubmissionRow): string {
  return `${r.printNumber || de.submission.noNumber} – ${r.subject || de.ui.submissions.noSubject}`;
}

/**
 * "Neue Vorlage": an inline panel (nothing typed is lost by a modal) offering the starting points —
 * blank, a template, a copy of an existing submission, or a follow-up (-E1) of a numbered one.
 */
export function NewSubmissionPanel({ rows, onClose }: { rows: readonly SubmissionRow[]; onClose: () => void }) {
  const { save, navigate, readOnly } = useApp();
  const [choice, setChoice] = useState<Choice>(`template:${SUBMISSION_TEMPLATES[0]!.id}`);
  const [copyId, setCopyId] = useState('');
  const [baseId, setBaseId] = useState('');
  const [problem, setProblem] = useState<{ field: 'copy' | 'followUp'; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Opening the panel puts the focus on the chosen starting point.
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus(), []);
  const active = rows.filter((r) => !r.deletedAt);
  const numbered = active.filter((r) => r.printNumber !== '');

  const submit = async () => {
    setError(null);
    setProblem(null);
    let source:
      | { kind: 'blank' }
      | { kind: 'template'; templateId: string }
      | { kind: 'copy'; sourceId: string }
      | { kind: 'followUp'; baseId: string };
    if (choice === 'blank') source = { kind: 'blank' };
    else if (choice === 'copy') {
      if (!copyId)
        return (
          setProblem({ field: 'copy', text: submissionsCreateTexts.pickRequired }),
          document.getElementById('new-copy-source')?.focus()
        );
      source = { kind: 'copy', sourceId: copyId };
    } else if (choice === 'followUp') {
      if (!baseId)
        return (
          setProblem({ field: 'followUp', text: submissionsCreateTexts.pickRequired }),
          document.getElementById('new-followup-base')?.focus()
        );
      source = { kind: 'followUp', baseId };
    } else source = { kind: 'template', templateId: choice.slice('template:'.length) };
    setBusy(true);
    try {
      const created = await save(() => call('createSubmission', { source }));
      freshSubmission.mark(created.value.id);
      await navigate({ name: 'submission', id: created.value.id });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const option = (value: Choice, label: string, hint: string, extra?: React.ReactNode) => {
    const key = value.replace(':', '-');
    return (
      <li key={value} className="choice">
        <label className="checkbox">
          <input
            type="radio"
            name="new-submission"
            value={value}
            checked={choice === value}
            aria-describedby={`new-${key}-hint`}
            onChange={() => setChoice(value)}
          />
          <strong>{label}</strong>
        </label>
        <span id={`new-${key}-hint`} className="hint choice-hint">
          {hint}
        </span>
        {extra}
      </li>
    );
  };

  const picker = (
    id: string,
    label: string,
    value: string,
    options: readonly SubmissionRow[],
    set: (v: string) => void,
    which: Choice,
    field: 'copy' | 'followUp',
    none: string,
  ) =>
    options.length === 0 ? (
      <span className="hint choice-hint">{none}</span>
    ) : (
      <span className="field choice-extra">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={value}
          aria-invalid={problem?.field === field ? true : undefined}
          aria-describedby={problem?.field === field ? `${id}-error` : undefined}
          onChange={(e) => {
            set(e.target.value);
            setChoice(which);
          }}
        >
          <option value="">{submissionsCreateTexts.pick}</option>
          {options.map((r) => (
            <option key={r.id} value={r.id}>
              {rowLabel(r)}
            </option>
          ))}
        </select>
        {problem?.field === field ? (
          <span id={`${id}-error`} className="field-error">
            {de.ui.errorPrefix} {problem.text}
          </span>
        ) : null}
      </span>
    );

  return (
    <form
      ref={formRef}
      className="inline-form new-submission"
      aria-labelledby="new-submission-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id="new-submission-title">{submissionsCreateTexts.title}</h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <fieldset className="choices">
        <legend>{submissionsCreateTexts.choice}</legend>
        <ul className="plain">
          {SUBMISSION_TEMPLATES.map((tpl) => option(`template:${tpl.id}`, tpl.name, tpl.description))}
          {option('blank', submissionsCreateTexts.blank, submissionsCreateTexts.blankHint)}
          {option(
            'copy',
            submissionsCreateTexts.copy,
            submissionsCreateTexts.copyHint,
            picker(
              'new-copy-source',
              submissionsCreateTexts.copySource,
              copyId,
              active,
              setCopyId,
              'copy',
              'copy',
              submissionsCreateTexts.noneToCopy,
            ),
          )}
          {option(
            'followUp',
            submissionsCreateTexts.followUp,
            submissionsCreateTexts.followUpHint,
            picker(
              'new-followup-base',
              submissionsCreateTexts.followUpBase,
              baseId,
              numbered,
              setBaseId,
              'followUp',
              'followUp',
              submissionsCreateTexts.noneNumbered,
            ),
          )}
        </ul>
      </fieldset>
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {submissionsCreateTexts.cancel}
        </button>
        <button type="submit" className="primary" disabled={busy || readOnly}>
          {submissionsCreateTexts.submit}
        </button>
      </div>
    </form>
  );
}
