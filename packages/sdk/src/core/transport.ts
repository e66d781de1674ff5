import { LeadbridgeError } from './errors.js';

/** What one call may do: how long each attempt may take, how often to try again. */
export interface AttemptPolicy {
  timeoutMs: number;
  maxRetries: number;
  /**
   * False when the body is a stream: it can be sent once only (keeping a copy to resend would
   * hold the whole upload in memory).
   */
  replayable: boolean;
}

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server asking for a longer pause than this gets its error back instead of a hung call. */
const MAX_RETRY_AFTER_MS = 60_000;
/** 409s the idempotency layer answers while the first request with the key is still running. */
const RETRYABLE_CONFLICTS = new Set(['idempotency_in_progress', 'idempotency_conflict']);

class TimeoutSignal {}

/** Exponential backoff with jitter (50–100 % of the step), so clients retrying together spread out. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(step * (0.5 + random() * 0.5));
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(response: Response, now: number = Date.now()): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function isRetryable(response: Response): Promise<boolean> {
  if (response.status === 429) return true;
  if (response.status >= 500) return response.status !== 501;
  if (response.status !== 409) return false;
  try {
    const body: unknown = await response.clone().json();
    return (
      typeof body === 'object' &&
      body !== null &&
      RETRYABLE_CONFLICTS.has(String((body as { code?: unknown }).code))
    );
  } catch {
    return false;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortedError(signal.reason));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedError(cause: unknown): LeadbridgeError {
  return new LeadbridgeError({
    status: 0,
    code: 'aborted',
    detail: 'The request was aborted.',
    cause,
  });
}

/** One attempt, cut off after `timeoutMs`, and at once when the caller's signal aborts. */
async function attempt(
  fetchImpl: FetchLike,
  request: Request,
  timeoutMs: number,
): Promise<Response> {
  const caller = request.signal;
  if (caller.aborted) throw abortedError(caller.reason);
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller.reason);
  caller.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new TimeoutSignal()), timeoutMs);
  try {
    return await fetchImpl(new Request(request, { signal: controller.signal }));
  } catch (error) {
    if (controller.signal.reason instanceof TimeoutSignal) {
      throw new LeadbridgeError({
        status: 0,
        code: 'timeout',
        detail: `No response from the Leadbridge API within ${timeoutMs} ms.`,
        cause: error,
      });
    }
    if (caller.aborted) throw abortedError(error);
    throw new LeadbridgeError({
      status: 0,
      code: 'network_error',
      detail: `Could not reach the Leadbridge API: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    caller.removeEventListener('abort', onAbort);
  }
}

/**
 * Sends `request`, trying again on network errors, timeouts, 429 and 5xx (and the 409 an
 * in-flight idempotent request gets), honouring `Retry-After`. The request is resent as is —
 * same `Idempotency-Key` included — so a retried write never happens twice on the server.
 */
export async function sendWithRetries(
  fetchImpl: FetchLike,
  request: Request,
  policy: AttemptPolicy,
): Promise<Response> {
  const retries = policy.replayable ? Math.max(0, policy.maxRetries) : 0;
  for (let tried = 0; ; tried++) {
    const isLast = tried >= retries;
    // Each try but the last sends a copy, so the original body is still there to send again.
    const outgoing = isLast ? request : request.clone();
    let response: Response;
    try {
      response = await attempt(fetchImpl, outgoing, policy.timeoutMs);
    } catch (error) {
      if (isLast || (error instanceof LeadbridgeError && error.code === 'aborted')) throw error;
      await pause(backoffDelay(tried), request.signal);
      continue;
    }
    if (isLast || !(await isRetryable(response))) return response;
    const wait = retryAfterMs(response) ?? backoffDelay(tried);
    if (wait > MAX_RETRY_AFTER_MS) return response;
    await response.body?.cancel().catch(() => {});
    await pause(wait, request.signal);
  }
}
