import type { Response } from 'express';
import { SESSION_COOKIE } from '../common/auth/principal.resolver';
import { SESSION_IDLE_SECONDS } from '../common/auth/session-policy';
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

export function setSessionCookie(response: Response, token: string, config: AppConfig): void {
  response.cookie(SESSION_COOKIE, token, {
    ...cookieOptions(config),
    maxAge: SESSION_IDLE_SECONDS * 1000,
  });
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
