import { LEAD_STAGES } from '@leadbridge/core';
import { z } from 'zod/mini';
import { applicationSchema } from '../applications/applications.dto';
import { commissionSchema } from '../commissions/commissions.dto';
import { customerSchema, customerTransactionSchema } from '../customers/customer.dto';
import { importSchema } from '../imports/imports.dto';
import { leadSchema } from '../leads/lead.dto';
import { partnerSchema } from '../partners/partners.dto';
import { type WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-types';

/**
 * What a webhook receiver gets, per event type: `{ id, type, createdAt, data }`. `id` is the
 * same on every retry of one event (also sent as `webhook-id`): receivers dedupe on it.
 */
function event<T extends WebhookEventType, D extends z.ZodMiniType>(
  type: T,
  schemaId: string,
  description: string,
  data: D,
) {
  return z
    .object({
      id: z.string(),
      type: z.literal(type),
      createdAt: z.string(),
      data,
    })
    .register(z.globalRegistry, { id: schemaId, description });
}

const stage = z.enum(LEAD_STAGES);

export const WEBHOOK_EVENT_SCHEMAS = {
  'lead.created': event(
    'lead.created',
    'LeadCreatedWebhookEvent',
    'A partner (or the company) submitted a lead, by form, API or import.',
    z.object({ lead: leadSchema }),
  ),
  'lead.updated': event(
    'lead.updated',
    'LeadUpdatedWebhookEvent',
    "A lead's details were edited.",
    z.object({ lead: leadSchema }),
  ),
  'lead.stage_changed': event(
    'lead.stage_changed',
    'LeadStageChangedWebhookEvent',
    'A lead moved to another stage (`from` → `to`, canonical keys; `lead.stageLabel` is the program label).',
    z.object({ lead: leadSchema, from: stage, to: stage, reason: z.nullable(z.string()) }),
  ),
  'customer.created': event(
    'customer.created',
    'CustomerCreatedWebhookEvent',
    'A lead reached closed_won and became a customer.',
    z.object({ customer: customerSchema }),
  ),
  'transaction.created': event(
    'transaction.created',
    'TransactionCreatedWebhookEvent',
    "A customer's payment (or refund, negative) was recorded.",
    z.object({ transaction: customerTransactionSchema, customer: customerSchema }),
  ),
  'commission.created': event(
    'commission.created',
    'CommissionCreatedWebhookEvent',
    'A partner earned a commission (pending until approved).',
    z.object({ commission: commissionSchema }),
  ),
  'import.completed': event(
    'import.completed',
    'ImportCompletedWebhookEvent',
    'A CSV import finished (status completed) or could not be processed (status failed).',
    z.object({ import: importSchema }),
  ),
  'partner.applied': event(
    'partner.applied',
    'PartnerAppliedWebhookEvent',
    'Someone applied to join a program and confirmed their email (status `pending`, or about to be approved in programs with automatic approval).',
    z.object({ application: applicationSchema }),
  ),
  'partner.approved': event(
    'partner.approved',
    'PartnerApprovedWebhookEvent',
    'An application was approved, by the team or automatically: `partner` is enrolled in the program.',
    z.object({ application: applicationSchema, partner: partnerSchema }),
  ),
} satisfies Record<(typeof WEBHOOK_EVENT_TYPES)[number], z.ZodMiniType>;

export const webhookEventSchema = z
  .union(Object.values(WEBHOOK_EVENT_SCHEMAS))
  .register(z.globalRegistry, {
    id: 'WebhookEvent',
    description:
      'The JSON body POSTed to webhook endpoints, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`).',
  });
