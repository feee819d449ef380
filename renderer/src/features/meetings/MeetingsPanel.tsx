import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { MEETING_STATES, type Meeting } from '../../../../shared/domain/participation';
import { EMPTY_MEETING_FILTER, filterMeetings, prepareMeetings, type MeetingFilter } from '../../../../shared/domain/participationLists';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { clearFlash, peekFlash } from './flash';
import './meetings.css';

const u = de.meetingsUi;
const t = u.meetings;
const states = de.participation.meetingStates;

/** Sitzungen tab: every session of every body, newest first, with filters and search; the Papierkorb below. */
export function MeetingsPanel() {
  const { reference, navigate, save, readOnly } = useApp();
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [filter, setFilter] = useState<MeetingFilter>(EMPTY_MEETING_FILTER);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(() => {
    const flash = peekFlash();
    return flash ? { kind: 'success', text: flash } : null;
  });
  useEffect(() => clearFlash(), []);
  const deferred = useDeferredValue(filter);

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
  const deleted = useMemo(() => (meetings ?? []).filter((m) => m.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')), [meetings]);

  if (!meetings) return message ? <Notice kind="error">{message.text}</Notice> : <p>{de.ui.loading}</p>;
  const set = (patch: Partial<MeetingFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify(filter) !== JSON.stringify(EMPTY_MEETING_FILTER);
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
        <form className="filters" role="search" aria-label={u.search} onSubmit={(e) => e.preventDefault()}>
          <label className="search">
            {u.search}
            <input id="meeting-search" type="search" value={filter.query} placeholder={t.searchPlaceholder} onChange={(e) => set({ query: e.target.value })} />
          </label>
          <label>
            {t.filterBody}
            <select value={filter.bodyId} onChange={(e) => set({ bodyId: e.target.value })}>
              <option value="">{u.all}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.filterState}
            <select value={filter.state} onChange={(e) => set({ state: e.target.value as MeetingFilter['state'] })}>
              <option value="">{u.all}</option>
              {MEETING_STATES.map((s) => (
                <option key={s} value={s}>
                  {states[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.filterYear}
            <select value={filter.year} onChange={(e) => set({ year: e.target.value })}>
              <option value="">{u.all}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!filtered} onClick={() => setFilter(EMPTY_MEETING_FILTER)}>
            {u.resetFilters}
          </button>
        </form>
        <p className="count" role="status" aria-live="polite">
          {t.count(shown.length, prepared.length)}
        </p>
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

      <section aria-labelledby="meetings-trash-heading" className="meetings-trash">
        <h2 id="meetings-trash-heading">{u.trash.title}</h2>
        <p>{t.trashIntro}</p>
        {deleted.length === 0 ? (
          <p className="muted">{t.trashEmpty}</p>
        ) : (
          <table className="data compact">
            <caption className="visually-hidden">{u.trash.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.col.body}</th>
                <th scope="col">{t.col.meeting}</th>
                <th scope="col">{t.col.date}</th>
                <th scope="col">{u.trash.deletedAt}</th>
                <th scope="col">
                  <span className="visually-hidden">{de.ui.actionsColumn}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deleted.map((m) => (
                <tr key={m.id}>
                  <td>{bodyName(m.bodyId)}</td>
                  <td>{m.number}</td>
                  <td className="nowrap">{formatDate(m.date)}</td>
                  <td className="nowrap">{formatDateTime(m.deletedAt)}</td>
                  <td>
                    <button type="button" disabled={readOnly} aria-label={t.restoreLabel(label(m))} onClick={() => void restore(m)}>
                      {u.restore}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
