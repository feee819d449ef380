import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { id, isoDate, multiLineText, printNumber, requiredLine, singleLineText } from '@shared/core/primitives';

export const EDITION_STATES = ['entwurf', 'beschlossen', 'abgeloest'] as const;

/** A Fassung of the masterplan, e.g. "Masterplan 2019 (DS 12534-18)". */
export const editionSchema = z.strictObject({
  id,
  name: requiredLine(160, de.validation.nameRequired),
  printNumber: printNumber.nullable(),
  decidedOn: isoDate.nullable(),
  state: z.enum(EDITION_STATES),
});
export type Edition = z.infer<typeof editionSchema>;

/** Handlungsfeld: belongs to an edition, because each Fortschreibung may redefine them. */
export const actionFieldSchema = z.strictObject({
  id,
  editionId: id,
  code: requiredLine(12, de.validation.codeRequired).regex(/^[A-Za-z0-9ÄÖÜäöü.-]+$/, de.validation.code),
  name: requiredLine(160, de.validation.nameRequired),
  description: multiLineText(4000),
  guidingGoal: singleLineText(500),
});
export type ActionField = z.infer<typeof actionFieldSchema>;
