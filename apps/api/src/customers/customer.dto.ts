import { type CustomerStatus, customerStatusSchema, moneySchema } from '@leadbridge/core';
import { z } from 'zod/mini';
import { leadPartnerSchema } from '../leads/lead.dto';

export const customerLeadSummarySchema = z
  .object({
    id: z.string(),
    email: z.string(),
    firstName: z.nullable(z.string()),
    lastName: z.nullable(z.string()),
    company: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'CustomerLeadSummary' });

/** A won lead as a customer: its status (signed_up → paid) and revenue so far. */
export const customerSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partner: leadPartnerSchema,
    lead: customerLeadSummarySchema,
    status: customerStatusSchema,
    revenue: moneySchema,
    wonAt: z.string(),
    firstPaidAt: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'Customer' });

export type CustomerDto = z.infer<typeof customerSchema>;

export const customerTransactionSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    externalId: z.string(),
    amount: moneySchema,
    description: z.nullable(z.string()),
    occurredAt: z.string(),
    createdAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'CustomerTransaction' });

export type CustomerTransactionDto = z.infer<typeof customerTransactionSchema>;

export interface CustomerRecord {
  id: string;
  companyId: string;
  programId: string;
  partnerId: string;
  leadId: string;
  status: CustomerStatus;
  revenueAmount: number;
  currency: string;
  wonAt: Date;
  firstPaidAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CustomerDtoContext {
  partnerName: string;
  lead: {
    email: string;
    firstName: string | null;
    lastName: string | null;
    companyName: string | null;
  };
}

export function toCustomerDto(customer: CustomerRecord, context: CustomerDtoContext): CustomerDto {
  return {
    id: customer.id,
    programId: customer.programId,
    partner: { id: customer.partnerId, name: context.partnerName },
    lead: {
      id: customer.leadId,
      email: context.lead.email,
      firstName: context.lead.firstName,
      lastName: context.lead.lastName,
      company: context.lead.companyName,
    },
    status: customer.status,
    revenue: { amount: customer.revenueAmount, currency: customer.currency },
    wonAt: customer.wonAt.toISOString(),
    firstPaidAt: customer.firstPaidAt ? customer.firstPaidAt.toISOString() : null,
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
}

export interface TransactionRecord {
  id: string;
  customerId: string;
  externalId: string;
  amount: number;
  currency: string;
  description: string | null;
  occurredAt: Date;
  createdAt: Date;
}

export function toTransactionDto(transaction: TransactionRecord): CustomerTransactionDto {
  return {
    id: transaction.id,
    customerId: transaction.customerId,
    externalId: transaction.externalId,
    amount: { amount: transaction.amount, currency: transaction.currency },
    description: transaction.description,
    occurredAt: transaction.occurredAt.toISOString(),
    createdAt: transaction.createdAt.toISOString(),
  };
}
