import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ReviewModeView } from '@shared/review/reviewContract';
import { de } from '@shared/i18n/de';
import { call } from '../../api';
import { ReviewModeApp } from './ReviewModeApp';
import './review.css';

interface ModeSwitch {
  /** Shows review mode for a package that main has just opened. */
  enter: (view: ReviewModeView) => void;
}

const Context = createContext<ModeSwitch | null>(null);

export function useReviewModeSwitch(): ModeSwitch {
  const value = useContext(Context);
  if (!value) throw new Error('useReviewModeSwitch outside ReviewModeGate');
  return value;
}

type Mode = { kind: 'loading' } | { kind: 'register' } | { kind: 'review'; view: ReviewModeView; key: number };

/**
 * The window is either on a register (the children: the normal app) or in review mode on a package
 * (double-click on a .mpreview, or "Prüfpaket öffnen…"). Main knows which; this asks once at start.
 */
export function ReviewModeGate({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<Mode>({ kind: 'loading' });
  useEffect(() => {
    call('getReviewMode', {})
      .then((view) => setMode(view ? { kind: 'review', view, key: Date.now() } : { kind: 'register' }))
      .catch(() => setMode({ kind: 'register' }));
  }, []);
  const enter = useCallback((view: ReviewModeView) => setMode({ kind: 'review', view, key: Date.now() }), []);
  const value = useMemo(() => ({ enter }), [enter]);
  if (mode.kind === 'loading')
    return (
      <main id="main" className="loading">
        <p>{de.ui.loading}</p>
      </main>
    );
  if (mode.kind === 'review')
    return <ReviewModeApp key={mode.key} initial={mode.view} onLeave={() => setMode({ kind: 'register' })} onSwitch={enter} />;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
