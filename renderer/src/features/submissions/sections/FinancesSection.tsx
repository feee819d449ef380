import { de } from '@shared/i18n/de';
import { TextArea, TextField } from '../../../ui/fields';
import type { FinanceRowText } from '../submissionForm';
import { EditorSection, RadioGroup, replaceItem, RowButtons, moveItem, type SectionProps } from './common';

const submissionsEditorTexts = de.ui.submissions.editor;
const f = submissionsEditorTexts.field;

/** Finanzielle Auswirkungen: "keine", or investiv/konsumtiv per year and how it is covered. */
export function FinancesSection({ form, update, common, readOnly }: SectionProps) {
  const rows = form.financeRows;
  const set = (i: number, patch: Partial<FinanceRowText>) => update({ financeRows: replaceItem(rows, i, patch) });
  const nextYear = () => {
    const years = rows.map((r) => Number(r.year)).filter((y) => Number.isInteger(y) && y > 1990);
    return String(years.length > 0 ? Math.max(...years) + 1 : new Date().getFullYear());
  };
  return (
    <EditorSection name="finances">
      <div className="grid">
        <RadioGroup
          {...common('finances.hasImpact')}
          label={f.hasImpact}
          value={form.hasFinanceImpact ? 'yes' : 'no'}
          options={[
            { value: 'no', label: f.noImpact },
            { value: 'yes', label: f.withImpact },
          ]}
          onChange={(v) =>
            update({
              hasFinanceImpact: v === 'yes',
              financeRows: v === 'yes' && rows.length === 0 ? [{ year: nextYear(), investive: '', consumptive: '' }] : rows,
            })
          }
        />
        {form.hasFinanceImpact ? (
          <>
            <div id="f-finances" className="rows field-wide" tabIndex={-1}>
              {rows.map((r, i) => {
                const rowName = `${submissionsEditorTexts.financeRow} ${r.year || i + 1}`;
                return (
                  <fieldset key={i} className="row-group">
                    <legend>{rowName}</legend>
                    <TextField
                      {...common(`finances.rows.${i}.year`)}
                      label={f.year}
                      value={r.year}
                      onChange={(v) => set(i, { year: v })}
                      className="field-narrow"
                    />
                    <TextField
                      {...common(`finances.rows.${i}.investiveCents`)}
                      label={f.investiveCents}
                      hint={submissionsEditorTexts.moneyHint}
                      value={r.investive}
                      onChange={(v) => set(i, { investive: v })}
                      className="field-narrow"
                    />
                    <TextField
                      {...common(`finances.rows.${i}.consumptiveCents`)}
                      label={f.consumptiveCents}
                      hint={submissionsEditorTexts.moneyHint}
                      value={r.consumptive}
                      onChange={(v) => set(i, { consumptive: v })}
                      className="field-narrow"
                    />
                    <RowButtons
                      row={rowName}
                      index={i}
                      count={rows.length}
                      disabled={readOnly}
                      onMove={(d) => update({ financeRows: moveItem(rows, i, d) })}
                      onRemove={() => update({ financeRows: rows.filter((_, j) => j !== i) })}
                    />
                  </fieldset>
                );
              })}
              <button
                type="button"
                disabled={readOnly || rows.length >= 30}
                onClick={() => update({ financeRows: [...rows, { year: nextYear(), investive: '', consumptive: '' }] })}
              >
                {submissionsEditorTexts.addFinanceRow}
              </button>
            </div>
            <TextArea
              {...common('finances.coverage')}
              label={`${f.coverage} *`}
              rows={2}
              value={form.coverage}
              onChange={(v) => update({ coverage: v })}
            />
          </>
        ) : null}
      </div>
    </EditorSection>
  );
}
