import type { WebhookEvent } from './events.js';

/**
 * Standard Webhooks verification (https://www.standardwebhooks.com) with Web Crypto only, so
 * it runs unchanged in Node ≥ 20, Deno, Bun, edge runtimes and browsers.
 */

/** Why a webhook was refused. */
export type WebhookVerificationCode =
  | 'missing_headers'
  | 'invalid_secret'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_signature'
  | 'invalid_payload';

/** Thrown by {@link verifyWebhook} when a request is not a genuine, fresh Leadbridge webhook. */
export class WebhookVerificationError extends Error {
  readonly code: WebhookVerificationCode;

  constructor(code: WebhookVerificationCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.code = code;
  }
}

/** Request headers as a `Headers` object (fetch) or a plain object (Node's `req.headers`). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way. Default 300 s (5 minutes). */
  toleranceSeconds?: number;
  /** The current time, for tests. Default `Date.now()`. */
  now?: Date;
}

const SECRET_PREFIX = 'whsec_';

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(
    headers as Record<string, string | string[] | undefined>,
  )) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

function base64Bytes(value: string): Uint8Array | null {
  try {
    const binary = atob(value);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * Checks a webhook request from Leadbridge and returns its parsed event.
 *
 * Pass the **raw** body exactly as received (not re-serialised JSON), the request headers
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`) and the endpoint's signing secret
 * (`whsec_…`). Any of several space-separated signatures may match (during a secret rotation
 * both the new and the old secret sign).
 *
 * @throws {WebhookVerificationError} when a header is missing, the signature does not match,
 * or the timestamp is outside the tolerance (a replayed or delayed message).
 *
 * @example
 * const event = await verifyWebhook(rawBody, request.headers, process.env.LEADBRIDGE_WEBHOOK_SECRET);
 * if (event.type === 'lead.stage_changed') …
 */
export async function verifyWebhook<T = WebhookEvent>(
  payload: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<T> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'Missing webhook-id, webhook-timestamp or webhook-signature header.',
    );
  }
  if (!/^\d+$/.test(timestamp)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'webhook-timestamp is not a Unix time.',
    );
  }
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const sentAt = Number(timestamp);
  if (sentAt < nowSeconds - tolerance) {
    throw new WebhookVerificationError('timestamp_too_old', 'The webhook timestamp is too old.');
  }
  if (sentAt > nowSeconds + tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      'The webhook timestamp is in the future.',
    );
  }

  const keyBytes = base64Bytes(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
  );
  if (!keyBytes || keyBytes.length === 0) {
    throw new WebhookVerificationError('invalid_secret', 'The signing secret is not valid base64.');
  }
  const encoder = new TextEncoder();
  const body =
    typeof payload === 'string'
      ? encoder.encode(payload)
      : payload instanceof Uint8Array
        ? payload
        : new Uint8Array(payload);
  const signed = concat(encoder.encode(`${id}.${timestamp}.`), body);
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  let matched = false;
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const signature = base64Bytes(value);
    // subtle.verify compares in constant time.
    if (
      signature &&
      (await crypto.subtle.verify(
        'HMAC',
        key,
        signature as Uint8Array<ArrayBuffer>,
        signed as Uint8Array<ArrayBuffer>,
      ))
    ) {
      matched = true;
      break;
    }
  }
  if (!matched) {
    throw new WebhookVerificationError('invalid_signature', 'No webhook signature matches.');
  }
  try {
    return JSON.parse(new TextDecoder().decode(body)) as T;
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The webhook body is not JSON.');
  }
}
