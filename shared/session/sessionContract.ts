import { z } from 'zod';
import { empty, method } from '@shared/core/contractKit';

/** The contract methods of the open register file: which one, its lock, its backups. */

export interface LockHolder {
  user: string;
  host: string;
  pid: number;
  since: string;
  heartbeatAt: string;
  stale: boolean;
}

export interface BackupInfo {
  path: string;
  fileName: string;
  createdAt: string;
  reason: string;
}

export type Session =
  | {
      state: 'open';
      path: string;
      registerId: string;
      registerName: string;
      isSample: boolean;
      readOnly: boolean;
      /** Set when someone else holds the lock (the reason for read-only). */
      lockHolder: LockHolder | null;
      /** Set when the folder cannot be written (permissions, full disk, read-only share): why, in German. */
      readOnlyReason: string | null;
      lastSavedAt: string | null;
      user: string;
      /** Problems a migration or a foreign tool left; the register is usable, but they should be fixed. */
      warnings: string[];
    }
  | {
      state: 'error';
      path: string;
      message: string;
      /**
       * `damaged`: content unusable, a backup may replace it (after confirmation); `io`: could not be read,
       * only "Erneut versuchen"; `missing`: a register used before has gone, the user chooses what to do.
       */
      problem: 'damaged' | 'io' | 'missing';
      /** Folder of the backups, where a replaced file is kept (named in the confirmation). */
      backupDir: string;
      backups: BackupInfo[];
    };

export const sessionContract = {
  getSession: method<Session>()(empty),
  takeOverLock: method<Session>()(empty),
  restoreBackup: method<Session>()(z.strictObject({ backupPath: z.string().min(1).max(4096) })),
  /**
   * Opens the current register path again (after an I/O problem or in read-only because of one);
   * `createEmpty` creates a new empty register there, only when the file is missing and the user chose it.
   */
  retryOpen: method<Session>()(z.strictObject({ createEmpty: z.boolean() })),
  /** Asks for a file (dialog in the app) and opens it; `new` creates an empty register there. Null when cancelled. */
  openRegister: method<Session | null>()(z.strictObject({ mode: z.enum(['open', 'new']) })),
} as const;
