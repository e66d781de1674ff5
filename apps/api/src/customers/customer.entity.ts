import type { CustomerStatus } from '@leadbridge/core';
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
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../database/column-types';
import { CompanyForeignKey, ProgramForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { Lead } from '../leads/lead.entity';
import { Partner } from '../partners/partner.entity';

@Unique('customers_lead_id_key', ['leadId', 'companyId'])
@CompanyForeignKey('customers_company_id_fkey')
@ProgramForeignKey('customers_program_id_fkey')
// INDEX customers_company_idx ON customers USING btree (company_id, created_at DESC, id DESC)
@Index('customers_company_idx', { synchronize: false })
// INDEX customers_partner_idx ON customers USING btree (company_id, partner_id, created_at DESC, id DESC)
@Index('customers_partner_idx', { synchronize: false })
@Check('customers_status_check', `(status = ANY (ARRAY['signed_up'::text, 'paid'::text]))`)
@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'customers_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'customers_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid') leadId: string;
  @Column('text', { default: 'signed_up' }) status: CustomerStatus;
  @Column('bigint', { transformer: bigintAsNumber, default: 0 }) revenueAmount: number;
  @Column('text') currency: string;
  @Column('timestamptz') wonAt: Date;
  @Column('timestamptz', { nullable: true }) firstPaidAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('customers_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @TenantJoinColumns('customers_lead_id_fkey', 'lead_id')
  lead?: Relation<Lead>;
}
