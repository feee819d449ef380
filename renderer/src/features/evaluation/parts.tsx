import type { ReactNode, Ref } from 'react';
import type { FieldProblem } from '../../../../shared/domain/rules';
import { de } from '../../../../shared/i18n/de';

/** Radio buttons in a fieldset: the legend names the group; each option's label may carry decoration. */
export function Radios<V extends string>(props: {
  id: string;
  label: string;
  value: V | null;
  options: { value: V; label: ReactNode }[];
  onChange: (v: V) => void;
  disabled?: boolean;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  className?: string;
}) {
  const { id, label, value, options, onChange, disabled, error, hint, required, className } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={`field field-wide radio-group ${className ?? ''}`} aria-describedby={described} aria-invalid={error ? true : undefined} tabIndex={-1}>
      <legend>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <div className="checkboxes">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="radio" name={id} value={o.value} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** Why the last save was refused: one link per field, which moves the focus there. */
export function ProblemSummary({ title, problems, fieldId, fieldLabel, ref }: { title: string; problems: readonly FieldProblem[]; fieldId: (f: string) => string; fieldLabel: (f: string) => string; ref?: Ref<HTMLDivElement> }) {
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
