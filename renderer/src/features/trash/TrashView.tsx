import { useState } from 'react';
import { de } from '../../../../shared/i18n/de';
import { formatDateTime } from '../../../../shared/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';

const t = de.ui.trash;

/** Deleted measures, restorable; nothing is erased for good from here. */
export function TrashView() {
  const { rows, save, readOnly } = useApp();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const deleted = rows.filter((r) => r.deletedAt).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
  const restore = async (id: string, number: string) => {
    try {
      await save(() => call('restoreMeasure', { id }));
      setMessage({ kind: 'success', text: t.restored(number) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  return (
    <section aria-labelledby="trash-title">
      <h1 id="trash-title">{t.title}</h1>
      <p>{t.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {deleted.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{de.ui.register.col.number}</th>
              <th scope="col">{de.ui.register.col.title}</th>
              <th scope="col">{de.ui.register.col.actionField}</th>
              <th scope="col">{t.deletedAt}</th>
              <th scope="col">
                <span className="visually-hidden">{t.restore}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deleted.map((r) => (
              <tr key={r.id}>
                <td>{r.number}</td>
                <td>{r.title}</td>
                <td>{r.actionFieldLabel}</td>
                <td>{formatDateTime(r.deletedAt)}</td>
                <td>
                  <button type="button" disabled={readOnly} aria-label={t.restoreLabel(r.number)} onClick={() => void restore(r.id, r.number)}>
                    {t.restore}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
