import { de } from '@shared/i18n/de';
import type { ActionField } from '@shared/editions/edition';
import { checkFortschreibungIntegrity } from '@shared/editions/fortschreibungIntegrity';
import { checkParticipationIntegrity } from '@shared/participation/participationIntegrity';
import { duplicateIdProblems } from './duplicateIds';
import type { MeasureFields } from './measure';
import type { OrgUnit } from './orgUnit';
import type { RegisterDocument } from './register';
import type { StatusDefinition } from './status';

/** A problem with one field, phrased for the clerk; `field` is the form field to jump to. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface MeasureContext {
  measureId: string | null;
  actionFields: readonly ActionField[];
  orgUnits: readonly OrgUnit[];
  statuses: readonly StatusDefinition[];
  /**
   * Numbers and ids (and parents, for the cycle check) of the other measures not in the Papierkorb. With
   * `actionFieldId`, numbers need to be unique only within a Fassung (each Fortschreibung numbers anew).
   */
  others: readonly { id: string; number: string; parentMeasureId?: string | null; actionFieldId?: string }[];
}

interface OthersIndex {
  ids: Set<string>;
  /** Lower-case number → ids of the measures carrying it. */
  byNumber: Map<string, string[]>;
  /** Handlungsfeld of each measure, where given. */
  fieldOf: Map<string, string>;
}

// Checking a whole register calls checkMeasureRules once per measure with the same `others` array;
// indexing it once keeps that linear instead of quadratic.
const indexCache = new WeakMap<readonly { id: string; number: string }[], OthersIndex>();
const editionCache = new WeakMap<readonly ActionField[], Map<string, string>>();

function indexOthers(others: readonly { id: string; number: string; actionFieldId?: string }[]): OthersIndex {
  let index = indexCache.get(others);
  if (!index) {
    index = { ids: new Set(), byNumber: new Map(), fieldOf: new Map() };
    for (const m of others) {
      index.ids.add(m.id);
      if (m.actionFieldId !== undefined) index.fieldOf.set(m.id, m.actionFieldId);
      const key = m.number.toLowerCase();
      const list = index.byNumber.get(key);
      if (list) list.push(m.id);
      else index.byNumber.set(key, [m.id]);
    }
    indexCache.set(others, index);
  }
  return index;
}

/** Handlungsfeld id → id of its Fassung. */
function editionsOfFields(fields: readonly ActionField[]): Map<string, string> {
  let map = editionCache.get(fields);
  if (!map) {
    map = new Map(fields.map((f) => [f.id, f.editionId]));
    editionCache.set(fields, map);
  }
  return map;
}

/** Another measure's number clashes when it sits in the same Fassung (or when either Fassung is unknown). */
function numberClashes(fields: MeasureFields, ctx: MeasureContext): boolean {
  const index = indexOthers(ctx.others);
  const holders = (index.byNumber.get(fields.number.toLowerCase()) ?? []).filter((id) => id !== ctx.measureId);
  if (holders.length === 0) return false;
  const editionOf = editionsOfFields(ctx.actionFields);
  const mine = editionOf.get(fields.actionFieldId);
  return holders.some((id) => {
    const field = index.fieldOf.get(id);
    const theirs = field === undefined ? undefined : editionOf.get(field);
    return mine === undefined || theirs === undefined || theirs === mine;
  });
}

