import { useMemo, useState } from 'react';
import { MEASURE_DECISIONS, type MeasureDecision } from '@shared/editions/fortschreibungModel';
import { foldForSearch, type MeasureRow } from '@shared/register/search';
import { de } from '@shared/i18n/de';
import { errorProps, type StepProps } from './stepProps';

const editionsWizardTexts = de.editions.ui.wizard;
/** Rows rendered at once; a register of thousands is narrowed with the filter and the search. */
export const ROW_LIMIT = 300;

export interface MeasureFilterState {
  fieldId: string;
  query: string;
}

/**
 * Step 3: one row per measure of the source Fassung with its decision: carry over (into which new
 * Handlungsfeld), merge with another measure, supersede (by another or a new measure) or end with a reason.
 */
export function MeasuresStep(props: StepProps & { filter: MeasureFilterState; setFilter: (f: MeasureFilterState) => void }) {
  const { fields, update, readOnly, sourceFields, sourceMeasures, filter, setFilter } = props;
  const [notice, setNotice] = useState<string | null>(null);
  const decisionOf = useMemo(() => {
    const map = new Map<string, MeasureDecision>();
    for (const d of fields.decisions) if (!map.has(d.measureId)) map.set(d.measureId, d);
    return map;
  }, [fields.decisions]);
  const shown = useMemo(() => {
    const terms = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
    return sourceMeasures.filter(
      (r) =>
        (!filter.fieldId || r.actionFieldId === filter.fieldId) && terms.every((t) => foldForSearch(`${r.number} ${r.title}`).includes(t)),
    );
  }, [sourceMeasures, filter]);
  const defaultKey = (oldFieldId: string) => {
    const mapped = fields.fieldMappings.find((m) => m.fromFieldId === oldFieldId)?.toFieldKeys ?? [];
    return mapped.find((k) => fields.fields.some((f) => f.key === k)) ?? fields.fields[0]?.key ?? null;
  };
  const setDecision = (row: MeasureRow, patch: Partial<MeasureDecision>) =>
    update((d) => {
      const index = d.decisions.findIndex((x) => x.measureId === row.id);
      const base: MeasureDecision = d.decisions[index] ?? {
        measureId: row.id,
        action: 'carry',
        targetFieldKey: defaultKey(row.actionFieldId),
        targetMeasureId: null,
        newMeasureTitle: '',
        reason: '',
      };
      const next = { ...base, ...patch };
      const decisions = index >= 0 ? d.decisions.map((x, i) => (i === index ? next : x)) : [...d.decisions, next];
      return { ...d, decisions };
    });
  const setAction = (row: MeasureRow, action: MeasureDecision['action']) => {
    const current = decisionOf.get(row.id);
    const keepField =
      current?.targetFieldKey && fields.fields.some((f) => f.key === current.targetFieldKey)
        ? current.targetFieldKey
        : defaultKey(row.actionFieldId);
    setDecision(row, {
      action,
      targetFieldKey: action === 'carry' || action === 'supersede' ? keepField : null,
      targetMeasureId: action === 'merge' || action === 'supersede' ? (current?.targetMeasureId ?? null) : null,
    });
  };
  const carryAll = () => {
    update((d) => {
      const ids = new Set(shown.map((r) => r.id));
      const kept = d.decisions.filter((x) => !ids.has(x.measureId));
      const carried = shown.map((r) => {
        const current = decisionOf.get(r.id);
        const key =
          current?.targetFieldKey && d.fields.some((f) => f.key === current.targetFieldKey)
            ? current.targetFieldKey
            : defaultKey(r.actionFieldId);
        return { measureId: r.id, action: 'carry' as const, targetFieldKey: key, targetMeasureId: null, newMeasureTitle: '', reason: '' };
      });
      return { ...d, decisions: [...kept, ...carried] };
    });
    setNotice(editionsWizardTexts.carriedAll(shown.length));
  };
  const fieldOptions = fields.fields.map((f) => ({ value: f.key, label: `${f.code} ${f.name}`.trim() || f.key }));
  const listProblem = props.problemOf('decisions');

  return (
    <>
      <h2>{editionsWizardTexts.measuresTitle}</h2>
      <p className="hint">{editionsWizardTexts.measuresHint}</p>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {editionsWizardTexts.filterField}
          <select value={filter.fieldId} onChange={(e) => setFilter({ ...filter, fieldId: e.target.value })}>
            <option value="">{editionsWizardTexts.filterAll}</option>
            {sourceFields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.code} {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="search">
          {editionsWizardTexts.search}
          <input type="search" value={filter.query} onChange={(e) => setFilter({ ...filter, query: e.target.value })} />
        </label>
        <button type="button" disabled={readOnly || shown.length === 0} onClick={carryAll}>
          {editionsWizardTexts.carryAll}
        </button>
      </form>
      <p className="count" role="status">
        {notice ? `${notice} ` : ''}
        {editionsWizardTexts.shown(Math.min(shown.length, ROW_LIMIT), sourceMeasures.length)}
        {shown.length > ROW_LIMIT ? ` ${editionsWizardTexts.limited(ROW_LIMIT)}` : ''}
      </p>
      {listProblem ? (
        <p className="field-error" id="fs-decisions-error">
          {de.ui.errorPrefix} {listProblem}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data wizard-decisions" id="fs-decisions" tabIndex={-1}>
          <caption className="visually-hidden">{editionsWizardTexts.measuresCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{editionsWizardTexts.col.number}</th>
              <th scope="col">{editionsWizardTexts.col.title}</th>
              <th scope="col">{editionsWizardTexts.col.status}</th>
              <th scope="col">{editionsWizardTexts.col.action}</th>
              <th scope="col">{editionsWizardTexts.col.target}</th>
              <th scope="col">{editionsWizardTexts.col.reason}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, ROW_LIMIT).map((row) => (
              <DecisionRow
                key={row.id}
                row={row}
                decision={decisionOf.get(row.id)}
                props={props}
                fieldOptions={fieldOptions}
                setAction={setAction}
                setDecision={setDecision}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DecisionRow({
  row,
  decision,
  props,
  fieldOptions,
  setAction,
  setDecision,
}: {
  row: MeasureRow;
  decision: MeasureDecision | undefined;
  props: StepProps;
  fieldOptions: { value: string; label: string }[];
  setAction: (row: MeasureRow, action: MeasureDecision['action']) => void;
  setDecision: (row: MeasureRow, patch: Partial<MeasureDecision>) => void;
}) {
  const { readOnly, problemOf, sourceMeasures } = props;
  const id = (part: string) => `fs-decision-${row.id}-${part}`;
  const error = (part: string) => problemOf(`decisions.${row.id}.${part}`);
  const action = decision?.action;
  const errorText = (part: string) =>
    error(part) ? (
      <span id={`${id(part)}-error`} className="field-error">
        {de.ui.errorPrefix} {error(part)}
      </span>
    ) : null;
  const fieldSelect = (
    <>
      <label htmlFor={id('targetFieldKey')} className="visually-hidden">
        {editionsWizardTexts.targetFieldOf(row.number)}
      </label>
      <select
        id={id('targetFieldKey')}
        value={decision?.targetFieldKey ?? ''}
        disabled={readOnly}
        {...errorProps(id('targetFieldKey'), error('targetFieldKey'))}
        onChange={(e) => setDecision(row, { targetFieldKey: e.target.value || null })}
      >
        <option value="">{editionsWizardTexts.chooseField}</option>
        {fieldOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorText('targetFieldKey')}
    </>
  );
  const measureSelect = (emptyLabel: string) => (
    <>
      <label htmlFor={id('targetMeasureId')} className="visually-hidden">
        {editionsWizardTexts.targetMeasureOf(row.number)}
      </label>
      <select
        id={id('targetMeasureId')}
        value={decision?.targetMeasureId ?? ''}
        disabled={readOnly}
        {...errorProps(id('targetMeasureId'), error('targetMeasureId'))}
        onChange={(e) => setDecision(row, { targetMeasureId: e.target.value || null })}
      >
        <option value="">{emptyLabel}</option>
        {sourceMeasures
          .filter((m) => m.id !== row.id)
          .map((m) => (
            <option key={m.id} value={m.id}>
              {m.number} {m.title}
            </option>
          ))}
      </select>
      {errorText('targetMeasureId')}
    </>
  );
  return (
    <tr>
      <td className="nowrap">{row.number}</td>
      <td>{row.title}</td>
      <td>{row.statusLabel}</td>
      <td>
        <label htmlFor={id('action')} className="visually-hidden">
          {editionsWizardTexts.actionOf(row.number)}
        </label>
        <select
          id={id('action')}
          value={action ?? ''}
          disabled={readOnly}
          {...errorProps(id('action'), error('action'))}
          onChange={(e) => setAction(row, e.target.value as MeasureDecision['action'])}
        >
          {action ? null : <option value="">{editionsWizardTexts.chooseAction}</option>}
          {MEASURE_DECISIONS.map((a) => (
            <option key={a} value={a}>
              {de.editions.actions[a]}
            </option>
          ))}
        </select>
        {errorText('action')}
      </td>
      <td>
        <div className="decision-target">
          {action === 'carry' && fieldSelect}
          {action === 'merge' && measureSelect(editionsWizardTexts.chooseMeasure)}
          {action === 'supersede' && (
            <>
              {measureSelect(editionsWizardTexts.newMeasure)}
              {!decision?.targetMeasureId && (
                <>
                  <label htmlFor={id('newMeasureTitle')} className="visually-hidden">
                    {editionsWizardTexts.newTitleOf(row.number)}
                  </label>
                  <input
                    id={id('newMeasureTitle')}
                    type="text"
                    value={decision?.newMeasureTitle ?? ''}
                    placeholder={editionsWizardTexts.newTitlePlaceholder}
                    maxLength={200}
                    disabled={readOnly}
                    onChange={(e) => setDecision(row, { newMeasureTitle: e.target.value })}
                  />
                  {fieldSelect}
                </>
              )}
            </>
          )}
        </div>
      </td>
      <td>
        {action === 'end' && (
          <>
            <label htmlFor={id('reason')} className="visually-hidden">
              {editionsWizardTexts.reasonOf(row.number)}
            </label>
            <textarea
              id={id('reason')}
              rows={2}
              value={decision?.reason ?? ''}
              maxLength={2000}
              disabled={readOnly}
              {...errorProps(id('reason'), error('reason'))}
              onChange={(e) => setDecision(row, { reason: e.target.value })}
            />
            {errorText('reason')}
          </>
        )}
      </td>
    </tr>
  );
}
