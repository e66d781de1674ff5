import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventProbe } from '../events/domain-events';
import { DomainEventsService } from '../events/domain-events.service';
import { JobsService } from '../jobs/jobs.service';
import { isWebhookEventType } from './webhook-event-types';
import { WEBHOOK_QUEUE, type WebhookJob } from './webhook-queue';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { WebhooksRepository } from './webhooks.repository';

/**
 * The webhook message id: stable for one event (its type and id), so the delivery row, every
 * retry and the receiver's dedupe all agree — and events of two types that share an entity id
 * (a customer and its creation) still get distinct messages.
 */
export function webhookMessageId(event: Pick<DomainEvent, 'type' | 'id'>): string {
  const digest = createHash('sha256').update(`${event.type}:${event.id}`).digest('base64url');
  return `evt_${digest.slice(0, 26)}`;
}

/**
 * For each event a company subscribed to: one delivery row per enabled endpoint and its first
 * job, in the emitting transaction (no event is lost or invented by a crash or a rollback).
 */
@Injectable()
export class WebhookDispatchListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventsService,
    private readonly jobs: JobsService,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly webhooks: WebhooksRepository,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(
      'webhooks',
      (manager, event) => this.dispatch(manager, event),
      (probe) => this.reactsTo(probe),
    );
  }

  private async reactsTo(probe: DomainEventProbe): Promise<boolean> {
    return isWebhookEventType(probe.type) && this.subscriptions.wants(probe.companyId, probe.type);
  }

  private async dispatch(manager: EntityManager, event: DomainEvent): Promise<void> {
    if (!(await this.reactsTo(event))) return;
    const id = webhookMessageId(event);
    const payload = {
      id,
      type: event.type,
      createdAt: event.occurredAt.toISOString(),
      data: event.data,
    };
    // Reads the endpoints again in this transaction: the cache only spares the query when
    // no endpoint wants the event.
    const deliveries = await this.webhooks.insertDeliveries(manager, {
      companyId: event.companyId,
      type: event.type,
      messageId: id,
      payload,
    });
    for (const deliveryId of deliveries) {
      const job: WebhookJob = { deliveryId, attempt: 1, expectedAttempts: 0 };
      await this.jobs.send(WEBHOOK_QUEUE, job, {}, manager);
    }
  }
}
