import { useId, useLayoutEffect, useRef } from 'react';
import type { ExportProgressState } from '@shared/contract';
import { de } from '@shared/i18n/de';

const texts = de.ui.exportProgress;

/**
 * The bar of a running Excel export with "Abbrechen". The start is announced once (status); the percent
 * stands as text beside the bar and as the bar's value text, so it is not told by the bar's length alone
 * and a screen reader is not interrupted on every step. When the bar goes while focus is on "Abbrechen",
 * focus returns to `returnFocus` (the button that started the export) instead of falling to the page.
 */
export function ExportProgress({
  state,
  onCancel,
  returnFocus,
}: {
  state: ExportProgressState;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null;
}) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const back = useRef(returnFocus);
  useLayoutEffect(() => {
    back.current = returnFocus;
  });
  useLayoutEffect(() => {
    const element = box.current;
    return () => {
      if (!element?.contains(document.activeElement)) return;
      // After this commit: the starting button is enabled again in it.
      setTimeout(() => back.current?.()?.focus(), 0);
    };
  }, []);
  // Before the first rows are written (the worker reads the register and composes the sheets) no share
  // is known: the bar runs without a value and says so, rather than standing at "0 %".
  const preparing = state.percent === 0;
  const percent = preparing ? texts.preparing : texts.percent(state.percent);
  return (
    <div className="export-progress" ref={box}>
      <p role="status">{state.cancelling ? texts.cancelling : texts.started}</p>
      <div className="progress-line">
        <label htmlFor={id}>{texts.label}</label>
        {preparing ? (
          <progress id={id} max={100} aria-valuetext={percent} />
        ) : (
          <progress id={id} max={100} value={state.percent} aria-valuetext={percent} />
        )}
        <span className="progress-text" aria-hidden="true">
          {percent}
        </span>
        {/* Stays enabled while cancelling (a second press changes nothing): disabling would drop the focus. */}
        <button type="button" onClick={onCancel}>
          {texts.cancel}
        </button>
      </div>
    </div>
  );
}
