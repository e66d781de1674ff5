import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A partner's enrolment in one program, with the key a company uses to submit on its behalf. */
@Entity('partnerships')
export class Partnership {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') companyId: string;
  @Column('uuid') programId: string;
  @Column('uuid') partnerId: string;
  @Column('text') partnerKey: string;
  @Column('text') status: 'active' | 'archived';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
