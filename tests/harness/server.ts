import { AsyncLocalStorage } from 'node:async_hooks';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { METHOD_NAMES } from '@shared/contract';
import { createApi, dispatch } from '@main/api';
import { RegisterSession, type SessionOptions } from '@main/session/session';
import { ReviewSession } from '@main/review/reviewSession';
import { HarnessAccess, newToken, TOKEN_HEADER } from './access';
import { SettingsFile } from '@main/settings/settingsFile';
import { de } from '@shared/i18n/de';

/**
 * Browser harness (test and development infrastructure, not a product mode). Serves the built renderer
 * on 127.0.0.1 and answers the contract over HTTP with the real main-process services and a real store
 * file, so Playwright can drive the real UI in Debian's chromium where no Electron binary exists.
 * A small injected script plays the preload's part and defines `window.masterplan` with fetch.
 */
export interface HarnessOptions {
  storePath: string;
  settingsDir: string;
  rendererDir?: string;
  samplePath?: string;
  port?: number;
  /**
   * By hand (`npm run harness`): a file dialog the app needs (register, attachment, logo, import table,
   * review package) is asked in the page instead (a path prompt), since a browser has no native dialog.
   */
  askInPage?: boolean;
  /** Answer of the file dialog for "Register öffnen…"/"Neues Register…" (null: cancelled). */
  pickRegister?: (mode: 'open' | 'new') => string | null;
  /** Answer of the dialog choosing a file to attach. */
  pickAttachment?: () => string | null;
  /** Answer of the dialog choosing the logo for Word documents. */
  pickImage?: () => string | null;
  /** Answer of the dialog choosing a spreadsheet to import (null: cancelled). */
  pickImportFile?: () => string | null;
  /** Answer of the save dialog of exports; default: the suggested name in `exportDir`. */
  pickExportTarget?: (defaultName: string) => string | null;
  /** Folder for exports when `pickExportTarget` is not given (default: beside the register). */
  exportDir?: string;
  heartbeatMs?: number;
  /** Multi-user store settings (write lock timing, journal thresholds). */
  writeLock?: SessionOptions['writeLock'];
  storeOptions?: SessionOptions['storeOptions'];
  /**
   * Start in review mode on this package file (as a double-click on a .mpreview does): no register is
   * opened until review mode is left, then `storePath`.
   */
  reviewPackage?: string;
  /**
   * Two-step start as in the app (default): the day's backup and the integrity check wait until the page
   * calls `completeStart` after its first screen (or until the first write). `false`: all at open.
   */
  deferChecks?: boolean;
  /** Serve the page at once and open the register behind it (calls wait), as the app's window does. */
  openInBackground?: boolean;
  /** Answer of the dialog choosing a review package to open or to read back (null: cancelled). */
  pickReviewPackage?: (purpose: 'open' | 'import') => string | null;
  /** Answer of the save dialog of a new review package; default: the suggested name in `exportDir`. */
  pickReviewTarget?: (defaultName: string) => string | null;
  /**
   * The person working, written into fresh settings (default E2E_USER_NAME); null starts as on a first
   * start, with no name, so the app asks for it. A name already in the settings file is kept.
   */
  displayName?: string | null;
}

/** The display name of a harness whose settings had none: what the audit trail says in tests. */
export const E2E_USER_NAME = 'Jana Schreiber';

