import { useState } from 'react';
import { de } from '@shared/i18n/de';
import { proposalFieldsSchema, type Proposal, type ProposalFields, type ProposalState } from '@shared/participation/labs';
import { PROPOSAL_TRANSITIONS, proposalStateProblems } from '@shared/participation/participationRules';
import { call } from '../../api';
import { useApp } from '../../appState';
import { FormDialog } from '../../ui/FormDialog';
import { useDialogSave } from '../../ui/useDialogSave';
import { SelectField, TextArea } from '../../ui/fields';

const t = de.proposalsUi.stateDialog;
const states = de.participation.proposalStates;
const FIELD_NAMES = Object.keys(proposalFieldsSchema.shape) as (keyof ProposalFields)[];

/** The stored fields of an Anregung (without id, version, stamps and list extras), as saveProposal takes them. */
export function proposalFieldsOf(proposal: Proposal): ProposalFields {
  return Object.fromEntries(FIELD_NAMES.map((k) => [k, proposal[k]])) as ProposalFields;
}

/**
 * "Status ändern" on an Anregung: the next state (only the allowed moves), the reason (required for
 * "abgelehnt") and, for "übernommen in Maßnahme", the measure. Sent as the whole stored record through
 * saveProposal, so the service applies the form's rules, the version check and the audit entry.
 */
export function ProposalStateDialog({
  proposal,
  onSaved,
  onClose,
}: {
  proposal: Proposal;
  onSaved: (saved: Proposal) => void;
  onClose: (message: string | null) => void;
}) {
  const { rows, save } = useApp();
  const [state, setState] = useState<ProposalState>(proposal.state);
  const [reason, setReason] = useState(proposal.stateReason);
  const [measureId, setMeasureId] = useState(proposal.measureId ?? '');
  const { problems, error, busy, message, run } = useDialogSave();

  const options = [proposal.state, ...PROPOSAL_TRANSITIONS[proposal.state]].map((s) => ({ value: s, label: states[s] }));
  const measures = rows
    .filter((r) => !r.deletedAt || r.id === proposal.measureId)
    .map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }));

  const submit = async (close: () => void) => {
    const fields = proposalFieldsOf(proposal);
    const next: ProposalFields = {
      ...fields,
      state,
      stateReason: reason,
      measureId: state === 'uebernommen' ? measureId || null : fields.measureId,
    };
    const found = proposalStateProblems(next, proposal);
    // The confirmation is the app's one (ui/SaveConfirmation.tsx); only "nothing changed" goes back to the editor.
    await run(close, {
      problems: found,
      unchanged: JSON.stringify(next) === JSON.stringify(fields),
      unchangedText: t.unchanged,
      job: () =>
        save(() => call('saveProposal', { id: proposal.id, version: proposal.version, fields: next }), {
          text: (r) => t.saved(r.value.number, states[r.value.state]),
        }),
      onSaved: (saved) => onSaved(saved.value),
    });
  };

  return (
    <FormDialog
      id="proposal-state-dialog"
      title={t.title(proposal.number)}
      intro={<p>{t.intro(states[proposal.state])}</p>}
      error={error}
      busy={busy}
      saveLabel={t.save}
      cancelLabel={t.cancel}
      onSubmit={(close) => void submit(close)}
      onClose={() => onClose(message.current)}
    >
      <SelectField
        id="proposal-state-dialog-state"
        label={t.state}
        value={state}
        error={problems.state}
        options={options}
        onChange={(v) => setState(v as ProposalState)}
      />
      <TextArea
        id="proposal-state-dialog-reason"
        label={state === 'abgelehnt' ? t.reasonRequired : t.reason}
        value={reason}
        error={problems.stateReason}
        rows={3}
        onChange={setReason}
      />
      {state === 'uebernommen' ? (
        <SelectField
          id="proposal-state-dialog-measure"
          label={t.measure}
          required
          value={measureId}
          error={problems.measureId}
          emptyLabel={de.proposalsUi.none}
          options={measures}
          onChange={setMeasureId}
        />
      ) : null}
    </FormDialog>
  );
}
