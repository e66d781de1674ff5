import { createHmac, randomInt } from 'node:crypto';
import { safeEqual } from '../common/auth/tokens';

export const SIGN_IN_CODE_TTL_SECONDS = 10 * 60;
export const SIGN_IN_CODE_MAX_ATTEMPTS = 5;
/** How long a partner stays signed in after a code: a working day, then a new code. */
export const CODE_SESSION_SECONDS = 8 * 60 * 60;

export const SIGN_IN_CODE_RATE_LIMITS = {
  requestsPerEmail: [5, 15 * 60],
  requestsPerIp: [30, 15 * 60],
  verificationsPerIp: [60, 15 * 60],
} as const satisfies Record<string, readonly [number, number]>;

export function generateSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * HMAC keyed with the app secret and bound to the code's row id: a leaked table alone does not
 * let anyone try the 10⁶ candidates offline, and equal codes never hash alike.
 */
export function hashSignInCode(secret: string, codeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${codeId}:${code}`).digest('hex');
}

export function signInCodeMatches(
  secret: string,
  codeId: string,
  code: string,
  stored: string,
): boolean {
  return safeEqual(hashSignInCode(secret, codeId, code), stored);
}
