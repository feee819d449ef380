import type { RegisterReference } from '@shared/contract';
import type { MeasureRow } from '@shared/register/search';
import { de } from '@shared/i18n/de';
import {
  bodyNames,
  dateValue,
  historyFormat,
  idListValue,
  idValue,
  measureNumbers,
  orgUnitNames,
  wordValue,
  type HistoryFormat,
} from '../../ui/historyValues';

/** How the "Verlauf" of a tracked decision shows the recorded values. */
const trackingTexts = de.trackingUi;
const h = trackingTexts.history;
const participationTexts = de.participation;

export function decisionHistory({ reference, rows }: { reference: RegisterReference | null; rows: readonly MeasureRow[] }): HistoryFormat {
  return historyFormat(h.caption, trackingTexts.editor.field, {
    bodyId: idValue(bodyNames(reference), h.unknown),
    decidedOn: dateValue,
    kind: wordValue(participationTexts.decisionKinds),
    dueDate: dateValue,
    responsibleOrgUnitId: idValue(orgUnitNames(reference), h.unknown),
    measureIds: idListValue(measureNumbers(rows), h.unknown),
    state: wordValue(participationTexts.decisionStates),
  });
}
