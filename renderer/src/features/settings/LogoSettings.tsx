import { useState } from 'react';
import { de } from '@shared/i18n/de';
import type { AppSettings } from '@shared/settings/settings';
import { call, errorMessage } from '../../api';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';

const settingsTexts = de.ui.settings;

/** The city logo in the head of Word documents: a PNG/JPEG on this computer plus its alternative text. */
export function LogoSettings({ settings, onChange }: { settings: AppSettings; onChange: (next: AppSettings) => void }) {
  const [altText, setAltText] = useState(settings.documentLogo?.altText ?? settingsTexts.logoAltDefault);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const run = async (clear: boolean) => {
    setMessage(null);
    try {
      const next = await call('chooseDocumentLogo', { altText, clear });
      if (!next) return;
      onChange(next);
      setMessage({ kind: 'success', text: clear ? settingsTexts.logoRemoved : settingsTexts.logoSaved });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  const fileName = settings.documentLogo?.path.split(/[\\/]/).pop();
  return (
    <section aria-labelledby="logo-title">
      <h2 id="logo-title">{settingsTexts.logoTitle}</h2>
      <p>{fileName ? settingsTexts.logoCurrent(fileName) : settingsTexts.logoNone}</p>
      <div className="grid">
        <TextField
          id="set-logo-alt"
          label={settingsTexts.logoAlt}
          hint={settingsTexts.logoAltHint}
          value={altText}
          onChange={setAltText}
          className="field-wide"
        />
      </div>
      <div className="buttons">
        <button type="button" onClick={() => void run(false)}>
          {settingsTexts.logoChoose}
        </button>
        <button type="button" disabled={!settings.documentLogo} onClick={() => void run(true)}>
          {settingsTexts.logoRemove}
        </button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
