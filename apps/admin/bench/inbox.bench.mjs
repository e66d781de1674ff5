// @ts-check
// Admin inbox benchmark (DESIGN §8): with 1,000,000 leads in one company, how long the leads
// inbox takes to show its first page and its next page in real Chromium (target < 1 s each),
// plus the dashboard's aggregates at that size. Printed, never asserted.
//
//   node apps/admin/bench/inbox.bench.mjs        (or `npm run bench`, which calls run())
//
// Needs the built admin app (apps/admin/dist) and API (apps/api/dist, or LB_API_DIST). Uses
// DATABASE_URL's server when set, else an embedded PostgreSQL in a temp dir.
// Knobs: BENCH_LEADS (1000000), BENCH_SAMPLES per measurement (5).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_LEAD_FORM_SCHEMA } from '@leadbridge/core';
import { startApiProcess } from '@leadbridge/devkit/api-process';
import { chromiumLaunchOptions } from '@leadbridge/devkit/chromium';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import { setupTestPostgres, teardownTestPostgres } from '@leadbridge/devkit/test-postgres';
import { chromium } from '@playwright/test';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const adminDist = join(here, '../dist');
const PARTNERS = 200;
const FIRST =
  'Ada Ben Cleo Dan Eve Finn Gia Hal Ivy Jon Kai Lea Max Nia Oli Pia Quin Rae Sam Tia'.split(' ');
const LAST =
  'Adams Baker Clark Davis Evans Fisher Garcia Harris Irwin Jones King Lopez Miller Nolan Owens'.split(
    ' ',
  );

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

/**
 * One company signed up through the API (so its owner can sign in for real), then its program,
 * partners and `total` leads written by SQL: generate_series with the leads' secondary indexes
 * dropped during the insert and rebuilt after, far faster than maintaining them row by row.
 * @param {pg.Pool} db @param {string} apiUrl @param {number} total
 */
