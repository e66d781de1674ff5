import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';

export const EMAIL_QUEUE = 'email.send';

export interface OutgoingEmail {
  companyId: string;
  /** Names the event this email is about (e.g. `lead-stage:<eventId>`): one event, one email. */
  dedupeKey: string;
  /** What kind of email (`lead_stage`, `import_completed`, `sign_in_code`, …), for opt-outs and logs. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
  /** The partner it is for: the sender re-checks their opt-out for `kind` right before sending. */
  partnerId?: string | null;
  /** Recorded (for the log) but not sent: the recipient opted out of this kind. */
  suppressed?: boolean;
}

/**
 * Emails are decided inside the transaction that causes them: the outbox row and its send job
 * commit together, so a crash loses no email and a retried event queues none twice.
 */
@Injectable()
export class MailOutboxService {
  constructor(private readonly jobs: JobsService) {}

  /** Queues the email; false when one with the same dedupe key was already queued (or it is suppressed). */
  async enqueue(manager: EntityManager, email: OutgoingEmail): Promise<boolean> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO email_outbox (company_id, dedupe_key, kind, recipient, subject, text_body, html_body,
                                 headers, partner_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (company_id, dedupe_key) DO NOTHING RETURNING id`,
      [
        email.companyId,
        email.dedupeKey,
        email.kind,
        email.to,
        email.subject,
        email.text,
        email.html,
        JSON.stringify(email.headers ?? {}),
        email.partnerId ?? null,
        email.suppressed ? 'suppressed' : 'pending',
      ],
    );
    const row = rows[0];
    if (!row || email.suppressed) return false;
    await this.jobs.send(EMAIL_QUEUE, { emailId: row.id }, {}, manager);
    return true;
  }
}
