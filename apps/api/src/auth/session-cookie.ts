import { SESSION_COOKIE } from '../common/auth/principal.resolver';
import { SESSION_IDLE_SECONDS } from '../common/auth/session-policy';
import type { HttpReply } from '../common/http/http';
import type { AppConfig } from '../config/config';

function cookieOptions(config: AppConfig) {
  return {
    httpOnly: true,
    // Lax: sent on top-level navigation (links in emails) but not on cross-site writes.
    sameSite: 'lax' as const,
    path: '/',
    secure: config.publicUrl.startsWith('https:'),
  };
}

export function setSessionCookie(response: HttpReply, token: string, config: AppConfig): void {
  response.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(config),
    // Both, as Express wrote them: Max-Age for current browsers, Expires for old ones.
    maxAge: SESSION_IDLE_SECONDS,
    expires: new Date(Date.now() + SESSION_IDLE_SECONDS * 1000),
  });
}

export function clearSessionCookie(response: HttpReply, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
