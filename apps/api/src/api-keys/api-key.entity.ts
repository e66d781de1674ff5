import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CompanyForeignKey, UserForeignKey } from '../database/tenant-keys';

@CompanyForeignKey('api_keys_company_id_fkey')
@UserForeignKey('api_keys_created_by_fkey', 'createdBy', 'SET NULL')
@Index('api_keys_company_idx', ['companyId', 'createdAt'])
@Unique('api_keys_key_hash_key', ['keyHash'])
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('text') name: string;
  /** The first characters of the key, shown in lists so a person can tell keys apart. */
  @Column('text') prefix: string;
  @Column('text') keyHash: string;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) lastUsedAt: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
}
