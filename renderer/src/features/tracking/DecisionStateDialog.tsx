import { useRef, useState } from 'react';
import { localDay } from '@shared/core/calendar';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { decisionDueProblems } from '@shared/participation/participationRules';
import {
  DECISION_STATES,
  trackedDecisionFieldsSchema,
  type DecisionState,
  type TrackedDecision,
  type TrackedDecisionFields,
} from '@shared/participation/tracking';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField, TextArea } from '../../ui/fields';

const t = de.trackingUi.stateDialog;
const states = de.participation.decisionStates;
const FIELD_NAMES = Object.keys(trackedDecisionFieldsSchema.shape) as (keyof TrackedDecisionFields)[];

/** The stored fields of a tracked decision (without id, version and stamps), as saveTrackedDecision takes them. */
export function decisionFieldsOf(decision: TrackedDecision): TrackedDecisionFields {
  return Object.fromEntries(FIELD_NAMES.map((k) => [k, decision[k]])) as TrackedDecisionFields;
}

/**
 * "Status ändern" on a tracked decision: the state, the state in words (as the half-yearly table prints
 * it) and the Frist. Sent as the whole stored record through saveTrackedDecision, so the service applies
 * the form's rules, the version check, the audit entry and the "letzte Aktualisierung".
 */
export function DecisionStateDialog({
  decision,
  onSaved,
  onClose,
}: {
  decision: TrackedDecision;
  onSaved: (saved: TrackedDecision) => void;
  onClose: (message: string | null) => void;
}) {
  const { save } = useApp();
  const [state, setState] = useState<DecisionState>(decision.state);
  const [stateText, setStateText] = useState(decision.stateText);
  const [dueDate, setDueDate] = useState(formatDate(decision.dueDate));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What the page confirms once the dialog has closed (null: cancelled).
  const message = useRef<string | null>(null);

  const submit = async (close: () => void) => {
    const fields = decisionFieldsOf(decision);
    const due = dueDate.trim() === '' ? null : readDateEntry(dueDate);
    const next: TrackedDecisionFields = { ...fields, state, stateText, dueDate: due };
    const found = dueDate.trim() !== '' && !due ? [{ field: 'dueDate', message: de.validation.date }] : decisionDueProblems(next);
    setProblems(Object.fromEntries(found.map((p) => [p.field, p.message])));
    if (found.length > 0) return;
    if (JSON.stringify(next) === JSON.stringify(fields)) {
      message.current = t.unchanged;
      return close();
    }
    setBusy(true);
    try {
      // The confirmation is the app's one (ui/SaveConfirmation.tsx); only "nothing changed" goes back to the editor.
      const saved = await save(() => call('saveTrackedDecision', { id: decision.id, version: decision.version, fields: next }), {
        text: (r) => t.saved(r.value.printNumber, states[r.value.state]),
      });
      onSaved(saved.value);
      close();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields)
        setProblems(Object.fromEntries(e.error.fields.map((p) => [p.field.replace(/^fields\./, ''), p.message])));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      id="decision-state-dialog"
      title={t.title(decision.printNumber)}
      intro={
        <>
          <p>{t.intro(states[decision.state])}</p>
          <p className="hint">{t.lastUpdate(formatDate(localDay()))}</p>
        </>
      }
      error={error}
      busy={busy}
      saveLabel={t.save}
      cancelLabel={t.cancel}
      onSubmit={(close) => void submit(close)}
      onClose={() => onClose(message.current)}
    >
      <SelectField
        id="decision-state-dialog-state"
        label={t.state}
        value={state}
        error={problems.state}
        options={DECISION_STATES.map((s) => ({ value: s, label: states[s] }))}
        onChange={(v) => setState(v as DecisionState)}
      />
      <TextArea
        id="decision-state-dialog-text"
        label={t.stateText}
        hint={t.stateTextHint}
        value={stateText}
        error={problems.stateText}
        rows={3}
        onChange={setStateText}
      />
      <DateField
        id="decision-state-dialog-due"
        label={t.dueDate}
        hint={`${de.ui.dateField.hint} – ${t.dueDateHint}`}
        value={dueDate}
        error={problems.dueDate}
        onChange={setDueDate}
        maxLength={10}
      />
    </FormDialog>
  );
}
