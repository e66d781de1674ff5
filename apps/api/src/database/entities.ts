import { LeadCountChange, LeadCountDaily, LeadCountHourly } from '../analytics/lead-counts.entity';
import { ApiKey } from '../api-keys/api-key.entity';
import { PartnerApplication } from '../applications/partner-application.entity';
import { Invitation } from '../auth/invitation.entity';
import { User } from '../auth/user.entity';
import { UserSession } from '../auth/user-session.entity';
import { Commission } from '../commissions/commission.entity';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { RateLimit } from '../common/rate-limit/rate-limit.entity';
import { Company } from '../companies/company.entity';
import { Customer } from '../customers/customer.entity';
import { Transaction } from '../customers/transaction.entity';
import { LeadImport } from '../imports/import.entity';
import { ImportError } from '../imports/import-error.entity';
import { Lead } from '../leads/lead.entity';
import { LeadEvent } from '../leads/lead-event.entity';
import { Message } from '../messages/message.entity';
import { MessageThread } from '../messages/message-thread.entity';
import { OutboxEmail } from '../notifications/email-outbox.entity';
import { PartnerSignInCode } from '../partner-sessions/partner-sign-in-code.entity';
import { Partner } from '../partners/partner.entity';
import { Partnership } from '../partners/partnership.entity';
import { Program } from '../programs/program.entity';
import { WebhookAttempt } from '../webhooks/webhook-attempt.entity';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';

/** Every entity, registered once with TypeORM. */
export const ENTITIES = [
  Company,
  User,
  Invitation,
  UserSession,
  ApiKey,
  Program,
  Partner,
  Partnership,
  PartnerSignInCode,
  PartnerApplication,
  Lead,
  LeadEvent,
  LeadCountChange,
  LeadCountHourly,
  LeadCountDaily,
  Customer,
  Transaction,
  Commission,
  LeadImport,
  ImportError,
  MessageThread,
  Message,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  OutboxEmail,
  IdempotencyKey,
  RateLimit,
];
