import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { UserRole } from '../common/auth/user-role';
import { CompanyForeignKey } from '../database/tenant-keys';

@CompanyForeignKey('users_company_id_fkey')
@Index('users_company_idx', ['companyId', 'createdAt'])
@Check('users_role_check', `(role = ANY (ARRAY['owner'::text, 'admin'::text, 'member'::text]))`)
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text') passwordHash: string;
  @Column('text') role: UserRole;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) lastSignInAt: Date | null;
}
