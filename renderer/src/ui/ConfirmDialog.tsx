import { useEffect, useRef } from 'react';
import { de } from '@shared/i18n/de';

export interface ConfirmRequest {
  title: string;
  text: string;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Only a message to acknowledge: one button, no choice. */
  alert?: boolean;
  resolve: (ok: boolean) => void;
}

/** Native modal dialog: focus trapped by the browser, Esc cancels, the safe choice has the focus. */
export function ConfirmDialog({ request }: { request: ConfirmRequest | null }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);
  const answer = (ok: boolean) => request?.resolve(ok);
  return (
    <dialog ref={ref} aria-labelledby="confirm-title" aria-describedby="confirm-text" onCancel={(e) => (e.preventDefault(), answer(false))}>
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p id="confirm-text">{request.text}</p>
          <div className="buttons">
            {request.alert ? (
              <button type="button" autoFocus onClick={() => answer(true)}>
                {request.confirmLabel ?? de.ui.dialog.close}
              </button>
            ) : (
              <>
                <button type="button" autoFocus onClick={() => answer(false)}>
                  {request.cancelLabel ?? de.ui.dialog.cancel}
                </button>
                <button type="button" className="danger" onClick={() => answer(true)}>
                  {request.confirmLabel ?? de.ui.dialog.confirm}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}
