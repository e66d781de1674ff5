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
} from 'typeorm';
import { CompanyForeignKey, ProgramForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { Partner } from './partner.entity';

/** A partner's enrolment in one program, with the key a company uses to submit on its behalf. */
@Unique('partnerships_program_id_partner_id_key', ['programId', 'partnerId', 'companyId'])
@Unique('partnerships_program_id_partner_key_key', ['programId', 'partnerKey', 'companyId'])
@CompanyForeignKey('partnerships_company_id_fkey')
@ProgramForeignKey('partnerships_program_id_fkey')
@Index('partnerships_partner_idx', ['companyId', 'partnerId'])
// INDEX partnerships_program_created_idx ON partnerships USING btree (company_id, program_id, created_at DESC, id DESC)
@Index('partnerships_program_created_idx', { synchronize: false })
@Check('partnerships_status_check', `(status = ANY (ARRAY['active'::text, 'archived'::text]))`)
@Entity('partnerships')
export class Partnership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partnerships_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'partnerships_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') partnerKey: string;
  @Column('text', { default: 'active' }) status: 'active' | 'archived';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('partnerships_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
}
