// The API suite's setup (real PostgreSQL + migrated template), plus a file the reliability
// tests append their counts to, so the teardown can print one summary for the whole run. The
// file lives in the run's temp directory, which the teardown removes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testTempRoot } from '@leadbridge/devkit/temp';
import { setupTestPostgres } from '@leadbridge/devkit/test-postgres';

export default async function setup() {
  await setupTestPostgres();
  const file = join(testTempRoot(), 'reliability-tally.jsonl');
  writeFileSync(file, '');
  process.env.LB_RELIABILITY_TALLY = file;
}
