import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '@leadbridge/devkit/api-process';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import { Pool } from 'pg';
import { removeStorage } from './storage';

/** A fixed secret so tests can mint partner tokens the API accepts (see seed.ts). */
export const TEST_APP_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TestApi {
  url: string;
  databaseUrl: string;
  /** Direct SQL access to this test's own database, for setup and assertions. */
  db: Pool;
  http: HttpClient;
  /** Everything the API process printed (for debugging failures). */
  output(): string;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  /** Start the API again on the same database (e.g. after kill()). */
  restart(env?: Record<string, string>): Promise<void>;
  /** Stop the process and drop the database. */
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: tests assert on JSON bodies of many shapes; typing each would only restate the assertions.
type AnyJson = any;

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Bearer token: an API key `sk_…` or partner token `pt_…`. */
  token?: string;
  headers?: Record<string, string>;
  /** Raw body (e.g. a CSV) sent as-is. */
  raw?: string | Buffer;
}

export class HttpClient {
  constructor(private readonly base: () => string) {}

  async request<T = AnyJson>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.base()}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = AnyJson>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = AnyJson>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body });
  }
  patch<T = AnyJson>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  put<T = AnyJson>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, body });
  }
  delete<T = AnyJson>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options);
  }
}

export interface StartTestApiOptions {
  /** How the API reaches its database, e.g. through a proxy (the test's own pool connects directly). */
  databaseUrl?: (url: string) => string;
}

/**
 * Starts the built API as a real process on a fresh database copied from the migrated
 * template (see global-setup.mjs). One per test file: `beforeAll(startTestApi)`.
 */
export async function startTestApi(
  env: Record<string, string> = {},
  options: StartTestApiOptions = {},
): Promise<TestApi> {
  const adminUrl = process.env.LB_TEST_ADMIN_URL;
  const template = process.env.LB_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('run API tests through jest (global-setup.mjs)');
  const database = await createDatabase(adminUrl, { template });
  const apiDatabaseUrl = options.databaseUrl?.(database.url) ?? database.url;
  const baseEnv = { DATABASE_URL: apiDatabaseUrl, APP_SECRET: TEST_APP_SECRET, ...env };
  let api = await startApiProcess({ env: baseEnv });
  const db = new Pool({ connectionString: database.url, max: 4 });
  // An idle connection the server ends (a restart, another run's cleanup on a shared server)
  // must not crash the test file; a query that needed it fails the test on its own.
  db.on('error', () => {});
  return {
    get url() {
      return api.url;
    },
    databaseUrl: database.url,
    db,
    http: new HttpClient(() => api.url),
    output: () => api.output(),
    kill: () => api.kill(),
    restart: async (extra = {}) => {
      await api.stop();
      api = await startApiProcess({ env: { ...baseEnv, ...extra } });
    },
    close: async () => {
      await api.stop();
      await db.end();
      await database.drop();
      removeStorage(baseEnv);
    },
  };
}
