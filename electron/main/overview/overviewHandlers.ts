import { localDay } from '@shared/core/calendar';
import type { overviewContract } from '@shared/overview/overviewContract';
import { buildOverview } from '@shared/overview/overview';
import type { HandlerContext, Handlers } from '@main/core/handlers';

/** The Übersicht: a pure function of the open register and today. */
export function overviewHandlers({ session }: HandlerContext): Handlers<typeof overviewContract> {
  return {
    getOverview: () => buildOverview(session.requireOpen().store.doc, localDay()),
  };
}
