import { de } from '@shared/i18n/de';
import { useApp } from '../appState';

const t = de.ui.saveFeedback;

/**
 * The one confirmation after a save, the same on every screen. The live region is always in the page
 * (a region that appears together with its text is often not read out), polite so it never interrupts;
 * "Rückgängig" undoes the change through the normal saving call where the screen offers it.
 */
export function SaveConfirmation() {
  const { confirmation, undoConfirmation, dismissConfirmation, readOnly } = useApp();
  return (
    <section className={confirmation ? 'save-confirmation shown' : 'save-confirmation'} aria-label={t.region}>
      <p role="status" aria-live="polite" aria-atomic="true">
        {confirmation ? (
          <>
            <strong>{de.ui.noticePrefix.success}</strong> {confirmation.text}
          </>
        ) : null}
      </p>
      {confirmation ? (
        <div className="save-confirmation-actions">
          {confirmation.undo && !readOnly ? (
            <button type="button" aria-label={t.undoLabel(confirmation.text)} onClick={() => void undoConfirmation()}>
              {t.undo}
            </button>
          ) : null}
          <button type="button" className="icon" aria-label={t.dismiss} title={t.dismiss} onClick={dismissConfirmation}>
            ×
          </button>
        </div>
      ) : null}
    </section>
  );
}
