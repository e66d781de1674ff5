import {
  type CommissionDraft,
  commissionsForStage,
  commissionsForTransaction,
  isLeadStage,
  type LeadStage,
  type Offer,
  offerSchema,
} from '@leadbridge/core';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod/mini';
import { TenantScope } from '../common/tenancy/tenant-scope';
import type { DomainEvent, DomainEventProbe, EventProgramContext } from '../events/domain-events';
import { DomainEventsService } from '../events/domain-events.service';
import { CommissionsRepository } from './commissions.repository';

interface Target {
  programId: string;
  partnerId: string;
  leadId: string;
  customerId: string | null;
  transactionId: string | null;
}

function idOf(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return null;
}

/**
 * Earns commissions from the program's offer, in the transaction of the event that earns them.
 * Each commission's `trigger_key` names the event and the offer rule (`stage:<lead>:<stage>:<rule>`,
 * `txn:<transaction>:<rule>`) and is unique per company, so a retried event, a lead reopened and
 * qualified again, or a transaction recorded twice never pays twice.
 */
@Injectable()
export class CommissionTriggersListener implements OnModuleInit {
  private readonly logger = new Logger('commissions');
  private readonly offers = new WeakMap<object, Offer | null>();

  constructor(
    private readonly events: DomainEventsService,
    private readonly commissions: CommissionsRepository,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(
      'commissions',
      (manager, event) => this.handle(manager, event),
      (probe) => this.reactsTo(probe),
    );
  }

  private reactsTo(probe: DomainEventProbe): boolean {
    if (probe.type === 'lead.created') {
      return probe.program ? this.newLeadDrafts(probe.program).length > 0 : true;
    }
    return probe.type === 'lead.stage_changed' || probe.type === 'transaction.created';
  }

  /** A new lead earns the offer's flat rules for `new`; most offers have none. */
  private newLeadDrafts(program: EventProgramContext): CommissionDraft[] {
    const offer = this.offer(program.offer, program.programId);
    return offer ? commissionsForStage(offer, 'new', { labels: program.stageLabels }) : [];
  }

  private async handle(manager: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type === 'lead.created') {
      const leadId = idOf(event.data, 'lead');
      if (!leadId) return;
      if (event.program) await this.newLead(manager, event, event.program, leadId);
      else await this.leadReachedStage(manager, event, leadId, null);
    } else if (event.type === 'lead.stage_changed') {
      const leadId = idOf(event.data, 'lead');
      const to = event.data.to;
      if (leadId && isLeadStage(to)) await this.leadReachedStage(manager, event, leadId, to);
    } else if (event.type === 'transaction.created') {
      const transactionId = idOf(event.data, 'transaction');
      if (transactionId) await this.transactionRecorded(manager, event, transactionId);
    }
  }

  private offer(raw: unknown, programId: string): Offer | null {
    // The lead hot path hands over the same cached offer object on every submission.
    const known = raw && typeof raw === 'object' ? this.offers.get(raw) : undefined;
    if (known !== undefined) return known;
    const parsed = z.safeParse(offerSchema, raw);
    const offer = parsed.success ? parsed.data : null;
    if (!offer)
      this.logger.warn(`program ${programId} has an invalid offer; no commission computed`);
    if (raw && typeof raw === 'object') this.offers.set(raw, offer);
    return offer;
  }

  /**
   * A lead just created, with the program rules its writer checked in the same statement: the
   * lead's own JSON names the partner, so nothing needs reading (and with no `new` rule,
   * nothing is written).
   */
  private async newLead(
    manager: EntityManager,
    event: DomainEvent,
    program: EventProgramContext,
    leadId: string,
  ): Promise<void> {
    const offer = this.offer(program.offer, program.programId);
    const partnerId = idOf(event.data.lead as Record<string, unknown>, 'partner');
    if (!offer || !partnerId) return;
    const drafts = commissionsForStage(offer, 'new', { labels: program.stageLabels });
    if (drafts.length === 0) return;
    await this.record(
      manager,
      event,
      { programId: program.programId, partnerId, leadId, customerId: null, transactionId: null },
      drafts.map((draft) => ({ draft, triggerKey: `stage:${leadId}:new:${draft.ruleIndex}` })),
      offer,
    );
  }

  /** `stage` null: the lead's current stage (a new lead is in `new`). */
  private async leadReachedStage(
    manager: EntityManager,
    event: DomainEvent,
    leadId: string,
    stage: LeadStage | null,
  ): Promise<void> {
    const row = await this.commissions.leadForTriggers(manager, event.companyId, leadId);
    const reached = stage ?? (row && isLeadStage(row.stage) ? row.stage : null);
    if (!row || !reached) return;
    const offer = this.offer(row.offer, row.program_id);
    if (!offer) return;
    const drafts = commissionsForStage(offer, reached, { labels: row.stage_labels });
    await this.record(
      manager,
      event,
      {
        programId: row.program_id,
        partnerId: row.partner_id,
        leadId,
        customerId: row.customer_id,
        transactionId: null,
      },
      drafts.map((draft) => ({
        draft,
        triggerKey: `stage:${leadId}:${reached}:${draft.ruleIndex}`,
      })),
      offer,
    );
  }

  private async transactionRecorded(
    manager: EntityManager,
    event: DomainEvent,
    transactionId: string,
  ): Promise<void> {
    const row = await this.commissions.transactionForTriggers(
      manager,
      event.companyId,
      transactionId,
    );
    if (!row) return;
    const offer = this.offer(row.offer, row.program_id);
    if (!offer) return;
    const drafts = commissionsForTransaction(offer, {
      wonAt: row.won_at,
      occurredAt: row.occurred_at,
      amount: { amount: Number(row.amount), currency: row.currency },
    });
    await this.record(
      manager,
      event,
      {
        programId: row.program_id,
        partnerId: row.partner_id,
        leadId: row.lead_id,
        customerId: row.customer_id,
        transactionId,
      },
      drafts.map((draft) => ({ draft, triggerKey: `txn:${transactionId}:${draft.ruleIndex}` })),
      offer,
    );
  }

  private async record(
    manager: EntityManager,
    event: DomainEvent,
    target: Target,
    drafts: { draft: CommissionDraft; triggerKey: string }[],
    offer: Offer,
  ): Promise<void> {
    const created: string[] = [];
    for (const { draft, triggerKey } of drafts) {
      const id = await this.commissions.insert(manager, {
        companyId: event.companyId,
        ...target,
        triggerKey,
        rule: offer.rules[draft.ruleIndex],
        description: draft.description,
        amount: draft.amount,
      });
      if (id) created.push(id);
    }
    if (created.length === 0) return;
    const dtos = await this.commissions.findByIds(
      manager,
      TenantScope.company(event.companyId),
      created,
    );
    for (const id of created) {
      const commission = dtos.get(id);
      if (!commission) continue;
      await this.events.emit(manager, {
        type: 'commission.created',
        companyId: event.companyId,
        id,
        occurredAt: new Date(commission.createdAt),
        actor: { type: 'system', id: null, name: null },
        data: { commission },
      });
    }
  }
}
