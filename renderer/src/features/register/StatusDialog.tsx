import { useEffect, useRef, useState } from 'react';
import { localDay } from '@shared/core/calendar';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import type { Measure, MeasureFields } from '@shared/register/measure';
import { MEASURE_FIELD_NAMES } from '@shared/register/measure';
import { checkMeasureRules } from '@shared/register/rules';
import { statusDateField } from '@shared/register/status';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';
import { SelectField, TextArea } from '../../ui/fields';
import { Notice } from '../../ui/Notice';

const t = de.ui.statusChange;

// Which date a status change sets (also used by the bulk change in main).
export { statusDateField };

/**
 * "Status ändern": status, reason and (where the status means a start or an end) the date, in one small
 * modal dialog on the measure's page. One audited update, with the same rules and version check as the
 * form; problems are shown at their fields and nothing is saved. Esc or "Abbrechen" closes it unchanged.
 */
export function StatusDialog({ measure, onClose: done }: { measure: Measure; onClose: (message: string | null) => void }) {
  const { reference, rows, save } = useApp();
  const ref = useRef<HTMLDialogElement>(null);
  // Closing the native dialog first hands the focus back to the button that opened it.
  const onClose = (message: string | null) => {
    ref.current?.close();
    done(message);
  };
  const [status, setStatus] = useState(measure.status);
  const [reason, setReason] = useState(measure.statusReason);
  const [link, setLink] = useState(measure.linkedMeasureId ?? '');
  const dateField = statusDateField(status);
  const [date, setDate] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  // A status that means a start or an end offers that date: as recorded, or today.
  useEffect(() => {
    const key = statusDateField(status);
    setDate(key ? formatDate(measure[key] ?? localDay()) : '');
  }, [status, measure]);

  if (!reference) return null;
  const statuses = reference.statuses.filter((s) => s.active || s.key === measure.status);
  const chosen = reference.statuses.find((s) => s.key === status);
  const current = reference.statuses.find((s) => s.key === measure.status)?.label ?? measure.status;
  const others = rows.filter((r) => r.id !== measure.id && !r.deletedAt);

  const submit = async () => {
    const local: Record<string, string> = {};
    const iso = dateField && date.trim() !== '' ? readDateEntry(date) : null;
    if (dateField && date.trim() !== '' && !iso) local.date = de.ui.measure.invalidDate;
    const fields = Object.fromEntries(MEASURE_FIELD_NAMES.map((k) => [k, measure[k]])) as MeasureFields;
    const next: MeasureFields = {
      ...fields,
      status,
      statusReason: reason,
      linkedMeasureId: chosen?.requiresLink ? link || null : fields.linkedMeasureId,
      ...(dateField ? { [dateField]: iso } : {}),
    };
    // Only the status rules are asked here; the service checks the whole record again on saving.
    for (const p of checkMeasureRules(next, {
      measureId: measure.id,
      actionFields: reference.actionFields,
      orgUnits: reference.orgUnits,
      statuses: reference.statuses,
      others: others.map((r) => ({ id: r.id, number: r.number, actionFieldId: r.actionFieldId })),
    }))
      if (['status', 'statusReason', 'linkedMeasureId'].includes(p.field)) local[p.field] ??= p.message;
    setProblems(local);
    if (Object.keys(local).length > 0) return;
    if (JSON.stringify(next) === JSON.stringify(fields)) return onClose(t.unchanged);
    setBusy(true);
    try {
      // The one confirmation says it; "Rückgängig" saves the fields as they were, on the version just written.
      await save(() => call('updateMeasure', { id: measure.id, version: measure.version, fields: next }), {
        text: () => t.saved(measure.number, chosen?.label ?? status),
        undo: (saved) => call('updateMeasure', { id: measure.id, version: saved.value.version, fields }),
      });
      onClose(null);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields)
        setProblems(Object.fromEntries(e.error.fields.map((p) => [p.field.replace(/^fields\./, ''), p.message])));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="status-dialog"
      aria-labelledby="status-dialog-title"
      aria-describedby="status-dialog-intro"
      onCancel={(e) => {
        e.preventDefault();
        onClose(null);
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="status-dialog-title">{t.title(measure.number)}</h2>
        <p id="status-dialog-intro">{t.intro(current)}</p>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <SelectField
          id="status-dialog-status"
          label={t.status}
          value={status}
          error={problems.status}
          options={statuses.map((s) => ({ value: s.key, label: `${s.label} (${s.defaultPercent} %)` }))}
          onChange={setStatus}
        />
        <TextArea
          id="status-dialog-reason"
          label={chosen?.requiresReason ? t.reasonRequired : t.reason}
          value={reason}
          error={problems.statusReason}
          rows={3}
          onChange={setReason}
        />
        {chosen?.requiresLink ? (
          <SelectField
            id="status-dialog-link"
            label={t.link}
            value={link}
            error={problems.linkedMeasureId}
            emptyLabel={de.ui.measure.none}
            options={others.map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }))}
            onChange={setLink}
          />
        ) : null}
        {dateField ? (
          <DateField
            id="status-dialog-date"
            label={dateField === 'actualStart' ? t.startDate : t.endDate}
            value={date}
            error={problems.date ?? problems[dateField]}
            onChange={setDate}
          />
        ) : null}
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t.save}
          </button>
          <button type="button" onClick={() => onClose(null)}>
            {t.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
