import { app, session, type WebContents } from 'electron';

/**
 * The window shows only our own bundled page: no navigation, no new windows, no permissions, no
 * requests to the network (the app needs none). The CSP itself is in renderer/index.html.
 */
export function applySecurityPolicy(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    const allowed = devServerUrl !== undefined && details.url.startsWith(new URL(devServerUrl).origin);
    callback({ cancel: !allowed });
  });
}

/** Calls are answered only for the top frame of our own window showing our own page. */
export function isTrustedFrame(frame: Electron.WebFrameMain | null, contents: WebContents, devServerUrl: string | undefined): boolean {
  if (!frame || frame !== contents.mainFrame) return false;
  const url = frame.url;
  if (devServerUrl) return url.startsWith(new URL(devServerUrl).origin);
  return url.startsWith('file://') && url.includes('/out/renderer/index.html');
}
