import type { settingsContract } from '@shared/settings/settingsContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { readLogo } from './logo';
import { osFullName } from './osFullName';

/** The per-user settings of this computer, including the logo of Word documents. */
export function settingsHandlers({ session, desktop }: HandlerContext): Handlers<typeof settingsContract> {
  return {
    chooseDocumentLogo: async ({ altText, clear }) => {
      if (clear) return session.settings.update((current) => ({ ...current, documentLogo: null }));
      const file = await desktop.pickImage();
      if (!file) return null;
      await readLogo(file, altText);
      return session.settings.update((current) => ({ ...current, documentLogo: { path: file, altText } }));
    },
    getSettings: () => session.settings.value,
    suggestDisplayName: async () => ({ name: await osFullName() }),
    saveListView: async ({ list, view }) => {
      await session.settings.update((current) => ({ ...current, listViews: { ...current.listViews, [list]: view } }));
      return { savedAt: new Date().toISOString() };
    },
    saveSettings: async ({ settings }) => {
      const value = await session.settings.update((current) => ({ ...current, ...settings }));
      return { value, savedAt: new Date().toISOString() };
    },
  };
}
