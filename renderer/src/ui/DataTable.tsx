import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { de } from '@shared/i18n/de';
import { listPlace, updateListPlace, useListPlaceState } from './listMemory';
import { ColumnsMenu } from './ColumnsMenu';
import './dataTable.css';

const texts = de.lists;

export interface Column<R> {
  key: string;
  label: string;
  /** Default width in px; the one column with `grow` takes what is left (at least its width). */
  width: number;
  grow?: boolean;
  /** Lower numbers stay longest when the pane is too narrow for all columns (until the user chooses). */
  priority?: number;
  numeric?: boolean;
  sortable?: boolean;
  /** The cell; a plain text when omitted. */
  cell?: (row: R) => ReactNode;
  /** The cell's full text: shown on hover (title) and, with the row focused, wrapped in full. */
  text: (row: R) => string;
  /** The first (key) column carries the row's link and cannot be hidden. */
  fixed?: boolean;
  /** The cell names its row for screen readers (th scope="row"), e.g. the record's number. */
  rowHeader?: boolean;
  /** What the column sorts by (useTableSort), when not its text: an ISO date, a number. */
  sortValue?: (row: R) => string | number;
  /** The head's label is for screen readers only (an action column: its buttons say what they do). */
  hideLabel?: boolean;
  /** A class on the body cells (e.g. 'buttons' for a cell of action buttons). */
  cellClass?: string;
}

export type Sort = { key: string; direction: 'asc' | 'desc' };

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/**
 * A list's sort, remembered with its place (listMemory), and its rows in that order: by the column's
 * sortValue or text, German collation with numbers in order ("HF2" before "HF10"), empty values last.
 * Without a sort chosen the rows keep the order they came in.
 */
export function useTableSort<R>(
  listKey: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  initial: Sort | null = null,
): { sort: Sort | null; onSort: (key: string) => void; sorted: readonly R[] } {
  const [sort, setSort] = useListPlaceState(listKey, 'sort', initial);
  const onSort = (key: string) => setSort((s) => ({ key, direction: s?.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column) return rows;
    const value = column.sortValue ?? column.text;
    const keyed = rows.map((row) => ({ row, v: value(row) }));
    const factor = sort.direction === 'asc' ? 1 : -1;
    keyed.sort((a, b) => {
      const emptyA = a.v === '' || a.v === null;
      const emptyB = b.v === '' || b.v === null;
      if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
      const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return order * factor;
    });
    return keyed.map((k) => k.row);
  }, [rows, columns, sort]);
  return { sort, onSort, sorted };
}

/** Rows the user can pick: a checkbox column, and Shift+Leertaste or Strg+Leertaste in a row. The caller keeps the set. */
export interface TableSelection<R> {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** The row's checkbox label ("HF1-02 Präventionsrat Hörde auswählen"). */
  rowLabel: (row: R) => string;
  /** The header checkbox: all rows of the list (also those scrolled out of view). */
  allLabel: string;
  /** How to select by keyboard, read with the header checkbox. */
  hint: string;
}

const SELECT_WIDTH = 36;

const ROW_HEIGHT = 32;
const MIN_WIDTH = 48;

/**
 * The one table of the app's lists (issue 15): fixed layout with widths that fit the pane, resizable and
 * hideable columns remembered per list ("Spalten …"), the sort on the header with one Tab stop (roving
 * focus: arrow keys choose the column, Enter sorts), full cell text on hover and – for keyboard users – in
 * the focused row, the scroll position kept while the app runs, and virtual rows for long lists.
 */
