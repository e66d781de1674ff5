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
import { CompanyForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { MessageThread } from './message-thread.entity';

@CompanyForeignKey('messages_company_id_fkey')
@Index('messages_thread_idx', ['companyId', 'threadId', 'createdAt', 'id'])
@Check(
  'messages_author_type_check',
  `(author_type = ANY (ARRAY['user'::text, 'api_key'::text, 'partner'::text]))`,
)
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'messages_pkey' }) id: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'messages_pkey' }) companyId: string;
  @Column('uuid') threadId: string;
  @Column('text') authorType: 'user' | 'api_key' | 'partner';
  @Column('uuid', { nullable: true }) authorId: string | null;
  @Column('text', { nullable: true }) authorName: string | null;
  @Column('text') body: string;
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @ManyToOne(() => MessageThread, { onDelete: 'CASCADE' })
  @TenantJoinColumns('messages_thread_id_fkey', 'thread_id')
  thread?: Relation<MessageThread>;
}
