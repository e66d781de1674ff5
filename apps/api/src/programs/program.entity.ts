import type { LeadFormSchema, Locale, Offer, StageLabels } from '@leadbridge/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type DedupePolicy = 'email' | 'email_or_domain';

/** Whether people may apply to join: not at all, for the company to approve, or approved at once. */
export const APPLICATION_MODES = ['closed', 'approval', 'auto'] as const;
export type ApplicationMode = (typeof APPLICATION_MODES)[number];

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
  /** The language of emails to partners who have not chosen one. */
  @Column('text') defaultLocale: Locale;
  @Column('text', { array: true }) allowedOrigins: string[];
  /** The company's page embedding the widget; partner emails link to it. */
  @Column('text', { nullable: true }) portalUrl: string | null;
  /** The hosted portal's address part: /p/<slug>, unique across companies. */
  @Column('text') slug: string;
  /** `#rrggbb`: the portal's, the emails' and the widget's accent. */
  @Column('text', { nullable: true }) brandColor: string | null;
  /** The logo's MIME type; the bytes (column `logo`) are read only by the portal's logo route. */
  @Column('text', { nullable: true }) logoType: string | null;
  /** Changes with every new logo: part of its URL, so caches never show an old one. */
  @Column('text', { nullable: true }) logoVersion: string | null;
  /** When the form first loaded on an allowed origin or the hosted portal (guided setup). */
  @Column('text') applications: ApplicationMode;
  /** Lower-case domains an applicant's email must be at; empty = any. */
  @Column('text', { array: true }) applicationDomains: string[];
  /** The program's own questions to applicants: lead-form fields without the built-ins. */
  @Column('jsonb') applicationQuestions: LeadFormSchema;
  @Column('timestamptz', { nullable: true }) formFirstLoadedAt: Date | null;
  /** Where it first loaded: the origin, or `portal`. */
  @Column('text', { nullable: true }) formFirstLoadedFrom: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { nullable: true }) archivedAt: Date | null;
}
