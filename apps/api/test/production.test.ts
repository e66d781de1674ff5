import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, apiDistDir, startApiProcess } from '@leadbridge/devkit/api-process';
import { createDatabase, type TestDatabase } from '@leadbridge/devkit/test-databases';
import pg from 'pg';

/**
 * The production smoke test: the built API started the way docs/deploy.md starts it — `node
 * dist/main.js` with NODE_ENV=production, an external PostgreSQL (the machine's, when one
 * answers at LB_EXTERNAL_PG_URL, else the suite's own), an empty database it migrates itself,
 * and the admin and widget builds — serves all three, and refuses to start without APP_SECRET.
 */

const EXTERNAL_PG = process.env.LB_EXTERNAL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PUBLIC_URL = 'https://leadbridge.example.test';
const APP_SECRET = 'production-smoke-secret-0123456789-0123456789';
const repoRoot = join(apiDistDir(), '../../..');
const adminDir = join(repoRoot, 'apps/admin/dist');
const widgetDir = join(repoRoot, 'packages/widget/dist');

/** The machine's PostgreSQL when it answers, with its version; otherwise null. */
async function externalPostgres(): Promise<{ url: string; version: string } | null> {
  const client = new pg.Client({ connectionString: EXTERNAL_PG, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return { url: EXTERNAL_PG, version: rows[0]?.server_version ?? '?' };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Where uploads go: S3-compatible storage when the devkit has a local S3 server (the cluster
 * work adds one), else a directory. Loaded by name so this test runs on either checkout.
 */
interface S3Devkit {
  startS3Server(): Promise<{
    createBucket(prefix?: string): Promise<string>;
    env(bucket: string): Record<string, string>;
    stop(): Promise<void>;
  }>;
}
async function uploadStorage(): Promise<{
  env: Record<string, string>;
  what: string;
  stop: () => Promise<void>;
}> {
  const specifier = '@leadbridge/devkit/s3-server';
  const devkit = (await import(specifier).catch(() => null)) as S3Devkit | null;
  if (devkit) {
    const server = await devkit.startS3Server();
    const bucket = await server.createBucket('lb-production');
    return { env: server.env(bucket), what: `S3 bucket ${bucket}`, stop: () => server.stop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lb-production-files-'));
  return {
    env: { STORAGE_DIR: dir },
    what: 'a local directory (no S3 test server in this checkout)',
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `node dist/main.js` until it exits; what it printed, split in lines. */
function runUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; lines: string[] }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.APP_SECRET;
  if (env.APP_SECRET !== undefined) childEnv.APP_SECRET = env.APP_SECRET;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(apiDistDir(), 'main.js')], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not exit without APP_SECRET:\n${output}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, lines: output.trim().split('\n') });
    });
  });
}

