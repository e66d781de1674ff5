import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('message_threads')
export class MessageThread {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid', { nullable: true }) leadId: string | null;
  @Column('text') subject: string;
  @Column('timestamptz') lastMessageAt: Date;
  @Column('timestamptz', { nullable: true }) companyLastReadAt: Date | null;
  @Column('timestamptz', { nullable: true }) partnerLastReadAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
