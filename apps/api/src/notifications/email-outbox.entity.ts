import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CompanyForeignKey } from '../database/tenant-keys';

export type EmailStatus = 'pending' | 'sent' | 'failed' | 'suppressed';

/** An email decided on inside a transaction; `dedupeKey` makes one event send one email. */
@CompanyForeignKey('email_outbox_company_id_fkey')
@Check(
  'email_outbox_status_check',
  `(status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text, 'suppressed'::text]))`,
)
@Unique('email_outbox_company_id_dedupe_key_key', ['companyId', 'dedupeKey'])
@Entity('email_outbox')
export class OutboxEmail {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_outbox_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'email_outbox_pkey' }) companyId: string;
  @Column('text') dedupeKey: string;
  @Column('text') kind: string;
  @Column('text') recipient: string;
  @Column('text') subject: string;
  @Column('text') textBody: string;
  @Column('text') htmlBody: string;
  @Column('text', { default: 'pending' }) status: EmailStatus;
  @Column('integer', { default: 0 }) attempts: number;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('text', { nullable: true }) messageId: string | null;
  /** Extra headers, e.g. List-Unsubscribe for partner emails. */
  @Column('jsonb', { default: {} }) headers: Record<string, string>;
  /** The partner the email is for: their opt-outs are checked again right before sending. */
  @Column('uuid', { nullable: true }) partnerId: string | null;
  /** Set while an SMTP send is under way; a send interrupted by a crash is not repeated. */
  @Column('timestamptz', { nullable: true }) sendingStartedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) sentAt: Date | null;
}
