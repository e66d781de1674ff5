// @ts-check
// Leads benchmark (DESIGN.md §8): list pages at 1,000,000 leads (target p95 < 50 ms at the
// start, middle and end of each filtered list) and POST /v1/leads throughput against a bare
// node:http + pg insert server on the same database (target ≥ 50%), into a table holding the
// same leads (like for like) and, for comparison, into an empty one.
//
//   node apps/api/bench/leads.bench.mjs          (or `npm run bench`, which calls run())
//
// Uses DATABASE_URL's server when set (a scratch database is created and dropped), else an
// embedded PostgreSQL in a temp dir. Runs the built API (apps/api/dist, or LB_API_DIST).
// Knobs: BENCH_LEADS (1000000), BENCH_SECONDS per throughput round (8), BENCH_ROUNDS (2; the
// servers alternate, so more short rounds average out a machine whose load changes),
// BENCH_CONNECTIONS (32),
// BENCH_SAMPLES per list page (40), BENCH_PG_FAST=1 (fsync off; default is durable).
// BENCH_API_NODE_OPTIONS: NODE_OPTIONS for the API process only (e.g. --require a profiler).
// BENCH_BASELINE_API_DIST: a second API build (e.g. main's, built in a worktree) timed in the
// same rotation on the same database (its list pages are not timed).
// On Linux it also reports each server's CPU time per request (from /proc): on a shared, loaded
// machine that is steadier than req/s, which depends on what else runs.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_LEAD_FORM_SCHEMA } from '@leadbridge/core';
import { apiDistDir, startApiProcess } from '@leadbridge/devkit/api-process';
import { freePort } from '@leadbridge/devkit/ports';
import { startEmbeddedPostgres } from '@leadbridge/devkit/postgres';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const APP_SECRET = randomBytes(32).toString('hex');
const PARTNERS_PER_COMPANY = 1000;
const PAGE = 50;
const FIRST_NAMES =
  'Ada Ben Cleo Dan Eve Finn Gia Hal Ivy Jon Kai Lea Max Nia Oli Pia Quin Rae Sam Tia Uma Vic Wes Xia Yan Zoe Abe Bea Cal Dee'.split(
    ' ',
  );
const LAST_NAMES =
  'Adams Baker Clark Davis Evans Fisher Garcia Harris Irwin Jones King Lopez Miller Nolan Owens Parker Quinn Reed Smith Turner Upton Vance Walker Young Zimmerman Brooks Coleman Dixon Ellis Foster'.split(
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
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * CPU time (user + system, ms) a process has used so far; null where /proc is not available.
 * @param {number | undefined} pid
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * (1000 / CLOCK_TICKS) : null;
  } catch {
    return null;
  }
}
// USER_HZ: 100 on every mainstream Linux build.
const CLOCK_TICKS = 100;

/**
 * CPU time (ms) used so far by each `postgres` process on this machine, by pid, or null without
 * /proc: the database's share of a request, which req/s alone hides when both servers share the
 * cores with it.
 */
function postgresCpu() {
  /** @type {Map<string, number>} */
  const byPid = new Map();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]?.split(' ') ?? [];
      byPid.set(entry, (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS));
    }
    return byPid;
  } catch {
    return null;
  }
}

/**
 * What the `postgres` processes used between two readings. Per process: a backend that ends
 * in between (a pool closing idle connections) takes its total with it, which must not count
 * as negative time; one that starts counts from zero.
 * @param {Map<string, number> | null} before @param {Map<string, number> | null} after
 */
