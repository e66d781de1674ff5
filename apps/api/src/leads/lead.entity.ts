import type { LeadFieldValue, LeadStage } from '@leadbridge/core';
import {
  Check,
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
import { ProgramForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { LeadImport } from '../imports/import.entity';
import { Partner } from '../partners/partner.entity';

/** The expression of the generated column `search_text` (also recorded in typeorm_metadata). */
export const SEARCH_TEXT = `lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email || ' ' || coalesce(company_name, ''))`;

export type LeadSource = 'form' | 'api' | 'import';

// A lead's identity in a program: the first partner to register the email owns it.
@Index('leads_program_email_key', ['programId', 'emailNormalized', 'companyId'], { unique: true })
// A resumed import re-inserts nothing: its rows are keyed by (import, row number).
@Index('leads_import_row_key', ['importId', 'importRow', 'companyId'], {
  unique: true,
  where: 'import_id IS NOT NULL',
})
// No direct key to companies: (partner_id, company_id) → partners implies it (ADR 0024).
@ProgramForeignKey('leads_program_id_fkey')
// INDEX leads_program_domain_idx ON leads USING btree (program_id, company_domain) WHERE (company_domain IS NOT NULL)
@Index('leads_program_domain_idx', { synchronize: false })
// INDEX leads_company_created_idx ON leads USING btree (company_id, created_at DESC, id DESC)
@Index('leads_company_created_idx', { synchronize: false })
// INDEX leads_company_stage_created_idx ON leads USING btree (company_id, stage, created_at DESC, id DESC)
@Index('leads_company_stage_created_idx', { synchronize: false })
// INDEX leads_company_partner_created_idx ON leads USING btree (company_id, partner_id, created_at DESC, id DESC)
@Index('leads_company_partner_created_idx', { synchronize: false })
// INDEX leads_company_program_created_idx ON leads USING btree (company_id, program_id, created_at DESC, id DESC)
@Index('leads_company_program_created_idx', { synchronize: false })
// INDEX leads_search_trgm_idx ON leads USING gin (search_text gin_trgm_ops)
@Index('leads_search_trgm_idx', { synchronize: false })
// INDEX leads_company_updated_idx ON leads USING btree (company_id, updated_at DESC, id DESC)
@Index('leads_company_updated_idx', { synchronize: false })
@Check(
  'leads_stage_check',
  `(stage = ANY (ARRAY['new'::text, 'qualified'::text, 'unqualified'::text, 'closed_won'::text, 'closed_lost'::text]))`,
)
@Check('leads_source_check', `(source = ANY (ARRAY['form'::text, 'api'::text, 'import'::text]))`)
@Entity('leads')
export class Lead {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'leads_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'leads_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text', { default: 'new' }) stage: LeadStage;
  @Column('text') email: string;
  @Column('text') emailNormalized: string;
  @Column('text', { nullable: true }) firstName: string | null;
  @Column('text', { nullable: true }) lastName: string | null;
  @Column('text', { nullable: true }) companyName: string | null;
  @Column('text', { nullable: true }) companyDomain: string | null;
  @Column('jsonb', { default: {} }) fields: Record<string, LeadFieldValue>;
  @Column('text', { default: 'form' }) source: LeadSource;
  @Column('uuid', { nullable: true }) importId: string | null;
  @Column('integer', { nullable: true }) importRow: number | null;
  /** Optimistic concurrency: bumped by every write, compared by edits (stale → 409). */
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { default: () => 'now()' }) stageChangedAt: Date;
  @Column('timestamptz', { nullable: true }) wonAt: Date | null;
  /** What `?q=` searches (see lead-search.ts); written by PostgreSQL, never read back. */
  @Column({
    type: 'text',
    nullable: true,
    generatedType: 'STORED',
    asExpression: SEARCH_TEXT,
    select: false,
    insert: false,
    update: false,
  })
  searchText?: string;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('leads_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
  @ManyToOne(() => LeadImport)
  @TenantJoinColumns('leads_import_id_fkey', 'import_id')
  leadImport?: Relation<LeadImport>;
}
