import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../database/column-types';

export type CustomerStatus = 'signed_up' | 'paid';

@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid') leadId: string;
  @Column('text') status: CustomerStatus;
  @Column('bigint', { transformer: bigintAsNumber }) revenueAmount: number;
  @Column('text') currency: string;
  @Column('timestamptz') wonAt: Date;
  @Column('timestamptz', { nullable: true }) firstPaidAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