function postgresCpuBetween(before, after) {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Runs `work` and adds the CPU time `pid` spent meanwhile to `total` (null once unknown), and
 * PostgreSQL's to `total.databaseMs` when that is counted.
 * @template T @param {number | undefined} pid @param {{ ms: number | null; databaseMs?: number | null }} total @param {() => Promise<T>} work
 */
async function withCpu(pid, total, work) {
  const before = cpuMs(pid);
  const databaseBefore = postgresCpu();
  const result = await work();
  const after = cpuMs(pid);
  const database = postgresCpuBetween(databaseBefore, postgresCpu());
  total.ms =
    before === null || after === null || total.ms === null ? null : total.ms + after - before;
  if (total.databaseMs !== undefined) {
    total.databaseMs =
      database === null || total.databaseMs === null ? null : total.databaseMs + database;
  }
  return result;
}

/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** @param {(string|number)[]} values */
const cursorOf = (values) => Buffer.from(JSON.stringify(values)).toString('base64url');

/**
 * 2 companies × n/2 leads, inserted with the secondary indexes dropped and rebuilt after
 * (much faster than maintaining a trigram index row by row).
 * @param {pg.Pool} db @param {number} total
 */
export async function seed(db, total) {
  const companies = [];
  for (const name of ['Bench A', 'Bench B']) {
    const company = (
      await db.query('INSERT INTO companies (name) VALUES ($1) RETURNING id', [name])
    ).rows[0].id;
    const program = (
      await db.query(
        `INSERT INTO programs (company_id, name, publishable_key, form_schema)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [
          company,
          `${name} program`,
          `pk_${randomBytes(12).toString('hex')}`,
          JSON.stringify(DEFAULT_LEAD_FORM_SCHEMA),
        ],
      )
    ).rows[0].id;
    const partners = (
      await db.query(
        `INSERT INTO partners (company_id, name, email, unsubscribe_token)
         SELECT $1, 'Partner ' || i, 'partner' || i || '@' || $2 || '.example', md5(random()::text || i)
           FROM generate_series(1, $3) i RETURNING id`,
        [company, name.replace(' ', '-').toLowerCase(), PARTNERS_PER_COMPANY],
      )
    ).rows.map((row) => row.id);
    await db.query(
      `INSERT INTO partnerships (company_id, program_id, partner_id, partner_key)
       SELECT $1, $2, id, 'key-' || id FROM partners WHERE company_id = $1`,
      [company, program],
    );
    const apiKey = `sk_${randomBytes(24).toString('base64url')}`;
    await db.query(
      `INSERT INTO api_keys (company_id, name, prefix, key_hash) VALUES ($1, 'bench', $2, $3)`,
      [company, apiKey.slice(0, 11), sha256(apiKey)],
    );
    companies.push({ company, program, partners, apiKey });
  }
  const indexes = (
    await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'leads' AND indexname <> 'leads_pkey'`,
    )
  ).rows;
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
  const perCompany = Math.floor(total / companies.length);
  for (const [n, c] of companies.entries()) {
    // Stages weighted like a real inbox: mostly new/qualified, a tail of closed ones.
    await db.query(
      `INSERT INTO leads (company_id, program_id, partner_id, stage, email, email_normalized,
                          first_name, last_name, company_name, company_domain, source,
                          created_at, updated_at, stage_changed_at)
       SELECT $1, $2, ($3::uuid[])[1 + (i % $4)],
              CASE WHEN h < 40 THEN 'new' WHEN h < 65 THEN 'qualified' WHEN h < 80 THEN 'unqualified'
                   WHEN h < 90 THEN 'closed_won' ELSE 'closed_lost' END,
              e, e, ($5::text[])[1 + (i % 30)], ($6::text[])[1 + ((i / 30) % 30)],
              'Company ' || (i % 20000), 'co' || (i % 20000) || '.example', 'form', t, t + interval '1 hour', t
         FROM (SELECT i, abs(hashint4(i)) % 100 AS h,
                      'lead' || i || '.c${n}@co' || (i % 20000) || '.example' AS e,
                      now() - make_interval(secs => ($7 - i) * 30) AS t
                 FROM generate_series(1, $7) i) s`,
      [c.company, c.program, c.partners, PARTNERS_PER_COMPANY, FIRST_NAMES, LAST_NAMES, perCompany],
    );
    await db.query(
      `INSERT INTO customers (company_id, program_id, partner_id, lead_id, currency, won_at)
       SELECT company_id, program_id, partner_id, id, 'USD', stage_changed_at FROM leads
        WHERE company_id = $1 AND stage = 'closed_won'`,
      [c.company],
    );
  }
  const client = await db.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const index of indexes) await client.query(index.indexdef);
  } finally {
    client.release();
  }
  await db.query('VACUUM ANALYZE leads');
  await db.query('VACUUM ANALYZE customers');
  return { companies, perCompany };
}

/**
 * Cursors at the start, middle and end of the list that `where` selects (as the API orders it).
 * @param {pg.Pool} db @param {string} where @param {unknown[]} params @param {'created_at'|'updated_at'} column
 */
