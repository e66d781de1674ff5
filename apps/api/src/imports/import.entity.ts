import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { bigintAsNumber } from '../database/column-types';
import { TenantJoinColumns } from '../database/tenant-keys';
import { Partner } from '../partners/partner.entity';

export type ImportStatus = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';

@Entity('imports')
export class LeadImport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'imports_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'imports_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') createdByType: 'user' | 'api_key' | 'partner';
  @Column('uuid', { nullable: true }) createdById: string | null;
  @Column('text') fileName: string;
  @Column('bigint', { transformer: bigintAsNumber }) fileSize: number;
  @Column('text') storageKey: string;
  /** Column index → field key (or null to ignore), when the uploader adjusted the mapping. */
  @Column('jsonb', { nullable: true }) mapping: Record<string, string | null> | null;
  @Column('jsonb', { nullable: true }) headers: string[] | null;
  @Column('text') status: ImportStatus;
  @Column('integer', { nullable: true }) rowsTotal: number | null;
  @Column('integer') rowsProcessed: number;
  @Column('integer') rowsImported: number;
  @Column('integer') rowsFailed: number;
  @Column('integer') rowsDuplicate: number;
  @Column('text', { nullable: true }) error: string | null;
  /** The upload's Idempotency-Key, so a retried upload finds this import. */
  @Column('text', { nullable: true }) idempotencyKey: string | null;
  /** Worker starts (first run and resumes after a crash). */
  @Column('integer') attempts: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('imports_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
}
