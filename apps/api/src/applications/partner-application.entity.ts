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
import { CompanyForeignKey, ProgramForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { Partner } from '../partners/partner.entity';

export const APPLICATION_STATUSES = ['unconfirmed', 'pending', 'approved', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Someone asking to join a program. `unconfirmed` until the emailed code proves the address
 * (the company never sees those); then `pending` for the company to decide, or `approved` at
 * once in programs with automatic approval.
 */
@CompanyForeignKey('partner_applications_company_id_fkey')
@ProgramForeignKey('partner_applications_program_id_fkey')
@Check(
  'partner_applications_status_check',
  `(status = ANY (ARRAY['unconfirmed'::text, 'pending'::text, 'approved'::text, 'declined'::text]))`,
)
@Index('partner_applications_open_key', ['programId', 'email', 'companyId'], {
  unique: true,
  where: `status IN ('unconfirmed', 'pending')`,
})
@Index('partner_applications_list_idx', ['companyId', 'confirmedAt', 'id'], {
  where: `status <> 'unconfirmed'`,
})
@Entity('partner_applications')
export class PartnerApplication {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partner_applications_pkey' })
  id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'partner_applications_pkey' })
  companyId: string;
  @Column('uuid') programId: string;
  @Column('text', { default: 'unconfirmed' }) status: ApplicationStatus;
  @Column('text') name: string;
  /** Lower-cased, so one person has one open application per program. */
  @Column('text') email: string;
  @Column('text', { nullable: true }) companyName: string | null;
  @Column('text', { nullable: true }) website: string | null;
  /** The answers to the program's questions, by field key, as core's validator normalised them. */
  @Column('jsonb', { default: {} }) answers: Record<string, unknown>;
  /** The language the applicant applied in: their emails are written in it. */
  @Column('text') locale: string;
  @Column('text', { nullable: true }) codeHash: string | null;
  @Column('integer', { default: 0 }) codeAttempts: number;
  @Column('timestamptz', { nullable: true }) codeExpiresAt: Date | null;
  @Column('timestamptz', { nullable: true }) confirmedAt: Date | null;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
  /** Who approved or declined: a user's or API key's name, or `automatic`. */
  @Column('text', { nullable: true }) decidedBy: string | null;
  @Column('text', { nullable: true }) declineReason: string | null;
  /** The partner an approval enrolled. */
  @Column('uuid', { nullable: true }) partnerId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @TenantJoinColumns('partner_applications_partner_id_fkey', 'partner_id')
  partner?: Relation<Partner>;
}
