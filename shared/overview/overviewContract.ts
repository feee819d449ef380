import { empty, method } from '@shared/core/contractKit';
import type { Overview } from './overview';

export const overviewContract = {
  /** The Übersicht (start screen): counts, what is overdue, open reviews, next sessions, as of today. */
  getOverview: method<Overview>()(empty),
} as const;
