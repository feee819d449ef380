import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrivacyDueItem } from '@shared/privacy/privacyDue';
import type { Retention } from '@shared/privacy/retention';
import type { PrivacyOverview } from '@shared/privacy/privacyContract';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import './tracking.css';

const trackingPrivacyTexts = de.trackingUi.privacy;
const participationTexts = de.participation;
const RETENTION_KEYS = [
  'contactGraceDays',
  'memberMonthsAfterTerm',
  'proposalYearsAfterClosing',
] as const satisfies readonly (keyof Retention)[];
type RetentionText = Record<keyof Retention, string>;

const itemKey = (item: Pick<PrivacyDueItem, 'kind' | 'id'>) => `${item.kind}:${item.id}`;
const toText = (r: Retention): RetentionText => ({
  contactGraceDays: String(r.contactGraceDays),
  memberMonthsAfterTerm: String(r.memberMonthsAfterTerm),
  proposalYearsAfterClosing: String(r.proposalYearsAfterClosing),
});

/**
 * Datenschutz: what personal data the register holds and on which basis, the retention periods (a register
 * setting), and what is due for deletion or anonymisation now, applied after a confirmation that says it
 * cannot be undone. A read-only window shows everything and changes nothing.
 */
export function PrivacyView() {
  const { save, confirm, readOnly } = useApp();
  const [overview, setOverview] = useState<PrivacyOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [retention, setRetention] = useState<RetentionText | null>(null);
  const [retentionErrors, setRetentionErrors] = useState<Partial<Record<keyof Retention, string>>>({});
  const [retentionMessage, setRetentionMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dueMessage, setDueMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const selectAllRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    const next = await call('getPrivacyOverview', {});
    setOverview(next);
    setRetention(toText(next.retention));
    // Only what is still due can stay selected.
    setSelected((current) => new Set(next.due.map(itemKey).filter((k) => current.has(k))));
    return next;
  }, []);
  useEffect(() => {
    load().catch((e) => setLoadError(errorMessage(e)));
  }, [load]);

  const due = overview?.due ?? [];
  const allSelected = due.length > 0 && selected.size === due.length;
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selected.size > 0 && selected.size < due.length;
  }, [selected, due.length]);

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!overview || !retention) return <p>{de.ui.loading}</p>;

  const saveRetention = async () => {
    setRetentionMessage(null);
    const errors: Partial<Record<keyof Retention, string>> = {};
    const parsed = {} as Retention;
    for (const key of RETENTION_KEYS) {
      const text = retention[key].trim();
      const value = Number(text);
      const max = trackingPrivacyTexts.retention[key].max;
      if (!/^\d+$/.test(text) || value > max) errors[key] = trackingPrivacyTexts.retentionInvalid(max);
      else parsed[key] = value;
    }
    setRetentionErrors(errors);
    const firstError = RETENTION_KEYS.find((k) => errors[k]);
    if (firstError) {
      document.getElementById(`retention-${firstError}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await save(() => call('saveRetention', { retention: parsed }), { text: () => trackingPrivacyTexts.retentionSaved });
      await load();
    } catch (e) {
      setRetentionMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const apply = async () => {
    setDueMessage(null);
    const items = due.filter((d) => selected.has(itemKey(d)));
    if (items.length === 0) return;
    const toDelete = items.filter((d) => d.action === 'delete').length;
    const ok = await confirm({
      title: trackingPrivacyTexts.confirmTitle,
      text: trackingPrivacyTexts.confirmText(toDelete, items.length - toDelete),
      confirmLabel: trackingPrivacyTexts.confirmLabel,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const result = await save(() => call('applyPrivacy', { items: items.map((d) => ({ kind: d.kind, id: d.id })) }));
      setSelected(new Set());
      await load();
      setDueMessage({ kind: 'success', text: trackingPrivacyTexts.done(result.value.deleted, result.value.anonymised) });
    } catch (e) {
      setDueMessage({ kind: 'error', text: errorMessage(e) });
      await load().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="privacy" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{trackingPrivacyTexts.title}</h1>
      <p>{trackingPrivacyTexts.intro}</p>
      {readOnly ? <Notice kind="warning">{trackingPrivacyTexts.readOnly}</Notice> : null}

      <section aria-labelledby="privacy-data-title">
        <h2 id="privacy-data-title">{trackingPrivacyTexts.dataHeading}</h2>
        <dl className="details privacy-data">
          {trackingPrivacyTexts.data.map((d) => (
            <div key={d.term}>
              <dt>{d.term}</dt>
              <dd>{d.text}</dd>
            </div>
          ))}
        </dl>
        <p>{trackingPrivacyTexts.legalBasis}</p>
      </section>

      <section aria-labelledby="privacy-retention-title">
        <h2 id="privacy-retention-title">{trackingPrivacyTexts.retentionHeading}</h2>
        <p>{trackingPrivacyTexts.retentionIntro}</p>
        <form
          className="retention-form"
          aria-labelledby="privacy-retention-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!readOnly) void saveRetention();
          }}
        >
          {RETENTION_KEYS.map((key) => {
            const field = trackingPrivacyTexts.retention[key];
            const id = `retention-${key}`;
            const error = retentionErrors[key];
            return (
              <div key={key} className="field retention-field">
                <label htmlFor={id}>{field.label}</label>
                <span className="with-unit">
                  <input
                    id={id}
                    type="text"
                    inputMode="numeric"
                    size={6}
                    maxLength={5}
                    value={retention[key]}
                    disabled={readOnly}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={`${id}-unit ${id}-hint${error ? ` ${id}-error` : ''}`}
                    onChange={(e) => setRetention({ ...retention, [key]: e.target.value })}
                  />
                  <span id={`${id}-unit`}>{field.unit}</span>
                </span>
                <span id={`${id}-hint`} className="hint">
                  {field.hint}
                </span>
                {error ? (
                  <span id={`${id}-error`} className="field-error">
                    {de.ui.errorPrefix} {error}
                  </span>
                ) : null}
              </div>
            );
          })}
          <div className="buttons">
            <button type="submit" className="primary" disabled={readOnly || busy}>
              {trackingPrivacyTexts.saveRetention}
            </button>
          </div>
        </form>
        {retentionMessage ? <Notice kind={retentionMessage.kind}>{retentionMessage.text}</Notice> : null}
      </section>

      <section aria-labelledby="privacy-backups-title">
        <h2 id="privacy-backups-title">{trackingPrivacyTexts.backupsHeading}</h2>
        <p>{trackingPrivacyTexts.backupsIntro(overview.backupKeepLast, overview.backupKeepDays)}</p>
        {overview.backups.length === 0 ? (
          <p className="empty">{trackingPrivacyTexts.backupsNone}</p>
        ) : (
          <div className="table-wrap">
            <table className="data privacy-backups">
              <caption>{trackingPrivacyTexts.backupsCaption(overview.backups.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{trackingPrivacyTexts.backupsCol.createdAt}</th>
                  <th scope="col">{trackingPrivacyTexts.backupsCol.kind}</th>
                  <th scope="col">{trackingPrivacyTexts.backupsCol.holds}</th>
                </tr>
              </thead>
              <tbody>
                {overview.backups.map((b) => (
                  <tr key={b.fileName}>
                    <td className="nowrap">{formatDateTime(b.createdAt)}</td>
                    <td>{trackingPrivacyTexts.backupKinds[b.reason] ?? b.reason}</td>
                    <td>{trackingPrivacyTexts.backupHolds(formatDate(b.removableFrom), b.newerNeeded)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="privacy-due-title">
        <h2 id="privacy-due-title">{trackingPrivacyTexts.dueHeading}</h2>
        <p>{trackingPrivacyTexts.contactsStored(overview.contacts)}</p>
        <Notice kind="info">{trackingPrivacyTexts.archiveHint}</Notice>
        {dueMessage ? <Notice kind={dueMessage.kind}>{dueMessage.text}</Notice> : null}
        {due.length === 0 ? (
          <p className="empty">{trackingPrivacyTexts.nothingDue}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data privacy-due">
                <caption>{trackingPrivacyTexts.dueCaption(due.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="select-col">
                      <label className="checkbox">
                        <input
                          ref={selectAllRef}
                          type="checkbox"
                          checked={allSelected}
                          disabled={readOnly}
                          onChange={(e) => setSelected(e.target.checked ? new Set(due.map(itemKey)) : new Set())}
                        />
                        {trackingPrivacyTexts.selectAll}
                      </label>
                    </th>
                    <th scope="col">{trackingPrivacyTexts.col.kind}</th>
                    <th scope="col">{trackingPrivacyTexts.col.label}</th>
                    <th scope="col">{trackingPrivacyTexts.col.dueSince}</th>
                    <th scope="col">{trackingPrivacyTexts.col.action}</th>
                  </tr>
                </thead>
                <tbody>
                  {due.map((d) => (
                    <tr key={itemKey(d)}>
                      <td className="select-col">
                        <input
                          type="checkbox"
                          aria-label={trackingPrivacyTexts.selectItem(d.label)}
                          checked={selected.has(itemKey(d))}
                          disabled={readOnly}
                          onChange={(e) => toggle(itemKey(d), e.target.checked)}
                        />
                      </td>
                      <td>{participationTexts.privacyKinds[d.kind]}</td>
                      <td>{d.label}</td>
                      <td className="nowrap">{formatDate(d.dueSince)}</td>
                      <td>{participationTexts.privacyActions[d.action]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="buttons privacy-apply">
              <p className="count" role="status">
                {trackingPrivacyTexts.selectedCount(selected.size, due.length)}
              </p>
              <button type="button" className="danger" disabled={readOnly || busy || selected.size === 0} onClick={() => void apply()}>
                {trackingPrivacyTexts.apply}
              </button>
            </div>
          </>
        )}
      </section>
    </section>
  );
}
