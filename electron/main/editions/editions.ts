import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExportResult, Saved } from '@shared/contract';
import type { AuditEntry, FieldChange } from '@shared/audit/audit';
import type { Edition } from '@shared/editions/edition';
import { compareEditions, EditionCompareError, type EditionComparison } from '@shared/editions/editionCompare';
import {
  applyFortschreibung,
  checkFortschreibung,
  createFortschreibungDraft,
  decideEdition,
  fieldsOfEdition,
  measureLineage,
  removeEdition,
  summarizeEditions,
  type EditionSummary,
  type LineageNode,
} from '@shared/editions/fortschreibung';
import type { FortschreibungDraft, FortschreibungDraftFields, FortschreibungDraftInfo } from '@shared/editions/fortschreibungModel';
import type { RegisterDocument } from '@shared/register/register';
import type { FieldProblem } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { compareFileName } from './editionCompareData';
import { writeExportFile } from '@main/export/writeExportFile';
import { auditEntry } from '@main/audit/audit';
import type { Desktop } from '@main/core/desktop';
import { ServiceError } from '@main/core/errors';
import type { RegisterSession } from '@main/session/session';

const editionsTexts = de.editions;

/**
 * Fassungen and Fortschreibung: list, compare, export, the wizard's drafts, applying a draft (one commit:
 * all of it or nothing), the council decision, the current Fassung, deleting a draft Fassung. The rules
 * are the pure functions of shared/editions/fortschreibung.ts; this class adds ids, time, user and audit.
 */
export class EditionService {
  constructor(
    private readonly session: RegisterSession,
    private readonly desktop: Desktop,
  ) {}

  private get doc(): RegisterDocument {
    return this.session.requireOpen().store.doc;
  }

  list(): EditionSummary[] {
    return summarizeEditions(this.doc);
  }

  compare(fromId: string, toId: string): EditionComparison {
    try {
      return compareEditions(this.doc, fromId, toId);
    } catch (error) {
      if (error instanceof EditionCompareError) throw new ServiceError('BAD_REQUEST', error.message);
      throw error;
    }
  }

  lineage(measureId: string): LineageNode[] {
    const doc = this.doc;
    if (!doc.measures.some((m) => m.id === measureId)) throw new ServiceError('NOT_FOUND', de.api.notFound);
    return measureLineage(doc, measureId);
  }

  drafts(): FortschreibungDraftInfo[] {
    return this.doc.fortschreibungDrafts.map((d) => ({
      id: d.id,
      version: d.version,
      name: d.edition.name,
      fromEditionId: d.fromEditionId,
      updatedAt: d.updatedAt,
      createdBy: d.createdBy,
    }));
  }

  draft(id: string): FortschreibungDraft {
    const draft = this.doc.fortschreibungDrafts.find((d) => d.id === id);
    if (!draft) throw new ServiceError('NOT_FOUND', editionsTexts.problems.draftNotFound);
    return draft;
  }

