import type { Ref } from 'react';
import { de } from '@shared/i18n/de';
import type { FieldProblem } from '@shared/register/rules';
import { fieldId, fieldLabel, focusField } from './submissionForm';

const submissionsEditorCheckTexts = de.ui.submissions.editor.check;

/**
 * What is still missing before the submission can be handed on, following the input live; every point
 * is a link that puts the focus into its field. Problems the export reported are listed on their own.
 */
export function CompletenessPanel({
  problems,
  exportProblems,
  ref,
}: {
  problems: readonly FieldProblem[];
  exportProblems: readonly FieldProblem[];
  ref?: Ref<HTMLElement>;
}) {
  return (
    <section
      className="completeness"
      aria-labelledby="check-title"
      ref={ref}
      tabIndex={-1}
      data-state={problems.length === 0 ? 'ok' : 'open'}
    >
      <h2 id="check-title">{submissionsEditorCheckTexts.title}</h2>
      {exportProblems.length > 0 ? (
        <div className="export-problems">
          <p>
            <strong>{submissionsEditorCheckTexts.exportTitle}</strong>
          </p>
          <ProblemList problems={exportProblems} prefix="export" />
        </div>
      ) : null}
      <p className="check-state">
        {problems.length === 0 ? (
          <span className="check-ok">✓ {submissionsEditorCheckTexts.ok}</span>
        ) : (
          <strong>{submissionsEditorCheckTexts.open(problems.length)}</strong>
        )}
      </p>
      {problems.length > 0 ? <ProblemList problems={problems} prefix="live" /> : null}
      <p className="hint">{submissionsEditorCheckTexts.hint}</p>
    </section>
  );
}

function ProblemList({ problems, prefix }: { problems: readonly FieldProblem[]; prefix: string }) {
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        <li key={`${prefix}-${p.field}-${i}`}>
          <a
            href={`#${fieldId(p.field)}`}
            onClick={(e) => {
              e.preventDefault();
              focusField(p.field);
            }}
          >
            {fieldLabel(p.field)}: {p.message}
          </a>
        </li>
      ))}
    </ul>
  );
}
