import type { evaluationContract } from '@shared/evaluation/evaluationContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { EvaluationService } from './evaluation';
import { lazy } from '@main/core/lazy';

/** Kennzahlen, evaluation rounds, assessments, the overview and its Excel/Word exports. */
export function evaluationHandlers({ session, desktop, exports }: HandlerContext): Handlers<typeof evaluationContract> {
  const evaluation = new EvaluationService(session);
  // The export's builders (docx, the exceljs worker client) load on first use or in idle time.
  const evaluationExport = lazy(async () => new (await import('./evaluationExport')).EvaluationExportService(session, desktop, exports));
  return {
    listIndicators: ({ measureId }) => evaluation.indicators(measureId),
    saveIndicator: ({ id, version, fields }) => evaluation.saveIndicator(id, version, fields),
    deleteIndicator: ({ id, version }) => evaluation.deleteIndicator(id, version),
    listEvaluationRounds: () => evaluation.rounds(),
    saveEvaluationRound: ({ id, version, fields }) => evaluation.saveRound(id, version, fields),
    deleteEvaluationRound: ({ id }) => evaluation.deleteRound(id),
    listAssessments: ({ roundId }) => evaluation.assessments(roundId),
    saveAssessment: ({ id, version, fields }) => evaluation.saveAssessment(id, version, fields),
    getEvaluationOverview: ({ roundId }) => evaluation.overview(roundId),
    exportEvaluation: async (request) => (await evaluationExport()).export(request),
  };
}
