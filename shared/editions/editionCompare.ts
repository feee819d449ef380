/**
 * Comparison of two Fassungen, one made from the other by one or more Fortschreibungen (issue 6): which
 * measures are new, carried over (with or without changes since, and which fields changed), merged,
 * superseded or ended, per Handlungsfeld and with counts; and what became of the Handlungsfelder.
 *
 * Pure and linear: maps over the Fortschreibung records and the measures, no nested scans, so two Fassungen
 * of 10,000 measures each compare well within a second (tests/bench/editionsBench.ts).
 */
import { de } from '@shared/i18n/de';
import type { ActionField, Edition } from './edition';
import { editionByField, fieldsOfEdition, recordFor } from './fortschreibung';
import type { Fortschreibung, LinkRelation } from './fortschreibungModel';
import { MEASURE_FIELD_NAMES, type Measure, type MeasureFields } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';

export const COMPARE_CATEGORIES = ['added', 'changed', 'carried', 'merged', 'superseded', 'ended'] as const;
export type CompareCategory = (typeof COMPARE_CATEGORIES)[number];

export interface ComparedMeasure {
  id: string;
  number: string;
  title: string;
  fieldId: string;
  status: string;
}

export interface ComparisonRow {
  category: CompareCategory;
  /** The Handlungsfeld the row counts under: the new one where the measure lives on, else the old one. */
  fieldId: string;
  old: ComparedMeasure | null;
  new: ComparedMeasure | null;
  /** For "changed": the measure fields that differ from the predecessor (names as in MeasureFields). */
  changedFields: (keyof MeasureFields)[];
  /** For "ended": why. */
  reason: string;
}

export type CategoryCounts = Record<CompareCategory, number>;

export interface FieldCount {
  fieldId: string;
  editionId: string;
  code: string;
  name: string;
  counts: CategoryCounts;
  total: number;
}

export const FIELD_CHANGE_KINDS = ['kept', 'renamed', 'merged', 'split', 'new', 'dropped'] as const;
export type FieldChangeKind = (typeof FIELD_CHANGE_KINDS)[number];

export interface FieldRef {
  id: string;
  code: string;
  name: string;
}

export interface FieldChangeRow {
  kind: FieldChangeKind;
  from: FieldRef[];
  to: FieldRef[];
}

export interface EditionComparison {
  from: Edition;
  to: Edition;
  /** By category (in COMPARE_CATEGORIES order), then Handlungsfeld, then number. */
  rows: ComparisonRow[];
  counts: CategoryCounts;
  /** The new Fassung's Handlungsfelder, then old ones that only hold ended measures. */
  byField: FieldCount[];
  fieldChanges: FieldChangeRow[];
}

/** The two Fassungen cannot be compared; the message is German. */
export class EditionCompareError extends Error {}

/** Fields that differ on purpose after a Fortschreibung (new Handlungsfeld, new number) are not "changes". */
const COMPARED_FIELDS = MEASURE_FIELD_NAMES.filter((f) => f !== 'number' && f !== 'actionFieldId');
const REFERENCE_FIELDS = new Set<keyof MeasureFields>(['linkedMeasureId', 'parentMeasureId']);
const STRENGTH: Record<LinkRelation, number> = { carried: 0, merged: 1, superseded: 2 };

export function emptyCounts(): CategoryCounts {
  return { added: 0, changed: 0, carried: 0, merged: 0, superseded: 0, ended: 0 };
}

