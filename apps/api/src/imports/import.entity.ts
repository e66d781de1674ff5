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
} from 'typeorm';
import { bigintAsNumber } from '../database/column-types';
import { CompanyForeignKey, ProgramForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { Partner } from '../partners/partner.entity';

export type ImportStatus = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';

@CompanyForeignKey('imports_company_id_fkey')
@ProgramForeignKey('imports_program_id_fkey')
// INDEX imports_company_idx ON imports USING btree (company_id, created_at DESC, id DESC)
@Index('imports_company_idx', { synchronize: false })
// INDEX imports_partner_idx ON imports USING btree (company_id, partner_id, created_at DESC, id DESC)
@Index('imports_partner_idx', { synchronize: false })
// UNIQUE INDEX imports_idempotency_key ON imports USING btree (company_id, created_by_type, created_by_id, idempotency_key) WHERE (idempotency_key IS NOT NULL)
@Index('imports_idempotency_key', { synchronize: false })
// INDEX imports_running_idx ON imports USING btree (company_id, partner_id) WHERE (status = ANY (ARRAY['queued'::text, 'processing'::text]))
@Index('imports_running_idx', { synchronize: false })
@Check(
  'imports_created_by_type_check',
  `(created_by_type = ANY (ARRAY['user'::text, 'api_key'::text, 'partner'::text]))`,
)
@Check(
  'imports_status_check',
  `(status = ANY (ARRAY['queued'::text, 'processing'::text, 'completed'::text, 'failed'::text, 'cancelled'::text]))`,
)
@Entity('imports')
export class LeadImport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'imports_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'imports_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') createdByType: 'user' | 'api_key' | 'partner';
  @Column('uuid', { nullable: true }) createdById: string | null;
  @Column('text') fileName: string;
  @Column('bigint', { transformer: bigintAsNumber, default: 0 }) fileSize: number;
  @Column('text') storageKey: string;
  /** Column index → field key (or null to ignore), when the uploader adjusted the mapping. */
  @Column('jsonb', { nullable: true }) mapping: Record<string, string | null> | null;
  @Column('jsonb', { nullable: true }) headers: string[] | null;
  @Column('text', { default: 'queued' }) status: ImportStatus;
  @Column('integer', { nullable: true }) rowsTotal: number | null;
  @Column('integer', { default: 0 }) rowsProcessed: number;
  @Column('integer', { default: 0 }) rowsImported: number;
  @Column('integer', { default: 0 }) rowsFailed: number;
  @Column('integer', { default: 0 }) rowsDuplicate: number;
  @Column('text', { nullable: true }) error: string | null;
  /** The upload's Idempotency-Key, so a retried upload finds this import. */
  @Column('text', { nullable: true }) idempotencyKey: string | null;
  /** Worker starts (first run and resumes after a crash). */
  @Column('integer', { default: 0 }) attempts: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('imports_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
}
