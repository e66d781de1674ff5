// @ts-check
// Soak (DESIGN.md §8, reliability): steady lead submissions at a fixed rate against the built API
// on its own PostgreSQL for SOAK_SECONDS (600). Samples the API process's RSS every 10 s and
// prints the memory series, its slope, the errors (which must be zero) and latency percentiles.
// Nothing here asserts a timing; run() throws only when a submission failed or went missing.
//
//   node apps/api/bench/soak.bench.mjs          (or `npm run bench -- soak`, which calls run())
//
// Knobs: SOAK_SECONDS (600), SOAK_RATE submissions/s (40), SOAK_SAMPLE_SECONDS (10),
// SOAK_PARTNERS (60: partners share the load, each stays under its per-minute limit).
// Uses DATABASE_URL's server when set (a scratch database is created and dropped), else an
// embedded PostgreSQL in a temp dir. Runs apps/api/dist, or LB_API_DIST.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DEFAULT_LEAD_FORM_SCHEMA } from '@leadbridge/core';
import { apiDistDir, startApiProcess } from '@leadbridge/devkit/api-process';
import { freePort } from '@leadbridge/devkit/ports';
import { startEmbeddedPostgres } from '@leadbridge/devkit/postgres';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import pg from 'pg';

const APP_SECRET = randomBytes(32).toString('hex');

/** @param {string} name @param {number} fallback */
function envInt(name, fallback) {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Resident set size of a process in MB (Linux /proc; `ps` elsewhere). @param {number} pid */
function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
    return Number(ps.stdout.trim() || 0) / 1024;
  }
}

