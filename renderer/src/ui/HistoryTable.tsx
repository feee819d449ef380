import { useEffect, useState } from 'react';
import type { AuditEntry, FieldChange, JsonValue } from '@shared/audit/audit';
import { formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../api';
import { plainValue, type FieldLabel, type FormatValue } from './historyValues';
import { Notice } from './Notice';
import './history.css';

const historyTexts = de.ui.history;
const measureLabels = de.ui.measure.field as Record<string, string>;
const MAX_LENGTH = 300;

/** The measures' labels (and those of review comments); other kinds pass their own. */
const measureFieldLabel: FieldLabel = (field) => measureLabels[field] ?? de.review.auditFields[field] ?? field;
const asRecorded: FormatValue = (_field, value) => plainValue(value);

const isEmpty = (value: JsonValue) => value === null || value === '' || (Array.isArray(value) && value.length === 0);
const clip = (text: string) => (text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)} …` : text);

export interface HistoryTableProps {
  /** The audited record (its audit entries carry this entity id). */
  entityId: string;
  caption?: string;
  fieldLabel?: FieldLabel;
  formatValue?: FormatValue;
}

/** Who changed what when, field by field, newest first. */
export function HistoryTable({
  entityId,
  caption = historyTexts.caption,
  fieldLabel = measureFieldLabel,
  formatValue = asRecorded,
}: HistoryTableProps) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('getHistory', { entityId })
      .then((page) => {
        setEntries(page.entries);
        setTotal(page.total);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [entityId]);
  // Long trails come in pages; older entries are appended on request.
  const loadOlder = () => {
    const offset = entries?.length ?? 0;
    call('getHistory', { entityId, offset })
      .then((page) => {
        setEntries((shown) => [...(shown ?? []), ...page.entries]);
        setTotal(page.total);
      })
      .catch((e) => setError(errorMessage(e)));
  };
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!entries) return <p>{de.ui.loading}</p>;
  if (entries.length === 0) return <p>{historyTexts.empty}</p>;
  const show = (c: FieldChange, side: 'old' | 'new') => {
    const value = c[side];
    return isEmpty(value) ? historyTexts.emptyValue : clip(formatValue(c.field, value, { side, change: c }));
  };
  return (
    <>
      <table className="data history">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{historyTexts.when}</th>
            <th scope="col">{historyTexts.who}</th>
            <th scope="col">{historyTexts.what}</th>
            <th scope="col">{historyTexts.field}</th>
            <th scope="col">{historyTexts.old}</th>
            <th scope="col">{historyTexts.new}</th>
          </tr>
        </thead>
        <tbody>
          {entries.flatMap((entry) => {
            const changes = entry.changes.length > 0 ? entry.changes : [null];
            return changes.map((c, i) => (
              <tr key={`${entry.id}-${i}`}>
                <td className="nowrap">{i === 0 ? formatDateTime(entry.at) : ''}</td>
                <td>{i === 0 ? entry.user : ''}</td>
                <td>{i === 0 ? historyTexts.actions[entry.action] : ''}</td>
                <td>{c ? fieldLabel(c.field) : ''}</td>
                <td className="old">{c ? show(c, 'old') : ''}</td>
                <td>{c ? show(c, 'new') : ''}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
      {entries.length < total ? (
        <p>
          <button type="button" onClick={loadOlder}>
            {historyTexts.loadOlder(total - entries.length)}
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * The collapsible "Verlauf" at the end of an editor. The trail is loaded only when opened; a new version
 * of the record (after a save) loads it again, the section stays open.
 */
export function HistorySection({ version, ...table }: HistoryTableProps & { version: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="history-section" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{historyTexts.title}</summary>
      {open ? <HistoryTable key={version} {...table} /> : null}
    </details>
  );
}
