import { useEffect, useState } from 'react';
import { de } from '@shared/i18n/de';
import type { AppSettings } from '@shared/settings/settings';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { LetterSenderSettings } from './LetterSenderSettings';
import { LogoSettings } from './LogoSettings';

const settingsTexts = de.ui.settings;

/** True when the upper form holds input that differs from the saved settings. */
function mainFormChanged(draft: AppSettings, keepLast: string, keepDays: string, saved: AppSettings): boolean {
  return (
    draft.displayName !== saved.displayName ||
    draft.office !== saved.office ||
    draft.oparlBaseUrl !== saved.oparlBaseUrl ||
    keepLast !== String(saved.backupKeepLast) ||
    keepDays !== String(saved.backupKeepDays)
  );
}

/**
 * Display name for the audit trail, backup retention, and where the register lives. The page has two
 * forms (these settings, and the letter sender below); each saves only its own fields, and unsaved input
 * in either one keeps the user from leaving the page unasked.
 */
export function SettingsView() {
  const { session, reload, navigate, setDirty } = useApp();
  const [saved, setSaved] = useState<AppSettings | null>(null);
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [keepLast, setKeepLast] = useState('');
  const [keepDays, setKeepDays] = useState('');
  const [senderChanged, setSenderChanged] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    call('getSettings', {})
      .then((s) => {
        setSaved(s);
        setSettings(s);
        setKeepLast(String(s.backupKeepLast));
        setKeepDays(String(s.backupKeepDays));
      })
      .catch((e) => setMessage({ kind: 'error', text: errorMessage(e) }));
  }, []);
  const changed = saved !== null && settings !== null && (mainFormChanged(settings, keepLast, keepDays, saved) || senderChanged);
  useEffect(() => setDirty(changed), [changed, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
  if (!settings || !saved) return <p>{de.ui.loading}</p>;

  const submit = async () => {
    const last = Number(keepLast);
    const days = Number(keepDays);
    const local: Record<string, string> = {};
    if (!Number.isInteger(last) || last < 1 || last > 500) local.backupKeepLast = settingsTexts.wholeNumber(1, 500);
    if (!Number.isInteger(days) || days < 0 || days > 3650) local.backupKeepDays = settingsTexts.wholeNumber(0, 3650);
    setProblems(local);
    if (Object.keys(local).length > 0) return;
    try {
      const result = await call('saveSettings', {
        settings: {
          displayName: settings.displayName,
          office: settings.office,
          backupKeepLast: last,
          backupKeepDays: days,
          oparlBaseUrl: settings.oparlBaseUrl,
        },
      });
      setSaved(result.value);
      setSettings({ ...result.value });
      setKeepLast(String(result.value.backupKeepLast));
      setKeepDays(String(result.value.backupKeepDays));
      setMessage({ kind: 'success', text: settingsTexts.saved });
      await reload();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields)
        setProblems(Object.fromEntries(e.error.fields.map((p) => [p.field.replace(/^settings\./, ''), p.message])));
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{settingsTexts.title}</h1>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <form
        className="inline-form"
        aria-labelledby="settings-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="grid">
          <TextField
            id="set-display-name"
            label={settingsTexts.displayName}
            hint={settingsTexts.displayNameHint}
            value={settings.displayName}
            error={problems.displayName}
            onChange={(v) => setSettings({ ...settings, displayName: v })}
            className="field-wide"
          />
          <TextField
            id="set-office"
            label={settingsTexts.office}
            hint={settingsTexts.officeHint}
            value={settings.office}
            error={problems.office}
            onChange={(v) => setSettings({ ...settings, office: v })}
            className="field-wide"
          />
          <TextField
            id="set-keep-last"
            label={settingsTexts.backupKeepLast}
            value={keepLast}
            error={problems.backupKeepLast}
            onChange={setKeepLast}
            className="field-narrow"
          />
          <TextField
            id="set-keep-days"
            label={settingsTexts.backupKeepDays}
            value={keepDays}
            error={problems.backupKeepDays}
            onChange={setKeepDays}
            className="field-narrow"
          />
          <TextField
            id="set-oparl-base-url"
            label={settingsTexts.oparlBaseUrl}
            hint={settingsTexts.oparlBaseUrlHint}
            value={settings.oparlBaseUrl}
            error={problems.oparlBaseUrl}
            onChange={(v) => setSettings({ ...settings, oparlBaseUrl: v })}
            className="field-wide"
          />
        </div>
        <button type="submit" className="primary">
          {settingsTexts.save}
        </button>
      </form>
      <LogoSettings
        settings={settings}
        onChange={(next) => {
          setSaved(next);
          setSettings({ ...settings, documentLogo: next.documentLogo });
        }}
      />
      <LetterSenderSettings saved={saved} onSaved={setSaved} onChangedInput={setSenderChanged} />
      <h2>{de.statuses.title}</h2>
      <p>{de.statuses.settingsHint}</p>
      <button type="button" onClick={() => void navigate({ name: 'statuses' })}>
        {de.statuses.openFromSettings}
      </button>
      <h2>{settingsTexts.storeLocation}</h2>
      <p className="path">{session?.state === 'open' ? session.path : ''}</p>
      <p>{settingsTexts.backupLocation}</p>
      <div className="buttons">
        <button type="button" onClick={() => window.dispatchEvent(new CustomEvent('masterplan-menu', { detail: 'openRegister' }))}>
          {settingsTexts.openRegister}
        </button>
        <button type="button" onClick={() => window.dispatchEvent(new CustomEvent('masterplan-menu', { detail: 'newRegister' }))}>
          {settingsTexts.newRegister}
        </button>
      </div>
    </section>
  );
}
