import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/run-migrations';

/** `node dist/main.js`: validate config, migrate, serve. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    await runMigrations(config.databaseUrl);
  } catch (error) {
    console.error(
      `Cannot prepare the database at DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Leadbridge API listening on http://localhost:${port}`);
}

void main();
