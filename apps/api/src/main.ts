import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/run-migrations';

/** Ends start-up with one line a person can act on (no stack trace). */
function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/).find((line) => line.trim()) ?? 'unknown error';
}

/** `node dist/main.js`: validate config, migrate, serve. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`);
    throw error;
  }
  try {
    await runMigrations(config.databaseUrl);
  } catch (error) {
    fail(
      `Cannot prepare the database at DATABASE_URL: ${reason(error)}. Check that PostgreSQL runs there and DATABASE_URL is right.`,
    );
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
  console.log(`Leadbridge API listening on http://localhost:${port}`);
}

main().catch((error: unknown) => {
  fail(`The API could not start: ${reason(error)}`);
});
