import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, apiDistDir, startApiProcess } from '@leadbridge/devkit/api-process';
import { freePort } from '@leadbridge/devkit/ports';
import { createDatabase, type TestDatabase } from '@leadbridge/devkit/test-databases';
import pg from 'pg';

/**
 * The production smoke test: the built API started the way docs/deploy.md starts it — `node
 * dist/main.js` with NODE_ENV=production, an external PostgreSQL (the machine's, when one
 * answers at LB_EXTERNAL_PG_URL, else the suite's own), an empty database it migrates itself,
 * and the admin and widget builds — serves all three, and refuses to start without APP_SECRET.
 */

const EXTERNAL_PG = process.env.LB_EXTERNAL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HOST = 'leadbridge.example.com';
const PUBLIC_URL = `https://${HOST}`;
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

interface Proxy {
  httpPort: number;
  httpsPort: number;
  /** The self-signed certificate nginx presents, to trust in requests. */
  ca: string;
  stop: () => Promise<void>;
}

/** Replaces `from` (which must be there: the shipped config changed otherwise) with `to`. */
function replaceIn(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`deploy/nginx/leadbridge.conf no longer contains ${from}`);
  return next;
}

/**
 * nginx with deploy/nginx/leadbridge.conf as shipped, on free ports, with a self-signed
 * certificate; its first upstream is the API, its second a replica that is down.
 */
async function startNginx(apiPort: number): Promise<Proxy> {
  const dir = mkdtempSync(join(tmpdir(), 'lb-nginx-'));
  // nginx's workers run as an unprivileged user when started as root.
  chmodSync(dir, 0o755);
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    key,
    '-out',
    cert,
    '-subj',
    `/CN=${HOST}`,
    '-addext',
    `subjectAltName=DNS:${HOST}`,
  ]);
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr.toString()}`);
  const [httpPort, httpsPort, downPort] = [await freePort(), await freePort(), await freePort()];
  let site = readFileSync(join(repoRoot, 'deploy/nginx/leadbridge.conf'), 'utf8');
  site = replaceIn(site, /^\s*listen \[::\]:.*\n/gm, '');
  site = replaceIn(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`);
  site = replaceIn(site, 'listen 443 ssl', `listen 127.0.0.1:${httpsPort} ssl`);
  site = replaceIn(site, `/etc/letsencrypt/live/${HOST}/fullchain.pem`, cert);
  site = replaceIn(site, `/etc/letsencrypt/live/${HOST}/privkey.pem`, key);
  site = replaceIn(site, '127.0.0.1:3001', `127.0.0.1:${apiPort}`);
  site = replaceIn(site, '127.0.0.1:3002', `127.0.0.1:${downPort}`);
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\n` +
      `http {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n` +
      `  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n` +
      `  include ${dir}/site.conf;\n}\n`,
  );
  const nginx = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const child: ChildProcess = spawn(
    nginx,
    ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => {
    errors += `${error.message} (nginx is Debian's package "nginx")`;
  });
  const ca = readFileSync(cert, 'utf8');
  const proxy: Proxy = {
    httpPort,
    httpsPort,
    ca,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (let tries = 0; ; tries++) {
    try {
      if ((await throughProxy(proxy, '/health')).status === 200) return proxy;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || tries > 100) {
      await proxy.stop();
      throw new Error(`nginx did not start:\n${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface ProxiedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request to nginx's HTTPS port for https://HOST, trusting its certificate. */
function throughProxy(
  proxy: Proxy,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<ProxiedResponse> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      {
        host: '127.0.0.1',
        port: proxy.httpsPort,
        servername: HOST,
        ca: proxy.ca,
        method: options.method ?? 'GET',
        path,
        headers: { host: HOST, ...options.headers },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
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

  describe('behind nginx with TLS, configured as deploy/nginx/leadbridge.conf ships', () => {
    let proxy: Proxy;
    beforeAll(async () => {
      proxy = await startNginx(api.port);
    }, 60_000);
    afterAll(async () => {
      await proxy?.stop();
    });

    it('sends plain HTTP to HTTPS', async () => {
      const response = await fetch(`http://127.0.0.1:${proxy.httpPort}/leads?view=new`, {
        headers: { host: HOST },
        redirect: 'manual',
      });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(`https://${HOST}/leads?view=new`);
    });

    it('serves the admin app and the API over TLS, with one set of security headers', async () => {
      const health = await throughProxy(proxy, '/health');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toEqual({ status: 'ok', database: 'ok' });
      // nginx's request id reaches the API's log line and comes back.
      expect(health.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      const page = await throughProxy(proxy, '/leads', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
      const widget = await throughProxy(proxy, '/widget/lead-form.js');
      expect(widget.status).toBe(200);
    });

    it('passes a large CSV upload on to the API instead of refusing it itself', async () => {
      const csv = `email\n${'someone@example.com\n'.repeat(150_000)}`;
      expect(csv.length).toBeGreaterThan(2_000_000);
      const upload = await throughProxy(proxy, '/v1/imports', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(csv)) },
        body: csv,
      });
      // The API's own answer (no credentials), not nginx's 413.
      expect(upload.status).toBe(401);
      expect(upload.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('starts Secure cookie sessions, and keeps answering with one replica down', async () => {
      const email = `proxied-${Date.now()}@example.com`;
      for (let i = 0; i < 4; i++) {
        const answer = await throughProxy(proxy, '/health');
        expect(answer.status).toBe(200);
      }
      const signUp = await throughProxy(proxy, '/v1/auth/sign-up', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: PUBLIC_URL,
          'sec-fetch-site': 'same-origin',
        },
        body: JSON.stringify({
          companyName: 'Proxied Inc',
          name: 'Pat Proxy',
          email,
          password: 'correct horse battery',
        }),
      });
      expect(signUp.status).toBe(201);
      const cookie = [signUp.headers['set-cookie'] ?? []].flat()[0] ?? '';
      expect(cookie).toMatch(/;\s*Secure/i);
    });
  });
});

it('docs/deploy.md shows every file of deploy/ in full, as shipped', () => {
  const guide = readFileSync(join(repoRoot, 'docs/deploy.md'), 'utf8');
  const files = [
    'leadbridge.env.example',
    'nginx/leadbridge.conf',
    'systemd/leadbridge-api@.service',
    'systemd/leadbridge-worker@.service',
    'systemd/leadbridge-migrate@.service',
    'systemd/leadbridge.target',
  ];
  const missing = files.filter(
    (file) => !guide.includes(readFileSync(join(repoRoot, 'deploy', file), 'utf8').trimEnd()),
  );
  expect(missing).toEqual([]);
});
