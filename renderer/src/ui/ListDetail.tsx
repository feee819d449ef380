import { useEffect, useRef, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { listPlace, updateListPlace } from './listMemory';
import './listDetail.css';

/** From this window width on, a list and the opened record's detail stand side by side (issue 15). */
export const SIDE_BY_SIDE_QUERY = '(min-width: 1600px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(SIDE_BY_SIDE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the window is wide enough for list and detail side by side, now. */
export function sideBySide(): boolean {
  return window.matchMedia(SIDE_BY_SIDE_QUERY).matches;
}

/** The same as React state: follows the window's resizing. */
export function useSideBySide(): boolean {
  return useSyncExternalStore(subscribe, sideBySide);
}

/**
 * A list with its detail. On a wide window (≥ 1600 px) the list stays on the left while the record opened
 * from it shows on the right: the list keeps its filters, scroll position and selection because it is never
 * unmounted. Choosing a row moves the focus to the detail's heading; Escape in the detail (or its "Zurück
 * zur Liste") closes it and puts the focus back on the row. Below 1600 px the screen shows one or the other,
 * as before. Both screens of a pair render this component, so React keeps the list between them.
 */
export function ListDetail({
  listKey,
  list,
  detail,
  detailId,
  onClose,
}: {
  listKey: string;
  list: ReactNode;
  /** The opened record's detail, or null while only the list is shown. */
  detail: ReactNode | null;
  detailId: string | null;
  /** Leaves the detail (navigates to the list); resolves false when the user stayed (unsaved changes). */
  onClose: () => Promise<boolean>;
}) {
  const wide = useSideBySide();
  const listPane = useRef<HTMLDivElement>(null);
  const detailPane = useRef<HTMLDivElement>(null);

  // A record opened from the list: the focus goes to the detail's heading once it is there (it loads).
  const shownId = useRef<string | null>(null);
  useEffect(() => {
    if (!wide) return;
    const before = shownId.current;
    shownId.current = detailId;
    if (detailId && detailId !== before) {
      const active = document.activeElement;
      // While the detail's code loads, the content pane holds the focus (LoadingScreen): also from the list.
      const fromList = !active || active === document.body || active.id === 'main' || !!listPane.current?.contains(active);
      if (fromList) return focusWhenThere(() => detailPane.current?.querySelector<HTMLElement>('h1') ?? null);
    }
    if (!detailId && before) {
      // Back from the detail: the focus on the row that was open (as the list does when it is mounted anew).
      const place = listPlace(listKey);
      if (!place.focusSelected || !place.selectedId) return;
      updateListPlace(listKey, { focusSelected: false });
      const key = CSS.escape(place.selectedId);
      return focusWhenThere(() => listPane.current?.querySelector<HTMLElement>(`tr[data-key="${key}"] a`) ?? null);
    }
    return undefined;
  }, [wide, detailId, listKey]);

  if (!wide) return <>{detail ?? list}</>;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !detailId) return;
    // Escape belongs to an open dialog, menu or list box first.
    const target = event.target as HTMLElement;
    if (target.closest('dialog, [role="dialog"], [role="listbox"], [role="menu"], select')) return;
    event.preventDefault();
    updateListPlace(listKey, { selectedId: detailId, focusSelected: true });
    void onClose();
  };

  return (
    <div className={`list-detail${detail ? ' with-detail' : ''}`}>
      <div className="list-pane" ref={listPane}>
        {list}
      </div>
      {detail ? (
        <div className="detail-pane" ref={detailPane} onKeyDown={onKeyDown} data-scroll-region="">
          {detail}
        </div>
      ) : null}
    </div>
  );
}

/** Focuses the element once it exists (a screen may still load its data); gives up after a few seconds. */
function focusWhenThere(find: () => HTMLElement | null, timeoutMs = 4000): () => void {
  const start = performance.now();
  let frame = requestAnimationFrame(function step() {
    const el = find();
    if (el) {
      if (!el.hasAttribute('tabindex') && !el.matches('a, button, input, select, textarea')) el.tabIndex = -1;
      el.focus();
      return;
    }
    if (performance.now() - start < timeoutMs) frame = requestAnimationFrame(step);
  });
  return () => cancelAnimationFrame(frame);
}
