import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SubmissionRow } from '@shared/contract';
import { localDay } from '@shared/core/calendar';
import { ADDRESSEES, RECOMMENDATION_STATES, type Meeting, type RecommendationRecord } from '@shared/participation/participation';
import { foldForSearch } from '@shared/register/search';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { FilterBar, FilterSelect, useListFilter } from '../../ui/FilterBar';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS } from '../../ui/listMemory';
import { Notice } from '../../ui/Notice';
import { TrashSection } from '../../ui/TrashSection';
import { newRecommendationForm, toRecommendationForm, type RecommendationForm as FormState } from './meetingForm';
import { RecommendationForm, submissionLabel } from './RecommendationForm';
import './meetings.css';
import { useFocusLater } from './useFocusLater';

const meetingsTexts = de.meetingsUi;
const t = meetingsTexts.recommendations;
const participationTexts = de.participation;

interface Filter {
  query: string;
  addressee: string;
  state: string;
}
const EMPTY: Filter = { query: '', addressee: '', state: '' };
const SHORT_HANDLING = 160;

/** Empfehlungen tab: every recommendation with what became of it; add and edit in a form above the list. */
export function RecommendationsPanel() {
  const { reference, navigate, save, confirm, readOnly, setDirty } = useApp();
  const [records, setRecords] = useState<RecommendationRecord[] | null>(null);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [submissions, setSubmissions] = useState<SubmissionRow[]>([]);
  const filters = useListFilter(EMPTY, undefined, LISTS.recommendations);
  const { value: filter, deferred, set } = filters;
  const [editing, setEditing] = useState<{ record: RecommendationRecord | null; initial: FormState } | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const dirty = useRef(false);
  const focusLater = useFocusLater();

  const load = useCallback(async () => {
    try {
      const [recs, mts, subs] = await Promise.all([call('listRecommendations', {}), call('listMeetings', {}), call('listSubmissions', {})]);
      setRecords(recs);
      setMeetings(mts);
      setSubmissions(subs);
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => () => setDirty(false), [setDirty]);

  const bodies = useMemo(() => reference?.bodies ?? [], [reference]);
  const active = useMemo(
    () =>
      (records ?? [])
        .filter((r) => !r.deletedAt)
        .sort((a, b) => b.date.localeCompare(a.date) || b.number.localeCompare(a.number, 'de', { numeric: true })),
    [records],
  );
  const prepared = useMemo(
    () => active.map((r) => ({ item: r, haystack: foldForSearch(`${r.number} ${r.title} ${r.text} ${r.handling}`) })),
    [active],
  );
  const shown = useMemo(() => {
    const words = foldForSearch(deferred.query).split(/\s+/).filter(Boolean);
    return prepared
      .filter(
        ({ item, haystack }) =>
          (!deferred.addressee || item.addressee === deferred.addressee) &&
          (!deferred.state || item.state === deferred.state) &&
          words.every((w) => haystack.includes(w)),
      )
      .map((x) => x.item);
  }, [prepared, deferred]);
  const deleted = useMemo(
    () => (records ?? []).filter((r) => r.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
    [records],
  );
  const numbers = useMemo(() => (records ?? []).map((r) => r.number), [records]);

  const bodyName = (id: string | null) =>
    id ? ((bodies.find((b) => b.id === id)?.shortName || bodies.find((b) => b.id === id)?.name) ?? '') : '';
  const defaultBodyId = (bodies.find((b) => b.kind === 'beteiligung' && b.active) ?? bodies[0])?.id ?? '';

  const startNew = () => {
    setMessage(null);
    setEditing({ record: null, initial: newRecommendationForm({ bodyId: defaultBodyId, date: localDay() }, numbers) });
  };
  const startEdit = (r: RecommendationRecord) => {
    setMessage(null);
    setEditing({ record: r, initial: toRecommendationForm(r) });
  };
  const close = (focusId?: string) => {
    setEditing(null);
    markDirty(false);
    focusLater(() => (focusId ? document.getElementById(focusId) : addButton.current));
  };
  const cancel = async () => {
    // Abbrechen with unsaved input asks first, as leaving the screen does.
    if (
      dirty.current &&
      !(await confirm({
        title: de.ui.measure.unsavedTitle,
        text: de.ui.measure.unsavedText,
        confirmLabel: de.ui.measure.discard,
        cancelLabel: de.ui.measure.keepEditing,
      }))
    )
      return;
    close(editing?.record ? `rec-edit-${editing.record.id}` : undefined);
  };
  const markDirty = (value: boolean) => {
    dirty.current = value;
    setDirty(value);
  };
  // The confirmation is the app's one (RecommendationForm passes it to save()).
  const saved = async (r: RecommendationRecord) => {
    await load();
    close(`rec-edit-${r.id}`);
  };
  const remove = async (r: RecommendationRecord) => {
    if (!(await confirm({ title: t.deleteTitle, text: t.deleteConfirm(r.number), confirmLabel: t.deleteTitle }))) return;
    try {
      await save(() => call('deleteRecommendation', { id: r.id, version: r.version }));
      setMessage({ kind: 'success', text: t.deleted(r.number) });
      if (editing?.record?.id === r.id) close();
      await load();
      focusLater(() => addButton.current);
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  const restore = async (r: RecommendationRecord) => {
    try {
      await save(() => call('restoreRecommendation', { id: r.id }));
      setMessage({ kind: 'success', text: t.restored(r.number) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const origin = (r: RecommendationRecord) => {
    const meeting = r.meetingId ? meetings.find((m) => m.id === r.meetingId) : undefined;
    const top = meeting && r.agendaItemId ? meeting.agenda.find((a) => a.id === r.agendaItemId) : undefined;
    return (
      <>
        {bodyName(r.bodyId)}
        {meeting ? (
          <>
            {', '}
            <a
              href={`#sitzung-${meeting.id}`}
              aria-label={t.openMeetingLabel(meetingsTexts.meetings.label(meeting.number, formatDate(meeting.date)))}
              onClick={(e) => {
                e.preventDefault();
                void navigate({ name: 'meeting', id: meeting.id });
              }}
            >
              {meeting.number}
            </a>
          </>
        ) : null}
        {top ? `, ${meetingsTexts.agenda.label(top.number)}` : null}
      </>
    );
  };
  const handling = (r: RecommendationRecord) => {
    const sub = r.submissionId ? submissions.find((s) => s.id === r.submissionId) : undefined;
    const text = r.handling.length > SHORT_HANDLING ? `${r.handling.slice(0, SHORT_HANDLING).trimEnd()} …` : r.handling;
    return (
      <>
        {sub ? <span className="block">{t.submissionLine(submissionLabel(sub))}</span> : null}
        {text ? <span className="block pre-line">{text}</span> : null}
      </>
    );
  };

  const originText = (r: RecommendationRecord) => {
    const meeting = r.meetingId ? meetings.find((m) => m.id === r.meetingId) : undefined;
    const top = meeting && r.agendaItemId ? meeting.agenda.find((a) => a.id === r.agendaItemId) : undefined;
    return [bodyName(r.bodyId), meeting?.number, top ? meetingsTexts.agenda.label(top.number) : undefined].filter(Boolean).join(', ');
  };
  const handlingText = (r: RecommendationRecord) => {
    const sub = r.submissionId ? submissions.find((s) => s.id === r.submissionId) : undefined;
    return [sub ? t.submissionLine(submissionLabel(sub)) : '', r.handling].filter(Boolean).join(' – ');
  };
  const addresseeText = (r: RecommendationRecord) =>
    r.addressee === 'ausschuss' && r.addresseeBodyId
      ? t.addresseeWithBody(participationTexts.addressees[r.addressee], bodyName(r.addresseeBodyId))
      : participationTexts.addressees[r.addressee];

  // The columns read the panel's current state (meetings, submissions, editing): rebuilt on each render.
  // All eight fit 1366 px (about 1150 px, with room for the pane's scroll bar); Behandlung gives way first.
  const columns: Column<RecommendationRecord>[] = [
    { key: 'number', label: t.col.number, width: 90, fixed: true, rowHeader: true, text: (r) => r.number },
    { key: 'date', label: t.col.date, width: 96, priority: 2, text: (r) => formatDate(r.date), sortValue: (r) => r.date },
    { key: 'origin', label: t.col.origin, width: 160, priority: 2, text: originText, cell: origin },
    { key: 'addressee', label: t.col.addressee, width: 130, priority: 3, text: addresseeText },
    { key: 'title', label: t.col.title, width: 150, grow: true, fixed: true, text: (r) => r.title },
    { key: 'state', label: t.col.state, width: 130, priority: 1, text: (r) => participationTexts.recommendationStates[r.state] },
    { key: 'handling', label: t.col.handling, width: 170, priority: 4, text: handlingText, cell: handling },
    {
      key: 'actions',
      label: de.ui.actionsColumn,
      width: 196,
      fixed: true,
      sortable: false,
      text: () => '',
      cell: (r) => (
        <span className="buttons">
          <button
            type="button"
            id={`rec-edit-${r.id}`}
            disabled={readOnly || editing !== null}
            aria-label={t.editLabel(r.number)}
            onClick={() => startEdit(r)}
          >
            {meetingsTexts.edit}
          </button>
          <button type="button" disabled={readOnly} aria-label={t.deleteLabel(r.number)} onClick={() => void remove(r)}>
            {meetingsTexts.delete}
          </button>
        </span>
      ),
    },
  ];
  const { sort, onSort, sorted } = useTableSort(LISTS.recommendations, columns, shown);

  if (!records || !reference) return message ? <Notice kind="error">{message.text}</Notice> : <p>{de.ui.loading}</p>;
  return (
    <div className="meetings-panel">
      <section aria-labelledby="recs-heading">
        <div className="view-head">
          <h2 id="recs-heading">{t.heading}</h2>
          <button ref={addButton} type="button" className="primary" disabled={readOnly || editing !== null} onClick={startNew}>
            {t.add}
          </button>
        </div>
        <p className="intro">{t.intro}</p>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {editing ? (
          <RecommendationForm
            key={editing.record?.id ?? 'neu'}
            idPrefix="rec"
            record={editing.record}
            initial={editing.initial}
            meetings={meetings}
            submissions={submissions}
            existingNumbers={numbers}
            onSaved={(r) => void saved(r)}
            onCancel={() => void cancel()}
            onDirtyChange={markDirty}
          />
        ) : null}
        <FilterBar
          filters={filters}
          label={meetingsTexts.search}
          searchLabel={meetingsTexts.search}
          placeholder={t.searchPlaceholder}
          resetLabel={meetingsTexts.resetFilters}
          count={t.count(shown.length, active.length)}
        >
          <FilterSelect
            label={t.filterAddressee}
            allLabel={meetingsTexts.all}
            value={filter.addressee}
            onChange={(v) => set({ addressee: v })}
            options={ADDRESSEES.map((a) => ({ value: a, label: participationTexts.addressees[a] }))}
          />
          <FilterSelect
            label={t.filterState}
            allLabel={meetingsTexts.all}
            value={filter.state}
            onChange={(v) => set({ state: v })}
            options={RECOMMENDATION_STATES.map((s) => ({ value: s, label: participationTexts.recommendationStates[s] }))}
          />
        </FilterBar>
        {active.length === 0 ? (
          <p className="empty">{t.noneYet}</p>
        ) : (
          <DataTable
            listKey={LISTS.recommendations}
            caption={t.caption}
            columns={columns}
            rows={sorted}
            rowKey={(r) => r.id}
            sort={sort}
            onSort={onSort}
            className="table-flow"
            tableClassName="recs-table"
            emptyText={t.empty}
          />
        )}
      </section>

      <TrashSection
        id="recs-trash-heading"
        className="meetings-trash"
        title={meetingsTexts.trash.title}
        intro={t.trashIntro}
        emptyText={t.trashEmpty}
        columns={[t.col.number, t.col.title, meetingsTexts.trash.deletedAt]}
        actionsLabel={de.ui.actionsColumn}
        items={deleted}
        cells={(r) => (
          <>
            <td className="nowrap">{r.number}</td>
            <td>{r.title}</td>
            <td className="nowrap">{formatDateTime(r.deletedAt)}</td>
          </>
        )}
        restoreText={meetingsTexts.restore}
        restoreLabel={(r) => t.restoreLabel(r.number)}
        disabled={readOnly}
        onRestore={(r) => void restore(r)}
      />
    </div>
  );
}
