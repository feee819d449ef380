import { z } from 'zod';
import { byId, byIdAndVersion, draftId, empty, method, version, type ExportResult, type Saved } from '@shared/core/contractKit';
import { id } from '@shared/core/primitives';
import {
  assessmentFieldsSchema,
  evaluationRoundFieldsSchema,
  indicatorFieldsSchema,
  type Assessment,
  type EvaluationRound,
  type Indicator,
} from './evaluation';
import type { EvaluationRow } from './evaluationOverview';

/** The contract methods of the Evaluation: Kennzahlen, rounds, assessments, the overview and its exports. */
export const evaluationContract = {
  listIndicators: method<Indicator[]>()(z.strictObject({ measureId: id.nullable() })),
  saveIndicator: method<Saved<Indicator>>()(z.strictObject({ id: draftId, version: version.nullable(), fields: indicatorFieldsSchema })),
  deleteIndicator: method<Saved<null>>()(byIdAndVersion),
  listEvaluationRounds: method<EvaluationRound[]>()(empty),
  saveEvaluationRound: method<Saved<EvaluationRound>>()(
    z.strictObject({ id: draftId, version: version.nullable(), fields: evaluationRoundFieldsSchema }),
  ),
  deleteEvaluationRound: method<Saved<null>>()(byId),
  listAssessments: method<Assessment[]>()(z.strictObject({ roundId: id })),
  saveAssessment: method<Saved<Assessment>>()(z.strictObject({ id: draftId, version: version.nullable(), fields: assessmentFieldsSchema })),
  /** Both computed figures, budget sums and the round's assessment for every measure in scope. */
  getEvaluationOverview: method<EvaluationRow[]>()(z.strictObject({ roundId: id.nullable() })),
  /** Excel evaluation tables or the Word Evaluationsbericht, through the save dialog. Null when cancelled. */
  exportEvaluation: method<ExportResult | null>()(
    z.strictObject({
      roundId: id.nullable(),
      format: z.enum(['xlsx', 'docx']),
      filters: z.strictObject({
        actionFieldId: id.optional(),
        district: z.string().max(4).optional(),
        status: z.string().max(40).optional(),
      }),
      includePersonalData: z.boolean(),
      open: z.boolean(),
    }),
  ),
} as const;
