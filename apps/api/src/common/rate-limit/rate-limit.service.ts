import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '../problem/problem';

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

/** The 429 (with Retry-After) for a count past `limit`; null while within it. */
export function rateLimitProblem(
  count: RateLimitCount,
  limit: number,
  windowSeconds: number,
  what: string,
): ProblemException | null {
  if (count.hits <= limit) return null;
  const retryAfter = Math.max(
    1,
    Math.ceil((count.window_start.getTime() + windowSeconds * 1000 - Date.now()) / 1000),
  );
  return new ProblemException(
    429,
    'rate_limited',
    `Too many ${what}. Try again in ${retryAfter} seconds.`,
    { retryAfterSeconds: retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}

/**
 * Fixed-window counters in PostgreSQL, so limits hold across API replicas without Redis.
 * One upsert per hit; the table is UNLOGGED (counters may vanish on a crash, which is fine).
 */
@Injectable()
export class RateLimitService {
  constructor(private readonly db: DataSource) {}

  /** Counts a hit on `key`; throws 429 with Retry-After once `limit` hits fall in the window. */
  async hit(key: string, limit: number, windowSeconds: number, what = 'requests'): Promise<void> {
    const rows: RateLimitCount[] = await this.db.query(rateLimitHitSql('$1', '$2'), [
      key,
      windowSeconds,
    ]);
    const problem = rows[0] ? rateLimitProblem(rows[0], limit, windowSeconds, what) : null;
    if (problem) throw problem;
  }

  async reset(key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limits WHERE key = $1`, [key]);
  }
}
