import { z } from 'zod';
import { empty, method, type Saved } from '@shared/core/contractKit';
import { id } from '@shared/core/primitives';
import { PRIVACY_KINDS, type PrivacyDueItem } from './privacyDue';
import { retentionSchema, type Retention } from './retention';
import type { BackupHold } from './backupRetention';

/** The contract methods of Datenschutz: retention periods and what is due for deletion or anonymisation. */

export interface PrivacyOverview {
  retention: Retention;
  due: PrivacyDueItem[];
  /** Stored feedback contacts in total (due or not). */
  contacts: number;
  /**
   * Backups beside the register (incl. copies of damaged files): each still holds the data of its time,
   * also data deleted since, until the backup retention removes it.
   */
  backups: BackupHold[];
  backupKeepLast: number;
  backupKeepDays: number;
}

export const privacyContract = {
  getPrivacyOverview: method<PrivacyOverview>()(empty),
  saveRetention: method<Saved<Retention>>()(z.strictObject({ retention: retentionSchema })),
  /** Deletes or anonymises the chosen due entries (only those still due), audited without the data itself. */
  applyPrivacy: method<Saved<{ deleted: number; anonymised: number }>>()(
    z.strictObject({
      items: z
        .array(z.strictObject({ kind: z.enum(PRIVACY_KINDS), id }))
        .min(1)
        .max(100_000),
    }),
  ),
} as const;
