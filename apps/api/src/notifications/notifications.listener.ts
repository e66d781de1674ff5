import {
  describeCommission,
  isLeadStage,
  type Locale,
  type OfferRule,
  offerRuleSchema,
  type StageLabels,
  shouldNotifyPartner,
  stageLabel,
} from '@leadbridge/core';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { DomainEvent } from '../events/domain-events';
import { DomainEventsService } from '../events/domain-events.service';
import { MailOutboxService } from './mail-outbox.service';
import { leadDisplayName, NotificationContextRepository } from './notification-context.repository';
import { PartnerEmailsService } from './partner-emails.service';
import { commissionStatusEmail } from './templates/commission-status.email';
import { importCompletedEmail } from './templates/import-completed.email';
import { leadStageEmail } from './templates/lead-stage.email';
import { companyMessageEmail, partnerMessageEmail } from './templates/message.email';
import { winEarnings } from './templates/win-earnings';

/** `data[key].id` (events carry whole records) or `data[key + 'Id']`. */
export function refId(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  const flat = data[`${key}Id`];
  return typeof flat === 'string' ? flat : null;
}

/** Where company users read a thread: the admin app (served by the API, or its dev server). */
export function adminAppUrl(config: AppConfig): string {
  return config.adminDir ? config.publicUrl : (config.adminOrigins[0] ?? config.publicUrl);
}

/** A recorded commission's description in the email's language, from its rule and payment. */
function describeCommissionIn(
  commission: { rule: unknown; payment_amount: string | null; payment_currency: string | null },
  labels: StageLabels,
  locale: Locale,
): string | null {
  const rule = offerRuleSchema.safeParse(commission.rule);
  if (!rule.success) return null;
  const payment =
    commission.payment_amount !== null && commission.payment_currency
      ? { amount: Number(commission.payment_amount), currency: commission.payment_currency }
      : null;
  return describeCommission(rule.data as OfferRule, payment, { labels, locale });
}

/** The events that can lead to an email (the cases of `handle`). */
const NOTIFYING_EVENTS = new Set<string>([
  'lead.stage_changed',
  'import.completed',
  'commission.updated',
  'message.created',
]);

/**
 * Turns domain events into emails, inside the emitting transaction: the email exists exactly
 * when the change committed, and its dedupe key (the event or record id) makes a retried event
 * queue nothing twice.
 */
