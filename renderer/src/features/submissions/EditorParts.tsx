import type { Ref } from 'react';
import { de } from '@shared/i18n/de';
import type { FieldProblem } from '@shared/register/rules';
import { SECTIONS } from './sections/common';
import { fieldId, fieldLabel, focusField } from './submissionForm';

const submissionsEditorTexts = de.ui.submissions.editor;

/** In-page links to the sections (the heading gets the focus) and to the completeness check. */
export function EditorOutline({ openPoints, onCheck }: { openPoints: number; onCheck: () => void }) {
  const jumpTo = (key: string) => {
    const heading = document.getElementById(`sec-${key}-title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return (
    <nav className="sub-outline" aria-label={submissionsEditorTexts.sectionsNav}>
      <ol>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <a
              href={`#sec-${s.key}`}
              onClick={(ev) => {
                ev.preventDefault();
                jumpTo(s.key);
              }}
            >
              {s.title}
            </a>
          </li>
        ))}
        <li className="outline-extra">
          <a
            href="#check-title"
            onClick={(ev) => {
              ev.preventDefault();
              onCheck();
            }}
          >
            {submissionsEditorTexts.check.title}
            {openPoints > 0 ? ` (${openPoints})` : ''}
          </a>
        </li>
      </ol>
    </nav>
  );
}

/** Why the last save was refused: one link per field, like the measure form. */
export function SaveProblems({ problems, ref }: { problems: readonly FieldProblem[]; ref?: Ref<HTMLDivElement> }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert">
      <p>
        <strong>{submissionsEditorTexts.problems(problems.length)}</strong>
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.field}-${i}`}>
            <a
              href={`#${fieldId(p.field)}`}
              onClick={(ev) => {
                ev.preventDefault();
                focusField(p.field);
              }}
            >
              {fieldLabel(p.field)}: {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
