import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The part of a node-postgres client this uses (TypeORM types its connections as `any`). */
interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Runs `text` as a named, server-side prepared statement: PostgreSQL parses and plans it once
 * per connection instead of on every call. Worth it for a hot statement whose planning costs
 * more than its execution (the lead insert, a five-part CTE: ~3× less database time per call).
 * With a transaction's `manager` it runs on the transaction's connection.
 *
 * Prepared statements live in the database session: a transaction-mode pooler hands the next
 * call another server session, where the name is unknown (or taken), unless it tracks them
 * (PgBouncer ≥ 1.21 with `max_prepared_statements`). With `name` null the statement runs
 * unnamed, parsed per call, which any pooler passes through (DATABASE_PREPARED_STATEMENTS=false).
 */
export async function queryPrepared<T>(
  db: DataSource | EntityManager,
  name: string | null,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const query = name === null ? { text, values } : { name, text, values };
  const runner = 'queryRunner' in db ? db.queryRunner : undefined;
  if (runner) {
    const client = (await runner.connect()) as PgClient;
    return (await client.query(query)).rows as T[];
  }
  const dataSource = 'driver' in db ? db : db.connection;
  const [client, release] = (await (
    dataSource.driver as PostgresDriver
  ).obtainMasterConnection()) as [PgClient, (error?: Error) => void];
  // A checked-out client has no listener of the pool's: without one, a connection the server
  // terminates (a PostgreSQL restart) would be an unhandled 'error' event and end the process.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    client.off('error', onError);
    // Releasing with the error makes the pool discard the connection (it also drops one that is
    // no longer queryable); a query's own error, such as a unique violation, keeps it.
    release(broken);
  }
}
