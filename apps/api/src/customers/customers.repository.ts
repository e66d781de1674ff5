import type { CustomerStatus } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { tenantCondition } from '../common/database/tenant-condition';
import { type Page, pageLimit, toPage } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import {
  type CustomerDto,
  type CustomerRecord,
  type CustomerTransactionDto,
  type TransactionRecord,
  toCustomerDto,
  toTransactionDto,
} from './customer.dto';
import type { ListCustomersQuery } from './customers.dto';

const CUSTOMER_COLUMNS = `c.id, c.company_id, c.program_id, c.partner_id, c.lead_id, c.status,
  c.revenue_amount, c.currency, c.won_at, c.first_paid_at, c.created_at, c.updated_at`;

function viewSelect(source: string): string {
  return `SELECT ${CUSTOMER_COLUMNS},
      ${keysetTimestamp('c.created_at')} AS created_key,
      p.name AS partner_name, l.email AS lead_email, l.first_name AS lead_first_name,
      l.last_name AS lead_last_name, l.company_name AS lead_company_name
    FROM ${source}
    JOIN partners p ON p.id = c.partner_id
    JOIN leads l ON l.id = c.lead_id`;
}

interface CustomerRow {
  id: string;
  company_id: string;
  program_id: string;
  partner_id: string;
  lead_id: string;
  status: CustomerStatus;
  revenue_amount: string;
  currency: string;
  won_at: Date;
  first_paid_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface CustomerViewRow extends CustomerRow {
  created_key: string;
  partner_name: string;
  lead_email: string;
  lead_first_name: string | null;
  lead_last_name: string | null;
  lead_company_name: string | null;
}

interface TransactionRow {
  id: string;
  customer_id: string;
  external_id: string;
  amount: string;
  currency: string;
  description: string | null;
  occurred_at: Date;
  created_at: Date;
}

export function customerFromRow(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    companyId: row.company_id,
    programId: row.program_id,
    partnerId: row.partner_id,
    leadId: row.lead_id,
    status: row.status,
    // bigint arrives as text; minor units stay far below 2^53.
    revenueAmount: Number(row.revenue_amount),
    currency: row.currency,
    wonAt: row.won_at,
    firstPaidAt: row.first_paid_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface CustomerView {
  customer: CustomerRecord;
  dto: CustomerDto;
}

function viewFromRow(row: CustomerViewRow): CustomerView {
  const customer = customerFromRow(row);
  return {
    customer,
    dto: toCustomerDto(customer, {
      partnerName: row.partner_name,
      lead: {
        email: row.lead_email,
        firstName: row.lead_first_name,
        lastName: row.lead_last_name,
        companyName: row.lead_company_name,
      },
    }),
  };
}

function transactionFromRow(row: TransactionRow): TransactionRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    externalId: row.external_id,
    amount: Number(row.amount),
    currency: row.currency,
    description: row.description,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
  };
}

const TRANSACTION_COLUMNS = `t.id, t.customer_id, t.external_id, t.amount, t.currency, t.description,
  t.occurred_at, t.created_at`;

export interface NewCustomer {
  companyId: string;
  programId: string;
  partnerId: string;
  leadId: string;
  currency: string;
  wonAt: Date;
}

export interface NewTransaction {
  companyId: string;
  customerId: string;
  externalId: string;
  amount: number;
  currency: string;
  description: string | null;
  occurredAt: string | null;
}

/** Every query on customers and their transactions, scoped by the caller's TenantScope. */
@Injectable()
export class CustomersRepository {
  constructor(private readonly db: DataSource) {}

