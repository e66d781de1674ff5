import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '../problem/problem';

/**
 * Fixed-window counters in PostgreSQL, so limits hold across API replicas without Redis.
 * One upsert per hit; the table is UNLOGGED (counters may vanish on a crash, which is fine).
 */
@Injectable()
export class RateLimitService {
  constructor(private readonly db: DataSource) {}

  /** Counts a hit on `key`; throws 429 with Retry-After once `limit` hits fall in the window. */
  async hit(key: string, limit: number, windowSeconds: number, what = 'requests'): Promise<void> {
    const rows: { hits: number; window_start: Date }[] = await this.db.query(
      `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_start < now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
         window_start = CASE WHEN r.window_start < now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
       RETURNING hits, window_start`,
      [key, windowSeconds],
    );
    const row = rows[0];
    if (row && row.hits > limit) {
      const retryAfter = Math.max(
        1,
        Math.ceil((row.window_start.getTime() + windowSeconds * 1000 - Date.now()) / 1000),
      );
      throw new ProblemException(
        429,
        'rate_limited',
        `Too many ${what}. Try again in ${retryAfter} seconds.`,
        { retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
  }

  async reset(key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limits WHERE key = $1`, [key]);
  }
}
