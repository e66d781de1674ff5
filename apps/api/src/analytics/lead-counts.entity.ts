import type { LeadStage } from '@leadbridge/core';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CompanyForeignKey } from '../database/tenant-keys';

/**
 * What one statement on `leads` changed in the counted buckets, appended by the leads table's
 * triggers and folded into the rollups below by the dashboard (ADR 0022).
 */
@CompanyForeignKey('lead_count_changes_company_id_fkey')
@Entity('lead_count_changes')
export class LeadCountChange {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'lead_count_changes_pkey' })
  companyId: string;
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'lead_count_changes_pkey',
  })
  id: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  /** The UTC hour the leads were created in. */
  @Column('timestamptz') hour: Date;
  @Column('text') stage: LeadStage;
  @Column('integer') delta: number;
}

/** Leads per program and current stage, by the UTC hour they were created in. */
@CompanyForeignKey('lead_counts_hourly_company_id_fkey')
@Entity('lead_counts_hourly')
export class LeadCountHourly {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'lead_counts_hourly_pkey' })
  companyId: string;
  @PrimaryColumn('timestamptz', { primaryKeyConstraintName: 'lead_counts_hourly_pkey' })
  hour: Date;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'lead_counts_hourly_pkey' })
  programId: string;
  @PrimaryColumn('text', { primaryKeyConstraintName: 'lead_counts_hourly_pkey' })
  stage: LeadStage;
  @Column('integer') leads: number;
}

/** Leads per program and partner by the UTC day they were created: all, qualified or beyond, won. */
@CompanyForeignKey('lead_counts_daily_company_id_fkey')
@Entity('lead_counts_daily')
export class LeadCountDaily {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'lead_counts_daily_pkey' })
  companyId: string;
  @PrimaryColumn('date', { primaryKeyConstraintName: 'lead_counts_daily_pkey' }) day: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'lead_counts_daily_pkey' })
  programId: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'lead_counts_daily_pkey' })
  partnerId: string;
  @Column('integer') leads: number;
  @Column('integer') qualified: number;
  @Column('integer') won: number;
}