export function DataTable<R>(props: {
  listKey: string;
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  sort?: Sort | null;
  onSort?: (key: string) => void;
  /** Virtual rows (only those in view are in the page): for lists that may hold thousands. */
  virtual?: boolean;
  emptyText: string;
  /** Class of the scroll container (its height: fill the pane, or a maximum). */
  className?: string;
  tableClassName?: string;
  selectedId?: string | null;
  /** The row that is the current one of its kind (aria-current, e.g. the current Fassung; also said in words). */
  rowCurrent?: (row: R) => boolean;
  /** A class for a row (e.g. 'is-overdue'; the state is also said in words in a cell). */
  rowClassName?: (row: R) => string | undefined;
  /** Shown left of "Spalten …" (the count line). */
  tools?: ReactNode;
  /** The rows are about to change (e.g. a search answer is on its way): aria-busy on the table. */
  busy?: boolean;
  /** Extra data-* attributes on the scroll container (the bench waits for data-search-shown). */
  data?: Record<`data-${string}`, string>;
  selection?: TableSelection<R>;
}) {
  const {
    listKey,
    caption,
    columns,
    rows,
    rowKey,
    sort,
    onSort,
    virtual,
    emptyText,
    className,
    tableClassName,
    selectedId,
    rowClassName,
    rowCurrent,
    tools,
    busy,
    data,
    selection,
  } = props;
  const selectWidth = selection ? SELECT_WIDTH : 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [layout, setLayout] = useListPlaceState(listKey, 'columns', null);
  const [paneWidth, setPaneWidth] = useState(0);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setPaneWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setPaneWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const widthOf = (c: Column<R>) => layout?.widths[c.key] ?? c.width;
  const shown = useMemo(
    () => visibleColumns(columns, layout?.hidden ?? null, (c) => layout?.widths[c.key] ?? c.width, paneWidth - selectWidth),
    [columns, layout, paneWidth, selectWidth],
  );

  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const indexes = virtual ? items.map((i) => i.index) : rows.map((_, i) => i);

  // Back on the list: the scroll position it had, and the focus on the record opened last.
  const restored = useRef(false);
  useEffect(() => {
    const el = scrollRef.current;
    if (restored.current || !el || rows.length === 0) return;
    restored.current = true;
    const place = listPlace(listKey);
    const selectedIndex = place.selectedId ? rows.findIndex((r) => rowKey(r) === place.selectedId) : -1;
    if (virtual) virtualizer.scrollToOffset(place.scrollTop);
    else el.scrollTop = place.scrollTop;
    if (!place.focusSelected || selectedIndex < 0) return;
    updateListPlace(listKey, { focusSelected: false });
    if (virtual) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    requestAnimationFrame(() =>
      el
        .querySelector<HTMLElement>(
          `tr[data-key="${CSS.escape(place.selectedId!)}"] a, tr[data-key="${CSS.escape(place.selectedId!)}"] button`,
        )
        ?.focus(),
    );
  }, [rows, listKey, rowKey, virtual, virtualizer]);

  // The header row is one Tab stop: the arrow keys move between the column heads.
  const [activeHead, setActiveHead] = useState(0);
  const onHeadKey = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const sortable = shown.filter((c) => c.sortable !== false && onSort);
    if (sortable.length === 0) return;
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? sortable.length - 1 : delta ? activeHead + delta : -1;
    if (to < 0 || to >= sortable.length) return;
    event.preventDefault();
    setActiveHead(to);
    event.currentTarget.querySelectorAll<HTMLButtonElement>('button.sort')[to]?.focus();
  };

  const resize = (column: Column<R>, width: number) =>
    setLayout((l) => ({
      hidden: l?.hidden ?? null,
      widths: { ...(l?.widths ?? {}), [column.key]: Math.max(MIN_WIDTH, Math.round(width)) },
    }));

  let sortIndex = -1;
  const tableWidth = shown.reduce((sum, c) => sum + widthOf(c), selectWidth);
  const spanAll = shown.length + (selection ? 1 : 0);
  const toggle = (key: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };
  const allSelected = !!selection && rows.length > 0 && rows.every((r) => selection.selected.has(rowKey(r)));
  const someSelected = !!selection && !allSelected && rows.some((r) => selection.selected.has(rowKey(r)));
  return (
    <div className="data-table">
      <div className="data-table-tools">
        {tools}
        <ColumnsMenu
          columns={columns}
          shown={shown.map((c) => c.key)}
          widthOf={(key) => widthOf(columns.find((c) => c.key === key)!)}
          onHidden={(hidden) => setLayout((l) => ({ widths: l?.widths ?? {}, hidden }))}
          onWidth={(key, width) =>
            resize(
              columns.find((c) => c.key === key)!,
              width,
            )
          }
          onReset={() => setLayout(null)}
        />
      </div>
      <div
        className={`table-scroll ${className ?? ''}`}
        ref={scrollRef}
        aria-busy={busy || undefined}
        {...data}
        onScroll={(e) => updateListPlace(listKey, { scrollTop: e.currentTarget.scrollTop })}
      >
        <table className={`data data-grid ${tableClassName ?? ''}`} aria-rowcount={rows.length + 1} style={{ minWidth: `${tableWidth}px` }}>
          <caption className="visually-hidden">{caption}</caption>
          <colgroup>
            {selection ? <col style={{ width: `${SELECT_WIDTH}px` }} /> : null}
            {shown.map((c) => (
              <col key={c.key} style={c.grow ? undefined : { width: `${widthOf(c)}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1} onKeyDown={onHeadKey}>
              {selection ? (
                <th scope="col" className="select">
                  <input
                    type="checkbox"
                    aria-label={selection.allLabel}
                    aria-describedby={`${hintId}-select`}
                    checked={allSelected}
                    ref={(el) => {
                      if (el) el.indeterminate = someSelected;
                    }}
                    onChange={() => selection.onChange(allSelected ? new Set() : new Set(rows.map(rowKey)))}
                  />
                </th>
              ) : null}
              {shown.map((c) => {
                const sorted = sort?.key === c.key ? sort.direction : null;
                const canSort = c.sortable !== false && !!onSort;
                if (canSort) sortIndex++;
                const mine = sortIndex;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        className="sort"
                        tabIndex={mine === Math.min(activeHead, sortableCount(shown, !!onSort) - 1) ? 0 : -1}
                        aria-describedby={hintId}
                        onFocus={() => setActiveHead(mine)}
                        onClick={() => onSort?.(c.key)}
                      >
                        {c.label}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : c.hideLabel ? (
                      <span className="visually-hidden">{c.label}</span>
                    ) : (
                      c.label
                    )}
                    <ResizeHandle onResize={(dx, start) => resize(c, start + dx)} startWidth={() => widthOf(c)} />
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={spanAll} style={{ height: `${paddingTop}px` }} />
              </tr>
            )}
            {indexes.map((index) => {
              const row = rows[index]!;
              const key = rowKey(row);
              return (
                <tr
                  key={key}
                  data-key={key}
                  data-index={index}
                  ref={virtual ? virtualizer.measureElement : undefined}
                  aria-rowindex={index + 2}
                  aria-current={rowCurrent?.(row) ? 'true' : undefined}
                  className={
                    [key === selectedId ? 'selected' : '', selection?.selected.has(key) ? 'picked' : '', rowClassName?.(row) ?? '']
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                  onKeyDown={
                    selection
                      ? (e) => {
                          if (e.key === ' ' && (e.shiftKey || e.ctrlKey)) {
                            e.preventDefault();
                            toggle(key);
                          }
                        }
                      : undefined
                  }
                >
                  {selection ? (
                    <td className="select">
                      <input
                        type="checkbox"
                        aria-label={selection.rowLabel(row)}
                        checked={selection.selected.has(key)}
                        onChange={() => toggle(key)}
                      />
                    </td>
                  ) : null}
                  {shown.map((c) => {
                    const text = c.text(row);
                    const Cell = c.rowHeader ? 'th' : 'td';
                    return (
                      <Cell
                        key={c.key}
                        scope={c.rowHeader ? 'row' : undefined}
                        className={[c.numeric ? 'num' : '', c.cellClass ?? ''].filter(Boolean).join(' ') || undefined}
                        title={text || undefined}
                      >
                        {c.cell ? c.cell(row) : text}
                      </Cell>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={spanAll} style={{ height: `${paddingBottom}px` }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">{emptyText}</p>}
      </div>
      <span id={hintId} hidden>
        {texts.sortHint}
      </span>
      {selection ? (
        <span id={`${hintId}-select`} hidden>
          {selection.hint}
        </span>
      ) : null}
    </div>
  );
}

function sortableCount<R>(shown: readonly Column<R>[], canSort: boolean): number {
  return canSort ? shown.filter((c) => c.sortable !== false).length : 0;
}

/**
 * The columns shown: the user's choice, or – until they choose – all that fit the pane, dropping the
 * lowest priority first (so nothing is cut to "in Umsetzu…" at 1366 px; the menu shows what is hidden).
 */
export function visibleColumns<C extends { key: string; fixed?: boolean; grow?: boolean; priority?: number }>(
  columns: readonly C[],
  hidden: readonly string[] | null,
  widthOf: (c: C) => number,
  paneWidth: number,
): C[] {
  if (hidden) return columns.filter((c) => c.fixed || !hidden.includes(c.key));
  let shown = [...columns];
  if (paneWidth <= 0) return shown;
  const byPriority = [...columns].filter((c) => !c.fixed && !c.grow).sort((a, b) => (b.priority ?? 5) - (a.priority ?? 5));
  for (const drop of byPriority) {
    if (shown.reduce((sum, c) => sum + widthOf(c), 0) <= paneWidth) break;
    shown = shown.filter((c) => c !== drop);
  }
  return shown;
}

/** A mouse handle on the column's right edge; keyboard users set the width in "Spalten …". */
function ResizeHandle({ onResize, startWidth }: { onResize: (dx: number, start: number) => void; startWidth: () => number }) {
  return (
    <span
      className="col-resize"
      aria-hidden="true"
      onPointerDown={(event) => {
        event.preventDefault();
        const handle = event.currentTarget;
        handle.setPointerCapture(event.pointerId);
        const x0 = event.clientX;
        const w0 = startWidth();
        const move = (e: PointerEvent) => onResize(e.clientX - x0, w0);
        const up = () => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', up);
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', up);
      }}
    />
  );
}
