/**
 * The rows of an `UPDATE … RETURNING` run through TypeORM's `query()`: for UPDATE and DELETE its
 * Postgres driver answers `[rows, rowCount]` instead of the rows (INSERT and SELECT give rows).
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}
