import { z } from 'zod/mini';
import { validationProblem } from '../problem/problem';

/** `?limit=&cursor=` shared by every list endpoint. */
export const pageQueryShape = {
  limit: z.optional(
    z
      .string()
      .check(z.regex(/^\d+$/, 'limit must be a whole number'))
      .check(
        z.refine((value) => Number(value) >= 1 && Number(value) <= 200, 'limit must be 1–200'),
      ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(500))),
};

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
}

export function pageLimit(limit: string | undefined, fallback = 50): number {
  return limit ? Math.min(200, Math.max(1, Number(limit))) : fallback;
}

/** An opaque keyset position: the sort key values of the last row of a page. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the problem below
  }
  throw validationProblem([
    { field: 'cursor', code: 'invalid_cursor', message: 'cursor is not one this API returned' },
  ]);
}

/**
 * Fetch `limit + 1` rows, pass them here: the extra row only tells whether a next page exists.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  keyOf: (row: R) => (string | number)[],
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null,
  };
}
