import { z } from 'zod/mini';
import { validationProblem } from '../problem/problem';

export const MAX_PAGE_LIMIT = 200;

/**
 * A query-string integer: the wire value is text, the documented (and parsed) type is
 * `integer`. zod/mini's number schemas all accept `coerce` at run time; its int params type
 * leaves the option out, hence the cast.
 */
function queryInt(min: number, max: number, name: string) {
  const params = { coerce: true, error: `${name} must be a whole number` };
  return z
    .int(params as Parameters<typeof z.int>[0])
    .check(
      z.gte(min, `${name} must be ${min}–${max}`),
      z.lte(max, `${name} must be ${min}–${max}`),
    );
}

/** `?limit=&cursor=` shared by every list endpoint. */
export const pageQueryShape = {
  limit: z.optional(queryInt(1, MAX_PAGE_LIMIT, 'limit')),
  cursor: z.optional(z.string().check(z.maxLength(500))),
};

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
}

export function pageLimit(limit: number | undefined, fallback = 50): number {
  return limit === undefined ? fallback : Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.trunc(limit)));
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
