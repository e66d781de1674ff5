import 'reflect-metadata';
import { createApp, createWorker } from './bootstrap';
import { type AppConfig, ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/run-migrations';
import { createFileStorage } from './storage/storage.module';

/**
 * What one process runs. `all` (the default) serves HTTP and, unless RUN_WORKERS=false, works
 * the background queues; `api` only serves HTTP (an API replica); `worker` only works the
 * queues and opens no port but an optional health port (HEALTH_PORT).
 */
type Role = 'all' | 'api' | 'worker';

const ROLES: readonly Role[] = ['all', 'api', 'worker'];

/** Ends start-up with one line a person can act on (no stack trace). */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/).find((line) => line.trim()) ?? 'unknown error';
}

function roleOf(argument: string | undefined): Role {
  const role = (argument ?? 'all') as Role;
  if (!ROLES.includes(role)) {
    fail(`Unknown role "${argument}": run \`node dist/main.js [${ROLES.join('|')}]\``);
  }
  return role;
}

/** `node dist/main.js [all|api|worker]`: validate config, migrate, check storage, run. */
async function main(): Promise<void> {
  const role = roleOf(process.argv[2]);
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`);
    throw error;
  }
  if (role === 'api') config = { ...config, runWorkers: false };
  if (role === 'worker') config = { ...config, runWorkers: true };
  try {
    await runMigrations(config.databaseUrl);
  } catch (error) {
    fail(
      `Cannot prepare the database at DATABASE_URL: ${reason(error)}. Check that PostgreSQL runs there and DATABASE_URL is right.`,
    );
  }
  const storage = createFileStorage(config.storage);
  try {
    await storage.verify();
  } catch (error) {
    fail(
      `Cannot use the file storage ${storage.describe()} (STORAGE_URL / STORAGE_DIR): ${reason(error)}`,
    );
  }
  if (role === 'worker') {
    const worker = await createWorker(config);
    const health =
      worker.healthPort === null ? '' : ` (health on http://localhost:${worker.healthPort}/health)`;
    console.log(`Leadbridge worker running${health}`);
    return;
  }
  const app = await createApp(config);
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      fail(
        `Cannot listen on port ${config.port}: it is in use. Stop what uses it or set PORT to a free port.`,
      );
    }
    if (code === 'EACCES') {
      fail(`Cannot listen on port ${config.port}: not allowed. Set PORT to a port above 1023.`);
    }
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    `Leadbridge API listening on http://localhost:${port}${config.runWorkers ? '' : ' (no background workers)'}`,
  );
}

main().catch((error: unknown) => {
  fail(`The API could not start: ${reason(error)}`);
});
