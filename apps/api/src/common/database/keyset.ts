import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { validationProblem } from '../problem/problem';

/**
 * (timestamp, id) keyset cursors, shared by every list ordered by a timestamp and the row id.
 * Timestamps travel as microsecond UTC text: a JS Date would drop the microseconds and make the
 * keyset skip or repeat rows written in the same millisecond.
 */
export function keysetTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TimeIdCursor {
  ts: string;
  id: string;
}

export function encodeTimeIdCursor(ts: string, id: string): string {
  return encodeCursor([ts, id]);
}

/** A tampered cursor is a 422 naming `cursor`, never a database error. */
export function decodeTimeIdCursor(cursor: string): TimeIdCursor {
  const [ts, id] = decodeCursor(cursor, 2);
  if (typeof ts !== 'string' || typeof id !== 'string' || !TIMESTAMP.test(ts) || !UUID.test(id)) {
    throw validationProblem([
      { field: 'cursor', code: 'invalid_cursor', message: 'cursor is not one this API returned' },
    ]);
  }
  return { ts, id };
}

/**
 * The condition "after `cursor`" for a list ordered by `(time, id)` in `direction`; appends its
 * parameters to `params`. Spelled out rather than as a row comparison so the planner uses the
 * timestamp as an index bound behind any equality columns of the index.
 */
export function afterCursor(
  cursor: TimeIdCursor,
  columns: { time: string; id: string },
  params: unknown[],
  direction: 'ASC' | 'DESC' = 'DESC',
): string {
  params.push(cursor.ts, cursor.id);
  const ts = `$${params.length - 1}::timestamptz`;
  const id = `$${params.length}::uuid`;
  const op = direction === 'DESC' ? '<' : '>';
  return `${columns.time} ${op}= ${ts} AND (${columns.time} ${op} ${ts} OR ${columns.id} ${op} ${id})`;
}
