// `@leadbridge/sdk/webhooks`: verification alone, for a webhook receiver that needs no client.
export type { WebhookEvent, WebhookEventType } from './webhooks/events.js';
export {
  type VerifyWebhookOptions,
  verifyWebhook as verify,
  verifyWebhook,
  type WebhookHeaders,
  type WebhookVerificationCode,
  WebhookVerificationError,
} from './webhooks/verify.js';
