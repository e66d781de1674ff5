import type { OfferRule } from '@leadbridge/core';
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
import { Customer } from '../customers/customer.entity';
import { Transaction } from '../customers/transaction.entity';
import { bigintAsNumber } from '../database/column-types';
import { CompanyForeignKey, ProgramForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { Lead } from '../leads/lead.entity';
import { Partner } from '../partners/partner.entity';

export type CommissionStatus = 'pending' | 'approved' | 'paid' | 'declined';

@CompanyForeignKey('commissions_company_id_fkey')
@ProgramForeignKey('commissions_program_id_fkey')
@Index('commissions_trigger_key', ['companyId', 'triggerKey'], { unique: true })
// INDEX commissions_company_idx ON commissions USING btree (company_id, status, created_at DESC, id DESC)
@Index('commissions_company_idx', { synchronize: false })
// INDEX commissions_partner_idx ON commissions USING btree (company_id, partner_id, created_at DESC, id DESC)
@Index('commissions_partner_idx', { synchronize: false })
// INDEX commissions_company_created_idx ON commissions USING btree (company_id, created_at DESC, id DESC)
@Index('commissions_company_created_idx', { synchronize: false })
@Check(
  'commissions_status_check',
  `(status = ANY (ARRAY['pending'::text, 'approved'::text, 'paid'::text, 'declined'::text]))`,
)
@Check(
  'commissions_status_changed_by_type_check',
  `(status_changed_by_type = ANY (ARRAY['user'::text, 'api_key'::text, 'system'::text]))`,
)
@Entity('commissions')
export class Commission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'commissions_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'commissions_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid') leadId: string;
  @Column('uuid', { nullable: true }) customerId: string | null;
  @Column('uuid', { nullable: true }) transactionId: string | null;
  /** Names the triggering event and rule (unique per company): a retried event earns once. */
  @Column('text') triggerKey: string;
  @Column('jsonb') rule: OfferRule;
  @Column('text') description: string;
  @Column('bigint', { transformer: bigintAsNumber }) amount: number;
  @Column('text') currency: string;
  @Column('text', { default: 'pending' }) status: CommissionStatus;
  @Column('uuid', { nullable: true }) statusChangedBy: string | null;
  @Column('text', { nullable: true }) statusChangedByType: 'user' | 'api_key' | 'system' | null;
  @Column('text', { nullable: true }) statusChangedByName: string | null;
  @Column('timestamptz', { nullable: true }) statusChangedAt: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('timestamptz', { nullable: true }) paidAt: Date | null;
  @Column('timestamptz', { nullable: true }) declinedAt: Date | null;
  @Column('text', { nullable: true }) declineReason: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('commissions_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @TenantJoinColumns('commissions_lead_id_fkey', 'lead_id')
  lead?: Relation<Lead>;
  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @TenantJoinColumns('commissions_customer_id_fkey', 'customer_id')
  customer?: Relation<Customer>;
  @ManyToOne(() => Transaction, { onDelete: 'CASCADE' })
  @TenantJoinColumns('commissions_transaction_id_fkey', 'transaction_id')
  transaction?: Relation<Transaction>;
}
