import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { SubmissionRow } from '../../../../shared/contract';
import { de } from '../../../../shared/i18n/de';
import { foldForSearch } from '../../../../shared/domain/search';
import { SUBMISSION_KINDS, SUBMISSION_STATUSES } from '../../../../shared/domain/submission';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { NewSubmissionPanel } from './NewSubmissionPanel';

const t = de.ui.submissions;
const s = de.submission;

interface Filter {
  query: string;
  status: string;
  kind: string;
}
const EMPTY: Filter = { query: '', status: '', kind: '' };

function label(r: SubmissionRow): string {
  return t.label(r.printNumber, r.subject);
}

/** Ratsvorlagen: search across all submissions, filters, the starting points for a new one, Papierkorb. */
export function SubmissionsView({ notice }: { notice?: string | undefined }) {
  const { navigate, save, readOnly } = useApp();
  const [rows, setRows] = useState<SubmissionRow[] | null>(null);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(notice ? { kind: 'success', text: notice } : null);
  const deferred = useDeferredValue(filter);
  const newButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setRows(await call('listSubmissions', {}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const active = useMemo(() => (rows ?? []).filter((r) => !r.deletedAt).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.updatedAt.localeCompare(a.updatedAt)), [rows]);
  const deleted = useMemo(() => (rows ?? []).filter((r) => r.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')), [rows]);
  const shown = useMemo(() => {
    const words = foldForSearch(deferred.query).split(/\s+/).filter(Boolean);
    return active.filter((r) => (!deferred.status || r.status === deferred.status) && (!deferred.kind || r.kind === deferred.kind) && words.every((w) => r.haystack.includes(w)));
  }, [active, deferred]);

  if (!rows) return message ? <Notice kind="error">{message.text}</Notice> : <p>{de.ui.loading}</p>;
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify(filter) !== JSON.stringify(EMPTY);
  const open = (id: string) => void navigate({ name: 'submission', id });
  const restore = async (r: SubmissionRow) => {
    try {
      await save(() => call('restoreSubmission', { id: r.id }));
      setMessage({ kind: 'success', text: t.trash.restored(label(r)) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <section aria-labelledby="submissions-title" className="submissions">
      <div className="view-head">
        <h1 id="submissions-title">{t.title}</h1>
        <button ref={newButton} type="button" className="primary" disabled={readOnly || creating} aria-expanded={creating} onClick={() => setCreating(true)}>
          {t.newSubmission}
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
      <form className="filters" role="search" aria-label={t.search} onSubmit={(e) => e.preventDefault()}>
        <label className="search">
          {t.search}
          <input id="submission-search" type="search" value={filter.query} placeholder={t.searchPlaceholder} onChange={(e) => set({ query: e.target.value })} />
        </label>
        <label>
          {t.filterStatus}
          <select value={filter.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t.all}</option>
            {SUBMISSION_STATUSES.map((k) => (
              <option key={k} value={k}>
                {s.statuses[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.filterKind}
          <select value={filter.kind} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">{t.all}</option>
            {SUBMISSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {s.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!filtered} onClick={() => setFilter(EMPTY)}>
          {t.resetFilters}
        </button>
      </form>
      <p className="count" role="status" aria-live="polite">
        {t.count(shown.length, active.length)}
      </p>
      {active.length === 0 ? (
        <p className="empty">{t.noneYet}</p>
      ) : (
        <div className="table-wrap">
          <table className="data submissions-table">
            <caption className="visually-hidden">{t.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.col.number}</th>
                <th scope="col">{t.col.subject}</th>
                <th scope="col">{t.col.kind}</th>
                <th scope="col">{t.col.status}</th>
                <th scope="col">{t.col.date}</th>
                <th scope="col">{t.col.visibility}</th>
                <th scope="col" className="num">
                  <abbr title={t.col.measuresLong}>{t.col.measures}</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} onDoubleClick={() => open(r.id)}>
                  <td className="nowrap">{r.printNumber || <span className="muted">{s.noNumber}</span>}</td>
                  <td>
                    <a
                      href={`#vorlage-${r.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        open(r.id);
                      }}
                    >
                      {r.subject || t.noSubject}
                    </a>
                  </td>
                  <td>{s.kinds[r.kind]}</td>
                  <td>
                    <span className={`sub-status sub-status-${r.status}`}>{s.statuses[r.status]}</span>
                  </td>
                  <td className="nowrap">{formatDate(r.date)}</td>
                  <td>{r.isPublic ? s.publicLabel : s.nonPublicLabel}</td>
                  <td className="num">{r.linkedMeasures}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="empty">{t.empty}</p> : null}
        </div>
      )}

      <section aria-labelledby="submission-trash-title" className="submission-trash">
        <h2 id="submission-trash-title">{t.trash.title}</h2>
        <p>{t.trash.intro}</p>
        {deleted.length === 0 ? (
          <p className="muted">{t.trash.empty}</p>
        ) : (
          <table className="data compact">
            <caption className="visually-hidden">{t.trash.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.col.number}</th>
                <th scope="col">{t.col.subject}</th>
                <th scope="col">{t.trash.deletedAt}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.trash.restore}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deleted.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{r.printNumber || s.noNumber}</td>
                  <td>{r.subject || t.noSubject}</td>
                  <td className="nowrap">{formatDateTime(r.deletedAt)}</td>
                  <td>
                    <button type="button" disabled={readOnly} aria-label={t.trash.restoreLabel(label(r))} onClick={() => void restore(r)}>
                      {t.trash.restore}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
