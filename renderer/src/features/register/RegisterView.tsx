import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { de } from '@shared/i18n/de';
import { DISTRICTS, districtName } from '@shared/register/districts';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { EMPTY_FILTER, filterRows, sortRows, type MeasureFilter, type MeasureRow, type SortKey } from '@shared/register/search';
import { formatDate, formatMoney } from '@shared/core/format';
import { useApp } from '../../appState';
import { useMeasureSearch } from '../../ui/useMeasureSearch';
import { editionLabel } from '../editions/editionInfo';

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'number', label: de.ui.register.col.number, className: 'col-number' },
  { key: 'title', label: de.ui.register.col.title, className: 'col-title' },
  { key: 'actionField', label: de.ui.register.col.actionField },
  { key: 'status', label: de.ui.register.col.status },
  { key: 'lead', label: de.ui.register.col.lead },
  { key: 'districts', label: de.ui.register.col.districts },
  { key: 'period', label: de.ui.register.col.period },
  { key: 'budget', label: de.ui.register.col.budget, className: 'num' },
];

const ROW_HEIGHT = 32;

/** The register table: filters, full-text search and sorting over all active measures, virtualised. */
export function RegisterView() {
  const { rows, reference, navigate, readOnly } = useApp();
  const [filter, setFilter] = useState<MeasureFilter>(EMPTY_FILTER);
  // The Fassung shown: the current one by default, another one, or all ('*').
  const [editionChoice, setEditionChoice] = useState<string | null>(null);
  const editionId = editionChoice ?? reference?.currentEditionId ?? '*';
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({ key: 'number', direction: 'asc' });
  // Typing stays responsive at 10,000 measures: the list follows the deferred query.
  const deferredFilter = useDeferredValue(filter);
  const active = useMemo(() => {
    const inEdition = editionId === '*' ? null : new Set(reference?.actionFields.filter((f) => f.editionId === editionId).map((f) => f.id));
    return rows.filter((r) => !r.deletedAt && (!inEdition || inEdition.has(r.actionFieldId)));
  }, [rows, reference, editionId]);
  // The text search runs in main, where the index is kept up to date with every change (no build here).
  const search = useMeasureSearch(deferredFilter.query, rows);
  const shown = useMemo(
    () => sortRows(filterRows(active, deferredFilter, search.matches), sort.key, sort.direction),
    [active, search.matches, deferredFilter, sort],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const set = (patch: Partial<MeasureFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const toggleSort = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
  const fields = reference?.actionFields.filter((f) => editionId === '*' || f.editionId === editionId) ?? [];
  const filtered =
    JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER) || (editionChoice !== null && editionChoice !== reference?.currentEditionId);

  return (
    <section aria-labelledby="register-title" className="register">
      <div className="view-head">
        <h1 id="register-title">{de.ui.register.title}</h1>
        <button type="button" className="primary" disabled={readOnly} onClick={() => void navigate({ name: 'new' })}>
          {de.ui.register.newMeasure}
        </button>
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="search">
          {de.ui.register.search}
          <input
            id="register-search"
            type="search"
            value={filter.query}
            placeholder={de.ui.register.searchPlaceholder}
            onChange={(e) => set({ query: e.target.value })}
          />
        </label>
        <label>
          {de.editions.ui.registerFilter}
          <select
            value={editionId}
            onChange={(e) => {
              setEditionChoice(e.target.value);
              set({ actionFieldId: '' });
            }}
          >
            {reference?.editions.map((e) => (
              <option key={e.id} value={e.id}>
                {editionLabel(e)}
                {e.id === reference.currentEditionId ? ` – ${de.editions.ui.current}` : ''}
              </option>
            ))}
            <option value="*">{de.editions.ui.allEditions}</option>
          </select>
        </label>
        <label>
          {de.ui.register.filterActionField}
          <select value={filter.actionFieldId} onChange={(e) => set({ actionFieldId: e.target.value })}>
            <option value="">{de.ui.register.all}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.code} {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {de.ui.register.filterStatus}
          <select value={filter.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{de.ui.register.all}</option>
            {reference?.statuses.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {de.ui.register.filterOrgUnit}
          <select value={filter.orgUnitId} onChange={(e) => set({ orgUnitId: e.target.value })}>
            <option value="">{de.ui.register.all}</option>
            {reference?.orgUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {orgUnitLabel(u)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {de.ui.register.filterDistrict}
          <select value={filter.district} onChange={(e) => set({ district: e.target.value })}>
            <option value="">{de.ui.register.all}</option>
            {DISTRICTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!filtered} onClick={() => (setFilter(EMPTY_FILTER), setEditionChoice(null))}>
          {de.ui.register.resetFilters}
        </button>
      </form>
      <p className="count" role="status" aria-live="polite">
        {de.ui.register.count(shown.length, active.length)}
      </p>
      {/* data-search-shown: the words whose result is on screen (the bench waits for it; no timing in tests). */}
      <div className="table-scroll" ref={scrollRef} aria-busy={search.pending || undefined} data-search-shown={search.shownTerms}>
        <table className="data register-table" aria-rowcount={shown.length + 1}>
          <caption className="visually-hidden">{de.ui.register.tableCaption}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.className}
                  aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS.length} ref={(el) => void (el && (el.style.height = `${paddingTop}px`))} />
              </tr>
            )}
            {items.map((item) => {
              const row = shown[item.index]!;
              return <Row key={row.id} row={row} index={item.index} onOpen={() => void navigate({ name: 'measure', id: row.id })} />;
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS.length} ref={(el) => void (el && (el.style.height = `${paddingBottom}px`))} />
              </tr>
            )}
          </tbody>
        </table>
        {shown.length === 0 && <p className="empty">{de.ui.register.empty}</p>}
      </div>
    </section>
  );
}

function Row({ row, index, onOpen }: { row: MeasureRow; index: number; onOpen: () => void }) {
  const districts = row.districts.length === DISTRICTS.length ? de.ui.register.allDistricts : row.districts.map(districtName).join(', ');
  const period = row.plannedStart || row.plannedEnd ? `${formatDate(row.plannedStart)} – ${formatDate(row.plannedEnd)}` : '';
  return (
    <tr aria-rowindex={index + 2} onDoubleClick={onOpen}>
      <td className="col-number">{row.number}</td>
      <td className="col-title" title={row.title}>
        <a
          href={`#massnahme-${row.id}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {row.title}
        </a>
      </td>
      <td title={row.actionFieldLabel}>{row.actionFieldLabel}</td>
      <td>{row.statusLabel}</td>
      <td title={row.leadLabel}>{row.leadLabel}</td>
      <td title={districts}>{districts}</td>
      <td className="nowrap">{period}</td>
      <td className="num">{row.budgetPlannedCents > 0 ? formatMoney(row.budgetPlannedCents) : ''}</td>
    </tr>
  );
}
