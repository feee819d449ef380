import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, METHOD_NAMES } from '@shared/methods';
import { packageText } from '@shared/review/reviewPackage';
import { newPackage, register } from '@tests/unit/shared/review/reviewFixtures';
import * as electron from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

/**
 * The real main process (electron/main/index.ts with its services, store and review session on real temp
 * files) started against the fake Electron API: what it registers, what it refuses, how it routes packages.
 */
const { app, BrowserWindow, recorded, config } = electron;
let dir: string;
let packageA: string;
let packageB: string;
let damaged: string;
const savedArgv = process.argv;

async function until<T>(probe: () => T | Promise<T>, what: string): Promise<NonNullable<T>> {
  for (let i = 0; i < 400; i++) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const win = () => BrowserWindow.instances[0]!;
function call(method: string, payload: unknown = {}, frame?: { url: string }, sender?: unknown) {
  const handler = recorded.ipcHandlers.get(IPC_PREFIX + method);
  if (!handler) throw new Error(`no handler for ${method}`);
  const contents = win().webContents;
  return handler({ sender: sender ?? contents, senderFrame: frame ?? contents.mainFrame }, payload) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  }>;
}
const reviewFile = async () => ((await call('getReviewMode')).value as { fileName?: string } | null)?.fileName ?? null;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-shell-'));
  config.userData = path.join(dir, 'userData');
  config.appPath = path.resolve(import.meta.dirname, '../../..');
  const doc = register();
  packageA = path.join(dir, 'a.mpreview');
  packageB = path.join(dir, 'b.mpreview');
  damaged = path.join(dir, 'kaputt.mpreview');
  await fs.writeFile(packageA, packageText(newPackage(doc)));
  await fs.writeFile(packageB, packageText(newPackage(doc, ['m-03'])));
  await fs.writeFile(damaged, '{"format":"masterplan-review", "kaputt');
  delete process.env.ELECTRON_RENDERER_URL;
  // As a double-click on a package starts the app: the file on the command line.
  process.argv = [process.execPath, 'out/main/index.js', '--store', path.join(dir, 'register.json'), packageA];
  await import('@main/index');
  expect(recorded.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
  app.fireReady();
  await until(() => BrowserWindow.instances[0]?.loadedUrl, 'the window');
});

afterAll(async () => {
  process.argv = savedArgv;
  await fs.rm(dir, { recursive: true, force: true });
});

describe('main process against the fake Electron API', () => {
  it('serves the renderer from app:// (privileged before ready, handled after) into a sandboxed window', () => {
    expect(recorded.privilegedSchemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(recorded.protocolHandlers.has('app')).toBe(true);
    expect(win().loadedUrl).toBe('app://masterplan/index.html');
    expect(win().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('registers every contract method on its own channel', () => {
    const missing = METHOD_NAMES.filter((name) => !recorded.ipcHandlers.has(IPC_PREFIX + name));
    expect(missing).toEqual([]);
    expect(recorded.ipcHandlers.size).toBe(METHOD_NAMES.length);
  });

  it('a .mpreview on the command line starts review mode', async () => {
    expect(await call('getReviewMode')).toMatchObject({ ok: true, value: { fileName: 'a.mpreview' } });
  });

  it('refuses calls from a foreign frame, a look-alike origin, a file:// page or another window', async () => {
    const subframe = { url: 'app://masterplan/index.html' };
    expect((await call('getSession', {}, subframe)).error?.code).toBe('FORBIDDEN');
    const main = win().webContents.mainFrame;
    for (const url of ['app://masterplan.evil/index.html', 'file:///tmp/out/renderer/index.html', 'http://localhost:5173/']) {
      main.url = url;
      expect((await call('getSession')).error?.code).toBe('FORBIDDEN');
    }
    main.url = 'app://masterplan/index.html';
    expect((await call('getSession', {}, undefined, new electron.FakeWebContents())).error?.code).toBe('FORBIDDEN');
    expect((await call('getSession')).ok).toBe(true);
  });

  it('denies navigation, redirects, webviews, window.open, permissions and requests to the network', () => {
    const contents = win().webContents;
    expect(contents.fire('will-navigate', 'https://example.org/').defaultPrevented).toBe(true);
    expect(contents.fire('will-redirect', 'https://example.org/').defaultPrevented).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    let granted: boolean | null = null;
    recorded.permissionRequestHandler?.(contents, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(recorded.permissionCheckHandler?.(contents, 'clipboard-read')).toBe(false);
    const cancelled = (url: string) => {
      let result: boolean | null = null;
      recorded.beforeRequest?.listener({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(recorded.beforeRequest?.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*']),
    );
    expect(cancelled('https://example.org/x.js')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true);
  });

  it('a second start focuses the window and hands over its package (relative to its own folder)', async () => {
    const focusedBefore = win().focused;
    const reloadsBefore = win().webContents.reloads;
    app.fire('second-instance', ['/opt/Masterplan-Register/masterplan-register', 'b.mpreview'], dir);
    expect(win().focused).toBe(focusedBefore + 1);
    await until(async () => (await reviewFile()) === 'b.mpreview', 'review mode on b');
    expect(win().webContents.reloads).toBe(reloadsBefore + 1);
  });

  it('a damaged package handed over gets the review-mode refusal, and review mode stays as it was', async () => {
    const before = recorded.messageBoxes.length;
    app.fire('second-instance', ['masterplan-register', damaged], dir);
    const box = await until(() => recorded.messageBoxes[before], 'the refusal');
    expect(box.title).toBe('Prüfpaket öffnen');
    expect(box.message).toMatch(/kaputt\.mpreview/);
    expect(await reviewFile()).toBe('b.mpreview');
  });

  it('open-file (macOS double-click) routes to review mode', async () => {
    const event = app.fire('open-file', packageA);
    expect(event.defaultPrevented).toBe(true);
    await until(async () => (await reviewFile()) === 'a.mpreview', 'review mode on a');
  });

  it('Hilfe offers the log folder and Über; the log has events, never paths or payloads', async () => {
    const help = recorded.menu!.template.find((m) => m.label === '&Hilfe')!;
    const labels = help.submenu!.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['&Protokollordner öffnen', 'Ü&ber Masterplan-Register']));
    help.submenu!.find((i) => i.label === '&Protokollordner öffnen')!.click!();
    expect(recorded.openedPaths).toContain(path.join(config.userData, 'Protokolle'));
    const logText = await fs.readFile(path.join(config.userData, 'Protokolle', 'protokoll.log'), 'utf8');
    expect(logText).toMatch(/INFO start version=\d+\.\d+\.\d+/);
    expect(logText).toMatch(/review\.opened via=start/);
    expect(logText).toMatch(/secondInstance/);
    expect(logText).not.toContain(dir);
    expect(logText).not.toContain('Prüferin');
  });

  it('a crashed renderer gets a German dialog offering to reload', () => {
    const reloads = win().webContents.reloads;
    win().webContents.fire('render-process-gone', { reason: 'crashed', exitCode: 139 });
    expect(recorded.messageBoxes.at(-1)).toMatchObject({ title: 'Ansicht abgestürzt' });
    expect(win().webContents.reloads).toBe(reloads + 1);
  });

  it('remembers the window place when it closes', async () => {
    win().emit('close');
    const file = path.join(config.userData, 'fenster.json');
    await until(() => existsSync(file), 'fenster.json');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ width: 1366, height: 768, maximized: false });
  });
});
