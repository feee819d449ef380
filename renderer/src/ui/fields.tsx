import { memo, type ReactNode } from 'react';
import { de } from '@shared/i18n/de';

/**
 * Form controls with a visible label, the error text linked by aria-describedby and aria-invalid, so a
 * screen reader hears what is wrong, and sighted users see it as text (not colour alone).
 */
interface Common {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

function described(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Extras({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
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
    </>
  );
}

export function TextField(props: Common & { value: string; onChange: (v: string) => void; maxLength?: number; className?: string }) {
  const { id, label, error, hint, value, onChange, required, disabled, maxLength, className } = props;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={maxLength}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextArea(props: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  const { id, label, error, hint, value, onChange, disabled, rows } = props;
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows ?? 3}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField(
  props: Common & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; emptyLabel?: string },
) {
  const { id, label, error, hint, value, onChange, options, emptyLabel, required, disabled } = props;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        <Options options={options} />
      </select>
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

/**
 * A select's options, re-rendered only when the list itself changes: the measure pickers of the editor list
 * all 10,000 measures, and reconciling them on every keystroke and every save step is what made those slow.
 */
const Options = memo(function Options({ options }: { options: { value: string; label: string }[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
});

export function CheckboxGroup(
  props: Common & { values: string[]; onChange: (v: string[]) => void; options: { value: string; label: string }[] },
) {
  const { id, label, error, values, onChange, options, disabled } = props;
  const toggle = (value: string, on: boolean) => onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset
      id={id}
      className="field field-wide checkbox-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      tabIndex={-1}
    >
      <legend>{label}</legend>
      <div className="checkboxes">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              checked={values.includes(o.value)}
              disabled={disabled}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <Extras id={id} error={error} />
    </fieldset>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="section">
      <legend>{title}</legend>
      <div className="grid">{children}</div>
    </fieldset>
  );
}

/** Radio buttons in a fieldset: the legend names the group; each option's label may carry decoration. */
export function RadioGroup<V extends string>(props: {
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
    <fieldset
      id={id}
      className={`field field-wide radio-group ${className ?? ''}`}
      aria-describedby={described}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <div className="checkboxes">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={value === o.value}
              disabled={disabled}
              onChange={() => onChange(o.value)}
            />
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
