import { z } from 'zod';
import { singleLineText } from '@shared/core/primitives';

/** Per-user settings of this computer (not of the register, which several users may share). */
export const appSettingsSchema = z.strictObject({
  /** Shown in the audit trail instead of the operating-system user name when set. */
  displayName: singleLineText(120),
  /** Keep this many of the newest backups … */
  backupKeepLast: z.number().int().min(1).max(500),
  /** … plus the newest backup of each of this many days. */
  backupKeepDays: z.number().int().min(0).max(3650),
  lastStorePath: z.string().max(4096).nullable(),
  /** Folder of the last export, offered again by the save dialog. */
  lastExportDir: z.string().max(4096).nullable(),
  /** City logo for the head of Word documents (a PNG or JPEG on this computer) with its alternative text. */
  documentLogo: z.strictObject({ path: z.string().max(4096), altText: singleLineText(200) }).nullable(),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const DEFAULT_APP_SETTINGS: AppSettings = {
  displayName: '',
  backupKeepLast: 10,
  backupKeepDays: 30,
  lastStorePath: null,
  lastExportDir: null,
  documentLogo: null,
};
