import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { requiredLine } from '@shared/core/primitives';

/**
 * Status of a measure. The list is editable data (labels and default percentages), but these keys
 * carry rules: side states need a reason, merged/superseded need a link to the other measure.
 */
export const statusDefinitionSchema = z.strictObject({
  key: z.string().regex(/^[a-z_]{2,40}$/),
  label: requiredLine(60, de.validation.nameRequired),
  defaultPercent: z.number().int().min(0).max(100),
  requiresReason: z.boolean(),
  requiresLink: z.boolean(),
  active: z.boolean(),
});
export type StatusDefinition = z.infer<typeof statusDefinitionSchema>;

function status(key: string, label: string, defaultPercent: number, requiresReason = false, requiresLink = false): StatusDefinition {
  return { key, label, defaultPercent, requiresReason, requiresLink, active: true };
}

export const DEFAULT_STATUSES: StatusDefinition[] = [
  status('vorgeschlagen', 'vorgeschlagen', 0),
  status('beschlossen', 'beschlossen', 10),
  status('in_planung', 'in Planung', 25),
  status('in_umsetzung', 'in Umsetzung', 50),
  status('umgesetzt', 'umgesetzt', 100),
  status('verstetigt', 'verstetigt (Regelbetrieb)', 100),
  status('zurueckgestellt', 'zurückgestellt', 0, true),
  status('verzoegert', 'verzögert', 40, true),
  status('eingestellt', 'eingestellt', 0, true),
  status('zusammengefuehrt', 'zusammengeführt mit', 100, true, true),
  status('ersetzt', 'ersetzt durch', 100, true, true),
];

/** Which date a status change sets: starting the work sets the actual start, finishing it the actual end. */
const START_STATUSES = new Set(['in_umsetzung']);
const END_STATUSES = new Set(['umgesetzt', 'verstetigt', 'eingestellt']);
export const statusDateField = (status: string): 'actualStart' | 'actualEnd' | null =>
  START_STATUSES.has(status) ? 'actualStart' : END_STATUSES.has(status) ? 'actualEnd' : null;
