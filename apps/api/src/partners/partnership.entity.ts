import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { TenantJoinColumns } from '../database/tenant-keys';
import { Partner } from './partner.entity';

/** A partner's enrolment in one program, with the key a company uses to submit on its behalf. */
@Unique('partnerships_program_id_partner_id_key', ['programId', 'partnerId', 'companyId'])
@Unique('partnerships_program_id_partner_key_key', ['programId', 'partnerKey', 'companyId'])
@Entity('partnerships')
export class Partnership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partnerships_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'partnerships_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') partnerKey: string;
  @Column('text') status: 'active' | 'archived';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('partnerships_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
}
