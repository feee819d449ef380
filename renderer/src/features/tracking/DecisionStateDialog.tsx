import { useState } from 'react';
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
import { call } from '../../api';
import { useApp } from '../../appState';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';
import { FormDialog } from '../../ui/FormDialog';
import { useDialogSave } from '../../ui/useDialogSave';
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
  const { problems, error, busy, message, run } = useDialogSave();

  const submit = async (close: () => void) => {
    const fields = decisionFieldsOf(decision);
    const due = dueDate.trim() === '' ? null : readDateEntry(dueDate);
    const next: TrackedDecisionFields = { ...fields, state, stateText, dueDate: due };
    const found = dueDate.trim() !== '' && !due ? [{ field: 'dueDate', message: de.validation.date }] : decisionDueProblems(next);
    // The confirmation is the app's one (ui/SaveConfirmation.tsx); only "nothing changed" goes back to the editor.
    await run(close, {
      problems: found,
      unchanged: JSON.stringify(next) === JSON.stringify(fields),
      unchangedText: t.unchanged,
      job: () =>
        save(() => call('saveTrackedDecision', { id: decision.id, version: decision.version, fields: next }), {
          text: (r) => t.saved(r.value.printNumber, states[r.value.state]),
        }),
      onSaved: (saved) => onSaved(saved.value),
    });
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
