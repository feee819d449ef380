import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { RegisterReference, Session } from '@shared/contract';
import type { ImportKind } from '@shared/import/importMapping';
import type { MeasureRow } from '@shared/register/search';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from './api';
import { preloadScreens } from './lazyViews';
import type { ConfirmRequest } from './ui/ConfirmDialog';

export type View =
  | { name: 'overview' }
  | { name: 'register' }
  | { name: 'measure'; id: string; tab?: 'details' | 'indicators' | 'history' }
  | { name: 'indicator'; measureId: string; id: string | null }
  | { name: 'evaluation'; tab?: 'dashboard' | 'rounds' | 'import'; roundId?: string; importKind?: ImportKind }
  | { name: 'edit'; id: string }
  | { name: 'new' }
  | { name: 'trash' }
  | { name: 'actionFields' }
  | { name: 'orgUnits' }
  | { name: 'submissions'; notice?: string }
  | { name: 'submission'; id: string; tab?: 'edit' | 'versions' }
  | { name: 'settings' }
  | { name: 'statuses' }
  | { name: 'reviews' }
  | { name: 'editions'; notice?: string; compare?: { fromId: string; toId: string } }
  | { name: 'fortschreibung'; id: string }
  | { name: 'editionCompare'; fromId: string; toId: string }
  | { name: 'participation'; tab?: ParticipationTab }
  | { name: 'meeting'; id: string | null }
  | { name: 'lab'; id: string | null }
  | { name: 'proposal'; id: string | null }
  | { name: 'decision'; id: string | null }
  | { name: 'privacy' }
  | { name: 'help'; topic?: string };

export type ParticipationTab = 'bodies' | 'meetings' | 'recommendations' | 'labs' | 'proposals' | 'tracking';

/**
 * What the one confirmation after a save says (ui/SaveConfirmation.tsx), and how to undo the change: undo
 * runs a normal saving call (audited, version-checked) and gets the result of the save it undoes.
 */
export interface SaveFeedback<T> {
  text: (result: T) => string;
  undo?: (result: T) => Promise<{ savedAt: string }>;
}
export interface Confirmation {
  key: number;
  text: string;
  undo: (() => Promise<{ savedAt: string }>) | null;
  /** Screens shown since: the confirmation goes with the second (it may follow the save's own navigation). */
  views: number;
}

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

interface AppState {
  session: Session | null;
  reference: RegisterReference | null;
  rows: MeasureRow[];
  loadError: string | null;
  saveState: SaveState;
  view: View;
  readOnly: boolean;
  navigate: (view: View) => Promise<boolean>;
  setDirty: (dirty: boolean) => void;
  confirm: (request: Omit<ConfirmRequest, 'resolve'>) => Promise<boolean>;
  confirmRequest: ConfirmRequest | null;
  /**
   * Runs a saving call: shows "Wird gespeichert …", then the time it became durable, then updates what it changed in the lists;
   * with `feedback` the one confirmation (and "Rückgängig" if the change can be undone).
   */
  save: <T extends { savedAt: string }>(job: () => Promise<T>, feedback?: SaveFeedback<T>) => Promise<T>;
  confirmation: Confirmation | null;
  /** "Rückgängig" of the confirmation shown, or closing it. */
  undoConfirmation: () => Promise<void>;
  dismissConfirmation: () => void;
  reload: () => Promise<void>;
  setSession: (session: Session) => Promise<void>;
  /** Records changed by others (another window or computer) → the revision at which that was noticed. */
  externalChanges: Readonly<Record<string, number>>;
  /** The first screen stands: the start's second step (day's backup, integrity check) may run now. */
  firstScreenShown: () => void;
}

/** How often the window asks whether others changed the register (no file watchers: unreliable on SMB). */
export const POLL_MS = 3000;

/** Latest moment of the start's second step when the first screen never reports (e.g. it failed to load). */
const START_CHECK_MS = 3000;

const Context = createContext<AppState | null>(null);

