import {
  type CustomerStatus,
  customerStatusSchema,
  leadStageSchema,
  moneySchema,
  type StageLabels,
  stageLabel,
} from '@leadbridge/core';
import { z } from 'zod/mini';
import type { Lead } from './lead.entity';

export const leadFieldValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
]);

export const leadPartnerSchema = z
  .object({ id: z.string(), name: z.string() })
  .register(z.globalRegistry, { id: 'LeadPartner' });

export const leadCustomerSummarySchema = z
  .object({ id: z.string(), status: customerStatusSchema, revenue: moneySchema })
  .register(z.globalRegistry, { id: 'LeadCustomerSummary' });

/** A lead as every client sees it (API, widget, admin, webhooks). */
export const leadSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partner: leadPartnerSchema,
    stage: leadStageSchema,
    /** The program's name for the stage (programs may rename stages). */
    stageLabel: z.string(),
    email: z.string(),
    firstName: z.nullable(z.string()),
    lastName: z.nullable(z.string()),
    company: z.nullable(z.string()),
    fields: z.record(z.string(), leadFieldValueSchema),
    source: z.enum(['form', 'api', 'import']),
    importId: z.nullable(z.string()),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    stageChangedAt: z.string(),
    wonAt: z.nullable(z.string()),
    customer: z.nullable(leadCustomerSummarySchema),
  })
  .register(z.globalRegistry, {
    id: 'Lead',
    examples: [
      {
        id: '5b1d3c2e-8f4a-4b6c-9d0e-1a2b3c4d5e6f',
        programId: '3f0c1e9a-52b4-4c1d-8e7a-000000000001',
        partner: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Northwind Partners' },
        stage: 'qualified',
        stageLabel: 'Qualified',
        email: 'ada.lovelace@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Analytical Engines Ltd',
        fields: { budget: 25000 },
        source: 'api',
        importId: null,
        version: 2,
        createdAt: '2026-03-02T09:30:00.000Z',
        updatedAt: '2026-03-03T14:05:00.000Z',
        stageChangedAt: '2026-03-03T14:05:00.000Z',
        wonAt: null,
        customer: null,
      },
    ],
  });

export type LeadDto = z.infer<typeof leadSchema>;

/** The customer a won lead became, as far as a lead needs to show it. */
export interface LeadCustomerSummary {
  id: string;
  status: CustomerStatus;
  revenueAmount: number;
  currency: string;
}

/** What a lead's JSON needs beyond its own row. */
export interface LeadDtoContext {
  partnerName: string;
  stageLabels: StageLabels | null;
  customer: LeadCustomerSummary | null;
}

/** The properties of a lead every JSON shows, besides its timestamps. */
export type LeadJsonProperty =
  | 'id'
  | 'programId'
  | 'partnerId'
  | 'stage'
  | 'email'
  | 'firstName'
  | 'lastName'
  | 'companyName'
  | 'fields'
  | 'source'
  | 'importId'
  | 'version';

export type LeadRecord = Pick<Lead, LeadJsonProperty | Timestamps>;

type Timestamps = 'createdAt' | 'updatedAt' | 'stageChangedAt' | 'wonAt';

/**
 * A LeadRecord whose timestamps may already be the API's ISO strings (the list selects them
 * formatted by PostgreSQL, see isoTimestamp, instead of parsing and re-formatting 200 Dates).
 */
export type LeadRecordLike = Omit<LeadRecord, Timestamps> & {
  createdAt: Date | string;
  updatedAt: Date | string;
  stageChangedAt: Date | string;
  wonAt: Date | string | null;
};

const iso = (value: Date | string): string =>
  typeof value === 'string' ? value : value.toISOString();

export function toLeadDto(lead: LeadRecordLike, context: LeadDtoContext): LeadDto {
  const customer = context.customer;
  return {
    id: lead.id,
    programId: lead.programId,
    partner: { id: lead.partnerId, name: context.partnerName },
    stage: lead.stage,
    stageLabel: stageLabel(lead.stage, context.stageLabels),
    email: lead.email,
    firstName: lead.firstName,
    lastName: lead.lastName,
    company: lead.companyName,
    fields: lead.fields ?? {},
    source: lead.source,
    importId: lead.importId,
    version: lead.version,
    createdAt: iso(lead.createdAt),
    updatedAt: iso(lead.updatedAt),
    stageChangedAt: iso(lead.stageChangedAt),
    wonAt: lead.wonAt ? iso(lead.wonAt) : null,
    customer: customer
      ? {
          id: customer.id,
          status: customer.status,
          revenue: { amount: customer.revenueAmount, currency: customer.currency },
        }
      : null,
  };
}

export const leadEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    actor: z.object({
      type: z.enum(['user', 'api_key', 'partner', 'system']),
      name: z.nullable(z.string()),
    }),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'LeadEvent' });

export type LeadEventDto = z.infer<typeof leadEventSchema>;
