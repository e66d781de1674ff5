import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fixed-window counter (UNLOGGED: counters may vanish on a crash, which is fine). */
@Entity('rate_limits')
export class RateLimit {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'rate_limits_pkey' }) key: string;
  @Column('timestamptz') windowStart: Date;
  @Column('integer') hits: number;
}
