import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appSettingsSchema, DEFAULT_APP_SETTINGS, type AppSettings } from '@shared/settings/settings';

/**
 * The app's per-user settings file as the CLI finds it without Electron: Electron keeps it in its
 * userData folder, `<appData>/<app name>/einstellungen.json` (appData: %APPDATA% on Windows,
 * ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere). The installed app is
 * named after its productName, a development run after the package name; the first folder that exists wins.
 * MASTERPLAN_SETTINGS names the file directly (tests, or a shared settings file).
 */
export function userSettingsPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.MASTERPLAN_SETTINGS) return env.MASTERPLAN_SETTINGS;
  const home = os.homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  const folders = ['Masterplan-Register', 'masterplan-register'].map((name) => path.join(appData, name));
  const found = folders.find((folder) => existsSync(folder));
  return path.join(found ?? folders[0]!, 'einstellungen.json');
}

/**
 * The settings, read only (the CLI never writes or sets aside the app's file): defaults when the file is
 * missing or unreadable, so a damaged file never stops a command that does not need it.
 */
export async function readUserSettings(file: string | null | undefined): Promise<AppSettings> {
  if (!file) return { ...DEFAULT_APP_SETTINGS };
  try {
    const parsed = appSettingsSchema.safeParse({ ...DEFAULT_APP_SETTINGS, ...(JSON.parse(await fs.readFile(file, 'utf8')) as object) });
    return parsed.success ? parsed.data : { ...DEFAULT_APP_SETTINGS };
  } catch {
    return { ...DEFAULT_APP_SETTINGS };
  }
}
