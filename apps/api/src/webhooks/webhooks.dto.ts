import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';
import { webhookEventSchema } from './webhook-events.schemas';

const eventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

const eventsSchema = z.array(eventTypeSchema).check(
  z.minLength(1, 'choose at least one event'),
  z.refine((events) => new Set(events).size === events.length, 'events must not repeat'),
);

const urlSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

export const createWebhookEndpointBody = z
  .strictObject({
    url: urlSchema,
    events: eventsSchema,
    description: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(500)))),
  })
  .register(z.globalRegistry, { id: 'CreateWebhookEndpoint' });
export type CreateWebhookEndpointBody = z.infer<typeof createWebhookEndpointBody>;

export const updateWebhookEndpointBody = z
  .strictObject({
    url: z.optional(urlSchema),
    events: z.optional(eventsSchema),
    description: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(500)))),
    enabled: z.optional(z.boolean()),
  })
  .register(z.globalRegistry, { id: 'UpdateWebhookEndpoint' });
export type UpdateWebhookEndpointBody = z.infer<typeof updateWebhookEndpointBody>;

const endpointShape = {
  id: z.string(),
  url: z.string(),
  description: z.nullable(z.string()),
  events: z.array(eventTypeSchema),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const webhookEndpointSchema = z.object(endpointShape).register(z.globalRegistry, {
  id: 'WebhookEndpoint',
  description:
    'Where and which events are POSTed. The signing secret is only shown when created or rotated.',
});
export type WebhookEndpointDto = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointWithSecretSchema = z
  .object({
    ...endpointShape,
    /** `whsec_…`: verify signatures with it (Standard Webhooks). Shown once; store it now. */
    secret: z.string(),
  })
  .register(z.globalRegistry, { id: 'WebhookEndpointWithSecret' });
export type WebhookEndpointWithSecretDto = z.infer<typeof webhookEndpointWithSecretSchema>;

export const webhookEndpointListSchema = z
  .object({ data: z.array(webhookEndpointSchema) })
  .register(z.globalRegistry, { id: 'WebhookEndpointList' });

export const webhookAttemptSchema = z
  .object({
    id: z.string(),
    attemptedAt: z.string(),
    /** null when no HTTP answer came (refused address, DNS failure, timeout, connection error). */
    statusCode: z.nullable(z.int()),
    latencyMs: z.nullable(z.int()),
    /** The first ≤ 1 kB of the response body. */
    responseExcerpt: z.nullable(z.string()),
    error: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'WebhookAttempt' });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: eventTypeSchema,
    /** Exactly what is POSTed (and signed). */
    payload: webhookEventSchema,
    status: z.enum(['pending', 'succeeded', 'failed']),
    attemptCount: z.int(),
    nextAttemptAt: z.nullable(z.string()),
    lastStatusCode: z.nullable(z.int()),
    createdAt: z.string(),
    completedAt: z.nullable(z.string()),
    /** Every attempt, oldest first. */
    attempts: z.array(webhookAttemptSchema),
  })
  .register(z.globalRegistry, { id: 'WebhookDelivery' });
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryPageSchema = pageSchema(webhookDeliverySchema).register(
  z.globalRegistry,
  { id: 'WebhookDeliveryPage' },
);

export const listWebhookDeliveriesQuery = z.object({
  ...pageQueryShape,
  status: z.optional(z.enum(['pending', 'succeeded', 'failed'])),
});
export type ListWebhookDeliveriesQuery = z.infer<typeof listWebhookDeliveriesQuery>;

export const webhookEventTypeListSchema = z
  .object({
    data: z.array(z.object({ type: eventTypeSchema, description: z.string() })),
  })
  .register(z.globalRegistry, { id: 'WebhookEventTypeList' });