export function useApp(): AppState {
  const value = useContext(Context);
  if (!value) throw new Error('useApp outside provider');
  return value;
}

export function AppStateProvider({ children }: { children: React.ReactNode }) {
  const [session, setSessionState] = useState<Session | null>(null);
  const [reference, setReference] = useState<RegisterReference | null>(null);
  const [rows, setRows] = useState<MeasureRow[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [view, setView] = useState<View>({ name: 'overview' });
  const [confirmRequest, setConfirmRequest] = useState<ConfirmRequest | null>(null);
  const dirty = useRef(false);
  const [externalChanges, setExternalChanges] = useState<Record<string, number>>({});

  const loadData = useCallback(async () => {
    const [ref, list] = await Promise.all([call('getReference', {}), call('listMeasureRows', {})]);
    setReference(ref);
    setRows(list);
  }, []);

  /**
   * Brings the lists up to `changed` (ids per list, `true`: the whole list): when only measures (and the
   * audit trail) changed, just those rows are fetched and replaced — a purged one leaves the list —
   * otherwise everything is read again.
   */
  const applyChanged = useCallback(
    async (changed: Record<string, string[] | true>) => {
      const keys = Object.keys(changed);
      if (keys.length === 0) return;
      const measureIds = changed.measures;
      if (!keys.every((k) => k === 'measures' || k === 'audit') || measureIds === true) {
        await loadData();
        return;
      }
      if (!measureIds || measureIds.length === 0) return;
      const fresh = await call('getMeasureRows', { ids: measureIds });
      const byId = new Map(fresh.map((r) => [r.id, r]));
      const gone = new Set(measureIds.filter((id) => !byId.has(id)));
      setRows((current) => {
        const known = new Set(current.map((r) => r.id));
        const kept = gone.size > 0 ? current.filter((r) => !gone.has(r.id)) : current;
        return [...kept.map((r) => byId.get(r.id) ?? r), ...fresh.filter((r) => !known.has(r.id))];
      });
    },
    [loadData],
  );

  const setSession = useCallback(
    async (next: Session) => {
      setSessionState(next);
      if (next.state === 'open') {
        await loadData();
        if (next.lastSavedAt) setSaveState({ kind: 'saved', at: next.lastSavedAt });
      }
    },
    [loadData],
  );

  const reload = useCallback(async () => {
    try {
      setLoadError(null);
      await setSession(await call('getSession', {}));
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [setSession]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Follows what others change: asks every few seconds, then updates only the changed rows (or everything
  // after a compaction or a replaced file). Open forms keep their input; they are told via externalChanges.
  const isOpen = session?.state === 'open';
  useEffect(() => {
    if (!isOpen) return;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void pollOnce()
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, POLL_MS);
    const pollOnce = async () => {
      const result = await call('pollRegister', {});
      setSessionState(result.session);
      const revision = result.session.state === 'open' ? result.session.revision : 0;
      if (result.changed === null) {
        await loadData();
        return;
      }
      if (Object.keys(result.changed).length === 0) return;
      const ids = Object.values(result.changed).flatMap((v) => (v === true ? [] : v));
      setExternalChanges((current) => ({ ...current, ...Object.fromEntries(ids.map((id) => [id, revision])) }));
      await applyChanged(result.changed);
    };
    return () => clearInterval(timer);
  }, [isOpen, loadData, applyChanged]);

  const confirm = useCallback(
    (request: Omit<ConfirmRequest, 'resolve'>) =>
      new Promise<boolean>((resolve) => {
        setConfirmRequest({
          ...request,
          resolve: (ok) => {
            setConfirmRequest(null);
            resolve(ok);
          },
        });
      }),
    [],
  );

  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const confirmationKey = useRef(0);
  const undoRunning = useRef(false);
  const navigate = useCallback(
    async (next: View) => {
      if (dirty.current) {
        const ok = await confirm({
          title: de.ui.measure.unsavedTitle,
          text: de.ui.measure.unsavedText,
          confirmLabel: de.ui.measure.discard,
          cancelLabel: de.ui.measure.keepEditing,
        });
        if (!ok) return false;
        dirty.current = false;
      }
      setView(next);
      setConfirmation((c) => (c && c.views >= 1 ? null : c && { ...c, views: c.views + 1 }));
      return true;
    },
    [confirm],
  );

  const setDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  // Closing the window with unsaved input asks first.
  useEffect(() => {
    const handler = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, []);

  const save = useCallback(
    async <T extends { savedAt: string }>(job: () => Promise<T>, feedback?: SaveFeedback<T>) => {
      setSaveState({ kind: 'saving' });
      // The older confirmation goes when a new save starts (not only when it ends): the live region empties and
      // refills, so a second save with the same text ("Ratsvorlage … gespeichert.") is announced again and is
      // not mistaken for the first. "Wird rückgängig gemacht …" stays while its undo runs.
      if (!undoRunning.current) setConfirmation(null);
      try {
        const result = await job();
        setSaveState({ kind: 'saved', at: result.savedAt });
        // Any save replaces an older confirmation: its "Rückgängig" would no longer undo the latest change.
        const undo = feedback?.undo;
        setConfirmation(
          feedback
            ? { key: ++confirmationKey.current, text: feedback.text(result), undo: undo ? () => undo(result) : null, views: 0 }
            : null,
        );
        // Only what the save changed (main says which records): one row after a measure's save, not all.
        await call('savedChanges', {}).then(applyChanged, loadData);
        return result;
      } catch (error) {
        setSaveState({ kind: 'error', message: errorMessage(error) });
        throw error;
      }
    },
    [loadData, applyChanged],
  );
  const undoConfirmation = useCallback(async () => {
    const shown = confirmation;
    if (!shown?.undo) return;
    const undo = shown.undo;
    setConfirmation({ ...shown, undo: null, text: de.ui.saveFeedback.undoing });
    undoRunning.current = true;
    try {
      await save(undo, { text: () => de.ui.saveFeedback.undone(shown.text) });
    } catch (error) {
      setConfirmation({ key: ++confirmationKey.current, text: de.ui.saveFeedback.undoFailed(errorMessage(error)), undo: null, views: 0 });
    } finally {
      undoRunning.current = false;
    }
  }, [confirmation, save]);
  const dismissConfirmation = useCallback(() => setConfirmation(null), []);

  // Two-step start: main opened the register without its backup and integrity check; they run once the
  // first screen has been painted (or after START_CHECK_MS at the latest), and their outcome — warnings,
  // or read-only if the backup failed — arrives as a fresh session. Writes wait for them in main anyway.
  const startCompletedFor = useRef<string | null>(null);
  const openPath = session?.state === 'open' ? session.path : null;
  const firstScreenShown = useCallback(() => {
    if (openPath === null || startCompletedFor.current === openPath) return;
    startCompletedFor.current = openPath;
    requestAnimationFrame(() =>
      setTimeout(() => {
        call('completeStart', {}).then(setSessionState, () => {
          startCompletedFor.current = null; // asked again by the timer; writes wait for it in main regardless
        });
        preloadScreens(); // the other screens' code, now that the first screen's calls are answered (lazyViews.tsx)
      }, 0),
    );
  }, [openPath]);
  useEffect(() => {
    if (openPath === null) return;
    const timer = setTimeout(firstScreenShown, START_CHECK_MS);
    return () => clearTimeout(timer);
  }, [openPath, firstScreenShown]);

  const readOnly = session?.state === 'open' ? session.readOnly : true;
  const value: AppState = {
    session,
    reference,
    rows,
    loadError,
    saveState,
    view,
    readOnly,
    navigate,
    setDirty,
    confirm,
    confirmRequest,
    save,
    confirmation,
    undoConfirmation,
    dismissConfirmation,
    reload,
    setSession,
    externalChanges,
    firstScreenShown,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
