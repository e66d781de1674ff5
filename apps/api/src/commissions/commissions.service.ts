import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { allowedCommissionTransitions, canTransitionCommission } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import type { HttpReply } from '../common/http/http';
import { type Page, pageLimit } from '../common/pagination/cursor';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { DomainEventsService } from '../events/domain-events.service';
import type {
  BulkCommissionResult,
  BulkCommissionStatusBody,
  CommissionDto,
  CommissionFilters,
  CommissionTotalsDto,
  ListCommissionsQuery,
} from './commissions.dto';
import { CommissionsRepository } from './commissions.repository';
import { commissionCsvHeader, commissionCsvRow } from './commissions-csv';

/** Reviewing and paying out commissions; earning them is CommissionTriggersListener's job. */
@Injectable()
export class CommissionsService {
  constructor(
    private readonly db: DataSource,
    private readonly commissions: CommissionsRepository,
    private readonly events: DomainEventsService,
  ) {}

  list(scope: TenantScope, query: ListCommissionsQuery): Promise<Page<CommissionDto>> {
    const { limit, cursor, ...filters } = query;
    return this.commissions.list(this.db.manager, scope, filters, pageLimit(limit), cursor);
  }

  async get(scope: TenantScope, id: string): Promise<CommissionDto> {
    const found = (await this.commissions.findByIds(this.db.manager, scope, [id])).get(id);
    if (!found) throw notFound('Commission');
    return found;
  }

  totals(scope: TenantScope, filters: CommissionFilters): Promise<CommissionTotalsDto> {
    return this.commissions.totals(this.db.manager, scope, filters);
  }

  /**
   * One transaction, rows locked, each id answered on its own (in the order asked): a missing
   * or refused id does not stop the others. Asking for the status a commission already has is
   * a success without a change, so a retried request is harmless.
   */
  async bulkStatus(
    actor: Actor,
    scope: TenantScope,
    body: BulkCommissionStatusBody,
  ): Promise<{ results: BulkCommissionResult[] }> {
    const ids = [...new Set(body.ids)];
    const to = body.status;
    return this.db.transaction(async (manager) => {
      const current = await this.commissions.lockStatuses(manager, scope, ids);
      const statusOf = new Map(current.map((row) => [row.id, row.status]));
      const changing = ids.filter((id) => {
        const from = statusOf.get(id);
        return from !== undefined && canTransitionCommission(from, to);
      });
      if (changing.length > 0) {
        await this.commissions.setStatus(manager, scope.companyId, changing, {
          status: to,
          actor,
          reason: body.reason || null,
        });
      }
      const dtos = await this.commissions.findByIds(manager, scope, ids);
      for (const id of changing) {
        const commission = dtos.get(id);
        if (!commission) continue;
        await this.events.emit(manager, {
          type: 'commission.updated',
          companyId: scope.companyId,
          id: randomUUID(),
          occurredAt: new Date(commission.updatedAt),
          actor,
          data: { commission, from: statusOf.get(id), to },
        });
      }
      return {
        results: ids.map((id): BulkCommissionResult => {
          const from = statusOf.get(id);
          const commission = dtos.get(id);
          if (from === undefined || !commission) {
            return { id, ok: false, code: 'not_found', detail: 'Commission was not found.' };
          }
          if (changing.includes(id)) return { id, ok: true, changed: true, commission };
          if (from === to) return { id, ok: true, changed: false, commission };
          return {
            id,
            ok: false,
            code: 'invalid_commission_transition',
            detail: `A ${from} commission cannot become ${to}.`,
            allowedStatuses: [...allowedCommissionTransitions(from)],
            commission,
          };
        }),
      };
    });
  }

  /**
   * Streams the filtered commissions as CSV in keyset batches: bounded memory at any size.
   * The reply pipes the stream, so a slow client holds back the next batch, and a client
   * that goes away stops the query (the generator is returned).
   */
  exportCsv(scope: TenantScope, filters: CommissionFilters, response: HttpReply): HttpReply {
    const day = new Date().toISOString().slice(0, 10);
    const batches = this.commissions.stream(this.db.manager, scope, filters);
    async function* csv(): AsyncGenerator<string> {
      yield commissionCsvHeader();
      for await (const rows of batches) yield rows.map(commissionCsvRow).join('');
    }
    response.status(200);
    response.header('Content-Type', 'text/csv; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="commissions-${day}.csv"`);
    response.header('Cache-Control', 'no-store');
    return response.send(Readable.from(csv(), { objectMode: false }));
  }
}
