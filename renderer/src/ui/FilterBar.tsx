import { useDeferredValue, useState, type ReactNode } from 'react';

/** What a list's filters are set to; the list follows `deferred`, so typing stays quick with long lists. */
export interface ListFilter<F extends { query: string }> {
  value: F;
  deferred: F;
  set: (patch: Partial<F>) => void;
  reset: () => void;
  /** Anything set other than the empty filter. */
  active: boolean;
}

export function useListFilter<F extends { query: string }>(empty: F, initial?: () => F): ListFilter<F> {
  const [value, setValue] = useState<F>(initial ?? empty);
  const deferred = useDeferredValue(value);
  return {
    value,
    deferred,
    set: (patch) => setValue((f) => ({ ...f, ...patch })),
    reset: () => setValue(empty),
    active: JSON.stringify(value) !== JSON.stringify(empty),
  };
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
