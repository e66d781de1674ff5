import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@leadbridge/devkit/ports';
import { testTempDir } from '@leadbridge/devkit/temp';
import { createDatabase } from '@leadbridge/devkit/test-databases';

/**
 * A PostgreSQL server of the test's own (embedded, in a temp dir) that it may stop and start:
 * the shared test server must never be restarted under other test files.
 */
export interface OwnPostgres {
  /** URL of the database the API uses (the API migrates it at start). */
  databaseUrl: string;
  /** Fast shutdown: open connections are terminated, new ones refused. */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  destroy(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  url: string;
}

function launch(dataDir: string, port: number): Promise<Running> {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'postgres-server.mjs'), dataDir, String(port)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited (${code}):\n${output}`)),
    );
  });
}

function terminate(running: Running | null): Promise<void> {
  if (!running || running.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    running.child.once('exit', () => resolve());
    running.child.kill('SIGTERM');
  });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dataDir = testTempDir('rel-pg-');
  const port = await freePort();
  let running: Running | null = await launch(dataDir, port);
  const database = await createDatabase(running.url, { prefix: 'lb_reliability' });
  return {
    databaseUrl: database.url,
    stop: async () => {
      await terminate(running);
      running = null;
    },
    start: async () => {
      running = await launch(dataDir, port);
    },
    destroy: async () => {
      await terminate(running);
      running = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
