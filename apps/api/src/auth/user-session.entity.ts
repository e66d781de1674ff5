import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CompanyForeignKey, UserForeignKey } from '../database/tenant-keys';

@CompanyForeignKey('user_sessions_company_id_fkey')
@UserForeignKey('user_sessions_user_id_fkey', 'userId', 'CASCADE')
@Index('user_sessions_user_idx', ['companyId', 'userId'])
@Unique('user_sessions_token_hash_key', ['tokenHash'])
@Entity('user_sessions')
export class UserSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') userId: string;
  @Column('text') tokenHash: string;
  @Column('text') csrfToken: string;
  @Column('text', { nullable: true }) userAgent: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { default: () => 'now()' }) lastSeenAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
}
