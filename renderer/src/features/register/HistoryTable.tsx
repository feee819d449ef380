import { useEffect, useState } from 'react';
import { de } from '../../../../shared/i18n/de';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { formatDateTime } from '../../../../shared/format';
import { call, errorMessage } from '../../api';
import { Notice } from '../../ui/Notice';

const h = de.ui.history;
const labels = de.ui.measure.field as Record<string, string>;

function show(value: unknown): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return h.emptyValue;
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 300)} …` : value;
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)} …` : text;
}

/** Who changed what when, field by field, newest first. */
export function HistoryTable({ entityId }: { entityId: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('getHistory', { entityId })
      .then(setEntries)
      .catch((e) => setError(errorMessage(e)));
  }, [entityId]);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!entries) return <p>{de.ui.loading}</p>;
  if (entries.length === 0) return <p>{h.empty}</p>;
  return (
    <table className="data history">
      <caption>{h.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{h.when}</th>
          <th scope="col">{h.who}</th>
          <th scope="col">{h.what}</th>
          <th scope="col">{h.field}</th>
          <th scope="col">{h.old}</th>
          <th scope="col">{h.new}</th>
        </tr>
      </thead>
      <tbody>
        {entries.flatMap((entry) => {
          const changes = entry.changes.length > 0 ? entry.changes : [null];
          return changes.map((c, i) => (
            <tr key={`${entry.id}-${i}`}>
              <td className="nowrap">{i === 0 ? formatDateTime(entry.at) : ''}</td>
              <td>{i === 0 ? entry.user : ''}</td>
              <td>{i === 0 ? h.actions[entry.action] : ''}</td>
              <td>{c ? (labels[c.field] ?? de.review.auditFields[c.field] ?? c.field) : ''}</td>
              <td className="old">{c ? show(c.old) : ''}</td>
              <td>{c ? show(c.new) : ''}</td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
