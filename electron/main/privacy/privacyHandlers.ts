import type { privacyContract } from '@shared/privacy/privacyContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { PrivacyService } from './privacy';

/** Datenschutz: retention periods, what is due, deleting or anonymising it. */
export function privacyHandlers({ session }: HandlerContext): Handlers<typeof privacyContract> {
  const privacy = new PrivacyService(session);
  return {
    getPrivacyOverview: () => privacy.overview(),
    saveRetention: ({ retention }) => privacy.saveRetention(retention),
    applyPrivacy: ({ items }) => privacy.apply(items),
  };
}
