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
import { Lead } from '../leads/lead.entity';
import { Partner } from '../partners/partner.entity';

@CompanyForeignKey('message_threads_company_id_fkey')
@ProgramForeignKey('message_threads_program_id_fkey')
// INDEX message_threads_company_idx ON message_threads USING btree (company_id, last_message_at DESC, id DESC)
@Index('message_threads_company_idx', { synchronize: false })
// INDEX message_threads_partner_idx ON message_threads USING btree (company_id, partner_id, last_message_at DESC, id DESC)
@Index('message_threads_partner_idx', { synchronize: false })
@Entity('message_threads')
export class MessageThread {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'message_threads_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'message_threads_pkey' }) companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid', { nullable: true }) leadId: string | null;
  @Column('text') subject: string;
  @Column('timestamptz', { default: () => 'now()' }) lastMessageAt: Date;
  @Column('timestamptz', { nullable: true }) companyLastReadAt: Date | null;
  @Column('timestamptz', { nullable: true }) partnerLastReadAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('message_threads_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
  @ManyToOne(() => Lead)
  @TenantJoinColumns('message_threads_lead_id_fkey', 'lead_id')
  lead?: Relation<Lead>;
}
