import { randomUUID } from 'node:crypto';
import type { Saved } from '@shared/contract';
import { HISTORY_PAGE_DEFAULT, type HistoryPage } from '@shared/register/registerContract';
import { de } from '@shared/i18n/de';
import { diffFields } from '@shared/audit/audit';
import { MEASURE_FIELD_NAMES, type Measure, type MeasureFields } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { checkMeasureRules } from '@shared/register/rules';
import { replacedEditionOf, sameEdition } from '@shared/editions/fortschreibung';
import { toMeasureRow, type MeasureRow } from '@shared/register/search';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';
import type { RegisterSession } from '@main/session/session';

/** Measures: list, read, create, edit, Papierkorb. Every change is validated, audited and saved durably. */
export class MeasureService {
  constructor(private readonly session: RegisterSession) {}

  private get doc(): RegisterDocument {
    return this.session.requireOpen().store.doc;
  }

  listRows(): MeasureRow[] {
    const doc = this.doc;
    return doc.measures.map((m) => toMeasureRow(m, doc));
  }

  /** Rows of some measures (unknown ids are left out), for updating a list in place. */
  rowsOf(ids: readonly string[]): MeasureRow[] {
    const doc = this.doc;
    const wanted = new Set(ids);
    return doc.measures.filter((m) => wanted.has(m.id)).map((m) => toMeasureRow(m, doc));
  }

  get(id: string): Measure {
    const measure = this.doc.measures.find((m) => m.id === id);
    if (!measure) throw new ServiceError('NOT_FOUND', de.api.notFound);
    return measure;
  }

  /** One page of the record's audit trail, newest first. */
  history(entityId: string, offset = 0, limit = HISTORY_PAGE_DEFAULT): HistoryPage {
    const all = this.doc.audit.filter((a) => a.entityId === entityId);
    const end = Math.max(0, all.length - offset);
    const entries = all.slice(Math.max(0, end - limit), end).reverse();
    return { entries, total: all.length };
  }

  async create(fields: MeasureFields): Promise<Saved<Measure>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const { doc: next, measure } = addMeasure(doc, fields, this.session.userName);
      return { doc: next, result: measure };
    });
    return { value: result, savedAt };
  }

  async update(id: string, version: number, fields: MeasureFields): Promise<Saved<Measure>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const { index, measure } = findActive(doc, id);
      if (measure.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      assertEditable(doc, measure.actionFieldId, fields.actionFieldId);
      assertRules(doc, id, fields);
      const changes = diffFields(
        measure as unknown as Record<string, unknown>,
        fields as unknown as Record<string, unknown>,
        MEASURE_FIELD_NAMES,
      );
      if (changes.length === 0) return { doc, result: measure };
      const updated: Measure = { ...measure, ...fields, version: measure.version + 1, updatedAt: new Date().toISOString() };
      const entry = auditEntry(this.session.userName, 'measure', id, label(updated), 'update', changes);
      return { doc: { ...doc, measures: replaceAt(doc.measures, index, updated), audit: [...doc.audit, entry] }, result: updated };
    });
    return { value: result, savedAt };
  }

  /** Moves a measure into the Papierkorb; nothing is erased. */
  async remove(id: string, version: number): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const { index, measure } = findActive(doc, id);
      if (measure.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      assertEditable(doc, measure.actionFieldId);
      const children = doc.measures.filter((m) => !m.deletedAt && m.parentMeasureId === id).length;
      if (children > 0) throw new ServiceError('IN_USE', de.api.hasSubMeasures(children));
      const now = new Date().toISOString();
      const deleted: Measure = { ...measure, deletedAt: now, updatedAt: now, version: measure.version + 1 };
      const entry = auditEntry(this.session.userName, 'measure', id, label(measure), 'delete', [
        { field: 'deletedAt', old: null, new: now },
      ]);
      return { doc: { ...doc, measures: replaceAt(doc.measures, index, deleted), audit: [...doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }

  /** Out of the Papierkorb; with `version` (the undo of a move there) only if nobody changed it since. */
  async restore(id: string, version?: number): Promise<Saved<Measure>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const index = doc.measures.findIndex((m) => m.id === id);
      const measure = doc.measures[index];
      if (!measure) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (version !== undefined && measure.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      if (!measure.deletedAt) throw new ServiceError('BAD_REQUEST', de.api.notInTrash);
      assertEditable(doc, measure.actionFieldId);
      const numberTaken = doc.measures.some(
        (m) =>
          !m.deletedAt &&
          m.id !== id &&
          m.number.toLowerCase() === measure.number.toLowerCase() &&
          sameEdition(doc, m.actionFieldId, measure.actionFieldId),
      );
      if (numberTaken)
        throw new ServiceError('VALIDATION', de.validation.numberTaken(measure.number), [
          { field: 'number', message: de.validation.numberTaken(measure.number) },
        ]);
      const restored: Measure = { ...measure, deletedAt: null, updatedAt: new Date().toISOString(), version: measure.version + 1 };
      const entry = auditEntry(this.session.userName, 'measure', id, label(measure), 'restore', [
        { field: 'deletedAt', old: measure.deletedAt, new: null },
      ]);
      return { doc: { ...doc, measures: replaceAt(doc.measures, index, restored), audit: [...doc.audit, entry] }, result: restored };
    });
    return { value: result, savedAt };
  }
}

/** A new measure, checked and audited, added to the document (also used when an Anregung becomes a measure). */
export function addMeasure(doc: RegisterDocument, fields: MeasureFields, user: string): { doc: RegisterDocument; measure: Measure } {
  assertEditable(doc, fields.actionFieldId);
  assertRules(doc, null, fields);
  const now = new Date().toISOString();
  const measure: Measure = { ...fields, id: randomUUID(), version: 1, createdAt: now, updatedAt: now, deletedAt: null };
  const changes = diffFields(emptyRecord(), measure as unknown as Record<string, unknown>, MEASURE_FIELD_NAMES).filter(
    (c) => !isBlank(c.new),
  );
  const entry = auditEntry(user, 'measure', measure.id, label(measure), 'create', changes);
  return { doc: { ...doc, measures: [...doc.measures, measure], audit: [...doc.audit, entry] }, measure };
}

function findActive(doc: RegisterDocument, id: string): { index: number; measure: Measure } {
  const index = doc.measures.findIndex((m) => m.id === id);
  const measure = doc.measures[index];
  if (!measure || measure.deletedAt) throw new ServiceError('NOT_FOUND', de.api.notFound);
  return { index, measure };
}

/** Measures of an abgelöste Fassung are history: refused with a German message. */
function assertEditable(doc: RegisterDocument, ...actionFieldIds: string[]): void {
  for (const fieldId of actionFieldIds) {
    const replaced = replacedEditionOf(doc, fieldId);
    if (replaced) throw new ServiceError('FORBIDDEN', de.editions.problems.editionReplaced(replaced.name));
  }
}

function assertRules(doc: RegisterDocument, measureId: string | null, fields: MeasureFields): void {
  const others = doc.measures.filter((m) => !m.deletedAt);
  const problems = checkMeasureRules(fields, {
    measureId,
    actionFields: doc.actionFields,
    orgUnits: doc.orgUnits,
    statuses: doc.statuses,
    others,
  });
  if (problems.length > 0) throw new ServiceError('VALIDATION', de.api.validation, problems);
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function label(m: Pick<Measure, 'number' | 'title'>): string {
  return `${m.number} ${m.title}`;
}

function emptyRecord(): Record<string, unknown> {
  return {};
}

function isBlank(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
