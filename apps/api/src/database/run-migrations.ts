import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Advisory lock key serialising migration runs of processes that start together. */
const MIGRATIONS_LOCK = 'lb:migrations';

/**
 * Applies pending migrations (each in its own transaction) and closes its connections.
 * Replicas and workers started at the same time each call this: the first one migrates while
 * the others wait for it, then find nothing to do. The wait is a transaction-level advisory
 * lock held in an open transaction on a connection of its own, which works behind a
 * transaction-mode pooler too (a session-level lock would stay with whichever server session
 * the pooler used).
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const lock = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'leadbridge-migrations',
  });
  lock.on('error', () => {});
  await lock.connect();
  try {
    await lock.query('BEGIN');
    await lock.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [MIGRATIONS_LOCK]);
    const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('ROLLBACK').catch(() => {});
    await lock.end().catch(() => {});
  }
}
