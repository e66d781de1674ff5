import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Secrets are stored as SHA-256 digests: high-entropy tokens need no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(prefix = '', bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const PARTNER_TOKEN_PREFIX = 'pt_';

export interface PartnerTokenClaims {
  companyId: string;
  partnerId: string;
  programId: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

interface Encoded {
  c: string;
  p: string;
  g: string;
  e: number;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A short-lived, self-contained partner session (like Stripe's client secrets). */
export function signPartnerToken(secret: string, claims: PartnerTokenClaims): string {
  const encoded: Encoded = {
    c: claims.companyId,
    p: claims.partnerId,
    g: claims.programId,
    e: claims.expiresAt,
  };
  const payload = Buffer.from(JSON.stringify(encoded)).toString('base64url');
  return `${PARTNER_TOKEN_PREFIX}${payload}.${sign(secret, payload)}`;
}

/** The claims of a valid, unexpired token; null for anything else. */
export function verifyPartnerToken(
  secret: string,
  token: string,
  now = Date.now(),
): PartnerTokenClaims | null {
  if (!token.startsWith(PARTNER_TOKEN_PREFIX)) return null;
  const [payload, signature] = token.slice(PARTNER_TOKEN_PREFIX.length).split('.');
  if (!payload || !signature || !safeEqual(signature, sign(secret, payload))) return null;
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Encoded;
    if (typeof decoded.e !== 'number' || decoded.e * 1000 <= now) return null;
    return {
      companyId: decoded.c,
      partnerId: decoded.p,
      programId: decoded.g,
      expiresAt: decoded.e,
    };
  } catch {
    return null;
  }
}
