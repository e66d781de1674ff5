import { Injectable } from '@nestjs/common';
import { ProblemException } from '../problem/problem';
import { type RateLimitCount, RateLimitsRepository } from './rate-limits.repository';

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
  constructor(private readonly counters: RateLimitsRepository) {}

  /** Counts a hit on `key`; throws 429 with Retry-After once `limit` hits fall in the window. */
  async hit(key: string, limit: number, windowSeconds: number, what = 'requests'): Promise<void> {
    const count = await this.counters.hit(key, windowSeconds);
    const problem = count ? rateLimitProblem(count, limit, windowSeconds, what) : null;
    if (problem) throw problem;
  }

  async reset(key: string): Promise<void> {
    await this.counters.reset(key);
  }
}
