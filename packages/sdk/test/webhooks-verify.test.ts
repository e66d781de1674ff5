import { randomBytes } from 'node:crypto';
import { Leadbridge } from '@leadbridge/sdk';
import { verify, WebhookVerificationError } from '@leadbridge/sdk/webhooks';
import { Webhook } from 'standardwebhooks';

// Signed by `standardwebhooks` — the library the API signs deliveries with — so these tests
// prove the SDK accepts exactly what the API sends.
const secret = `whsec_${randomBytes(32).toString('base64')}`;
const otherSecret = `whsec_${randomBytes(32).toString('base64')}`;
const event = {
  id: 'evt_0123456789abcdefghijklmnop',
  type: 'lead.created',
  createdAt: '2026-01-05T10:00:00.000Z',
  data: { lead: { id: 'f2c1b8a4-4bb1-4d5e-9f7a-2f3c4d5e6f70', email: 'jane@example.com' } },
};
const body = JSON.stringify(event);

function signed(payload: string, at: Date, signingSecret = secret) {
  const id = 'msg_1';
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(signingSecret).sign(id, at, payload),
  };
}

async function refusal(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error('the webhook was accepted');
}

describe('webhook verification', () => {
  it('accepts a correctly signed payload and returns the parsed event', async () => {
    const headers = signed(body, new Date());
    await expect(verify(body, headers, secret)).resolves.toEqual(event);
    // The same function on the client class and on fetch-style Headers and raw bytes.
    await expect(
      Leadbridge.webhooks.verify(new TextEncoder().encode(body), new Headers(headers), secret),
    ).resolves.toEqual(event);
  });

  it('accepts any of several signatures, as sent while a secret is being rotated', async () => {
    const now = new Date();
    const headers = signed(body, now);
    headers['webhook-signature'] =
      `${signed(body, now, otherSecret)['webhook-signature']} ${headers['webhook-signature']}`;
    await expect(verify(body, headers, secret)).resolves.toEqual(event);
  });

  it('rejects a body changed after signing', async () => {
    const headers = signed(body, new Date());
    const tampered = body.replace('jane@example.com', 'mallory@example.com');
    expect((await refusal(verify(tampered, headers, secret))).code).toBe('invalid_signature');
  });

  it('rejects a signature made with another secret', async () => {
    const headers = signed(body, new Date(), otherSecret);
    expect((await refusal(verify(body, headers, secret))).code).toBe('invalid_signature');
  });

  it('rejects a stale timestamp, and one from the future, outside the tolerance', async () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const stale = signed(body, sixMinutesAgo);
    expect((await refusal(verify(body, stale, secret))).code).toBe('timestamp_too_old');
    // A wider tolerance accepts the same message.
    await expect(verify(body, stale, secret, { toleranceSeconds: 600 })).resolves.toEqual(event);
    const future = signed(body, new Date(Date.now() + 6 * 60_000));
    expect((await refusal(verify(body, future, secret))).code).toBe('timestamp_too_new');
  });

  it('rejects a request without the Standard Webhooks headers', async () => {
    const { 'webhook-signature': _dropped, ...headers } = signed(body, new Date());
    expect((await refusal(verify(body, headers, secret))).code).toBe('missing_headers');
  });
});
