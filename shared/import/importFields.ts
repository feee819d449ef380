import { z } from 'zod';

/** The kinds of import, their fields and which are required, and the column mapping (field → column). */

export const IMPORT_KINDS = ['measures', 'values', 'proposals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const MEASURE_IMPORT_FIELDS = [
  'number',
  'title',
  'actionField',
  'type',
  'status',
  'statusReason',
  'leadOrgUnit',
  'involvedOrgUnits',
  'districts',
  'quarter',
  'plannedStart',
  'plannedEnd',
  'budget',
  'budgetYear',
  'shortText',
  'description',
  'preventionGoal',
  'projectGoal',
  'tags',
] as const;
export const VALUE_IMPORT_FIELDS = ['measureNumber', 'indicatorName', 'year', 'value', 'period', 'note'] as const;
/** Anregungen ("number" is shared with the measures). */
export const PROPOSAL_IMPORT_FIELDS = [
  'number',
  'receivedOn',
  'source',
  'lab',
  'text',
  'category',
  'district',
  'area',
  'assignedOrgUnit',
  'state',
  'stateReason',
  'measure',
  'feedbackText',
  'feedbackOn',
] as const;
export const IMPORT_FIELDS = [...MEASURE_IMPORT_FIELDS, ...VALUE_IMPORT_FIELDS, ...PROPOSAL_IMPORT_FIELDS.filter((f) => f !== 'number')];
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELDS_BY_KIND: Record<ImportKind, readonly ImportField[]> = {
  measures: MEASURE_IMPORT_FIELDS,
  values: VALUE_IMPORT_FIELDS,
  proposals: PROPOSAL_IMPORT_FIELDS,
};
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  measures: ['number', 'title', 'actionField'],
  values: ['measureNumber', 'indicatorName', 'year', 'value'],
  proposals: ['text', 'receivedOn'],
};

/** Field → index of the column (0 = A). Fields not listed are not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;
const columnIndex = z.number().int().min(0).max(16_383);
/** Only the known field names (a strict object: "__proto__" or any other key is refused). */
export const columnMappingSchema = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, columnIndex.optional()])) as Record<ImportField, z.ZodOptional<typeof columnIndex>>,
);

export type ImportCell = string | number | null;
