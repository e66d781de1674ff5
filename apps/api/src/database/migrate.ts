import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { runMigrations } from './run-migrations';

/** `npm run migrate -w @leadbridge/api`: applies pending migrations to DATABASE_URL and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await runMigrations(config.databaseUrl);
  for (const name of applied) console.log(`applied ${name}`);
  if (applied.length === 0) console.log('database is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Invalid configuration: ${error.message}` : error);
  process.exit(1);
});
