/**
 * Fortschreibung: making a new Fassung from an existing one, as pure functions (no I/O, no clock, no
 * random ids: the caller passes `ids` and `now`). The service wraps each in one store commit, so a
 * Fortschreibung is applied completely or not at all.
 *
 * Rules (issue 6):
 *  - the new Fassung gets its own Handlungsfelder; each old one must go into at least one new one (kept,
 *    renamed, merged with others, or split);
 *  - every active measure of the source Fassung gets exactly one decision: carried into a new
 *    Handlungsfeld, merged into another measure, superseded (by another measure's successor or a new
 *    measure), or ended with a reason;
 *  - carried and new measures are new records with new ids and numbers that follow the new Handlungsfelder
 *    (HF1-01, HF1-02 … as suggestMeasureNumber counts); the old records are never modified;
 *  - the links (old → new, with the relation) and the ended measures are kept in one Fortschreibung record;
 *  - a carried measure takes copies of its Kennzahlen (with their values), so the evaluation of the new
 *    Fassung goes on where the old one stood; the old Kennzahlen stay with the old measure.
 */
import { de } from '@shared/i18n/de';
import type { ActionField, Edition } from './edition';
import {
  type FieldMapping,
  type Fortschreibung,
  type FortschreibungDraft,
  type FortschreibungDraftFields,
  type LinkRelation,
  type MeasureDecision,
  type MeasureLink,
} from './fortschreibungModel';
import { emptyMeasureFields, type Measure } from '@shared/register/measure';
import { suggestMeasureNumber } from '@shared/register/newRegister';
import type { RegisterDocument } from '@shared/register/register';
import type { FieldProblem } from '@shared/register/rules';

const editionsTexts = de.editions;
const naturalOrder = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
const CODE = /^[A-Za-z0-9ÄÖÜäöü.-]+$/;

/** Hands out the ids of what a Fortschreibung creates; `hint` names the thing (draft key, old measure id …). */
export interface FortschreibungIds {
  newId(kind: 'edition' | 'field' | 'measure' | 'record' | 'indicator', hint: string): string;
}

// ---------------------------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------------------------

export function fieldsOfEdition(doc: Pick<RegisterDocument, 'actionFields'>, editionId: string): ActionField[] {
  return doc.actionFields.filter((f) => f.editionId === editionId);
}

/** Handlungsfeld id → Fassung id, for all Handlungsfelder. */
export function editionByField(doc: Pick<RegisterDocument, 'actionFields'>): Map<string, string> {
  return new Map(doc.actionFields.map((f) => [f.id, f.editionId]));
}

/** Measures of a Fassung (through their Handlungsfeld); without the Papierkorb unless asked. */
export function measuresOfEdition(
  doc: Pick<RegisterDocument, 'actionFields' | 'measures'>,
  editionId: string,
  includeDeleted = false,
): Measure[] {
  const fields = new Set(fieldsOfEdition(doc, editionId).map((f) => f.id));
  return doc.measures.filter((m) => fields.has(m.actionFieldId) && (includeDeleted || !m.deletedAt));
}

/** The Fortschreibung that made `editionId`, if any. */
export function recordFor(doc: Pick<RegisterDocument, 'fortschreibungen'>, editionId: string): Fortschreibung | undefined {
  return doc.fortschreibungen.find((r) => r.toEditionId === editionId);
}

/** Fassungen `editionId` was made from, nearest first. */
export function ancestorsOf(doc: Pick<RegisterDocument, 'fortschreibungen'>, editionId: string): string[] {
  const out: string[] = [];
  const seen = new Set([editionId]);
  for (let record = recordFor(doc, editionId); record && !seen.has(record.fromEditionId); record = recordFor(doc, record.fromEditionId)) {
    out.push(record.fromEditionId);
    seen.add(record.fromEditionId);
  }
  return out;
}

/**
 * The abgelöste Fassung a Handlungsfeld belongs to, if it does: its measures are history and stay as they
 * are (no edit, no Papierkorb, no new measures there).
 */
export function replacedEditionOf(doc: Pick<RegisterDocument, 'actionFields' | 'editions'>, actionFieldId: string): Edition | null {
  const editionId = doc.actionFields.find((f) => f.id === actionFieldId)?.editionId;
  const edition = editionId ? doc.editions.find((e) => e.id === editionId) : undefined;
  return edition?.state === 'abgeloest' ? edition : null;
}

