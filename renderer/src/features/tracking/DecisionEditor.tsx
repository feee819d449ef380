import { useCallback, useEffect, useRef, useState } from 'react';
import { orgUnitLabel } from '@shared/register/orgUnit';
import type { FieldProblem } from '@shared/register/rules';
import { DECISION_KINDS, DECISION_STATES, type TrackedDecision } from '@shared/participation/tracking';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { EditorButtons, EditorForm } from '../../ui/EditorForm';
import { HistorySection } from '../../ui/HistoryTable';
import { Section, SelectField, TextArea, TextField } from '../../ui/fields';
import { MeasurePicker } from '../../ui/MeasurePicker';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from '../evaluation/parts';
import { emptyDecisionForm, fromDecisionForm, toDecisionForm, type DecisionForm } from './decisionData';
import { decisionHistory } from './history';
import { DecisionStateDialog } from './DecisionStateDialog';
import './tracking.css';

const trackingEditorTexts = de.trackingUi.editor;
const f = trackingEditorTexts.field;
const participationTexts = de.participation;
const measureTexts = { ...trackingEditorTexts.measures, actionsColumn: de.ui.actionsColumn };

const fieldId = (field: string) => `decision-${field.split('.')[0]}`;
const fieldLabel = (field: string) => (f as Record<string, string>)[field.split('.')[0]!] ?? field;

/**
 * A tracked decision (id null: new): Drucksache, body, date, kind, who asked for it, subject and text,
 * deadline, responsible office, linked measures, state and the state in words. "Letzte Aktualisierung" is
 * set by the main side when the state or its text change. Strg+S saves; leaving with unsaved input asks.
 */
