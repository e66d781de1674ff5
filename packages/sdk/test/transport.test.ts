import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  isLeadbridgeError,
  Leadbridge,
  type LeadbridgeError,
  type LeadbridgeOptions,
} from '@leadbridge/sdk';

// Retry, timeout and error behaviour against real HTTP servers on localhost that misbehave on
// purpose, so each rule is shown on the wire rather than against a mocked fetch.

interface Seen {
  method: string;
  url: string;
  idempotencyKey: string | undefined;
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, attempt: number) => void;

async function serve(
  handler: Handler,
): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const key = request.headers['idempotency-key'];
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        idempotencyKey: typeof key === 'string' ? key : undefined,
        body,
      });
      handler(request, response, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  response.writeHead(status, { 'content-type': type, 'x-request-id': 'req-42', ...headers });
  response.end(JSON.stringify(body));
}

const lead = { id: 'lead-1', email: 'jane@example.com' };
const problem = (status: number, code: string) => ({
  type: 'about:blank',
  title: code,
  status,
  code,
  detail: `${code} happened`,
});

async function failure(promise: Promise<unknown>): Promise<LeadbridgeError> {
  try {
    await promise;
  } catch (error) {
    expect(isLeadbridgeError(error)).toBe(true);
    return error as LeadbridgeError;
  }
  throw new Error('the call succeeded');
}

