import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { de } from '@shared/i18n/de';
import { DISTRICTS, districtName } from '@shared/register/districts';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { EMPTY_FILTER, filterRows, type MeasureFilter, type MeasureRow, type SortKey } from '@shared/register/search';
import { formatDate, formatMoney } from '@shared/core/format';
import { useApp } from '../../appState';
import { useMeasureSearch } from '../../ui/useMeasureSearch';
import { useSortedRows } from './useSortedRows';
import { editionLabel } from '../editions/editionInfo';
import { DataTable, type Column } from '../../ui/DataTable';
import { LISTS, listPlace, updateListPlace, useListPlaceState } from '../../ui/listMemory';
import { BULK_STATUS_MAX } from '@shared/register/registerContract';
import { BulkStatusDialog } from './BulkStatusDialog';

const col = de.ui.register.col;
const bulk = de.ui.bulkStatus;
const REGISTER_LIST = LISTS.register;

function districtsText(row: MeasureRow): string {
  return row.districts.length === DISTRICTS.length ? de.ui.register.allDistricts : row.districts.map(districtName).join(', ');
}
function periodText(row: MeasureRow): string {
  return row.plannedStart || row.plannedEnd ? `${formatDate(row.plannedStart)} – ${formatDate(row.plannedEnd)}` : '';
}

/** The register table: filters, full-text search and sorting over all active measures, virtualised. */
export function RegisterView() {
  const { rows, reference, navigate, readOnly } = useApp();
  // Filters, Fassung and sort survive leaving the list (and, without the search text, a restart): listMemory.
  const [stored, setStored] = useListPlaceState(REGISTER_LIST, 'filter', {});
  const filter: MeasureFilter = { ...EMPTY_FILTER, ...pick(stored, Object.keys(EMPTY_FILTER)) };
  const setFilter = (next: MeasureFilter) => setStored({ ...stored, ...next });
  // The Fassung shown: the current one by default, another one, or all ('*').
  const editionChoice = stored.edition ?? null;
  const editionId = editionChoice ?? reference?.currentEditionId ?? '*';
  const [sortState, setSort] = useListPlaceState(REGISTER_LIST, 'sort', { key: 'number', direction: 'asc' });
  const sort = (sortState ?? { key: 'number', direction: 'asc' }) as { key: SortKey; direction: 'asc' | 'desc' };
  // Typing stays responsive at 10,000 measures: the list follows the deferred query.
  const deferredFilter = useDeferredValue(filter);
  const active = useMemo(() => {
    const inEdition = editionId === '*' ? null : new Set(reference?.actionFields.filter((f) => f.editionId === editionId).map((f) => f.id));
    return rows.filter((r) => !r.deletedAt && (!inEdition || inEdition.has(r.actionFieldId)));
  }, [rows, reference, editionId]);
  // The text search runs in main, where the index is kept up to date with every change (no build here).
  const search = useMeasureSearch(deferredFilter.query, rows);
  // The filter object is rebuilt from the stored list place on each render: compare it by content.
  const filterKey = JSON.stringify(deferredFilter);
  // Sorted once per list and order, then filtered (filtering keeps the order): a keystroke sorts nothing.
  const sorted = useSortedRows(active, sort.key, sort.direction);
  const shown = useMemo(
    () => filterRows(sorted, JSON.parse(filterKey) as MeasureFilter, search.matches),
    [sorted, search.matches, filterKey],
  );
  // The detail's "Vorherige/Nächste" walk through this order.
  useEffect(() => updateListPlace(REGISTER_LIST, { order: shown.map((r) => r.id) }), [shown]);
  const selectedId = listPlace(REGISTER_LIST).selectedId;
  const open = (id: string) => {
    updateListPlace(REGISTER_LIST, { selectedId: id });
    void navigate({ name: 'measure', id });
  };
  const columns = useMemo(() => registerColumns(open), [navigate]); // eslint-disable-line react-hooks/exhaustive-deps
  // Rows picked for "Status ändern für Auswahl" (kept while filters change; the dialog names them).
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const chosen = useMemo(() => rows.filter((r) => picked.has(r.id) && !r.deletedAt), [rows, picked]);

  const set = (patch: Partial<MeasureFilter>) => setFilter({ ...filter, ...patch });
  const toggleSort = (key: string) => setSort((s) => ({ key, direction: s?.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
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
              setStored({ ...stored, actionFieldId: '', edition: e.target.value });
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
        <button type="button" disabled={!filtered} onClick={() => setStored({})}>
          {de.ui.register.resetFilters}
        </button>
      </form>
      {bulkOpen ? (
        <BulkStatusDialog
          chosen={chosen}
          onClose={(text) => {
            setBulkOpen(false);
            if (!text) return;
            setPicked(new Set());
            setConfirmation(text);
          }}
        />
      ) : null}
      <DataTable
        listKey={REGISTER_LIST}
        caption={de.ui.register.tableCaption}
        columns={columns}
        rows={shown}
        rowKey={(r) => r.id}
        sort={sort}
        onSort={toggleSort}
        virtual
        busy={search.pending}
        data={{ 'data-search-shown': search.shownTerms }}
        selectedId={selectedId}
        emptyText={de.ui.register.empty}
        selection={{
          selected: picked,
          onChange: setPicked,
          rowLabel: (r) => bulk.selectRow(r.number, r.title),
          allLabel: bulk.selectAll,
          hint: bulk.keyHint,
        }}
        tools={
          <>
            <p className="count" role="status" aria-live="polite">
              {de.ui.register.count(shown.length, active.length)}
            </p>
            <div className="bulk-tools">
              <p className="selection-count" role="status" aria-live="polite">
                {/* One polite region: the selection while there is one, else the outcome of the last change. */}
                {chosen.length > 0 ? bulk.selected(chosen.length) : (confirmation ?? '')}
                {chosen.length > BULK_STATUS_MAX ? ` – ${bulk.tooMany(BULK_STATUS_MAX)}` : ''}
              </p>
              <button
                type="button"
                aria-haspopup="dialog"
                disabled={readOnly || chosen.length === 0 || chosen.length > BULK_STATUS_MAX}
                onClick={() => {
                  setConfirmation(null);
                  setBulkOpen(true);
                }}
              >
                {bulk.open}
              </button>
              {chosen.length > 0 ? (
                <button type="button" onClick={() => setPicked(new Set())}>
                  {bulk.clear}
                </button>
              ) : null}
            </div>
          </>
        }
      />
    </section>
  );
}

function pick(record: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => keys.includes(k)));
}

