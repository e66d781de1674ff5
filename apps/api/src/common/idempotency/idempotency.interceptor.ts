import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { type Principal, principalKey } from '../auth/principal';
import { ProblemException, validationProblem } from '../problem/problem';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

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

interface StoredKey {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
}

/**
 * `Idempotency-Key` on POST: same key + principal + body replays the first response; the same
 * key with another body is refused (422); a retry while the first is still running gets 409.
 * Server errors (5xx) are not stored, so a retry after one runs again.
 * Multipart/streamed bodies (imports) hash what they can see: the route and query.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) {
      return next.handle();
    }
    return from(this.run(context, request, request.principal, key, next));
  }

  private async run(
    context: ExecutionContext,
    request: Request,
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
    const response = context.switchToHttp().getResponse<Response>();
    const who = principalKey(principal);
    const path = request.originalUrl.split('?')[0] ?? request.originalUrl;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${canonical(request.body)}`)
      .digest('hex');
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (company_id, principal, key, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING key`,
      [principal.companyId, who, key, request.method, path, hash],
    );
    if (inserted.length === 0) return this.replay(principal, who, key, hash, response);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store(principal, who, key, response.statusCode, body);
      return body;
    } catch (error) {
      if (error instanceof ProblemException && error.status < 500) {
        await this.store(principal, who, key, error.status, error.toBody());
      } else {
        await this.db.query(
          `DELETE FROM idempotency_keys WHERE company_id = $1 AND principal = $2 AND key = $3`,
          [principal.companyId, who, key],
        );
      }
      throw error;
    }
  }

  private async store(
    principal: Principal,
    who: string,
    key: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status_code = $4, response_body = $5
        WHERE company_id = $1 AND principal = $2 AND key = $3`,
      [principal.companyId, who, key, status, JSON.stringify(body ?? null)],
    );
  }

  private async replay(
    principal: Principal,
    who: string,
    key: string,
    hash: string,
    response: Response,
  ): Promise<unknown> {
    const rows: StoredKey[] = await this.db.query(
      `SELECT request_hash, status_code, response_body FROM idempotency_keys
        WHERE company_id = $1 AND principal = $2 AND key = $3`,
      [principal.companyId, who, key],
    );
    const stored = rows[0];
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
      throw new ProblemException(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still being processed. Retry shortly.',
        {},
        { 'Retry-After': '1' },
      );
    }
    response.setHeader('Idempotent-Replayed', 'true');
    if (stored.status_code >= 400) {
      const body = stored.response_body as { code: string; detail: string } & Record<
        string,
        unknown
      >;
      const { type: _type, title: _title, status: _status, code, detail, ...extensions } = body;
      throw new ProblemException(stored.status_code, code, detail, extensions);
    }
    response.status(stored.status_code);
    return stored.response_body;
  }
}
