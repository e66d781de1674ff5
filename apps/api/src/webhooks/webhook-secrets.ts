import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** 32 random bytes, base64, with Standard Webhooks' `whsec_` prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** After a rotation the old secret keeps signing this long, so receivers can switch calmly. */
export const PREVIOUS_SECRET_GRACE_HOURS = 24;

/**
 * `webhook-signature` per Standard Webhooks: `v1,<base64 HMAC-SHA256("id.timestamp.body")>` keyed
 * with the base64-decoded secret; during a rotation one signature per valid secret, space-separated.
 */
export function signWebhook(
  secrets: readonly string[],
  messageId: string,
  timestamp: Date,
  body: string,
): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
}
