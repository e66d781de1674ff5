import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDistDir } from './api-process.js';
import { freePort } from './ports.js';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from './postgres.js';
import { createDatabase, type TestDatabase } from './test-databases.js';

interface TestPostgresState {
  server: (EmbeddedPostgresHandle & { dataDir: string }) | null;
  template: TestDatabase;
}

let state: TestPostgresState | null = null;

/**
 * For a test run (Jest globalSetup): a real PostgreSQL — DATABASE_URL's server, or an embedded
 * one in a temp dir — and a template database migrated with the built API's migrations. Sets
 * LB_TEST_ADMIN_URL and LB_TEST_TEMPLATE_DB for the test files, which copy the template into a
 * database of their own.
 */
export async function setupTestPostgres(): Promise<void> {
  const migrate = join(apiDistDir(), 'database/migrate.js');
  if (!existsSync(migrate)) {
    throw new Error('apps/api is not built: run `npm run build` (npm test does it for you).');
  }
  let adminUrl = process.env.DATABASE_URL;
  let server: TestPostgresState['server'] = null;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'lb-test-pg-'));
    const handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true });
    server = { ...handle, dataDir };
    adminUrl = handle.url;
  }
  const template = await createDatabase(adminUrl, { prefix: 'lb_template' });
  const result = spawnSync(process.execPath, [migrate], {
    env: { ...process.env, DATABASE_URL: template.url },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    await template.drop();
    await server?.stop();
    throw new Error(`migrating the test template failed:\n${result.stdout}\n${result.stderr}`);
  }
  state = { server, template };
  process.env.LB_TEST_ADMIN_URL = adminUrl;
  process.env.LB_TEST_TEMPLATE_DB = template.name;
}

/** Jest globalTeardown: drops the template and stops the embedded server, if any. */
export async function teardownTestPostgres(): Promise<void> {
  if (!state) return;
  const { server, template } = state;
  state = null;
  await template.drop().catch(() => {});
  if (server) {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
