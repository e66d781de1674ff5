import { addMoney, customerStatusAfterTransaction, type Money } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { notFound, validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { DomainEventsService } from '../events/domain-events.service';
import {
  type CustomerDto,
  type CustomerTransactionDto,
  toCustomerDto,
  toTransactionDto as toDto,
} from './customer.dto';
import type {
  CreateCustomerTransactionBody,
  ListCustomersQuery,
  ListCustomerTransactionsQuery,
} from './customers.dto';
import { CustomersRepository } from './customers.repository';

/** What a won lead brings to its customer. */
export interface WonLead {
  id: string;
  companyId: string;
  programId: string;
  partnerId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
}

export interface RecordedTransaction {
  /** false when the externalId was already recorded: nothing changed. */
  created: boolean;
  transaction: CustomerTransactionDto;
}

@Injectable()
export class CustomersService {
  constructor(
    private readonly db: DataSource,
    private readonly customers: CustomersRepository,
    private readonly events: DomainEventsService,
  ) {}

  list(scope: TenantScope, query: ListCustomersQuery): Promise<Page<CustomerDto>> {
    return this.customers.list(scope, query);
  }

  async get(scope: TenantScope, id: string): Promise<CustomerDto> {
    const view = await this.customers.findView(null, scope, id);
    if (!view) throw notFound('Customer');
    return view.dto;
  }

  async listTransactions(
    scope: TenantScope,
    id: string,
    query: ListCustomerTransactionsQuery,
  ): Promise<Page<CustomerTransactionDto>> {
    const view = await this.customers.findView(null, scope, id);
    if (!view) throw notFound('Customer');
    return this.customers.listTransactions(view.customer.companyId, view.customer.id, query);
  }

  /**
   * Records a payment once per externalId: a repeat returns the first record and changes
   * nothing, so a retrying billing integration can neither double revenue nor commissions.
   */
  async recordTransaction(
    actor: Actor,
    scope: TenantScope,
    id: string,
    body: CreateCustomerTransactionBody,
  ): Promise<RecordedTransaction> {
    return this.db.transaction(async (manager) => {
      // The row lock serialises payments of one customer, so revenue sums never race.
      const view = await this.customers.findView(manager, scope, id, { lock: true });
      if (!view) throw notFound('Customer');
      const customer = view.customer;
      if (body.currency !== customer.currency) {
        throw validationProblem([
          {
            field: 'currency',
            code: 'currency_mismatch',
            message: `currency must be ${customer.currency}, the currency of this customer`,
          },
        ]);
      }
      const inserted = await this.customers.insertTransaction(manager, {
        companyId: customer.companyId,
        customerId: customer.id,
        externalId: body.externalId,
        amount: body.amount,
        currency: body.currency,
        description: body.description ?? null,
        occurredAt: body.occurredAt ?? null,
      });
      if (!inserted) {
        const existing = await this.customers.findTransactionByExternalId(
          manager,
          customer.companyId,
          customer.id,
          body.externalId,
        );
        if (!existing) throw new Error('transaction vanished between insert and read');
        return { created: false, transaction: toDto(existing) };
      }
      const amount: Money = { amount: inserted.amount, currency: inserted.currency };
      const revenue = this.addRevenue(
        { amount: customer.revenueAmount, currency: customer.currency },
        amount,
      );
      const status = customerStatusAfterTransaction(customer.status, amount);
      await this.customers.updateRevenue(manager, customer, {
        revenueAmount: revenue.amount,
        status,
        firstPaidAt: customer.firstPaidAt ?? (status === 'paid' ? inserted.occurredAt : null),
      });
      const updated = await this.customers.findView(manager, scope, id);
      if (!updated) throw new Error('customer vanished inside its own transaction');
      const transaction = toDto(inserted);
      await this.events.emit(manager, {
        type: 'transaction.created',
        companyId: customer.companyId,
        id: inserted.id,
        occurredAt: inserted.createdAt,
        actor,
        data: { transaction, customer: updated.dto },
      });
      return { created: true, transaction };
    });
  }

  /**
   * The customer a lead becomes on reaching closed_won, in the caller's transaction. Null when
   * the lead already has one: a lead yields exactly one customer (unique lead_id).
   */
  async createForWonLead(
    manager: EntityManager,
    lead: WonLead,
    context: { partnerName: string; currency: string; wonAt: Date },
    actor: Actor,
  ): Promise<CustomerDto | null> {
    const customer = await this.customers.insert(manager, {
      companyId: lead.companyId,
      programId: lead.programId,
      partnerId: lead.partnerId,
      leadId: lead.id,
      currency: context.currency,
      wonAt: context.wonAt,
    });
    if (!customer) return null;
    const dto = toCustomerDto(customer, { partnerName: context.partnerName, lead });
    await this.events.emit(manager, {
      type: 'customer.created',
      companyId: customer.companyId,
      id: customer.id,
      occurredAt: customer.createdAt,
      actor,
      data: { customer: dto },
    });
    return dto;
  }

  private addRevenue(revenue: Money, amount: Money): Money {
    try {
      return addMoney(revenue, amount);
    } catch {
      throw validationProblem([
        {
          field: 'amount',
          code: 'out_of_range',
          message: 'revenue would exceed what can be stored',
        },
      ]);
    }
  }
}
