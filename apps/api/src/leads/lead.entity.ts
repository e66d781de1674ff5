import type { LeadStage } from '@leadbridge/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type LeadSource = 'form' | 'api' | 'import';
export type LeadFieldValue = string | number | boolean | string[];

@Entity('leads')
export class Lead {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') stage: LeadStage;
  @Column('text') email: string;
  @Column('text') emailNormalized: string;
  @Column('text', { nullable: true }) firstName: string | null;
  @Column('text', { nullable: true }) lastName: string | null;
  @Column('text', { nullable: true }) companyName: string | null;
  @Column('text', { nullable: true }) companyDomain: string | null;
  @Column('jsonb') fields: Record<string, LeadFieldValue>;
  @Column('text') source: LeadSource;
  @Column('uuid', { nullable: true }) importId: string | null;
  @Column('integer', { nullable: true }) importRow: number | null;
  /** Optimistic concurrency: bumped by every write, compared by edits (stale → 409). */
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz') stageChangedAt: Date;
  @Column('timestamptz', { nullable: true }) wonAt: Date | null;
}
