import { protocol } from 'electron';
import { rendererResponse } from './rendererFiles';
import { APP_SCHEME } from './trust';

/**
 * The renderer is served from `app://masterplan/` instead of file://: with file://, CSP 'self' and the
 * trusted-frame check would accept any local file; here the origin is ours alone. Must be registered before
 * the app is ready (privileges), and handled after.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse({ url: request.url, method: request.method }, rendererDir));
}
