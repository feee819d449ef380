import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { localDay } from '@shared/core/calendar';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { foldForSearch } from '@shared/register/search';
import { DECISION_STATES, type TrackedDecision } from '@shared/participation/tracking';
import { halfYearOf, halfYearRange, isDecisionOpen, type TrackingRow } from '@shared/participation/trackingReport';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { FilterBar, FilterSelect, useListFilter } from '../../ui/FilterBar';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS, listPlace, updateListPlace } from '../../ui/listMemory';
import { Notice } from '../../ui/Notice';
import { ExportProgress } from '../export/ExportProgress';
import { useExportProgress } from '../export/useExportProgress';
import { decisionRows, halfYearChoices, parsePeriodKey, periodKey, rowHaystack } from './decisionData';
import './tracking.css';

const trackingPanelTexts = de.trackingUi.panel;
const participationTexts = de.participation;

interface Filter {
  query: string;
  state: string;
  bodyId: string;
  orgUnitId: string;
  onlyOverdue: boolean;
  onlyPeriod: boolean;
}
const EMPTY: Filter = { query: '', state: '', bodyId: '', orgUnitId: '', onlyOverdue: false, onlyPeriod: false };

/**
 * Beschlussverfolgung (tab of Gremien & Beteiligung): what is overdue first, then every tracked decision
 * with filters, and the half-yearly report to the council as Excel table or as draft Mitteilung.
 */
