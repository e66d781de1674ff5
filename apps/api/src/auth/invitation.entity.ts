import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { UserRole } from '../common/auth/user-role';
import { CompanyForeignKey, UserForeignKey } from '../database/tenant-keys';

@CompanyForeignKey('invitations_company_id_fkey')
@UserForeignKey('invitations_invited_by_fkey', 'invitedBy', 'SET NULL')
@Index('invitations_company_idx', ['companyId', 'createdAt'])
@Check(
  'invitations_role_check',
  `(role = ANY (ARRAY['owner'::text, 'admin'::text, 'member'::text]))`,
)
@Unique('invitations_token_hash_key', ['tokenHash'])
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('text') email: string;
  @Column('text') role: UserRole;
  @Column('text') tokenHash: string;
  @Column('uuid', { nullable: true }) invitedBy: string | null;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) acceptedAt: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
