import { useState } from 'react';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { TextField } from '../../../ui/fields';
import type { StepProps } from './stepProps';
import { DateField } from '../../../ui/DateField';
import { readDateEntry } from '../../../ui/dateEntry';

const editionsWizardTexts = de.editions.ui.wizard;
const PRINT_NUMBER = /^\d{5}-\d{2}(-E[1-9]\d?)?$/;

/** Step 1: name, Drucksache-Nr. and date of the new Fassung (the last two only if already known). */
export function EditionStep({ fields, update, problemOf, readOnly }: StepProps) {
  const [printNumber, setPrintNumber] = useState(fields.edition.printNumber ?? '');
  const [date, setDate] = useState(formatDate(fields.edition.decidedOn));
  const numberError = printNumber.trim() !== '' && !PRINT_NUMBER.test(printNumber.trim()) ? de.editions.ui.invalidPrintNumber : undefined;
  const dateError = date.trim() !== '' && !readDateEntry(date) ? de.editions.ui.invalidDate : undefined;
  const setEdition = (patch: Partial<StepProps['fields']['edition']>) => update((d) => ({ ...d, edition: { ...d.edition, ...patch } }));
  return (
    <fieldset className="section">
      <legend>{editionsWizardTexts.steps[0]}</legend>
      <div className="grid">
        <TextField
          id="fs-edition-name"
          label={editionsWizardTexts.name}
          required
          value={fields.edition.name}
          error={problemOf('edition.name')}
          disabled={readOnly}
          className="field-wide"
          onChange={(v) => setEdition({ name: v })}
        />
        <TextField
          id="fs-edition-printNumber"
          label={editionsWizardTexts.printNumber}
          value={printNumber}
          hint={de.ui.measure.printNumberHint}
          error={numberError}
          disabled={readOnly}
          className="field-number"
          onChange={(v) => {
            setPrintNumber(v);
            setEdition({ printNumber: PRINT_NUMBER.test(v.trim()) ? v.trim() : null });
          }}
        />
        <DateField
          id="fs-edition-decidedOn"
          label={editionsWizardTexts.decidedOn}
          value={date}
          error={dateError}
          disabled={readOnly}
          className="field-narrow"
          onChange={(v) => {
            setDate(v);
            setEdition({ decidedOn: readDateEntry(v) });
          }}
        />
        <label className="checkbox field-wide">
          <input
            type="checkbox"
            checked={fields.makeCurrent}
            disabled={readOnly}
            onChange={(e) => update((d) => ({ ...d, makeCurrent: e.target.checked }))}
          />
          {editionsWizardTexts.makeCurrent}
        </label>
      </div>
      <p className="hint">{editionsWizardTexts.editionHint}</p>
    </fieldset>
  );
}
