import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/**
 * Who may talk to the harness. It listens on 127.0.0.1 only, but any page in the same browser can send
 * requests there, and with DNS rebinding a foreign page can even read the answers. So:
 * - Host must be 127.0.0.1:<port> or localhost:<port> (defeats DNS rebinding, also for the bridge script
 *   that carries the token and for the page);
 * - API calls: Origin (when sent) must be this harness, the content type must be JSON (a cross-origin
 *   JSON POST needs a CORS preflight, which the harness never grants), and the random token that only
 *   the injected bridge knows must be in `x-harness-token`.
 */
export const TOKEN_HEADER = 'x-harness-token';

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

export class HarnessAccess {
  constructor(
    readonly token: string,
    private readonly port: () => number,
  ) {}

  private allowedHosts(): string[] {
    const port = this.port();
    return [`127.0.0.1:${port}`, `localhost:${port}`];
  }

  /** Host header check for every request (pages, scripts and API). */
  hostAllowed(req: http.IncomingMessage): boolean {
    return this.allowedHosts().includes((req.headers.host ?? '').toLowerCase());
  }

  /** Why an API request is refused, or null when it may run. */
  apiRefusal(req: http.IncomingMessage): string | null {
    if (!this.hostAllowed(req)) return 'host';
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedHosts().some((h) => origin.toLowerCase() === `http://${h}`)) return 'origin';
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return 'content-type';
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, this.token)) return 'token';
    return null;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
