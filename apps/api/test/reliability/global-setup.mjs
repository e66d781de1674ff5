// The API suite's setup (real PostgreSQL + migrated template), plus a file the reliability
// tests append their counts to, so the teardown can print one summary for the whole run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupTestPostgres } from '@leadbridge/devkit/test-postgres';

export default async function setup() {
  await setupTestPostgres();
  const file = join(mkdtempSync(join(tmpdir(), 'lb-reliability-')), 'tally.jsonl');
  writeFileSync(file, '');
  process.env.LB_RELIABILITY_TALLY = file;
}
