import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from './domain-events';

export type DomainEventHandler = (manager: EntityManager, event: DomainEvent) => Promise<void>;

/**
 * A synchronous, in-transaction event bus. The writer emits with its transaction's manager;
 * handlers (commissions, notifications, webhooks) write their rows and enqueue their jobs in
 * that same transaction — so a reaction exists exactly when the change committed.
 */
@Injectable()
export class DomainEventsService {
  private readonly handlers: { name: string; handle: DomainEventHandler }[] = [];

  subscribe(name: string, handle: DomainEventHandler): void {
    this.handlers.push({ name, handle });
  }

  async emit(manager: EntityManager, event: DomainEvent): Promise<void> {
    // Handlers may emit further events (commission.created from lead.stage_changed).
    for (const handler of this.handlers) await handler.handle(manager, event);
  }
}
