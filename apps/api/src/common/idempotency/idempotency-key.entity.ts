import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A request sent with `Idempotency-Key`: in progress (no status yet), or its stored answer. */
@Index('idempotency_keys_created_idx', ['createdAt'])
// By entity name: common/ imports no feature module.
@ForeignKey('Company', ['companyId'], ['id'], {
  name: 'idempotency_keys_company_id_fkey',
  onDelete: 'CASCADE',
})
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'idempotency_keys_pkey' }) companyId: string;
  /** Who sent it (principalKey): one key space per credential. */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'idempotency_keys_pkey' }) principal: string;
  @PrimaryColumn('text', { primaryKeyConstraintName: 'idempotency_keys_pkey' }) key: string;
  @Column('text') method: string;
  @Column('text') path: string;
  @Column('text') requestHash: string;
  @Column('integer', { nullable: true }) statusCode: number | null;
  @Column('jsonb', { nullable: true }) responseBody: unknown;
  @Column('jsonb', { nullable: true }) responseHeaders: Record<string, string> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
