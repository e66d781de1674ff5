import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import { type Page, pageLimit } from '../common/pagination/cursor';
import {
  afterCursor,
  decodeTimeIdCursor,
  encodeTimeIdCursor,
  keysetTimestamp,
} from '../common/pagination/keyset';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { JobsService } from '../jobs/jobs.service';
import type { WebhookEventType } from './webhook-event-types';
import { WEBHOOK_QUEUE, type WebhookJob } from './webhook-queue';
import type { ListWebhookDeliveriesQuery, WebhookDeliveryDto } from './webhooks.dto';

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: WebhookEventType;
  payload: WebhookDeliveryDto['payload'];
  status: WebhookDeliveryDto['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  created_at: Date;
  completed_at: Date | null;
  cursor_ts: string;
}

interface AttemptRow {
  id: string;
  delivery_id: string;
  attempted_at: Date;
  status_code: number | null;
  latency_ms: number | null;
  response_excerpt: string | null;
  error: string | null;
}

const SELECT = `SELECT d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.status, d.attempts,
                       d.next_attempt_at, d.last_status_code, d.created_at, d.completed_at,
                       ${keysetTimestamp('d.created_at')} AS cursor_ts
                  FROM webhook_deliveries d`;

/** The delivery log (with every attempt) and re-sending from it. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
  ) {}

  async list(
    scope: TenantScope,
    endpointId: string,
    query: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    const endpointParams: unknown[] = [endpointId];
    const endpoint: unknown[] = await this.db.query(
      `SELECT 1 FROM webhook_endpoints e WHERE e.id = $1 AND ${scope.sql('e', endpointParams, { owned: false })}`,
      endpointParams,
    );
    const params: unknown[] = [endpointId];
    if (endpoint.length === 0) throw notFound('Webhook endpoint');
    const limit = pageLimit(query.limit);
    const where = [`d.endpoint_id = $1`, scope.sql('d', params, { owned: false })];
    if (query.status) {
      params.push(query.status);
      where.push(`d.status = $${params.length}`);
    }
    if (query.cursor) {
      where.push(
        afterCursor(decodeTimeIdCursor(query.cursor), { time: 'd.created_at', id: 'd.id' }, params),
      );
    }
    params.push(limit + 1);
    const rows: DeliveryRow[] = await this.db.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const attempts = await this.attempts(
      scope,
      page.map((row) => row.id),
    );
    const last = page[page.length - 1];
    return {
      data: page.map((row) => toDeliveryDto(row, attempts.get(row.id) ?? [])),
      nextCursor: rows.length > limit && last ? encodeTimeIdCursor(last.cursor_ts, last.id) : null,
    };
  }

  /**
   * Sends the delivery again now, with a fresh run of retries, whatever its state (a failed one
   * after the receiver is fixed, or a succeeded one the receiver lost).
   */
  async resend(scope: TenantScope, id: string): Promise<WebhookDeliveryDto> {
    return this.db.transaction(async (manager) => {
      const params: unknown[] = [id];
      const rows = returnedRows<DeliveryRow>(
        await manager.query(
          `UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = now(), completed_at = NULL
          WHERE d.id = $1 AND ${scope.sql('d', params, { owned: false })}
          RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.status, d.attempts,
                    d.next_attempt_at, d.last_status_code, d.created_at, d.completed_at,
                    ${keysetTimestamp('d.created_at')} AS cursor_ts`,
          params,
        ),
      );
      const row = rows[0];
      if (!row) throw notFound('Webhook delivery');
      const job: WebhookJob = { deliveryId: row.id, attempt: 1, expectedAttempts: row.attempts };
      await this.jobs.send(WEBHOOK_QUEUE, job, {}, manager);
      const attempts = await this.attempts(scope, [row.id]);
      return toDeliveryDto(row, attempts.get(row.id) ?? []);
    });
  }

  private async attempts(scope: TenantScope, ids: string[]): Promise<Map<string, AttemptRow[]>> {
    const byDelivery = new Map<string, AttemptRow[]>();
    if (ids.length === 0) return byDelivery;
    const params: unknown[] = [ids];
    const rows: AttemptRow[] = await this.db.query(
      `SELECT a.id, a.delivery_id, a.attempted_at, a.status_code, a.latency_ms, a.response_excerpt, a.error
         FROM webhook_attempts a
        WHERE a.delivery_id = ANY($1::uuid[]) AND ${scope.sql('a', params, { owned: false })}
        ORDER BY a.attempted_at, a.id`,
      params,
    );
    for (const row of rows) {
      const list = byDelivery.get(row.delivery_id) ?? [];
      list.push(row);
      byDelivery.set(row.delivery_id, list);
    }
    return byDelivery;
  }
}

function toDeliveryDto(row: DeliveryRow, attempts: AttemptRow[]): WebhookDeliveryDto {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    payload: row.payload,
    status: row.status,
    attemptCount: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastStatusCode: row.last_status_code,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    attempts: attempts.map((a) => ({
      id: a.id,
      attemptedAt: a.attempted_at.toISOString(),
      statusCode: a.status_code,
      latencyMs: a.latency_ms,
      responseExcerpt: a.response_excerpt,
      error: a.error,
    })),
  };
}
