import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's built-in account: the credentials a client must sign its requests with. */
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';

export interface S3Server {
  /** e.g. http://127.0.0.1:43123 */
  endpoint: string;
  port: number;
  /** Creates an empty bucket with a random name (prefix + hex) and returns its name. */
  createBucket(prefix?: string): Promise<string>;
  /** What the API needs to use `bucket`: STORAGE_URL and the AWS credentials. */
  env(bucket: string): Record<string, string>;
  /** Keys of the objects in `bucket`, sorted. */
  keys(bucket: string): Promise<string[]>;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
}

export interface S3ServerOptions {
  /** 0 (default) = any free port. */
  port?: number;
  host?: string;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Creates an empty bucket named `prefix-<hex>` on a local test server (unsigned request). */
export async function createS3Bucket(endpoint: string, prefix = 'lb-test'): Promise<string> {
  const name = `${prefix}-${randomBytes(6).toString('hex')}`;
  const response = await fetch(`${endpoint}/${name}`, { method: 'PUT' });
  if (!response.ok) throw new Error(`creating bucket ${name}: ${response.status}`);
  return name;
}

/** Keys of the objects in `bucket` on a local test server (optionally under `prefix`), sorted. */
export async function listS3Keys(endpoint: string, bucket: string, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  let token: string | null = null;
  do {
    const query = new URLSearchParams({ 'list-type': '2', prefix });
    if (token) query.set('continuation-token', token);
    const response = await fetch(`${endpoint}/${bucket}?${query}`);
    const xml = await response.text();
    if (!response.ok) throw new Error(`listing bucket ${bucket}: ${response.status} ${xml}`);
    for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(decodeXml(match[1] ?? ''));
    token = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? null;
  } while (token);
  return keys.sort();
}

/** What the API needs to keep its files in `bucket` of a local test server. */
export function s3StorageEnv(
  endpoint: string,
  bucket: string,
  prefix = '',
): Record<string, string> {
  return {
    STORAGE_URL: `s3://${bucket}${prefix ? `/${prefix}` : ''}?endpoint=${encodeURIComponent(endpoint)}`,
    AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    // Tests run on Node 20 on purpose; the SDK's notice about its future Node 22 floor is noise there.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * A local S3-compatible server for tests (s3rver, in this process, objects in a temp dir): a
 * stand-in for the object storage service, while the code under test uses the real AWS SDK.
 */
export async function startS3Server({
  port = 0,
  host = '127.0.0.1',
}: S3ServerOptions = {}): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'lb-s3-'));
  const server = new S3rver({ port, address: host, silent: true, directory });
  let address: { port: number };
  try {
    address = await server.run();
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://${host}:${address.port}`;
  let stopped = false;
  return {
    endpoint,
    port: address.port,
    createBucket: (prefix) => createS3Bucket(endpoint, prefix),
    env: (bucket) => s3StorageEnv(endpoint, bucket),
    keys: (bucket) => listS3Keys(endpoint, bucket),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
