import type { PartnerEmailKind } from './notification-kinds';

/**
 * An unsubscribe token names the kind and the partner: `<kind>.<partner's unsubscribe token>`.
 * The partner's token is random and stored; rotating it invalidates every old link.
 */
export function unsubscribeToken(kind: PartnerEmailKind, partnerToken: string): string {
  return `${kind}.${partnerToken}`;
}

export function parseUnsubscribeToken(
  token: string,
): { kind: string; partnerToken: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { kind: token.slice(0, dot), partnerToken: token.slice(dot + 1) };
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/v1/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** RFC 2369 + RFC 8058 headers: mail clients show an "Unsubscribe" button that POSTs the URL. */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
