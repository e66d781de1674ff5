import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { TenantJoinColumns } from '../database/tenant-keys';
import { Partner } from '../partners/partner.entity';

@Entity('partner_sign_in_codes')
export class PartnerSignInCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partner_sign_in_codes_pkey' })
  id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'partner_sign_in_codes_pkey' })
  companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') codeHash: string;
  @Column('integer') attempts: number;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) consumedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('partner_sign_in_codes_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
}
