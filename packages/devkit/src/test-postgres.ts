import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDistDir } from './api-process.js';
import { freePort } from './ports.js';
import { type EmbeddedPostgresHandle, postgresDataDir, startEmbeddedPostgres } from './postgres.js';
import { createDatabase, type TestDatabase } from './test-databases.js';

interface TestPostgresState {
  server: EmbeddedPostgresHandle | null;
  template: TestDatabase | null;
  /** The run's temp root (LB_TEST_TMP) and a data directory kept elsewhere, if any. */
  dirs: string[];
}

let state: TestPostgresState | null = null;

/**
 * For a test run (Jest or Playwright globalSetup): a real PostgreSQL — DATABASE_URL's server,
 * or an embedded one — and a template database migrated with the built API's migrations. Sets
 * LB_TEST_ADMIN_URL and LB_TEST_TEMPLATE_DB for the test files, which copy the template into a
 * database of their own, and LB_TEST_TMP: one `lb-test-*` directory for every throwaway file
 * of the run (the embedded cluster, uploads), removed whole by teardownTestPostgres.
 */
export async function setupTestPostgres(): Promise<void> {
  const migrate = join(apiDistDir(), 'database/migrate.js');
  if (!existsSync(migrate)) {
    throw new Error('apps/api is not built: run `npm run build` (npm test does it for you).');
  }
  const root = mkdtempSync(join(tmpdir(), 'lb-test-'));
  // Under root, PostgreSQL runs as `postgres`, which must reach root/pg.
  chmodSync(root, 0o755);
  state = { server: null, template: null, dirs: [root] };
  process.env.LB_TEST_TMP = root;
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const dataDir = postgresDataDir(join(root, 'pg'));
      if (dataDir.relocated) state.dirs.push(dataDir.path);
      state.server = await startEmbeddedPostgres({
        dataDir: dataDir.path,
        port: await freePort(),
        fast: true,
      });
      adminUrl = state.server.url;
    }
    state.template = await createDatabase(adminUrl, { prefix: 'lb_template' });
    const result = spawnSync(process.execPath, [migrate], {
      env: { ...process.env, DATABASE_URL: state.template.url },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`migrating the test template failed:\n${result.stdout}\n${result.stderr}`);
    }
    process.env.LB_TEST_ADMIN_URL = adminUrl;
    process.env.LB_TEST_TEMPLATE_DB = state.template.name;
  } catch (error) {
    // A failed setup gets no teardown call: leave nothing behind here.
    await teardownTestPostgres();
    throw error;
  }
}

/** Global teardown: drops the template, stops the embedded server, removes the run's files. */
export async function teardownTestPostgres(): Promise<void> {
  if (!state) return;
  const { server, template, dirs } = state;
  state = null;
  await template?.drop().catch(() => {});
  await server?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
