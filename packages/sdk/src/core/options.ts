import type { FetchLike } from './transport.js';

/** How to reach and authenticate with the Leadbridge API. */
export interface LeadbridgeOptions {
  /** Where the API lives, without `/v1`: e.g. `https://api.example.com`. */
  baseUrl: string;
  /** A secret API key `sk_…` — servers only, never ship it to a browser. */
  apiKey?: string;
  /** A partner session token `pt_…` (from `partnerSessions.create` or `partnerSignIn.verify`). */
  sessionToken?: string;
  /**
   * With neither `apiKey` nor `sessionToken`, the SDK uses the browser's cookie session and sends
   * this as `X-CSRF-Token` on writes. It is remembered automatically from `auth.signIn`,
   * `auth.signUp`, `auth.me` and `auth.acceptInvitation`, so it is rarely needed here.
   */
  csrfToken?: string;
  /**
   * Whether a browser sends cookies with each request (`fetch`'s `credentials`). By default it is
   * left to `fetch`, which sends them to the page's own origin only (`same-origin`): right for
   * the admin app served from the API's origin, and for a page calling another origin with a
   * token, which needs no cookies (and whose answer a browser would drop under `include`).
   * `include`: a cookie session on an API at another origin (the API must list that origin in
   * `ADMIN_ORIGINS`). `omit`: never send cookies, even to the page's own origin.
   */
  credentials?: RequestCredentials;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: FetchLike;
  /** Time allowed for each attempt until the response headers arrive. Default 30 000 ms. */
  timeoutMs?: number;
  /** How often a failed request (network error, timeout, 429, 5xx) is tried again. Default 2. */
  maxRetries?: number;
}

/** Per-call settings, accepted as the last argument of every method. */
export interface RequestOptions {
  /** Cancels the call (it then fails with code `aborted`). */
  signal?: AbortSignal;
  /** Overrides {@link LeadbridgeOptions.timeoutMs} for this call. */
  timeoutMs?: number;
  /** Overrides {@link LeadbridgeOptions.maxRetries} for this call. */
  maxRetries?: number;
  /**
   * POST only: the `Idempotency-Key` to send. By default each call gets a fresh random key that
   * stays the same across its retries; pass your own to make retries of *your* operation (e.g.
   * a form submitted twice) safe as well.
   */
  idempotencyKey?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
}
