import type { LeadStage } from '@leadbridge/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { TenantJoinColumns } from '../database/tenant-keys';
import { LeadImport } from '../imports/import.entity';
import { Partner } from '../partners/partner.entity';

export type LeadSource = 'form' | 'api' | 'import';
export type LeadFieldValue = string | number | boolean | string[];

// A lead's identity in a program: the first partner to register the email owns it.
@Index('leads_program_email_key', ['programId', 'emailNormalized', 'companyId'], { unique: true })
// A resumed import re-inserts nothing: its rows are keyed by (import, row number).
@Index('leads_import_row_key', ['importId', 'importRow', 'companyId'], {
  unique: true,
  where: 'import_id IS NOT NULL',
})
@Entity('leads')
export class Lead {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'leads_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'leads_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') stage: LeadStage;
  @Column('text') email: string;
  @Column('text') emailNormalized: string;
  @Column('text', { nullable: true }) firstName: string | null;
  @Column('text', { nullable: true }) lastName: string | null;
  @Column('text', { nullable: true }) companyName: string | null;
  @Column('text', { nullable: true }) companyDomain: string | null;
  @Column('jsonb') fields: Record<string, LeadFieldValue>;
  @Column('text') source: LeadSource;
  @Column('uuid', { nullable: true }) importId: string | null;
  @Column('integer', { nullable: true }) importRow: number | null;
  /** Optimistic concurrency: bumped by every write, compared by edits (stale → 409). */
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz') stageChangedAt: Date;
  @Column('timestamptz', { nullable: true }) wonAt: Date | null;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('leads_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
  @ManyToOne(() => LeadImport)
  @TenantJoinColumns('leads_import_id_fkey', 'import_id')
  leadImport?: Relation<LeadImport>;
}
