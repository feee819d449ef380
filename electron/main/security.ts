import { app, session, type WebContents } from 'electron';
import { isTrustedFrameUrl } from './trust';

/**
 * The window shows only our own bundled page: no navigation, no new windows, no webviews, no permissions,
 * no requests to the network (the app needs none; in development only the dev server's origin). The CSP is
 * in renderer/index.html and, for app://, also a response header (rendererFiles.ts).
 */
export function applySecurityPolicy(devServerOrigin: string | null): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (details, callback) => {
    const allowed = devServerOrigin !== null && isTrustedFrameUrl(details.url.replace(/^ws/, 'http'), devServerOrigin);
    callback({ cancel: !allowed });
  });
}

/** Calls are answered only for the top frame of our own window showing our own page (exact origin). */
export function isTrustedFrame(frame: Electron.WebFrameMain | null, contents: WebContents, allowedOrigin: string): boolean {
  if (!frame || frame !== contents.mainFrame) return false;
  return isTrustedFrameUrl(frame.url, allowedOrigin);
}
