import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { errorFromResponse } from './errors.js';
import type { LeadbridgeOptions, RequestOptions } from './options.js';
import { type FetchLike, sendWithRetries } from './transport.js';
import { randomUuid } from './uuid.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;

/** What an openapi-fetch call resolves to, reduced to what {@link Core.run} reads. */
interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The per-call part of an openapi-fetch request: headers, signal and the retrying fetch. */
export type CallInit = {
  headers: Record<string, string>;
  signal?: AbortSignal;
  fetch: (request: Request) => Promise<Response>;
};

/**
 * Shared by every resource group: the typed openapi-fetch client, the credentials, and the
 * retry/timeout policy. Resource methods only name the route and its typed parameters.
 *
 * Build one to make a small client of just the groups a page needs (a bundler then leaves the
 * others out): `const core = new Core({ baseUrl, sessionToken }); new LeadsResource(core)`.
 * For a route no group covers: `core.run(core.http.GET('/v1/…', { …, ...core.init('GET') }))`
 * gets the same retries, idempotency keys and `LeadbridgeError`s.
 */
export class Core {
  /** The typed openapi-fetch client for every route of the API. */
  readonly http: Client<paths>;
  /** Echoed as `X-CSRF-Token` on writes in cookie-session mode; refreshed by `auth` calls. */
  csrfToken: string | undefined;
  readonly cookieSession: boolean;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;

  constructor(options: LeadbridgeOptions) {
    if (!options.baseUrl) throw new TypeError('Leadbridge: `baseUrl` is required.');
    const token = options.apiKey ?? options.sessionToken;
    this.cookieSession = token === undefined;
    this.csrfToken = options.csrfToken;
    // Resolved per call, so a test or polyfill that replaces globalThis.fetch later still counts.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.http = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
      // Only when asked: some fetch implementations (Cloudflare Workers') refuse the field.
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    });
  }

  /**
   * Headers, signal and fetch for one call, to spread into an `http` call. A POST gets its
   * `Idempotency-Key` here, once, so every retry of this call carries the same key.
   * `replayable: false` for a streamed body, which can be sent once only.
   */
  init(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    options: RequestOptions = {},
    replayable = true,
  ): CallInit {
    const headers: Record<string, string> = { ...options.headers };
    if (method === 'POST' && !hasHeader(headers, 'idempotency-key')) {
      headers['Idempotency-Key'] = options.idempotencyKey ?? randomUuid();
    }
    if (
      this.cookieSession &&
      method !== 'GET' &&
      this.csrfToken &&
      !hasHeader(headers, 'x-csrf-token')
    ) {
      headers['X-CSRF-Token'] = this.csrfToken;
    }
    const policy = {
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      maxRetries: options.maxRetries ?? this.maxRetries,
      replayable,
    };
    return {
      headers,
      ...(options.signal ? { signal: options.signal } : {}),
      fetch: (request) => sendWithRetries(this.fetchImpl, request, policy),
    };
  }

  /** The response's data, or a `LeadbridgeError` thrown for any non-2xx answer. */
  async run<T>(pending: Promise<Outcome<T>>): Promise<T> {
    const { data, error, response } = await pending;
    if (!response.ok) throw errorFromResponse(response, error);
    return data as T;
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
