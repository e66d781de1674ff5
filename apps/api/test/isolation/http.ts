import type { HttpResponse, TestApi } from '../support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: assertions read JSON bodies of many shapes.
export type Json = any;

/** Who a request is sent as: a bearer token (sk_/pt_), a cookie session, or nobody. */
export type Credentials =
  | { kind: 'bearer'; token: string }
  | { kind: 'cookie'; cookie: string; csrf: string }
  | { kind: 'none' };

export interface SendOptions {
  query?: Record<string, string>;
  body?: unknown;
  /** A raw body with its content type (CSV uploads). */
  raw?: { body: string | Buffer; contentType: string };
}

function authHeaders(credentials: Credentials): Record<string, string> {
  switch (credentials.kind) {
    case 'bearer':
      return { authorization: `Bearer ${credentials.token}` };
    case 'cookie':
      return { cookie: credentials.cookie, 'x-csrf-token': credentials.csrf };
    case 'none':
      return {};
  }
}

/** One request as `credentials`; throws nothing, answers what the API answered. */
export async function send(
  api: TestApi,
  credentials: Credentials,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<HttpResponse<Json>> {
  const query = options.query ? new URLSearchParams(options.query).toString() : '';
  const headers = authHeaders(credentials);
  if (options.raw) {
    return api.http.request(method, query ? `${path}?${query}` : path, {
      headers: { ...headers, 'content-type': options.raw.contentType },
      raw: options.raw.body,
    });
  }
  return api.http.request(method, query ? `${path}?${query}` : path, {
    headers,
    body: options.body,
  });
}

/** Like send(), but insists on a 2xx: for building the world the probes attack. */
export async function must(
  api: TestApi,
  credentials: Credentials,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<Json> {
  const response = await send(api, credentials, method, path, options);
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
  }
  return response.body;
}

export const bearer = (token: string): Credentials => ({ kind: 'bearer', token });

/** Polls `check` until it returns something truthy, or fails naming `what`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
