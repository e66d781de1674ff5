// @ts-check
// Dashboard benchmark (DESIGN §8): the admin dashboard's four lead/money endpoints for the last
// 12 weeks and 12 months of one company with 1,000,000 leads, API only (the inbox benchmark
// draws the same dashboard in Chromium). Printed, never asserted.
//
//   node apps/api/bench/dashboard.bench.mjs      (or `npm run bench -- dashboard`)
//
// Knobs: BENCH_LEADS (1000000), BENCH_SAMPLES per endpoint (10), BENCH_TZ (UTC; a zone whose
// weeks start off the hour, e.g. Asia/Kolkata, reads a few hours of leads directly).
// BENCH_BASELINE_API_DIST: a second API build (e.g. main's, copied to apps/api/.dist-main) run
// on the same database and timed in alternation, so the two are compared in one run.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startApiProcess } from '@leadbridge/devkit/api-process';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import { setupTestPostgres, teardownTestPostgres } from '@leadbridge/devkit/test-postgres';
import pg from 'pg';
import { seed } from '../../admin/bench/inbox.bench.mjs';

/** @param {string} name @param {number} fallback */
function envInt(name, fallback) {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
}

/** @param {string} dist */
function startApi(dist, /** @type {string} */ databaseUrl) {
  const previous = process.env.LB_API_DIST;
  if (dist) process.env.LB_API_DIST = dist;
  else delete process.env.LB_API_DIST;
  const api = startApiProcess({
    env: {
      DATABASE_URL: databaseUrl,
      APP_SECRET: 'dashboard-bench-secret-that-is-long-enough-0123456789',
      RUN_WORKERS: 'false',
      NODE_ENV: 'production',
    },
  });
  if (previous === undefined) delete process.env.LB_API_DIST;
  else process.env.LB_API_DIST = previous;
  return api;
}

/** A signed-in session cookie for the seeded owner. */
async function signIn(
  /** @type {string} */ url,
  /** @type {{ email: string; password: string }} */ owner,
) {
  const response = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function run() {
  const total = envInt('BENCH_LEADS', 1_000_000);
  const samples = envInt('BENCH_SAMPLES', 10);
  const tz = process.env.BENCH_TZ ?? 'UTC';
  const baselineDist = process.env.BENCH_BASELINE_API_DIST ?? '';
  await setupTestPostgres();
  const database = await createDatabase(process.env.LB_TEST_ADMIN_URL ?? '', {
    template: process.env.LB_TEST_TEMPLATE_DB,
    prefix: 'lb_dashboard_bench',
  });
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  /** @type {Awaited<ReturnType<typeof startApiProcess>>[]} */
  const apis = [];
  try {
    const api = await startApi('', database.url);
    apis.push(api);
    const started = performance.now();
    const owner = await seed(db, api.url, total);
    console.log(
      `seeded ${total.toLocaleString('en')} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const servers = [{ name: 'this build', url: api.url, cookie: await signIn(api.url, owner) }];
    if (baselineDist) {
      const baseline = await startApi(baselineDist, database.url);
      apis.push(baseline);
      servers.push({
        name: 'baseline',
        url: baseline.url,
        cookie: await signIn(baseline.url, owner),
      });
    }
    // The ranges the admin asks for: 12 weeks (its default) and 52 weeks, from a local Monday.
    const week = new Date();
    week.setUTCDate(week.getUTCDate() - ((week.getUTCDay() + 6) % 7) - 11 * 7);
    week.setUTCHours(0, 0, 0, 0);
    const year = new Date(week);
    year.setUTCDate(year.getUTCDate() - 40 * 7);
    const endpoints = ['leads-by-week', 'funnel', 'revenue', 'top-partners'];
    /** @type {Map<string, number[]>} */
    const times = new Map();
    for (const [label, from] of /** @type {[string, Date][]} */ ([
      ['12 weeks', week],
      ['12 months', year],
    ])) {
      const query = `from=${encodeURIComponent(from.toISOString())}&tz=${encodeURIComponent(tz)}`;
      for (let i = 0; i <= samples; i++) {
        for (const server of servers) {
          // The dashboard asks for its four panels at once.
          const t0 = performance.now();
          const each = await Promise.all(
            endpoints.map(async (endpoint) => {
              const s = performance.now();
              const response = await fetch(`${server.url}/v1/analytics/${endpoint}?${query}`, {
                headers: { cookie: server.cookie },
              });
              if (response.status !== 200)
                throw new Error(`${endpoint}: ${response.status} ${await response.text()}`);
              await response.arrayBuffer();
              return [endpoint, performance.now() - s];
            }),
          );
          if (i === 0) continue; // warm-up
          const push = (/** @type {string} */ key, /** @type {number} */ ms) =>
            times.set(key, [...(times.get(key) ?? []), ms]);
          push(`${server.name}|${label}|all four`, performance.now() - t0);
          for (const [endpoint, ms] of each)
            push(`${server.name}|${label}|${endpoint}`, Number(ms));
        }
      }
    }
    console.log(
      `\n${total.toLocaleString('en')} leads, tz ${tz}, ${samples} samples (target p95 < 1000 ms)`,
    );
    console.log(
      `${'server'.padEnd(11)} ${'range'.padEnd(10)} ${'endpoint'.padEnd(14)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
    );
    for (const [key, values] of times) {
      const [server = '', label = '', endpoint = ''] = key.split('|');
      console.log(
        `${server.padEnd(11)} ${label.padEnd(10)} ${endpoint.padEnd(14)} ${percentile(values, 50).toFixed(0).padStart(8)} ${percentile(values, 95).toFixed(0).padStart(8)}`,
      );
    }
  } finally {
    for (const api of apis) await api.stop();
    await db.end();
    await database.drop().catch(() => {});
    await teardownTestPostgres();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
