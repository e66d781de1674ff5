import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST as it arrived: the raw bytes are what a signature covers. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  receivedAt: Date;
}

export interface WebhookReceiver {
  /** e.g. http://127.0.0.1:41234/hooks/leadbridge */
  url: string;
  received: () => ReceivedWebhook[];
  stop: () => Promise<void>;
}

/**
 * A company's webhook endpoint on this machine (`npm start` sets WEBHOOK_ALLOW_PRIVATE=true):
 * keeps every request and answers 204, as a receiver that accepted the event would.
 */
export function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '/',
        headers: request.headers,
        rawBody: Buffer.concat(chunks),
        receivedAt: new Date(),
      });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hooks/leadbridge`,
        received: () => [...received],
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