describe('production: NODE_ENV=production on an external PostgreSQL', () => {
  let database: TestDatabase;
  let storage: Awaited<ReturnType<typeof uploadStorage>>;
  let api: ApiProcess;
  let where = '';

  beforeAll(async () => {
    for (const [what, dir] of [
      ['admin app', adminDir],
      ['widget', widgetDir],
    ] as const) {
      if (!existsSync(dir)) throw new Error(`the ${what} is not built (${dir}): run npm run build`);
    }
    const external = await externalPostgres();
    const adminUrl = external?.url ?? process.env.LB_TEST_ADMIN_URL;
    if (!adminUrl) throw new Error('run API tests through jest (global-setup.mjs)');
    where = external
      ? `PostgreSQL ${external.version} at ${new URL(external.url).host}`
      : "the suite's own PostgreSQL (nothing answered at LB_EXTERNAL_PG_URL)";
    // Empty, not the migrated template: a release migrates its database itself.
    database = await createDatabase(adminUrl, { prefix: 'lb_production' });
    storage = await uploadStorage();
    api = await startApiProcess({
      env: {
        ...storage.env,
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        APP_SECRET,
        PUBLIC_URL,
        ADMIN_ORIGINS: PUBLIC_URL,
        TRUST_PROXY: 'loopback',
        ADMIN_DIR: adminDir,
        WIDGET_DIR: widgetDir,
        LOG_REQUESTS: 'true',
      },
    });
    console.log(`production smoke: on ${where}, uploads in ${storage.what}`);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    await storage?.stop();
  });

  it('migrates its empty database and reports healthy', async () => {
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  });

  it('serves the admin app with its assets and production headers', async () => {
    const page = await fetch(`${api.url}/leads`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const asset = await fetch(`${api.url}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
    }
  });

  it('serves the widget to any site', async () => {
    const entry = await fetch(`${api.url}/widget/lead-form.js`, {
      headers: { origin: 'https://partner-site.example' },
    });
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    expect(entry.headers.get('access-control-allow-origin')).toBe('*');
    // A short-lived entry that imports hashed, immutable chunks.
    expect(entry.headers.get('cache-control')).toBe('public, max-age=300');
    const chunks = [...(await entry.text()).matchAll(/from"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const file = await fetch(`${api.url}/widget/${chunk}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toMatch(/immutable/);
      expect((await file.text()).length).toBeGreaterThan(1000);
    }
  });

  it('serves the API: a company signs up behind the TLS proxy and a partner submits a lead', async () => {
    const email = `owner-${Date.now()}@example.com`;
    // As the reverse proxy forwards it: HTTPS outside, the admin app's own origin.
    const proxied = {
      'content-type': 'application/json',
      'x-forwarded-proto': 'https',
      origin: PUBLIC_URL,
      'sec-fetch-site': 'same-origin',
    };
    const signUp = await fetch(`${api.url}/v1/auth/sign-up`, {
      method: 'POST',
      headers: proxied,
      body: JSON.stringify({
        companyName: 'Smoke Test Inc',
        name: 'Olivia Owner',
        email,
        password: 'correct horse battery',
      }),
    });
    expect(signUp.status).toBe(201);
    const cookie = signUp.headers.getSetCookie()[0] ?? '';
    // Over HTTPS in production: the session cookie is Secure, httpOnly, SameSite=Lax.
    expect(cookie).toMatch(/^lb_session=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    const session = (await signUp.json()) as { csrfToken: string };
    const asOwner = {
      ...proxied,
      cookie: cookie.split(';')[0] ?? '',
      'x-csrf-token': session.csrfToken,
    };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: asOwner,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return response.json() as Promise<Record<string, unknown> & { id: string }>;
    };
    const program = await post('/v1/programs', { name: 'Resellers', currency: 'USD' });
    const partner = await post('/v1/partners', {
      name: 'Pat Partner',
      email: `pat-${Date.now()}@example.com`,
      programIds: [program.id],
    });
    const partnerSession = (await post('/v1/partner-sessions', {
      programId: program.id,
      partnerId: partner.id,
    })) as unknown as { token: string };
    const lead = await fetch(`${api.url}/v1/leads`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${partnerSession.token}`,
      },
      body: JSON.stringify({ email: 'grace@hopper.example', firstName: 'Grace' }),
    });
    expect(lead.status).toBe(201);
    const listed = await fetch(`${api.url}/v1/leads`, { headers: { cookie: asOwner.cookie } });
    const leads = (await listed.json()) as { data: { email: string }[] };
    expect(leads.data.map((l) => l.email)).toEqual(['grace@hopper.example']);
  });

  it('logs JSON lines, as a log shipper reads them', () => {
    const jsonLines = api
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(jsonLines.length).toBeGreaterThan(0);
    expect(jsonLines[0]).toEqual(expect.objectContaining({ level: expect.any(String) }));
  });

  it('refuses to start without APP_SECRET, in one clear line, before touching the database', async () => {
    for (const secret of [undefined, 'too-short']) {
      const { code, lines } = await runUntilExit({
        NODE_ENV: 'production',
        // Nothing listens here: the refusal must come first.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        PORT: '0',
        ...(secret === undefined ? {} : { APP_SECRET: secret }),
      });
      expect(code).toBe(1);
      expect(lines).toEqual([
        'Invalid configuration: APP_SECRET must be set to at least 32 characters in production',
      ]);
    }
  });
});