/** Rules that need more than one field or the rest of the register. Pure; used by form and service alike. */
export function checkMeasureRules(fields: MeasureFields, ctx: MeasureContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const status = ctx.statuses.find((s) => s.key === fields.status);
  if (!status) problems.push({ field: 'status', message: de.validation.unknownStatus });
  if (status?.requiresReason && fields.statusReason.trim() === '')
    problems.push({ field: 'statusReason', message: de.validation.statusReasonRequired(status.label) });
  if (status?.requiresLink && !fields.linkedMeasureId)
    problems.push({ field: 'linkedMeasureId', message: de.validation.linkRequired(status.label) });
  if (fields.linkedMeasureId) {
    if (fields.linkedMeasureId === ctx.measureId) problems.push({ field: 'linkedMeasureId', message: de.validation.linkSelf });
    else if (!indexOthers(ctx.others).ids.has(fields.linkedMeasureId))
      problems.push({ field: 'linkedMeasureId', message: de.validation.linkMissing });
  }
  if (fields.parentMeasureId) {
    if (fields.parentMeasureId === ctx.measureId) problems.push({ field: 'parentMeasureId', message: de.validation.parentSelf });
    else if (!indexOthers(ctx.others).ids.has(fields.parentMeasureId))
      problems.push({ field: 'parentMeasureId', message: de.validation.parentMissing });
    else if (ctx.measureId && createsCycle(ctx.measureId, fields.parentMeasureId, ctx.others))
      problems.push({ field: 'parentMeasureId', message: de.validation.parentCycle });
  }
  if (!ctx.actionFields.some((f) => f.id === fields.actionFieldId))
    problems.push({ field: 'actionFieldId', message: de.validation.unknownActionField });
  const knownUnits = new Set(ctx.orgUnits.map((u) => u.id));
  if (fields.leadOrgUnitId && !knownUnits.has(fields.leadOrgUnitId))
    problems.push({ field: 'leadOrgUnitId', message: de.validation.unknownOrgUnit });
  if (fields.involvedOrgUnitIds.some((u) => !knownUnits.has(u)))
    problems.push({ field: 'involvedOrgUnitIds', message: de.validation.unknownOrgUnit });
  if (fields.leadOrgUnitId && fields.involvedOrgUnitIds.includes(fields.leadOrgUnitId))
    problems.push({ field: 'involvedOrgUnitIds', message: de.validation.leadAlsoInvolved });
  if (numberClashes(fields, ctx)) problems.push({ field: 'number', message: de.validation.numberTaken(fields.number) });
  if (fields.plannedStart && fields.plannedEnd && fields.plannedEnd < fields.plannedStart)
    problems.push({ field: 'plannedEnd', message: de.validation.endBeforeStart });
  if (fields.actualStart && fields.actualEnd && fields.actualEnd < fields.actualStart)
    problems.push({ field: 'actualEnd', message: de.validation.endBeforeStart });
  const years = fields.budget.map((b) => `${b.year}/${b.fundingSource}`);
  if (new Set(years).size !== years.length) problems.push({ field: 'budget', message: de.validation.budgetYearTwice });
  if (new Set(fields.districts).size !== fields.districts.length)
    problems.push({ field: 'districts', message: de.validation.duplicateEntry });
  return problems;
}

/** Following parents upwards from `parentId` reaches `measureId`: the link would close a circle. */
function createsCycle(measureId: string, parentId: string, others: MeasureContext['others']): boolean {
  const parentOf = new Map(others.map((m) => [m.id, m.parentMeasureId ?? null]));
  const seen = new Set<string>();
  for (let current: string | null = parentId; current; current = parentOf.get(current) ?? null) {
    if (current === measureId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

/** Cross-references of a whole register that the schema alone cannot see. Empty when consistent. */
export function checkRegisterIntegrity(doc: RegisterDocument): string[] {
  // Every collection whose entries are found by their key: each key once.
  const keyed: readonly (readonly [string, readonly string[]])[] = [
    ['Fassung', doc.editions.map((e) => e.id)],
    ['Handlungsfeld', doc.actionFields.map((f) => f.id)],
    ['Organisationseinheit', doc.orgUnits.map((u) => u.id)],
    ['Maßnahme', doc.measures.map((m) => m.id)],
    ['Status', doc.statuses.map((s) => s.key)],
    ['Gremium', doc.bodies.map((b) => b.id)],
    ['Vorlage', doc.submissions.map((s) => s.id)],
  ];
  const problems = keyed.flatMap(([what, ids]) => duplicateIdProblems(what, ids));
  if (!doc.editions.some((e) => e.id === doc.currentEditionId)) problems.push(de.integrity.currentEditionMissing);
  const editionIds = new Set(doc.editions.map((e) => e.id));
  for (const f of doc.actionFields) if (!editionIds.has(f.editionId)) problems.push(de.integrity.fieldWithoutEdition(f.code));
  const active = doc.measures.filter((m) => !m.deletedAt);
  const ctxBase = { actionFields: doc.actionFields, orgUnits: doc.orgUnits, statuses: doc.statuses, others: active };
  for (const m of active) {
    for (const p of checkMeasureRules(m, { ...ctxBase, measureId: m.id })) problems.push(`${m.number}: ${p.message}`);
  }
  problems.push(...checkFortschreibungIntegrity(doc));
  problems.push(...checkParticipationIntegrity(doc));
  return problems;
}
