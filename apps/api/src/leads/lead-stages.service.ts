import { canTransition, type LeadStage } from '@leadbridge/core';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import { notFound, ProblemException } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { CustomersService } from '../customers/customers.service';
import { DomainEventsService } from '../events/domain-events.service';
import type { LeadDto } from './lead.dto';
import { invalidStageTransition, versionConflict } from './lead-problems';
import type { BulkStageResult } from './leads.dto';
import { LeadsRepository, viewToDto } from './leads.repository';

export interface StageChange {
  stage: LeadStage;
  reason?: string;
  version?: number;
}

/** Bulk changes run a few leads at a time: parallel enough to be quick, gentle on the pool. */
const BULK_CONCURRENCY = 4;

/** Moving leads through core's stage table; closed_won also makes the customer. */
@Injectable()
export class LeadStagesService {
  private readonly logger = new Logger('LeadStagesService');

  constructor(
    private readonly db: DataSource,
    private readonly leads: LeadsRepository,
    private readonly customers: CustomersService,
    private readonly events: DomainEventsService,
  ) {}

  change(actor: Actor, scope: TenantScope, id: string, change: StageChange): Promise<LeadDto> {
    return this.db.transaction(async (manager) => {
      const view = await this.leads.findView(manager, scope, id, { lock: true });
      if (!view) throw notFound('Lead');
      if (change.version !== undefined && change.version !== view.lead.version) {
        throw versionConflict(viewToDto(view));
      }
      const from = view.lead.stage;
      const to = change.stage;
      if (!canTransition(from, to)) throw invalidStageTransition(from, to, view.stageLabels);
      const lead = await this.leads.changeStage(manager, view.lead.companyId, view.lead.id, to);
      const reason = change.reason?.trim() || null;
      const eventId = await this.leads.insertEvent(manager, {
        companyId: lead.companyId,
        leadId: lead.id,
        type: 'stage_changed',
        actor,
        data: { from, to, reason },
      });
      let customer = view.customer;
      if (to === 'closed_won' && lead.wonAt) {
        const created = await this.customers.createForWonLead(
          manager,
          lead,
          { partnerName: view.partnerName, currency: view.programCurrency, wonAt: lead.wonAt },
          actor,
        );
        if (created) {
          customer = {
            id: created.id,
            status: created.status,
            revenueAmount: created.revenue.amount,
            currency: created.revenue.currency,
          };
        }
      }
      const dto = viewToDto({ ...view, lead, customer });
      await this.events.emit(manager, {
        type: 'lead.stage_changed',
        companyId: lead.companyId,
        id: eventId,
        occurredAt: lead.stageChangedAt,
        actor,
        data: { lead: dto, from, to, reason },
      });
      return dto;
    });
  }

  /**
   * Each lead in its own transaction: one refused or missing lead never undoes the others, and
   * every id gets its own answer, in the order asked.
   */
  async bulkChange(
    actor: Actor,
    scope: TenantScope,
    ids: string[],
    change: Omit<StageChange, 'version'>,
  ): Promise<BulkStageResult[]> {
    const unique = [...new Set(ids)];
    const results = new Map<string, BulkStageResult>();
    let next = 0;
    const worker = async () => {
      while (next < unique.length) {
        const id = unique[next++] as string;
        results.set(id, await this.tryChange(actor, scope, id, change));
      }
    };
    await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, unique.length) }, worker));
    return unique.map((id) => results.get(id) as BulkStageResult);
  }

  private async tryChange(
    actor: Actor,
    scope: TenantScope,
    id: string,
    change: StageChange,
  ): Promise<BulkStageResult> {
    try {
      return { id, ok: true, lead: await this.change(actor, scope, id, change) };
    } catch (error) {
      if (error instanceof ProblemException) {
        return { id, ok: false, code: error.code, detail: error.detail };
      }
      this.logger.error(`bulk stage change of lead ${id} failed`, error);
      return { id, ok: false, code: 'internal_error', detail: 'This lead could not be changed.' };
    }
  }
}
