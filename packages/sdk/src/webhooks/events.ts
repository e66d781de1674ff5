import type { components } from '../generated/openapi.js';

/** The JSON body Leadbridge POSTs to webhook endpoints: one member per event `type`. */
export type WebhookEvent = components['schemas']['WebhookEvent'];
/** The event types an endpoint can subscribe to. */
export type WebhookEventType = WebhookEvent['type'];
