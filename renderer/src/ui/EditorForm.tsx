import type { ReactNode } from 'react';

/**
 * The form of an editor screen: Enter on the save button and Strg+S save (not while locked), Esc goes back
 * unless a control inside already used the key (an open list, a dialog).
 */
export function EditorForm({
  className,
  labelledBy,
  locked,
  onSubmit,
  onBack,
  children,
}: {
  className?: string;
  labelledBy: string;
  locked: boolean;
  onSubmit: () => void;
  onBack: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!locked) onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 's' && e.ctrlKey) {
          e.preventDefault();
          if (!locked) onSubmit();
        } else if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onBack();
        }
      }}
    >
      {children}
    </form>
  );
}

/**
 * Zurück, Speichern and (with onDelete, for an item that exists) Löschen of an editor. Without onSave the save
 * button submits the surrounding form.
 */
export function EditorButtons({
  labels,
  disabled,
  onBack,
  onSave,
  onDelete,
  className = 'buttons',
}: {
  labels: { back: string; save: string; delete?: string };
  disabled: boolean;
  onBack: () => void;
  onSave?: () => void;
  onDelete?: (() => void) | null;
  className?: string;
}) {
  return (
    <div className={className}>
      <button type="button" onClick={onBack}>
        {labels.back}
      </button>
      {onSave ? (
        <button type="button" className="primary" disabled={disabled} onClick={onSave}>
          {labels.save}
        </button>
      ) : (
        <button type="submit" className="primary" disabled={disabled}>
          {labels.save}
        </button>
      )}
      {onDelete ? (
        <button type="button" className="danger" disabled={disabled} onClick={onDelete}>
          {labels.delete}
        </button>
      ) : null}
    </div>
  );
}
