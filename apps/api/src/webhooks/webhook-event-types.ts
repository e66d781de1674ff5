import { WEBHOOK_EVENT_TYPES } from '../events/domain-events';

export { WEBHOOK_EVENT_TYPES };
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

/** Shown next to each checkbox in the admin app's webhook form. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventType, string>> = {
  'lead.created': 'A lead was submitted (form, API or import).',
  'lead.updated': "A lead's details were edited.",
  'lead.stage_changed': 'A lead moved to another stage.',
  'customer.created': 'A won lead became a customer.',
  'transaction.created': "A customer's payment or refund was recorded.",
  'commission.created': 'A partner earned a commission.',
  'import.completed': 'A CSV import finished.',
  'partner.applied': 'Someone applied to join a program and confirmed their email.',
  'partner.approved': 'An application was approved (by the team or automatically): a new partner.',
};
