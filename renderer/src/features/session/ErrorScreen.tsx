import { useState } from 'react';
import type { BackupInfo, Session } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';

type ErrorSession = Extract<Session, { state: 'error' }>;

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * A register that cannot be opened: says why and offers what fits the cause. A damaged file may be
 * replaced by a backup after a confirmation naming what is replaced and where it is kept; a file that
 * could not be read is only retried; a register that has gone is never re-created without a choice.
 */
export function ErrorScreen({ session }: { session: ErrorSession }) {
  const { setSession, confirm } = useApp();
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
  const t = de.ui.error;
  const file = baseName(session.path);
  const restore = async (backup: BackupInfo) => {
    const when = formatDateTime(backup.createdAt);
    const text = session.problem === 'missing' ? t.restoreConfirmMissing(file, when) : t.restoreConfirm(file, when, session.backupDir);
    if (!(await confirm({ title: t.restoreConfirmTitle, text, confirmLabel: t.restoreConfirmLabel }))) return;
    await run(() => call('restoreBackup', { backupPath: backup.path }));
  };
  const createEmpty = async () => {
    if (!(await confirm({ title: t.createEmpty, text: t.createEmptyConfirm(file), confirmLabel: t.createEmpty }))) return;
    await run(() => call('retryOpen', { createEmpty: true }));
  };
  return (
    <main id="main" className="error-screen">
      <h1>{t.title}</h1>
      <Notice kind="error">{session.message}</Notice>
      {session.problem !== 'damaged' && (
        <p>
          <button type="button" onClick={() => void run(() => call('retryOpen', { createEmpty: false }))}>
            {t.retry}
          </button>
        </p>
      )}
      {session.problem !== 'io' && session.backups.length > 0 && (
        <section aria-labelledby="backups-title">
          <h2 id="backups-title">{t.backups}</h2>
          {session.problem === 'damaged' ? <p>{t.restoreHint}</p> : null}
          <ul className="plain">
            {session.backups.map((b) => (
              <li key={b.path}>
                <button type="button" onClick={() => void restore(b)}>
                  {t.restore(formatDateTime(b.createdAt))}
                </button>{' '}
                <span className="muted">({t.reason[b.reason] ?? b.reason})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <button type="button" onClick={() => void run(() => call('openRegister', { mode: 'open' }))}>
          {t.openOther}
        </button>
        {session.problem === 'missing' ? (
          <>
            {' '}
            <button type="button" onClick={() => void createEmpty()}>
              {t.createEmpty}
            </button>
          </>
        ) : null}
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </main>
  );
}
