import { useEffect, useRef, useState } from 'react';
import { de } from '@shared/i18n/de';
import type { AppSettings } from '@shared/settings/settings';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';

const texts = de.ui.settings;
const t = texts.firstStart;

/**
 * First start (no display name in the settings yet): asks who is working, prefilled from the account's
 * full name where the system knows it. The name goes into the audit trail, documents and review packages;
 * without it they would say "Name nicht angegeben". "Später" (or Esc) asks again at the next start.
 */
export function FirstStartDialog() {
  const { reload } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [name, setName] = useState('');
  const [office, setOffice] = useState('');
  const [prefilled, setPrefilled] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const current = await call('getSettings', {});
        if (!live || current.displayName.trim()) return;
        setSettings(current);
        setOffice(current.office);
        const { name: suggested } = await call('suggestDisplayName', {});
        if (!live) return;
        setName(suggested);
        setPrefilled(suggested !== '');
        setOpen(true);
      } catch {
        // Without settings the app still works; the question comes at the next start.
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const save = async () => {
    if (!settings) return;
    if (!name.trim()) {
      setProblem(t.nameRequired);
      document.getElementById('first-start-name')?.focus();
      return;
    }
    try {
      await call('saveSettings', {
        settings: {
          displayName: name.trim(),
          office: office.trim(),
          backupKeepLast: settings.backupKeepLast,
          backupKeepDays: settings.backupKeepDays,
        },
      });
      setOpen(false);
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <dialog
      ref={ref}
      className="first-start"
      aria-labelledby="first-start-title"
      aria-describedby="first-start-intro"
      onCancel={(e) => {
        e.preventDefault();
        setOpen(false);
      }}
    >
      {open ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h2 id="first-start-title">{t.title}</h2>
          <p id="first-start-intro">{t.intro}</p>
          {error ? <Notice kind="error">{error}</Notice> : null}
          <TextField
            id="first-start-name"
            label={t.name}
            hint={prefilled ? t.prefilled : t.nameHint}
            value={name}
            error={problem}
            required
            maxLength={120}
            onChange={(v) => {
              setName(v);
              setProblem(undefined);
            }}
          />
          <TextField
            id="first-start-office"
            label={texts.office}
            hint={texts.officeHint}
            value={office}
            maxLength={160}
            onChange={setOffice}
          />
          <div className="buttons">
            <button type="submit" className="primary">
              {t.save}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t.later}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
