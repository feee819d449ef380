import type { ReactNode } from 'react';
import { de } from '@shared/i18n/de';

/**
 * The add/edit form above a reference list: fields in a grid, Abbrechen and Speichern, Esc cancels.
 * Named by a visible heading when given, else by `label`.
 */
export function InlineForm(props: {
  id: string;
  label: string;
  heading?: string;
  saveLabel: string;
  saveDisabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { id, label, heading, saveLabel, saveDisabled, onSubmit, onCancel, children } = props;
  return (
    <form
      className="inline-form"
      {...(heading ? { 'aria-labelledby': `${id}-title` } : { 'aria-label': label })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {heading ? <h2 id={`${id}-title`}>{heading}</h2> : null}
      <div className="grid">{children}</div>
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          {de.ui.dialog.cancel}
        </button>
        <button type="submit" className="primary" disabled={saveDisabled}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}
