import { z } from 'zod';

/**
 * Retention periods per kind of personal data (Löschkonzept, DIN 66398). A register setting, since every
 * user of the register must apply the same periods.
 */
export const retentionSchema = z.strictObject({
  /** Feedback contacts: days after the Rückmeldung (or after the Anregung was closed or deleted). */
  contactGraceDays: z.number().int().min(0).max(3650),
  /** Delegate and deputy names: months after the term of office ended. */
  memberMonthsAfterTerm: z.number().int().min(0).max(240),
  /** Text and feedback of closed Anregungen: years after closing (they can reveal political opinions). */
  proposalYearsAfterClosing: z.number().int().min(0).max(30),
});
export type Retention = z.infer<typeof retentionSchema>;

export const DEFAULT_RETENTION: Retention = { contactGraceDays: 90, memberMonthsAfterTerm: 12, proposalYearsAfterClosing: 5 };
