import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { TenantJoinColumns } from '../database/tenant-keys';
import { Lead } from './lead.entity';

export type ActorType = 'user' | 'api_key' | 'partner' | 'system';

/** One line of a lead's history: created, imported, edited (with a diff), stage_changed, … */
// No direct key to companies: (lead_id, company_id) → leads implies it (ADR 0024).
@Index('lead_events_lead_idx', ['companyId', 'leadId', 'createdAt', 'id'])
@Check(
  'lead_events_actor_type_check',
  `(actor_type = ANY (ARRAY['user'::text, 'api_key'::text, 'partner'::text, 'system'::text]))`,
)
@Entity('lead_events')
export class LeadEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lead_events_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'lead_events_pkey' }) companyId: string;
  @Column('uuid') leadId: string;
  @Column('text') type: string;
  @Column('text') actorType: ActorType;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('text', { nullable: true }) actorName: string | null;
  @Column('jsonb', { default: {} }) data: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @TenantJoinColumns('lead_events_lead_id_fkey', 'lead_id')
  lead?: Relation<Lead>;
}
