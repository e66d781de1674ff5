import {
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
import { bigintAsNumber } from '../database/column-types';
import { CompanyForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { Customer } from './customer.entity';

@Unique('transactions_customer_id_external_id_key', ['customerId', 'externalId', 'companyId'])
@CompanyForeignKey('transactions_company_id_fkey')
// INDEX transactions_company_idx ON transactions USING btree (company_id, customer_id, occurred_at DESC, id DESC)
@Index('transactions_company_idx', { synchronize: false })
@Entity('transactions')
export class Transaction {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'transactions_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'transactions_pkey' }) companyId: string;
  @Column('uuid') customerId: string;
  /** The company's own id for the payment; recording it twice records it once. */
  @Column('text') externalId: string;
  @Column('bigint', { transformer: bigintAsNumber }) amount: number;
  @Column('text') currency: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('timestamptz') occurredAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @TenantJoinColumns('transactions_customer_id_fkey', 'customer_id')
  customer?: Relation<Customer>;
}
