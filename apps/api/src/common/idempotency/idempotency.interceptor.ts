import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { type Principal, principalKey } from '../auth/principal';
import type { HttpReply, HttpRequest } from '../http/http';
import { ProblemException, validationProblem } from '../problem/problem';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * A key whose "in progress" mark has not been refreshed for this long belongs to a request
 * whose process died (or whose database vanished) before it could answer; the next retry takes
 * it over and runs again. A process refreshes the marks of the requests it is still running
 * every HEARTBEAT_SECONDS, so a slow request is never taken over while its process lives.
 */
const STALE_IN_PROGRESS_SECONDS = 15;
const HEARTBEAT_SECONDS = 5;
/** How long a key's outcome is retried in the background while the database is unreachable. */
const PENDING_RETRY_MS = 10 * 60_000;
/** Answered keys are replayed for a day, then swept. */
const KEEP_HOURS = 24;

/** Response headers that are part of the answer (where the created thing is), kept for replays. */
const REPLAYED_HEADERS = ['location', 'content-location'] as const;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function answerHeaders(response: HttpReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/**
 * `Idempotency-Key` on POST: same key + principal + body replays the first response; the same
 * key with another body is refused (422); a retry while the first is still running gets 409.
 * Server errors (5xx) and rate limiting (429) are not stored, so a retry after one runs again.
 * The replay carries the first answer's status, body and headers such as `Location`.
 * Multipart/streamed bodies (imports) hash what they can see: the route and query.
 *
 * When the database goes away mid-request, the key's outcome (the answer to replay, or the
 * in-progress mark to clear) is written in the background as soon as it is back; the client
 * still gets the answer its request earned. A mark left by a killed process is taken over by a
 * retry once it has gone STALE_IN_PROGRESS_SECONDS without its process's heartbeat, whichever
 * replica the retry reaches (docs/security.md).
 */
@Injectable()
export class IdempotencyInterceptor
  implements NestInterceptor, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('idempotency');
  /** Key outcomes the database could not take yet, retried until it answers. */
  private readonly pending = new Map<string, { write: () => Promise<void>; until: number }>();
  private pendingTimer: NodeJS.Timeout | undefined;
  private retrying = false;
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Keys this process is running a request for, by `company\nprincipal\nkey`. */
  private readonly running = new Map<string, { companyId: string; who: string; key: string }>();
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), HEARTBEAT_SECONDS * 1000);
    this.heartbeatTimer.unref();
    if (!this.config.runWorkers) return;
    this.sweepTimer = setInterval(
      () => void this.sweep(),
      this.config.jobsMaintenanceIntervalSeconds * 1000,
    );
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.heartbeatTimer);
    clearInterval(this.sweepTimer);
    clearInterval(this.pendingTimer);
  }

  /** Keeps the marks of requests still running here from looking abandoned. */
  private async heartbeat(): Promise<void> {
    if (this.running.size === 0) return;
    const marks = [...this.running.values()];
    try {
      await this.keys.refresh(marks);
    } catch (error) {
      this.logger.warn(`refreshing idempotency marks failed: ${(error as Error).message}`);
    }
  }

  /** Deletes answered keys past their replay window (and abandoned marks, long stale). */
  async sweep(): Promise<number> {
    try {
      const count = await this.keys.deleteOlderThan(KEEP_HOURS);
      return count;
    } catch (error) {
      this.logger.warn(`sweeping idempotency keys failed: ${(error as Error).message}`);
      return 0;
    }
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest & { principal?: Principal }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) {
      return next.handle();
    }
    return from(this.run(context, request, request.principal, key, next));
  }

  private async run(
    context: ExecutionContext,
    request: HttpRequest,
    principal: Principal,
    key: string,
    next: CallHandler,
  ): Promise<unknown> {
    if (key.length < 1 || key.length > 255) {
      throw validationProblem([
        {
          field: 'Idempotency-Key',
          code: 'invalid',
          message: 'Idempotency-Key must be 1–255 characters',
        },
      ]);
    }
    const response = context.switchToHttp().getResponse<HttpReply>();
    const who = principalKey(principal);
    const path = request.originalUrl.split('?')[0] ?? request.originalUrl;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${canonical(request.body)}`)
      .digest('hex');
    // A fresh key, or a stale in-progress mark of the same request, is ours to run.
    const claimed = await this.keys.claim(
      { companyId: principal.companyId, who, key },
      { method: request.method, path, hash },
      STALE_IN_PROGRESS_SECONDS,
    );
    if (!claimed) return this.replay(principal, who, key, hash, response);
    const id = `${principal.companyId}\n${who}\n${key}`;
    let body: unknown;
    this.running.set(id, { companyId: principal.companyId, who, key });
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      this.running.delete(id);
      if (error instanceof ProblemException && error.status < 500 && error.status !== 429) {
        await this.settle(id, () =>
          this.store(principal, who, key, error.status, error.toBody(), error.headers),
        );
      } else {
        await this.settle(id, () => this.deleteMark(principal.companyId, who, key));
      }
      throw error;
    }
    this.running.delete(id);
    // The change is made: a retry must get this answer, even if the database is gone right now.
    const status = response.statusCode;
    const headers = answerHeaders(response);
    await this.settle(id, () => this.store(principal, who, key, status, body, headers));
    return body;
  }

  /** Writes a key's outcome now, or, while the database is unreachable, in the background. */
  private async settle(id: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.warn(`idempotency key outcome deferred: ${(error as Error).message}`);
      this.pending.set(id, { write, until: Date.now() + PENDING_RETRY_MS });
      this.pendingTimer ??= setInterval(() => void this.retryPending(), 500);
    }
  }

  private async retryPending(): Promise<void> {
    // A write may wait seconds for a connection; ticks must not pile up behind it.
    if (this.retrying) return;
    this.retrying = true;
    try {
      await this.writePending();
    } finally {
      this.retrying = false;
    }
  }

  private async writePending(): Promise<void> {
    for (const [id, { write, until }] of this.pending) {
      try {
        await write();
        this.pending.delete(id);
      } catch {
        if (Date.now() > until) {
          // The stale-mark takeover is the fallback from here on.
          this.pending.delete(id);
          continue;
        }
        return; // still down: try again on the next tick
      }
    }
    clearInterval(this.pendingTimer);
    this.pendingTimer = undefined;
  }

  private async deleteMark(companyId: string, who: string, key: string): Promise<void> {
    await this.keys.deleteMark({ companyId, who, key });
  }

  private async store(
    principal: Principal,
    who: string,
    key: string,
    status: number,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<void> {
    await this.keys.storeAnswer(
      { companyId: principal.companyId, who, key },
      { status, body, headers },
    );
  }

  private async replay(
    principal: Principal,
    who: string,
    key: string,
    hash: string,
    response: HttpReply,
  ): Promise<unknown> {
    const stored = await this.keys.find({ companyId: principal.companyId, who, key });
    if (!stored) {
      throw new ProblemException(409, 'idempotency_conflict', 'Retry the request.');
    }
    if (stored.request_hash !== hash) {
      throw new ProblemException(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request. Use a new key.',
      );
    }
    if (stored.status_code === null) {
      // Either the first request answers within a second or two, or (its process gone) the mark
      // can be taken over once stale: a client waiting this long meets one or the other.
      const untilStale = Math.ceil(STALE_IN_PROGRESS_SECONDS - stored.age_seconds);
      throw new ProblemException(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still being processed. Retry shortly.',
        {},
        { 'Retry-After': String(Math.min(Math.max(untilStale, 1), STALE_IN_PROGRESS_SECONDS)) },
      );
    }
    response.header('Idempotent-Replayed', 'true');
    const headers = stored.response_headers ?? {};
    if (stored.status_code >= 400) {
      const body = stored.response_body as { code: string; detail: string } & Record<
        string,
        unknown
      >;
      const { type: _type, title: _title, status: _status, code, detail, ...extensions } = body;
      throw new ProblemException(stored.status_code, code, detail, extensions, headers);
    }
    for (const [name, value] of Object.entries(headers)) response.header(name, value);
    response.status(stored.status_code);
    return stored.response_body;
  }
}
