import { z } from 'zod';
import { singleLineText } from '@shared/core/primitives';
import { EXAMPLE_LETTER_SENDER, letterSenderSchema } from './letterSender';

/** An absolute http(s) address without query or fragment (the OParl-Basisadresse). */
export function isPublicationUrl(text: string): boolean {
  return /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[^\s?#]*)?$/.test(text.trim());
}

/**
 * How a list was left (issue 15, "keep my place"): the chosen filters (never the search text, which may hold
 * names), the sort and the columns. A damaged entry falls back to nothing rather than costing the whole file.
 */
export const listViewSchema = z.strictObject({
  filter: z.record(z.string().max(60), z.string().max(200)).refine((r) => Object.keys(r).length <= 30),
  sort: z.strictObject({ key: z.string().max(60), direction: z.enum(['asc', 'desc']) }).nullable(),
  columns: z
    .strictObject({
      hidden: z.array(z.string().max(60)).max(40).nullable(),
      widths: z.record(z.string().max(60), z.number().int().min(32).max(2000)),
    })
    .nullable(),
});
export type ListView = z.infer<typeof listViewSchema>;
export const listViewsSchema = z.record(z.string().max(60), listViewSchema).refine((r) => Object.keys(r).length <= 40);

/** Per-user settings of this computer (not of the register, which several users may share). */
export const appSettingsSchema = z.strictObject({
  /** The person working: shown in the audit trail, documents (Bearbeiter/in), review packages and the status bar. Asked at first start. */
  displayName: singleLineText(120),
  /** Their office (Dienststelle), e.g. "FB 32 Ordnungsamt"; optional, shown beside the name. */
  office: singleLineText(160),
  /** Keep this many of the newest backups … */
  backupKeepLast: z.number().int().min(1).max(500),
  /** … plus the newest backup of each of this many days. */
  backupKeepDays: z.number().int().min(0).max(3650),
  lastStorePath: z.string().max(4096).nullable(),
  /**
   * Registers opened on this computer before (newest first). A known path whose file has gone is never
   * silently re-created from the sample: the user chooses (retry, restore, another file, a new register).
   */
  knownStorePaths: z.array(z.string().max(4096)).max(50),
  /** Folder of the last export, offered again by the save dialog. */
  lastExportDir: z.string().max(4096).nullable(),
  /** City logo for the head of Word documents (a PNG or JPEG on this computer) with its alternative text. */
  documentLogo: z.strictObject({ path: z.string().max(4096), altText: singleLineText(200) }).nullable(),
  /** OParl-Basisadresse: where exported OParl folders are published; ids and file URLs start with it. */
  oparlBaseUrl: singleLineText(500).refine((v) => v.trim() === '' || isPublicationUrl(v), {
    message: 'Bitte eine vollständige Adresse wie https://ratsinfo.dortmund.de/oparl angeben (ohne ? und #).',
  }),
  /** Letterhead, Rücksendeangabe and Informationsblock of letters (DIN 5008). */
  letterSender: letterSenderSchema,
  /** Per list (register, proposals, …): its last filters, sort and columns. */
  listViews: listViewsSchema.catch({}),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const DEFAULT_APP_SETTINGS: AppSettings = {
  displayName: '',
  office: '',
  backupKeepLast: 10,
  backupKeepDays: 30,
  lastStorePath: null,
  knownStorePaths: [],
  lastExportDir: null,
  documentLogo: null,
  oparlBaseUrl: '',
  letterSender: EXAMPLE_LETTER_SENDER,
  listViews: {},
};
