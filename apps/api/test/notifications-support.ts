import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SeededTenant } from './support/seed';
import type { TestApi } from './support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: assertions read JSON bodies of many shapes.
type Json = any;

/** Polls `check` until it returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const uniqueEmail = (tag = 'lead') =>
  `${tag}-${randomBytes(4).toString('hex')}@example-${randomBytes(3).toString('hex')}.com`;

/** A lead submitted by a partner through the API (so lead.created fires). */
export async function submitLead(
  api: TestApi,
  partnerToken: string,
  body: Record<string, unknown> = {},
): Promise<Json> {
  const response = await api.http.post(
    '/v1/leads',
    { email: uniqueEmail(), firstName: 'Ada', lastName: 'Lovelace', ...body },
    { token: partnerToken },
  );
  if (response.status !== 201)
    throw new Error(`lead not created: ${response.status} ${response.text}`);
  return response.body;
}

/** The company moves a lead (lead.stage_changed fires). */
export async function moveLead(
  api: TestApi,
  tenant: SeededTenant,
  leadId: string,
  stage: string,
  reason?: string,
): Promise<Json> {
  const response = await api.http.post(
    `/v1/leads/${leadId}/stage`,
    { stage, ...(reason ? { reason } : {}) },
    { token: tenant.apiKey },
  );
  if (response.status !== 200)
    throw new Error(`stage not changed: ${response.status} ${response.text}`);
  return response.body;
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Status codes to answer `path` with, in order; after the list runs out, 200. */
  respondWith(path: string, statuses: number[]): void;
  close(): Promise<void>;
}

/** A real HTTP server standing in for a company's webhook endpoint. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const statuses = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = statuses.get(request.url ?? '/')?.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(status >= 400 ? `failed with ${status}: ${'x'.repeat(3000)}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (path, list) => {
      statuses.set(path, [...list]);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The seeded partner at `index` (throws rather than asserting non-null). */
export function partnerOf(tenant: SeededTenant, index: number): SeededTenant['partners'][number] {
  const partner = tenant.partners[index];
  if (!partner) throw new Error(`the tenant has no partner ${index}`);
  return partner;
}
