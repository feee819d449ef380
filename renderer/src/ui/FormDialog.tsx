import { useEffect, useRef, type ReactNode } from 'react';
import { Notice } from './Notice';
import './formDialog.css';

/**
 * A small modal dialog with one form (the "Status ändern" dialogs): opened as a native modal on mount, so
 * the focus moves into it and is trapped there; Esc or "Abbrechen" close it unchanged. Closing the native
 * dialog first hands the focus back to the button that opened it. Render it outside other forms (a form
 * inside a form is invalid, and an editor form would take the Esc as "back").
 */
export function FormDialog({
  id,
  title,
  intro,
  error,
  busy,
  saveLabel,
  cancelLabel,
  className,
  onSubmit,
  onClose,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  error: string | null;
  busy: boolean;
  saveLabel: string;
  cancelLabel: string;
  className?: string;
  onSubmit: (close: () => void) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = () => {
    ref.current?.close();
    onClose();
  };
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`form-dialog ${className ?? ''}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(close);
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-intro`} className="dialog-intro">
          {intro}
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {children}
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {saveLabel}
          </button>
          <button type="button" onClick={close}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
