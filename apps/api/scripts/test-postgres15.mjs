// `npm run test:postgres15 -w @leadbridge/api`: the API suite once more, against the machine's
// PostgreSQL 15 (the oldest supported version; `npm test` runs it on the embedded 18 first) and
// with uploads in S3-compatible storage (a local test server), so one extra pass covers both.
// LB_PG15_URL points elsewhere; an unreachable server skips the pass with a notice.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const url = process.env.LB_PG15_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const where = new URL(url).host;

async function serverVersion() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    return rows[0].server_version;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

const version = await serverVersion();
if (typeof version !== 'string') {
  console.log(
    `\nNOTICE: no PostgreSQL at ${where} (${version.error}): the API suite's PostgreSQL 15 pass is skipped.\n`,
  );
  process.exit(0);
}
if (!version.startsWith('15')) {
  console.log(
    `NOTICE: the server at ${where} runs PostgreSQL ${version}, not 15; testing on it anyway.`,
  );
}
console.log(`\nAPI suite on PostgreSQL ${version} at ${where}, uploads in S3-compatible storage\n`);
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
  cwd: join(dirname(fileURLToPath(import.meta.url)), '..'),
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, LB_TEST_STORAGE: 's3' },
});
process.exit(result.status ?? 1);
