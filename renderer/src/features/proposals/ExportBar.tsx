import { useRef, useState } from 'react';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { Notice } from '../../ui/Notice';
import { ExportProgress } from '../export/ExportProgress';
import { useExportProgress } from '../export/useExportProgress';

const proposalsExportTexts = de.proposalsUi.export;

/**
 * "Excel exportieren …": the Anregungen with their state and the overview per district. Contact data only
 * when the clerk ticks it (off by default; the choice is logged by the export).
 */
export function ExportBar() {
  const [personal, setPersonal] = useState(false);
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const { progress, track, cancel } = useExportProgress();
  const button = useRef<HTMLButtonElement>(null);

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { value: result, cancelled } = await track(() => call('exportProposals', { includePersonalData: personal, open: openAfter }));
      setMessage(
        result
          ? { kind: 'success', text: proposalsExportTexts.written(result.path) }
          : { kind: 'info', text: cancelled ? de.ui.exportProgress.cancelled : proposalsExportTexts.cancelled },
      );
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-bar" role="group" aria-labelledby="proposals-export-title">
      <span id="proposals-export-title" className="export-title">
        {proposalsExportTexts.title}
      </span>
      <label className="checkbox">
        <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
        {proposalsExportTexts.personal}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)} />
        {proposalsExportTexts.openAfter}
      </label>
      <button type="button" ref={button} disabled={busy} onClick={() => void run()}>
        {proposalsExportTexts.button}
      </button>
      {personal ? <Notice kind="warning">{proposalsExportTexts.personalWarning}</Notice> : null}
      {progress ? (
        <ExportProgress state={progress} onCancel={cancel} returnFocus={() => button.current} />
      ) : busy ? (
        <p role="status">{proposalsExportTexts.busy}</p>
      ) : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </div>
  );
}
