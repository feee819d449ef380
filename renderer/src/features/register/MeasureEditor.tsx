import { useEffect, useMemo, useRef, useState } from 'react';
import { multiUser } from '@shared/session/multiUserTexts';
import { de } from '@shared/i18n/de';
import { DISTRICTS } from '@shared/register/districts';
import { DECISION_KINDS, emptyMeasureFields, FUNDING_SOURCES, MEASURE_TYPES, ORIGIN_KINDS, type Measure } from '@shared/register/measure';
import { suggestMeasureNumber } from '@shared/register/newRegister';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { checkMeasureRules, type FieldProblem } from '@shared/register/rules';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { editionOfField } from '../editions/editionInfo';
import { CheckboxGroup, Section, SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { fieldId, fromForm, schemaProblems, toForm, type FormState } from './measureForm';
import { DateField } from '../../ui/DateField';

const measureTexts = de.ui.measure;
const f = measureTexts.field;
const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** Create (id null) or edit a measure. Input stays in the form until it is saved; leaving asks first. */
export function MeasureEditor({ id }: { id: string | null }) {
  const app = useApp();
  const { reference, rows, navigate, setDirty, save, readOnly } = app;
  const [measure, setMeasure] = useState<Measure | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const initial = useRef<string>('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The register revision the form was loaded at: a later change of this record elsewhere is announced.
  const [loadedAt, setLoadedAt] = useState(() => (app.session?.state === 'open' ? app.session.revision : 0));
  const changedElsewhere = id !== null && (app.externalChanges[id] ?? -1) > loadedAt;

  // The Handlungsfelder of the measure's Fassung (the current one for a new measure); numbers are unique per Fassung.
  const editionId = (measure && editionOfField(reference, measure.actionFieldId)?.id) ?? reference?.currentEditionId;
  const fields = useMemo(() => reference?.actionFields.filter((x) => x.editionId === editionId) ?? [], [reference, editionId]);
  const editionNumbers = useMemo(() => {
    const ids = new Set(fields.map((x) => x.id));
    return rows.filter((r) => ids.has(r.actionFieldId)).map((r) => r.number);
  }, [rows, fields]);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      if (id) {
        const loaded = await call('getMeasure', { id });
        if (cancelled) return;
        setMeasure(loaded);
        setLoadedAt(app.session?.state === 'open' ? app.session.revision : 0);
        const state = toForm(loaded);
        initial.current = JSON.stringify(state);
        setForm(state);
      } else if (reference) {
        const first = fields[0];
        const number = first ? suggestMeasureNumber(first.code, editionNumbers) : '';
        const state = toForm(emptyMeasureFields(first?.id ?? '', number));
        initial.current = JSON.stringify(state);
        setForm(state);
      }
    };
    load().catch((e) => setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
    // Load once per measure; later list reloads must not reset what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, reference === null]);

  useEffect(() => () => setDirty(false), [setDirty]);

  // The same list object as long as its content stays (a keystroke, each step of a save — whose changed row is
  // this measure, not in the list): the two pickers' 10,000 options are then not rendered again (SelectField).
  const linkOptionsText = useMemo(
    () => JSON.stringify(rows.filter((r) => !r.deletedAt && r.id !== id).map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }))),
    [rows, id],
  );
  const linkOptions = useMemo(() => JSON.parse(linkOptionsText) as { value: string; label: string }[], [linkOptionsText]);

  if (error && !form) return <Notice kind="error">{error}</Notice>;
  if (!form || !reference) return <p>{de.ui.loading}</p>;

  const update = (patch: Partial<FormState>) => {
    setForm((current) => {
      const next = { ...current!, ...patch };
      setDirty(JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const common = (field: string) => ({ id: fieldId(field), error: problemOf(field), disabled: readOnly });

  const submit = async () => {
    setError(null);
    const { fields: values, problems: parseProblems } = fromForm(form);
    const others = rows.filter((r) => !r.deletedAt).map((r) => ({ id: r.id, number: r.number, actionFieldId: r.actionFieldId }));
    // All problems at once (unreadable entries, then schema, then rules), one per field, so the summary lists every field to fix.
    const found = [
      ...parseProblems,
      ...schemaProblems(values),
      ...checkMeasureRules(values, {
        measureId: id,
        actionFields: reference.actionFields,
        orgUnits: reference.orgUnits,
        statuses: reference.statuses,
        others,
      }),
    ];
    const all = inFormOrder(found.filter((p, i) => found.findIndex((q) => q.field === p.field) === i));
    setProblems(all);
    if (all.length > 0) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    const savedFeedback = { text: (saved: { value: { number: string } }) => de.ui.measure.saved(saved.value.number) };
    try {
      const saved =
        id && measure
          ? await save(() => call('updateMeasure', { id, version: measure.version, fields: values }), savedFeedback)
          : await save(() => call('createMeasure', { fields: values }), savedFeedback);
      setDirty(false);
      await navigate({ name: 'measure', id: saved.value.id });
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields?.length) {
        setProblems(e.error.fields);
        setTimeout(() => summaryRef.current?.focus(), 0);
      }
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const suggestNumber = (actionFieldId: string) => {
    const code = fields.find((x) => x.id === actionFieldId)?.code;
    return code ? suggestMeasureNumber(code, editionNumbers) : null;
  };
  const cancel = () => void navigate(id ? { name: 'measure', id } : { name: 'register' });
  const status = reference.statuses.find((s) => s.key === form.status);
  const unitOptions = reference.orgUnits.map((u) => ({ value: u.id, label: orgUnitLabel(u) }));
  const setBudget = (i: number, patch: Partial<FormState['budget'][number]>) =>
    update({ budget: form.budget.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const setDecision = (i: number, patch: Partial<FormState['decisions'][number]>) =>
    update({ decisions: form.decisions.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const setMilestone = (i: number, patch: Partial<FormState['milestones'][number]>) =>
    update({ milestones: form.milestones.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  return (
    <form
      className="measure-form"
      aria-labelledby="measure-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 's' && e.ctrlKey) {
          e.preventDefault();
          void submit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          cancel();
        }
      }}
    >
      <div className="view-head">
        <h1 id="measure-form-title">{id ? measureTexts.editTitle(measure?.number ?? '') : measureTexts.newTitle}</h1>
        <div className="buttons">
          <button type="button" onClick={cancel}>
            {measureTexts.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy || readOnly}>
            {measureTexts.save}
          </button>
        </div>
      </div>
      {readOnly ? <Notice kind="warning">{measureTexts.readOnlyHint}</Notice> : null}
      {changedElsewhere ? <Notice kind="warning">{multiUser.changedElsewhere}</Notice> : null}
      {problems.length > 0 && (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert">
          <p>
            <strong>{measureTexts.problems(problems.length)}</strong>
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.field}-${i}`}>
                <a
                  href={`#${fieldId(p.field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(fieldId(p.field))?.focus();
                  }}
                >
                  {fieldLabel(p.field, form)}: {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && problems.length === 0 ? <Notice kind="error">{error}</Notice> : null}

      <Section title={measureTexts.sections.basics}>
        <TextField
          {...common('number')}
          label={f.number}
          required
          value={form.number}
          onChange={(v) => update({ number: v })}
          className="field-narrow"
        />
        <TextField
          {...common('title')}
          label={f.title}
          required
          value={form.title}
          onChange={(v) => update({ title: v })}
          className="field-wide"
        />
        <SelectField
          {...common('actionFieldId')}
          label={f.actionFieldId}
          required
          value={form.actionFieldId}
          options={fields.map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
          onChange={(v) => {
            // A new measure's suggested number (HF1-13) follows the chosen Handlungsfeld (HF2-13) until the user types their own.
            const follow = id === null && form.number === suggestNumber(form.actionFieldId);
            update(follow ? { actionFieldId: v, number: suggestNumber(v) ?? form.number } : { actionFieldId: v });
          }}
        />
        <SelectField
          {...common('type')}
          label={f.type}
          value={form.type}
          options={options(MEASURE_TYPES, de.ui.types)}
          onChange={(v) => update({ type: v as FormState['type'] })}
        />
        <TextArea {...common('shortText')} label={f.shortText} value={form.shortText} onChange={(v) => update({ shortText: v })} rows={2} />
        <TextArea
          {...common('description')}
          label={f.description}
          value={form.description}
          onChange={(v) => update({ description: v })}
          rows={5}
        />
      </Section>
      <Section title={measureTexts.sections.goals}>
        <TextArea
          {...common('preventionGoal')}
          label={f.preventionGoal}
          value={form.preventionGoal}
          onChange={(v) => update({ preventionGoal: v })}
          rows={2}
        />
        <TextArea
          {...common('projectGoal')}
          label={f.projectGoal}
          value={form.projectGoal}
          onChange={(v) => update({ projectGoal: v })}
          rows={2}
        />
      </Section>
      <Section title={measureTexts.sections.status}>
        <SelectField
          {...common('status')}
          label={f.status}
          required
          value={form.status}
          options={reference.statuses
            .filter((s) => s.active || s.key === form.status)
            .map((s) => ({ value: s.key, label: `${s.label} (${s.defaultPercent} %)` }))}
          onChange={(v) => update({ status: v })}
        />
        <SelectField
          {...common('parentMeasureId')}
          label={f.parentMeasureId}
          hint={measureTexts.parentHint}
          value={form.parentMeasureId ?? ''}
          emptyLabel={measureTexts.none}
          options={linkOptions}
          onChange={(v) => update({ parentMeasureId: v || null })}
        />
        <TextField
          {...common('weight')}
          label={f.weight}
          hint={measureTexts.weightHint}
          value={form.weight}
          onChange={(v) => update({ weight: v })}
          className="field-narrow"
        />
        {status?.requiresLink || form.linkedMeasureId ? (
          <SelectField
            {...common('linkedMeasureId')}
            label={f.linkedMeasureId}
            value={form.linkedMeasureId ?? ''}
            emptyLabel={measureTexts.none}
            options={linkOptions}
            onChange={(v) => update({ linkedMeasureId: v || null })}
          />
        ) : null}
        <TextArea
          {...common('statusReason')}
          label={status?.requiresReason ? `${f.statusReason} *` : f.statusReason}
          value={form.statusReason}
          onChange={(v) => update({ statusReason: v })}
          rows={2}
        />
      </Section>
      <Section title={measureTexts.sections.responsibility}>
        <SelectField
          {...common('leadOrgUnitId')}
          label={f.leadOrgUnitId}
          value={form.leadOrgUnitId ?? ''}
          emptyLabel={measureTexts.none}
          options={unitOptions}
          onChange={(v) => update({ leadOrgUnitId: v || null })}
        />
        <CheckboxGroup
          {...common('involvedOrgUnitIds')}
          label={f.involvedOrgUnitIds}
          values={form.involvedOrgUnitIds}
          options={unitOptions.filter((u) => u.value !== form.leadOrgUnitId)}
          onChange={(v) => update({ involvedOrgUnitIds: v })}
        />
      </Section>
      <Section title={measureTexts.sections.place}>
        <CheckboxGroup
          {...common('districts')}
          label={f.districts}
          values={form.districts}
          options={DISTRICTS.map((d) => ({ value: d.code, label: d.name }))}
          onChange={(v) => update({ districts: v as FormState['districts'] })}
        />
        <TextField {...common('quarter')} label={f.quarter} value={form.quarter} onChange={(v) => update({ quarter: v })} />
      </Section>
      <Section title={measureTexts.sections.dates}>
        {(['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const).map((key) => (
          <DateField
            key={key}
            {...common(key)}
            label={f[key]}
            value={form[key]}
            onChange={(v) => update({ [key]: v })}
            className="field-narrow"
          />
        ))}
      </Section>
      <Section title={measureTexts.sections.budget}>
        <div className="field-wide rows">
          {form.budget.map((b, i) => (
            <fieldset key={i} className="row-group">
              <legend>
                {f.year} {b.year || i + 1}
              </legend>
              <TextField
                {...common(`budget.${i}.year`)}
                label={f.year}
                value={b.year}
                onChange={(v) => setBudget(i, { year: v })}
                className="field-narrow"
              />
              <TextField
                {...common(`budget.${i}.plannedCents`)}
                label={f.planned}
                hint={measureTexts.moneyHint}
                value={b.planned}
                onChange={(v) => setBudget(i, { planned: v })}
                className="field-narrow"
              />
              <TextField
                {...common(`budget.${i}.approvedCents`)}
                label={f.approved}
                value={b.approved}
                onChange={(v) => setBudget(i, { approved: v })}
                className="field-narrow"
              />
              <TextField
                {...common(`budget.${i}.spentCents`)}
                label={f.spent}
                value={b.spent}
                onChange={(v) => setBudget(i, { spent: v })}
                className="field-narrow"
              />
              <SelectField
                {...common(`budget.${i}.fundingSource`)}
                label={f.fundingSource}
                value={b.fundingSource}
                options={options(FUNDING_SOURCES, de.ui.fundingSources)}
                onChange={(v) => setBudget(i, { fundingSource: v as typeof b.fundingSource })}
              />
              <TextField
                {...common(`budget.${i}.budgetPosition`)}
                label={f.budgetPosition}
                value={b.budgetPosition}
                onChange={(v) => setBudget(i, { budgetPosition: v })}
              />
              <button type="button" disabled={readOnly} onClick={() => update({ budget: form.budget.filter((_, j) => j !== i) })}>
                {measureTexts.removeRow(f.year, i + 1)}
              </button>
            </fieldset>
          ))}
          <span id={fieldId('budget')} tabIndex={-1} className="field-error">
            {problemOf('budget') ? `${de.ui.errorPrefix} ${problemOf('budget')}` : null}
          </span>
          <button
            type="button"
            disabled={readOnly}
            onClick={() =>
              update({
                budget: [
                  ...form.budget,
                  {
                    year: String(new Date().getFullYear()),
                    planned: '',
                    approved: '',
                    spent: '',
                    fundingSource: 'haushalt',
                    budgetPosition: '',
                  },
                ],
              })
            }
          >
            {measureTexts.addBudget}
          </button>
        </div>
      </Section>
      <Section title={measureTexts.sections.origin}>
        <SelectField
          {...common('originKind')}
          label={f.originKind}
          value={form.originKind}
          options={options(ORIGIN_KINDS, de.ui.originKinds)}
          onChange={(v) => update({ originKind: v as FormState['originKind'] })}
        />
        <TextField
          {...common('originReference')}
          label={f.originReference}
          value={form.originReference}
          onChange={(v) => update({ originReference: v })}
        />
        <TextField
          {...common('originPrintNumber')}
          label={f.originPrintNumber}
          hint={measureTexts.printNumberHint}
          value={form.originPrintNumber}
          onChange={(v) => update({ originPrintNumber: v })}
          className="field-narrow"
        />
        <div className="field-wide rows">
          <h3>{f.decisions}</h3>
          {form.decisions.map((d, i) => (
            <fieldset key={i} className="row-group">
              <legend>
                {de.ui.decisionKinds[d.kind]} {i + 1}
              </legend>
              <TextField
                {...common(`decisions.${i}.printNumber`)}
                label={f.printNumber}
                value={d.printNumber}
                onChange={(v) => setDecision(i, { printNumber: v })}
                className="field-narrow"
              />
              <TextField {...common(`decisions.${i}.body`)} label={f.body} value={d.body} onChange={(v) => setDecision(i, { body: v })} />
              <DateField
                {...common(`decisions.${i}.date`)}
                label={f.date}
                value={d.date}
                onChange={(v) => setDecision(i, { date: v })}
                className="field-narrow"
              />
              <SelectField
                {...common(`decisions.${i}.kind`)}
                label={f.kind}
                value={d.kind}
                options={options(DECISION_KINDS, de.ui.decisionKinds)}
                onChange={(v) => setDecision(i, { kind: v as typeof d.kind })}
              />
              <TextField {...common(`decisions.${i}.note`)} label={f.note} value={d.note} onChange={(v) => setDecision(i, { note: v })} />
              <button type="button" disabled={readOnly} onClick={() => update({ decisions: form.decisions.filter((_, j) => j !== i) })}>
                {measureTexts.removeRow(de.ui.decisionKinds.beschluss, i + 1)}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            disabled={readOnly}
            onClick={() => update({ decisions: [...form.decisions, { printNumber: '', body: '', date: '', kind: 'beschluss', note: '' }] })}
          >
            {measureTexts.addDecision}
          </button>
        </div>
      </Section>
      <Section title={measureTexts.sections.milestones}>
        <div className="field-wide rows">
          {form.milestones.map((x, i) => (
            <fieldset key={i} className="row-group">
              <legend>
                {f.milestoneTitle} {i + 1}
              </legend>
              <TextField
                {...common(`milestones.${i}.title`)}
                label={f.milestoneTitle}
                value={x.title}
                onChange={(v) => setMilestone(i, { title: v })}
              />
              <DateField
                {...common(`milestones.${i}.dueDate`)}
                label={f.dueDate}
                value={x.dueDate}
                onChange={(v) => setMilestone(i, { dueDate: v })}
                className="field-narrow"
              />
              <DateField
                {...common(`milestones.${i}.doneDate`)}
                label={f.doneDate}
                value={x.doneDate}
                onChange={(v) => setMilestone(i, { doneDate: v })}
                className="field-narrow"
              />
              <button type="button" disabled={readOnly} onClick={() => update({ milestones: form.milestones.filter((_, j) => j !== i) })}>
                {measureTexts.removeRow(f.milestoneTitle, i + 1)}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            disabled={readOnly}
            onClick={() => update({ milestones: [...form.milestones, { title: '', dueDate: '', doneDate: '' }] })}
          >
            {measureTexts.addMilestone}
          </button>
        </div>
      </Section>
      <Section title={measureTexts.sections.tags}>
        <TextField {...common('tags')} label={f.tags} value={form.tags} onChange={(v) => update({ tags: v })} className="field-wide" />
      </Section>
      <div className="buttons form-end">
        <button type="button" onClick={cancel}>
          {measureTexts.cancel}
        </button>
        <button type="submit" className="primary" disabled={busy || readOnly}>
          {measureTexts.save}
        </button>
      </div>
    </form>
  );
}

/**
 * A problem's field as the form heads it: "budget.0.plannedCents" → "Jahr 2027, geplant (€)" (the box's
 * legend), "decisions.1.date" → "Beschluss 2, Datum"; plain fields by their label.
 */
function fieldLabel(field: string, form: FormState): string {
  const [head, index, tail] = field.split('.');
  const labels = f as Record<string, string>;
  if (index !== undefined && tail !== undefined) {
    const i = Number(index);
    const tailLabel =
      { plannedCents: f.planned, approvedCents: f.approved, spentCents: f.spent, title: f.milestoneTitle }[tail] ?? labels[tail] ?? tail;
    const decision = form.decisions[i];
    const legend =
      head === 'budget'
        ? `${f.year} ${form.budget[i]?.year || i + 1}`
        : head === 'decisions' && decision
          ? `${de.ui.decisionKinds[decision.kind]} ${i + 1}`
          : head === 'milestones'
            ? `${f.milestoneTitle} ${i + 1}`
            : `${labels[head!] ?? head} ${i + 1}`;
    return `${legend}, ${tailLabel}`;
  }
  return labels[head!] ?? field;
}

/** Problems in the order of their fields in the form (as the eye goes down the page). */
function inFormOrder(problems: FieldProblem[]): FieldProblem[] {
  const at = (p: FieldProblem) => document.getElementById(fieldId(p.field));
  return [...problems].sort((a, b) => {
    const x = at(a);
    const y = at(b);
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
