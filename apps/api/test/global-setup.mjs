// @ts-check
// Once per Jest run: a real PostgreSQL (DATABASE_URL's server, or an embedded one in a temp
// dir) and a template database migrated with the built migrations; every test file then copies
// the template into its own database (see test/support/test-app.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDistDir } from '@leadbridge/devkit/api-process';
import { freePort } from '@leadbridge/devkit/ports';
import { startEmbeddedPostgres } from '@leadbridge/devkit/postgres';
import { createDatabase } from '@leadbridge/devkit/test-databases';

export default async function globalSetup() {
  const migrate = join(apiDistDir(), 'database/migrate.js');
  if (!existsSync(migrate)) {
    throw new Error('apps/api is not built: run `npm run build` (npm test does it for you).');
  }
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'lb-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true });
    globalThis.__LB_TEST_PG__ = { ...pg, dataDir };
    adminUrl = pg.url;
  }
  const template = await createDatabase(adminUrl, { prefix: 'lb_template' });
  const result = spawnSync(process.execPath, [migrate], {
    env: { ...process.env, DATABASE_URL: template.url },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    await template.drop();
    throw new Error(`migrating the test template failed:\n${result.stdout}\n${result.stderr}`);
  }
  globalThis.__LB_TEST_TEMPLATE__ = template;
  process.env.LB_TEST_ADMIN_URL = adminUrl;
  process.env.LB_TEST_TEMPLATE_DB = template.name;
}
