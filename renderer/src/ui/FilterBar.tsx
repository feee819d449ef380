import { useDeferredValue, useEffect, useState, type ReactNode } from 'react';
import { listPlace, updateListPlace } from './listMemory';

/** What a list's filters are set to; the list follows `deferred`, so typing stays quick with long lists. */
export interface ListFilter<F extends { query: string }> {
  value: F;
  deferred: F;
  set: (patch: Partial<F>) => void;
  reset: () => void;
  /** Anything set other than the empty filter. */
  active: boolean;
}

/**
 * A list's filters. With `listKey` they survive leaving the screen and – without the search text – a restart
 * (listMemory), and the content pane's scroll position comes back with them (issue 15, "keep my place").
 */
export function useListFilter<F extends { query: string }>(empty: F, initial?: () => F, listKey?: string): ListFilter<F> {
  const [value, setValue] = useState<F>(() => {
    // A link that opens the list filtered (e.g. a district in the overview) sets exactly that filter;
    // otherwise the list comes back as it was left.
    const preset = initial?.();
    const presetFilter = preset ? difference(preset, empty) : {};
    if (Object.keys(presetFilter).length > 0) return { ...empty, ...presetFilter };
    const remembered = listKey ? (listPlace(listKey).filter as Partial<F>) : {};
    return { ...empty, ...remembered };
  });
  const deferred = useDeferredValue(value);
  useEffect(() => {
    if (listKey) updateListPlace(listKey, { filter: stringsOnly(value) });
  }, [listKey, value]);
  useKeepPaneScroll(listKey);
  return {
    value,
    deferred,
    set: (patch) => setValue((f) => ({ ...f, ...patch })),
    reset: () => setValue(empty),
    active: JSON.stringify(value) !== JSON.stringify(empty),
  };
}

/** What a preset really sets (its entries that equal the empty filter set nothing). */
function difference<F extends object>(preset: F, empty: F): Partial<F> {
  return Object.fromEntries(Object.entries(preset).filter(([k, v]) => v !== (empty as Record<string, unknown>)[k])) as Partial<F>;
}

function stringsOnly(value: object): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Lists drawn in the content pane (not in a table's own scroll box): its scroll position per list. */
function useKeepPaneScroll(listKey: string | undefined) {
  useEffect(() => {
    const pane = document.getElementById('main');
    if (!listKey || !pane) return;
    const target = listPlace(listKey).scrollTop;
    // The rows arrive after the first paint: try for a moment until the pane is long enough.
    const start = performance.now();
    let frame = 0;
    const restore = () => {
      if (pane.scrollHeight - pane.clientHeight >= target || performance.now() - start > 1500) pane.scrollTop = target;
      else frame = requestAnimationFrame(restore);
    };
    if (target > 0) frame = requestAnimationFrame(restore);
    const onScroll = () => updateListPlace(listKey, { scrollTop: pane.scrollTop });
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      pane.removeEventListener('scroll', onScroll);
    };
  }, [listKey]);
}

/**
 * The search form above a list: a search box, the filters given as children, "Filter zurücksetzen" (only
 * while something is set), and below it the count line a screen reader hears when the list changes.
 */
export function FilterBar<F extends { query: string }>(props: {
  filters: ListFilter<F>;
  label?: string;
  searchLabel: string;
  searchId?: string;
  placeholder: string;
  resetLabel: string;
  count: string;
  children?: ReactNode;
}) {
  const { filters, label, searchLabel, searchId, placeholder, resetLabel, count, children } = props;
  return (
    <>
      <form className="filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
        <label className="search">
          {searchLabel}
          <input
            id={searchId}
            type="search"
            value={filters.value.query}
            placeholder={placeholder}
            onChange={(e) => filters.set({ query: e.target.value } as Partial<F>)}
          />
        </label>
        {children}
        <button type="button" disabled={!filters.active} onClick={filters.reset}>
          {resetLabel}
        </button>
      </form>
      <p className="count" role="status" aria-live="polite">
        {count}
      </p>
    </>
  );
}

/** A labelled filter list whose first entry ("alle", value '') sets no filter. */
export function FilterSelect({
  label,
  allLabel,
  value,
  onChange,
  options,
}: {
  label: string;
  allLabel: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
