import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface SignedWebhook {
  path: string;
  webhookId: string;
  type: string;
  /** The `data` object of the event. */
  data: Record<string, unknown>;
}

/**
 * A company's webhook endpoint: a real HTTP server that accepts a delivery only when its
 * Standard Webhooks signature verifies (the reference `standardwebhooks` library, with the
 * endpoint's secret) and refuses every other with 401, counting both.
 */
export interface SignedWebhookReceiver {
  url: string;
  /** Deliveries whose signature verified, in arrival order (repeats included). */
  accepted: SignedWebhook[];
  /** Deliveries refused: no secret for the path, or a signature that did not verify. */
  refused: number;
  /** The secret `whsec_…` of the endpoint at `path` (e.g. `/hooks/a`). */
  trust(path: string, secret: string): void;
  close(): Promise<void>;
}

export async function startSignedWebhookReceiver(): Promise<SignedWebhookReceiver> {
  const secrets = new Map<string, Webhook>();
  const receiver: SignedWebhookReceiver = {
    url: '',
    accepted: [],
    refused: 0,
    trust: (path, secret) => {
      secrets.set(path, new Webhook(secret));
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const verifier = secrets.get(path);
      try {
        if (!verifier) throw new Error(`no secret for ${path}`);
        const event = verifier.verify(body, {
          'webhook-id': String(request.headers['webhook-id'] ?? ''),
          'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
        }) as { type: string; data: Record<string, unknown> };
        receiver.accepted.push({
          path,
          webhookId: String(request.headers['webhook-id']),
          type: event.type,
          data: event.data,
        });
        response.writeHead(204).end();
      } catch {
        receiver.refused++;
        response.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