  async findView(
    manager: EntityManager | null,
    scope: TenantScope,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<CustomerView | null> {
    const params: unknown[] = [id];
    const rows: CustomerViewRow[] = await (manager ?? this.db.manager).query(
      `${viewSelect('customers c')} WHERE c.id = $1 AND ${tenantCondition(scope, 'c', params)}${options.lock ? ' FOR UPDATE OF c' : ''}`,
      params,
    );
    return rows[0] ? viewFromRow(rows[0]) : null;
  }

  async list(scope: TenantScope, query: ListCustomersQuery): Promise<Page<CustomerDto>> {
    const limit = pageLimit(query.limit);
    const params: unknown[] = [];
    const conditions = [tenantCondition(scope, 'c', params)];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `c.status = ${p}`, query.status);
    if (query.partnerId) add((p) => `c.partner_id = ${p}`, query.partnerId);
    if (query.programId) add((p) => `c.program_id = ${p}`, query.programId);
    if (query.cursor) {
      conditions.push(
        afterCursor(decodeTimeIdCursor(query.cursor), { time: 'c.created_at', id: 'c.id' }, params),
      );
    }
    params.push(limit + 1);
    const order = 'ORDER BY c.created_at DESC, c.id DESC';
    const inner = `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE ${conditions.join(' AND ')} ${order} LIMIT $${params.length}`;
    const rows: CustomerViewRow[] = await this.db.query(
      `${viewSelect(`(${inner}) c`)} ${order}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (row) => viewFromRow(row).dto,
      (row) => [row.created_key, row.id],
    );
  }

  /** The customer of a won lead; null when the lead already has one (exactly one per lead). */
  async insert(manager: EntityManager, customer: NewCustomer): Promise<CustomerRecord | null> {
    const rows: CustomerRow[] = await manager.query(
      `INSERT INTO customers (company_id, program_id, partner_id, lead_id, status, currency, won_at)
       VALUES ($1, $2, $3, $4, 'signed_up', $5, $6)
       ON CONFLICT (lead_id, company_id) DO NOTHING
       RETURNING ${CUSTOMER_COLUMNS.replaceAll('c.', '')}`,
      [
        customer.companyId,
        customer.programId,
        customer.partnerId,
        customer.leadId,
        customer.currency,
        customer.wonAt,
      ],
    );
    return rows[0] ? customerFromRow(rows[0]) : null;
  }

  /** Records a transaction; null when one with this externalId already exists. */
  async insertTransaction(
    manager: EntityManager,
    transaction: NewTransaction,
  ): Promise<TransactionRecord | null> {
    const rows: TransactionRow[] = await manager.query(
      `INSERT INTO transactions (company_id, customer_id, external_id, amount, currency, description, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()))
       ON CONFLICT (customer_id, external_id, company_id) DO NOTHING
       RETURNING ${TRANSACTION_COLUMNS.replaceAll('t.', '')}`,
      [
        transaction.companyId,
        transaction.customerId,
        transaction.externalId,
        transaction.amount,
        transaction.currency,
        transaction.description,
        transaction.occurredAt,
      ],
    );
    return rows[0] ? transactionFromRow(rows[0]) : null;
  }

  async findTransactionByExternalId(
    manager: EntityManager,
    companyId: string,
    customerId: string,
    externalId: string,
  ): Promise<TransactionRecord | null> {
    const rows: TransactionRow[] = await manager.query(
      `SELECT ${TRANSACTION_COLUMNS} FROM transactions t
        WHERE t.company_id = $1 AND t.customer_id = $2 AND t.external_id = $3`,
      [companyId, customerId, externalId],
    );
    return rows[0] ? transactionFromRow(rows[0]) : null;
  }

  async updateRevenue(
    manager: EntityManager,
    customer: CustomerRecord,
    change: { revenueAmount: number; status: CustomerStatus; firstPaidAt: Date | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE customers SET revenue_amount = $3, status = $4, first_paid_at = $5, updated_at = now()
        WHERE company_id = $1 AND id = $2`,
      [customer.companyId, customer.id, change.revenueAmount, change.status, change.firstPaidAt],
    );
  }

  /** Newest payment first (keyset on occurred_at, id). */
  async listTransactions(
    companyId: string,
    customerId: string,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<CustomerTransactionDto>> {
    const limit = pageLimit(page.limit);
    const params: unknown[] = [companyId, customerId];
    let keyset = '';
    if (page.cursor) {
      const after = afterCursor(
        decodeTimeIdCursor(page.cursor),
        { time: 't.occurred_at', id: 't.id' },
        params,
      );
      keyset = `AND ${after}`;
    }
    params.push(limit + 1);
    const rows: (TransactionRow & { occurred_key: string })[] = await this.db.query(
      `SELECT ${TRANSACTION_COLUMNS},
              ${keysetTimestamp('t.occurred_at')} AS occurred_key
         FROM transactions t
        WHERE t.company_id = $1 AND t.customer_id = $2 ${keyset}
        ORDER BY t.occurred_at DESC, t.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (row) => toTransactionDto(transactionFromRow(row)),
      (row) => [row.occurred_key, row.id],
    );
  }
}
