import { decodeCursor } from '../common/pagination/cursor';
import { validationProblem } from '../common/problem/problem';

/**
 * A row's created_at as microsecond UTC text for cursors: a JS Date would drop the
 * microseconds and make the keyset skip or repeat rows created in the same millisecond.
 */
export function keysetTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A (created_at, id) cursor; a tampered one is a 422, never a database error. */
export function decodeTimeIdCursor(cursor: string): { ts: string; id: string } {
  const [ts, id] = decodeCursor(cursor, 2);
  if (typeof ts !== 'string' || typeof id !== 'string' || !TIMESTAMP.test(ts) || !UUID.test(id)) {
    throw validationProblem([
      { field: 'cursor', code: 'invalid_cursor', message: 'cursor is not one this API returned' },
    ]);
  }
  return { ts, id };
}
