import { useCallback, useRef, useState } from 'react';
import type { ListView } from '@shared/settings/settings';
import { call } from '../api';

/** How one list was left: what the next visit of it starts with (issue 15, "keep my place"). */
export interface ListPlace {
  filter: Record<string, string>;
  sort: { key: string; direction: 'asc' | 'desc' } | null;
  columns: { hidden: string[] | null; widths: Record<string, number> } | null;
  /** Only for this run of the app: where the list was scrolled to and which record was opened last. */
  scrollTop: number;
  selectedId: string | null;
  /** Ids in the order shown, for "Vorherige/Nächste" on the detail. */
  order: readonly string[];
  /** Set by the detail's "Zurück"/"Vorherige"/"Nächste": the list puts the focus back on the selected row. */
  focusSelected: boolean;
}

const EMPTY: ListPlace = { filter: {}, sort: null, columns: null, scrollTop: 0, selectedId: null, order: [], focusSelected: false };

/** The lists' places while the app runs; seeded once from the per-user settings (the last start's filters). */
const places = new Map<string, ListPlace>();
let seeded = false;

export async function loadListPlaces(): Promise<void> {
  if (seeded) return;
  try {
    const settings = await call('getSettings', {});
    for (const [key, view] of Object.entries(settings.listViews ?? {})) if (!places.has(key)) places.set(key, { ...EMPTY, ...view });
  } catch {
    // Without the settings the lists start empty; nothing else depends on it.
  }
  seeded = true;
}

export function listPlace(key: string): ListPlace {
  return places.get(key) ?? EMPTY;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Changes a list's place. Filters, sort and columns are also written to the settings (debounced, one write
 * per pause), without the search text: the next start opens the list as it was left.
 */
export function updateListPlace(key: string, patch: Partial<ListPlace>): void {
  const next = { ...listPlace(key), ...patch };
  places.set(key, next);
  if (!('filter' in patch || 'sort' in patch || 'columns' in patch)) return;
  clearTimeout(timers.get(key));
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      const { query: _query, ...filter } = next.filter;
      void _query;
      const view: ListView = { filter, sort: next.sort, columns: next.columns };
      void call('saveListView', { list: key, view }).catch(() => undefined);
    }, 400),
  );
}

/** A piece of a list's place as React state that survives leaving the screen. */
export function useListPlaceState<K extends 'filter' | 'sort' | 'columns'>(
  key: string,
  part: K,
  initial: ListPlace[K],
): [ListPlace[K], (next: ListPlace[K] | ((current: ListPlace[K]) => ListPlace[K])) => void] {
  const [value, setValue] = useState<ListPlace[K]>(() => listPlace(key)[part] ?? initial);
  const latest = useRef(value);
  const set = useCallback(
    (next: ListPlace[K] | ((current: ListPlace[K]) => ListPlace[K])) => {
      const resolved = typeof next === 'function' ? (next as (c: ListPlace[K]) => ListPlace[K])(latest.current) : next;
      latest.current = resolved;
      setValue(resolved);
      updateListPlace(key, { [part]: resolved } as Partial<ListPlace>);
    },
    [key, part],
  );
  return [value, set];
}

/** The lists that keep their place, by the key under which the settings remember them. */
export const LISTS = {
  register: 'register',
  proposals: 'proposals',
  submissions: 'submissions',
  meetings: 'meetings',
  recommendations: 'recommendations',
  decisions: 'decisions',
  labs: 'labs',
  bodies: 'bodies',
  /** One per group of the Papierkorb: trash-measures, trash-meetings, … */
  trash: 'trash',
  editions: 'editions',
} as const;
