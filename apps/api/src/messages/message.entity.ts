import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') threadId: string;
  @Column('text') authorType: 'user' | 'api_key' | 'partner';
  @Column('uuid', { nullable: true }) authorId: string | null;
  @Column('text', { nullable: true }) authorName: string | null;
  @Column('text') body: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
