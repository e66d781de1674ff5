import type { DedupePolicy, LeadFormSchema, Locale, Offer, StageLabels } from '@leadbridge/core';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CompanyForeignKey } from '../database/tenant-keys';

@CompanyForeignKey('programs_company_id_fkey')
@Index('programs_company_idx', ['companyId', 'createdAt', 'id'])
@Index('programs_slug_key', ['slug'], { unique: true })
@Check(
  'programs_dedupe_policy_check',
  `(dedupe_policy = ANY (ARRAY['email'::text, 'email_or_domain'::text]))`,
)
@Check('programs_brand_color_check', `(brand_color ~ '^#[0-9a-f]{6}$'::text)`)
@Check(
  'programs_logo_type_check',
  `(logo_type = ANY (ARRAY['image/png'::text, 'image/jpeg'::text, 'image/webp'::text, 'image/gif'::text]))`,
)
@Unique('programs_publishable_key_key', ['publishableKey'])
@Entity('programs')
export class Program {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text') publishableKey: string;
  @Column('boolean', { default: true }) leadSubmissionEnabled: boolean;
  @Column('boolean', { default: true }) leadImportEnabled: boolean;
  @Column('jsonb') formSchema: LeadFormSchema;
  @Column('jsonb', { default: {} }) stageLabels: StageLabels;
  @Column('jsonb', { default: { rules: [] } }) offer: Offer;
  @Column('text', { default: 'USD' }) currency: string;
  @Column('text', { default: 'email' }) dedupePolicy: DedupePolicy;
  /** The language of emails to partners who have not chosen one. */
  @Column('text', { default: 'en' }) defaultLocale: Locale;
  @Column('text', { array: true, default: [] }) allowedOrigins: string[];
  /** The company's page embedding the widget; partner emails link to it. */
  @Column('text', { nullable: true }) portalUrl: string | null;
  /** The hosted portal's address part: /p/<slug>, unique across companies. */
  @Column('text', {
    // A placeholder until a slug is chosen, written as TypeORM reads the default back (casts dropped).
    default: () => `('program-'|| "left"(replace((gen_random_uuid()), '-', ''), 16))`,
  })
  slug: string;
  /** `#rrggbb`: the portal's, the emails' and the widget's accent. */
  @Column('text', { nullable: true }) brandColor: string | null;
  /** The logo's MIME type; the bytes (column `logo`) are read only by the portal's logo route. */
  @Column('bytea', { nullable: true, select: false }) logo?: Buffer | null;
  @Column('text', { nullable: true }) logoType: string | null;
  /** Changes with every new logo: part of its URL, so caches never show an old one. */
  @Column('text', { nullable: true }) logoVersion: string | null;
  /** When the form first loaded on an allowed origin or the hosted portal (guided setup). */
  @Column('timestamptz', { nullable: true }) formFirstLoadedAt: Date | null;
  /** Where it first loaded: the origin, or `portal`. */
  @Column('text', { nullable: true }) formFirstLoadedFrom: string | null;
  @VersionColumn({ default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { nullable: true }) archivedAt: Date | null;
}
