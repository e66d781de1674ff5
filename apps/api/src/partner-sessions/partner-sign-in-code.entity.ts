import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CompanyForeignKey, ProgramForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { Partner } from '../partners/partner.entity';

@CompanyForeignKey('partner_sign_in_codes_company_id_fkey')
@ProgramForeignKey('partner_sign_in_codes_program_id_fkey')
// INDEX partner_sign_in_codes_lookup_idx ON partner_sign_in_codes USING btree (program_id, partner_id, created_at DESC)
@Index('partner_sign_in_codes_lookup_idx', { synchronize: false })
@Entity('partner_sign_in_codes')
export class PartnerSignInCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partner_sign_in_codes_pkey' })
  id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'partner_sign_in_codes_pkey' })
  companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') codeHash: string;
  @Column('integer', { default: 0 }) attempts: number;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) consumedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('partner_sign_in_codes_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
}
