import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Moves the focus to an element once it is rendered and enabled (a row's "Bearbeiten" after its form
 * closed, the button that opened a form): a plain setTimeout may run before React has committed. Gives
 * up after a few renders, so a focus request never fires much later.
 */
export function useFocusLater(): (target: string | (() => HTMLElement | null | undefined)) => void {
  const pending = useRef<{ target: string | (() => HTMLElement | null | undefined); tries: number } | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    const request = pending.current;
    if (!request) return;
    const element = typeof request.target === 'string' ? document.getElementById(request.target) : request.target();
    if (element && !(element as HTMLButtonElement).disabled) {
      element.focus();
      pending.current = null;
    } else if (++request.tries > 5) pending.current = null;
  });
  return useCallback((target) => {
    pending.current = { target, tries: 0 };
    setTick((t) => t + 1);
  }, []);
}
