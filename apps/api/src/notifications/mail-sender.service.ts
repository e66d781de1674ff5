import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import { type ClaimedEmail, EmailOutboxRepository } from './email-outbox.repository';
import { EMAIL_QUEUE, type EmailJob } from './email-queue';
import { wantsEmail } from './notification-kinds';
import { PartnerPreferencesRepository } from './partner-preferences.repository';

/** pg-boss retries after the first attempt; with backoff from 10 s this spans ~1.5 days. */
export const EMAIL_RETRY_LIMIT = 12;
/** Longer than any send can take with the transport's timeouts below (10 + 10 + 30 s, plus margin). */
const JOB_EXPIRY_SECONDS = 120;
const STALE_CLAIM_MS = (JOB_EXPIRY_SECONDS + 30) * 1000;

function messageIdDomain(mailFrom: string): string {
  const match = /@([^>\s]+)/.exec(mailFrom);
  return match?.[1] ?? 'leadbridge.local';
}

/**
 * The worker side of the outbox: sends one queued email over SMTP and marks it sent. A failed
 * send throws, so pg-boss retries with backoff (an SMTP outage delays emails, loses none).
 *
 * No double send after a crash: before talking to SMTP the row is claimed (`sending_started_at`,
 * committed). A later run that finds a claim older than any live send could be knows a process
 * died mid-send, cannot tell whether the server accepted the message, and marks it `failed`
 * instead of sending it again. The residual window is that SMTP conversation: a crash inside it
 * loses (and flags) the email rather than duplicating it. A connection lost right after the
 * server's final "250 OK" is reported by nodemailer as an error and retried — the one duplicate
 * SMTP itself cannot rule out (RFC 1047); the fixed Message-ID lets mail clients fold it.
 */
@Injectable()
export class MailSenderService implements OnModuleInit {
  private readonly logger = new Logger('mail');
  private readonly transport: Transporter | null;
  private readonly domain: string;

  constructor(
    private readonly outbox: EmailOutboxRepository,
    private readonly preferences: PartnerPreferencesRepository,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
    this.domain = messageIdDomain(config.mailFrom);
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.register<EmailJob>(
      EMAIL_QUEUE,
      {
        retryLimit: EMAIL_RETRY_LIMIT,
        retryDelay: this.config.mailRetryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: JOB_EXPIRY_SECONDS,
      },
      (job) => this.send(job.data.emailId),
      2,
    );
  }

  async send(emailId: string): Promise<void> {
    const email = await this.claim(emailId);
    if (!email) return;
    if (email.partner_id && (await this.optedOut(email))) {
      await this.outbox.markSuppressed(emailId);
      return;
    }
    if (!this.transport) {
      await this.release(emailId, email, 'SMTP_URL is not configured');
      this.logger.warn(`SMTP_URL is not set; email ${emailId} to ${email.recipient} stays queued`);
      throw new Error('SMTP_URL is not configured');
    }
    let messageId: string;
    try {
      const info = await this.transport.sendMail({
        from: this.config.mailFrom,
        to: email.recipient,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        messageId: `<${emailId}@${this.domain}>`,
        headers: { ...(email.headers ?? {}), 'X-Leadbridge-Email-Id': emailId },
      });
      messageId = info.messageId ?? `<${emailId}@${this.domain}>`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.release(emailId, email, message);
      throw error;
    }
    await this.outbox.markSent(emailId, messageId);
  }

  /** Takes the pending row for this attempt; null when there is nothing (left) to send. */
  private async claim(emailId: string): Promise<ClaimedEmail | null> {
    const claimed = await this.outbox.claim(emailId);
    if (claimed) return claimed;
    const row = await this.outbox.state(emailId);
    if (row?.status !== 'pending' || !row.sending_started_at) return null;
    if (Date.now() - row.sending_started_at.getTime() < STALE_CLAIM_MS) {
      // Another worker is sending it right now (its job expired and was retried): look later.
      throw new Error(`email ${emailId} is being sent by another worker`);
    }
    await this.outbox.failInterrupted(emailId);
    this.logger.warn(`email ${emailId}: a send was interrupted; marked failed, not resent`);
    return null;
  }

  /** The send definitely failed: free the claim so a retry may send; give up after the last one. */
  private async release(emailId: string, email: ClaimedEmail, error: string): Promise<void> {
    const final = email.attempts > EMAIL_RETRY_LIMIT;
    await this.outbox.release(emailId, error.slice(0, 1000), final);
  }

  private async optedOut(email: ClaimedEmail): Promise<boolean> {
    if (!email.partner_id) return false;
    const row = await this.preferences.switches(email.company_id, email.partner_id);
    return row ? !wantsEmail(row.preferences, email.kind) : false;
  }
}
