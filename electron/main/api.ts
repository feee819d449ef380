import { z } from 'zod';
import { contract, type ApiError, type ApiResult, type MethodName } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { ExportTargetExistsError } from './export/writeExportFile';
import { WriteFailedError } from './store/registerStore';
import { CommitRefusedError } from './store/commitCheck';
import { ServiceError } from './core/errors';
import type { Desktop } from './core/desktop';
import type { Api, HandlerContext } from './core/handlers';
import { editionsHandlers } from './editions/editionsHandlers';
import { evaluationHandlers } from './evaluation/evaluationHandlers';
import { exportHandlers } from './export/exportHandlers';
import { ExportTracker } from './export/exportTracker';
import { importHandlers } from './import/importHandlers';
import { overviewHandlers } from './overview/overviewHandlers';
import { participationHandlers } from './participation/participationHandlers';
import { privacyHandlers } from './privacy/privacyHandlers';
import { registerHandlers } from './register/registerHandlers';
import { reviewHandlers } from './review/reviewHandlers';
import { ReviewSession } from './review/reviewSession';
import { sessionHandlers } from './session/sessionHandlers';
import type { RegisterSession } from './session/session';
import { settingsHandlers } from './settings/settingsHandlers';
import { submissionsHandlers } from './submissions/submissionsHandlers';

export type { Api } from './core/handlers';

/**
 * Binds every contract method to the services: the registry of the features' handler objects
 * (electron/main/<feature>/<feature>Handlers.ts, one per contract slice). Used by the Electron IPC glue,
 * the harness and tests.
 */
export function createApi(session: RegisterSession, desktop: Desktop, review: ReviewSession = new ReviewSession()): Api {
  const context: HandlerContext = { session, desktop, review, exports: new ExportTracker() };
  return {
    ...sessionHandlers(context),
    ...registerHandlers(context),
    ...overviewHandlers(context),
    ...submissionsHandlers(context),
    ...evaluationHandlers(context),
    ...importHandlers(context),
    ...settingsHandlers(context),
    ...reviewHandlers(context),
    ...editionsHandlers(context),
    ...participationHandlers(context),
    ...privacyHandlers(context),
    ...exportHandlers(context),
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
  if (error instanceof CommitRefusedError)
    return { code: 'VALIDATION', message: error.message, ...(error.fields.length > 0 ? { fields: error.fields } : {}) };
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
