import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { id, isoDate, requiredLine, singleLineText } from '@shared/core/primitives';

/** Offices of the city and outside partners; a user-maintained table (codes are not all confirmed). */
export const ORG_UNIT_KINDS = ['verwaltung', 'polizei', 'partner', 'politik', 'sonstige'] as const;

export const orgUnitSchema = z.strictObject({
  id,
  code: singleLineText(40),
  name: requiredLine(160, de.validation.nameRequired),
  kind: z.enum(ORG_UNIT_KINDS),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

/** How offices are printed in Dortmund documents: "Ordnungsamt (FB 32)". */
export function orgUnitLabel(unit: Pick<OrgUnit, 'code' | 'name'>): string {
  return unit.code && !unit.name.includes(unit.code) ? `${unit.name} (${unit.code})` : unit.name;
}
