/**
 * The rows of a statement run through TypeORM's `query()`. For UPDATE and DELETE its Postgres
 * driver answers `[rows, rowCount]` instead of the rows (INSERT and SELECT answer rows), so
 * every `UPDATE … RETURNING` reads its rows through here.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}

/** How many rows an UPDATE or DELETE run through TypeORM's `query()` touched. */
export function affectedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
