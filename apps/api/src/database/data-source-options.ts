import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition of how the API talks to PostgreSQL, shared by the app and the migrate script. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // The schema is owned by migrations; synchronize would silently diverge from them.
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: poolSize,
      // A request waiting this long for a connection fails fast (→ 503) instead of hanging.
      connectionTimeoutMillis: 5000,
      application_name: 'leadbridge-api',
    },
  };
}