async function positions(db, where, params, column = 'created_at') {
  const total = Number(
    (await db.query(`SELECT count(*) AS n FROM leads l WHERE ${where}`, params)).rows[0].n,
  );
  /** @param {number} offset */
  const at = async (offset) => {
    const row = (
      await db.query(
        `SELECT to_char(l.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS k, l.id
           FROM leads l WHERE ${where} ORDER BY l.${column} DESC, l.id DESC OFFSET ${offset} LIMIT 1`,
        params,
      )
    ).rows[0];
    return row ? cursorOf([row.k, row.id]) : null;
  };
  return {
    total,
    start: null,
    middle: await at(Math.floor(total / 2)),
    end: await at(Math.max(0, total - Math.floor(PAGE / 2))),
  };
}

/** @param {string} url @param {Record<string,string>} headers @param {number} samples */
async function measureGet(url, headers, samples) {
  const times = [];
  let rows = 0;
  for (let i = 0; i < samples + 3; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.json();
    const elapsed = performance.now() - started;
    if (response.status !== 200)
      throw new Error(`GET ${url} → ${response.status} ${JSON.stringify(body)}`);
    rows = body.data.length;
    if (i >= 3) times.push(elapsed);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), rows };
}

/**
 * N clients, each sending requests back to back on a keep-alive connection, for `seconds`.
 * @param {(i: number) => { url: string; init: RequestInit }} makeRequest
 * @param {number} seconds @param {number} connections
 */
