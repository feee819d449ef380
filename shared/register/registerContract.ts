import { z } from 'zod';
import type { AuditEntry } from '@shared/audit/audit';
import { byId, byIdAndVersion, draftId, empty, method, version, type Saved } from '@shared/core/contractKit';
import { id, isoDate } from '@shared/core/primitives';
import { actionFieldSchema, type ActionField, type Edition } from '@shared/editions/edition';
import { de } from '@shared/i18n/de';
import { bodySchema, type Body } from '@shared/participation/body';
import { measureFieldsSchema, type Measure } from './measure';
import { orgUnitSchema, type OrgUnit } from './orgUnit';
import type { MeasureRow } from './search';
import { statusDefinitionSchema, type StatusDefinition } from './status';

/** The contract methods of the register itself: measures, their history, and the reference lists. */

/** Largest page of getHistory; the default page is HISTORY_PAGE_DEFAULT entries. */
export const HISTORY_PAGE_MAX = 500;
export const HISTORY_PAGE_DEFAULT = 100;

export interface HistoryPage {
  entries: AuditEntry[];
  /** All entries of the record; more can be loaded while offset + entries.length < total. */
  total: number;
}

export interface RegisterReference {
  editions: Edition[];
  currentEditionId: string;
  actionFields: ActionField[];
  orgUnits: OrgUnit[];
  statuses: StatusDefinition[];
  bodies: Body[];
}

const statusKey = statusDefinitionSchema.shape.key;
const percent = z
  .number(de.statuses.percentRange)
  .int(de.statuses.percentRange)
  .min(0, de.statuses.percentRange)
  .max(100, de.statuses.percentRange);

/** Most measures one "Status ändern für Auswahl" may change (one write, one audit entry each). */
export const BULK_STATUS_MAX = 1000;
const bulkTexts = de.ui.bulkStatus;

export const bulkStatusRequestSchema = z.strictObject({
  /** Each selected measure with the version the list showed: each gets its own version check. */
  measures: z
    .array(z.strictObject({ id, version }))
    .min(1, bulkTexts.noneSelected)
    .max(BULK_STATUS_MAX, bulkTexts.tooMany(BULK_STATUS_MAX))
    .refine((items) => new Set(items.map((m) => m.id)).size === items.length, bulkTexts.duplicate),
  status: statusKey,
  /** Replaces each measure's reason (empty clears it). */
  statusReason: measureFieldsSchema.shape.statusReason,
  /** For a status that needs a link ("zusammengeführt mit"): the one measure all of them point to. */
  linkedMeasureId: id.nullable(),
  /** Actual start or end (as the status means it), set where the measure has none yet. */
  date: isoDate.nullable(),
});
export type BulkStatusRequest = z.infer<typeof bulkStatusRequestSchema>;
export interface BulkStatusResult {
  /** Ids of the measures changed (each with its own audit entry) and of those that already were so. */
  changed: string[];
  unchanged: string[];
}

export const registerContract = {
  getReference: method<RegisterReference>()(empty),
  listMeasureRows: method<MeasureRow[]>()(empty),
  /** Ids of the measures whose text contains every word of the query (umlaut-tolerant; the index lives in main). */
  searchMeasures: method<string[]>()(z.strictObject({ query: z.string().max(1000) })),
  /** Rows of the given measures only, to update a list in place after others' changes. */
  getMeasureRows: method<MeasureRow[]>()(z.strictObject({ ids: z.array(id).max(10_000) })),
  getMeasure: method<Measure>()(byId),
  createMeasure: method<Saved<Measure>>()(z.strictObject({ fields: measureFieldsSchema })),
  updateMeasure: method<Saved<Measure>>()(z.strictObject({ id, version, fields: measureFieldsSchema })),
  /** "Status ändern für Auswahl": all or nothing; a refusal names each measure and why (fields `measures.<i>`). */
  changeMeasureStatuses: method<Saved<BulkStatusResult>>()(bulkStatusRequestSchema),
  deleteMeasure: method<Saved<null>>()(byIdAndVersion),
  /** With `version` (an undo of "In den Papierkorb") refused as CONFLICT if it changed since. */
  restoreMeasure: method<Saved<Measure>>()(z.strictObject({ id, version: version.optional() })),
  /** The audit trail of one record, newest first, one page at a time (a trail can be very long). */
  getHistory: method<HistoryPage>()(
    z.strictObject({
      entityId: z.string().min(1).max(64),
      offset: z.number().int().min(0).max(100_000_000).optional(),
      limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
    }),
  ),
  saveActionField: method<Saved<ActionField>>()(z.strictObject({ id: draftId, fields: actionFieldSchema.omit({ id: true }) })),
  deleteActionField: method<Saved<null>>()(byId),
  saveOrgUnit: method<Saved<OrgUnit>>()(z.strictObject({ id: draftId, fields: orgUnitSchema.omit({ id: true }) })),
  deleteOrgUnit: method<Saved<null>>()(byId),
  saveBody: method<Saved<Body>>()(z.strictObject({ id: draftId, fields: bodySchema.omit({ id: true }) })),
  deleteBody: method<Saved<null>>()(byId),
  /** The status list (Einstellungen): `key` null creates a status, its key derived from the label and never changed. */
  saveStatus: method<Saved<StatusDefinition>>()(
    z.strictObject({ key: statusKey.nullable(), fields: statusDefinitionSchema.omit({ key: true }).extend({ defaultPercent: percent }) }),
  ),
  /** Refused while any measure (also in the Papierkorb or another Fassung) has the status. */
  deleteStatus: method<Saved<null>>()(z.strictObject({ key: statusKey })),
  /** The list order is the order of every status choice; returns the new list. */
  moveStatus: method<Saved<StatusDefinition[]>>()(z.strictObject({ key: statusKey, direction: z.enum(['up', 'down']) })),
} as const;
