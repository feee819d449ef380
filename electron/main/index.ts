import { app, BrowserWindow, dialog, Menu, screen, shell } from 'electron';
import path from 'node:path';
import { de } from '@shared/i18n/de';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { APP_VERSION } from './appInfo';
import { registerIpc } from './ipc';
import { packageFromArgv } from './launchArgs';
import { SupportLog } from './log';
import { buildMenu } from './menu';
import { applySecurityPolicy } from './security';
import { showAbout, watchRenderer } from './shellDialogs';
import { rendererLocation } from './trust';
import { loadWindowState, MIN_SIZE, placeWindow, saveWindowState, type WindowState } from './windowState';
import { createApi } from './api';
import type { Desktop } from './core/desktop';
import { RegisterSession } from './session/session';
import { ReviewSession } from './review/reviewSession';
import { REVIEW_FILE_EXTENSION } from '@shared/review/reviewPackage';
import { SettingsFile } from './settings/settingsFile';
import { resolveStorePath } from './storePath';

/** App lifecycle only: everything else is plain Node in the feature folders and store/ (see README, architecture). */
// The dev server only in an unpackaged app (trust.ts); otherwise our bundle from app://masterplan.
const location = rendererLocation(app.isPackaged, process.env);
const log = new SupportLog(path.join(app.getPath('userData'), 'Protokolle'));
const windowStateFile = path.join(app.getPath('userData'), 'fenster.json');
let mainWindow: BrowserWindow | null = null;
let session: RegisterSession | null = null;
let review: ReviewSession | null = null;
/** A package named before the window exists (command line, or macOS `open-file` during start-up). */
let pendingPackage: string | null = packageFromArgv(process.argv, process.cwd());
let started = false;

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
    const result = await dialog.showOpenDialog({
      title: 'Logo wählen',
      filters: [{ name: 'Bild (PNG, JPEG)', extensions: ['png', 'jpg', 'jpeg'] }],
      properties: ['openFile'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async pickExportTarget(defaultName, defaultDir) {
    const extension = path.extname(defaultName).slice(1);
    const result = await dialog.showSaveDialog({
      title: 'Exportieren',
      defaultPath: path.join(defaultDir ?? app.getPath('documents'), defaultName),
      filters: [
        { name: extension === 'docx' ? 'Word-Dokument' : extension === 'xlsx' ? 'Excel-Arbeitsmappe' : 'JSON', extensions: [extension] },
      ],
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

function createWindow(place: WindowState): BrowserWindow {
  const win = new BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: de.appName,
    icon: path.join(app.getAppPath(), 'resources/icons/png/256x256.png'),
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
  win.once('ready-to-show', () => {
    if (place.maximized) win.maximize();
    win.show();
    log.info('window.ready', { msSinceProcessStart: Math.round(process.uptime() * 1000) });
  });
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    void saveWindowState(windowStateFile, { ...bounds, maximized: win.isMaximized() }).catch(() => log.error('window.stateNotSaved'));
  });
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
    else keepUnsavedInput?.();
    keepUnsavedInput = null;
  });
  watchRenderer(win, log);
  void win.loadURL(location.url);
  return win;
}

/** While a handed-over package waits for the page to reload: goes back if the user keeps a form's input. */
let keepUnsavedInput: (() => void) | null = null;

/** Opens a package handed over after start (second start, `open-file`): review mode, or the refusal. */
async function openPackageLater(file: string): Promise<void> {
  const win = mainWindow;
  if (!review || !win) return;
  try {
    const back = await review.switchTo(file);
    log.info('review.opened', { via: 'handover' });
    // The page asks main for the mode when it loads; reloading asks first if a form has unsaved input.
    // Whoever keeps editing stays where they were, so their input can still be saved there.
    keepUnsavedInput = () => void back();
    win.webContents.once('did-start-loading', () => {
      keepUnsavedInput = null;
    });
    win.webContents.reload();
  } catch (error) {
    log.info('review.refused', { via: 'handover' });
    await dialog.showMessageBox(win, {
      type: 'error',
      title: de.review.dialogs.openTitle,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  log.info('start', {
    version: APP_VERSION,
    electron: process.versions.electron ?? null,
    platform: process.platform,
    packaged: app.isPackaged,
  });
  applySecurityPolicy(location.devServer ? location.origin : null);
  if (!location.devServer) serveRenderer(path.join(import.meta.dirname, '../renderer'));
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
  const packageArg = pendingPackage;
  pendingPackage = null;
  let packageProblem = null as string | null;
  const opened = packageArg
    ? await review.open(packageArg).catch((error: unknown) => {
        packageProblem = error instanceof Error ? error.message : String(error);
        return null;
      })
    : null;
  if (packageArg) log.info(opened ? 'review.opened' : 'review.refused', { via: 'start' });
  // Two-step start: the window with its frame and "Register wird geladen …" appears while the register is
  // read behind it (calls wait for it); the day's backup and the integrity check follow once the first
  // screen stands (the renderer calls completeStart; writes wait for them, docs/store.md).
  const opening = opened
    ? Promise.resolve()
    : session.open(storePath, 'sample', false, true).then(() => log.info('register.opened', { state: registerSession.describe().state }));
  registerIpc(
    createApi(session, desktop, review),
    () => mainWindow,
    location.origin,
    log,
    () => registerSession.settled(),
  );
  const userData = app.getPath('userData');
  Menu.setApplicationMenu(
    buildMenu(() => mainWindow, {
      openLogFolder: () => void shell.openPath(log.dir),
      showAbout: () =>
        void showAbout(mainWindow, {
          version: APP_VERSION,
          register: registerSession.describe().state === 'open' ? registerSession.describe().path : null,
          dataFolder: userData,
          logFolder: log.dir,
          licensesFile: path.join(import.meta.dirname, 'THIRD_PARTY_LICENSES.txt'),
        }),
    }),
  );
  const primary = screen.getPrimaryDisplay();
  const workAreas = [
    primary.workArea,
    ...screen
      .getAllDisplays()
      .filter((d) => d.id !== primary.id)
      .map((d) => d.workArea),
  ];
  mainWindow = createWindow(placeWindow(await loadWindowState(windowStateFile), workAreas));
  mainWindow.on('closed', () => (mainWindow = null));
  started = true;
  await opening;
  // A package that could not be opened is explained (the register opened instead), not silently dropped.
  const problem = packageProblem;
  if (problem) {
    const win = mainWindow;
    win.once(
      'ready-to-show',
      () => void dialog.showMessageBox(win, { type: 'error', title: de.review.dialogs.openTitle, message: problem }),
    );
  }
}

process.on('uncaughtExceptionMonitor', (error) => log.error('main.uncaught', { name: error.name }));
process.on('unhandledRejection', (reason) =>
  log.error('main.unhandledRejection', { name: reason instanceof Error ? reason.name : typeof reason }),
);

// Privileges of app:// must be declared before the app is ready.
registerAppScheme();
// One instance per user: a second start hands its package to the first and ends. Two starts at the same
// moment race for this lock; exactly one wins.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();

app.on('second-instance', (_event, argv, workingDirectory) => {
  log.info('secondInstance');
  focusWindow();
  const file = packageFromArgv(argv, workingDirectory);
  if (file) void openPackageLater(file);
});
// macOS: double-click on a .mpreview, before or after start.
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (started) void openPackageLater(file);
  else pendingPackage = file;
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!session) return;
  // Let queued writes finish and release the lock before the process ends.
  event.preventDefault();
  const closing = session;
  session = null;
  void (review?.flush() ?? Promise.resolve())
    .then(() => closing.close())
    .finally(() => {
      log.info('quit');
      app.quit();
    });
});
if (primaryInstance) {
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start.failed', { name: error instanceof Error ? error.name : typeof error });
      dialog.showErrorBox(de.appName, error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