export async function seed(db, apiUrl, total) {
  const owner = {
    companyName: 'Bench Corp',
    name: 'Bench Owner',
    email: 'bench-owner@example.com',
    password: 'bench-password-123',
  };
  const signUp = await fetch(`${apiUrl}/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  if (signUp.status !== 201)
    throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const company = (await db.query(`SELECT company_id FROM users WHERE email = $1`, [owner.email]))
    .rows[0].company_id;
  const programs = [];
  for (const name of ['Resellers', 'Affiliates']) {
    programs.push(
      (
        await db.query(
          `INSERT INTO programs (company_id, name, publishable_key, form_schema) VALUES ($1, $2, $3, $4) RETURNING id`,
          [
            company,
            name,
            `pk_bench_${name.toLowerCase()}`,
            JSON.stringify(DEFAULT_LEAD_FORM_SCHEMA),
          ],
        )
      ).rows[0].id,
    );
  }
  const partners = (
    await db.query(
      `INSERT INTO partners (company_id, name, email, unsubscribe_token)
       SELECT $1, 'Partner ' || lpad(i::text, 3, '0'), 'partner' || i || '@bench.example', md5('bench' || i)
         FROM generate_series(1, $2) i RETURNING id`,
      [company, PARTNERS],
    )
  ).rows.map((row) => row.id);
  for (const program of programs) {
    await db.query(
      `INSERT INTO partnerships (company_id, program_id, partner_id, partner_key)
       SELECT $1, $2, id, 'key-' || id FROM partners WHERE company_id = $1`,
      [company, program],
    );
  }
  const indexes = (
    await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'leads' AND indexname <> 'leads_pkey'`,
    )
  ).rows;
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
  // Two years of leads, newest now; stages weighted like a working inbox.
  await db.query(
    `INSERT INTO leads (company_id, program_id, partner_id, stage, email, email_normalized,
                        first_name, last_name, company_name, company_domain, source,
                        created_at, updated_at, stage_changed_at)
     SELECT $1, ($2::uuid[])[1 + (i % 2)], ($3::uuid[])[1 + (i % $4)],
            CASE WHEN h < 40 THEN 'new' WHEN h < 65 THEN 'qualified' WHEN h < 80 THEN 'unqualified'
                 WHEN h < 90 THEN 'closed_won' ELSE 'closed_lost' END,
            e, e, ($5::text[])[1 + (i % 20)], ($6::text[])[1 + ((i / 20) % 15)],
            'Company ' || (i % 20000), 'co' || (i % 20000) || '.example', 'form', t, t, t
       FROM (SELECT i, abs(hashint4(i)) % 100 AS h,
                    'lead' || i || '@co' || (i % 20000) || '.example' AS e,
                    now() - make_interval(secs => (($7 - i)::float8 * 63072000 / $7)) AS t
               FROM generate_series(1, $7) i) s`,
    [company, programs, partners, PARTNERS, FIRST, LAST, total],
  );
  const client = await db.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const index of indexes) await client.query(index.indexdef);
  } finally {
    client.release();
  }
  await db.query('VACUUM ANALYZE leads');
  // The dashboard's counts (ADR 0022): one read folds the changes the bulk insert appended into
  // the rollups, as a company reading its dashboard keeps them; then they are vacuumed like
  // tables that have lived a while.
  const session = await fetch(`${apiUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  if (session.status !== 200) throw new Error(`sign-in failed: ${session.status}`);
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const fold = await fetch(`${apiUrl}/v1/analytics/funnel`, { headers: { cookie } });
  if (fold.status !== 200) throw new Error(`dashboard read failed: ${fold.status}`);
  const rollups = (
    await db.query(
      `SELECT string_agg(t, ', ') AS names
         FROM unnest(ARRAY['lead_count_changes', 'lead_counts_hourly', 'lead_counts_daily']) t
        WHERE to_regclass(t) IS NOT NULL`,
    )
  ).rows[0]?.names;
  // An older build (LB_API_DIST, to compare) has no rollups.
  if (rollups) await db.query(`VACUUM ANALYZE ${rollups}`);
  return owner;
}

/**
 * Times `action` until `done` holds in the page, `samples` times after one warm-up.
 * @param {() => Promise<void>} action @param {() => Promise<void>} done @param {number} samples
 * @param {() => Promise<void>} [reset]
 */
async function measure(action, done, samples, reset) {
  const times = [];
  for (let i = 0; i <= samples; i++) {
    if (reset) await reset();
    const started = performance.now();
    await action();
    await done();
    if (i > 0) times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function run() {
  const total = envInt('BENCH_LEADS', 1_000_000);
  const samples = envInt('BENCH_SAMPLES', 5);
  if (!existsSync(join(adminDist, 'index.html')))
    throw new Error('apps/admin is not built (npm run build -w @leadbridge/admin)');
  const startedAt = performance.now();
  await setupTestPostgres();
  const database = await createDatabase(process.env.LB_TEST_ADMIN_URL ?? '', {
    template: process.env.LB_TEST_TEMPLATE_DB,
    prefix: 'lb_admin_bench',
  });
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  /** @type {Awaited<ReturnType<typeof startApiProcess>> | null} */
  let api = null;
  /** @type {import('@playwright/test').Browser | null} */
  let browser = null;
  try {
    api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        ADMIN_DIR: adminDist,
        APP_SECRET: 'admin-bench-secret-that-is-long-enough-0123456789',
        RUN_WORKERS: 'false',
      },
    });
    const seedStarted = performance.now();
    const owner = await seed(db, api.url, total);
    console.log(
      `seeded ${total.toLocaleString('en')} leads in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext({
      baseURL: api.url,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const signIn = await page.request.post('/v1/auth/sign-in', {
      data: { email: owner.email, password: owner.password },
    });
    if (signIn.status() !== 200) throw new Error(`sign-in failed: ${signIn.status()}`);
    // The same requests without a browser, to tell the API's share from the page's.
    const apiTimes = [];
    /** @param {string} name @param {string} path */
    const apiGet = async (name, path) => {
      const times = [];
      for (let i = 0; i <= samples; i++) {
        const started = performance.now();
        const response = await page.request.get(path);
        if (response.status() !== 200)
          throw new Error(`GET ${path} → ${response.status()} ${await response.text()}`);
        await response.body();
        if (i > 0) times.push(performance.now() - started);
      }
      apiTimes.push({ name, p50: percentile(times, 50), p95: percentile(times, 95) });
    };
    const first = await (await page.request.get('/v1/leads?limit=50')).json();
    await apiGet('GET /v1/leads (first page)', '/v1/leads?limit=50');
    await apiGet(
      'GET /v1/leads (next page)',
      `/v1/leads?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    const week = new Date();
    week.setDate(week.getDate() - ((week.getDay() + 6) % 7) - 11 * 7);
    week.setHours(0, 0, 0, 0);
    const year = new Date(week);
    year.setDate(year.getDate() - 40 * 7);
    for (const [label, from] of [
      ['12 weeks', week],
      ['12 months', year],
    ]) {
      const q = `from=${encodeURIComponent(from.toISOString())}&tz=UTC`;
      for (const endpoint of ['leads-by-week', 'funnel', 'revenue', 'top-partners']) {
        await apiGet(`GET /v1/analytics/${endpoint} (${label})`, `/v1/analytics/${endpoint}?${q}`);
      }
    }

    const rows = page.locator('tr[data-lead-id]');
    /** The first page is in: rows drawn and the status line no longer says "Loading". */
    const firstPageShown = async () => {
      await page.locator('#inbox-status', { hasText: /shown/ }).waitFor({ timeout: 60_000 });
      await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
    };
    /** @param {number} n */
    const rowsShown = (n) => async () => {
      await rows.nth(n - 1).waitFor({ state: 'visible', timeout: 60_000 });
    };
    const results = [];
    /** @param {string} name @param {string} path */
    const firstPage = async (name, path) => {
      results.push({
        name,
        ...(await measure(
          async () => {
            await page.goto(path);
          },
          firstPageShown,
          samples,
        )),
      });
    };
    /** @param {string} name @param {string} path */
    const nextPage = async (name, path) => {
      results.push({
        name,
        ...(await measure(
          async () => {
            await page.getByRole('button', { name: 'Load more' }).click();
          },
          rowsShown(100),
          samples,
          async () => {
            await page.goto(path);
            await rowsShown(50)();
          },
        )),
      });
    };
    await firstPage('inbox first page (full page load)', '/leads');
    await nextPage('inbox next page (load more)', '/leads');
    // A page deep in the list: scroll 10 pages in, then time the 11th.
    results.push({
      name: 'inbox 11th page (after 10 loaded)',
      ...(await measure(
        async () => {
          await page.getByRole('button', { name: 'Load more' }).click();
        },
        rowsShown(550),
        samples,
        async () => {
          await page.goto('/leads');
          for (let n = 1; n <= 10; n++) {
            await page.getByRole('button', { name: 'Load more' }).click();
            await rowsShown(50 * (n + 1))();
          }
        },
      )),
    });
    await firstPage('inbox first page, stage = Qualified', '/leads?stage=qualified');
    await nextPage('inbox next page, stage = Qualified', '/leads?stage=qualified');
    const partner = (await db.query(`SELECT id FROM partners ORDER BY name LIMIT 1`)).rows[0].id;
    await firstPage('inbox first page, one partner', `/leads?partner=${partner}`);
    await firstPage('inbox first page, recently changed', '/leads?sort=-updatedAt');
    await firstPage('inbox first page, search "Garcia"', '/leads?q=Garcia');

    // The dashboard at 1M leads: every panel drawn (weekly chart, funnel, revenue, partners).
    const dashboardDone = async () => {
      await page.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
      await page.locator('[data-step="won"]').waitFor({ timeout: 60_000 });
      await page.locator('.top-partners tbody tr').first().waitFor({ timeout: 60_000 });
    };
    for (const [name, range] of [
      ['dashboard, last 12 weeks (~115k leads)', ''],
      ['dashboard, last 12 months (~500k leads)', '?range=52w'],
    ]) {
      results.push({
        name,
        ...(await measure(async () => void (await page.goto(`/${range}`)), dashboardDone, samples)),
      });
    }

    console.log(
      `\n${total.toLocaleString('en')} leads, ${samples} samples each, Chromium (target < 1000 ms)`,
    );
    console.log(`${'what'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
    for (const r of results) {
      const flag = r.name.startsWith('inbox') && r.p95 >= 1000 ? '  ← over 1 s' : '';
      console.log(
        `${r.name.padEnd(44)} ${r.p50.toFixed(0).padStart(8)} ${r.p95.toFixed(0).padStart(8)}${flag}`,
      );
    }
    console.log(`\nAPI alone (same session, no rendering)`);
    for (const r of apiTimes) {
      console.log(
        `${r.name.padEnd(44)} ${r.p50.toFixed(0).padStart(8)} ${r.p95.toFixed(0).padStart(8)}`,
      );
    }
    console.log(`(whole benchmark ${((performance.now() - startedAt) / 1000).toFixed(0)} s)`);
  } finally {
    await browser?.close();
    await api?.stop();
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
