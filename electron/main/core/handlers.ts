import type { MethodName, RequestOf, ResponseOf } from '@shared/contract';
import type { ReviewSession } from '@main/review/reviewSession';
import type { RegisterSession } from '@main/session/session';
import type { ExportTracker } from '@main/export/exportTracker';
import type { Desktop } from './desktop';

/** One function per contract method; what main, the harness and the tests call through `dispatch`. */
export type Api = { [M in MethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M> };

/**
 * The handler object of one feature (`electron/main/<feature>/<feature>Handlers.ts`): exactly the
 * methods of its contract slice, each a thin call into the feature's services. api.ts composes them.
 */
export type Handlers<Slice> = Pick<Api, keyof Slice & MethodName>;

/**
 * What every feature's handlers are built from: the open register, review mode, the desktop dialogs and
 * the window's running Excel exports (progress, "Abbrechen").
 */
export interface HandlerContext {
  session: RegisterSession;
  review: ReviewSession;
  desktop: Desktop;
  exports: ExportTracker;
}