/** The register's columns; widths fit a 1366 px window with the navigation (≈ 1120 px for the table). */
function registerColumns(open: (id: string) => void): Column<MeasureRow>[] {
  return [
    { key: 'number', label: col.number, width: 78, fixed: true, text: (r) => r.number },
    {
      key: 'title',
      label: col.title,
      width: 220,
      grow: true,
      fixed: true,
      text: (r) => r.title,
      cell: (r) => (
        <a
          href={`#massnahme-${r.id}`}
          onClick={(e) => {
            e.preventDefault();
            open(r.id);
          }}
        >
          {r.title}
        </a>
      ),
    },
    { key: 'actionField', label: col.actionField, width: 150, priority: 3, text: (r) => r.actionFieldLabel },
    { key: 'status', label: col.status, width: 170, priority: 1, text: (r) => r.statusLabel },
    { key: 'lead', label: col.lead, width: 140, priority: 2, text: (r) => r.leadLabel },
    { key: 'districts', label: col.districts, width: 140, priority: 4, text: districtsText },
    { key: 'period', label: col.period, width: 178, priority: 3, text: periodText },
    {
      key: 'budget',
      label: col.budget,
      width: 110,
      numeric: true,
      priority: 4,
      text: (r) => (r.budgetPlannedCents > 0 ? formatMoney(r.budgetPlannedCents) : ''),
    },
  ];
}
