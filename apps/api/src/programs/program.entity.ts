import type { LeadFormSchema, Offer, StageLabels } from '@leadbridge/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type DedupePolicy = 'email' | 'email_or_domain';

@Entity('programs')
export class Program {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text') publishableKey: string;
  @Column('boolean') leadSubmissionEnabled: boolean;
  @Column('boolean') leadImportEnabled: boolean;
  @Column('jsonb') formSchema: LeadFormSchema;
  @Column('jsonb') stageLabels: StageLabels;
  @Column('jsonb') offer: Offer;
  @Column('text') currency: string;
  @Column('text') dedupePolicy: DedupePolicy;
  @Column('text', { array: true }) allowedOrigins: string[];
  /** The company's page embedding the widget; partner emails link to it. */
  @Column('text', { nullable: true }) portalUrl: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { nullable: true }) archivedAt: Date | null;
}
