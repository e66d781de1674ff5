import type { OfferRule } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Page, toPage } from '../common/pagination/cursor';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/pagination/keyset';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { CommissionDto, CommissionFilters, CommissionTotalsDto } from './commissions.dto';

export interface CommissionRow {
  id: string;
  program_id: string;
  partner_id: string;
  partner_name: string;
  lead_id: string;
  first_name: string | null;
  last_name: string | null;
  lead_email: string;
  customer_id: string | null;
  transaction_id: string | null;
  rule: OfferRule;
  description: string;
  amount: string;
  currency: string;
  status: CommissionDto['status'];
  status_changed_at: Date | null;
  status_changed_by: string | null;
  status_changed_by_type: 'user' | 'api_key' | 'system' | null;
  status_changed_by_name: string | null;
  approved_at: Date | null;
  paid_at: Date | null;
  declined_at: Date | null;
  decline_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  cursor_ts: string;
}

const SELECT = `
  SELECT c.id, c.program_id, c.partner_id, p.name AS partner_name, c.lead_id, l.first_name,
         l.last_name, l.email AS lead_email, c.customer_id, c.transaction_id, c.rule,
         c.description, c.amount, c.currency, c.status, c.status_changed_at, c.status_changed_by,
         c.status_changed_by_type, c.status_changed_by_name, c.approved_at, c.paid_at,
         c.declined_at, c.decline_reason, c.version, c.created_at, c.updated_at,
         ${keysetTimestamp('c.created_at')} AS cursor_ts
    FROM commissions c
    JOIN partners p ON p.id = c.partner_id AND p.company_id = c.company_id
    JOIN leads l ON l.id = c.lead_id AND l.company_id = c.company_id`;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toCommissionDto(row: CommissionRow, forPartner: boolean): CommissionDto {
  const leadName = [row.first_name, row.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return {
    id: row.id,
    programId: row.program_id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    leadId: row.lead_id,
    leadName: leadName || row.lead_email,
    leadEmail: row.lead_email,
    customerId: row.customer_id,
    transactionId: row.transaction_id,
    kind: row.rule.kind,
    description: row.description,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    statusChangedAt: iso(row.status_changed_at),
    statusChangedBy:
      forPartner || !row.status_changed_by_type
        ? null
        : {
            type: row.status_changed_by_type,
            id: row.status_changed_by,
            name: row.status_changed_by_name,
          },
    approvedAt: iso(row.approved_at),
    paidAt: iso(row.paid_at),
    declinedAt: iso(row.declined_at),
    declineReason: row.decline_reason,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function filterSql(scope: TenantScope, filters: CommissionFilters, params: unknown[]): string {
  const where = [scope.sql('c', params)];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`c.${column} = $${params.length}`);
  };
  add('status', filters.status);
  add('partner_id', filters.partnerId);
  add('program_id', filters.programId);
  add('lead_id', filters.leadId);
  add('customer_id', filters.customerId);
  return where.join(' AND ');
}

/** Keyset lists, totals and lookups of commissions, every one scoped by the caller's tenant. */
@Injectable()
export class CommissionsRepository {
  async list(
    manager: EntityManager,
    scope: TenantScope,
    filters: CommissionFilters,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<CommissionDto>> {
    const params: unknown[] = [];
    let where = filterSql(scope, filters, params);
    if (cursor) {
      where += ` AND ${afterCursor(decodeTimeIdCursor(cursor), { time: 'c.created_at', id: 'c.id' }, params)}`;
    }
    params.push(limit + 1);
    const rows: CommissionRow[] = await manager.query(
      `${SELECT} WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (row) => toCommissionDto(row, scope.isPartner),
      (row) => [row.cursor_ts, row.id],
    );
  }

  async findByIds(
    manager: EntityManager,
    scope: TenantScope,
    ids: string[],
  ): Promise<Map<string, CommissionDto>> {
    const params: unknown[] = [ids];
    const rows: CommissionRow[] = await manager.query(
      `${SELECT} WHERE c.id = ANY($1::uuid[]) AND ${scope.sql('c', params)}`,
      params,
    );
    return new Map(rows.map((row) => [row.id, toCommissionDto(row, scope.isPartner)]));
  }

  async totals(
    manager: EntityManager,
    scope: TenantScope,
    filters: CommissionFilters,
  ): Promise<CommissionTotalsDto> {
    const params: unknown[] = [];
    const rows: { currency: string; status: string; amount: string; count: string }[] =
      await manager.query(
        `SELECT c.currency, c.status, sum(c.amount) AS amount, count(*) AS count
           FROM commissions c WHERE ${filterSql(scope, filters, params)}
          GROUP BY c.currency, c.status ORDER BY c.currency`,
        params,
      );
    const byCurrency = new Map<string, CommissionTotalsDto['data'][number]>();
    for (const row of rows) {
      const entry = byCurrency.get(row.currency) ?? {
        currency: row.currency,
        pending: 0,
        approved: 0,
        paid: 0,
        declined: 0,
        count: 0,
      };
      if (
        row.status === 'pending' ||
        row.status === 'approved' ||
        row.status === 'paid' ||
        row.status === 'declined'
      ) {
        entry[row.status] += Number(row.amount);
      }
      entry.count += Number(row.count);
      byCurrency.set(row.currency, entry);
    }
    return { data: [...byCurrency.values()] };
  }

  /** Batches for the CSV export: the same order and filters as the list. */
  async *stream(
    manager: EntityManager,
    scope: TenantScope,
    filters: CommissionFilters,
    batchSize = 1000,
  ): AsyncGenerator<CommissionRow[]> {
    let cursor: { ts: string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [];
      let where = filterSql(scope, filters, params);
      if (cursor)
        where += ` AND ${afterCursor(cursor, { time: 'c.created_at', id: 'c.id' }, params)}`;
      params.push(batchSize);
      const rows: CommissionRow[] = await manager.query(
        `${SELECT} WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`,
        params,
      );
      if (rows.length > 0) yield rows;
      const last = rows[rows.length - 1];
      if (rows.length < batchSize || !last) return;
      cursor = { ts: last.cursor_ts, id: last.id };
    }
  }
}
