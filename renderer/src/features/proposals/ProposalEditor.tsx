import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DISTRICTS } from '@shared/register/districts';
import { PROPOSAL_SOURCES, type Proposal, type ProposalState } from '@shared/participation/labs';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { PROPOSAL_TRANSITIONS, suggestProposalNumber } from '@shared/participation/participationRules';
import { proposalFromLab } from '@shared/participation/labProposal';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import type { Saved } from '@shared/contract';
import type { Measure } from '@shared/register/measure';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { EditorButtons, EditorForm } from '../../ui/EditorForm';
import { HistorySection } from '../../ui/HistoryTable';
import { Section, SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from '../evaluation/parts';
import { ContactSection } from './ContactSection';
import { CreateMeasureDialog } from './CreateMeasureDialog';
import { ProposalStateDialog } from './ProposalStateDialog';
import { proposalHistory } from './history';
import { presets } from './presets';
import { fromProposalForm, newProposalFields, serverProblems, todayIso, toProposalForm, type ProposalForm } from './proposalForm';
import { useLists } from './useLists';
import './proposals.css';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';

const proposalsTexts = de.proposalsUi;
const e = proposalsTexts.proposal;
const f = e.field;
const participationTexts = de.participation;

export const proposalFieldId = (field: string) => `proposal-${field.replace(/\./g, '-')}`;
const proposalFieldLabel = (field: string) => (f as Record<string, string>)[field] ?? field;
const yearOf = (germanDate: string) => Number((readDateEntry(germanDate) ?? todayIso()).slice(0, 4));

/**
 * Create (id null) or edit an Anregung: where it came from, its text and place (never a home address),
 * who handles it, its state (only the allowed next states), the measure it became, the Rückmeldung, and
 * apart from all that the optional feedback contact. Leaving with unsaved input asks first; Strg+S saves.
 */
export function ProposalEditor({ id }: { id: string | null }) {
  const { navigate, setDirty, save, confirm, readOnly, reference, rows } = useApp();
  const lists = useLists({ meetings: true });
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [form, setForm] = useState<ProposalForm | null>(null);
  const initial = useRef('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [preset] = useState(() => (id ? null : presets.proposal.peek()));
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [created, setCreated] = useState<Measure | null>(null);
  const [creating, setCreating] = useState(false);
  const [changingState, setChangingState] = useState(false);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  // The Anregung's form and the contact form each say whether they hold unsaved input; leaving asks if either does.
  const dirtyParts = useRef({ main: false, contact: false });
  const markDirty = useCallback(
    (part: 'main' | 'contact', value: boolean) => {
      dirtyParts.current[part] = value;
      setDirty(dirtyParts.current.main || dirtyParts.current.contact);
    },
    [setDirty],
  );

  useEffect(() => {
    presets.proposal.clear();
  }, []);
  useEffect(() => () => setDirty(false), [setDirty]);

  const adopt = useCallback(
    (loaded: Proposal) => {
      const next = toProposalForm(loaded);
      initial.current = JSON.stringify(next);
      setProposal(loaded);
      setForm(next);
      markDirty('main', false);
    },
    [markDirty],
  );

  // Set up the form once; later list reloads (after any save) must not reset what the clerk typed.
  const listed = id ? lists.proposals?.find((x) => x.id === id) : undefined;
  const numbers = useMemo(() => lists.proposals?.map((x) => x.number) ?? null, [lists.proposals]);
  useEffect(() => {
    if (form) return;
    if (id) {
      if (listed) adopt(listed);
    } else if (numbers) {
      // The number follows the year of receipt (a lab's date may lie in the year before).
      const year = preset?.receivedOn ? Number(preset.receivedOn.slice(0, 4)) : new Date().getFullYear();
      const next = toProposalForm(newProposalFields(suggestProposalNumber(year, numbers), preset ?? {}));
      initial.current = JSON.stringify(next);
      setForm(next);
    }
  }, [form, id, listed, numbers, preset, adopt]);

  if (lists.error) return <Notice kind="error">{lists.error}</Notice>;
  if (id && lists.proposals && !listed) return <Notice kind="error">{e.notFound}</Notice>;
  if (!form || !reference || !lists.labs || !lists.meetings) return <p>{de.ui.loading}</p>;

  const anonymised = !!proposal?.anonymisedAt;
  const locked = readOnly || anonymised || !!proposal?.deletedAt;
  const update = (patch: Partial<ProposalForm>) => {
    setForm((current) => {
      const next = { ...current!, ...patch };
      markDirty('main', JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const problemOf = (field: string) => problems.find((x) => x.field === field)?.message;
  const common = (field: string) => ({ id: proposalFieldId(field), error: problemOf(field), disabled: locked });
  const showProblems = (found: FieldProblem[]) => {
    setProblems(found);
    setTimeout(() => summaryRef.current?.focus(), 0);
  };
  const back = () => void navigate({ name: 'participation', tab: 'proposals' });

  const submit = async () => {
    setMessage(null);
    setConflict(false);
    const { fields, problems: found } = fromProposalForm(form);
    if (found.length > 0) return showProblems(found);
    setProblems([]);
    setBusy(true);
    try {
      // The one confirmation (ui/SaveConfirmation.tsx) outlasts the step from "new" to the saved Anregung.
      const saved = await save(() => call('saveProposal', { id: proposal?.id ?? null, version: proposal?.version ?? null, fields }), {
        text: (r) => e.saved(r.value.number),
      });
      if (!proposal) {
        markDirty('main', false);
        await navigate({ name: 'proposal', id: saved.value.id });
        return;
      }
      adopt(saved.value);
    } catch (err) {
      if (err instanceof ApiCallError && err.error.fields?.length) showProblems(serverProblems(err.error.fields));
      if (err instanceof ApiCallError && err.error.code === 'CONFLICT') setConflict(true);
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const reloadSaved = async () => {
    if (!proposal) return;
    try {
      const fresh = (await call('listProposals', {})).find((x) => x.id === proposal.id);
      if (!fresh) throw new Error(e.notFound);
      adopt(fresh);
      setProblems([]);
      setConflict(false);
      setMessage(null);
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const remove = async () => {
    if (!proposal) return;
    if (!(await confirm({ title: e.deleteTitle, text: e.deleteConfirm(proposal.number), confirmLabel: e.deleteTitle }))) return;
    setMessage(null);
    try {
      await save(() => call('deleteProposal', { id: proposal.id, version: proposal.version }));
      dirtyParts.current = { main: false, contact: false };
      setDirty(false);
      back();
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const onCreated = (result: Saved<{ measure: Measure; proposal: Proposal }>['value']) => {
    adopt(result.proposal);
    setCreated(result.measure);
    setCreating(false);
    setProblems([]);
    setMessage(null);
    // The form that had the focus is gone: continue at the message with the link to the new measure.
    setTimeout(() => createdRef.current?.focus(), 0);
  };
  const cancelCreate = () => {
    setCreating(false);
    setTimeout(() => createButton.current?.focus(), 0);
  };

  // Only the states the Anregung may move to from its saved state (PROPOSAL_TRANSITIONS).
  const savedState: ProposalState = proposal?.state ?? 'eingegangen';
  const stateOptions = [savedState, ...PROPOSAL_TRANSITIONS[savedState]].map((s) => ({
    value: s,
    label: participationTexts.proposalStates[s],
  }));
  const labOptions = lists.labs.filter((l) => !l.deletedAt || l.id === form.labId).map((l) => ({ value: l.id, label: l.name }));
  const bodyName = (bodyId: string) => reference.bodies.find((b) => b.id === bodyId)?.name ?? '';
  // Sessions of the participation bodies (Vollversammlung, its Arbeitsgruppen), where Anregungen are raised.
  const participationBodies = new Set(reference.bodies.filter((b) => b.kind === 'beteiligung').map((b) => b.id));
  const meetingOptions = lists.meetings
    .filter((m) => (!m.deletedAt && participationBodies.has(m.bodyId)) || m.id === form.meetingId)
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((m) => ({ value: m.id, label: e.meetingLabel(bodyName(m.bodyId), m.number, formatDate(m.date)) }));
  const unitOptions = reference.orgUnits.map((u) => ({ value: u.id, label: orgUnitLabel(u) }));
  const measureOptions = rows
    .filter((r) => !r.deletedAt || r.id === form.measureId)
    .map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }));
  const linkedMeasure = proposal?.measureId && proposal.state === 'uebernommen' ? rows.find((r) => r.id === proposal.measureId) : undefined;
  const categories = [
    ...new Set([...participationTexts.proposalCategories, ...(lists.proposals ?? []).map((x) => x.category).filter(Boolean)]),
  ].sort((a, b) => a.localeCompare(b, 'de'));

  // "Maßnahme aus Anregung anlegen" works on the saved Anregung; other unsaved edits must be saved first.
  const savedForm = proposal ? toProposalForm(proposal) : null;
  const otherDirty =
    !savedForm || JSON.stringify({ ...form, state: savedForm.state, measureId: savedForm.measureId }) !== JSON.stringify(savedForm);
  const canCreate = !!proposal && !locked && (proposal.state === 'eingegangen' || proposal.state === 'in_pruefung');

  const setReceivedOn = (v: string) => {
    // A new Anregung's suggested number follows the year of receipt until the clerk types their own.
    const follow = !proposal && numbers && form.number === suggestProposalNumber(yearOf(form.receivedOn), numbers);
    const year = yearOf(v);
    update(follow && readDateEntry(v) ? { receivedOn: v, number: suggestProposalNumber(year, numbers) } : { receivedOn: v });
  };

  // A new Anregung picked for a Quartierslabor takes over its district and area (unless entered) and its
  // latest date (unless the clerk changed the date of receipt).
  const pickLab = (v: string) => {
    const lab = lists.labs?.find((x) => x.id === v);
    if (proposal || !lab) return update({ labId: v });
    const from = proposalFromLab(lab, todayIso());
    const untouchedDate = form.receivedOn === (JSON.parse(initial.current) as ProposalForm).receivedOn;
    const receivedOn = untouchedDate ? formatDate(from.receivedOn ?? null) : form.receivedOn;
    const follow = numbers && form.number === suggestProposalNumber(yearOf(form.receivedOn), numbers);
    update({
      labId: v,
      district: form.district || lab.district,
      area: form.area || lab.quarter,
      receivedOn,
      ...(follow ? { number: suggestProposalNumber(yearOf(receivedOn), numbers) } : {}),
    });
  };

  const title = proposal ? e.editTitle(proposal.number) : e.newTitle;
  const formDirty = JSON.stringify(form) !== JSON.stringify(savedForm);

  return (
    <div className="proposals-editor">
      <EditorForm labelledBy="proposal-title" locked={locked} onSubmit={() => void submit()} onBack={back}>
        <div className="view-head">
          <h1 id="proposal-title">{title}</h1>
          <div className="buttons">
            {proposal ? (
              // The dialog changes the stored Anregung: unsaved input in the form would be lost, so it waits.
              <button
                type="button"
                aria-haspopup="dialog"
                disabled={busy || locked || formDirty}
                title={formDirty ? proposalsTexts.stateDialog.saveFirst : undefined}
                onClick={() => {
                  setMessage(null);
                  setChangingState(true);
                }}
              >
                {proposalsTexts.stateDialog.open}
              </button>
            ) : null}
            <EditorButtons labels={e} disabled={busy || locked} onBack={back} onDelete={proposal ? () => void remove() : null} />
          </div>
        </div>
        {readOnly ? <Notice kind="warning">{proposalsTexts.readOnlyHint}</Notice> : null}
        {anonymised ? <Notice kind="info">{e.anonymised}</Notice> : null}
        {proposal?.deletedAt ? <Notice kind="info">{e.inTrash}</Notice> : null}
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {conflict ? (
          <p>
            <button type="button" onClick={() => void reloadSaved()}>
              {proposalsTexts.reload}
            </button>
          </p>
        ) : null}
        {created ? (
          <div ref={createdRef} tabIndex={-1} className="focus-target">
            <Notice kind="success">
              {proposalsTexts.createMeasure.created(created.number)}{' '}
              <a
                href={`#massnahme-${created.id}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  void navigate({ name: 'measure', id: created.id });
                }}
              >
                {proposalsTexts.createMeasure.openCreated(created.number)}
              </a>
            </Notice>
          </div>
        ) : null}
        <ProblemSummary
          ref={summaryRef}
          title={proposalsTexts.problems(problems.length)}
          problems={problems}
          fieldId={proposalFieldId}
          fieldLabel={proposalFieldLabel}
        />

        <Section title={e.sections.origin}>
          <TextField
            {...common('number')}
            label={f.number}
            required
            hint={proposal ? undefined : e.numberHint}
            value={form.number}
            onChange={(v) => update({ number: v })}
            className="field-number"
            maxLength={20}
          />
          <SelectField
            {...common('source')}
            label={f.source}
            required
            value={form.source}
            options={PROPOSAL_SOURCES.map((s) => ({ value: s, label: participationTexts.proposalSources[s] }))}
            onChange={(v) => update({ source: v as ProposalForm['source'] })}
          />
          <SelectField
            {...common('labId')}
            label={f.labId}
            required={form.source === 'quartierslabor'}
            hint={e.labHint}
            value={form.labId}
            emptyLabel={proposalsTexts.none}
            options={labOptions}
            onChange={pickLab}
          />
          <SelectField
            {...common('meetingId')}
            label={f.meetingId}
            hint={e.meetingHint}
            value={form.meetingId}
            emptyLabel={proposalsTexts.none}
            options={meetingOptions}
            onChange={(v) => update({ meetingId: v })}
          />
          <DateField
            {...common('receivedOn')}
            label={f.receivedOn}
            required
            value={form.receivedOn}
            onChange={setReceivedOn}
            className="field-narrow"
            maxLength={10}
          />
        </Section>

        <Section title={e.sections.content}>
          <TextArea {...common('text')} label={`${f.text} *`} value={form.text} onChange={(v) => update({ text: v })} rows={5} />
          <CategoryField {...common('category')} value={form.category} categories={categories} onChange={(v) => update({ category: v })} />
          <SelectField
            {...common('district')}
            label={f.district}
            value={form.district}
            emptyLabel={proposalsTexts.none}
            options={DISTRICTS.map((d) => ({ value: d.code, label: d.name }))}
            onChange={(v) => update({ district: v })}
          />
          <TextField
            {...common('area')}
            label={f.area}
            hint={e.areaHint}
            value={form.area}
            onChange={(v) => update({ area: v })}
            className="field-wide"
            maxLength={200}
          />
        </Section>

        <Section title={e.sections.handling}>
          <SelectField
            {...common('assignedOrgUnitId')}
            label={f.assignedOrgUnitId}
            value={form.assignedOrgUnitId}
            emptyLabel={proposalsTexts.none}
            options={unitOptions}
            onChange={(v) => update({ assignedOrgUnitId: v })}
          />
          <SelectField
            {...common('state')}
            label={f.state}
            required
            hint={e.stateHint}
            value={form.state}
            options={stateOptions}
            onChange={(v) => update({ state: v as ProposalState })}
          />
          <TextArea
            {...common('stateReason')}
            label={form.state === 'abgelehnt' ? e.reasonRequiredLabel : f.stateReason}
            value={form.stateReason}
            onChange={(v) => update({ stateReason: v })}
            rows={2}
          />
          {form.state === 'uebernommen' ? (
            <div className="field-wide measure-choice">
              <SelectField
                {...common('measureId')}
                label={f.measureId}
                required
                hint={e.measureHint}
                value={form.measureId}
                emptyLabel={proposalsTexts.none}
                options={measureOptions}
                onChange={(v) => update({ measureId: v })}
              />
            </div>
          ) : null}
          {/* Offered on every Anregung still open (eingegangen, in Prüfung), whatever state is chosen above. */}
          {!proposal ? (
            <p className="hint field-wide">{e.createMeasureNew}</p>
          ) : canCreate ? (
            <div className="field-wide create-measure-offer">
              {otherDirty ? (
                <p className="hint">{e.createMeasureSaveFirst}</p>
              ) : (
                <button ref={createButton} type="button" disabled={creating} onClick={() => setCreating(true)}>
                  {e.createMeasure}
                </button>
              )}
            </div>
          ) : proposal.state === 'erledigt' || proposal.state === 'abgelehnt' ? (
            <p className="hint field-wide">{e.createMeasureClosed}</p>
          ) : null}
          {linkedMeasure ? (
            <p className="field-wide">
              <a
                href={`#massnahme-${linkedMeasure.id}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  void navigate({ name: 'measure', id: linkedMeasure.id });
                }}
              >
                {e.openMeasure(linkedMeasure.number, linkedMeasure.title)}
              </a>
            </p>
          ) : null}
        </Section>

        <Section title={e.sections.feedback}>
          <TextArea
            {...common('feedbackText')}
            label={f.feedbackText}
            value={form.feedbackText}
            onChange={(v) => update({ feedbackText: v })}
            rows={3}
          />
          <DateField
            {...common('feedbackOn')}
            label={f.feedbackOn}
            hint={`${de.ui.dateField.hint} – ${e.feedbackHint}`}
            value={form.feedbackOn}
            onChange={(v) => update({ feedbackOn: v })}
            className="field-narrow"
            maxLength={10}
          />
        </Section>
        <EditorButtons className="buttons form-end" labels={e} disabled={busy || locked} onBack={back} />
      </EditorForm>

      {changingState && proposal ? (
        <ProposalStateDialog
          proposal={proposal}
          onSaved={adopt}
          onClose={(text) => {
            setChangingState(false);
            if (text) setMessage({ kind: 'info', text }); // only "nothing changed": a save confirms itself
          }}
        />
      ) : null}
      {creating && proposal ? <CreateMeasureDialog proposal={proposal} onCancel={cancelCreate} onCreated={onCreated} /> : null}
      {proposal && !anonymised && !proposal.deletedAt ? (
        <ContactSection
          proposal={proposal}
          hasContact={listed?.hasContact ?? false}
          locked={readOnly}
          onDirty={(v) => markDirty('contact', v)}
          proposalDirty={JSON.stringify(form) !== JSON.stringify(savedForm)}
          onFeedbackSent={adopt}
        />
      ) : null}
      {proposal ? (
        <HistorySection
          entityId={proposal.id}
          version={proposal.version}
          {...proposalHistory({ reference, rows, labs: lists.labs, meetings: lists.meetings })}
        />
      ) : null}
    </div>
  );
}

/** Free text with the usual categories offered as suggestions (a native datalist). */
function CategoryField(props: {
  id: string;
  error: string | undefined;
  disabled: boolean;
  value: string;
  categories: string[];
  onChange: (v: string) => void;
}) {
  const { id, error, disabled, value, categories, onChange } = props;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{f.category}</label>
      <input
        id={id}
        type="text"
        list={`${id}-suggestions`}
        value={value}
        maxLength={80}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(ev) => onChange(ev.target.value)}
      />
      <datalist id={`${id}-suggestions`}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <span id={`${id}-hint`} className="hint">
        {e.categoryHint}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
    </div>
  );
}
