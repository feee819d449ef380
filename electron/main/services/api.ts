import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { contract, type ApiError, type ApiResult, type MethodName, type RequestOf, type ResponseOf } from '../../../shared/contract';
import { localDay } from '../../../shared/domain/calendar';
import { buildOverview } from '../../../shared/domain/overview';
import { de } from '../../../shared/i18n/de';
import { ExportTargetExistsError } from '../export/writeExportFile';
import { WriteFailedError } from '../store/registerStore';
import { ServiceError } from './errors';
import type { Desktop } from './desktop';
import { readLogo } from './logo';
import { EvaluationService } from './evaluation';
import { EvaluationExportService } from './evaluationExport';
import { ImportService } from './imports';
import { MeasureService } from './measures';
import { SubmissionExportService } from './submissionExport';
import { SubmissionService } from './submissions';
import { ReferenceService } from './reference';
import { StatusService } from './statuses';
import type { RegisterSession } from './session';
import { createReviewApi } from './reviewApi';
import { ReviewSession } from './reviewSession';
import { createEditionsApi } from './editions';
import { createParticipationApi } from './participationApi';

export type Api = { [M in MethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M> };

/** Binds every contract method to the services. Used by the Electron IPC glue, the harness and tests. */
export function createApi(session: RegisterSession, desktop: Desktop, review: ReviewSession = new ReviewSession()): Api {
  const measures = new MeasureService(session);
  const reference = new ReferenceService(session);
  const statuses = new StatusService(session);
  const submissions = new SubmissionService(session);
  const exports = new SubmissionExportService(session, submissions, desktop);
  const evaluation = new EvaluationService(session);
  const evaluationExport = new EvaluationExportService(session, desktop);
  const imports = new ImportService(session, desktop);
  return {
    getSession: () => session.status(),
    takeOverLock: () => session.takeOverLock(),
    pollRegister: () => session.poll(),
    getMeasureRows: ({ ids }) => measures.rowsOf(ids),
    restoreBackup: ({ backupPath }) => session.restoreBackup(backupPath),
    openRegister: async ({ mode }) => {
      const chosen = await desktop.pickRegister(mode);
      if (!chosen) return null;
      if (mode === 'new' && (await exists(chosen))) throw new ServiceError('BAD_REQUEST', de.store.existsAlready);
      return session.open(chosen, mode === 'new' ? 'empty' : 'none');
    },
    getReference: () => reference.get(),
    getOverview: () => buildOverview(session.requireOpen().store.doc, localDay()),
    listMeasureRows: () => measures.listRows(),
    getMeasure: ({ id }) => measures.get(id),
    createMeasure: ({ fields }) => measures.create(fields),
    updateMeasure: ({ id, version, fields }) => measures.update(id, version, fields),
    deleteMeasure: ({ id, version }) => measures.remove(id, version),
    restoreMeasure: ({ id }) => measures.restore(id),
    getHistory: ({ entityId }) => measures.history(entityId),
    saveActionField: ({ id, fields }) => reference.saveActionField(id, fields),
    deleteActionField: ({ id }) => reference.deleteActionField(id),
    saveOrgUnit: ({ id, fields }) => reference.saveOrgUnit(id, fields),
    deleteOrgUnit: ({ id }) => reference.deleteOrgUnit(id),
    saveBody: ({ id, fields }) => reference.saveBody(id, fields),
    deleteBody: ({ id }) => reference.deleteBody(id),
    saveStatus: ({ key, fields }) => statuses.save(key, fields),
    deleteStatus: ({ key }) => statuses.remove(key),
    moveStatus: ({ key, direction }) => statuses.move(key, direction),
    listSubmissions: () => submissions.list(),
    getSubmission: ({ id }) => submissions.get(id),
    createSubmission: ({ source }) => submissions.create(source),
    updateSubmission: ({ id, version, fields }) => submissions.update(id, version, fields),
    deleteSubmission: ({ id, version }) => submissions.remove(id, version),
    restoreSubmission: ({ id }) => submissions.restore(id),
    listSubmissionRevisions: ({ id }) => submissions.revisions(id),
    compareSubmissionRevisions: ({ id, fromRevisionId, toRevisionId }) => submissions.compare(id, fromRevisionId, toRevisionId),
    restoreSubmissionRevision: ({ id, version, revisionId }) => submissions.restoreRevision(id, version, revisionId),
    addSubmissionAttachment: async ({ id, version, title }) => {
      const file = await desktop.pickAttachment();
      return file ? submissions.addAttachment(id, version, file, title) : null;
    },
    exportSubmission: ({ id, format, open, draft }) => exports.export(id, format, open, draft),
    listIndicators: ({ measureId }) => evaluation.indicators(measureId),
    saveIndicator: ({ id, version, fields }) => evaluation.saveIndicator(id, version, fields),
    deleteIndicator: ({ id, version }) => evaluation.deleteIndicator(id, version),
    listEvaluationRounds: () => evaluation.rounds(),
    saveEvaluationRound: ({ id, version, fields }) => evaluation.saveRound(id, version, fields),
    deleteEvaluationRound: ({ id }) => evaluation.deleteRound(id),
    listAssessments: ({ roundId }) => evaluation.assessments(roundId),
    saveAssessment: ({ id, version, fields }) => evaluation.saveAssessment(id, version, fields),
    getEvaluationOverview: ({ roundId }) => evaluation.overview(roundId),
    chooseImportFile: () => imports.choose(),
    previewImport: ({ token, kind, mapping, sheet }) => imports.preview(token, kind, mapping, sheet),
    commitImport: ({ token, kind, mapping, sheet }) => imports.commit(token, kind, mapping, sheet),
    undoImport: ({ id }) => imports.undo(id),
    listImports: () => imports.list(),
    exportEvaluation: (request) => evaluationExport.export(request),
    chooseDocumentLogo: async ({ altText, clear }) => {
      if (clear) return session.settings.save({ ...session.settings.value, documentLogo: null });
      const file = await desktop.pickImage();
      if (!file) return null;
      await readLogo(file, altText);
      return session.settings.save({ ...session.settings.value, documentLogo: { path: file, altText } });
    },
    getSettings: () => session.settings.value,
    saveSettings: async ({ settings }) => {
      const value = await session.settings.save({ ...session.settings.value, ...settings });
      return { value, savedAt: new Date().toISOString() };
    },
    ...createReviewApi(session, review, desktop),
    ...createEditionsApi(session, desktop),
    ...createParticipationApi(session, desktop, submissions),
  };
}

/**
 * The single entry for calls from outside main: checks the method name and the payload against the
 * contract, runs it, and turns every failure into a structured German error. Invalid calls change nothing.
 */
export async function dispatch(api: Api, method: unknown, payload: unknown): Promise<ApiResult<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(contract, method)) return failure('BAD_REQUEST', de.api.unknownMethod);
  const name = method as MethodName;
  const parsed = contract[name].request.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: fromZod(parsed.error) };
  try {
    const handler = api[name] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  if (error instanceof WriteFailedError) return { code: 'WRITE_FAILED', message: error.message };
  if (error instanceof ExportTargetExistsError) return { code: 'WRITE_FAILED', message: error.message };
  if (error instanceof z.ZodError) return fromZod(error);
  // Unexpected: log the kind only (never payloads, they may hold personal data).
  console.error('[masterplan] interner Fehler:', error instanceof Error ? error.name + ': ' + error.message.slice(0, 200) : typeof error);
  return { code: 'INTERNAL', message: de.api.internal };
}

function fromZod(error: z.ZodError): ApiError {
  const fields = error.issues.map((issue) => ({ field: issue.path.filter((p) => p !== 'fields').join('.'), message: issue.message }));
  return { code: 'BAD_REQUEST', message: de.api.badRequest, fields };
}

function failure(code: ApiError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
