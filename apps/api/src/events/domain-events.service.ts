import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventProbe } from './domain-events';

export type DomainEventHandler = (manager: EntityManager, event: DomainEvent) => Promise<void>;

/**
 * Whether a handler would write anything for an event like `probe` (true when unsure). Lets a
 * writer whose change is one statement skip the transaction when nobody reacts.
 */
export type DomainEventInterest = (probe: DomainEventProbe) => boolean | Promise<boolean>;

interface Subscription {
  name: string;
  handle: DomainEventHandler;
  reactsTo: DomainEventInterest;
}

/**
 * A synchronous, in-transaction event bus. The writer emits with its transaction's manager;
 * handlers (commissions, notifications, webhooks) write their rows and enqueue their jobs in
 * that same transaction — so a reaction exists exactly when the change committed.
 */
@Injectable()
export class DomainEventsService {
  private readonly handlers: Subscription[] = [];

  /** `reactsTo` defaults to "every event": a handler that says nothing is always asked. */
  subscribe(name: string, handle: DomainEventHandler, reactsTo?: DomainEventInterest): void {
    this.handlers.push({ name, handle, reactsTo: reactsTo ?? (() => true) });
  }

  async emit(manager: EntityManager, event: DomainEvent): Promise<void> {
    // Handlers may emit further events (commission.created from lead.stage_changed).
    for (const handler of this.handlers) await handler.handle(manager, event);
  }

  /**
   * Would any handler react to an event like `probe`? When not, emitting it would write nothing,
   * so the writer may commit its change without a transaction around it (see LeadsService).
   */
  async hasReactions(probe: DomainEventProbe): Promise<boolean> {
    for (const handler of this.handlers) {
      if (await handler.reactsTo(probe)) return true;
    }
    return false;
  }
}
