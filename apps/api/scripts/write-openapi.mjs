// Writes apps/api/openapi.json: the document the built API serves at /v1/openapi.json, taken
// from a real process on a throwaway database, so the committed file is exactly what clients get.
// `npm run openapi -w @leadbridge/api` (the API must be built; LB_API_DIST picks another build).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiProcess } from '@leadbridge/devkit/api-process';
import { freePort } from '@leadbridge/devkit/ports';
import { postgresDataDir, startEmbeddedPostgres } from '@leadbridge/devkit/postgres';
import { createDatabase } from '@leadbridge/devkit/test-databases';

const target = join(dirname(fileURLToPath(import.meta.url)), '../openapi.json');

/** DATABASE_URL's server if set, else an embedded PostgreSQL in `scratch` (removed after). */
async function postgresServer(scratch) {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = postgresDataDir(join(scratch, 'pg'));
  const server = await startEmbeddedPostgres({
    dataDir: dataDir.path,
    port: await freePort(),
    fast: true,
  });
  return {
    adminUrl: server.url,
    stop: async () => {
      await server.stop();
      if (dataDir.relocated) rmSync(dataDir.path, { recursive: true, force: true });
    },
  };
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'lb-openapi-'));
  // Under root, PostgreSQL runs as `postgres`, which must reach scratch/pg.
  chmodSync(scratch, 0o755);
  let server;
  let database;
  let api;
  try {
    server = await postgresServer(scratch);
    database = await createDatabase(server.adminUrl, { prefix: 'lb_openapi' });
    // The API migrates its database at start-up; no workers are needed to read a document.
    api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        RUN_WORKERS: 'false',
        STORAGE_DIR: join(scratch, 'files'),
      },
    });
    const response = await fetch(`${api.url}/v1/openapi.json`);
    if (!response.ok) throw new Error(`GET /v1/openapi.json answered ${response.status}`);
    const body = await response.text();
    JSON.parse(body); // refuse to commit anything that is not JSON
    writeFileSync(target, body);
    const document = JSON.parse(body);
    const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
    console.log(
      `wrote ${target}: ${Object.keys(document.paths).length} paths, ${operations.length} operations`,
    );
  } finally {
    await api?.stop();
    await database?.drop();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
