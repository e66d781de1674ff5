export { Core } from './core/core.js';
export { isLeadbridgeError, LeadbridgeError, type TransportErrorCode } from './core/errors.js';
export type { LeadbridgeOptions, RequestOptions } from './core/options.js';
export { type Page, PagePromise } from './core/pagination.js';
export type { FetchLike } from './core/transport.js';
export { randomUuid } from './core/uuid.js';
export type { components, operations, paths } from './generated/openapi.js';
export { Leadbridge } from './leadbridge.js';
export { LeadbridgePartner } from './leadbridge-partner.js';
export type { CreateImportParams, ImportSource } from './resources/imports.js';
export * from './resources/index.js';
export type * from './types.js';
export type { WebhookEvent, WebhookEventType } from './webhooks/events.js';
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookHeaders,
  type WebhookVerificationCode,
  WebhookVerificationError,
} from './webhooks/verify.js';
