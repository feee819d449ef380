import { z } from 'zod';
import { byId, empty, method, version, type ExportResult, type Saved } from '@shared/core/contractKit';
import type { Edition } from './edition';
import type { EditionComparison } from './editionCompare';
import type { EditionSummary, LineageNode } from './fortschreibung';
import { fortschreibungDraftFieldsSchema, type FortschreibungDraft, type FortschreibungDraftInfo } from './fortschreibungModel';
import { id, isoDate, printNumber } from '@shared/core/primitives';
import type { FieldProblem } from '@shared/register/rules';

/**
 * The contract methods of Fassungen and Fortschreibung (spread into `contract` in contract.ts, names in
 * methods.ts, bound to EditionService by editionsHandlers).
 */

const pair = z.strictObject({ fromId: id, toId: id });

export const editionsContract = {
  /** Every Fassung with its state, counts, source and whether it is the current one. */
  listEditions: method<EditionSummary[]>()(empty),
  /** Makes a Fassung the current one (the register shows it by default). */
  setCurrentEdition: method<Saved<null>>()(byId),
  /** Records the council decision: "beschlossen" with Drucksache-Nr. and date; its source becomes "abgelöst". */
  decideEdition: method<Saved<Edition>>()(z.strictObject({ id, printNumber, decidedOn: isoDate })),
  /** Deletes a Fassung in Entwurf that nothing refers to, with its Handlungsfelder and measures. */
  deleteEdition: method<Saved<null>>()(byId),
  compareEditions: method<EditionComparison>()(pair),
  /** Asks where to save (dialog, last folder) and writes the comparison as Excel table or Word annex. */
  exportEditionComparison: method<ExportResult | null>()(
    z.strictObject({ fromId: id, toId: id, format: z.enum(['xlsx', 'docx']), open: z.boolean() }),
  ),
  /** The measure's line across the Fassungen (predecessors and successors). */
  getMeasureLineage: method<LineageNode[]>()(byId),
  listFortschreibungDrafts: method<FortschreibungDraftInfo[]>()(empty),
  getFortschreibungDraft: method<FortschreibungDraft>()(byId),
  /** A new draft from a Fassung, pre-filled: Handlungsfelder copied, every measure carried over. */
  startFortschreibung: method<Saved<FortschreibungDraft>>()(z.strictObject({ fromEditionId: id })),
  /** "Zwischenspeichern". */
  saveFortschreibungDraft: method<Saved<FortschreibungDraft>>()(z.strictObject({ id, version, fields: fortschreibungDraftFieldsSchema })),
  discardFortschreibungDraft: method<Saved<null>>()(byId),
  /** The problems of the wizard's current state, each at its place; writes nothing. */
  checkFortschreibung: method<FieldProblem[]>()(z.strictObject({ fields: fortschreibungDraftFieldsSchema })),
  /** Applies the saved draft completely (one durable write) or, with problems, not at all. */
  applyFortschreibung: method<Saved<{ editionId: string }>>()(z.strictObject({ id, version })),
} as const;
