import { randomUUID } from 'node:crypto';
import type { Saved } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { diffFields } from '@shared/audit/audit';
import {
  assessmentFieldsSchema,
  evaluationRoundFieldsSchema,
  indicatorFieldsSchema,
  type Assessment,
  type AssessmentFields,
  type EvaluationRound,
  type EvaluationRoundFields,
  type Indicator,
  type IndicatorFields,
} from '@shared/evaluation/evaluation';
import { buildEvaluationRows, type EvaluationRow } from '@shared/evaluation/evaluationOverview';
import type { FieldProblem } from '@shared/register/rules';
import type { RegisterDocument } from '@shared/register/register';
import { auditEntry } from '@main/audit/audit';
import { ServiceError } from '@main/core/errors';
import { replaceAt } from '@main/register/measures';
import type { RegisterSession } from '@main/session/session';

const INDICATOR_KEYS = Object.keys(indicatorFieldsSchema.shape);
const ROUND_KEYS = Object.keys(evaluationRoundFieldsSchema.shape);
const ASSESSMENT_KEYS = Object.keys(assessmentFieldsSchema.shape);

/** Kennzahlen with their values, evaluation rounds and assessments; every change audited. */
export class EvaluationService {
  constructor(private readonly session: RegisterSession) {}

  private get doc(): RegisterDocument {
    return this.session.requireOpen().store.doc;
  }

  indicators(measureId: string | null): Indicator[] {
    return this.doc.indicators.filter((i) => !i.deletedAt && (measureId === null || i.measureId === measureId));
  }

  rounds(): EvaluationRound[] {
    return this.doc.evaluationRounds;
  }

  assessments(roundId: string): Assessment[] {
    return this.doc.assessments.filter((a) => a.roundId === roundId);
  }

  overview(roundId: string | null): EvaluationRow[] {
    const round = roundId ? this.doc.evaluationRounds.find((r) => r.id === roundId) : null;
    if (roundId && !round) throw new ServiceError('NOT_FOUND', de.api.notFound);
    return buildEvaluationRows(this.doc, round ?? null);
  }

