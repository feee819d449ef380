import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SubmissionRow } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { foldForSearch } from '@shared/register/search';
import { SUBMISSION_KINDS, SUBMISSION_STATUSES } from '@shared/submissions/submission';
import { formatDate, formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { FilterBar, FilterSelect, useListFilter } from '../../ui/FilterBar';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS, listPlace, updateListPlace } from '../../ui/listMemory';
import { Notice } from '../../ui/Notice';
import { TrashSection } from '../../ui/TrashSection';
import { NewSubmissionPanel } from './NewSubmissionPanel';
import { freshSubmission } from './freshSubmission';

const submissionsTexts = de.ui.submissions;
const submissionTexts = de.submission;

interface Filter {
  query: string;
  status: string;
  kind: string;
}
const EMPTY: Filter = { query: '', status: '', kind: '' };

function label(r: SubmissionRow): string {
  return submissionsTexts.label(r.printNumber, r.subject);
}

/** Ratsvorlagen: search across all submissions, filters, the starting points for a new one, Papierkorb. */
export function SubmissionsView({ notice }: { notice?: string | undefined }) {
  const { navigate, save, readOnly } = useApp();
  const [rows, setRows] = useState<SubmissionRow[] | null>(null);
  const filters = useListFilter(EMPTY, undefined, LISTS.submissions);
  const { value: filter, deferred, set } = filters;
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(
    notice ? { kind: 'success', text: notice } : null,
  );
  const newButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      await freshSubmission.settled(); // a Vorlage just abandoned is gone before the list is read
      setRows(await call('listSubmissions', {}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const active = useMemo(
    () =>
      (rows ?? [])
        .filter((r) => !r.deletedAt)
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.updatedAt.localeCompare(a.updatedAt)),
    [rows],
  );
  const deleted = useMemo(
    () => (rows ?? []).filter((r) => r.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
    [rows],
  );
  const shown = useMemo(() => {
    const words = foldForSearch(deferred.query).split(/\s+/).filter(Boolean);
    return active.filter(
      (r) =>
        (!deferred.status || r.status === deferred.status) &&
        (!deferred.kind || r.kind === deferred.kind) &&
        words.every((w) => r.haystack.includes(w)),
    );
  }, [active, deferred]);

  const columns = useMemo(
    () =>
      submissionColumns((id) => {
        updateListPlace(LISTS.submissions, { selectedId: id });
        void navigate({ name: 'submission', id });
      }),
    [navigate],
  );
  // Newest first until a column is chosen.
  const { sort, onSort, sorted } = useTableSort(LISTS.submissions, columns, shown);

  if (!rows) return message ? <Notice kind="error">{message.text}</Notice> : <p>{de.ui.loading}</p>;
  const restore = async (r: SubmissionRow) => {
    try {
      await save(() => call('restoreSubmission', { id: r.id }));
      setMessage({ kind: 'success', text: submissionsTexts.trash.restored(label(r)) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <section aria-labelledby="submissions-title" className="submissions">
      <div className="view-head">
        <h1 id="submissions-title">{submissionsTexts.title}</h1>
        <button
          ref={newButton}
          type="button"
          className="primary"
          disabled={readOnly || creating}
          aria-expanded={creating}
          onClick={() => setCreating(true)}
        >
          {submissionsTexts.newSubmission}
        </button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {creating ? (
        <NewSubmissionPanel
          rows={rows}
          onClose={() => {
            setCreating(false);
            // Back to the button that opened the panel.
            setTimeout(() => newButton.current?.focus(), 0);
          }}
        />
      ) : null}
      <FilterBar
        filters={filters}
        label={submissionsTexts.search}
        searchLabel={submissionsTexts.search}
        searchId="submission-search"
        placeholder={submissionsTexts.searchPlaceholder}
        resetLabel={submissionsTexts.resetFilters}
        count={submissionsTexts.count(shown.length, active.length)}
      >
        <FilterSelect
          label={submissionsTexts.filterStatus}
          allLabel={submissionsTexts.all}
          value={filter.status}
          onChange={(v) => set({ status: v })}
          options={SUBMISSION_STATUSES.map((k) => ({ value: k, label: submissionTexts.statuses[k] }))}
        />
        <FilterSelect
          label={submissionsTexts.filterKind}
          allLabel={submissionsTexts.all}
          value={filter.kind}
          onChange={(v) => set({ kind: v })}
          options={SUBMISSION_KINDS.map((k) => ({ value: k, label: submissionTexts.kinds[k] }))}
        />
      </FilterBar>
      {active.length === 0 ? (
        <p className="empty">{submissionsTexts.noneYet}</p>
      ) : (
        <DataTable
          listKey={LISTS.submissions}
          caption={submissionsTexts.tableCaption}
          columns={columns}
          rows={sorted}
          rowKey={(r) => r.id}
          sort={sort}
          onSort={onSort}
          className="table-flow"
          selectedId={listPlace(LISTS.submissions).selectedId}
          emptyText={submissionsTexts.empty}
        />
      )}

      <TrashSection
        id="submission-trash-title"
        className="submission-trash"
        title={submissionsTexts.trash.title}
        intro={submissionsTexts.trash.intro}
        emptyText={submissionsTexts.trash.empty}
        columns={[submissionsTexts.col.number, submissionsTexts.col.subject, submissionsTexts.trash.deletedAt]}
        actionsLabel={submissionsTexts.trash.restore}
        items={deleted}
        cells={(r) => (
          <>
            <td className="nowrap">{r.printNumber || submissionTexts.noNumber}</td>
            <td>{r.subject || submissionsTexts.noSubject}</td>
            <td className="nowrap">{formatDateTime(r.deletedAt)}</td>
          </>
        )}
        restoreText={submissionsTexts.trash.restore}
        restoreLabel={(r) => submissionsTexts.trash.restoreLabel(label(r))}
        disabled={readOnly}
        onRestore={(r) => void restore(r)}
      />
    </section>
  );
}

/** The Ratsvorlagen's columns; Betreff takes the rest, Öffentlichkeit and Vorlagenart give way first at 1366 px. */
function submissionColumns(open: (id: string) => void): Column<SubmissionRow>[] {
  const col = submissionsTexts.col;
  return [
    {
      key: 'number',
      label: col.number,
      width: 130,
      fixed: true,
      text: (r) => r.printNumber || submissionTexts.noNumber,
      sortValue: (r) => r.printNumber,
      cell: (r) => r.printNumber || <span className="muted">{submissionTexts.noNumber}</span>,
    },
    {
      key: 'subject',
      label: col.subject,
      width: 260,
      grow: true,
      fixed: true,
      text: (r) => r.subject || submissionsTexts.noSubject,
      cell: (r) => (
        <a
          href={`#vorlage-${r.id}`}
          onClick={(e) => {
            e.preventDefault();
            open(r.id);
          }}
        >
          {r.subject || submissionsTexts.noSubject}
        </a>
      ),
    },
    { key: 'kind', label: col.kind, width: 190, priority: 3, text: (r) => submissionTexts.kinds[r.kind] },
    {
      key: 'status',
      label: col.status,
      width: 130,
      priority: 1,
      text: (r) => submissionTexts.statuses[r.status],
      cell: (r) => <span className={`sub-status sub-status-${r.status}`}>{submissionTexts.statuses[r.status]}</span>,
    },
    { key: 'date', label: col.date, width: 100, priority: 2, text: (r) => formatDate(r.date), sortValue: (r) => r.date ?? '' },
    {
      key: 'visibility',
      label: col.visibility,
      width: 120,
      priority: 4,
      text: (r) => (r.isPublic ? submissionTexts.publicLabel : submissionTexts.nonPublicLabel),
    },
    {
      key: 'measures',
      label: col.measuresLong,
      width: 110,
      numeric: true,
      priority: 3,
      text: (r) => String(r.linkedMeasures),
      sortValue: (r) => r.linkedMeasures,
    },
  ];
}
