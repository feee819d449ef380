import type { Session } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { useState } from 'react';

type OpenSession = Extract<Session, { state: 'open' }>;

/**
 * Names who holds the register; offers a take-over (after confirmation) only when their lock has gone
 * stale, and editing without asking once the other workplace has closed the register.
 */
export function ReadOnlyBanner({ session }: { session: OpenSession }) {
  const { confirm, setSession } = useApp();
  const [error, setError] = useState<string | null>(null);
  if (!session.readOnly) return null;
  const holder = session.lockHolder;
  const retry = async () => {
    try {
      setError(null);
      await setSession(await call('retryOpen', { createEmpty: false }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (session.readOnlyReason) {
    // The folder cannot be written (permissions, full disk, read-only share): say why, offer a retry.
    return (
      <div className="banner banner-readonly" role="alert">
        <strong>{de.ui.readOnlyTitle}:</strong> {session.readOnlyReason}{' '}
        <button type="button" onClick={() => void retry()}>
          {de.ui.error.retry}
        </button>
        {error ? <span className="inline-error"> {error}</span> : null}
      </div>
    );
  }
  const takeOver = async () => {
    if (holder) {
      const ok = await confirm({
        title: de.ui.readOnlyTitle,
        text: de.ui.takeOverConfirm(holder.user, holder.host),
        confirmLabel: de.ui.takeOver.replace(' …', ''),
      });
      if (!ok) return;
    }
    try {
      setError(null);
      await setSession(await call('takeOverLock', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="banner banner-readonly" role="alert">
      <strong>{de.ui.readOnlyTitle}:</strong>{' '}
      {holder
        ? holder.stale
          ? de.store.lockStale(holder.user, holder.host, formatDateTime(holder.heartbeatAt))
          : de.ui.lockedBy(holder.user, holder.host, formatDateTime(holder.since))
        : (session.readOnlyReason ?? de.ui.lockReleased)}
      {holder?.stale ? (
        <button type="button" onClick={() => void takeOver()}>
          {de.ui.takeOver}
        </button>
      ) : null}
      {holder === null ? (
        <button type="button" onClick={() => void takeOver()}>
          {de.ui.enableEditing}
        </button>
      ) : null}
      {error ? <span className="inline-error"> {error}</span> : null}
    </div>
  );
}
