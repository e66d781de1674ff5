import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { encodeTimeIdCursor } from '../common/database/keyset';
import { type Page, pageLimit } from '../common/pagination/cursor';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { JobsService } from '../jobs/jobs.service';
import { WEBHOOK_QUEUE, type WebhookJob } from './webhook-queue';
import type { ListWebhookDeliveriesQuery, WebhookDeliveryDto } from './webhooks.dto';
import { type AttemptRow, type DeliveryLogRow, WebhooksRepository } from './webhooks.repository';

/** The delivery log (with every attempt) and re-sending from it. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly webhooks: WebhooksRepository,
  ) {}

  async list(
    scope: TenantScope,
    endpointId: string,
    query: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    if (!(await this.webhooks.endpointExists(scope, endpointId)))
      throw notFound('Webhook endpoint');
    const limit = pageLimit(query.limit);
    const rows = await this.webhooks.listDeliveries(scope, endpointId, {
      status: query.status,
      cursor: query.cursor,
      limit,
    });
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
      const row = await this.webhooks.resetDelivery(manager, scope, id);
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
    const rows = await this.webhooks.attempts(scope, ids);
    for (const row of rows) {
      const list = byDelivery.get(row.delivery_id) ?? [];
      list.push(row);
      byDelivery.set(row.delivery_id, list);
    }
    return byDelivery;
  }
}

function toDeliveryDto(row: DeliveryLogRow, attempts: AttemptRow[]): WebhookDeliveryDto {
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
