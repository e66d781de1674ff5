// `npm start` (`node scripts/start.mjs --build`): the whole system on one machine, built first.
// With no DATABASE_URL, an embedded PostgreSQL (data in .data/pg, or $LEADBRIDGE_DATA_DIR/pg);
// with no SMTP_URL, a local mail catcher. Then migrations, first-run demo data, the API (which
// also serves the admin app, the widget and the hosted portals), and a demo "company website" on
// another origin that embeds <lead-form> exactly as a customer would. Ctrl-C stops it all.
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
  if (code === 0) console.log('\nStopping Leadbridge…');
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(oneLine(error));
    }
  }
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));

/** A failure a person can act on: its message is the one line printed, with no stack. */
class StartError extends Error {}

/** One line for any error: what failed and what to do, never a stack trace. */
function oneLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/).find((line) => line.trim()) ?? 'unknown error';
}

/** What went wrong while `what` started, as the one line a person needs. */
function explain(what, error, portVariable, port) {
  if (error?.name === 'PostgresStartError' || error instanceof StartError) return error;
  if (error?.code === 'EADDRINUSE') {
    return new StartError(
      `The ${what} could not listen on port ${port}: it is in use. Stop what uses it or set ${portVariable} to a free port.`,
    );
  }
  return new StartError(`The ${what} could not start: ${oneLine(error)}`);
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

function runNode(script, env, what) {
  const result = spawnSync(process.execPath, [script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const lines = `${result.stderr}\n${result.stdout}`.split(/\r?\n/).filter((l) => l.trim());
    const reason = lines.find((l) => /error|cannot|refused|denied|invalid/i.test(l)) ?? lines[0];
    throw new StartError(
      `${what} failed: ${reason?.trim() ?? `exit code ${result.status}`}${process.env.DATABASE_URL ? ' (check DATABASE_URL)' : ''}`,
    );
  }
  return result.stdout;
}

/** "  ✓ what" once `work` is done; the line a person watches while it starts. */
async function step(what, work) {
  const result = await work();
  console.log(`  ✓ ${typeof what === 'function' ? what(result) : what}`);
  return result;
}

/**
 * `npm start` builds first (`--build`): turbo's own banner and summary would push the URLs off
 * the screen, so its output is shown only when the build fails.
 */
async function build() {
  const turbo = join(root, 'node_modules/.bin/turbo');
  const result = await new Promise((resolve) => {
    const child = spawn(turbo, ['run', 'build', '--output-logs=errors-only'], {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', (error) => resolve({ code: 1, output: error.message }));
    child.once('exit', (code) => resolve({ code, output }));
  });
  if (result.code !== 0) {
    process.stderr.write(result.output);
    throw new StartError(
      'The build failed: the errors are above. Fix them and run npm start again.',
    );
  }
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (process.argv.includes('--build')) {
    console.log('Starting Leadbridge…\n  Building (the first build takes a few minutes)…');
    await step('Built', build);
  }
  if (!existsSync(join(apiDist, 'main.js'))) {
    throw new StartError(
      'The API is not built: run `npm start` from the repository root (it builds first).',
    );
  }
  if (!process.argv.includes('--build')) console.log('Starting Leadbridge…');

  let databaseUrl = process.env.DATABASE_URL;
  let databaseNote = 'DATABASE_URL';
  if (!databaseUrl) {
    const { postgresDataDir, startEmbeddedPostgres } = await import('@leadbridge/devkit/postgres');
    const pgDir = postgresDataDir(join(dataDir, 'pg'));
    const server = await step(`PostgreSQL (embedded, port ${pgPort})`, async () => {
      try {
        return await startEmbeddedPostgres({ dataDir: pgDir.path, port: pgPort });
      } catch (error) {
        throw explain('embedded PostgreSQL', error, 'PG_PORT', pgPort);
      }
    });
    cleanups.push(() => server.stop());
    databaseUrl = await ensureDatabase(server.url, 'leadbridge');
    databaseNote = `embedded PostgreSQL on port ${pgPort}, data in ${shownPath(pgDir.path)}${
      pgDir.relocated ? ` (the postgres user cannot reach ${dataDir})` : ''
    }`;
  }

  let smtpUrl = process.env.SMTP_URL;
  let mailUi = null;
  if (!smtpUrl) {
    const { startMailCatcher } = await import('@leadbridge/devkit/mail-catcher');
    const catcher = await step('Mail catcher', async () => {
      try {
        return await startMailCatcher({ smtpPort: mailSmtpPort, httpPort: mailHttpPort });
      } catch (error) {
        const smtp =
          error?.port === mailSmtpPort || `${error?.message}`.includes(`:${mailSmtpPort}`);
        throw smtp
          ? explain('mail catcher', error, 'MAIL_SMTP_PORT', mailSmtpPort)
          : explain('mail catcher', error, 'MAIL_HTTP_PORT', mailHttpPort);
      }
    });
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

  await step('Database migrated', () =>
    runNode(join(apiDist, 'database/migrate.js'), env, 'Applying migrations'),
  );
  const seed = await step(
    (result) => (result.seeded ? 'Demo company created' : 'Data of the last run kept'),
    () =>
      JSON.parse(
        runNode(
          join(apiDist, 'database/seed.js'),
          { ...env, SEED_ALLOWED_ORIGINS: `${demoOrigin},${apiUrl}` },
          'Seeding the demo company',
        ).trim(),
      ),
  );

  await step(`API on port ${apiPort}`, () => startApi(env));

  const demo = await step(`Demo company website on port ${demoPort}`, async () => {
    try {
      return await startDemoSite({ port: demoPort, apiUrl, publishableKey: seed.publishableKey });
    } catch (error) {
      throw explain('demo website', error, 'DEMO_PORT', demoPort);
    }
  });
  cleanups.push(() => demo.stop());

  const rows = [
    ['Admin app', `${apiUrl}/`, `sign in as ${seed.ownerEmail} / ${seed.ownerPassword}`],
    [
      'Company website',
      `${demoOrigin}/`,
      `the embedded form; partners sign in with a code emailed to ${seed.partnerEmails[0]}`,
    ],
    ...(seed.portalPath
      ? [
          [
            'Hosted portal',
            `${apiUrl}${seed.portalPath}`,
            'the same form on a page Leadbridge hosts',
          ],
        ]
      : []),
    [
      mailUi ? 'Mail catcher' : 'SMTP',
      mailUi ? `${mailUi}/` : smtpUrl,
      mailUi ? 'every email the system sends (sign-in codes too)' : '',
    ],
    ['API', `${apiUrl}/v1`, `docs at ${apiUrl}/docs`],
  ];
  const urlWidth = Math.max(...rows.map((row) => row[1].length));
  console.log(`
Leadbridge is running.

${rows.map(([name, url, note]) => `  ${name.padEnd(18)}${url.padEnd(urlWidth + 2)}${note}`.trimEnd()).join('\n')}

  Other partners: ${seed.partnerEmails.slice(1).join(', ') || 'none'}
  Database: ${databaseNote}

Press Ctrl-C to stop.`);
  // One line for programs that start Leadbridge (the e2e journeys): everything above, as JSON.
  if (process.stdout.isTTY) return;
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
    portalUrl: seed.portalPath ? `${apiUrl}${seed.portalPath}` : null,
    ownerEmail: seed.ownerEmail,
    partnerEmails: seed.partnerEmails,
  };
  console.log(`LEADBRIDGE_READY ${JSON.stringify(ready)}`);
}

/** The API as a child process; resolves once it listens, fails with its one-line reason. */
function startApi(env) {
  const api = spawn(process.execPath, [join(apiDist, 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(
    () =>
      new Promise((resolve) => {
        if (api.exitCode !== null) return resolve();
        api.once('exit', resolve);
        api.kill('SIGTERM');
      }),
  );
  return new Promise((resolve, reject) => {
    let listening = false;
    let errors = '';
    api.stderr.on('data', (chunk) => {
      if (listening) process.stderr.write(chunk);
      else errors += chunk.toString();
    });
    api.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      if (!listening && text.includes('listening on')) {
        listening = true;
        process.stderr.write(errors);
        resolve(api);
        // The URLs follow; the API's own "listening" line would only repeat one of them.
        const rest = text.replace(/^.*listening on.*\n?/m, '');
        if (rest) process.stdout.write(rest);
        return;
      }
      process.stdout.write(chunk);
    });
    api.on('exit', (code) => {
      if (!listening) {
        reject(
          new StartError(
            oneLine(
              errors.trim() ? errors : `The API exited with code ${code} before it listened.`,
            ),
          ),
        );
      } else if (!stopping) {
        console.error(`The API exited (code ${code}).`);
        void shutdown(1);
      }
    });
  });
}

/** A path as the person typed it: relative to the repository when inside it. */
function shownPath(path) {
  const inside = relative(root, path);
  return inside.startsWith('..') ? path : inside;
}

main().catch(async (error) => {
  console.error(`\nLeadbridge could not start. ${oneLine(error)}`);
  await shutdown(1);
});