  async startDraft(fromEditionId: string): Promise<Saved<FortschreibungDraft>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const draft = createFortschreibungDraft(doc, fromEditionId, {
        id: randomUUID(),
        now: new Date().toISOString(),
        user: this.session.userName,
      });
      if (!draft) throw new ServiceError('NOT_FOUND', editionsTexts.compare.unknownEdition);
      return { doc: { ...doc, fortschreibungDrafts: [...doc.fortschreibungDrafts, draft] }, result: draft };
    });
    return { value: result, savedAt };
  }

  /** "Zwischenspeichern": the wizard's state as it is (half-done is fine; applying checks it). */
  async saveDraft(id: string, version: number, fields: FortschreibungDraftFields): Promise<Saved<FortschreibungDraft>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const index = doc.fortschreibungDrafts.findIndex((d) => d.id === id);
      const before = doc.fortschreibungDrafts[index];
      if (!before) throw new ServiceError('NOT_FOUND', editionsTexts.problems.draftNotFound);
      if (before.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      const saved: FortschreibungDraft = { ...before, ...fields, version: before.version + 1, updatedAt: new Date().toISOString() };
      const drafts = doc.fortschreibungDrafts.slice();
      drafts[index] = saved;
      return { doc: { ...doc, fortschreibungDrafts: drafts }, result: saved };
    });
    return { value: result, savedAt };
  }

  async discardDraft(id: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      if (!doc.fortschreibungDrafts.some((d) => d.id === id)) throw new ServiceError('NOT_FOUND', editionsTexts.problems.draftNotFound);
      return { doc: { ...doc, fortschreibungDrafts: doc.fortschreibungDrafts.filter((d) => d.id !== id) }, result: null };
    });
    return { value: null, savedAt };
  }

  /** The problems of a draft as the wizard holds it (not necessarily saved); writes nothing. */
  check(fields: FortschreibungDraftFields): FieldProblem[] {
    return checkFortschreibung(this.doc, fields);
  }

  /**
   * Applies a saved draft in one commit: the new Fassung, its Handlungsfelder and measures, the
   * Fortschreibung record and the audit entries, or (with problems, a stale version, a failed write) nothing.
   */
  async applyDraft(id: string, version: number): Promise<Saved<{ editionId: string }>> {
    const store = this.session.writableStore();
    const user = this.session.userName;
    const { result, savedAt } = await store.commit((doc) => {
      const draft = doc.fortschreibungDrafts.find((d) => d.id === id);
      if (!draft) throw new ServiceError('NOT_FOUND', editionsTexts.problems.draftNotFound);
      if (draft.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      const now = new Date().toISOString();
      const outcome = applyFortschreibung(doc, draft, { newId: () => randomUUID() }, now, user);
      if ('problems' in outcome)
        throw new ServiceError('VALIDATION', editionsTexts.problems.cannotApply(outcome.problems.length), outcome.problems);
      const next = outcome.doc;
      const source = doc.editions.find((e) => e.id === draft.fromEditionId)!;
      const edition = next.editions.find((e) => e.id === outcome.applied.editionId)!;
      const measureById = new Map(next.measures.map((m) => [m.id, m]));
      const oldById = new Map(doc.measures.map((m) => [m.id, m]));
      const entries: AuditEntry[] = [
        auditEntry(user, 'edition', edition.id, edition.name, 'create', [
          { field: 'name', old: null, new: edition.name },
          { field: editionsTexts.audit.fortschreibung, old: source.name, new: edition.name },
          { field: editionsTexts.audit.measures, old: null, new: outcome.applied.measures.length },
        ]),
        ...fieldsOfEdition(next, edition.id).map((f) =>
          auditEntry(user, 'actionField', f.id, `${f.code} ${f.name}`, 'create', [{ field: 'name', old: null, new: f.name }]),
        ),
        ...outcome.applied.measures.map(({ id: measureId, fromMeasureId }) => {
          const m = measureById.get(measureId)!;
          const old = fromMeasureId ? oldById.get(fromMeasureId) : undefined;
          const changes: FieldChange[] = [
            { field: 'number', old: null, new: m.number },
            { field: 'title', old: null, new: m.title },
            ...(old ? [{ field: 'predecessor', old: null, new: editionsTexts.audit.predecessorLabel(old.number, source.name) }] : []),
          ];
          return auditEntry(user, 'measure', m.id, `${m.number} ${m.title}`, 'create', changes);
        }),
        ...next.indicators
          .slice(next.indicators.length - outcome.applied.indicatorIds.length)
          .map((i) =>
            auditEntry(user, 'indicator', i.id, i.name, 'create', [
              { field: 'measureId', old: null, new: measureById.get(i.measureId)?.number ?? i.measureId },
            ]),
          ),
      ];
      return { doc: { ...next, audit: [...next.audit, ...entries] }, result: { editionId: edition.id } };
    });
    return { value: result, savedAt };
  }

  async setCurrent(id: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const edition = doc.editions.find((e) => e.id === id);
      if (!edition) throw new ServiceError('NOT_FOUND', editionsTexts.compare.unknownEdition);
      if (doc.currentEditionId === id) return { doc, result: null };
      const before = doc.editions.find((e) => e.id === doc.currentEditionId)?.name ?? doc.currentEditionId;
      const entry = auditEntry(this.session.userName, 'register', doc.registerId, doc.name, 'update', [
        { field: 'currentEditionId', old: before, new: edition.name },
      ]);
      return { doc: { ...doc, currentEditionId: id, audit: [...doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }

  async decide(id: string, printNumber: string, decidedOn: string): Promise<Saved<Edition>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const outcome = decideEdition(doc, id, printNumber, decidedOn);
      if ('problems' in outcome)
        throw new ServiceError(
          outcome.problems[0]!.field === 'id' ? 'NOT_FOUND' : 'VALIDATION',
          outcome.problems[0]!.message,
          outcome.problems,
        );
      const entries = outcome.changed.map(({ before, after }) =>
        auditEntry(
          this.session.userName,
          'edition',
          after.id,
          after.name,
          'update',
          (['state', 'printNumber', 'decidedOn'] as const)
            .filter((k) => before[k] !== after[k])
            .map((k) => ({ field: k, old: before[k], new: after[k] })),
        ),
      );
      if (doc.currentEditionId !== id) {
        const old = doc.editions.find((e) => e.id === doc.currentEditionId)?.name ?? doc.currentEditionId;
        entries.push(
          auditEntry(this.session.userName, 'register', doc.registerId, doc.name, 'update', [
            { field: 'currentEditionId', old, new: outcome.doc.editions.find((e) => e.id === id)!.name },
          ]),
        );
      }
      return { doc: { ...outcome.doc, audit: [...outcome.doc.audit, ...entries] }, result: outcome.doc.editions.find((e) => e.id === id)! };
    });
    return { value: result, savedAt };
  }

  async remove(id: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const edition = doc.editions.find((e) => e.id === id);
      if (!edition) throw new ServiceError('NOT_FOUND', editionsTexts.compare.unknownEdition);
      const outcome = removeEdition(doc, id);
      if ('problems' in outcome)
        throw new ServiceError('IN_USE', [editionsTexts.problems.deleteRefused(edition.name), ...outcome.problems].join(' '));
      const entry = auditEntry(this.session.userName, 'edition', id, edition.name, 'delete', [
        { field: 'name', old: edition.name, new: null },
        { field: editionsTexts.audit.measures, old: outcome.removedMeasures, new: null },
      ]);
      return { doc: { ...outcome.doc, audit: [...outcome.doc.audit, entry] }, result: null };
    });
    return { value: null, savedAt };
  }

  /** Asks where to save (last export folder), writes the Excel table or the Word annex, optionally opens it. */
  async export(fromId: string, toId: string, format: 'xlsx' | 'docx', open: boolean): Promise<ExportResult | null> {
    const doc = this.doc;
    const comparison = this.compare(fromId, toId);
    const settings = this.session.settings;
    const target = await this.desktop.pickExportTarget(
      compareFileName(comparison.from, comparison.to, format),
      settings.value.lastExportDir,
    );
    if (!target) return null;
    const bytes = await buildEditionExport(doc, comparison, format, new Date());
    await writeExportFile(target, bytes);
    await settings.update((current) => ({ ...current, lastExportDir: path.dirname(target) })).catch(() => undefined);
    if (open) await this.desktop.openFile(target);
    return { path: target, bytes: bytes.length };
  }
}

/** The comparison as Excel or Word bytes (shared by the service and the CLI). */
export async function buildEditionExport(
  doc: RegisterDocument,
  comparison: EditionComparison,
  format: 'xlsx' | 'docx',
  generatedAt: Date,
): Promise<Buffer> {
  const input = {
    comparison,
    actionFields: doc.actionFields,
    statuses: doc.statuses,
    generatedAt,
    registerName: doc.name,
    isSample: doc.isSample,
  };
  // Loaded on first use (core/lazy.ts): the start does not wait for docx/exceljs.
  if (format === 'xlsx') return (await import('./editionCompareXlsx')).buildEditionCompareXlsx(input);
  return (await import('./editionAnnex')).buildEditionAnnexDocx(input);
}
