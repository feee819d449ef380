import { useEffect, useState } from 'react';
import { de } from '@shared/i18n/de';
import type { AppSettings } from '@shared/settings/settings';
import type { LetterSender } from '@shared/settings/letterSender';
import { ApiCallError, call, errorMessage } from '../../api';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';

const settingsTexts = de.ui.settings;
type Field = Exclude<keyof LetterSender, 'example'>;
const FIELDS: { key: Field; wide?: boolean; narrow?: boolean; required?: boolean }[] = [
  { key: 'organisation', required: true },
  { key: 'office', required: true },
  { key: 'unit', wide: true },
  { key: 'street', required: true },
  { key: 'postalCode', narrow: true, required: true },
  { key: 'town', required: true },
  { key: 'contactName' },
  { key: 'phone' },
  { key: 'email' },
  { key: 'reference', narrow: true },
];

/**
 * The sender of letters (DIN 5008: letterhead, Rücksendeangabe, Informationsblock). The shipped values
 * are marked as example data until the clerk saves their own; main validates and answers field by field.
 */
export function LetterSenderSettings({
  saved,
  onSaved,
  onChangedInput,
}: {
  /** The settings as last saved: what this form sends for the fields it does not edit. */
  saved: AppSettings;
  onSaved: (next: AppSettings) => void;
  /** Tells the page whether this form holds input not yet saved. */
  onChangedInput: (changed: boolean) => void;
}) {
  const [sender, setSender] = useState<LetterSender>(saved.letterSender);
  const changed = FIELDS.some(({ key }) => sender[key] !== saved.letterSender[key]);
  useEffect(() => onChangedInput(changed), [changed, onChangedInput]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const submit = async () => {
    setMessage(null);
    try {
      const result = await call('saveSettings', {
        // The other settings as last saved, never the unsaved input of the form above (it saves its own).
        settings: {
          displayName: saved.displayName,
          backupKeepLast: saved.backupKeepLast,
          backupKeepDays: saved.backupKeepDays,
          letterSender: { ...sender, example: false },
        },
      });
      setProblems({});
      setSender(result.value.letterSender);
      onSaved(result.value);
      setMessage({ kind: 'success', text: settingsTexts.letterSaved });
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields)
        setProblems(Object.fromEntries(e.error.fields.map((p) => [p.field.replace(/^settings\.letterSender\./, ''), p.message])));
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  return (
    <section aria-labelledby="letter-title">
      <h2 id="letter-title">{settingsTexts.letterTitle}</h2>
      <p>{settingsTexts.letterIntro}</p>
      {saved.letterSender.example ? <Notice kind="warning">{settingsTexts.letterExample}</Notice> : null}
      <form
        className="inline-form"
        aria-labelledby="letter-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="grid">
          {FIELDS.map(({ key, wide, narrow, required }) => (
            <TextField
              key={key}
              id={`set-letter-${key}`}
              label={settingsTexts.letterFields[key]}
              hint={(settingsTexts.letterHints as Partial<Record<Field, string>>)[key]}
              value={sender[key]}
              required={required}
              error={problems[key]}
              onChange={(v) => setSender({ ...sender, [key]: v })}
              className={wide ? 'field-wide' : narrow ? 'field-narrow' : undefined}
            />
          ))}
        </div>
        <button type="submit">{settingsTexts.letterSave}</button>
      </form>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
