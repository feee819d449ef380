import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { INDICATOR_DIRECTIONS, INDICATOR_TYPES, type Indicator } from '@shared/evaluation/evaluation';
import type { Measure } from '@shared/register/measure';
import { goalAttainment } from '@shared/evaluation/progress';
import type { FieldProblem } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { EditorButtons, EditorForm } from '../../ui/EditorForm';
import { Section, SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { IndicatorChart } from './IndicatorChart';
import {
  emptyIndicatorForm,
  fromIndicatorForm,
  indicatorFieldId,
  indicatorFieldLabel,
  nextValueYear,
  toIndicatorForm,
  type IndicatorForm,
  type ValueText,
} from './indicatorForm';
import { GoalLabel } from './labels';
import { withUnit } from './numbers';
import { RadioGroup } from '../../ui/fields';
import { ProblemSummary } from './parts';

const evaluationIndicatorTexts = de.ui.evaluation.indicator;
const f = evaluationIndicatorTexts.field;

/**
 * Create (id null) or edit a Kennzahl of a measure: description, baseline and target, optional thresholds
 * and comparison, the actual values per year, and beside it the Zielerreichungsgrad and the chart, both
 * following the input. Input stays until saved (Strg+S); leaving with unsaved input asks first.
 */
export function IndicatorEditor({ measureId, id }: { measureId: string; id: string | null }) {
  const { navigate, setDirty, save, confirm, readOnly } = useApp();
  const [measure, setMeasure] = useState<Measure | null>(null);
  const [indicator, setIndicator] = useState<Indicator | null>(null);
  const [form, setForm] = useState<IndicatorForm | null>(null);
  const initial = useRef('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const adopt = useCallback(
    (next: IndicatorForm) => {
      initial.current = JSON.stringify(next);
      setForm(next);
      setDirty(false);
    },
    [setDirty],
  );

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const [m, list] = await Promise.all([
        call('getMeasure', { id: measureId }),
        id ? call('listIndicators', { measureId }) : Promise.resolve([] as Indicator[]),
      ]);
      if (cancelled) return;
      setMeasure(m);
      if (id) {
        const found = list.find((i) => i.id === id);
        if (!found) throw new Error(evaluationIndicatorTexts.notFound);
        setIndicator(found);
        adopt(toIndicatorForm(found));
      } else adopt(emptyIndicatorForm());
    };
    load().catch((e) => !cancelled && setLoadError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [measureId, id, adopt]);
  useEffect(() => () => setDirty(false), [setDirty]);

  const parsed = useMemo(() => (form ? fromIndicatorForm(form, measureId) : null), [form, measureId]);

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!form || !measure || !parsed) return <p>{de.ui.loading}</p>;
  const locked = readOnly || measure.deletedAt !== null;

  const update = (patch: Partial<IndicatorForm>) => {
    setForm((current) => {
      const next = { ...current!, ...patch };
      setDirty(JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const setValue = (i: number, patch: Partial<ValueText>) =>
    update({ values: form.values.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const common = (field: string) => ({ id: indicatorFieldId(field), error: problemOf(field), disabled: locked });

  const back = () => void navigate({ name: 'measure', id: measureId, tab: 'indicators' });

  const submit = async () => {
    setMessage(null);
    const { fields, problems: found } = fromIndicatorForm(form, measureId);
    setProblems(found);
    if (found.length > 0) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const saved = await save(() => call('saveIndicator', { id: indicator?.id ?? null, version: indicator?.version ?? null, fields }), {
        text: (r) => evaluationIndicatorTexts.saved(r.value.name),
      });
      setIndicator(saved.value);
      adopt(toIndicatorForm(saved.value));
    } catch (err) {
      if (err instanceof ApiCallError && err.error.fields?.length) {
        setProblems(err.error.fields.map((p) => ({ field: p.field.replace(/^fields\./, ''), message: p.message })));
        setTimeout(() => summaryRef.current?.focus(), 0);
      }
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!indicator) return;
    if (
      !(await confirm({
        title: evaluationIndicatorTexts.deleteTitle,
        text: evaluationIndicatorTexts.deleteConfirm(indicator.name),
        confirmLabel: evaluationIndicatorTexts.deleteTitle,
      }))
    )
      return;
    try {
      await save(() => call('deleteIndicator', { id: indicator.id, version: indicator.version }));
      setDirty(false);
      back();
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const addRow = () => {
    const i = form.values.length;
    update({ values: [...form.values, { year: nextValueYear(form), period: '', value: '', note: '' }] });
    setTimeout(() => document.getElementById(indicatorFieldId(`values.${i}.value`))?.focus(), 0);
  };
  const removeRow = (i: number) => {
    update({ values: form.values.filter((_, j) => j !== i) });
    setProblems((ps) => ps.filter((p) => !p.field.startsWith('values.')));
    setTimeout(() => addButton.current?.focus(), 0);
  };

  const preview = parsed.fields;
  const goal = goalAttainment(preview);
  const span = preview.baselineValue !== null && preview.targetValue !== null ? preview.targetValue - preview.baselineValue : null;
  const wrongWay = span !== null && span !== 0 && (preview.direction === 'higher' ? span < 0 : span > 0);
  const name = form.name.trim() || (indicator?.name ?? '');
  const title = id || indicator ? evaluationIndicatorTexts.editTitle(name) : evaluationIndicatorTexts.newTitle(measure.number);

  return (
    <EditorForm className="indicator-editor" labelledBy="indicator-title" locked={locked} onSubmit={() => void submit()} onBack={back}>
      <div className="view-head">
        <div>
          <h1 id="indicator-title">{title}</h1>
          <p className="muted status-line">{evaluationIndicatorTexts.measureLine(measure.number, measure.title)}</p>
        </div>
        <EditorButtons
          labels={evaluationIndicatorTexts}
          disabled={busy || locked}
          onBack={back}
          onDelete={indicator ? () => void remove() : null}
        />
      </div>
      {readOnly ? <Notice kind="warning">{de.ui.measure.readOnlyHint}</Notice> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <ProblemSummary
        ref={summaryRef}
        title={evaluationIndicatorTexts.problems(problems.length)}
        problems={problems}
        fieldId={indicatorFieldId}
        fieldLabel={indicatorFieldLabel}
      />

      <div className="indicator-layout">
        <div className="indicator-fields">
          <Section title={evaluationIndicatorTexts.sections.basics}>
            <TextField
              {...common('name')}
              label={f.name}
              required
              value={form.name}
              onChange={(v) => update({ name: v })}
              className="field-wide"
              maxLength={200}
            />
            <SelectField
              {...common('type')}
              label={f.type}
              value={form.type}
              options={INDICATOR_TYPES.map((k) => ({ value: k, label: de.evaluation.indicatorTypes[k] }))}
              onChange={(v) => update({ type: v as IndicatorForm['type'] })}
            />
            <TextField
              {...common('unit')}
              label={f.unit}
              hint={evaluationIndicatorTexts.unitHint}
              value={form.unit}
              onChange={(v) => update({ unit: v })}
              className="field-narrow"
              maxLength={40}
            />
            <RadioGroup
              {...common('direction')}
              label={f.direction}
              value={form.direction}
              options={INDICATOR_DIRECTIONS.map((k) => ({ value: k, label: de.evaluation.directions[k] }))}
              onChange={(v) => update({ direction: v })}
            />
            <TextField
              {...common('dataSource')}
              label={f.dataSource}
              hint={evaluationIndicatorTexts.dataSourceHint}
              value={form.dataSource}
              onChange={(v) => update({ dataSource: v })}
              className="field-wide"
              maxLength={200}
            />
            <TextArea {...common('method')} label={f.method} value={form.method} onChange={(v) => update({ method: v })} rows={2} />
          </Section>
          <Section title={evaluationIndicatorTexts.sections.goal}>
            <TextField
              {...common('baselineValue')}
              label={f.baselineValue}
              hint={evaluationIndicatorTexts.numberHint}
              value={form.baselineValue}
              onChange={(v) => update({ baselineValue: v })}
              className="field-narrow"
            />
            <TextField
              {...common('baselineYear')}
              label={f.baselineYear}
              hint={evaluationIndicatorTexts.yearHint}
              value={form.baselineYear}
              onChange={(v) => update({ baselineYear: v })}
              className="field-narrow"
              maxLength={4}
            />
            <TextField
              {...common('targetValue')}
              label={f.targetValue}
              hint={evaluationIndicatorTexts.numberHint}
              value={form.targetValue}
              onChange={(v) => update({ targetValue: v })}
              className="field-narrow"
            />
            <TextField
              {...common('targetYear')}
              label={f.targetYear}
              hint={evaluationIndicatorTexts.yearHint}
              value={form.targetYear}
              onChange={(v) => update({ targetYear: v })}
              className="field-narrow"
              maxLength={4}
            />
          </Section>
          <Section title={evaluationIndicatorTexts.sections.values}>
            <div className="field-wide">
              <ValuesTable form={form} common={common} locked={locked} setValue={setValue} removeRow={removeRow} />
              <span id={indicatorFieldId('values')} tabIndex={-1} className="field-error">
                {problemOf('values') ? `${de.ui.errorPrefix} ${problemOf('values')}` : null}
              </span>
              <button ref={addButton} type="button" disabled={locked || form.values.length >= 200} onClick={addRow}>
                {evaluationIndicatorTexts.addValue}
              </button>
            </div>
          </Section>
          <Section title={evaluationIndicatorTexts.sections.more}>
            <TextField
              {...common('thresholdGood')}
              label={f.thresholdGood}
              hint={evaluationIndicatorTexts.numberHint}
              value={form.thresholdGood}
              onChange={(v) => update({ thresholdGood: v })}
              className="field-narrow"
            />
            <TextField
              {...common('thresholdCritical')}
              label={f.thresholdCritical}
              hint={evaluationIndicatorTexts.numberHint}
              value={form.thresholdCritical}
              onChange={(v) => update({ thresholdCritical: v })}
              className="field-narrow"
            />
            <p className="hint field-wide">{evaluationIndicatorTexts.thresholdHint}</p>
            <TextField
              {...common('comparisonArea')}
              label={f.comparisonArea}
              value={form.comparisonArea}
              onChange={(v) => update({ comparisonArea: v })}
              maxLength={200}
            />
            <TextField
              {...common('comparisonPeriod')}
              label={f.comparisonPeriod}
              hint={evaluationIndicatorTexts.comparisonHint}
              value={form.comparisonPeriod}
              onChange={(v) => update({ comparisonPeriod: v })}
              maxLength={100}
            />
          </Section>
          <EditorButtons className="buttons form-end" labels={evaluationIndicatorTexts} disabled={busy || locked} onBack={back} />
        </div>
        <section className="indicator-result" aria-labelledby="indicator-result-title">
          <h2 id="indicator-result-title">{evaluationIndicatorTexts.sections.result}</h2>
          <dl className="details">
            <div>
              <dt>{evaluationIndicatorTexts.resultLabel}</dt>
              <dd>
                <output htmlFor={['baselineValue', 'targetValue'].map(indicatorFieldId).join(' ')}>
                  <GoalLabel goal={goal} />
                </output>
              </dd>
            </div>
            {goal.actual ? (
              <div>
                <dt>{de.ui.evaluation.indicators.latest}</dt>
                <dd>
                  {de.ui.evaluation.indicators.valueYear(
                    withUnit(goal.actual.value, preview.unit),
                    goal.actual.period ? `${goal.actual.period} ${goal.actual.year}` : String(goal.actual.year),
                  )}
                </dd>
              </div>
            ) : null}
          </dl>
          {wrongWay ? (
            <Notice kind="warning">{evaluationIndicatorTexts.targetWrongWay(de.evaluation.directions[preview.direction])}</Notice>
          ) : null}
          {goal.degree === null && !wrongWay && span !== 0 ? <p className="hint">{evaluationIndicatorTexts.missingForGoal}</p> : null}
          <p className="hint">{evaluationIndicatorTexts.resultHint}</p>
          <IndicatorChart indicator={{ ...preview, name: name || f.name }} idPrefix="indicator-editor" width={440} />
        </section>
      </div>
    </EditorForm>
  );
}

function ValuesTable({
  form,
  common,
  locked,
  setValue,
  removeRow,
}: {
  form: IndicatorForm;
  common: (field: string) => { id: string; error: string | undefined; disabled: boolean };
  locked: boolean;
  setValue: (i: number, patch: Partial<ValueText>) => void;
  removeRow: (i: number) => void;
}) {
  if (form.values.length === 0) return <p className="muted">{evaluationIndicatorTexts.valuesEmpty}</p>;
  const cell = (
    i: number,
    key: keyof ValueText,
    column: string,
    extra: { inputMode?: 'numeric' | 'decimal'; maxLength?: number; className?: string },
  ) => {
    const c = common(`values.${i}.${key}`);
    return (
      <td className={extra.className}>
        <input
          id={c.id}
          type="text"
          value={form.values[i]![key]}
          disabled={c.disabled}
          inputMode={extra.inputMode}
          maxLength={extra.maxLength}
          aria-label={evaluationIndicatorTexts.cellLabel(column, evaluationIndicatorTexts.row(i + 1))}
          aria-invalid={c.error ? true : undefined}
          aria-describedby={c.error ? `${c.id}-error` : undefined}
          onChange={(e) => setValue(i, { [key]: e.target.value })}
        />
        {c.error ? (
          <span id={`${c.id}-error`} className="field-error">
            {de.ui.errorPrefix} {c.error}
          </span>
        ) : null}
      </td>
    );
  };
  return (
    <div className="scroll-x">
      <table className="data values-table">
        <caption className="visually-hidden">{evaluationIndicatorTexts.valuesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{f.year}</th>
            <th scope="col">{f.period}</th>
            <th scope="col" className="num">
              {f.value}
            </th>
            <th scope="col">{f.note}</th>
            <th scope="col">
              <span className="visually-hidden">{de.ui.actionsColumn}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {form.values.map((_, i) => (
            <tr key={i}>
              {cell(i, 'year', f.year, { inputMode: 'numeric', maxLength: 4, className: 'col-year' })}
              {cell(i, 'period', f.period, { maxLength: 40, className: 'col-period' })}
              {cell(i, 'value', f.value, { inputMode: 'decimal', className: 'col-value' })}
              {cell(i, 'note', f.note, { maxLength: 300 })}
              <td>
                <button
                  type="button"
                  disabled={locked}
                  aria-label={evaluationIndicatorTexts.removeValueLabel(evaluationIndicatorTexts.row(i + 1))}
                  onClick={() => removeRow(i)}
                >
                  {evaluationIndicatorTexts.removeValue}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
