import { useRef, useState } from 'react';
import { de } from '@shared/i18n/de';
import { DISTRICTS } from '@shared/register/districts';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { ExportProgress } from '../export/ExportProgress';
import { useExportProgress } from '../export/useExportProgress';

const evaluationExportUiTexts = de.ui.evaluationExport;

/** Excel evaluation tables and the Word report of the chosen round, with filters; personal data off by default. */
export function ExportPanel({ roundId }: { roundId: string | null }) {
  const { reference } = useApp();
  const [actionFieldId, setActionFieldId] = useState('');
  const [district, setDistrict] = useState('');
  const [status, setStatus] = useState('');
  const [personal, setPersonal] = useState(false);
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const { progress, track, cancel } = useExportProgress();
  const excelButton = useRef<HTMLButtonElement>(null);
  const fields = reference?.actionFields.filter((f) => f.editionId === reference.currentEditionId) ?? [];

  const run = async (format: 'xlsx' | 'docx') => {
    setBusy(true);
    setMessage(null);
    try {
      const filters = { ...(actionFieldId ? { actionFieldId } : {}), ...(district ? { district } : {}), ...(status ? { status } : {}) };
      const { value: result, cancelled } = await track(() =>
        call('exportEvaluation', { roundId, format, filters, includePersonalData: personal, open: openAfter }),
      );
      if (result) setMessage({ kind: 'success', text: evaluationExportUiTexts.written(result.path) });
      else if (cancelled) setMessage({ kind: 'info', text: de.ui.exportProgress.cancelled });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="eval-export-title" className="dash-card">
      <h2 id="eval-export-title">{evaluationExportUiTexts.title}</h2>
      <div className="filters">
        <label>
          {evaluationExportUiTexts.actionField}
          <select value={actionFieldId} onChange={(e) => setActionFieldId(e.target.value)}>
            <option value="">{de.ui.register.all}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.code} {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {evaluationExportUiTexts.district}
          <select value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{de.ui.register.all}</option>
            {DISTRICTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {evaluationExportUiTexts.status}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{de.ui.register.all}</option>
            {reference?.statuses.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p>
        <label className="checkbox">
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
          {evaluationExportUiTexts.personal}
        </label>
        <br />
        <label className="checkbox">
          <input type="checkbox" checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)} />
          {evaluationExportUiTexts.openAfter}
        </label>
      </p>
      {personal ? <Notice kind="warning">{evaluationExportUiTexts.personalHint}</Notice> : null}
      <div className="buttons">
        <button type="button" ref={excelButton} disabled={busy} onClick={() => void run('xlsx')}>
          {evaluationExportUiTexts.excel}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('docx')}>
          {evaluationExportUiTexts.word}
        </button>
      </div>
      {progress ? (
        <ExportProgress state={progress} onCancel={cancel} returnFocus={() => excelButton.current} />
      ) : busy ? (
        <p role="status">{evaluationExportUiTexts.busy}</p>
      ) : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
