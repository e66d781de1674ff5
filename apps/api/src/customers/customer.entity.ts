import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../database/column-types';
import { TenantJoinColumns } from '../database/tenant-keys';
import { Lead } from '../leads/lead.entity';
import { Partner } from '../partners/partner.entity';

export type CustomerStatus = 'signed_up' | 'paid';

@Unique('customers_lead_id_key', ['leadId', 'companyId'])
@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'customers_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'customers_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid') leadId: string;
  @Column('text') status: CustomerStatus;
  @Column('bigint', { transformer: bigintAsNumber }) revenueAmount: number;
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
