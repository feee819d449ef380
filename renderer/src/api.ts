import type { ApiError, Bridge, MethodName, RequestOf, ResponseOf } from '@shared/contract';

declare global {
  interface Window {
    masterplan: Bridge;
  }
}

/** A refused call: `error.message` is German and can be shown as it is; `error.fields` feed the form. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Typed client of the contract. The bridge is the preload in the app and the harness script in tests. */
export async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const bridge = window.masterplan;
  const fn = bridge[method] as unknown as (r: RequestOf<M>) => Promise<{ ok: true; value: ResponseOf<M> } | { ok: false; error: ApiError }>;
  const result = await fn(request);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
