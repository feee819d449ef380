/**
 * Which page may talk to main, as pure functions (tests/unit/shell/trust.test.ts). The window shows our
 * bundle from `app://masterplan` (appProtocol.ts); in development only, electron-vite's dev server on the
 * loopback interface. A frame is trusted when its origin equals the allowed origin exactly: a substring or
 * prefix test would accept `app://masterplan.evil` or `http://localhost:5173@evil.example`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'masterplan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Scheme, host and port of a URL; null for anything without a meaningful origin (file:, data:, about:, garbage). */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  // Node's URL reports "null" as origin for non-special schemes such as app:, so build it the same way.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host) return `${parsed.protocol}//${parsed.host}`;
  return null;
}

export function isTrustedFrameUrl(frameUrl: string, allowedOrigin: string): boolean {
  const origin = originOf(frameUrl);
  return origin !== null && origin === allowedOrigin;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the window loads the renderer from. `ELECTRON_RENDERER_URL` (electron-vite dev) is honoured only in
 * an unpackaged app and only for an http URL on this machine; a packaged app always shows its own bundle.
 */
export function rendererLocation(isPackaged: boolean, env: NodeJS.ProcessEnv): { url: string; origin: string; devServer: boolean } {
  const dev = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && dev) {
    try {
      const parsed = new URL(dev);
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK.has(parsed.hostname) && !parsed.username) {
        return { url: parsed.href, origin: parsed.origin, devServer: true };
      }
    } catch {
      // not a URL: ignored, the bundle is shown
    }
  }
  return { url: APP_ENTRY_URL, origin: APP_ORIGIN, devServer: false };
}
