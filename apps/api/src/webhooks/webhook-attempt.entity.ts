import {
  Column,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CompanyForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { WebhookDelivery } from './webhook-delivery.entity';

@CompanyForeignKey('webhook_attempts_company_id_fkey')
@Index('webhook_attempts_delivery_idx', ['companyId', 'deliveryId', 'attemptedAt'])
@Entity('webhook_attempts')
export class WebhookAttempt {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_attempts_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'webhook_attempts_pkey' }) companyId: string;
  @Column('uuid') deliveryId: string;
  @Column('timestamptz', { default: () => 'now()' }) attemptedAt: Date;
  @Column('integer', { nullable: true }) statusCode: number | null;
  @Column('integer', { nullable: true }) latencyMs: number | null;
  @Column('text', { nullable: true }) responseExcerpt: string | null;
  @Column('text', { nullable: true }) error: string | null;
  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @TenantJoinColumns('webhook_attempts_delivery_id_fkey', 'delivery_id')
  delivery?: Relation<WebhookDelivery>;
}
