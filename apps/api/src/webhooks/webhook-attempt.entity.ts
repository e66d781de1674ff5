import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('webhook_attempts')
export class WebhookAttempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') deliveryId: string;
  @Column('timestamptz') attemptedAt: Date;
  @Column('integer', { nullable: true }) statusCode: number | null;
  @Column('integer', { nullable: true }) latencyMs: number | null;
  @Column('text', { nullable: true }) responseExcerpt: string | null;
  @Column('text', { nullable: true }) error: string | null;
}
