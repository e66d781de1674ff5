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
  Unique,
} from 'typeorm';
import { CompanyForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

@Unique('webhook_deliveries_endpoint_id_event_id_key', ['endpointId', 'eventId', 'companyId'])
@CompanyForeignKey('webhook_deliveries_company_id_fkey')
// INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries USING btree (company_id, endpoint_id, created_at DESC, id DESC)
@Index('webhook_deliveries_endpoint_idx', { synchronize: false })
@Check(
  'webhook_deliveries_status_check',
  `(status = ANY (ARRAY['pending'::text, 'succeeded'::text, 'failed'::text]))`,
)
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_deliveries_pkey' })
  id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'webhook_deliveries_pkey' }) companyId: string;
  @Column('uuid') endpointId: string;
  @Column('text') eventId: string;
  @Column('text') eventType: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text', { default: 'pending' }) status: WebhookDeliveryStatus;
  @Column('integer', { default: 0 }) attempts: number;
  @Column('timestamptz', { nullable: true }) nextAttemptAt: Date | null;
  @Column('integer', { nullable: true }) lastStatusCode: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @TenantJoinColumns('webhook_deliveries_endpoint_id_fkey', 'endpoint_id')
  endpoint?: Relation<WebhookEndpoint>;
}
