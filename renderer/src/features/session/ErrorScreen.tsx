import { useState } from 'react';
import type { Session } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';

type ErrorSession = Extract<Session, { state: 'error' }>;

/** A register that cannot be opened: says why, offers the newest valid backups or another file. Never overwrites. */
export function ErrorScreen({ session }: { session: ErrorSession }) {
  const { setSession } = useApp();
  const [error, setError] = useState<string | null>(null);
  const run = async (job: () => Promise<Session | null>) => {
    try {
      setError(null);
      const next = await job();
      if (next) await setSession(next);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <main id="main" className="error-screen">
      <h1>{de.ui.error.title}</h1>
      <Notice kind="error">{session.message}</Notice>
      {session.backups.length > 0 && (
        <section aria-labelledby="backups-title">
          <h2 id="backups-title">{de.ui.error.backups}</h2>
          <p>{de.ui.error.restoreHint}</p>
          <ul className="plain">
            {session.backups.map((b) => (
              <li key={b.path}>
                <button type="button" onClick={() => void run(() => call('restoreBackup', { backupPath: b.path }))}>
                  {de.ui.error.restore(formatDateTime(b.createdAt))}
                </button>{' '}
                <span className="muted">({de.ui.error.reason[b.reason] ?? b.reason})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <button type="button" onClick={() => void run(() => call('openRegister', { mode: 'open' }))}>
          {de.ui.error.openOther}
        </button>
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </main>
  );
}
