import type { RegisterReference } from '@shared/contract';
import type { Edition } from '@shared/editions/edition';
import { de } from '@shared/i18n/de';

/** Handlungsfeld id → its Fassung. */
export function editionOfField(reference: RegisterReference | null, actionFieldId: string): Edition | undefined {
  const editionId = reference?.actionFields.find((f) => f.id === actionFieldId)?.editionId;
  return editionId ? reference?.editions.find((e) => e.id === editionId) : undefined;
}

/** Measures of an abgelöste Fassung stay as they are (the service refuses changes; the UI disables them). */
export function isReplacedEdition(reference: RegisterReference | null, actionFieldId: string): boolean {
  return editionOfField(reference, actionFieldId)?.state === 'abgeloest';
}

/** "Masterplan 2019 (beschlossen)". */
export function editionLabel(e: Edition): string {
  return de.editions.editionWithState(e.name, de.editions.states[e.state]);
}

/** Steps of the wizard: 0 Fassung, 1 Handlungsfelder, 2 Maßnahmen, 3 Prüfen. */
export type WizardStep = 0 | 1 | 2 | 3;

/**
 * Where a problem of checkFortschreibung is fixed: the wizard step and the id of the control. Paths come
 * from problemPath in shared/editions/fortschreibung.ts.
 */
export function problemTarget(path: string): { step: WizardStep; elementId: string; measureId?: string } {
  const [head, key, part] = path.split('.');
  switch (head) {
    case 'fromEditionId':
      return { step: 0, elementId: 'fs-source' };
    case 'edition':
      return { step: 0, elementId: `fs-edition-${key ?? 'name'}` };
    case 'fields':
      return key ? { step: 1, elementId: `fs-field-${key}-${part ?? 'code'}` } : { step: 1, elementId: 'fs-add-field' };
    case 'fieldMappings':
      return { step: 1, elementId: `fs-map-${key}` };
    case 'decisions':
      return key
        ? { step: 2, elementId: `fs-decision-${key}-${part ?? 'action'}`, measureId: key }
        : { step: 2, elementId: 'fs-decisions' };
    default:
      return { step: 3, elementId: 'fs-check' };
  }
}
