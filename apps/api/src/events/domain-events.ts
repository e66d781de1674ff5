import type { StageLabels } from '@leadbridge/core';
import type { Actor } from '../common/auth/principal';

/**
 * Facts that other features react to inside the same transaction (commissions, emails, webhook
 * deliveries). `data` is the public JSON payload (what a webhook receiver gets).
 */
export interface DomainEvent<T extends string = DomainEventType> {
  type: T;
  companyId: string;
  /** Unique per fact; reused on retries so reactions stay exactly-once. */
  id: string;
  occurredAt: Date;
  actor: Actor;
  data: Record<string, unknown>;
  /**
   * The program rules the writer already holds (and checked in its own statement), so that
   * reactions need not read the program again. Not part of the public payload.
   */
  program?: EventProgramContext;
}

export interface EventProgramContext {
  programId: string;
  /** As stored (`programs.offer`); reactions validate it with core's offerSchema. */
  offer: unknown;
  stageLabels: StageLabels | null;
}

/** What is known of an event before it happens: enough to ask who would react. */
export type DomainEventProbe = Pick<DomainEvent, 'type' | 'companyId' | 'program'>;

export const DOMAIN_EVENT_TYPES = [
  'lead.created',
  'lead.updated',
  'lead.stage_changed',
  'customer.created',
  'transaction.created',
  'commission.created',
  'commission.updated',
  'import.completed',
  'message.created',
  'partner.applied',
  'partner.approved',
] as const;

export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** The events companies can subscribe webhooks to. */
export const WEBHOOK_EVENT_TYPES = [
  'lead.created',
  'lead.updated',
  'lead.stage_changed',
  'customer.created',
  'transaction.created',
  'commission.created',
  'import.completed',
  'partner.applied',
  'partner.approved',
] as const satisfies readonly DomainEventType[];
