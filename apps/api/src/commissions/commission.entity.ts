import type { OfferRule } from '@leadbridge/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../database/column-types';

export type CommissionStatus = 'pending' | 'approved' | 'paid' | 'declined';

@Entity('commissions')
export class Commission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid') leadId: string;
  @Column('uuid', { nullable: true }) customerId: string | null;
  @Column('uuid', { nullable: true }) transactionId: string | null;
  /** Names the triggering event and rule (unique per company): a retried event earns once. */
  @Column('text') triggerKey: string;
  @Column('jsonb') rule: OfferRule;
  @Column('text') description: string;
  @Column('bigint', { transformer: bigintAsNumber }) amount: number;
  @Column('text') currency: string;
  @Column('text') status: CommissionStatus;
  @Column('uuid', { nullable: true }) statusChangedBy: string | null;
  @Column('text', { nullable: true }) statusChangedByType: 'user' | 'api_key' | 'system' | null;
  @Column('text', { nullable: true }) statusChangedByName: string | null;
  @Column('timestamptz', { nullable: true }) statusChangedAt: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('timestamptz', { nullable: true }) paidAt: Date | null;
  @Column('timestamptz', { nullable: true }) declinedAt: Date | null;
  @Column('text', { nullable: true }) declineReason: string | null;
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
