import type { Locale } from '@leadbridge/core';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { CompanyForeignKey } from '../database/tenant-keys';

export type PartnerStatus = 'invited' | 'active' | 'archived';

/** Per email kind, false = the partner opted out (absent = subscribed). */
export type NotificationPreferences = Partial<Record<string, boolean>>;

@Unique('partners_unsubscribe_token_key', ['unsubscribeToken', 'companyId'])
@CompanyForeignKey('partners_company_id_fkey')
// UNIQUE INDEX partners_company_email_key ON partners USING btree (company_id, lower(email))
@Index('partners_company_email_key', { synchronize: false })
@Index('partners_company_idx', ['companyId', 'createdAt', 'id'])
@Check(
  'partners_status_check',
  `(status = ANY (ARRAY['invited'::text, 'active'::text, 'archived'::text]))`,
)
@Entity('partners')
export class Partner {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partners_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'partners_pkey' }) companyId: string;
  @Column('text') name: string;
  @Column('text') email: string;
  @Column('text', { default: 'active' }) status: PartnerStatus;
  @Column('jsonb', { default: {} }) notificationPreferences: NotificationPreferences;
  @Column('text') unsubscribeToken: string;
  /** The language the partner chose for emails; null = each program's default. */
  @Column('text', { nullable: true }) emailLocale: Locale | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { nullable: true }) archivedAt: Date | null;
}
