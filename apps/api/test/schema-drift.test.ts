import { createDatabase, type TestDatabase } from '@leadbridge/devkit/test-databases';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';

// One schema source (docs/adr/0017-one-data-layer.md): the entities describe every table,
// column, index and constraint the migrations create. A fresh database is migrated, then
// TypeORM's schema builder compares it with the entities: any statement it would run to make
// the database match them is drift (an entity or a migration is wrong).

function adminUrl(): string {
  const url = process.env.LB_TEST_ADMIN_URL;
  if (!url) throw new Error('run API tests through jest (global-setup.mjs)');
  return url;
}

describe('entities and migrations describe one schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createDatabase(adminUrl(), { prefix: 'lb_drift' });
    dataSource = new DataSource(dataSourceOptions(database.url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('has an entity for every migrated table', async () => {
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'typeorm_metadata')
        ORDER BY table_name`,
    );
    const described = new Set(dataSource.entityMetadatas.map((entity) => entity.tableName));
    expect(rows.map((row) => row.table_name).filter((table) => !described.has(table))).toEqual([]);
  });

  it('needs no change to match the entities', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
