import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A counter after a hit: how many hits its window holds, and when the window began. */
export interface RateLimitCount {
  hits: number;
  window_start: Date;
}

/**
 * The fixed-window upsert of one hit on `key`, RETURNING `hits, window_start`: `$key` and
 * `$window` are the placeholders of the key and the window in seconds. A statement that writes
 * anyway can count its hit in the same round trip (see the lead insert).
 */
export function rateLimitHitSql(key: string, window: string): string {
  return `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_start < now() - make_interval(secs => ${window}) THEN 1 ELSE r.hits + 1 END,
      window_start = CASE WHEN r.window_start < now() - make_interval(secs => ${window}) THEN now() ELSE r.window_start END
    RETURNING hits, window_start`;
}

/** Fixed-window counters (an UNLOGGED table: counters may vanish on a crash, which is fine). */
@Injectable()
export class RateLimitsRepository {
  constructor(private readonly db: DataSource) {}

  /** Counts a hit on `key` in its window of `windowSeconds`. */
  async hit(key: string, windowSeconds: number): Promise<RateLimitCount | null> {
    const rows: RateLimitCount[] = await this.db.query(rateLimitHitSql('$1', '$2'), [
      key,
      windowSeconds,
    ]);
    return rows[0] ?? null;
  }

  async reset(key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limits WHERE key = $1`, [key]);
  }
}
