import { useCallback, useEffect, useMemo, useState } from 'react';
import { MEETING_STATES, type Meeting } from '@shared/participation/participation';
import { EMPTY_MEETING_FILTER, filterMeetings, prepareMeetings, type MeetingFilter } from '@shared/participation/participationLists';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { FilterBar, FilterSelect, useListFilter } from '../../ui/FilterBar';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS, listPlace, updateListPlace } from '../../ui/listMemory';
import { Notice } from '../../ui/Notice';
import { TrashSection } from '../../ui/TrashSection';
import { meetingFlash } from './flash';
import './meetings.css';

const meetingsTexts = de.meetingsUi;
const t = meetingsTexts.meetings;
const states = de.participation.meetingStates;

/** Sitzungen tab: every session of every body, newest first, with filters and search; the Papierkorb below. */
export function MeetingsPanel() {
  const { reference, navigate, save, readOnly } = useApp();
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const filters = useListFilter(EMPTY_MEETING_FILTER, undefined, LISTS.meetings);
  const { value: filter, deferred, set } = filters;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(() => {
    const flash = meetingFlash.peek();
    return flash ? { kind: 'success', text: flash } : null;
  });
  useEffect(() => meetingFlash.clear(), []);

  const load = useCallback(async () => {
    try {
      setMeetings(await call('listMeetings', {}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const bodies = useMemo(() => reference?.bodies ?? [], [reference]);
  const bodyName = useCallback((id: string) => bodies.find((b) => b.id === id)?.name ?? '', [bodies]);
  const prepared = useMemo(() => prepareMeetings(meetings ?? [], bodyName), [meetings, bodyName]);
  const shown = useMemo(() => filterMeetings(prepared, deferred), [prepared, deferred]);
  const years = useMemo(() => [...new Set(prepared.map((p) => p.item.date.slice(0, 4)))].sort().reverse(), [prepared]);
  const deleted = useMemo(
    () => (meetings ?? []).filter((m) => m.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
    [meetings],
  );

  const columns = useMemo(
    () =>
      meetingColumns(bodyName, (id) => {
        updateListPlace(LISTS.meetings, { selectedId: id });
        void navigate({ name: 'meeting', id });
      }),
    [bodyName, navigate],
  );
  // Newest first until a column is chosen.
  const { sort, onSort, sorted } = useTableSort(LISTS.meetings, columns, shown);

  if (!meetings) return message ? <Notice kind="error">{message.text}</Notice> : <p>{de.ui.loading}</p>;
  const label = (m: Meeting) => t.label(m.number, formatDate(m.date));
  const restore = async (m: Meeting) => {
    try {
      await save(() => call('restoreMeeting', { id: m.id }));
      setMessage({ kind: 'success', text: t.restored(label(m)) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <div className="meetings-panel">
      <section aria-labelledby="meetings-heading">
        <div className="view-head">
          <h2 id="meetings-heading">{t.heading}</h2>
          <button type="button" className="primary" disabled={readOnly} onClick={() => void navigate({ name: 'meeting', id: null })}>
            {t.add}
          </button>
        </div>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        <FilterBar
          filters={filters}
          label={meetingsTexts.search}
          searchLabel={meetingsTexts.search}
          searchId="meeting-search"
          placeholder={t.searchPlaceholder}
          resetLabel={meetingsTexts.resetFilters}
          count={t.count(shown.length, prepared.length)}
        >
          <FilterSelect
            label={t.filterBody}
            allLabel={meetingsTexts.all}
            value={filter.bodyId}
            onChange={(v) => set({ bodyId: v })}
            options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          />
          <FilterSelect
            label={t.filterState}
            allLabel={meetingsTexts.all}
            value={filter.state}
            onChange={(v) => set({ state: v as MeetingFilter['state'] })}
            options={MEETING_STATES.map((s) => ({ value: s, label: states[s] }))}
          />
          <FilterSelect
            label={t.filterYear}
            allLabel={meetingsTexts.all}
            value={filter.year}
            onChange={(v) => set({ year: v })}
            options={years.map((y) => ({ value: y, label: y }))}
          />
        </FilterBar>
        {prepared.length === 0 ? (
          <p className="empty">{t.noneYet}</p>
        ) : (
          <DataTable
            listKey={LISTS.meetings}
            caption={t.caption}
            columns={columns}
            rows={sorted}
            rowKey={(m) => m.id}
            sort={sort}
            onSort={onSort}
            className="table-flow"
            tableClassName="meetings-table"
            selectedId={listPlace(LISTS.meetings).selectedId}
            emptyText={t.empty}
          />
        )}
      </section>

      <TrashSection
        id="meetings-trash-heading"
        className="meetings-trash"
        title={meetingsTexts.trash.title}
        intro={t.trashIntro}
        emptyText={t.trashEmpty}
        columns={[t.col.body, t.col.meeting, t.col.date, meetingsTexts.trash.deletedAt]}
        actionsLabel={de.ui.actionsColumn}
        items={deleted}
        cells={(m) => (
          <>
            <td>{bodyName(m.bodyId)}</td>
            <td>{m.number}</td>
            <td className="nowrap">{formatDate(m.date)}</td>
            <td className="nowrap">{formatDateTime(m.deletedAt)}</td>
          </>
        )}
        restoreText={meetingsTexts.restore}
        restoreLabel={(m) => t.restoreLabel(label(m))}
        disabled={readOnly}
        onRestore={(m) => void restore(m)}
      />
    </div>
  );
}

/** The Sitzungen's columns; Ort takes the rest, Uhrzeit and TOPs give way first on a narrow pane. */
function meetingColumns(bodyName: (id: string) => string, open: (id: string) => void): Column<Meeting>[] {
  return [
    { key: 'body', label: t.col.body, width: 240, priority: 2, text: (m) => bodyName(m.bodyId) },
    {
      key: 'meeting',
      label: t.col.meeting,
      width: 100,
      fixed: true,
      text: (m) => m.number,
      cell: (m) => (
        <a
          href={`#sitzung-${m.id}`}
          aria-label={t.openLabel(m.number, bodyName(m.bodyId), formatDate(m.date))}
          onClick={(e) => {
            e.preventDefault();
            open(m.id);
          }}
        >
          {m.number}
        </a>
      ),
    },
    { key: 'date', label: t.col.date, width: 100, fixed: true, text: (m) => formatDate(m.date), sortValue: (m) => m.date },
    { key: 'time', label: t.col.time, width: 130, priority: 4, text: (m) => (m.startTime ? t.time(m.startTime, m.endTime) : '') },
    { key: 'place', label: t.col.place, width: 200, grow: true, text: (m) => m.place },
    {
      key: 'agenda',
      label: t.col.agenda,
      width: 70,
      numeric: true,
      priority: 3,
      text: (m) => String(m.agenda.length),
      sortValue: (m) => m.agenda.length,
    },
    { key: 'state', label: t.col.state, width: 200, priority: 1, text: (m) => states[m.state] },
  ];
}
