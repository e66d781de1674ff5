import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import type { OutgoingEmail } from './mail-outbox.service';

/** A pending email claimed by one send attempt. */
export interface ClaimedEmail {
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

/** The email outbox: queued, claimed, sent, failed and suppressed emails. */
@Injectable()
export class EmailOutboxRepository {
  constructor(private readonly db: DataSource) {}

  /** The new row's id; null when the dedupe key was already queued. */
  async insert(manager: EntityManager, email: OutgoingEmail): Promise<string | null> {
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
    return rows[0]?.id ?? null;
  }

  /** Claims a pending, unclaimed email for one send attempt (counting the attempt). */
  async claim(emailId: string): Promise<ClaimedEmail | null> {
    const claimed = returnedRows<ClaimedEmail>(
      await this.db.query(
        `UPDATE email_outbox SET sending_started_at = now(), attempts = attempts + 1
        WHERE id = $1 AND status = 'pending' AND sending_started_at IS NULL
        RETURNING company_id, kind, recipient, subject, text_body, html_body, headers, partner_id, attempts`,
        [emailId],
      ),
    );
    return claimed[0] ?? null;
  }

  async state(
    emailId: string,
  ): Promise<{ status: string; sending_started_at: Date | null } | null> {
    const rows: { status: string; sending_started_at: Date | null }[] = await this.db.query(
      `SELECT status, sending_started_at FROM email_outbox WHERE id = $1`,
      [emailId],
    );
    return rows[0] ?? null;
  }

  /** A claim whose send was interrupted: failed, never sent again (it may have arrived). */
  async failInterrupted(emailId: string): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET status = 'failed', sending_started_at = NULL,
              last_error = 'Interrupted while sending (process stopped). Not sent again, to avoid a duplicate; the recipient may or may not have it.'
        WHERE id = $1 AND status = 'pending'`,
      [emailId],
    );
  }

  /** Frees the claim after a failed send; `final` gives the email up. */
  async release(emailId: string, error: string, final: boolean): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET sending_started_at = NULL, last_error = $2,
              status = CASE WHEN $3::boolean THEN 'failed' ELSE status END
        WHERE id = $1`,
      [emailId, error, final],
    );
  }

  async markSuppressed(emailId: string): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET status = 'suppressed', sending_started_at = NULL WHERE id = $1`,
      [emailId],
    );
  }

  async markSent(emailId: string, messageId: string): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET status = 'sent', sent_at = now(), sending_started_at = NULL,
              message_id = $2, last_error = NULL
        WHERE id = $1`,
      [emailId, messageId],
    );
  }
}
