import { app, dialog, shell, type BrowserWindow } from 'electron';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { de } from '@shared/i18n/de';
import type { SupportLog } from './log';

const t = de.shell;

export interface AboutInfo {
  version: string;
  register: string | null;
  dataFolder: string;
  logFolder: string;
  /** THIRD_PARTY_LICENSES.txt, generated at build time beside the main bundle (electron.vite.config.ts). */
  licensesFile: string;
}

/** "Über Masterplan-Register": version, register file, data and log folders; the licence list on request. */
export async function showAbout(win: BrowserWindow | null, info: AboutInfo): Promise<void> {
  const options = {
    type: 'info' as const,
    title: t.aboutTitle,
    message: t.aboutMessage(info.version),
    detail: t.aboutDetail({
      version: info.version,
      electron: process.versions.electron ?? '–',
      register: info.register ?? t.noRegister,
      dataFolder: info.dataFolder,
      logFolder: info.logFolder,
    }),
    buttons: [t.aboutOk, t.aboutLicenses],
    defaultId: 0,
    cancelId: 0,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response !== 1) return;
  if (!existsSync(info.licensesFile)) {
    await dialog.showMessageBox({ type: 'warning', title: t.aboutTitle, message: t.licensesMissing });
    return;
  }
  // The list sits inside the app archive, which other programs cannot read: open a copy.
  const copy = path.join(app.getPath('userData'), 'Lizenzen.txt');
  await fs.writeFile(copy, await fs.readFile(info.licensesFile));
  await shell.openPath(copy);
}

/**
 * A renderer that crashed or hangs gets a German dialog offering to reload. Saved data lives in main and
 * on disk, so reloading loses at most the input of an open form, which the dialog says.
 */
export function watchRenderer(win: BrowserWindow, log: SupportLog): void {
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error',
      title: t.crashTitle,
      message: t.crashMessage,
      detail: t.crashDetail,
      buttons: [t.reload, t.quit],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 0) win.webContents.reload();
    else app.quit();
  });
  win.on('unresponsive', () => {
    log.error('renderer.unresponsive');
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: t.hangTitle,
      message: t.hangMessage,
      detail: t.hangDetail,
      buttons: [t.wait, t.reload],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) {
      win.webContents.forcefullyCrashRenderer();
      win.webContents.reload();
    }
  });
  win.on('responsive', () => log.info('renderer.responsive'));
}
