import type { Locale } from '@leadbridge/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export type PartnerStatus = 'invited' | 'active' | 'archived';

/** Per email kind, false = the partner opted out (absent = subscribed). */
export type NotificationPreferences = Partial<Record<string, boolean>>;

@Unique('partners_unsubscribe_token_key', ['unsubscribeToken', 'companyId'])
@Entity('partners')
export class Partner {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partners_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'partners_pkey' }) companyId: string;
  @Column('text') name: string;
  @Column('text') email: string;
  @Column('text') status: PartnerStatus;
  @Column('jsonb') notificationPreferences: NotificationPreferences;
  @Column('text') unsubscribeToken: string;
  /** The language the partner chose for emails; null = each program's default. */
  @Column('text', { nullable: true }) emailLocale: Locale | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { nullable: true }) archivedAt: Date | null;
}
