import { decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { validationProblem } from '../common/problem/problem';

/**
 * (timestamp, id) keyset cursors shared by the commissions, messages and webhooks lists.
 * Timestamps travel as microsecond UTC text: a JS Date would drop the microseconds and make the
 * keyset skip or repeat rows written in the same millisecond.
 */
export function keysetTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeTimeIdCursor(ts: string, id: string): string {
  return encodeCursor([ts, id]);
}

/** A tampered cursor is a 422 naming `cursor`, never a database error. */
export function decodeTimeIdCursor(cursor: string): { ts: string; id: string } {
  const [ts, id] = decodeCursor(cursor, 2);
  if (typeof ts !== 'string' || typeof id !== 'string' || !TIMESTAMP.test(ts) || !UUID.test(id)) {
    throw validationProblem([
      { field: 'cursor', code: 'invalid_cursor', message: 'cursor is not one this API returned' },
    ]);
  }
  return { ts, id };
}