export function DecisionEditor({ id }: { id: string | null }) {
  const { navigate, setDirty, save, confirm, readOnly, reference, rows } = useApp();
  const [decision, setDecision] = useState<TrackedDecision | null>(null);
  const [form, setForm] = useState<DecisionForm | null>(id ? null : emptyDecisionForm());
  const initial = useRef(JSON.stringify(emptyDecisionForm()));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changingState, setChangingState] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const adopt = useCallback(
    (next: TrackedDecision) => {
      const nextForm = toDecisionForm(next);
      initial.current = JSON.stringify(nextForm);
      setDecision(next);
      setForm(nextForm);
      setDirty(false);
    },
    [setDirty],
  );

  const load = useCallback(
    async (wanted: string) => {
      const found = (await call('listTrackedDecisions', {})).find((d) => d.id === wanted);
      if (!found) throw new Error(trackingEditorTexts.notFound);
      adopt(found);
    },
    [adopt],
  );

  useEffect(() => {
    if (!id) return;
    load(id).catch((e) => setLoadError(errorMessage(e)));
  }, [id, load]);
  useEffect(() => () => setDirty(false), [setDirty]);

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!form || !reference) return <p>{de.ui.loading}</p>;
  const inTrash = Boolean(decision?.deletedAt);
  const locked = readOnly || inTrash;

  const update = (patch: Partial<DecisionForm>) => {
    setForm((current) => {
      const next = { ...current!, ...patch };
      setDirty(JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const problemOf = (field: string) => problems.find((x) => x.field === field || x.field.startsWith(`${field}.`))?.message;
  const common = (field: keyof DecisionForm) => ({ id: fieldId(field), label: f[field], error: problemOf(field), disabled: locked });
  const back = () => void navigate({ name: 'participation', tab: 'tracking' });
  const showProblems = (found: FieldProblem[]) => {
    setProblems(found);
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const submit = async () => {
    setMessage(null);
    setConflict(false);
    const { fields, problems: found } = fromDecisionForm(form);
    if (found.length > 0) return showProblems(found);
    setProblems([]);
    setBusy(true);
    try {
      const saved = await save(
        () => call('saveTrackedDecision', { id: decision?.id ?? null, version: decision?.version ?? null, fields }),
        { text: (r) => trackingEditorTexts.saved(r.value.printNumber) },
      );
      adopt(saved.value);
    } catch (err) {
      if (err instanceof ApiCallError && err.error.fields?.length)
        showProblems(err.error.fields.map((x) => ({ field: x.field.replace(/^fields\./, ''), message: x.message })));
      if (err instanceof ApiCallError && err.error.code === 'CONFLICT') setConflict(true);
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const reloadStored = async () => {
    if (!decision) return;
    try {
      await load(decision.id);
      setConflict(false);
      setProblems([]);
      setMessage(null);
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const remove = async () => {
    if (!decision) return;
    const label = trackingEditorTexts.label(decision.printNumber, decision.subject);
    if (
      !(await confirm({
        title: trackingEditorTexts.deleteTitle,
        text: trackingEditorTexts.deleteConfirm(label),
        confirmLabel: trackingEditorTexts.deleteTitle,
      }))
    )
      return;
    try {
      await save(() => call('deleteTrackedDecision', { id: decision.id, version: decision.version }));
      setDirty(false);
      back();
    } catch (err) {
      if (err instanceof ApiCallError && err.error.code === 'CONFLICT') setConflict(true);
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const bodies = reference.bodies.filter((b) => b.active || b.id === form.bodyId);
  const title = decision ? trackingEditorTexts.editTitle(decision.printNumber) : trackingEditorTexts.newTitle;
  const formDirty = !!decision && JSON.stringify(form) !== JSON.stringify(toDecisionForm(decision));

  return (
    <EditorForm className="decision-editor" labelledBy="decision-title" locked={locked} onSubmit={() => void submit()} onBack={back}>
      <div className="view-head">
        <div>
          <h1 id="decision-title">{title}</h1>
          {decision ? <p className="muted status-line">{decision.subject}</p> : null}
        </div>
        <div className="buttons">
          {decision ? (
            // The dialog changes the stored decision: unsaved input in the form would be lost, so it waits.
            <button
              type="button"
              aria-haspopup="dialog"
              disabled={busy || locked || formDirty}
              title={formDirty ? de.trackingUi.stateDialog.saveFirst : undefined}
              onClick={() => {
                setMessage(null);
                setChangingState(true);
              }}
            >
              {de.trackingUi.stateDialog.open}
            </button>
          ) : null}
          <EditorButtons
            labels={trackingEditorTexts}
            disabled={busy || locked}
            onBack={back}
            onDelete={decision ? () => void remove() : null}
          />
        </div>
      </div>
      {readOnly ? <Notice kind="warning">{de.ui.measure.readOnlyHint}</Notice> : null}
      {inTrash ? <Notice kind="warning">{trackingEditorTexts.inTrash}</Notice> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {conflict && decision ? (
        <p>
          <button type="button" onClick={() => void reloadStored()}>
            {trackingEditorTexts.conflictReload}
          </button>
        </p>
      ) : null}
      <ProblemSummary
        ref={summaryRef}
        title={trackingEditorTexts.problems(problems.length)}
        problems={problems}
        fieldId={fieldId}
        fieldLabel={fieldLabel}
      />

      <Section title={trackingEditorTexts.sections.decision}>
        <TextField
          {...common('printNumber')}
          required
          hint={trackingEditorTexts.hints.printNumber}
          value={form.printNumber}
          onChange={(v) => update({ printNumber: v })}
          className="field-number"
          maxLength={12}
        />
        <SelectField
          {...common('bodyId')}
          required
          value={form.bodyId}
          emptyLabel={trackingEditorTexts.chooseBody}
          options={bodies.map((b) => ({ value: b.id, label: b.active ? b.name : trackingEditorTexts.inactiveBody(b.name) }))}
          onChange={(v) => update({ bodyId: v })}
        />
        <TextField
          {...common('decidedOn')}
          required
          hint={trackingEditorTexts.hints.date}
          value={form.decidedOn}
          onChange={(v) => update({ decidedOn: v })}
          className="field-narrow"
          maxLength={10}
        />
        <SelectField
          {...common('kind')}
          value={form.kind}
          options={DECISION_KINDS.map((k) => ({ value: k, label: participationTexts.decisionKinds[k] }))}
          onChange={(v) => update({ kind: v as DecisionForm['kind'] })}
        />
        <TextField
          {...common('requestingGroup')}
          hint={trackingEditorTexts.hints.requestingGroup}
          value={form.requestingGroup}
          onChange={(v) => update({ requestingGroup: v })}
          className="field-wide"
          maxLength={200}
        />
        <TextField
          {...common('subject')}
          required
          value={form.subject}
          onChange={(v) => update({ subject: v })}
          className="field-wide"
          maxLength={300}
        />
        <TextArea {...common('decisionText')} rows={4} value={form.decisionText} onChange={(v) => update({ decisionText: v })} />
      </Section>

      <Section title={trackingEditorTexts.sections.implementation}>
        <TextField
          {...common('dueDate')}
          hint={trackingEditorTexts.hints.dueDate}
          value={form.dueDate}
          onChange={(v) => update({ dueDate: v })}
          className="field-narrow"
          maxLength={10}
        />
        <SelectField
          {...common('responsibleOrgUnitId')}
          value={form.responsibleOrgUnitId}
          emptyLabel={trackingEditorTexts.noOrgUnit}
          options={reference.orgUnits.map((u) => ({ value: u.id, label: orgUnitLabel(u) }))}
          onChange={(v) => update({ responsibleOrgUnitId: v })}
        />
        <SelectField
          {...common('state')}
          value={form.state}
          options={DECISION_STATES.map((s) => ({ value: s, label: participationTexts.decisionStates[s] }))}
          onChange={(v) => update({ state: v as DecisionForm['state'] })}
        />
        <TextArea
          {...common('stateText')}
          hint={trackingEditorTexts.hints.stateText}
          rows={3}
          value={form.stateText}
          onChange={(v) => update({ stateText: v })}
        />
        <dl className="details field-wide">
          <div>
            <dt>{f.lastUpdateOn}</dt>
            <dd>
              {decision ? formatDate(decision.lastUpdateOn) : trackingEditorTexts.lastUpdateNew}
              <span className="hint"> – {trackingEditorTexts.lastUpdateHint}</span>
            </dd>
          </div>
        </dl>
      </Section>

      <Section title={trackingEditorTexts.sections.measures}>
        <MeasurePicker
          idPrefix="decision-measure"
          searchId={fieldId('measureIds')}
          className="field-wide"
          rows={rows}
          selectedIds={form.measureIds}
          disabled={locked}
          error={problemOf('measureIds')}
          texts={measureTexts}
          onChange={(measureIds) => update({ measureIds })}
        />
      </Section>

      <EditorButtons className="buttons form-end" labels={trackingEditorTexts} disabled={busy || locked} onBack={back} />
      {decision ? <HistorySection entityId={decision.id} version={decision.version} {...decisionHistory({ reference, rows })} /> : null}
      {changingState && decision ? (
        <DecisionStateDialog
          decision={decision}
          onSaved={adopt}
          onClose={(text) => {
            setChangingState(false);
            if (text) setMessage({ kind: 'info', text }); // only "nothing changed": a save confirms itself
          }}
        />
      ) : null}
    </EditorForm>
  );
}
