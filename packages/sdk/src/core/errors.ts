import type { components } from '../generated/openapi.js';

/** The API's RFC 9457 problem body (`application/problem+json`). */
export type Problem = components['schemas']['Problem'];
/** One field's validation failure, as the API reports it in `Problem.errors`. */
export type FieldIssue = components['schemas']['FieldIssue'];

/** Codes the SDK itself uses when there is no answer from the API to report. */
export type TransportErrorCode = 'network_error' | 'timeout' | 'aborted';

interface LeadbridgeErrorInit {
  status: number;
  code: string;
  detail: string;
  errors?: FieldIssue[];
  problem?: Problem;
  requestId?: string | null;
  cause?: unknown;
}

// A registry-wide symbol, so two copies of the SDK in one page still recognise each other's errors.
const BRAND = Symbol.for('leadbridge.error');

/**
 * Every failure of an SDK call: a problem answered by the API (`status` ≥ 400, `code` as the API
 * sent it, e.g. `duplicate_lead`), or no answer at all (`status` 0, `code` `network_error`,
 * `timeout` or `aborted`).
 */
export class LeadbridgeError extends Error {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Stable snake_case code: the API's problem `code`, or a {@link TransportErrorCode}. */
  readonly code: string;
  /** Human-readable explanation, fit to show a person. */
  readonly detail: string;
  /** Per-field problems (422 `validation_failed`), each with `field`, `code`, `message`. */
  readonly errors: FieldIssue[];
  /** The raw problem body, with extension members such as `current` on a `version_conflict`. */
  readonly problem: Problem | undefined;
  /** The API's `X-Request-Id`, to quote when reporting an issue. */
  readonly requestId: string | null;
  readonly [BRAND] = true;

  constructor(init: LeadbridgeErrorInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'LeadbridgeError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.problem = init.problem;
    this.requestId = init.requestId ?? null;
  }
}

/** True for a {@link LeadbridgeError}, also one thrown by another copy of the SDK. */
export function isLeadbridgeError(value: unknown): value is LeadbridgeError {
  return typeof value === 'object' && value !== null && BRAND in value;
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).code === 'string' &&
    typeof (body as Problem).status === 'number'
  );
}

/** The error for a non-2xx response whose body openapi-fetch already parsed (JSON or text). */
export function errorFromResponse(response: Response, body: unknown): LeadbridgeError {
  const requestId = response.headers.get('x-request-id');
  if (isProblem(body)) {
    return new LeadbridgeError({
      status: response.status,
      code: body.code,
      detail: body.detail ?? body.title ?? `HTTP ${response.status}`,
      errors: Array.isArray(body.errors) ? body.errors : [],
      problem: body,
      requestId,
    });
  }
  // Not a problem body (a proxy's error page, say): keep what there is to read.
  const text = typeof body === 'string' ? body.slice(0, 500) : '';
  return new LeadbridgeError({
    status: response.status,
    code: 'http_error',
    detail: text || `HTTP ${response.status} ${response.statusText}`.trim(),
    requestId,
  });
}
