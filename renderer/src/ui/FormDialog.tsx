import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Notice } from './Notice';
import './formDialog.css';

/**
 * A small modal dialog with one form (the "Status ändern" dialogs): opened as a native modal on mount, so
 * the focus moves into it and is trapped there; Esc or "Abbrechen" close it unchanged. Closing the native
 * dialog first hands the focus back to the button that opened it. It lives in document.body (a portal), so
 * it may be rendered inside an editor's form; its keys and its submit stay inside (Esc is not the editor's
 * "back", Strg+S and "Status speichern" not the editor's save).
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

  return createPortal(
    <dialog
      ref={ref}
      className={`form-dialog ${className ?? ''}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // React events bubble along the component tree, out of the portal: not to an editor's form.
          e.stopPropagation();
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
    </dialog>,
    document.body,
  );
}