/** Whether two Handlungsfelder belong to the same Fassung (measure numbers are unique per Fassung). */
export function sameEdition(doc: Pick<RegisterDocument, 'actionFields'>, fieldA: string, fieldB: string): boolean {
  const a = doc.actionFields.find((f) => f.id === fieldA)?.editionId;
  const b = doc.actionFields.find((f) => f.id === fieldB)?.editionId;
  return a === undefined || b === undefined || a === b;
}

export const fieldLabel = (f: Pick<ActionField, 'code' | 'name'>) => `${f.code} ${f.name}`.trim();

const byNumber = (a: Pick<Measure, 'number'>, b: Pick<Measure, 'number'>) => naturalOrder.compare(a.number, b.number);

// ---------------------------------------------------------------------------------------------------
// Overview of the Fassungen
// ---------------------------------------------------------------------------------------------------

export interface EditionSummary {
  edition: Edition;
  isCurrent: boolean;
  fieldCount: number;
  /** Measures not in the Papierkorb. */
  measureCount: number;
  /** The Fassung it was made from by a Fortschreibung (null for the first one or one made by hand). */
  sourceEditionId: string | null;
  appliedAt: string | null;
  /** Fassungen made from this one. */
  successorIds: string[];
  /** Unfinished Fortschreibungen starting from this one. */
  draftIds: string[];
}