const naturalOrder = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/** The Fortschreibung records leading from `fromId` to `toId`, oldest first. */
function chainBetween(doc: RegisterDocument, fromId: string, toId: string): Fortschreibung[] | null {
  const chain: Fortschreibung[] = [];
  const seen = new Set<string>();
  for (let at = toId; at !== fromId;) {
    if (seen.has(at)) return null;
    seen.add(at);
    const record = recordFor(doc, at);
    if (!record) return null;
    chain.unshift(record);
    at = record.fromEditionId;
  }
  return chain;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares `fromId` (older) with `toId` (made from it, directly or over several Fortschreibungen).
 * Throws EditionCompareError (German) for unknown or unrelated Fassungen.
 */
export function compareEditions(doc: RegisterDocument, fromId: string, toId: string): EditionComparison {
  const editionsCompareTexts = de.editions.compare;
  const from = doc.editions.find((e) => e.id === fromId);
  const to = doc.editions.find((e) => e.id === toId);
  if (!from || !to) throw new EditionCompareError(editionsCompareTexts.unknownEdition);
  if (fromId === toId) throw new EditionCompareError(editionsCompareTexts.sameEdition);
  const chain = chainBetween(doc, fromId, toId);
  if (!chain) throw new EditionCompareError(editionsCompareTexts.notRelated(from.name, to.name));

  const fieldEdition = editionByField(doc);
  const measureById = new Map<string, Measure>();
  for (const m of doc.measures) measureById.set(m.id, m);
  const inEdition = (m: Measure, editionId: string) => fieldEdition.get(m.actionFieldId) === editionId;

  // Per step: old id → {new id, relation}; ended reasons.
  const steps = chain.map((r) => ({
    next: new Map(r.links.map((l) => [l.fromMeasureId, l] as const)),
    ended: new Map(r.endedMeasures.map((e) => [e.measureId, e.reason] as const)),
  }));

  /** Follows an old measure through all steps: where it ends up, how (strongest relation), or why it ended. */
  type Fate = { kind: 'lives'; to: string; relation: LinkRelation } | { kind: 'ended'; reason: string };
  const fateOf = (oldId: string): Fate => {
    let current = oldId;
    let relation: LinkRelation = 'carried';
    for (const step of steps) {
      const link = step.next.get(current);
      if (!link) {
        const reason = step.ended.get(current);
        return { kind: 'ended', reason: reason ?? editionsCompareTexts.notDecided };
      }
      if (STRENGTH[link.relation] > STRENGTH[relation]) relation = link.relation;
      current = link.toMeasureId;
    }
    return { kind: 'lives', to: current, relation };
  };

  const oldMeasures = doc.measures.filter((m) => !m.deletedAt && inEdition(m, fromId));
  const newMeasures = doc.measures.filter((m) => !m.deletedAt && inEdition(m, toId));
  const fates = new Map<string, Fate>();
  for (const m of oldMeasures) fates.set(m.id, fateOf(m.id));
  const finalOf = (oldId: string | null): string | null => {
    if (!oldId) return null;
    const fate = fates.get(oldId) ?? fateOf(oldId);
    return fate.kind === 'lives' ? fate.to : null;
  };

  const ref = (m: Measure): ComparedMeasure => ({ id: m.id, number: m.number, title: m.title, fieldId: m.actionFieldId, status: m.status });
  const rows: ComparisonRow[] = [];
  const reached = new Set<string>();
  for (const old of oldMeasures) {
    const fate = fates.get(old.id)!;
    const successor = fate.kind === 'lives' ? measureById.get(fate.to) : undefined;
    if (fate.kind === 'ended' || !successor || successor.deletedAt || !inEdition(successor, toId)) {
      const reason =
        fate.kind === 'ended'
          ? fate.reason
          : successor?.deletedAt
            ? editionsCompareTexts.successorInTrash(successor.number)
            : editionsCompareTexts.successorMissing;
      rows.push({ category: 'ended', fieldId: old.actionFieldId, old: ref(old), new: null, changedFields: [], reason });
      continue;
    }
    reached.add(successor.id);
    let category: CompareCategory = fate.relation;
    let changedFields: (keyof MeasureFields)[] = [];
    if (fate.relation === 'carried') {
      changedFields = COMPARED_FIELDS.filter((field) => {
        if (REFERENCE_FIELDS.has(field)) {
          let expected = finalOf(old[field] as string | null);
          if (expected === successor.id) expected = null;
          return expected !== successor[field];
        }
        return !sameValue(old[field], successor[field]);
      });
      category = changedFields.length > 0 ? 'changed' : 'carried';
    }
    rows.push({ category, fieldId: successor.actionFieldId, old: ref(old), new: ref(successor), changedFields, reason: '' });
  }
  // New measures no old measure leads to. (One made to supersede an old measure is reached through its link;
  // one whose only predecessor is in the Papierkorb now counts as new.)
  for (const m of newMeasures) {
    if (!reached.has(m.id))
      rows.push({ category: 'added', fieldId: m.actionFieldId, old: null, new: ref(m), changedFields: [], reason: '' });
  }

  // Order and counts.
  const toFields = fieldsOfEdition(doc, toId);
  const fromFields = fieldsOfEdition(doc, fromId);
  const fieldOrder = new Map<string, number>();
  [...toFields, ...fromFields].forEach((f, i) => fieldOrder.set(f.id, i));
  const categoryOrder = new Map(COMPARE_CATEGORIES.map((c, i) => [c, i]));
  const numberOf = (r: ComparisonRow) => (r.new ?? r.old)!.number;
  rows.sort(
    (a, b) =>
      categoryOrder.get(a.category)! - categoryOrder.get(b.category)! ||
      (fieldOrder.get(a.fieldId) ?? 1e9) - (fieldOrder.get(b.fieldId) ?? 1e9) ||
      naturalOrder.compare(numberOf(a), numberOf(b)) ||
      naturalOrder.compare(a.old?.number ?? '', b.old?.number ?? ''),
  );
  const counts = emptyCounts();
  const perField = new Map<string, CategoryCounts>();
  for (const row of rows) {
    counts[row.category]++;
    let c = perField.get(row.fieldId);
    if (!c) perField.set(row.fieldId, (c = emptyCounts()));
    c[row.category]++;
  }
  const fieldCount = (f: ActionField): FieldCount => {
    const c = perField.get(f.id) ?? emptyCounts();
    return {
      fieldId: f.id,
      editionId: f.editionId,
      code: f.code,
      name: f.name,
      counts: c,
      total: COMPARE_CATEGORIES.reduce((s, k) => s + c[k], 0),
    };
  };
  const byField = [...toFields.map(fieldCount), ...fromFields.filter((f) => perField.has(f.id)).map(fieldCount)];

  return { from, to, rows, counts, byField, fieldChanges: fieldChanges(chain, fromFields, toFields) };
}

/** What became of the old Handlungsfelder, composed over all steps. */
function fieldChanges(chain: Fortschreibung[], fromFields: ActionField[], toFields: ActionField[]): FieldChangeRow[] {
  const refOf = (f: ActionField): FieldRef => ({ id: f.id, code: f.code, name: f.name });
  let targets = new Map(fromFields.map((f) => [f.id, new Set([f.id])]));
  for (const record of chain) {
    const step = new Map(record.fieldMappings.map((m) => [m.fromFieldId, m.toFieldIds]));
    const next = new Map<string, Set<string>>();
    for (const [origin, current] of targets) {
      const reached = new Set<string>();
      for (const id of current) for (const to of step.get(id) ?? []) reached.add(to);
      next.set(origin, reached);
    }
    targets = next;
  }
  const toById = new Map(toFields.map((f) => [f.id, f]));
  const sources = new Map<string, ActionField[]>(toFields.map((f) => [f.id, []]));
  for (const f of fromFields) for (const to of targets.get(f.id) ?? []) sources.get(to)?.push(f);
  const rows: FieldChangeRow[] = [];
  const mergedDone = new Set<string>();
  for (const f of fromFields) {
    const to = [...(targets.get(f.id) ?? [])].map((id) => toById.get(id)).filter((x): x is ActionField => x !== undefined);
    if (to.length === 0) rows.push({ kind: 'dropped', from: [refOf(f)], to: [] });
    else if (to.length > 1) rows.push({ kind: 'split', from: [refOf(f)], to: to.map(refOf) });
    else {
      const target = to[0]!;
      const from = sources.get(target.id) ?? [];
      if (from.length > 1) {
        if (!mergedDone.has(target.id)) rows.push({ kind: 'merged', from: from.map(refOf), to: [refOf(target)] });
        mergedDone.add(target.id);
      } else
        rows.push({ kind: target.code === f.code && target.name === f.name ? 'kept' : 'renamed', from: [refOf(f)], to: [refOf(target)] });
    }
  }
  // A target that also receives a split part is a merge as well.
  for (const target of toFields) {
    const from = sources.get(target.id) ?? [];
    if (from.length === 0) rows.push({ kind: 'new', from: [], to: [refOf(target)] });
    else if (from.length > 1 && !mergedDone.has(target.id)) {
      rows.push({ kind: 'merged', from: from.map(refOf), to: [refOf(target)] });
      mergedDone.add(target.id);
    }
  }
  return rows;
}
