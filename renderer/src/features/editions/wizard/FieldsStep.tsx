import { de } from '@shared/i18n/de';
import { errorProps, type StepProps } from './stepProps';

const editionsWizardTexts = de.editions.ui.wizard;

/**
 * Step 2: the Handlungsfelder of the new Fassung (pre-filled as copies of the old ones) and where each old
 * one goes: rename (change the name), merge (several old ones into one new), split (one old into several new).
 */
export function FieldsStep({ fields, update, problemOf, readOnly, sourceFields, sourceMeasures }: StepProps) {
  const setField = (key: string, patch: Partial<StepProps['fields']['fields'][number]>) =>
    update((d) => ({ ...d, fields: d.fields.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));
  const add = () =>
    update((d) => {
      const next = Math.max(0, ...d.fields.map((f) => Number(/^neu-(\d+)$/.exec(f.key)?.[1] ?? 0))) + 1;
      return {
        ...d,
        fields: [...d.fields, { key: `neu-${next}`, code: `HF${d.fields.length + 1}`, name: '', description: '', guidingGoal: '' }],
      };
    });
  const remove = (key: string) =>
    update((d) => ({
      ...d,
      fields: d.fields.filter((f) => f.key !== key),
      fieldMappings: d.fieldMappings.map((m) => ({ ...m, toFieldKeys: m.toFieldKeys.filter((k) => k !== key) })),
      decisions: d.decisions.map((x) => (x.targetFieldKey === key ? { ...x, targetFieldKey: null } : x)),
    }));
  const toggle = (fromFieldId: string, key: string, on: boolean) =>
    update((d) => {
      const existing = d.fieldMappings.find((m) => m.fromFieldId === fromFieldId);
      const keys = existing?.toFieldKeys ?? [];
      const toFieldKeys = on ? [...keys.filter((k) => k !== key), key] : keys.filter((k) => k !== key);
      const mappings = existing
        ? d.fieldMappings.map((m) => (m.fromFieldId === fromFieldId ? { ...m, toFieldKeys } : m))
        : [...d.fieldMappings, { fromFieldId, toFieldKeys }];
      return { ...d, fieldMappings: mappings };
    });
  const countOf = (fieldId: string) => sourceMeasures.filter((m) => m.actionFieldId === fieldId).length;
  const fieldsProblem = problemOf('fields');

  return (
    <>
      <h2>{editionsWizardTexts.fieldsTitle}</h2>
      <table className="data wizard-fields">
        <caption className="visually-hidden">{editionsWizardTexts.fieldsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{editionsWizardTexts.code}</th>
            <th scope="col">{editionsWizardTexts.fieldName}</th>
            <th scope="col">{editionsWizardTexts.guidingGoal}</th>
            <th scope="col">
              <span className="visually-hidden">{de.ui.actionsColumn}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.fields.map((f, i) => {
            const codeId = `fs-field-${f.key}-code`;
            const nameId = `fs-field-${f.key}-name`;
            const codeError = problemOf(`fields.${f.key}.code`);
            const nameError = problemOf(`fields.${f.key}.name`);
            return (
              <tr key={f.key}>
                <td>
                  <label htmlFor={codeId} className="visually-hidden">
                    {editionsWizardTexts.codeOf(i + 1)}
                  </label>
                  <input
                    id={codeId}
                    type="text"
                    className="input-code"
                    value={f.code}
                    maxLength={12}
                    disabled={readOnly}
                    {...errorProps(codeId, codeError)}
                    onChange={(e) => setField(f.key, { code: e.target.value })}
                  />
                  {codeError ? (
                    <span id={`${codeId}-error`} className="field-error">
                      {de.ui.errorPrefix} {codeError}
                    </span>
                  ) : null}
                </td>
                <td>
                  <label htmlFor={nameId} className="visually-hidden">
                    {editionsWizardTexts.nameOf(i + 1)}
                  </label>
                  <input
                    id={nameId}
                    type="text"
                    value={f.name}
                    maxLength={160}
                    disabled={readOnly}
                    {...errorProps(nameId, nameError)}
                    onChange={(e) => setField(f.key, { name: e.target.value })}
                  />
                  {nameError ? (
                    <span id={`${nameId}-error`} className="field-error">
                      {de.ui.errorPrefix} {nameError}
                    </span>
                  ) : null}
                </td>
                <td>
                  <label htmlFor={`fs-field-${f.key}-goal`} className="visually-hidden">
                    {editionsWizardTexts.goalOf(i + 1)}
                  </label>
                  <input
                    id={`fs-field-${f.key}-goal`}
                    type="text"
                    value={f.guidingGoal}
                    maxLength={500}
                    disabled={readOnly}
                    onChange={(e) => setField(f.key, { guidingGoal: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    disabled={readOnly}
                    aria-label={editionsWizardTexts.removeField(f.code || String(i + 1))}
                    onClick={() => remove(f.key)}
                  >
                    {editionsWizardTexts.remove}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" id="fs-add-field" disabled={readOnly} {...errorProps('fs-add-field', fieldsProblem)} onClick={add}>
        {editionsWizardTexts.addField}
      </button>
      {fieldsProblem ? (
        <p id="fs-add-field-error" className="field-error">
          {de.ui.errorPrefix} {fieldsProblem}
        </p>
      ) : null}

      <h2>{editionsWizardTexts.mappingTitle}</h2>
      <p className="hint">{editionsWizardTexts.mappingHint}</p>
      <div className="rows">
        {sourceFields.map((old) => {
          const id = `fs-map-${old.id}`;
          const error = problemOf(`fieldMappings.${old.id}`);
          const mapped = fields.fieldMappings.find((m) => m.fromFieldId === old.id)?.toFieldKeys ?? [];
          return (
            <fieldset
              key={old.id}
              id={id}
              tabIndex={-1}
              className="row-group mapping"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            >
              <legend>{editionsWizardTexts.mappingLegend(`${old.code} ${old.name}`, countOf(old.id))}</legend>
              <div className="checkboxes">
                {fields.fields.map((f) => (
                  <label key={f.key} className="checkbox">
                    <input
                      type="checkbox"
                      checked={mapped.includes(f.key)}
                      disabled={readOnly}
                      onChange={(e) => toggle(old.id, f.key, e.target.checked)}
                    />
                    {`${f.code} ${f.name}`.trim() || f.key}
                  </label>
                ))}
              </div>
              {error ? (
                <span id={`${id}-error`} className="field-error">
                  {de.ui.errorPrefix} {error}
                </span>
              ) : null}
            </fieldset>
          );
        })}
      </div>
    </>
  );
}