async function load(makeRequest, seconds, connections) {
  let sequence = 0;
  let ok = 0;
  /** @type {Record<number, number>} */
  const failures = {};
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const { url, init } = makeRequest(sequence++);
        const t = performance.now();
        const response = await fetch(url, init);
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
        if (response.status === 201) ok++;
        else failures[response.status] = (failures[response.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    rps: ok / elapsed,
    ok,
    failures,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** @param {Record<string,string>} env */
function startBareServer(env) {
  const child = spawn(process.execPath, [join(here, 'bare-insert-server.mjs')], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match)
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          pid: child.pid,
          stop: () => child.kill('SIGTERM'),
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}): ${output}`)));
  });
}

/** @param {string[]} header @param {(string|number)[][]} rows */
function table(header, rows) {
  const cells = [
    header,
    ...rows.map((row) => row.map((c) => (typeof c === 'number' ? c.toFixed(1) : c))),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => String(row[i]).length)));
  const line = (/** @type {(string|number)[]} */ row) =>
    `| ${row.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(cells[0] ?? []),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

export async function run() {
  const total = envInt('BENCH_LEADS', 1_000_000);
  const seconds = envInt('BENCH_SECONDS', 8);
  const roundCount = Math.max(1, envInt('BENCH_ROUNDS', 2));
  const connections = envInt('BENCH_CONNECTIONS', 32);
  const samples = envInt('BENCH_SAMPLES', 40);
  const fast = process.env.BENCH_PG_FAST === '1';
  const cleanups = [];
  const log = (/** @type {string} */ text) => console.log(`[leads bench] ${text}`);
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const dataDir = mkdtempSync(join(tmpdir(), 'lb-bench-pg-'));
      const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast });
      cleanups.push(async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      adminUrl = server.url;
    }
    const database = await createDatabase(adminUrl, { prefix: 'lb_bench' });
    cleanups.push(() => database.drop());
    const migrate = spawnSync(process.execPath, [join(apiDistDir(), 'database/migrate.js')], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
    const db = new pg.Pool({ connectionString: database.url, max: 4 });
    cleanups.push(() => db.end());

    let started = performance.now();
    log(`seeding ${total.toLocaleString('en')} leads…`);
    const { companies, perCompany } = await seed(db, total);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`seeded in ${seedSeconds.toFixed(0)} s`);

    const api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        APP_SECRET,
        NODE_ENV: 'production',
        LOG_REQUESTS: 'false',
        // e.g. `--require ./my-profiler.cjs` to see where the API spends its time.
        ...(process.env.BENCH_API_NODE_OPTIONS
          ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS }
          : {}),
      },
    });
    cleanups.push(() => api.stop());
    // Another build of the API (e.g. main's, in a worktree) on the same database, timed in the
    // same rotation, so a change is measured against its baseline in one run.
    const baselineDist = process.env.BENCH_BASELINE_API_DIST;
    let baselineApi = null;
    if (baselineDist) {
      const previous = process.env.LB_API_DIST;
      process.env.LB_API_DIST = baselineDist;
      try {
        baselineApi = await startApiProcess({
          env: {
            DATABASE_URL: database.url,
            APP_SECRET,
            NODE_ENV: 'production',
            LOG_REQUESTS: 'false',
          },
        });
      } finally {
        if (previous === undefined) delete process.env.LB_API_DIST;
        else process.env.LB_API_DIST = previous;
      }
      const started = baselineApi;
      cleanups.push(() => started.stop());
    }
    const require = createRequire(import.meta.url);
    const { signPartnerToken } = require(join(apiDistDir(), 'common/auth/tokens.js'));
    const a = companies[0];
    if (!a) throw new Error('seed made no company');
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const tokens = a.partners.map((/** @type {string} */ partnerId) =>
      signPartnerToken(APP_SECRET, {
        companyId: a.company,
        partnerId,
        programId: a.program,
        expiresAt,
      }),
    );

    // ---- list pages -------------------------------------------------------------------
    const company = { authorization: `Bearer ${a.apiKey}` };
    const partnerId = a.partners[7];
    const rareEmail = `lead${Math.floor(perCompany / 2)}.c0@`;
    /** @type {{ name: string; query: string; headers: Record<string,string>; where: string; params: unknown[]; column?: 'created_at'|'updated_at' }[]} */
    const scenarios = [
      {
        name: 'no filter',
        query: '',
        headers: company,
        where: 'l.company_id = $1',
        params: [a.company],
      },
      {
        name: 'stage=qualified',
        query: 'stage=qualified',
        headers: company,
        where: `l.company_id = $1 AND l.stage = 'qualified'`,
        params: [a.company],
      },
      {
        name: 'stage=closed_won,closed_lost',
        query: 'stage=closed_won,closed_lost',
        headers: company,
        where: `l.company_id = $1 AND l.stage IN ('closed_won','closed_lost')`,
        params: [a.company],
      },
      {
        name: 'partnerId',
        query: `partnerId=${partnerId}`,
        headers: company,
        where: 'l.company_id = $1 AND l.partner_id = $2',
        params: [a.company, partnerId],
      },
      {
        name: 'q=zimmerman (3%)',
        query: 'q=zimmerman',
        headers: company,
        where: `l.company_id = $1 AND l.search_text LIKE '%zimmerman%'`,
        params: [a.company],
      },
      {
        name: 'q=<one email>',
        query: `q=${encodeURIComponent(rareEmail)}`,
        headers: company,
        where: `l.company_id = $1 AND l.search_text LIKE $2`,
        params: [a.company, `%${rareEmail}%`],
      },
      {
        name: 'q=company 1234 + stage=new',
        query: 'q=company%201234&stage=new',
        headers: company,
        where: `l.company_id = $1 AND l.stage = 'new' AND l.search_text LIKE '%company 1234%'`,
        params: [a.company],
      },
      {
        name: 'sort=-updatedAt',
        query: 'sort=-updatedAt',
        headers: company,
        where: 'l.company_id = $1',
        params: [a.company],
        column: 'updated_at',
      },
      {
        name: 'partner session (own leads)',
        query: '',
        headers: { authorization: `Bearer ${tokens[7]}` },
        where: 'l.company_id = $1 AND l.partner_id = $2 AND l.program_id = $3',
        params: [a.company, partnerId, a.program],
      },
    ];
    const listRows = [];
    let worstP95 = 0;
    const listCpu = { ms: /** @type {number | null} */ (0) };
    let listRequests = 0;
    for (const scenario of scenarios) {
      const at = await positions(db, scenario.where, scenario.params, scenario.column);
      for (const where of /** @type {const} */ (['start', 'middle', 'end'])) {
        const cursor = at[where];
        if (where !== 'start' && !cursor) continue;
        const params = [scenario.query, `limit=${PAGE}`, cursor ? `cursor=${cursor}` : '']
          .filter(Boolean)
          .join('&');
        const result = await withCpu(api.child.pid, listCpu, () =>
          measureGet(`${api.url}/v1/leads?${params}`, scenario.headers, samples),
        );
        listRequests += samples + 3;
        worstP95 = Math.max(worstP95, result.p95);
        listRows.push([
          scenario.name,
          where,
          at.total,
          result.rows,
          result.p50,
          result.p95,
          result.p95 < 50 ? 'ok' : 'MISS',
        ]);
      }
    }

    // ---- POST /v1/leads throughput ------------------------------------------------------
    // Two baselines. `bench_leads_full` holds a copy of every lead, so the bare insert pays for
    // indexes as large as the API's (a trigram GIN index and seven btrees over 1M rows cost
    // more per insert than over none): the like-for-like one, and the target's. `bench_leads`
    // starts empty, the yardstick of earlier runs, printed for comparison.
    const foreignKeys = (
      await db.query(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
          WHERE conrelid = 'leads'::regclass AND contype = 'f'`,
      )
    ).rows;
    const leadIndexes = (
      await db.query(
        `SELECT indexname, indexdef FROM pg_indexes
          WHERE schemaname = 'public' AND tablename = 'leads' AND indexname <> 'leads_pkey'`,
      )
    ).rows;
    const copyColumns = (
      await db.query(
        `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS list
           FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = 'leads' AND is_generated = 'NEVER'`,
      )
    ).rows[0].list;
    for (const [table, copy] of /** @type {const} */ ([
      ['bench_leads', false],
      ['bench_leads_full', true],
    ])) {
      await db.query(`CREATE TABLE ${table} (LIKE leads INCLUDING ALL EXCLUDING INDEXES)`);
      await db.query(`ALTER TABLE ${table} ADD PRIMARY KEY (id)`);
      if (copy) {
        await db.query(`INSERT INTO ${table} (${copyColumns}) SELECT ${copyColumns} FROM leads`);
      }
      const client = await db.connect();
      try {
        await client.query(`SET maintenance_work_mem = '512MB'`);
        for (const { indexname, indexdef } of leadIndexes) {
          await client.query(
            indexdef
              .replace(` ${indexname} ON `, ` ${table}_${indexname} ON `)
              .replace(' public.leads ', ` public.${table} `),
          );
        }
      } finally {
        client.release();
      }
      // The same foreign keys as leads (composite with company_id since ADR 0015), so the
      // bare insert checks what the API's does.
      for (const { def } of foreignKeys) await db.query(`ALTER TABLE ${table} ADD ${def}`);
      await db.query(`VACUUM ANALYZE ${table}`);
    }
    /** @param {string} table */
    const bareServer = async (table) => {
      const server = /** @type {{ url: string; pid: number | undefined; stop: () => void }} */ (
        await startBareServer({
          DATABASE_URL: database.url,
          BENCH_TABLE: table,
          POOL_SIZE: '10',
          BENCH_COMPANY_ID: a.company,
          BENCH_PROGRAM_ID: a.program,
          BENCH_PARTNER_ID: a.partners[0],
        })
      );
      cleanups.push(async () => server.stop());
      return server;
    };
    const bare = await bareServer('bench_leads_full');
    const bareEmpty = await bareServer('bench_leads');
    const runTag = randomBytes(3).toString('hex');
    /** @param {string} base @param {boolean} viaApi @param {string} round */
    const requests = (base, viaApi, round) => (/** @type {number} */ i) => ({
      url: `${base}${viaApi ? '/v1/leads' : '/'}`,
      init: {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(viaApi ? { authorization: `Bearer ${tokens[i % tokens.length]}` } : {}),
        },
        body: JSON.stringify({
          email: `post-${runTag}-${round}-${i}@bench-${i % 5000}.example`,
          firstName: 'Bench',
          lastName: 'Client',
          company: 'Bench Co',
        }),
      },
    });
    /** @type {{ name: string; url: string; pid: number | undefined; viaApi: boolean }[]} */
    const servers = [
      {
        name: `bare node:http + pg INSERT, table of ${total.toLocaleString('en')} leads`,
        ...bare,
        viaApi: false,
      },
      { name: 'bare node:http + pg INSERT, empty table', ...bareEmpty, viaApi: false },
      { name: 'Leadbridge API', url: api.url, pid: api.child.pid, viaApi: true },
      ...(baselineApi
        ? [
            {
              name: `Leadbridge API, baseline build (${baselineDist})`,
              url: baselineApi.url,
              pid: baselineApi.child.pid,
              viaApi: true,
            },
          ]
        : []),
    ];
    started = performance.now();
    // Each server gets its own email prefix: two API builds share one leads table.
    for (const [n, server] of servers.entries())
      await load(requests(server.url, server.viaApi, `warm${n}`), 2, connections);
    const measured = servers.map((server) => ({
      server,
      cpu: { ms: /** @type {number | null} */ (0), databaseMs: /** @type {number | null} */ (0) },
      /** @type {Awaited<ReturnType<typeof load>>[]} */
      rounds: [],
    }));
    // The servers take turns, so a change in the machine's load spreads over all of them.
    for (const round of Array.from({ length: roundCount }, (_, i) => String(i + 1))) {
      for (const [n, entry] of measured.entries()) {
        entry.rounds.push(
          await withCpu(entry.server.pid, entry.cpu, () =>
            load(
              requests(entry.server.url, entry.server.viaApi, `${round}s${n}`),
              seconds,
              connections,
            ),
          ),
        );
      }
    }
    /** @param {{ ms: number | null }} cpu @param {number} requests */
    const perRequest = (cpu, requests) =>
      cpu.ms === null || requests === 0 ? 'n/a' : (cpu.ms / requests).toFixed(2);
    const summaries = measured.map(({ server, cpu, rounds }) => {
      const requestCount = rounds.reduce((sum, r) => sum + r.ok, 0);
      const mean = (/** @type {(r: typeof rounds[number]) => number} */ pick) =>
        rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
      return {
        name: server.name,
        rps: mean((r) => r.rps),
        p50: mean((r) => r.p50),
        p99: mean((r) => r.p99),
        cpuPerRequest: perRequest(cpu, requestCount),
        databasePerRequest: perRequest({ ms: cpu.databaseMs }, requestCount),
        failures:
          rounds
            .flatMap((r) => Object.entries(r.failures).map(([s, n]) => `${n}×${s}`))
            .join(' ') || '0',
      };
    });
    const [bareSummary, bareEmptySummary, apiSummary] = summaries;
    if (!bareSummary || !bareEmptySummary || !apiSummary)
      throw new Error('a server was not measured');
    const ratio = apiSummary.rps / bareSummary.rps;
    const ratioEmpty = apiSummary.rps / bareEmptySummary.rps;
    const baselineSummary = summaries[3];

    console.log(
      `\nLeads benchmark — ${total.toLocaleString('en')} leads in 2 companies (seeded in ${seedSeconds.toFixed(0)} s), PostgreSQL ${fast ? 'fsync off' : 'durable (fsync on)'}\n`,
    );
    console.log(
      `GET /v1/leads, limit ${PAGE}, ${samples} sequential requests per page (target p95 < 50 ms):`,
    );
    console.log(table(['list', 'page', 'matching', 'rows', 'p50 ms', 'p95 ms', ''], listRows));
    console.log(`API CPU per list request: ${perRequest(listCpu, listRequests)} ms`);
    console.log(
      `\nPOST /v1/leads, ${connections} keep-alive clients, ${roundCount} rounds × ${seconds} s each (target ≥ 50% of bare):`,
    );
    console.log(
      table(
        ['server', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'PostgreSQL CPU ms/req', 'non-201'],
        summaries.map((x) => [
          x.name,
          x.rps,
          x.p50,
          x.p99,
          x.cpuPerRequest,
          x.databasePerRequest,
          x.failures,
        ]),
      ),
    );
    console.log(
      `\nAPI / bare = ${(ratio * 100).toFixed(0)}% (${ratio >= 0.5 ? 'meets' : 'MISSES'} the ≥ 50% target); against the empty table ${(ratioEmpty * 100).toFixed(0)}%; worst list p95 = ${worstP95.toFixed(1)} ms (${worstP95 < 50 ? 'meets' : 'MISSES'} < 50 ms)`,
    );
    if (baselineSummary) {
      console.log(
        `baseline build / bare = ${((baselineSummary.rps / bareSummary.rps) * 100).toFixed(0)}%; this build's req/s = ${(apiSummary.rps / baselineSummary.rps).toFixed(2)}× the baseline's`,
      );
    }
    log(`throughput phase took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return {
      worstListP95Ms: worstP95,
      apiRps: apiSummary.rps,
      bareRps: bareSummary.rps,
      ratio,
      ratioEmpty,
      apiCpuPerRequest: apiSummary.cpuPerRequest,
      bareCpuPerRequest: bareSummary.cpuPerRequest,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
