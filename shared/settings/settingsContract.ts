import { z } from 'zod';
import { empty, method, type Saved } from '@shared/core/contractKit';
import { singleLineText } from '@shared/core/primitives';
import { appSettingsSchema, listViewSchema, type AppSettings } from './settings';

/** The contract methods of the per-user settings of this computer. */
export const settingsContract = {
  getSettings: method<AppSettings>()(empty),
  saveSettings: method<Saved<AppSettings>>()(
    z.strictObject({
      settings: appSettingsSchema
        .omit({ lastStorePath: true, knownStorePaths: true, lastExportDir: true, documentLogo: true, listViews: true })
        .partial({ oparlBaseUrl: true, letterSender: true, office: true }),
    }),
  ),
  /** The OS account's full name to prefill the first-start question ('' when unknown; never the login). */
  suggestDisplayName: method<{ name: string }>()(empty),
  /** Asks for a PNG/JPEG (dialog) and keeps it as the logo of Word documents; null when cancelled. `clear` removes it. */
  chooseDocumentLogo: method<AppSettings | null>()(z.strictObject({ altText: singleLineText(200), clear: z.boolean() })),
  /** Remembers how one list was left (filters, sort, columns) for the next start; returns nothing to show. */
  saveListView: method<{ savedAt: string }>()(z.strictObject({ list: z.string().min(1).max(60), view: listViewSchema })),
} as const;
