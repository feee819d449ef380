import { useRef, useState } from 'react';
import { localDay } from '@shared/core/calendar';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import type { MeasureRow } from '@shared/register/search';
import { statusDateField } from '@shared/register/status';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';
import { FormDialog } from '../../ui/FormDialog';
import { Notice } from '../../ui/Notice';
import { SelectField, TextArea } from '../../ui/fields';

const t = de.ui.bulkStatus;
/** How many of the chosen measures the dialog names (the rest as "… und N weitere"). */
const NAMED = 8;

/**
 * "Status ändern für Auswahl": one status and reason (and the link or date the status asks for) for all
 * selected measures. Main applies one audited change per measure, each with its version check, in one
 * write; if any measure fails, nothing is written and the dialog lists each failing measure and why.
 */
export function BulkStatusDialog({ chosen, onClose }: { chosen: readonly MeasureRow[]; onClose: (message: string | null) => void }) {
  const { reference, rows, save, reload } = useApp();
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [link, setLink] = useState('');
  const [date, setDate] = useState(formatDate(localDay()));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState<string[]>([]);
  const [reloaded, setReloaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What the list confirms once the dialog has closed (null: cancelled).
  const message = useRef<string | null>(null);

  if (!reference) return null;
  const definition = reference.statuses.find((s) => s.key === status);
  const dateField = statusDateField(status);
  const chosenIds = new Set(chosen.map((r) => r.id));
  const linkOptions = rows
    .filter((r) => !r.deletedAt && !chosenIds.has(r.id))
    .map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }));

  const submit = async (close: () => void) => {
    const local: Record<string, string> = {};
    if (!definition) local.status = de.validation.unknownStatus;
    if (definition?.requiresReason && reason.trim() === '') local.statusReason = de.validation.statusReasonRequired(definition.label);
    if (definition?.requiresLink && !link) local.linkedMeasureId = de.validation.linkRequired(definition.label);
    const iso = dateField && date.trim() !== '' ? readDateEntry(date) : null;
    if (dateField && date.trim() !== '' && !iso) local.date = de.ui.measure.invalidDate;
    setProblems(local);
    setRefusals([]);
    setReloaded(false);
    setError(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const saved = await save(() =>
        call('changeMeasureStatuses', {
          measures: chosen.map((r) => ({ id: r.id, version: r.version })),
          status,
          statusReason: reason,
          linkedMeasureId: definition?.requiresLink ? link : null,
          date: iso,
        }),
      );
      message.current = t.saved(saved.value.changed.length, saved.value.unchanged.length, definition!.label);
      close();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields) setRefusals(e.error.fields.map((p) => p.message));
      setError(errorMessage(e));
      // Changed elsewhere: fetch the stored state, so the next try carries the current versions.
      if (e instanceof ApiCallError && (e.error.code === 'CONFLICT' || e.error.code === 'NOT_FOUND')) {
        await reload();
        setReloaded(true);
      }
    } finally {
      setBusy(false);
    }
  };

  const named = chosen.slice(0, NAMED);
  return (
    <FormDialog
      id="bulk-status-dialog"
      className="bulk-status-dialog"
      title={t.title(chosen.length)}
      intro={
        <>
          <p>{t.intro}</p>
          <p className="chosen">
            {t.chosen}: {named.map((r) => r.number).join(', ')}
            {chosen.length > NAMED ? ` ${t.more(chosen.length - NAMED)}` : ''}
          </p>
        </>
      }
      error={refusals.length > 0 ? null : error}
      busy={busy}
      saveLabel={t.save}
      cancelLabel={t.cancel}
      onSubmit={(close) => void submit(close)}
      onClose={() => onClose(message.current)}
    >
      {refusals.length > 0 ? (
        // One announcement: what happened, then each measure and why.
        <Notice kind="error">
          {error}
          <ul className="refusals">
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {reloaded ? t.reloaded : null}
        </Notice>
      ) : null}
      <SelectField
        id="bulk-status-dialog-status"
        label={t.status}
        required
        value={status}
        error={problems.status}
        emptyLabel={t.chooseStatus}
        options={reference.statuses.filter((s) => s.active).map((s) => ({ value: s.key, label: `${s.label} (${s.defaultPercent} %)` }))}
        onChange={setStatus}
      />
      <TextArea
        id="bulk-status-dialog-reason"
        label={definition?.requiresReason ? t.reasonRequired : t.reason}
        hint={t.reasonHint}
        value={reason}
        error={problems.statusReason}
        rows={3}
        onChange={setReason}
      />
      {definition?.requiresLink ? (
        <SelectField
          id="bulk-status-dialog-link"
          label={t.link}
          required
          value={link}
          error={problems.linkedMeasureId}
          emptyLabel={de.ui.measure.none}
          options={linkOptions}
          onChange={setLink}
        />
      ) : null}
      {dateField ? (
        <DateField
          id="bulk-status-dialog-date"
          label={dateField === 'actualStart' ? t.startDate : t.endDate}
          hint={`${de.ui.dateField.hint} – ${t.dateHint}`}
          value={date}
          error={problems.date}
          onChange={setDate}
        />
      ) : null}
    </FormDialog>
  );
}
