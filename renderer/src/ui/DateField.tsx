import { useId, useState } from 'react';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { CalendarDialog } from './CalendarDialog';
import { readDateEntry } from './dateEntry';

const t = de.ui.dateField;

export interface DateFieldProps {
  id: string;
  label: string;
  /** The text as typed (TT.MM.JJJJ after leaving the field when it could be read). */
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  /** Replaces the standard hint (which lists the accepted forms). */
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  /** Accepted for symmetry with TextField; entries are short anyway. */
  maxLength?: number;
}

/**
 * The one date input of the app. Accepts `1.6.27`, `01.06.2027`, `2027-06-01`, `heute`, `+14` and writes
 * it as TT.MM.JJJJ when the field is left; anything else gets a German message at once (the form's own
 * check on saving stays). A button beside it opens a keyboard-operable calendar (CalendarDialog): the
 * native <input type=date> was not chosen because its picker in Chromium is a separate popup that screen
 * readers and the test harness cannot reach and that shows the system's, not German, formats.
 */
export function DateField({ id, label, value, onChange, error, hint, required, disabled, className, maxLength }: DateFieldProps) {
  const [local, setLocal] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const shown = error ?? local;
  const buttonId = useId();

  const normalise = () => {
    const text = value.trim();
    if (text === '') return setLocal(undefined);
    const iso = readDateEntry(text);
    if (!iso) return setLocal(t.invalid(text));
    setLocal(undefined);
    const formatted = formatDate(iso);
    if (formatted !== value) onChange(formatted);
  };

  return (
    <div className={`field date-field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <span className="date-input">
        <input
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          value={value}
          maxLength={maxLength}
          required={required}
          disabled={disabled}
          aria-invalid={shown ? true : undefined}
          aria-describedby={[hintId, shown ? errorId : ''].filter(Boolean).join(' ')}
          onChange={(e) => {
            onChange(e.target.value);
            if (local) setLocal(undefined);
          }}
          onBlur={normalise}
        />
        <button
          id={buttonId}
          type="button"
          className="calendar-button"
          disabled={disabled}
          aria-label={t.open(label)}
          title={t.open(label)}
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          {/* Drawn, not an emoji: office PCs often lack an emoji font. */}
          <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
            <rect x="1.5" y="2.5" width="13" height="12" rx="1" fill="none" stroke="currentColor" />
            <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
            <path d="M4 8.5h2v2H4zM7 8.5h2v2H7zM10 8.5h2v2h-2z" fill="currentColor" />
          </svg>
        </button>
      </span>
      <span id={hintId} className="hint">
        {hint ?? t.hint}
      </span>
      {shown ? (
        <span id={errorId} className="field-error">
          {de.ui.errorPrefix} {shown}
        </span>
      ) : null}
      {open ? (
        <CalendarDialog
          label={label}
          value={readDateEntry(value)}
          onClose={(iso) => {
            setOpen(false);
            if (iso) {
              onChange(formatDate(iso));
              setLocal(undefined);
            }
            // Focus returns to the field the calendar was opened from.
            requestAnimationFrame(() => document.getElementById(id)?.focus());
          }}
        />
      ) : null}
    </div>
  );
}
