import {
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { TenantJoinColumns } from '../database/tenant-keys';
import { MessageThread } from './message-thread.entity';

@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'messages_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'messages_pkey' }) companyId: string;
  @Column('uuid') threadId: string;
  @Column('text') authorType: 'user' | 'api_key' | 'partner';
  @Column('uuid', { nullable: true }) authorId: string | null;
  @Column('text', { nullable: true }) authorName: string | null;
  @Column('text') body: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => MessageThread, { onDelete: 'CASCADE' })
  @TenantJoinColumns('messages_thread_id_fkey', 'thread_id')
  thread?: Relation<MessageThread>;
}
