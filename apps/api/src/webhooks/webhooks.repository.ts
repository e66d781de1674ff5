import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { returnedRows } from '../common/database/returned-rows';
import type { RowOf } from '../common/database/row-of';
import { tenantCondition } from '../common/database/tenant-condition';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { WebhookAttempt } from './webhook-attempt.entity';
import type { WebhookDelivery } from './webhook-delivery.entity';
import type { WebhookEndpoint } from './webhook-endpoint.entity';
import type { WebhookHttpResult } from './webhook-http';
import type { WebhookDeliveryDto } from './webhooks.dto';

/** A delivery with its endpoint, as the sender needs it. */
export type DeliveryToSend = RowOf<WebhookDelivery, 'id' | 'companyId' | 'status' | 'attempts'> &
  RowOf<WebhookEndpoint, 'url' | 'enabled' | 'secret' | 'previousSecret'> & {
    payload: { id: string; type: string; createdAt: string; data: unknown };
    previous_secret_valid: boolean;
  };

/** A row of the delivery log. */
export type DeliveryLogRow = RowOf<
  WebhookDelivery,
  | 'id'
  | 'endpointId'
  | 'eventId'
  | 'attempts'
  | 'status'
  | 'nextAttemptAt'
  | 'lastStatusCode'
  | 'createdAt'
  | 'completedAt'
> & {
  event_type: WebhookDeliveryDto['eventType'];
  payload: WebhookDeliveryDto['payload'];
  cursor_ts: string;
};

export type AttemptRow = RowOf<
  WebhookAttempt,
  'id' | 'deliveryId' | 'attemptedAt' | 'statusCode' | 'latencyMs' | 'responseExcerpt' | 'error'
>;

const DELIVERY_LOG_COLUMNS = `d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.status, d.attempts,
  d.next_attempt_at, d.last_status_code, d.created_at, d.completed_at,
  ${keysetTimestamp('d.created_at')} AS cursor_ts`;

