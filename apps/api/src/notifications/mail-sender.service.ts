import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import { EMAIL_QUEUE } from './mail-outbox.service';

interface EmailJob {
  emailId: string;
}

/**
 * The worker side of the outbox: sends one queued email over SMTP and marks it sent. A failure
 * throws, so pg-boss retries with backoff; a sent email is never sent again.
 */
@Injectable()
export class MailSenderService implements OnModuleInit {
  private readonly logger = new Logger('mail');
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.register<EmailJob>(
      EMAIL_QUEUE,
      // Backoff from 10 s doubling: an SMTP outage of a few hours still delivers.
      { retryLimit: 12, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
      (job) => this.send(job.data.emailId),
    );
  }

  async send(emailId: string): Promise<void> {
    const rows: {
      status: string;
      recipient: string;
      subject: string;
      text_body: string;
      html_body: string;
    }[] = await this.db.query(
      `SELECT status, recipient, subject, text_body, html_body FROM email_outbox WHERE id = $1`,
      [emailId],
    );
    const email = rows[0];
    if (!email || email.status !== 'pending') return;
    if (!this.transport) {
      this.logger.warn(`SMTP_URL is not set; email ${emailId} to ${email.recipient} stays queued`);
      throw new Error('SMTP_URL is not configured');
    }
    try {
      const info = await this.transport.sendMail({
        from: this.config.mailFrom,
        to: email.recipient,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        headers: { 'X-Leadbridge-Email-Id': emailId },
      });
      await this.db.query(
        `UPDATE email_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, message_id = $2
          WHERE id = $1`,
        [emailId, info.messageId ?? null],
      );
    } catch (error) {
      await this.db.query(
        `UPDATE email_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
        [emailId, error instanceof Error ? error.message : String(error)],
      );
      throw error;
    }
  }
}
