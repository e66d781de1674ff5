import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type PartnerStatus = 'invited' | 'active' | 'archived';

/** Per email kind, false = the partner opted out (absent = subscribed). */
export type NotificationPreferences = Partial<Record<string, boolean>>;

@Entity('partners')
export class Partner {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('text') name: string;
  @Column('text') email: string;
  @Column('text') status: PartnerStatus;
  @Column('jsonb') notificationPreferences: NotificationPreferences;
  @Column('text') unsubscribeToken: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { nullable: true }) archivedAt: Date | null;
}
