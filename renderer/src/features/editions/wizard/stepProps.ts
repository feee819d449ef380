import type { RegisterReference } from '@shared/contract';
import type { ActionField } from '@shared/editions/edition';
import type { FortschreibungDraftFields } from '@shared/editions/fortschreibungModel';
import type { MeasureRow } from '@shared/register/search';

/** What every step of the wizard gets: the draft as edited, a way to change it, and the problems found. */
export interface StepProps {
  fields: FortschreibungDraftFields;
  update: (change: (current: FortschreibungDraftFields) => FortschreibungDraftFields) => void;
  /** The message of the last check for a place (problemPath), if any. */
  problemOf: (path: string) => string | undefined;
  readOnly: boolean;
  reference: RegisterReference;
  /** Handlungsfelder and active measures of the source Fassung. */
  sourceFields: ActionField[];
  sourceMeasures: MeasureRow[];
}

/** aria-describedby and aria-invalid for a control with an error text below it. */
export function errorProps(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}