/** Least-squares slope of y over x. @param {{ x: number; y: number }[]} points */
function slope(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** One company, one program, `count` enrolled partners. @param {pg.Pool} db @param {number} count */
async function seed(db, count) {
  const { rows: companies } = await db.query(
    `INSERT INTO companies (name) VALUES ('Soak Co') RETURNING id`,
  );
  const company = companies[0].id;
  const { rows: programs } = await db.query(
    `INSERT INTO programs (company_id, name, publishable_key, form_schema)
     VALUES ($1, 'Soak Program', $2, $3) RETURNING id`,
    [company, `pk_${randomBytes(12).toString('hex')}`, JSON.stringify(DEFAULT_LEAD_FORM_SCHEMA)],
  );
  const program = programs[0].id;
  /** @type {string[]} */
  const partners = [];
  for (let i = 0; i < count; i++) {
    const { rows } = await db.query(
      `INSERT INTO partners (company_id, name, email, unsubscribe_token)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [company, `Partner ${i}`, `partner${i}@soak.example`, randomBytes(16).toString('hex')],
    );
    partners.push(rows[0].id);
    await db.query(
      `INSERT INTO partnerships (company_id, program_id, partner_id, partner_key) VALUES ($1, $2, $3, $4)`,
      [company, program, rows[0].id, `p${i}`],
    );
  }
  const apiKey = `sk_${randomBytes(24).toString('base64url')}`;
  await db.query(
    `INSERT INTO api_keys (company_id, name, prefix, key_hash) VALUES ($1, 'soak', $2, $3)`,
    [company, apiKey.slice(0, 11), createHash('sha256').update(apiKey).digest('hex')],
  );
  return { company, program, partners };
}

export async function run() {
  const seconds = envInt('SOAK_SECONDS', 600);
  const rate = envInt('SOAK_RATE', 40);
  const sampleSeconds = envInt('SOAK_SAMPLE_SECONDS', 10);
  const partnerCount = envInt('SOAK_PARTNERS', 60);
  const log = (/** @type {string} */ text) => console.log(`[soak] ${text}`);
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const dataDir = mkdtempSync(join(tmpdir(), 'lb-soak-pg-'));
      const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
      cleanups.push(async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      adminUrl = server.url;
    }
    const database = await createDatabase(adminUrl, { prefix: 'lb_soak' });
    cleanups.push(() => database.drop());
    const migrate = spawnSync(process.execPath, [join(apiDistDir(), 'database/migrate.js')], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
    const db = new pg.Pool({ connectionString: database.url, max: 2 });
    cleanups.push(() => db.end());
    const tenant = await seed(db, partnerCount);

    const api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        APP_SECRET,
        NODE_ENV: 'production',
        LOG_REQUESTS: 'false',
      },
    });
    cleanups.push(() => api.stop());
    const pid = api.child.pid ?? 0;
    const require = createRequire(import.meta.url);
    const { signPartnerToken } = require(join(apiDistDir(), 'common/auth/tokens.js'));
    const expiresAt = Math.floor(Date.now() / 1000) + seconds + 3600;
    const tokens = tenant.partners.map((partnerId) =>
      signPartnerToken(APP_SECRET, {
        companyId: tenant.company,
        partnerId,
        programId: tenant.program,
        expiresAt,
      }),
    );
    log(`${seconds} s at ${rate} submissions/s over ${partnerCount} partners (API pid ${pid})`);

    /** @type {number[]} */
    const latencies = [];
    /** @type {Map<string, number>} */
    const errors = new Map();
    let sent = 0;
    let accepted = 0;
    /** @type {Set<Promise<void>>} */
    const inFlight = new Set();
    const submit = (/** @type {number} */ n) => {
      const started = performance.now();
      const request = fetch(`${api.url}/v1/leads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[n % tokens.length]}`,
          'content-type': 'application/json',
          'idempotency-key': `soak-${n}`,
        },
        body: JSON.stringify({
          email: `soak${n}@lead-${n % 97}.example`,
          firstName: `Lead ${n}`,
          company: `Company ${n % 500}`,
        }),
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
          if (response.status === 201) accepted++;
          else
            errors.set(`HTTP ${response.status}`, (errors.get(`HTTP ${response.status}`) ?? 0) + 1);
        })
        .catch((/** @type {Error} */ error) => {
          errors.set(error.name, (errors.get(error.name) ?? 0) + 1);
        })
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    };

    /** @type {{ t: number; rss: number }[]} */
    const memory = [{ t: 0, rss: rssMb(pid) }];
    const begin = performance.now();
    const sampler = setInterval(() => {
      const t = Math.round((performance.now() - begin) / 1000);
      memory.push({ t, rss: rssMb(pid) });
      log(
        `t=${String(t).padStart(4)} s  rss ${memory.at(-1)?.rss.toFixed(1)} MB  sent ${sent}  ok ${accepted}  in flight ${inFlight.size}`,
      );
    }, sampleSeconds * 1000);
    // Open loop: each submission leaves on schedule, whether or not earlier ones answered.
    const total = seconds * rate;
    while (sent < total) {
      const due = begin + (sent / rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      submit(sent++);
    }
    await Promise.all([...inFlight]);
    clearInterval(sampler);
    memory.push({ t: Math.round((performance.now() - begin) / 1000), rss: rssMb(pid) });

    const { rows } = await db.query(
      `SELECT count(*)::int AS leads, count(DISTINCT email_normalized)::int AS emails FROM leads WHERE company_id = $1`,
      [tenant.company],
    );
    const stored = rows[0];
    // The first minute is warm-up (JIT, pools, caches); the slope that matters is the rest.
    const steady = memory.filter((m) => m.t >= Math.min(60, seconds / 3));
    const perMinute = slope(steady.map((m) => ({ x: m.t / 60, y: m.rss })));
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log('\nRSS of the API process (MB), every sample:');
    console.log(memory.map((m) => `${m.t}s:${m.rss.toFixed(1)}`).join('  '));
    console.table([
      {
        submitted: sent,
        accepted,
        stored: stored.leads,
        distinct: stored.emails,
        errors: errorCount,
        'rate /s': Number((sent / seconds).toFixed(1)),
        'p50 ms': Number(percentile(latencies, 50).toFixed(1)),
        'p95 ms': Number(percentile(latencies, 95).toFixed(1)),
        'p99 ms': Number(percentile(latencies, 99).toFixed(1)),
        'max ms': Number(Math.max(0, ...latencies).toFixed(1)),
        'rss start MB': Number((memory[0]?.rss ?? 0).toFixed(1)),
        'rss end MB': Number((memory.at(-1)?.rss ?? 0).toFixed(1)),
        'rss slope MB/min (after warm-up)': Number(perMinute.toFixed(2)),
      },
    ]);
    if (errorCount > 0) console.log('errors by kind:', Object.fromEntries(errors));
    if (errorCount > 0 || stored.leads !== accepted || stored.emails !== accepted) {
      throw new Error(
        `soak: ${errorCount} errors; ${accepted} accepted vs ${stored.leads} stored (${stored.emails} distinct)`,
      );
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
