import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgressState } from '@shared/contract';
import { call } from '../../api';

/** How often the bar asks main; a long export takes seconds, so four steps a second read as smooth. */
const POLL_MS = 250;

export interface ExportOutcome<T> {
  value: T;
  /** "Abbrechen" was pressed before the export finished (main then wrote no file). */
  cancelled: boolean;
}

/**
 * Follows a pending export call: polls `getExportProgress` while it runs and offers `cancel`. `progress`
 * is null until main reports a running worker export (a small export finishes before the first poll,
 * so no bar flickers up) and again once the call has returned.
 */
export function useExportProgress() {
  const [progress, setProgress] = useState<ExportProgressState | null>(null);
  const cancelRequested = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);

  const track = useCallback(async <T>(work: () => Promise<T>): Promise<ExportOutcome<T>> => {
    cancelRequested.current = false;
    let pending = true;
    const poll = async () => {
      while (pending && alive.current) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!pending) break;
        // A failed poll only skips a step of the bar; the export call reports its own errors.
        const state = await call('getExportProgress', {}).catch(() => null);
        if (pending && alive.current && state) setProgress(state.running ? state : null);
      }
    };
    void poll();
    try {
      const value = await work();
      return { value, cancelled: cancelRequested.current };
    } finally {
      pending = false;
      if (alive.current) setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setProgress((p) => (p ? { ...p, cancelling: true } : p));
    void call('cancelExport', {}).catch(() => undefined);
  }, []);

  return { progress, track, cancel };
}
