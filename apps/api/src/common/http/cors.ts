import type { AppConfig } from '../../config/config';
import { forbidden } from '../problem/problem';
import { type HttpReply, type HttpRequest, vary } from './http';

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-CSRF-Token',
  'X-Request-Id',
];
export const CORS_EXPOSED_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'Idempotent-Replayed',
  'Location',
];

/**
 * Lets a page on `origin` read this answer (with cookies when `credentials`). Called only once
 * the route has decided the origin may use it (docs/security.md, ADR 0016).
 */
export function allowOrigin(reply: HttpReply, origin: string, credentials: boolean): void {
  reply.header('Access-Control-Allow-Origin', origin);
  if (credentials) reply.header('Access-Control-Allow-Credentials', 'true');
  reply.header('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS.join(', '));
  vary(reply, 'Origin');
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Writes that carry or start a cookie session (and every API-key call from a browser) must
 * come from the admin app: this API's own origin or ADMIN_ORIGINS. Browsers say where a request
 * comes from in `Sec-Fetch-Site` (all current ones) and `Origin`; a request with neither is not
 * from a browser page (a script with the cookie still needs the CSRF token). The CSRF token
 * stays: this is a second, independent check, and the only one for sign-in and sign-up, which
 * have no token yet.
 */
export function isFirstPartyRequest(request: HttpRequest, config: AppConfig): boolean {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (origin !== undefined && config.adminOrigins.includes(origin)) return true;
  if (site === 'same-origin') return true;
  if (site !== undefined) return false;
  if (origin === undefined) return true;
  // Browsers without Fetch Metadata: the Origin must be this API's own.
  const own = [originOf(config.publicUrl), `${request.protocol}://${request.headers.host ?? ''}`];
  return own.includes(origin);
}

/** Refuses a cookie-session write (or sign-in, sign-up) made by a page of another site. */
export function assertFirstPartyWrite(request: HttpRequest, config: AppConfig): void {
  if (isFirstPartyRequest(request, config)) return;
  const from = request.headers.origin ?? `a ${String(request.headers['sec-fetch-site'])} page`;
  throw forbidden(
    'origin_not_allowed',
    `Signed-in writes are accepted only from the admin app (ADMIN_ORIGINS); this request came from ${from}.`,
  );
}

/**
 * API keys are server credentials. A browser page of another site sending one is refused before
 * anything happens: the key has leaked into a page, and answering would teach that page to use
 * it. (The admin app's origins and this API's own pages, like /docs, may.)
 */
export function assertServerToServer(request: HttpRequest, config: AppConfig): void {
  if (isFirstPartyRequest(request, config)) return;
  throw forbidden(
    'origin_not_allowed',
    `API keys are for servers: a page on ${request.headers.origin ?? 'another site'} must not hold one. Call the API from your server, or give the browser a partner session.`,
  );
}
