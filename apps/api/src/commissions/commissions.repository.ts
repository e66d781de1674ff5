import type { Money, OfferRule, StageLabels } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { tenantCondition } from '../common/database/tenant-condition';
import { type Page, toPage } from '../common/pagination/cursor';
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
  const where = [tenantCondition(scope, 'c', params)];
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
/** A lead with its program's offer and its customer, as stage triggers read it. */
export interface TriggerLead {
  program_id: string;
  partner_id: string;
  stage: string;
  offer: unknown;
  stage_labels: StageLabels | null;
  customer_id: string | null;
}

/** A payment with its customer and program offer, as payment triggers read it. */
export interface TriggerPayment {
  amount: string;
  currency: string;
  occurred_at: Date;
  customer_id: string;
  won_at: Date;
  lead_id: string;
  partner_id: string;
  program_id: string;
  offer: unknown;
}

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
      `${SELECT} WHERE c.id = ANY($1::uuid[]) AND ${tenantCondition(scope, 'c', params)}`,
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

  /** A lead with its program's offer and its customer, for stage-triggered commissions. */
  async leadForTriggers(
    manager: EntityManager,
    companyId: string,
    leadId: string,
  ): Promise<TriggerLead | null> {
    const rows: TriggerLead[] = await manager.query(
      `SELECT l.program_id, l.partner_id, l.stage, g.offer, g.stage_labels,
              (SELECT cu.id FROM customers cu WHERE cu.company_id = l.company_id AND cu.lead_id = l.id) AS customer_id
         FROM leads l JOIN programs g ON g.id = l.program_id AND g.company_id = l.company_id
        WHERE l.company_id = $1 AND l.id = $2`,
      [companyId, leadId],
    );
    return rows[0] ?? null;
  }

  /** A payment with its customer and program offer, for payment-triggered commissions. */
  async transactionForTriggers(
    manager: EntityManager,
    companyId: string,
    transactionId: string,
  ): Promise<TriggerPayment | null> {
    const rows: TriggerPayment[] = await manager.query(
      `SELECT t.amount, t.currency, t.occurred_at, cu.id AS customer_id, cu.won_at, cu.lead_id,
              cu.partner_id, cu.program_id, g.offer
         FROM transactions t
         JOIN customers cu ON cu.id = t.customer_id AND cu.company_id = t.company_id
         JOIN programs g ON g.id = cu.program_id AND g.company_id = cu.company_id
        WHERE t.company_id = $1 AND t.id = $2`,
      [companyId, transactionId],
    );
    return rows[0] ?? null;
  }

  /** The new commission's id; null when its trigger already earned one. */
  async insert(
    manager: EntityManager,
    commission: {
      companyId: string;
      programId: string;
      partnerId: string;
      leadId: string;
      customerId: string | null;
      transactionId: string | null;
      triggerKey: string;
      rule: OfferRule | undefined;
      description: string;
      amount: Money;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO commissions (company_id, program_id, partner_id, lead_id, customer_id,
                                transaction_id, trigger_key, rule, description, amount, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (company_id, trigger_key) DO NOTHING RETURNING id`,
      [
        commission.companyId,
        commission.programId,
        commission.partnerId,
        commission.leadId,
        commission.customerId,
        commission.transactionId,
        commission.triggerKey,
        JSON.stringify(commission.rule),
        commission.description,
        commission.amount.amount,
        commission.amount.currency,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** The statuses of the scope's commissions among `ids`, row-locked in id order. */
  async lockStatuses(
    manager: EntityManager,
    scope: TenantScope,
    ids: string[],
  ): Promise<{ id: string; status: CommissionDto['status'] }[]> {
    const params: unknown[] = [ids];
    return manager.query(
      `SELECT c.id, c.status FROM commissions c
        WHERE c.id = ANY($1::uuid[]) AND ${tenantCondition(scope, 'c', params)}
        ORDER BY c.id FOR UPDATE`,
      params,
    );
  }

  /** Moves the commissions to `status`, stamping when, by whom and (declines) why. */
  async setStatus(
    manager: EntityManager,
    companyId: string,
    ids: string[],
    change: { status: CommissionDto['status']; actor: Actor; reason: string | null },
  ): Promise<void> {
    const { actor } = change;
    await manager.query(
      `UPDATE commissions SET status = $3::text, version = version + 1, updated_at = now(),
              status_changed_at = now(), status_changed_by = $4, status_changed_by_type = $5,
              status_changed_by_name = $6,
              approved_at = CASE WHEN $3::text = 'approved' THEN now() ELSE approved_at END,
              paid_at = CASE WHEN $3::text = 'paid' THEN now() ELSE paid_at END,
              declined_at = CASE WHEN $3::text = 'declined' THEN now() ELSE declined_at END,
              decline_reason = CASE WHEN $3::text = 'declined' THEN $7 ELSE decline_reason END
        WHERE company_id = $1 AND id = ANY($2::uuid[])`,
      [companyId, ids, change.status, actor.id, actor.type, actor.name, change.reason],
    );
  }
}
