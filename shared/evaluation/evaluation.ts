import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { id, isoDate, isoDateTime, multiLineText, requiredLine, singleLineText, year } from '@shared/core/primitives';

/** Kennzahlen, evaluation rounds and assessments (DOMAIN.md §6). */
export const INDICATOR_TYPES = ['output', 'outcome'] as const;
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export const RATINGS = ['gruen', 'gelb', 'rot', 'grau'] as const;
export const RECOMMENDATIONS = ['fortfuehren', 'anpassen', 'verstetigen', 'beenden'] as const;
export type Rating = (typeof RATINGS)[number];
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** A finite number that fits a spreadsheet cell; NaN and ±Infinity never reach the file. */
const measuredValue = z
  .number()
  .refine(Number.isFinite, de.validation.invalidField)
  .refine((v) => Math.abs(v) < 1e15, de.validation.invalidField);

/** One actual value of a Kennzahl: a year, optionally a period within it ("2024", "1. Halbjahr 2024"). */
export const indicatorValueSchema = z.strictObject({
  year,
  period: singleLineText(40),
  value: measuredValue,
  note: singleLineText(300),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorFieldsSchema = z.strictObject({
  measureId: id,
  name: requiredLine(200, de.validation.nameRequired),
  type: z.enum(INDICATOR_TYPES),
  unit: singleLineText(40),
  direction: z.enum(INDICATOR_DIRECTIONS),
  dataSource: singleLineText(200),
  method: multiLineText(2000),
  baselineValue: measuredValue.nullable(),
  baselineYear: year.nullable(),
  targetValue: measuredValue.nullable(),
  targetYear: year.nullable(),
  /** Optional limits between green and yellow, yellow and red (in the indicator's unit). */
  thresholdGood: measuredValue.nullable(),
  thresholdCritical: measuredValue.nullable(),
  comparisonArea: singleLineText(200),
  comparisonPeriod: singleLineText(100),
  values: z.array(indicatorValueSchema).max(200),
});
export type IndicatorFields = z.infer<typeof indicatorFieldsSchema>;

export const indicatorSchema = indicatorFieldsSchema.extend({
  id,
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const evaluationRoundFieldsSchema = z.strictObject({
  name: requiredLine(200, de.validation.nameRequired),
  date: isoDate.nullable(),
  /** Values and states up to this day count for the round. */
  cutOffDate: isoDate.nullable(),
  /** Empty: all measures of the current edition. */
  actionFieldIds: z.array(id).max(50),
  description: multiLineText(4000),
  closed: z.boolean(),
});
export type EvaluationRoundFields = z.infer<typeof evaluationRoundFieldsSchema>;

export const evaluationRoundSchema = evaluationRoundFieldsSchema.extend({
  id,
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type EvaluationRound = z.infer<typeof evaluationRoundSchema>;

export const assessmentFieldsSchema = z.strictObject({
  roundId: id,
  measureId: id,
  /** Traffic light; always shown together with its word (de.evaluation.ratings). */
  rating: z.enum(RATINGS),
  reasoning: multiLineText(10_000),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  assessor: singleLineText(120),
  date: isoDate.nullable(),
});
export type AssessmentFields = z.infer<typeof assessmentFieldsSchema>;

export const assessmentSchema = assessmentFieldsSchema.extend({
  id,
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Assessment = z.infer<typeof assessmentSchema>;

/**
 * One spreadsheet import, kept so it can be undone as a whole: the measures it created and, per Kennzahl
 * it changed, the values before the import.
 */
export const importRecordSchema = z.strictObject({
  id,
  at: isoDateTime,
  user: z.string().max(120),
  kind: z.enum(['measures', 'values', 'proposals']),
  fileName: z.string().max(255),
  rowCount: z.number().int().min(0),
  createdMeasureIds: z.array(id),
  createdIndicatorIds: z.array(id),
  changedIndicators: z.array(z.strictObject({ indicatorId: id, before: z.array(indicatorValueSchema) })),
  /** Anregungen the import created (older records have none). */
  createdProposalIds: z.array(id).default([]),
  undoneAt: isoDateTime.nullable(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;