export function TrackingPanel() {
  const { navigate, reference, rows: measureRows, save, readOnly } = useApp();
  const [decisions, setDecisions] = useState<TrackedDecision[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const filters = useListFilter(EMPTY, undefined, LISTS.decisions);
  const { value: filter, deferred, set } = filters;
  const today = localDay();
  const [periodValue, setPeriodValue] = useState(() => periodKey(halfYearOf(today)));
  const period = useMemo(() => parsePeriodKey(periodValue), [periodValue]);
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const { progress, track, cancel } = useExportProgress();
  const excelButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setDecisions(await call('listTrackedDecisions', {}));
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const all = useMemo(
    () => (decisions && reference ? decisionRows(decisions, reference, measureRows, today) : []),
    [decisions, reference, measureRows, today],
  );
  const inPeriod = useMemo(
    () => (decisions && reference ? decisionRows(decisions, reference, measureRows, today, period) : []),
    [decisions, reference, measureRows, today, period],
  );
  const overdue = useMemo(
    () =>
      all
        .filter((r) => r.overdue)
        .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.printNumber.localeCompare(b.printNumber)),
    [all],
  );
  const byId = useMemo(() => new Map((decisions ?? []).map((d) => [d.id, d])), [decisions]);
  const shown = useMemo(() => {
    const words = foldForSearch(deferred.query).split(/\s+/).filter(Boolean);
    const periodIds = new Set(inPeriod.map((r) => r.id));
    return all.filter((r) => {
      const d = byId.get(r.id);
      if (deferred.state === 'open' ? !isDecisionOpen(r.state) : deferred.state && r.state !== deferred.state) return false;
      if (deferred.bodyId && d?.bodyId !== deferred.bodyId) return false;
      if (deferred.orgUnitId && d?.responsibleOrgUnitId !== deferred.orgUnitId) return false;
      if (deferred.onlyOverdue && !r.overdue) return false;
      if (deferred.onlyPeriod && !periodIds.has(r.id)) return false;
      if (words.length === 0) return true;
      const haystack = rowHaystack(r);
      return words.every((w) => haystack.includes(w));
    });
  }, [all, inPeriod, byId, deferred]);

  const columns = useMemo(
    () =>
      decisionColumns((id) => {
        updateListPlace(LISTS.decisions, { selectedId: id });
        void navigate({ name: 'decision', id });
      }),
    [navigate],
  );
  const { sort, onSort, sorted } = useTableSort(LISTS.decisions, columns, shown);

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!decisions || !reference) return <p>{de.ui.loading}</p>;

  const open = (id: string) => void navigate({ name: 'decision', id });
  const choices = halfYearChoices(
    halfYearOf(today),
    decisions.filter((d) => !d.deletedAt),
  );
  const periodLabel = halfYearRange(period).label;
  const usedBodies = new Set(decisions.map((d) => d.bodyId));
  const usedUnits = new Set(decisions.map((d) => d.responsibleOrgUnitId));

  const exportExcel = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const { value: result, cancelled } = await track(() => call('exportTracking', { period, open: openAfter }));
      setMessage(
        result
          ? { kind: 'success', text: trackingPanelTexts.report.written(result.path) }
          : { kind: 'info', text: cancelled ? de.ui.exportProgress.cancelled : trackingPanelTexts.report.cancelled },
      );
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const createMitteilung = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const result = await save(() => call('createTrackingMitteilung', { period }));
      await navigate({ name: 'submission', id: result.value.id });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <section className="tracking" aria-labelledby="tracking-title">
      <div className="view-head">
        <h2 id="tracking-title">{trackingPanelTexts.heading}</h2>
        <button type="button" className="primary" disabled={readOnly} onClick={() => void navigate({ name: 'decision', id: null })}>
          {trackingPanelTexts.newDecision}
        </button>
      </div>
      <p className="muted">{trackingPanelTexts.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}

      <section className="tracking-overdue" aria-labelledby="tracking-overdue-title">
        <h3 id="tracking-overdue-title">{trackingPanelTexts.overdueHeading(overdue.length)}</h3>
        {overdue.length === 0 ? (
          <p>{trackingPanelTexts.overdueNone}</p>
        ) : (
          <>
            <p className="hint">{trackingPanelTexts.overdueIntro}</p>
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{trackingPanelTexts.overdueCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{trackingPanelTexts.col.printNumber}</th>
                    <th scope="col">{trackingPanelTexts.col.subject}</th>
                    <th scope="col">{trackingPanelTexts.col.dueDate}</th>
                    <th scope="col">{trackingPanelTexts.col.responsible}</th>
                    <th scope="col">{trackingPanelTexts.col.state}</th>
                  </tr>
                </thead>
                <tbody>
                  {overdue.map((r) => (
                    <tr key={r.id} className="is-overdue">
                      <td className="nowrap">{r.printNumber}</td>
                      <td>
                        <SubjectLink row={r} onOpen={open} />
                      </td>
                      <td className="nowrap">
                        <DueDate row={r} />
                      </td>
                      <td>{r.responsible}</td>
                      <td>{participationTexts.decisionStates[r.state]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="tracking-report" aria-labelledby="tracking-report-title">
        <h3 id="tracking-report-title">{trackingPanelTexts.report.heading}</h3>
        <div className="filters">
          <label>
            {trackingPanelTexts.report.period}
            <select
              value={periodValue}
              aria-describedby="tracking-report-hint tracking-report-count"
              onChange={(e) => setPeriodValue(e.target.value)}
            >
              {choices.map((c) => (
                <option key={periodKey(c)} value={periodKey(c)}>
                  {halfYearRange(c).label}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)} />
            {trackingPanelTexts.report.openAfter}
          </label>
          <button type="button" ref={excelButton} disabled={busy} onClick={() => void exportExcel()}>
            {trackingPanelTexts.report.exportExcel}
          </button>
          <button type="button" disabled={busy || readOnly} onClick={() => void createMitteilung()}>
            {trackingPanelTexts.report.createMitteilung}
          </button>
          {busy && !progress ? <span role="status">{trackingPanelTexts.report.busy}</span> : null}
        </div>
        {progress ? <ExportProgress state={progress} onCancel={cancel} returnFocus={() => excelButton.current} /> : null}
        <p id="tracking-report-count" className="count">
          {trackingPanelTexts.report.inPeriod(inPeriod.length, periodLabel)}
        </p>
        <p id="tracking-report-hint" className="hint">
          {trackingPanelTexts.report.hint}
        </p>
      </section>

      <section aria-labelledby="tracking-list-title">
        <h3 id="tracking-list-title">{trackingPanelTexts.listHeading}</h3>
        <FilterBar
          filters={filters}
          label={trackingPanelTexts.filters}
          searchLabel={trackingPanelTexts.search}
          placeholder={trackingPanelTexts.searchPlaceholder}
          resetLabel={trackingPanelTexts.resetFilters}
          count={trackingPanelTexts.count(shown.length, all.length)}
        >
          <FilterSelect
            label={trackingPanelTexts.filterState}
            allLabel={trackingPanelTexts.all}
            value={filter.state}
            onChange={(v) => set({ state: v })}
            options={[
              { value: 'open', label: trackingPanelTexts.allOpen },
              ...DECISION_STATES.map((s) => ({ value: s, label: participationTexts.decisionStates[s] })),
            ]}
          />
          <FilterSelect
            label={trackingPanelTexts.filterBody}
            allLabel={trackingPanelTexts.all}
            value={filter.bodyId}
            onChange={(v) => set({ bodyId: v })}
            options={reference.bodies.filter((b) => usedBodies.has(b.id)).map((b) => ({ value: b.id, label: b.name }))}
          />
          <FilterSelect
            label={trackingPanelTexts.filterResponsible}
            allLabel={trackingPanelTexts.all}
            value={filter.orgUnitId}
            onChange={(v) => set({ orgUnitId: v })}
            options={reference.orgUnits.filter((u) => usedUnits.has(u.id)).map((u) => ({ value: u.id, label: orgUnitLabel(u) }))}
          />
          <label className="checkbox">
            <input type="checkbox" checked={filter.onlyOverdue} onChange={(e) => set({ onlyOverdue: e.target.checked })} />
            {trackingPanelTexts.onlyOverdue}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={filter.onlyPeriod} onChange={(e) => set({ onlyPeriod: e.target.checked })} />
            {trackingPanelTexts.onlyPeriod}
          </label>
        </FilterBar>
        {all.length === 0 ? (
          <p className="empty">{trackingPanelTexts.noneYet}</p>
        ) : shown.length === 0 ? (
          <p className="empty">{trackingPanelTexts.noneMatch}</p>
        ) : (
          <DataTable
            listKey={LISTS.decisions}
            caption={trackingPanelTexts.tableCaption}
            columns={columns}
            rows={sorted}
            rowKey={(r) => r.id}
            sort={sort}
            onSort={onSort}
            className="table-flow"
            tableClassName="tracking-table"
            rowClassName={(r) => (r.overdue ? 'is-overdue' : undefined)}
            selectedId={listPlace(LISTS.decisions).selectedId}
            emptyText={trackingPanelTexts.noneMatch}
          />
        )}
      </section>
    </section>
  );
}

function SubjectLink({ row, onOpen }: { row: TrackingRow; onOpen: (id: string) => void }) {
  return (
    <a
      href={`#beschluss-${row.id}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(row.id);
      }}
    >
      {row.subject}
    </a>
  );
}

/** The deadline, and "überfällig" as a word beside it (the colour only repeats it). */
function DueDate({ row }: { row: TrackingRow }) {
  return (
    <>
      <span className="nowrap">{formatDate(row.dueDate)}</span>
      {row.overdue ? (
        <>
          {' '}
          <strong className="overdue-mark">{trackingPanelTexts.overdue}</strong>
        </>
      ) : null}
    </>
  );
}

/** The decisions' columns: all ten fit 1366 px (about 1150 px, with the pane's scroll bar); antragstellend gives way first. */
function decisionColumns(open: (id: string) => void): Column<TrackingRow>[] {
  const col = trackingPanelTexts.col;
  const state = (r: TrackingRow) => participationTexts.decisionStates[r.state];
  return [
    { key: 'printNumber', label: col.printNumber, width: 90, fixed: true, text: (r) => r.printNumber },
    { key: 'body', label: col.body, width: 80, priority: 3, text: (r) => r.body },
    {
      key: 'decidedOn',
      label: col.decidedOn,
      width: 96,
      priority: 2,
      text: (r) => formatDate(r.decidedOn),
      sortValue: (r) => r.decidedOn,
    },
    { key: 'requestingGroup', label: col.requestingGroup, width: 120, priority: 5, text: (r) => r.requestingGroup },
    {
      key: 'subject',
      label: col.subject,
      width: 130,
      grow: true,
      fixed: true,
      text: (r) => `${r.subject} (${participationTexts.decisionKinds[r.kind]})`,
      sortValue: (r) => r.subject,
      cell: (r) => (
        <>
          <SubjectLink row={r} onOpen={open} />
          <span className="muted kind">{participationTexts.decisionKinds[r.kind]}</span>
        </>
      ),
    },
    {
      key: 'dueDate',
      label: col.dueDate,
      width: 166,
      priority: 1,
      text: (r) => (r.overdue ? `${formatDate(r.dueDate)} ${trackingPanelTexts.overdue}` : formatDate(r.dueDate)),
      sortValue: (r) => r.dueDate ?? '',
      cell: (r) => <DueDate row={r} />,
    },
    { key: 'responsible', label: col.responsible, width: 120, priority: 3, text: (r) => r.responsible },
    { key: 'measures', label: col.measures, width: 90, priority: 4, text: (r) => r.measures },
    {
      key: 'state',
      label: col.state,
      width: 130,
      priority: 1,
      text: (r) => (r.stateText ? `${state(r)}: ${r.stateText}` : state(r)),
      sortValue: state,
      cell: (r) => (
        <>
          <span className={`decision-state state-${r.state}`}>{state(r)}</span>
          {r.stateText ? <span className="state-text">{r.stateText}</span> : null}
        </>
      ),
    },
    {
      key: 'lastUpdate',
      label: col.lastUpdate,
      width: 96,
      priority: 4,
      text: (r) => formatDate(r.lastUpdateOn),
      sortValue: (r) => r.lastUpdateOn,
    },
  ];
}