  async saveIndicator(id: string | null, version: number | null, fields: IndicatorFields): Promise<Saved<Indicator>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const problems: FieldProblem[] = [];
      if (!doc.measures.some((m) => m.id === fields.measureId && !m.deletedAt))
        problems.push({ field: 'measureId', message: de.evaluation.unknownMeasure });
      if (fields.baselineYear !== null && fields.targetYear !== null && fields.baselineYear > fields.targetYear)
        problems.push({ field: 'targetYear', message: de.evaluation.baselineAfterTarget });
      const seen = new Set<string>();
      fields.values.forEach((v, i) => {
        const key = `${v.year}|${v.period.trim()}`;
        if (seen.has(key)) problems.push({ field: `values.${i}.year`, message: de.evaluation.valueTwice(v.year, v.period) });
        seen.add(key);
      });
      if (problems.length > 0) throw new ServiceError('VALIDATION', de.api.validation, problems);
      const sorted = { ...fields, values: [...fields.values].sort((a, b) => a.year - b.year || a.period.localeCompare(b.period, 'de')) };
      return this.upsert(doc, 'indicators', 'indicator', id, version, sorted, INDICATOR_KEYS, (i) => i.name);
    });
    return { value: result as Indicator, savedAt };
  }

  async deleteIndicator(id: string, version: number): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const index = doc.indicators.findIndex((i) => i.id === id && !i.deletedAt);
      const current = doc.indicators[index];
      if (!current) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (current.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      const now = new Date().toISOString();
      const entry = auditEntry(this.session.userName, 'indicator', id, current.name, 'delete', [
        { field: 'deletedAt', old: null, new: now },
      ]);
      return {
        doc: {
          ...doc,
          indicators: replaceAt(doc.indicators, index, { ...current, deletedAt: now, updatedAt: now, version: current.version + 1 }),
          audit: [...doc.audit, entry],
        },
        result: null,
      };
    });
    return { value: null, savedAt };
  }

  async saveRound(id: string | null, version: number | null, fields: EvaluationRoundFields): Promise<Saved<EvaluationRound>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const known = new Set(doc.actionFields.map((f) => f.id));
      if (fields.actionFieldIds.some((f) => !known.has(f)))
        throw new ServiceError('VALIDATION', de.api.validation, [{ field: 'actionFieldIds', message: de.validation.unknownActionField }]);
      return this.upsert(doc, 'evaluationRounds', 'evaluationRound', id, version, fields, ROUND_KEYS, (r) => r.name);
    });
    return { value: result as EvaluationRound, savedAt };
  }

  async deleteRound(id: string): Promise<Saved<null>> {
    const store = this.session.writableStore();
    const { savedAt } = await store.commit((doc) => {
      const round = doc.evaluationRounds.find((r) => r.id === id);
      if (!round) throw new ServiceError('NOT_FOUND', de.api.notFound);
      const used = doc.assessments.filter((a) => a.roundId === id).length;
      if (used > 0) throw new ServiceError('IN_USE', de.evaluation.roundInUse(used));
      const entry = auditEntry(this.session.userName, 'evaluationRound', id, round.name, 'delete', []);
      return {
        doc: { ...doc, evaluationRounds: doc.evaluationRounds.filter((r) => r.id !== id), audit: [...doc.audit, entry] },
        result: null,
      };
    });
    return { value: null, savedAt };
  }

  async saveAssessment(id: string | null, version: number | null, fields: AssessmentFields): Promise<Saved<Assessment>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const round = doc.evaluationRounds.find((r) => r.id === fields.roundId);
      if (!round) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (round.closed) throw new ServiceError('VALIDATION', de.evaluation.roundClosed);
      if (!doc.measures.some((m) => m.id === fields.measureId && !m.deletedAt))
        throw new ServiceError('VALIDATION', de.evaluation.unknownMeasure, [{ field: 'measureId', message: de.evaluation.unknownMeasure }]);
      if (doc.assessments.some((a) => a.id !== id && a.roundId === fields.roundId && a.measureId === fields.measureId))
        throw new ServiceError('VALIDATION', de.evaluation.assessmentExists, [
          { field: 'measureId', message: de.evaluation.assessmentExists },
        ]);
      const measure = doc.measures.find((m) => m.id === fields.measureId)!;
      return this.upsert(doc, 'assessments', 'assessment', id, version, fields, ASSESSMENT_KEYS, () => `${round.name}: ${measure.number}`);
    });
    return { value: result as Assessment, savedAt };
  }

  /** Create (id null) or update an entry of one of the evaluation lists, with version check and audit. */
  private upsert<K extends 'indicators' | 'evaluationRounds' | 'assessments', F extends object>(
    doc: RegisterDocument,
    list: K,
    entityType: 'indicator' | 'evaluationRound' | 'assessment',
    id: string | null,
    version: number | null,
    fields: F,
    keys: readonly string[],
    describe: (item: RegisterDocument[K][number]) => string,
  ): { doc: RegisterDocument; result: RegisterDocument[K][number] } {
    const items = doc[list] as RegisterDocument[K][number][];
    const now = new Date().toISOString();
    if (id === null) {
      const created = {
        ...fields,
        id: randomUUID(),
        version: 1,
        createdAt: now,
        updatedAt: now,
        ...(list === 'indicators' ? { deletedAt: null } : {}),
      } as unknown as RegisterDocument[K][number];
      const changes = diffFields({}, created as unknown as Record<string, unknown>, keys);
      const entry = auditEntry(this.session.userName, entityType, created.id, describe(created), 'create', changes);
      return { doc: { ...doc, [list]: [...items, created], audit: [...doc.audit, entry] }, result: created };
    }
    const index = items.findIndex((item) => item.id === id);
    const current = items[index];
    if (!current || ('deletedAt' in current && current.deletedAt)) throw new ServiceError('NOT_FOUND', de.api.notFound);
    if (current.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
    const changes = diffFields(current as unknown as Record<string, unknown>, fields as unknown as Record<string, unknown>, keys);
    if (changes.length === 0) return { doc, result: current };
    const updated = { ...current, ...fields, version: current.version + 1, updatedAt: now } as RegisterDocument[K][number];
    const entry = auditEntry(this.session.userName, entityType, id, describe(updated), 'update', changes);
    return { doc: { ...doc, [list]: replaceAt(items, index, updated), audit: [...doc.audit, entry] }, result: updated };
  }
}