describe('retries, timeouts and errors', () => {
  it('retries a POST after 503 and 429 with the same Idempotency-Key', async () => {
    const server = await serve((_request, response, attempt) => {
      if (attempt === 1) json(response, 503, problem(503, 'unavailable'), { 'retry-after': '0' });
      else if (attempt === 2)
        json(response, 429, problem(429, 'rate_limited'), { 'retry-after': '0' });
      else json(response, 201, lead);
    });
    try {
      const lb = new Leadbridge({ baseUrl: server.url, apiKey: 'sk_test' });
      await expect(lb.leads.create({ email: 'jane@example.com' })).resolves.toEqual(lead);
      expect(server.seen).toHaveLength(3);
      const keys = new Set(server.seen.map((request) => request.idempotencyKey));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
      // The body is sent whole on every attempt.
      for (const request of server.seen)
        expect(JSON.parse(request.body)).toEqual({ email: 'jane@example.com' });
    } finally {
      await server.close();
    }
  });

  it('gives each call its own key, and uses the caller’s key when given', async () => {
    const server = await serve((_request, response) => json(response, 201, lead));
    try {
      const lb = new Leadbridge({ baseUrl: server.url, apiKey: 'sk_test' });
      await lb.leads.create({ email: 'a@example.com' });
      await lb.leads.create({ email: 'b@example.com' });
      await lb.leads.create({ email: 'c@example.com' }, { idempotencyKey: 'form-submit-7' });
      const [first, second, third] = server.seen.map((request) => request.idempotencyKey);
      expect(first).not.toBe(second);
      expect(third).toBe('form-submit-7');
      // GETs carry no key.
      await lb.leads.get('lead-1').catch(() => undefined);
      expect(server.seen[3]?.idempotencyKey).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('stops after maxRetries and reports the last problem with its request id', async () => {
    const server = await serve((_request, response) =>
      json(response, 502, problem(502, 'bad_gateway'), { 'retry-after': '0' }),
    );
    try {
      const lb = new Leadbridge({ baseUrl: server.url, apiKey: 'sk_test', maxRetries: 1 });
      const error = await failure(lb.programs.get('00000000-0000-4000-8000-000000000000'));
      expect(server.seen).toHaveLength(2);
      expect(error).toMatchObject({ status: 502, code: 'bad_gateway', requestId: 'req-42' });
    } finally {
      await server.close();
    }
  });

  it('reads Retry-After: a server asking for minutes gets its 429 back instead of a hung call', async () => {
    const server = await serve((_request, response) =>
      json(response, 429, problem(429, 'rate_limited'), { 'retry-after': '120' }),
    );
    try {
      const lb = new Leadbridge({ baseUrl: server.url, apiKey: 'sk_test' });
      const error = await failure(lb.leads.create({ email: 'jane@example.com' }));
      expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(server.seen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('does not retry a client error', async () => {
    const server = await serve((_request, response) =>
      json(response, 404, problem(404, 'not_found')),
    );
    try {
      const lb = new Leadbridge({ baseUrl: server.url, apiKey: 'sk_test' });
      const error = await failure(lb.leads.get('missing'));
      expect(error).toMatchObject({ status: 404, code: 'not_found', detail: 'not_found happened' });
      expect(server.seen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('wraps a timeout as code `timeout`, after retrying it', async () => {
    // Never answers: every attempt runs into the timeout.
    const server = await serve(() => {});
    try {
      const lb = new Leadbridge({
        baseUrl: server.url,
        apiKey: 'sk_test',
        timeoutMs: 150,
        maxRetries: 1,
      });
      const error = await failure(lb.leads.list({ limit: 5 }));
      expect(error).toMatchObject({ status: 0, code: 'timeout' });
      expect(server.seen).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('wraps an unreachable API as code `network_error`', async () => {
    const server = await serve(() => {});
    const { url } = server;
    await server.close();
    const lb = new Leadbridge({ baseUrl: url, apiKey: 'sk_test', maxRetries: 0 });
    const error = await failure(lb.health.check());
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    const server = await serve(() => {});
    try {
      const lb = new Leadbridge({ baseUrl: server.url, apiKey: 'sk_test' });
      const controller = new AbortController();
      const pending = failure(lb.leads.list({}, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      expect(await pending).toMatchObject({ status: 0, code: 'aborted' });
      expect(server.seen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('sends an upload stream once: it cannot be replayed', async () => {
    const server = await serve((_request, response) =>
      json(response, 503, problem(503, 'unavailable')),
    );
    try {
      const lb = new Leadbridge({ baseUrl: server.url, sessionToken: 'pt_test' });
      async function* csv() {
        yield 'Email *\n';
        yield 'jane@example.com\n';
      }
      const error = await failure(lb.imports.create(csv(), { fileName: 'leads.csv' }));
      expect(error.status).toBe(503);
      expect(server.seen).toHaveLength(1);
      expect(server.seen[0]?.body).toBe('Email *\njane@example.com\n');
      expect(server.seen[0]?.url).toBe('/v1/imports?fileName=leads.csv');
    } finally {
      await server.close();
    }
  });
});

describe('credentials', () => {
  // What each request asks the browser to do with cookies, as the fetch it reaches sees it.
  async function credentialsSent(options: Partial<LeadbridgeOptions>): Promise<string[]> {
    const server = await serve((_request, response) => json(response, 200, { status: 'ok' }));
    const sent: string[] = [];
    try {
      const lb = new Leadbridge({
        baseUrl: server.url,
        ...options,
        fetch: (request, init) => {
          sent.push(request.credentials);
          return fetch(request, init);
        },
      });
      await lb.health.check();
      await lb.company.update({ name: 'Acme' }).catch(() => undefined);
      return sent;
    } finally {
      await server.close();
    }
  }

  it('leaves cookies to fetch’s default (same-origin) in every mode', async () => {
    await expect(credentialsSent({})).resolves.toEqual(['same-origin', 'same-origin']);
    await expect(credentialsSent({ sessionToken: 'pt_test' })).resolves.toEqual([
      'same-origin',
      'same-origin',
    ]);
  });

  it('sends cookies cross-origin only when asked, and none when told to omit them', async () => {
    await expect(credentialsSent({ credentials: 'include' })).resolves.toEqual([
      'include',
      'include',
    ]);
    await expect(
      credentialsSent({ sessionToken: 'pt_test', credentials: 'omit' }),
    ).resolves.toEqual(['omit', 'omit']);
  });
});
