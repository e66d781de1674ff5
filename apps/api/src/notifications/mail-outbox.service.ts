import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { EmailOutboxRepository } from './email-outbox.repository';
import { EMAIL_QUEUE, type EmailJob } from './email-queue';

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
  constructor(
    private readonly jobs: JobsService,
    private readonly outbox: EmailOutboxRepository,
  ) {}

  /** Queues the email; false when one with the same dedupe key was already queued (or it is suppressed). */
  async enqueue(manager: EntityManager, email: OutgoingEmail): Promise<boolean> {
    const id = await this.outbox.insert(manager, email);
    if (!id || email.suppressed) return false;
    const job: EmailJob = { emailId: id };
    await this.jobs.send(EMAIL_QUEUE, job, {}, manager);
    return true;
  }
}
