import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import type { NotificationPreferences } from '../partners/partner.entity';
import { EMAIL_QUEUE } from './mail-outbox.service';
import { wantsEmail } from './notification-kinds';

interface EmailJob {
  emailId: string;
}

/** pg-boss retries after the first attempt; with backoff from 10 s this spans ~1.5 days. */
export const EMAIL_RETRY_LIMIT = 12;
/** Longer than any send can take with the transport's timeouts below (10 + 10 + 30 s, plus margin). */
const JOB_EXPIRY_SECONDS = 120;
const STALE_CLAIM_MS = (JOB_EXPIRY_SECONDS + 30) * 1000;

interface ClaimedEmail {
  company_id: string;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string> | null;
  partner_id: string | null;
  attempts: number;
}

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
    private readonly db: DataSource,
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
      await this.db.query(
        `UPDATE email_outbox SET status = 'suppressed', sending_started_at = NULL WHERE id = $1`,
        [emailId],
      );
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
    await this.db.query(
      `UPDATE email_outbox SET status = 'sent', sent_at = now(), sending_started_at = NULL,
              message_id = $2, last_error = NULL
        WHERE id = $1`,
      [emailId, messageId],
    );
  }

  /** Takes the pending row for this attempt; null when there is nothing (left) to send. */
  private async claim(emailId: string): Promise<ClaimedEmail | null> {
    const claimed = returnedRows<ClaimedEmail>(
      await this.db.query(
        `UPDATE email_outbox SET sending_started_at = now(), attempts = attempts + 1
        WHERE id = $1 AND status = 'pending' AND sending_started_at IS NULL
        RETURNING company_id, kind, recipient, subject, text_body, html_body, headers, partner_id, attempts`,
        [emailId],
      ),
    );
    if (claimed[0]) return claimed[0];
    const rows: { status: string; sending_started_at: Date | null }[] = await this.db.query(
      `SELECT status, sending_started_at FROM email_outbox WHERE id = $1`,
      [emailId],
    );
    const row = rows[0];
    if (row?.status !== 'pending' || !row.sending_started_at) return null;
    if (Date.now() - row.sending_started_at.getTime() < STALE_CLAIM_MS) {
      // Another worker is sending it right now (its job expired and was retried): look later.
      throw new Error(`email ${emailId} is being sent by another worker`);
    }
    await this.db.query(
      `UPDATE email_outbox SET status = 'failed', sending_started_at = NULL,
              last_error = 'Interrupted while sending (process stopped). Not sent again, to avoid a duplicate; the recipient may or may not have it.'
        WHERE id = $1 AND status = 'pending'`,
      [emailId],
    );
    this.logger.warn(`email ${emailId}: a send was interrupted; marked failed, not resent`);
    return null;
  }

  /** The send definitely failed: free the claim so a retry may send; give up after the last one. */
  private async release(emailId: string, email: ClaimedEmail, error: string): Promise<void> {
    const final = email.attempts > EMAIL_RETRY_LIMIT;
    await this.db.query(
      `UPDATE email_outbox SET sending_started_at = NULL, last_error = $2,
              status = CASE WHEN $3::boolean THEN 'failed' ELSE status END
        WHERE id = $1`,
      [emailId, error.slice(0, 1000), final],
    );
  }

  private async optedOut(email: ClaimedEmail): Promise<boolean> {
    const rows: { notification_preferences: NotificationPreferences | null }[] =
      await this.db.query(
        `SELECT notification_preferences FROM partners WHERE company_id = $1 AND id = $2`,
        [email.company_id, email.partner_id],
      );
    const row = rows[0];
    return row ? !wantsEmail(row.notification_preferences, email.kind) : false;
  }
}
