import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The directory of this test run's throwaway files: `LB_TEST_TMP`, which the suite's global
 * setup creates and its teardown removes whole (also when tests fail), else the system's.
 */
export function testTempRoot(): string {
  return process.env.LB_TEST_TMP || tmpdir();
}

/** A new empty directory inside the run's temp root, e.g. `testTempDir('imports-')`. */
export function testTempDir(prefix: string): string {
  return mkdtempSync(join(testTempRoot(), prefix));
}