export interface Harness {
  url: string;
  /** Secret of the injected bridge; direct API calls from tests send it in `x-harness-token`. */
  token: string;
  session: RegisterSession;
  /** Review mode of this instance. */
  review: ReviewSession;
  /** Files the app asked the desktop to open ("Exportieren und öffnen"). */
  opened: readonly string[];
  close(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_BODY = 64 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The in-page stand-in for a native file dialog: the server answers a call that needed one with the header
 * `x-harness-pick-needed: <kind>` (and "cancelled"); the bridge asks for a path and sends the call again
 * with `x-harness-pick`. The first attempt changed nothing, since every picker runs before any write.
 */
const picks = new AsyncLocalStorage<{ answer: string | null; needed: string | null }>();

function bridgeScript(token: string): string {
  return `(() => {
  const names = ${JSON.stringify(METHOD_NAMES)};
  const prompts = ${JSON.stringify(de.shell.harnessPick)};
  const bridge = {};
  const post = (name, request, pick) => fetch('/api/' + name, { method: 'POST', headers: Object.assign({ 'content-type': 'application/json', '${TOKEN_HEADER}': ${JSON.stringify(token)} }, pick ? { 'x-harness-pick': encodeURIComponent(pick) } : {}), body: JSON.stringify(request === undefined ? {} : request) });
  for (const name of names) {
    bridge[name] = async (request) => {
      const first = await post(name, request, null);
      const needed = first.headers.get('x-harness-pick-needed');
      if (!needed) return first.json();
      const answer = window.prompt(prompts[needed] || prompts.file);
      if (!answer || !answer.trim()) return first.json();
      return (await post(name, request, answer.trim())).json();
    };
  }
  const listeners = new Set();
  bridge.onMenuCommand = (listener) => { listeners.add(listener); return () => listeners.delete(listener); };
  // Tests press menu items through this hook, as Electron's menu would send them.
  window.__harnessMenu = (command) => listeners.forEach((l) => l(command));
  window.masterplan = Object.freeze(bridge);
})();`;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  // MASTERPLAN_RENDERER_DIR lets parallel work build and test its own copy of the renderer.
  const rendererDir = options.rendererDir ?? process.env.MASTERPLAN_RENDERER_DIR ?? path.join(ROOT, 'out/renderer');
  const settings = await SettingsFile.load(path.join(options.settingsDir, 'einstellungen.json'));
  if (options.displayName !== null && !settings.value.displayName.trim())
    await settings.save({ ...settings.value, displayName: options.displayName ?? E2E_USER_NAME });
  const session = new RegisterSession({
    settings,
    samplePath: options.samplePath ?? path.join(ROOT, 'resources/sample-register.json'),
    heartbeatMs: options.heartbeatMs,
    writeLock: options.writeLock,
    storeOptions: options.storeOptions,
  });
  const review = new ReviewSession({
    onLeave: async () => {
      if (session.describe().state !== 'open') await session.open(options.storePath);
    },
  });
  const opening = options.reviewPackage
    ? review.open(options.reviewPackage).then(() => undefined)
    : session.open(options.storePath, 'sample', false, options.deferChecks ?? true).then(() => undefined);
  if (!options.openInBackground) await opening;
  const opened: string[] = [];
  const inPage = (kind: string): string | null => {
    const context = picks.getStore();
    if (!options.askInPage || !context) return null;
    if (context.answer) return path.resolve(context.answer);
    context.needed = kind;
    return null;
  };
  const api = createApi(
    session,
    {
      pickRegister: async (mode) => options.pickRegister?.(mode) ?? inPage(mode === 'open' ? 'registerOpen' : 'registerNew'),
      pickAttachment: async () => options.pickAttachment?.() ?? inPage('attachment'),
      pickImage: async () => options.pickImage?.() ?? inPage('image'),
      pickExportTarget: async (defaultName) =>
        options.pickExportTarget
          ? options.pickExportTarget(defaultName)
          : path.join(options.exportDir ?? path.dirname(options.storePath), defaultName),
      pickImportFile: async () => options.pickImportFile?.() ?? inPage('importFile'),
      openFile: async (file) => void opened.push(file),
      pickReviewPackage: async (purpose) =>
        options.pickReviewPackage?.(purpose) ?? inPage(purpose === 'open' ? 'reviewOpen' : 'reviewImport'),
      pickReviewTarget: async (defaultName) =>
        options.pickReviewTarget
          ? options.pickReviewTarget(defaultName)
          : path.join(options.exportDir ?? path.dirname(options.storePath), defaultName),
    },
    review,
  );

  let port = 0;
  const access = new HarnessAccess(newToken(), () => port);
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Foreign Host (DNS rebinding) gets nothing, not even the page; API calls also need Origin, JSON and the token.
    if (!access.hostAllowed(req)) return refuse(res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || access.apiRefusal(req)) return refuse(res);
      const body = await readBody(req);
      let payload: unknown;
      try {
        payload = JSON.parse(body || '{}');
      } catch {
        payload = Symbol('invalid');
      }
      const pickHeader = req.headers['x-harness-pick'];
      const context = { answer: typeof pickHeader === 'string' ? decodeURIComponent(pickHeader) : null, needed: null as string | null };
      await opening.catch(() => undefined);
      await session.settled();
      const result = await picks.run(context, () =>
        dispatch(api, url.pathname.slice('/api/'.length), typeof payload === 'symbol' ? '\u0000' : payload),
      );
      if (context.needed) res.setHeader('x-harness-pick-needed', context.needed);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/harness-bridge.js') {
      res.setHeader('content-type', TYPES['.js']!);
      res.end(bridgeScript(access.token));
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    let content: Buffer;
    try {
      content = await fs.readFile(file);
    } catch {
      res.statusCode = 404;
      res.end();
      return;
    }
    if (relative === 'index.html') {
      content = Buffer.from(
        content.toString('utf8').replace('<script type="module"', '<script src="./harness-bridge.js"></script>\n    <script type="module"'),
      );
    }
    res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.end(content);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    token: access.token,
    session,
    review,
    opened,
    async close() {
      await opening.catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await review.flush();
      await settings.flush();
      await session.close();
    },
  };
}

function refuse(res: http.ServerResponse): void {
  res.statusCode = 403;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end('Zugriff verweigert');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
