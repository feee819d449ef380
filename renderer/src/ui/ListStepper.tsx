import { useEffect } from 'react';
import { de } from '@shared/i18n/de';
import { listPlace, updateListPlace } from './listMemory';
import './dataTable.css';

const texts = de.lists;

/**
 * "Vorherige / Nächste" on a detail: steps through the list as it was filtered and sorted when the record
 * was opened (issue 15), also with Alt+Bild auf / Alt+Bild ab. The position line is a live region, so a
 * screen reader hears where it landed.
 */
export function ListStepper({
  listKey,
  id,
  labelOf,
  onGo,
}: {
  listKey: string;
  id: string;
  labelOf: (id: string) => string;
  onGo: (id: string) => void;
}) {
  const order = listPlace(listKey).order;
  const index = order.indexOf(id);
  const previous = index > 0 ? order[index - 1] : undefined;
  const next = index >= 0 && index < order.length - 1 ? order[index + 1] : undefined;
  const go = (target: string | undefined) => {
    if (!target) return;
    updateListPlace(listKey, { selectedId: target });
    onGo(target);
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || (event.key !== 'PageUp' && event.key !== 'PageDown')) return;
      event.preventDefault();
      go(event.key === 'PageUp' ? previous : next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  if (index < 0) return null;
  return (
    <div className="list-stepper">
      <button
        type="button"
        disabled={!previous}
        title={previous ? texts.previousTitle(labelOf(previous)) : undefined}
        aria-keyshortcuts="Alt+PageUp"
        onClick={() => go(previous)}
      >
        ◀ {texts.previous}
      </button>
      <span role="status" className="list-position">
        {texts.position(index + 1, order.length)}
      </span>
      <button
        type="button"
        disabled={!next}
        title={next ? texts.nextTitle(labelOf(next)) : undefined}
        aria-keyshortcuts="Alt+PageDown"
        onClick={() => go(next)}
      >
        {texts.next} ▶
      </button>
    </div>
  );
}