export function summarizeEditions(doc: RegisterDocument): EditionSummary[] {
  const fieldEdition = editionByField(doc);
  const fields = new Map<string, number>();
  for (const f of doc.actionFields) fields.set(f.editionId, (fields.get(f.editionId) ?? 0) + 1);
  const measures = new Map<string, number>();
  for (const m of doc.measures) {
    if (m.deletedAt) continue;
    const edition = fieldEdition.get(m.actionFieldId);
    if (edition) measures.set(edition, (measures.get(edition) ?? 0) + 1);
  }
  return doc.editions.map((edition) => {
    const record = recordFor(doc, edition.id);
    return {
      edition,
      isCurrent: edition.id === doc.currentEditionId,
      fieldCount: fields.get(edition.id) ?? 0,
      measureCount: measures.get(edition.id) ?? 0,
      sourceEditionId: record?.fromEditionId ?? null,
      appliedAt: record?.appliedAt ?? null,
      successorIds: doc.fortschreibungen.filter((r) => r.fromEditionId === edition.id).map((r) => r.toEditionId),
      draftIds: doc.fortschreibungDrafts.filter((d) => d.fromEditionId === edition.id).map((d) => d.id),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Starting a draft
// ---------------------------------------------------------------------------------------------------

/**
 * The suggested decision for a measure: carried into the first new Handlungsfeld its old one maps to;
 * "zusammengeführt mit" / "ersetzt durch" measures (link set) are merged into / superseded by the linked one.
 */
export function defaultDecision(measure: Measure, targetKeyOf: (oldFieldId: string) => string | null): MeasureDecision {
  const base: MeasureDecision = {
    measureId: measure.id,
    action: 'carry',
    targetFieldKey: targetKeyOf(measure.actionFieldId),
    targetMeasureId: null,
    newMeasureTitle: '',
    reason: '',
  };
  if (measure.linkedMeasureId && measure.status === 'zusammengefuehrt')
    return { ...base, action: 'merge', targetFieldKey: null, targetMeasureId: measure.linkedMeasureId };
  if (measure.linkedMeasureId && measure.status === 'ersetzt')
    return { ...base, action: 'supersede', targetFieldKey: null, targetMeasureId: measure.linkedMeasureId };
  return base;
}

/**
 * A new draft from `fromEditionId`: its Handlungsfelder copied one to one (keys neu-1, neu-2 …), each old
 * one mapped to its copy, every active measure carried over. The clerk then changes what differs.
 */
export function createFortschreibungDraft(
  doc: RegisterDocument,
  fromEditionId: string,
  meta: { id: string; now: string; user: string },
): FortschreibungDraft | null {
  const source = doc.editions.find((e) => e.id === fromEditionId);
  if (!source) return null;
  const oldFields = fieldsOfEdition(doc, fromEditionId);
  const keyOf = new Map(oldFields.map((f, i) => [f.id, `neu-${i + 1}`]));
  const fields = oldFields.map((f) => ({
    key: keyOf.get(f.id)!,
    code: f.code,
    name: f.name,
    description: f.description,
    guidingGoal: f.guidingGoal,
  }));
  const measures = measuresOfEdition(doc, fromEditionId).sort(byNumber);
  return {
    id: meta.id,
    version: 1,
    createdAt: meta.now,
    updatedAt: meta.now,
    createdBy: meta.user,
    fromEditionId,
    edition: { name: editionsTexts.draftName(source.name), printNumber: null, decidedOn: null },
    fields,
    fieldMappings: oldFields.map((f) => ({ fromFieldId: f.id, toFieldKeys: [keyOf.get(f.id)!] })),
    decisions: measures.map((m) => defaultDecision(m, (fieldId) => keyOf.get(fieldId) ?? null)),
    makeCurrent: true,
  };
}

// ---------------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------------

/** Where each problem of a draft is placed (the wizard turns these into links to its controls). */
export const problemPath = {
  source: 'fromEditionId',
  editionName: 'edition.name',
  fields: 'fields',
  fieldCode: (key: string) => `fields.${key}.code`,
  fieldName: (key: string) => `fields.${key}.name`,
  mapping: (oldFieldId: string) => `fieldMappings.${oldFieldId}`,
  decisions: 'decisions',
  decision: (measureId: string, part: 'action' | 'targetFieldKey' | 'targetMeasureId' | 'newMeasureTitle' | 'reason') =>
    `decisions.${measureId}.${part}`,
} as const;

interface Prepared {
  source: Edition;
  oldFields: ActionField[];
  active: Measure[];
  activeById: Map<string, Measure>;
  decisionOf: Map<string, MeasureDecision>;
  fieldKeys: Set<string>;
}

/** Where a decision chain (merge / supersede by another measure) ends: a measure that lives on, or a problem. */
type ChainEnd =
  { kind: 'lives'; measureId: string } | { kind: 'cycle'; chain: string[] } | { kind: 'ends'; measureId: string } | { kind: 'broken' };

function followChains(prepared: Prepared): Map<string, ChainEnd> {
  const { decisionOf, activeById } = prepared;
  const result = new Map<string, ChainEnd>();
  for (const start of decisionOf.keys()) {
    if (result.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    let end: ChainEnd | undefined;
    while (current !== undefined) {
      const known = result.get(current);
      if (known) {
        end = known;
        break;
      }
      const at = onPath.get(current);
      if (at !== undefined) {
        end = { kind: 'cycle', chain: [...path.slice(at), current] };
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      const decision = decisionOf.get(current);
      if (!decision || !activeById.has(current)) {
        end = { kind: 'broken' };
        break;
      }
      if (decision.action === 'end') {
        end = { kind: 'ends', measureId: current };
        break;
      }
      if (decision.action === 'carry' || (decision.action === 'supersede' && !decision.targetMeasureId)) {
        end = { kind: 'lives', measureId: current };
        break;
      }
      if (!decision.targetMeasureId || decision.targetMeasureId === current) {
        end = { kind: 'broken' };
        break;
      }
      current = decision.targetMeasureId;
    }
    for (const id of path) result.set(id, end ?? { kind: 'broken' });
  }
  return result;
}

function prepare(doc: RegisterDocument, draft: FortschreibungDraftFields): Prepared | null {
  const source = doc.editions.find((e) => e.id === draft.fromEditionId);
  if (!source) return null;
  const oldFields = fieldsOfEdition(doc, source.id);
  const active = measuresOfEdition(doc, source.id).sort(byNumber);
  const activeById = new Map(active.map((m) => [m.id, m]));
  const decisionOf = new Map<string, MeasureDecision>();
  for (const d of draft.decisions) if (!decisionOf.has(d.measureId)) decisionOf.set(d.measureId, d);
  return { source, oldFields, active, activeById, decisionOf, fieldKeys: new Set(draft.fields.map((f) => f.key)) };
}

/**
 * Every problem that keeps a draft from being applied, each placed at the control to fix (problemPath),
 * in the wizard's order: Fassung, Handlungsfelder, mapping, measures. Empty when it can be applied.
 */
export function checkFortschreibung(doc: RegisterDocument, draft: FortschreibungDraftFields): FieldProblem[] {
  const prepared = prepare(doc, draft);
  if (!prepared) return [{ field: problemPath.source, message: editionsTexts.problems.sourceMissing }];
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  // 1 The new Fassung.
  const name = draft.edition.name.trim();
  if (name === '') add(problemPath.editionName, editionsTexts.problems.nameRequired);
  else if (doc.editions.some((e) => e.name.trim().toLowerCase() === name.toLowerCase()))
    add(problemPath.editionName, editionsTexts.problems.nameTaken(name));

  // 2 Handlungsfelder and their mapping.
  if (draft.fields.length === 0) add(problemPath.fields, editionsTexts.problems.noFields);
  const codes = new Map<string, number>();
  for (const f of draft.fields) codes.set(f.code.trim().toLowerCase(), (codes.get(f.code.trim().toLowerCase()) ?? 0) + 1);
  const keys = new Set<string>();
  for (const f of draft.fields) {
    const code = f.code.trim();
    if (keys.has(f.key)) add(problemPath.fieldCode(f.key), editionsTexts.problems.fieldKeyTwice);
    keys.add(f.key);
    if (code === '') add(problemPath.fieldCode(f.key), editionsTexts.problems.codeRequired);
    else if (!CODE.test(code)) add(problemPath.fieldCode(f.key), de.validation.code);
    else if ((codes.get(code.toLowerCase()) ?? 0) > 1) add(problemPath.fieldCode(f.key), editionsTexts.problems.codeTwice(code));
    if (f.name.trim() === '') add(problemPath.fieldName(f.key), editionsTexts.problems.fieldNameRequired(code));
  }
  const mappingOf = new Map(draft.fieldMappings.map((m) => [m.fromFieldId, m]));
  for (const old of prepared.oldFields) {
    const targets = (mappingOf.get(old.id)?.toFieldKeys ?? []).filter((k) => prepared.fieldKeys.has(k));
    if (targets.length === 0) add(problemPath.mapping(old.id), editionsTexts.problems.fieldUnmapped(fieldLabel(old)));
  }

  // 3 Measures.
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const d of draft.decisions) {
    const measure = prepared.activeById.get(d.measureId);
    if (!measure) {
      unknown.push(d.measureId);
      continue;
    }
    if (seen.has(d.measureId)) add(problemPath.decision(d.measureId, 'action'), editionsTexts.problems.decidedTwice(measure.number));
    seen.add(d.measureId);
  }
  if (unknown.length > 0) add(problemPath.decisions, editionsTexts.problems.unknownMeasures(unknown.length));
  const chains = followChains(prepared);
  const numberOf = (id: string) => prepared.activeById.get(id)?.number ?? id;
  for (const measure of prepared.active) {
    const d = prepared.decisionOf.get(measure.id);
    if (!d) {
      add(problemPath.decision(measure.id, 'action'), editionsTexts.problems.noDecision(measure.number));
      continue;
    }
    switch (d.action) {
      case 'carry':
        if (!d.targetFieldKey || !prepared.fieldKeys.has(d.targetFieldKey))
          add(problemPath.decision(measure.id, 'targetFieldKey'), editionsTexts.problems.targetFieldMissing(measure.number));
        break;
      case 'end':
        if (d.reason.trim() === '') add(problemPath.decision(measure.id, 'reason'), editionsTexts.problems.reasonRequired(measure.number));
        break;
      case 'merge':
      case 'supersede': {
        if (d.action === 'supersede' && !d.targetMeasureId) {
          if (d.newMeasureTitle.trim() === '')
            add(problemPath.decision(measure.id, 'targetMeasureId'), editionsTexts.problems.supersedeTargetMissing(measure.number));
          if (!d.targetFieldKey || !prepared.fieldKeys.has(d.targetFieldKey))
            add(problemPath.decision(measure.id, 'targetFieldKey'), editionsTexts.problems.targetFieldMissing(measure.number));
          break;
        }
        const where = problemPath.decision(measure.id, 'targetMeasureId');
        if (!d.targetMeasureId) add(where, editionsTexts.problems.mergeTargetMissing(measure.number));
        else if (d.targetMeasureId === measure.id) add(where, editionsTexts.problems.targetSelf(measure.number));
        else if (!prepared.activeById.has(d.targetMeasureId)) add(where, editionsTexts.problems.targetUnknown(measure.number));
        else {
          const end = chains.get(measure.id);
          if (end?.kind === 'cycle') add(where, editionsTexts.problems.cycle(end.chain.map(numberOf).join(' → ')));
          else if (end?.kind === 'ends') add(where, editionsTexts.problems.targetEnds(measure.number, numberOf(end.measureId)));
        }
        break;
      }
    }
  }
  // A carried measure whose status needs its link ("zusammengeführt mit", "ersetzt durch") must find the
  // linked measure in the new Fassung too, else the new record would break the status rule.
  const statuses = new Map(doc.statuses.map((s) => [s.key, s]));
  for (const measure of prepared.active) {
    const d = prepared.decisionOf.get(measure.id);
    if (d?.action !== 'carry' || !measure.linkedMeasureId || !statuses.get(measure.status)?.requiresLink) continue;
    const linkedEnd = chains.get(measure.linkedMeasureId);
    const linkedLives = linkedEnd?.kind === 'lives' && linkedEnd.measureId !== measure.id;
    if (!linkedLives)
      add(
        problemPath.decision(measure.id, 'action'),
        editionsTexts.problems.linkLost(measure.number, numberOf(measure.linkedMeasureId), statuses.get(measure.status)!.label),
      );
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------------------

export interface AppliedFortschreibung {
  editionId: string;
  recordId: string;
  fieldIds: string[];
  /** New measures with the old one they come from (null for none). */
  measures: { id: string; fromMeasureId: string | null }[];
  /** Kennzahlen copied to carried measures. */
  indicatorIds: string[];
}

/**
 * Applies a draft: the new Fassung (Entwurf), its Handlungsfelder, the new measures and the Fortschreibung
 * record, all in one new document; the draft (if it has an id) is removed. With problems, nothing.
 */
export function applyFortschreibung(
  doc: RegisterDocument,
  draft: FortschreibungDraftFields & { id?: string },
  ids: FortschreibungIds,
  now: string,
  user = '',
): { doc: RegisterDocument; applied: AppliedFortschreibung } | { problems: FieldProblem[] } {
  const problems = checkFortschreibung(doc, draft);
  if (problems.length > 0) return { problems };
  const prepared = prepare(doc, draft)!;
  const editionId = ids.newId('edition', draft.edition.name);
  const fieldIdOf = new Map(draft.fields.map((f) => [f.key, ids.newId('field', f.key)]));
  const newFields: ActionField[] = draft.fields.map((f) => ({
    id: fieldIdOf.get(f.key)!,
    editionId,
    code: f.code.trim(),
    name: f.name.trim(),
    description: f.description,
    guidingGoal: f.guidingGoal,
  }));

  // Which new record each old measure lives on in.
  const chains = followChains(prepared);
  const createdFor = new Map<string, string>(); // old measure id (carried or superseded by a new one) → new id
  for (const m of prepared.active) {
    const d = prepared.decisionOf.get(m.id)!;
    if (d.action === 'carry') createdFor.set(m.id, ids.newId('measure', m.id));
    else if (d.action === 'supersede' && !d.targetMeasureId) createdFor.set(m.id, ids.newId('measure', `neu:${m.id}`));
  }
  const successorOf = (oldId: string): string | undefined => {
    const end = chains.get(oldId);
    return end?.kind === 'lives' ? createdFor.get(end.measureId) : undefined;
  };

  // New measures per new Handlungsfeld, numbered in the order of the old Handlungsfelder and numbers.
  const oldFieldOrder = new Map(prepared.oldFields.map((f, i) => [f.id, i]));
  type Planned = { old: Measure; id: string; fieldKey: string; kind: 'carry' | 'new' };
  const planned: Planned[] = [];
  for (const m of prepared.active) {
    const d = prepared.decisionOf.get(m.id)!;
    if (d.action === 'carry') planned.push({ old: m, id: createdFor.get(m.id)!, fieldKey: d.targetFieldKey!, kind: 'carry' });
  }
  for (const m of prepared.active) {
    const d = prepared.decisionOf.get(m.id)!;
    if (d.action === 'supersede' && !d.targetMeasureId)
      planned.push({ old: m, id: createdFor.get(m.id)!, fieldKey: d.targetFieldKey!, kind: 'new' });
  }
  const order = (p: Planned) => oldFieldOrder.get(p.old.actionFieldId) ?? 0;
  planned.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'carry' ? -1 : 1) || order(a) - order(b) || byNumber(a.old, b.old));
  const lastNumber = new Map<string, string>();
  const codeOf = new Map(draft.fields.map((f) => [f.key, f.code.trim()]));
  const created: Measure[] = [];
  for (const p of planned) {
    const code = codeOf.get(p.fieldKey)!;
    const last = lastNumber.get(p.fieldKey);
    const number = suggestMeasureNumber(code, last ? [last] : []);
    lastNumber.set(p.fieldKey, number);
    const actionFieldId = fieldIdOf.get(p.fieldKey)!;
    if (p.kind === 'carry') {
      const remap = (oldRef: string | null) => {
        if (!oldRef) return null;
        const next = successorOf(oldRef);
        return next && next !== p.id ? next : null;
      };
      created.push({
        ...p.old,
        id: p.id,
        number,
        actionFieldId,
        linkedMeasureId: remap(p.old.linkedMeasureId),
        parentMeasureId: remap(p.old.parentMeasureId),
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
    } else {
      const d = prepared.decisionOf.get(p.old.id)!;
      created.push({
        ...emptyMeasureFields(actionFieldId, number),
        title: d.newMeasureTitle.trim(),
        origin: {
          kind: 'masterplan',
          reference: editionsTexts.newMeasureOrigin(draft.edition.name.trim(), p.old.number),
          printNumber: draft.edition.printNumber,
        },
        id: p.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
    }
  }

  // Kennzahlen go with carried measures (copies; the old ones stay where they are).
  const carriedTo = new Map(planned.filter((p) => p.kind === 'carry').map((p) => [p.old.id, p.id]));
  const indicators = doc.indicators
    .filter((i) => !i.deletedAt && carriedTo.has(i.measureId))
    .map((i) => ({
      ...i,
      id: ids.newId('indicator', i.id),
      measureId: carriedTo.get(i.measureId)!,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));

  const links: MeasureLink[] = [];
  const endedMeasures: Fortschreibung['endedMeasures'] = [];
  const relationOf: Record<Exclude<MeasureDecision['action'], 'end'>, LinkRelation> = {
    carry: 'carried',
    merge: 'merged',
    supersede: 'superseded',
  };
  for (const m of prepared.active) {
    const d = prepared.decisionOf.get(m.id)!;
    if (d.action === 'end') endedMeasures.push({ measureId: m.id, reason: d.reason.trim() });
    else links.push({ fromMeasureId: m.id, toMeasureId: successorOf(m.id)!, relation: relationOf[d.action] });
  }
  const fieldMappings: FieldMapping[] = prepared.oldFields.map((old) => ({
    fromFieldId: old.id,
    toFieldIds: (draft.fieldMappings.find((m) => m.fromFieldId === old.id)?.toFieldKeys ?? [])
      .filter((k) => fieldIdOf.has(k))
      .map((k) => fieldIdOf.get(k)!),
  }));
  const recordId = ids.newId('record', editionId);
  const record: Fortschreibung = {
    id: recordId,
    fromEditionId: prepared.source.id,
    toEditionId: editionId,
    appliedAt: now,
    appliedBy: user.slice(0, 120),
    fieldMappings,
    links,
    endedMeasures,
  };
  const edition: Edition = {
    id: editionId,
    name: draft.edition.name.trim(),
    printNumber: draft.edition.printNumber,
    decidedOn: draft.edition.decidedOn,
    state: 'entwurf',
  };
  const next: RegisterDocument = {
    ...doc,
    editions: [...doc.editions, edition],
    currentEditionId: draft.makeCurrent ? editionId : doc.currentEditionId,
    actionFields: [...doc.actionFields, ...newFields],
    measures: [...doc.measures, ...created],
    indicators: indicators.length > 0 ? [...doc.indicators, ...indicators] : doc.indicators,
    fortschreibungen: [...doc.fortschreibungen, record],
    fortschreibungDrafts: draft.id ? doc.fortschreibungDrafts.filter((d) => d.id !== draft.id) : doc.fortschreibungDrafts,
  };
  return {
    doc: next,
    applied: {
      editionId,
      recordId,
      fieldIds: newFields.map((f) => f.id),
      measures: planned.map((p) => ({ id: p.id, fromMeasureId: p.old.id })),
      indicatorIds: indicators.map((i) => i.id),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// State of a Fassung: beschließen, aktuelle Fassung, löschen
// ---------------------------------------------------------------------------------------------------

/**
 * Records the council decision on a Fassung: state "beschlossen" with Drucksache-Nr. and date, and it
 * becomes the current one. The Fassungen it was made from that were in force ("beschlossen") are now
 * "abgelöst".
 */
export function decideEdition(
  doc: RegisterDocument,
  editionId: string,
  printNumber: string,
  decidedOn: string,
): { doc: RegisterDocument; changed: { before: Edition; after: Edition }[] } | { problems: FieldProblem[] } {
  const edition = doc.editions.find((e) => e.id === editionId);
  if (!edition) return { problems: [{ field: 'id', message: de.api.notFound }] };
  if (edition.state === 'abgeloest') return { problems: [{ field: 'state', message: editionsTexts.problems.decideReplaced }] };
  const ancestors = new Set(ancestorsOf(doc, editionId));
  const changed: { before: Edition; after: Edition }[] = [];
  const editions = doc.editions.map((e) => {
    let after = e;
    if (e.id === editionId) after = { ...e, state: 'beschlossen', printNumber, decidedOn };
    else if (ancestors.has(e.id) && e.state === 'beschlossen') after = { ...e, state: 'abgeloest' };
    if (after !== e) changed.push({ before: e, after });
    return after;
  });
  return { doc: { ...doc, editions, currentEditionId: editionId }, changed };
}

/** Why a Fassung cannot be deleted (German sentences); empty when it can. */
export function editionDeletionProblems(doc: RegisterDocument, editionId: string): string[] {
  const edition = doc.editions.find((e) => e.id === editionId);
  if (!edition) return [de.api.notFound];
  const problems: string[] = [];
  const nameOf = (id: string) => doc.editions.find((e) => e.id === id)?.name ?? id;
  if (doc.editions.length === 1) problems.push(editionsTexts.problems.deleteOnly);
  if (edition.state !== 'entwurf') problems.push(editionsTexts.problems.deleteDecided);
  for (const r of doc.fortschreibungen.filter((r) => r.fromEditionId === editionId))
    problems.push(editionsTexts.problems.deleteReferenced(nameOf(r.toEditionId)));
  for (const d of doc.fortschreibungDrafts.filter((d) => d.fromEditionId === editionId))
    problems.push(editionsTexts.problems.deleteDraftReferences(d.edition.name || editionsTexts.unnamedDraft));
  const measureIds = new Set(measuresOfEdition(doc, editionId, true).map((m) => m.id));
  const fieldIds = new Set(fieldsOfEdition(doc, editionId).map((f) => f.id));
  const outside = doc.measures.filter(
    (m) =>
      !fieldIds.has(m.actionFieldId) &&
      ((m.linkedMeasureId && measureIds.has(m.linkedMeasureId)) || (m.parentMeasureId && measureIds.has(m.parentMeasureId))),
  );
  if (outside.length > 0) problems.push(editionsTexts.problems.deleteLinkedFromOutside(outside.length));
  const submissions = doc.submissions.filter((s) => s.linkedMeasureIds.some((id) => measureIds.has(id))).length;
  if (submissions > 0) problems.push(editionsTexts.problems.deleteUsedBySubmissions(submissions));
  const evaluation =
    doc.indicators.filter((i) => measureIds.has(i.measureId)).length +
    doc.assessments.filter((a) => measureIds.has(a.measureId)).length +
    doc.evaluationRounds.filter((r) => r.actionFieldIds.some((id) => fieldIds.has(id))).length;
  if (evaluation > 0) problems.push(editionsTexts.problems.deleteUsedByEvaluation(evaluation));
  return problems;
}

/**
 * Removes a Fassung in Entwurf that nothing refers to, with its Handlungsfelder, its measures and the
 * Fortschreibung record that made it (an applied Fortschreibung taken back as a whole). If it was the
 * current one, its source (or the first remaining Fassung) becomes current.
 */
export function removeEdition(
  doc: RegisterDocument,
  editionId: string,
): { doc: RegisterDocument; removedMeasures: number } | { problems: string[] } {
  const problems = editionDeletionProblems(doc, editionId);
  if (problems.length > 0) return { problems };
  const fieldIds = new Set(fieldsOfEdition(doc, editionId).map((f) => f.id));
  const editions = doc.editions.filter((e) => e.id !== editionId);
  const source = recordFor(doc, editionId)?.fromEditionId;
  const current =
    doc.currentEditionId !== editionId ? doc.currentEditionId : source && editions.some((e) => e.id === source) ? source : editions[0]!.id;
  const measures = doc.measures.filter((m) => !fieldIds.has(m.actionFieldId));
  return {
    doc: {
      ...doc,
      editions,
      currentEditionId: current,
      actionFields: doc.actionFields.filter((f) => !fieldIds.has(f.id)),
      measures,
      fortschreibungen: doc.fortschreibungen.filter((r) => r.toEditionId !== editionId),
    },
    removedMeasures: doc.measures.length - measures.length,
  };
}

// ---------------------------------------------------------------------------------------------------
// A measure's line across the Fassungen
// ---------------------------------------------------------------------------------------------------

export interface LineageNode {
  measureId: string;
  editionId: string;
  editionName: string;
  number: string;
  title: string;
  inTrash: boolean;
  /** The measure the lineage was asked for. */
  isFocus: boolean;
  /** How it went on in the next Fassung (within this line). */
  next: { measureId: string; relation: LinkRelation }[];
  /** Ended in a Fortschreibung, with the reason. */
  endedReason: string | null;
}

/**
 * The measure, everything it came from (back to the first Fassung) and everything it went into, ordered
 * by Fassung (in the order they were made) and number. Measures merged into the same successor from other
 * lines are not part of this line.
 */
export function measureLineage(doc: RegisterDocument, measureId: string): LineageNode[] {
  const focus = doc.measures.find((m) => m.id === measureId);
  if (!focus) return [];
  const forward = new Map<string, { measureId: string; relation: LinkRelation }[]>();
  const backward = new Map<string, string[]>();
  const ended = new Map<string, string>();
  for (const r of doc.fortschreibungen) {
    for (const l of r.links) {
      forward.set(l.fromMeasureId, [...(forward.get(l.fromMeasureId) ?? []), { measureId: l.toMeasureId, relation: l.relation }]);
      backward.set(l.toMeasureId, [...(backward.get(l.toMeasureId) ?? []), l.fromMeasureId]);
    }
    for (const e of r.endedMeasures) ended.set(e.measureId, e.reason);
  }
  const collect = (start: string, step: (id: string) => string[]) => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const next of step(id)) {
        if (seen.has(next) || next === measureId) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  };
  const line = new Set([
    measureId,
    ...collect(measureId, (id) => backward.get(id) ?? []),
    ...collect(measureId, (id) => (forward.get(id) ?? []).map((n) => n.measureId)),
  ]);
  const measureById = new Map(doc.measures.map((m) => [m.id, m]));
  const fieldEdition = editionByField(doc);
  const editionIndex = new Map(doc.editions.map((e, i) => [e.id, i]));
  const nodes: LineageNode[] = [];
  for (const id of line) {
    const m = measureById.get(id);
    if (!m) continue;
    const editionId = fieldEdition.get(m.actionFieldId) ?? '';
    nodes.push({
      measureId: id,
      editionId,
      editionName: doc.editions.find((e) => e.id === editionId)?.name ?? '',
      number: m.number,
      title: m.title,
      inTrash: m.deletedAt !== null,
      isFocus: id === measureId,
      next: (forward.get(id) ?? []).filter((n) => line.has(n.measureId)),
      endedReason: ended.get(id) ?? null,
    });
  }
  return nodes.sort(
    (a, b) => (editionIndex.get(a.editionId) ?? 0) - (editionIndex.get(b.editionId) ?? 0) || naturalOrder.compare(a.number, b.number),
  );
}
