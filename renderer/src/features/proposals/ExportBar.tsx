import { useState } from 'react';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { Notice } from '../../ui/Notice';

const t = de.proposalsUi.export;

/**
 * "Excel exportieren …": the Anregungen with their state and the overview per district. Contact data only
 * when the clerk ticks it (off by default; the choice is logged by the export).
 */
export function ExportBar() {
  const [personal, setPersonal] = useState(false);
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('exportProposals', { includePersonalData: personal, open: openAfter });
      setMessage(result ? { kind: 'success', text: t.written(result.path) } : { kind: 'info', text: t.cancelled });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-bar" role="group" aria-labelledby="proposals-export-title">
      <span id="proposals-export-title" className="export-title">
        {t.title}
      </span>
      <label className="checkbox">
        <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
        {t.personal}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)} />
        {t.openAfter}
      </label>
      <button type="button" disabled={busy} onClick={() => void run()}>
        {t.button}
      </button>
      {personal ? <Notice kind="warning">{t.personalWarning}</Notice> : null}
      {busy ? <p role="status">{t.busy}</p> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </div>
  );
}
