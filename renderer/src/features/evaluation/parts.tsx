import type { Ref } from 'react';
import type { FieldProblem } from '@shared/register/rules';

/** Why the last save was refused: one link per field, which moves the focus there. */
export function ProblemSummary({
  title,
  problems,
  fieldId,
  fieldLabel,
  ref,
}: {
  title: string;
  problems: readonly FieldProblem[];
  fieldId: (f: string) => string;
  fieldLabel: (f: string) => string;
  ref?: Ref<HTMLDivElement>;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert">
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.field}-${i}`}>
            <a
              href={`#${fieldId(p.field)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldId(p.field))?.focus();
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