/** Webhook endpoints, deliveries and attempts. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: DataSource) {}

  /** The event types the company's enabled endpoints subscribe to. */
  async subscribedEventTypes(companyId: string): Promise<string[]> {
    const rows: { type: string }[] = await this.db.query(
      `SELECT DISTINCT unnest(events) AS type FROM webhook_endpoints
        WHERE company_id = $1 AND enabled`,
      [companyId],
    );
    return rows.map((row) => row.type);
  }

  /** A new secret; the old one stays valid for `graceHours`. False when no such endpoint. */
  async rotateSecret(
    companyId: string,
    id: string,
    secret: string,
    graceHours: number,
  ): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE webhook_endpoints
          SET previous_secret = secret,
              previous_secret_expires_at = now() + make_interval(hours => $3),
              secret = $4, updated_at = now()
        WHERE company_id = $1 AND id = $2 RETURNING id`,
        [companyId, id, graceHours, secret],
      ),
    );
    return rows.length > 0;
  }

  /**
   * One delivery per enabled endpoint subscribed to the event type (none twice for one
   * event); answers the new deliveries' ids.
   */
  async insertDeliveries(
    manager: EntityManager,
    event: { companyId: string; type: string; messageId: string; payload: unknown },
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO webhook_deliveries (company_id, endpoint_id, event_id, event_type, payload, next_attempt_at)
       SELECT e.company_id, e.id, $3, $2, $4::jsonb, now()
         FROM webhook_endpoints e
        WHERE e.company_id = $1 AND e.enabled AND $2 = ANY(e.events)
       ON CONFLICT (endpoint_id, event_id, company_id) DO NOTHING
       RETURNING id`,
      [event.companyId, event.type, event.messageId, JSON.stringify(event.payload)],
    );
    return rows.map((row) => row.id);
  }

  async findDeliveryToSend(id: string): Promise<DeliveryToSend | null> {
    const rows: DeliveryToSend[] = await this.db.query(
      `SELECT d.id, d.company_id, d.status, d.attempts, d.payload, e.url, e.enabled, e.secret,
              e.previous_secret, coalesce(e.previous_secret_expires_at > now(), false) AS previous_secret_valid
         FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.company_id = d.company_id
        WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Counts an attempt on a still-pending delivery that has had `expectedAttempts` so far; false
   * (nothing written) when another job got there first.
   */
  async markAttempted(
    manager: EntityManager,
    delivery: { id: string; expectedAttempts: number },
    outcome: { status: string; statusCode: number | null; nextAttemptAt: Date | null },
  ): Promise<boolean> {
    const updated = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE webhook_deliveries
          SET attempts = attempts + 1, status = $3::text, last_status_code = $4, next_attempt_at = $5,
              completed_at = CASE WHEN $3::text = 'pending' THEN NULL ELSE now() END
        WHERE id = $1 AND attempts = $2 AND status = 'pending'
        RETURNING id`,
        [
          delivery.id,
          delivery.expectedAttempts,
          outcome.status,
          outcome.statusCode,
          outcome.nextAttemptAt,
        ],
      ),
    );
    return updated.length > 0;
  }

  async insertAttempt(
    manager: EntityManager,
    delivery: { id: string; companyId: string },
    result: WebhookHttpResult,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_attempts (company_id, delivery_id, status_code, latency_ms, response_excerpt, error)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        delivery.companyId,
        delivery.id,
        result.statusCode,
        result.latencyMs,
        result.responseExcerpt,
        result.error,
      ],
    );
  }

  async endpointExists(scope: TenantScope, endpointId: string): Promise<boolean> {
    const params: unknown[] = [endpointId];
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM webhook_endpoints e WHERE e.id = $1 AND ${tenantCondition(scope, 'e', params, { owned: false })}`,
      params,
    );
    return rows.length > 0;
  }

  /** A keyset page (newest first) of an endpoint's deliveries: `limit + 1` rows at most. */
  async listDeliveries(
    scope: TenantScope,
    endpointId: string,
    options: { status?: string; cursor?: string; limit: number },
  ): Promise<DeliveryLogRow[]> {
    const params: unknown[] = [endpointId];
    const where = [`d.endpoint_id = $1`, tenantCondition(scope, 'd', params, { owned: false })];
    if (options.status) {
      params.push(options.status);
      where.push(`d.status = $${params.length}`);
    }
    if (options.cursor) {
      where.push(
        afterCursor(
          decodeTimeIdCursor(options.cursor),
          { time: 'd.created_at', id: 'd.id' },
          params,
        ),
      );
    }
    params.push(options.limit + 1);
    return this.db.query(
      `SELECT ${DELIVERY_LOG_COLUMNS} FROM webhook_deliveries d
        WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** Makes the delivery pending again, due now; null when the scope has no such delivery. */
  async resetDelivery(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
  ): Promise<DeliveryLogRow | null> {
    const params: unknown[] = [id];
    const rows = returnedRows<DeliveryLogRow>(
      await manager.query(
        `UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = now(), completed_at = NULL
        WHERE d.id = $1 AND ${tenantCondition(scope, 'd', params, { owned: false })}
        RETURNING ${DELIVERY_LOG_COLUMNS}`,
        params,
      ),
    );
    return rows[0] ?? null;
  }

  /** The attempts of the deliveries, oldest first. */
  async attempts(scope: TenantScope, deliveryIds: string[]): Promise<AttemptRow[]> {
    const params: unknown[] = [deliveryIds];
    return this.db.query(
      `SELECT a.id, a.delivery_id, a.attempted_at, a.status_code, a.latency_ms, a.response_excerpt, a.error
         FROM webhook_attempts a
        WHERE a.delivery_id = ANY($1::uuid[]) AND ${tenantCondition(scope, 'a', params, { owned: false })}
        ORDER BY a.attempted_at, a.id`,
      params,
    );
  }
}
