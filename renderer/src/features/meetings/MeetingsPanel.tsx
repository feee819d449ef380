import { useCallback, useEffect, useMemo, useState } from 'react';
import { MEETING_STATES, type Meeting } from '@shared/participation/participation';
import { EMPTY_MEETING_FILTER, filterMeetings, prepareMeetings, type MeetingFilter } from '@shared/participation/participationLists';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { FilterBar, FilterSelect, useListFilter } from '../../ui/FilterBar';
import { LISTS } from '../../ui/listMemory';
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

  if (!meetings) return message ? <Notice kind="error">{message.text}</Notice> : <p>{de.ui.loading}</p>;
  const open = (id: string) => void navigate({ name: 'meeting', id });
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
          <div className="table-wrap">
            <table className="data meetings-table">
              <caption className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.col.body}</th>
                  <th scope="col">{t.col.meeting}</th>
                  <th scope="col">{t.col.date}</th>
                  <th scope="col">{t.col.time}</th>
                  <th scope="col">{t.col.place}</th>
                  <th scope="col" className="num">
                    <abbr title={t.col.agendaLong}>{t.col.agenda}</abbr>
                  </th>
                  <th scope="col">{t.col.state}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.id} onDoubleClick={() => open(m.id)}>
                    <td>{bodyName(m.bodyId)}</td>
                    <td className="nowrap">
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
                    </td>
                    <td className="nowrap">{formatDate(m.date)}</td>
                    <td className="nowrap">{m.startTime ? t.time(m.startTime, m.endTime) : ''}</td>
                    <td>{m.place}</td>
                    <td className="num">{m.agenda.length}</td>
                    <td>{states[m.state]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length === 0 ? <p className="empty">{t.empty}</p> : null}
          </div>
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
