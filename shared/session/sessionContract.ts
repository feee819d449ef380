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

export interface PresenceInfo {
  user: string;
  host: string;
  since: string;
  self: boolean;
}

/** What `pollRegister` found: ids of records changed by others per list (`true`: the whole list), null = everything (re-read). */
export interface RegisterPoll {
  session: Session;
  changed: Record<string, string[] | true> | null;
  reloaded: boolean;
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
      /** Set when an older program holds its session lock (the reason for read-only). */
      lockHolder: LockHolder | null;
      /** Why the register is read-only (German): the folder cannot be written, the user chose it, an older program's lock …; null when it may be changed. */
      readOnlyReason: string | null;
      lastSavedAt: string | null;
      /** Revision of the register as this window knows it (grows with every change by anyone). */
      revision: number;
      /** The last change by anyone: "Geändert von <Name> um 10:42". */
      lastChange: { user: string; host: string; at: string; own: boolean } | null;
      /** Who has the register open now (this window included, `self`). */
      presence: PresenceInfo[];
      user: string;
      /** The person's office (Dienststelle), '' when not given. */
      office: string;
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
  /** Second step of the start, called once the first screen stands: the day's backup and the integrity check. */
  completeStart: method<Session>()(empty),
  takeOverLock: method<Session>()(empty),
  /** Follows changes made by other windows or computers (asked every few seconds, docs/multi-user.md). */
  pollRegister: method<RegisterPoll>()(empty),
  /**
   * What this window's own saves changed since it last asked (ids per list, `true`: the whole list): after
   * a save the window updates those rows only instead of reloading every list.
   */
  savedChanges: method<Record<string, string[] | true>>()(empty),
  restoreBackup: method<Session>()(z.strictObject({ backupPath: z.string().min(1).max(4096) })),
  /**
   * Opens the current register path again (after an I/O problem or in read-only because of one);
   * `createEmpty` creates a new empty register there, only when the file is missing and the user chose it.
   */
  retryOpen: method<Session>()(z.strictObject({ createEmpty: z.boolean() })),
  /** Asks for a file (dialog in the app) and opens it; `new` creates an empty register there. Null when cancelled. */
  openRegister: method<Session | null>()(z.strictObject({ mode: z.enum(['open', 'new']) })),
} as const;
