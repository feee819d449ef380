import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { districtCode } from './districts';
import { cents, id, isoDate, isoDateTime, multiLineText, printNumber, requiredLine, singleLineText, year } from '@shared/core/primitives';

export const MEASURE_TYPES = ['projekt', 'massnahme', 'daueraufgabe'] as const;
export const FUNDING_SOURCES = ['haushalt', 'foerdermittel', 'dritte'] as const;
export const ORIGIN_KINDS = ['masterplan', 'ratsantrag', 'quartierslabor', 'vollversammlung', 'sonstige'] as const;
export const DECISION_KINDS = ['beschluss', 'empfehlung', 'kenntnisnahme', 'auftrag'] as const;

export const budgetLineSchema = z.strictObject({
  year,
  plannedCents: cents.nullable(),
  approvedCents: cents.nullable(),
  spentCents: cents.nullable(),
  fundingSource: z.enum(FUNDING_SOURCES),
  budgetPosition: singleLineText(80),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const decisionSchema = z.strictObject({
  printNumber: printNumber.nullable(),
  body: requiredLine(160, de.validation.bodyRequired),
  date: isoDate.nullable(),
  kind: z.enum(DECISION_KINDS),
  note: singleLineText(500),
});
export type Decision = z.infer<typeof decisionSchema>;

export const milestoneSchema = z.strictObject({
  title: requiredLine(200, de.validation.titleRequired),
  dueDate: isoDate.nullable(),
  doneDate: isoDate.nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const originSchema = z.strictObject({
  kind: z.enum(ORIGIN_KINDS),
  reference: singleLineText(300),
  printNumber: printNumber.nullable(),
});

/**
 * The fields a clerk edits. Kept separate from the stored record so the same schema validates the
 * form, the IPC payload and the file.
 */
export const measureFieldsSchema = z.strictObject({
  number: requiredLine(20, de.validation.numberRequired).regex(/^[A-Za-z0-9ÄÖÜäöü.-]+$/, de.validation.measureNumber),
  title: requiredLine(200, de.validation.titleRequired),
  shortText: multiLineText(1000),
  description: multiLineText(20_000),
  preventionGoal: multiLineText(4000),
  projectGoal: multiLineText(4000),
  actionFieldId: id,
  type: z.enum(MEASURE_TYPES),
  status: z.string().min(1).max(40),
  statusReason: multiLineText(2000),
  linkedMeasureId: id.nullable(),
  /** Sub-measures roll up into their parent's Umsetzungsgrad, weighted by `weight`. */
  parentMeasureId: id.nullable(),
  weight: z.number().positive(de.validation.weight).max(1000, de.validation.weight),
  leadOrgUnitId: id.nullable(),
  involvedOrgUnitIds: z.array(id).max(200),
  districts: z.array(districtCode).max(12),
  quarter: singleLineText(120),
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
  actualStart: isoDate.nullable(),
  actualEnd: isoDate.nullable(),
  budget: z.array(budgetLineSchema).max(50),
  origin: originSchema,
  decisions: z.array(decisionSchema).max(100),
  milestones: z.array(milestoneSchema).max(200),
  tags: z.array(singleLineText(40).refine((t) => t.trim().length > 0, de.validation.emptyTag)).max(50),
});
export type MeasureFields = z.infer<typeof measureFieldsSchema>;

export const measureSchema = measureFieldsSchema.extend({
  id,
  /** Incremented on each save; an edit based on an older version is refused instead of overwriting. */
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Set while the measure is in the Papierkorb. */
  deletedAt: isoDateTime.nullable(),
});
export type Measure = z.infer<typeof measureSchema>;

export const MEASURE_FIELD_NAMES = Object.keys(measureFieldsSchema.shape) as (keyof MeasureFields)[];

export function emptyMeasureFields(actionFieldId: string, number: string): MeasureFields {
  return {
    number,
    title: '',
    shortText: '',
    description: '',
    preventionGoal: '',
    projectGoal: '',
    actionFieldId,
    type: 'massnahme',
    status: 'vorgeschlagen',
    statusReason: '',
    linkedMeasureId: null,
    parentMeasureId: null,
    weight: 1,
    leadOrgUnitId: null,
    involvedOrgUnitIds: [],
    districts: [],
    quarter: '',
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    budget: [],
    origin: { kind: 'masterplan', reference: '', printNumber: null },
    decisions: [],
    milestones: [],
    tags: [],
  };
}
