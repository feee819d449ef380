import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import path from 'node:path';
import { de } from '@shared/i18n/de';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { applySecurityPolicy } from './security';
import { createApi } from './api';
import type { Desktop } from './core/desktop';
import { RegisterSession } from './session/session';
import { ReviewSession } from './review/reviewSession';
import { reviewPackageArgument } from './review/packageFile';
import { REVIEW_FILE_EXTENSION } from '@shared/review/reviewPackage';
import { SettingsFile } from './settings/settingsFile';
import { resolveStorePath } from './storePath';

/** App lifecycle only: everything else is plain Node in the feature folders and store/ (see README, architecture). */
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
let session: RegisterSession | null = null;
let review: ReviewSession | null = null;

const desktop: Desktop = {
  async pickRegister(mode) {
    const filters = [{ name: 'Masterplan-Register', extensions: ['json'] }];
    if (mode === 'open') {
      const result = await dialog.showOpenDialog({ title: 'Register öffnen', filters, properties: ['openFile'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    }
    const result = await dialog.showSaveDialog({ title: 'Neues Register anlegen', defaultPath: 'masterplan-register.json', filters });
    return result.canceled ? null : (result.filePath ?? null);
  },
  async pickAttachment() {
    const result = await dialog.showOpenDialog({ title: 'Anlage hinzufügen', properties: ['openFile'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickImage() {
    const result = await dialog.showOpenDialog({ title: 'Logo wählen', filters: [{ name: 'Bild (PNG, JPEG)', extensions: ['png', 'jpg', 'jpeg'] }], properties: ['openFile'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickExportTarget(defaultName, defaultDir) {
    const extension = path.extname(defaultName).slice(1);
    const result = await dialog.showSaveDialog({
      title: 'Exportieren',
      defaultPath: path.join(defaultDir ?? app.getPath('documents'), defaultName),
      filters: [{ name: extension === 'docx' ? 'Word-Dokument' : extension === 'xlsx' ? 'Excel-Arbeitsmappe' : 'JSON', extensions: [extension] }],
    });
    return result.canceled ? null : (result.filePath ?? null);
  },
  async pickImportFile() {
    const result = await dialog.showOpenDialog({
      title: 'Tabelle importieren',
      filters: [{ name: 'Tabellen (Excel, LibreOffice, CSV)', extensions: ['xlsx', 'xls', 'ods', 'csv'] }],
      properties: ['openFile'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async openFile(file) {
    const error = await shell.openPath(file);
    if (error) console.warn('[masterplan] Datei konnte nicht geöffnet werden');
  },
  async pickReviewPackage(purpose) {
    const reviewDialogsTexts = de.review.dialogs;
    const result = await dialog.showOpenDialog({
      title: purpose === 'open' ? reviewDialogsTexts.openTitle : reviewDialogsTexts.importTitle,
      filters: [{ name: reviewDialogsTexts.filterName, extensions: [REVIEW_FILE_EXTENSION] }],
      properties: ['openFile'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickReviewTarget(defaultName, defaultDir) {
    const reviewDialogsTexts = de.review.dialogs;
    const result = await dialog.showSaveDialog({
      title: reviewDialogsTexts.saveTitle,
      defaultPath: path.join(defaultDir ?? app.getPath('documents'), defaultName),
      filters: [{ name: reviewDialogsTexts.filterName, extensions: [REVIEW_FILE_EXTENSION] }],
    });
    return result.canceled ? null : (result.filePath ?? null);
  },
};

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 900,
    minHeight: 560,
    title: de.appName,
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The page blocks unloading while a form has unsaved input; Electron would then silently refuse to
  // close, so ask the user here, as Word does.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: [de.ui.measure.discard, de.ui.measure.keepEditing],
      defaultId: 1,
      cancelId: 1,
      title: de.ui.measure.unsavedTitle,
      message: de.ui.measure.unsavedText,
    });
    if (choice === 0) event.preventDefault();
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

async function start(): Promise<void> {
  applySecurityPolicy(devServerUrl);
  const settings = await SettingsFile.load(path.join(app.getPath('userData'), 'einstellungen.json'));
  session = new RegisterSession({ settings, samplePath: path.join(app.getAppPath(), 'resources', 'sample-register.json') });
  const storePath = resolveStorePath(process.argv, process.env, settings.value.lastStorePath, app.getPath('userData'));
  const registerSession = session;
  // A .mpreview on the command line (double-click on a package) opens review mode; the register is
  // opened only when the reviewer leaves it, so a reviewer's laptop never needs one.
  review = new ReviewSession({
    onLeave: async () => {
      if (registerSession.describe().state !== 'open') await registerSession.open(storePath);
    },
  });
  const packageArg = reviewPackageArgument(process.argv);
  let packageProblem = null as string | null;
  const opened = packageArg
    ? await review.open(packageArg).catch((error: unknown) => {
        packageProblem = error instanceof Error ? error.message : String(error);
        return null;
      })
    : null;
  if (!opened) await session.open(storePath);
  registerIpc(createApi(session, desktop, review), () => mainWindow, devServerUrl);
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  // A package that could not be opened is explained (the register opened instead), not silently dropped.
  const problem = packageProblem;
  if (problem) {
    const win = mainWindow;
    win.once('ready-to-show', () => void dialog.showMessageBox(win, { type: 'error', title: de.review.dialogs.openTitle, message: problem }));
  }
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!session) return;
  // Let queued writes finish and release the lock before the process ends.
  event.preventDefault();
  const closing = session;
  session = null;
  void (review?.flush() ?? Promise.resolve())
    .then(() => closing.close())
    .finally(() => app.quit());
});
void app.whenReady().then(start);
