import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listS3Keys, s3StorageEnv } from '@leadbridge/devkit/s3-server';
import { testTempDir, testTempRoot } from '@leadbridge/devkit/temp';

/**
 * Where a test API keeps uploaded files. `LB_TEST_STORAGE=s3` (set with a local S3-compatible
 * server by global-setup.mjs) runs the same tests on the S3 driver: each API gets its own key
 * prefix in the run's bucket. Otherwise each gets a throwaway directory.
 */
export function storageEnv(): Record<string, string> {
  const endpoint = process.env.LB_TEST_S3_ENDPOINT;
  const bucket = process.env.LB_TEST_S3_BUCKET;
  if (process.env.LB_TEST_STORAGE === 's3') {
    if (!endpoint || !bucket) throw new Error('LB_TEST_STORAGE=s3 needs jest global-setup.mjs');
    return s3StorageEnv(endpoint, bucket, `t-${randomBytes(6).toString('hex')}`);
  }
  // Inside the run's temp directory (LB_TEST_TMP), which the global teardown removes whole
  // even when a test file never got to close its API.
  return { STORAGE_DIR: testTempDir('imports-') };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every file stored under `env`'s storage (keys relative to it, sorted). */
export async function storedFiles(env: Record<string, string>): Promise<string[]> {
  if (env.STORAGE_URL) {
    const url = new URL(env.STORAGE_URL);
    const prefix = url.pathname.replace(/^\/+/, '');
    const keys = await listS3Keys(url.searchParams.get('endpoint') ?? '', url.hostname, prefix);
    return keys.map((key) => key.slice(prefix ? prefix.length + 1 : 0));
  }
  const dir = env.STORAGE_DIR ?? '';
  return filesUnder(dir)
    .map((file) => file.slice(dir.length + 1))
    .sort();
}

/** Removes a throwaway storage directory made by storageEnv() (S3 prefixes go with the run). */
export function removeStorage(env: Record<string, string>): void {
  const dir = env.STORAGE_DIR;
  if (dir?.startsWith(join(tmpdir(), 'lb-')) || dir?.startsWith(join(testTempRoot(), 'imports-'))) {
    rmSync(dir, { recursive: true, force: true });
  }
}
