import { z } from 'zod';
import { id, isoDate, isoDateTime, multiLineText, printNumber, singleLineText } from '@shared/core/primitives';

/**
 * Fortschreibung: a new Fassung of the masterplan made from an existing one (DOMAIN.md §1, §3).
 *
 * Two records live in the register:
 *  - `fortschreibungDrafts`: the wizard's unfinished work (saved and resumed; nothing else refers to it);
 *  - `fortschreibungen`: one record per Fassung made by a Fortschreibung, written once when it is applied
 *    and never changed afterwards. It holds everything that links the new Fassung to its source: which old
 *    Handlungsfelder went into which new ones, which old measure lives on in which new one (and how), and
 *    which measures ended with which reason.
 *
 * The links sit on this edition-level record rather than on the measures: the old Fassung's records are
 * never touched, the measure schema (shared with import, evaluation and review) stays as it is, and the
 * reverse direction (successors of an old measure) is derived from the same list.
 */

export const MEASURE_DECISIONS = ['carry', 'merge', 'supersede', 'end'] as const;
export type MeasureDecisionAction = (typeof MEASURE_DECISIONS)[number];

/** How a measure of the new Fassung came from one of the old: taken over, merged into it, or it replaces it. */
export const LINK_RELATIONS = ['carried', 'merged', 'superseded'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

// ---------------------------------------------------------------------------------------------------
// Applied record
// ---------------------------------------------------------------------------------------------------

export const fieldMappingSchema = z.strictObject({
  /** Handlungsfeld of the source Fassung. */
  fromFieldId: id,
  /** Handlungsfelder of the new Fassung it went into: one (kept or renamed), several (split); merged fields share a target. */
  toFieldIds: z.array(id).max(100),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const measureLinkSchema = z.strictObject({
  /** Measure of the source Fassung (never changed by the Fortschreibung). */
  fromMeasureId: id,
  /** Measure of the new Fassung. */
  toMeasureId: id,
  relation: z.enum(LINK_RELATIONS),
});
export type MeasureLink = z.infer<typeof measureLinkSchema>;

export const endedMeasureSchema = z.strictObject({
  measureId: id,
  reason: multiLineText(2000),
});
export type EndedMeasure = z.infer<typeof endedMeasureSchema>;

export const fortschreibungSchema = z.strictObject({
  id,
  fromEditionId: id,
  toEditionId: id,
  appliedAt: isoDateTime,
  appliedBy: z.string().max(120),
  fieldMappings: z.array(fieldMappingSchema).max(100),
  links: z.array(measureLinkSchema).max(200_000),
  endedMeasures: z.array(endedMeasureSchema).max(200_000),
});
export type Fortschreibung = z.infer<typeof fortschreibungSchema>;

// ---------------------------------------------------------------------------------------------------
// Draft (the wizard's work in progress)
// ---------------------------------------------------------------------------------------------------

/**
 * A Handlungsfeld of the new Fassung as planned. Blank code or name are allowed while drafting (the work
 * can be saved half done); applying checks them.
 */
export const draftFieldSchema = z.strictObject({
  /** Key within the draft ("neu-1"); the real id is given when the draft is applied. */
  key: id,
  code: singleLineText(12),
  name: singleLineText(160),
  description: multiLineText(4000),
  guidingGoal: singleLineText(500),
});
export type DraftField = z.infer<typeof draftFieldSchema>;

export const draftFieldMappingSchema = z.strictObject({
  fromFieldId: id,
  toFieldKeys: z.array(id).max(100),
});
export type DraftFieldMapping = z.infer<typeof draftFieldMappingSchema>;

/**
 * What happens to one measure of the source Fassung:
 *  - carry: taken over into the new Handlungsfeld `targetFieldKey`;
 *  - merge: merged into the measure `targetMeasureId` of the source Fassung (it lives on in that one's successor);
 *  - supersede: replaced by `targetMeasureId`'s successor, or, without a target measure, by a new measure
 *    titled `newMeasureTitle` in `targetFieldKey`;
 *  - end: not continued; `reason` is required.
 */
export const measureDecisionSchema = z.strictObject({
  measureId: id,
  action: z.enum(MEASURE_DECISIONS),
  targetFieldKey: id.nullable(),
  targetMeasureId: id.nullable(),
  newMeasureTitle: singleLineText(200),
  reason: multiLineText(2000),
});
export type MeasureDecision = z.infer<typeof measureDecisionSchema>;

export const draftEditionSchema = z.strictObject({
  name: singleLineText(160),
  printNumber: printNumber.nullable(),
  decidedOn: isoDate.nullable(),
});

/** The part of a draft the wizard edits (also the payload of "Zwischenspeichern"). */
export const fortschreibungDraftFieldsSchema = z.strictObject({
  fromEditionId: id,
  edition: draftEditionSchema,
  fields: z.array(draftFieldSchema).max(100),
  fieldMappings: z.array(draftFieldMappingSchema).max(100),
  decisions: z.array(measureDecisionSchema).max(100_000),
  /** Make the new Fassung the current one when applying (the register then shows it by default). */
  makeCurrent: z.boolean(),
});
export type FortschreibungDraftFields = z.infer<typeof fortschreibungDraftFieldsSchema>;

export const fortschreibungDraftSchema = fortschreibungDraftFieldsSchema.extend({
  id,
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: z.string().max(120),
});
export type FortschreibungDraft = z.infer<typeof fortschreibungDraftSchema>;

/** A draft as listed (without its decisions). */
export interface FortschreibungDraftInfo {
  id: string;
  version: number;
  name: string;
  fromEditionId: string;
  updatedAt: string;
  createdBy: string;
}
