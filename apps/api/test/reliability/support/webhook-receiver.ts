import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  webhookId: string;
  type: string;
  /** True once we answered 2xx: the event counts as delivered from the receiver's side. */
  acknowledged: boolean;
}

/**
 * A webhook endpoint under test control. `hold` reads each request and never answers (a slow
 * receiver the sender is stuck on); `accept` answers 204.
 */
export interface WebhookReceiver {
  url: string;
  mode: 'hold' | 'accept';
  received: ReceivedWebhook[];
  /** Requests currently held open. */
  held(): number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const pending = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: '',
    mode: 'accept',
    received: [],
    held: () => pending.size,
    close: async () => {
      for (const response of pending) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string };
      const entry: ReceivedWebhook = {
        webhookId: String(request.headers['webhook-id']),
        type: body.type,
        acknowledged: false,
      };
      receiver.received.push(entry);
      if (receiver.mode === 'hold') {
        pending.add(response);
        response.on('close', () => pending.delete(response));
        return;
      }
      entry.acknowledged = true;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