@Injectable()
export class NotificationsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventsService,
    private readonly context: NotificationContextRepository,
    private readonly partnerEmails: PartnerEmailsService,
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(
      'notifications',
      (manager, event) => this.handle(manager, event),
      (probe) => NOTIFYING_EVENTS.has(probe.type),
    );
  }

  private async handle(manager: EntityManager, event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'lead.stage_changed':
        return this.leadStageChanged(manager, event);
      case 'import.completed':
        return this.importCompleted(manager, event);
      case 'commission.updated':
        return this.commissionUpdated(manager, event);
      case 'message.created':
        return this.messageCreated(manager, event);
      default:
        return;
    }
  }

  private async leadStageChanged(manager: EntityManager, event: DomainEvent): Promise<void> {
    const to = event.data.to;
    const from = event.data.from;
    if (!isLeadStage(to) || !shouldNotifyPartner(to)) return;
    const leadId = refId(event.data, 'lead');
    if (!leadId) return;
    const lead = await this.context.lead(manager, event.companyId, leadId);
    if (!lead) return;
    // One connection per transaction: the queries run one after the other anyway.
    const program = await this.context.program(manager, event.companyId, lead.programId);
    const partner = await this.context.partner(manager, event.companyId, lead.partnerId);
    if (!program || !partner) return;
    const reason = typeof event.data.reason === 'string' ? event.data.reason.trim() : '';
    await this.partnerEmails.queue(
      manager,
      event.companyId,
      partner,
      program,
      'lead_stage',
      `lead-stage:${event.id}`,
      (frame) => {
        const locale = frame.text.locale;
        return leadStageEmail(frame, {
          leadName: lead.name,
          leadEmail: lead.email,
          leadCompany: lead.companyName,
          fromLabel: isLeadStage(from) ? stageLabel(from, program.stageLabels, locale) : null,
          toLabel: stageLabel(to, program.stageLabels, locale),
          reason: reason || null,
          earned:
            to === 'closed_won'
              ? winEarnings(
                  program.offer,
                  program.stageLabels,
                  lead.name,
                  program.companyName,
                  frame.text,
                )
              : [],
        });
      },
    );
  }

  private async importCompleted(manager: EntityManager, event: DomainEvent): Promise<void> {
    const importId = refId(event.data, 'import');
    if (!importId) return;
    const done = await this.context.import(manager, event.companyId, importId);
    // A cancelled import was stopped on purpose; its history entry says so, no email needed.
    if (!done || done.status === 'cancelled') return;
    const program = await this.context.program(manager, event.companyId, done.programId);
    const partner = await this.context.partner(manager, event.companyId, done.partnerId);
    if (!program || !partner) return;
    await this.partnerEmails.queue(
      manager,
      event.companyId,
      partner,
      program,
      'import_completed',
      `import-completed:${done.id}`,
      (frame) =>
        importCompletedEmail(frame, {
          fileName: done.fileName,
          failed: done.status === 'failed',
          error: done.error,
          rowsTotal: done.rowsTotal,
          rowsImported: done.rowsImported,
          rowsDuplicate: done.rowsDuplicate,
          rowsFailed: done.rowsFailed,
        }),
    );
  }

  private async commissionUpdated(manager: EntityManager, event: DomainEvent): Promise<void> {
    const to = event.data.to;
    if (to !== 'approved' && to !== 'paid') return;
    const commissionId = refId(event.data, 'commission');
    if (!commissionId) return;
    const commission = await this.context.commission(manager, event.companyId, commissionId);
    if (!commission) return;
    const program = await this.context.program(manager, event.companyId, commission.program_id);
    const partner = await this.context.partner(manager, event.companyId, commission.partner_id);
    if (!program || !partner) return;
    await this.partnerEmails.queue(
      manager,
      event.companyId,
      partner,
      program,
      'commission',
      `commission-${to}:${commission.id}`,
      (frame) =>
        commissionStatusEmail(frame, {
          status: to,
          amount: frame.text.money({
            amount: Number(commission.amount),
            currency: commission.currency,
          }),
          // Recorded in the language of the day it was earned: said again in the partner's.
          description:
            describeCommissionIn(commission, program.stageLabels, frame.text.locale) ??
            commission.description,
          leadName: leadDisplayName(commission),
        }),
    );
  }

  private async messageCreated(manager: EntityManager, event: DomainEvent): Promise<void> {
    const messageId = refId(event.data, 'message');
    if (!messageId) return;
    const message = await this.context.message(manager, event.companyId, messageId);
    if (!message) return;
    const program = await this.context.program(manager, event.companyId, message.program_id);
    const partner = await this.context.partner(manager, event.companyId, message.partner_id);
    if (!program || !partner) return;
    const content = {
      // An API key's name ("CRM sync") means nothing to a partner: the company wrote.
      authorName:
        message.author_type === 'partner'
          ? (message.author_name ?? partner.name)
          : message.author_type === 'user'
            ? (message.author_name ?? program.companyName)
            : program.companyName,
      subject: message.subject,
      body: message.body,
      leadName: message.email
        ? leadDisplayName({
            first_name: message.first_name,
            last_name: message.last_name,
            email: message.email,
          })
        : null,
    };
    if (message.author_type !== 'partner') {
      await this.partnerEmails.queue(
        manager,
        event.companyId,
        partner,
        program,
        'message',
        `message:${message.id}:${partner.id}`,
        (frame) => companyMessageEmail(frame, content),
      );
      return;
    }
    const threadUrl = `${adminAppUrl(this.config)}/messages/${message.thread_id}`;
    for (const user of await this.context.companyManagers(manager, event.companyId)) {
      const email = partnerMessageEmail(
        user.name,
        program.companyName,
        program.name,
        threadUrl,
        content,
      );
      await this.outbox.enqueue(manager, {
        companyId: event.companyId,
        dedupeKey: `message:${message.id}:${user.id}`,
        kind: 'partner_message',
        to: user.email,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
    }
  }
}
