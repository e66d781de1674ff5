// @ts-check
// Import benchmark (DESIGN.md §8): a 1,000,000-row CSV imported end to end through the HTTP API
// (upload → parsed, validated, deduped, persisted, completed) against a bare `COPY` of the same
// file into a table identical to `leads`, in the same run; plus the API process's peak RSS.
// Targets: import ≤ 2× the COPY time; peak RSS < 400 MB.
//
//   node apps/api/bench/import.bench.mjs        (or `npm run bench -- import`, which calls run())
//
// Uses DATABASE_URL's server when set (a scratch database is created and dropped), else an
// embedded PostgreSQL in a temp dir. Runs the built API (apps/api/dist, or LB_API_DIST).
// Knobs: BENCH_IMPORT_ROWS (1000000), BENCH_PG_FAST=1 (fsync off; default durable),
// IMPORT_BATCH_SIZE (passed to the API).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openAsBlob,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LEAD_FORM_SCHEMA } from '@leadbridge/core';
import { apiDistDir, startApiProcess } from '@leadbridge/devkit/api-process';
import { freePort } from '@leadbridge/devkit/ports';
import { startEmbeddedPostgres } from '@leadbridge/devkit/postgres';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

const APP_SECRET = randomBytes(32).toString('hex');
const INDUSTRIES = ['Software', 'Retail', 'Finance', 'Health', 'Education', 'Manufacturing'];
const FIRST =
  'Ada Ben Cleo Dan Eve Finn Gia Hal Ivy Jon Kai Lea Max Nia Oli Pia Quin Rae Sam Tia'.split(' ');
const LAST =
  'Adams Baker Clark Davis Evans Fisher Garcia Harris Irwin Jones King Lopez Miller Nolan Owens'.split(
    ' ',
  );
const FORM = {
  fields: [
    ...DEFAULT_LEAD_FORM_SCHEMA.fields,
    {
      key: 'industry',
      label: 'Industry',
      type: 'select',
      required: false,
      order: 10,
      options: INDUSTRIES.map((name) => ({ value: name.toLowerCase(), label: name })),
    },
    { key: 'employees', label: 'Employees', type: 'number', required: false, order: 11 },
  ],
};

/** @param {string} name @param {number} fallback */
function envInt(name, fallback) {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** @param {string} value */
const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Writes the CSV: realistic names, companies (some with commas, quoted), an industry and a
 * head count; 1% invalid emails, 1% repeats of an earlier row, 0.5% leads already in the program.
 * @param {string} path @param {number} rows
 */
async function writeCsv(path, rows) {
  /** @type {string[]} */
  const existing = [];
  let invalid = 0;
  let repeats = 0;
  async function* lines() {
    yield 'First name,Last name,Email,Company,Industry,Employees\r\n';
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      const first = FIRST[i % FIRST.length] ?? 'Ada';
      const last = LAST[(i * 7) % LAST.length] ?? 'Adams';
      let email = `${first}.${last}.${i}@company${i % 40_000}.example`.toLowerCase();
      if (i % 100 === 37) {
        email = `${first}.${last}.${i}-at-nowhere`;
        invalid++;
      } else if (i % 100 === 73 && i > 100) {
        email =
          `${FIRST[(i - 50) % FIRST.length]}.${LAST[((i - 50) * 7) % LAST.length]}.${i - 50}@company${(i - 50) % 40_000}.example`.toLowerCase();
        repeats++;
      } else if (i % 200 === 11) {
        existing.push(email);
      }
      const company = i % 10 === 0 ? `Company ${i % 40_000}, Inc.` : `Company ${i % 40_000}`;
      chunk += `${first},${last},${email},${csvCell(company)},${INDUSTRIES[i % INDUSTRIES.length]},${(i % 5000) + 1}\r\n`;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  await pipeline(lines, createWriteStream(path));
  return { existing, invalid, repeats };
}

/** @param {number} pid */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (/** @type {string} */ name) =>
      Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * The baseline: `COPY` of the same file into a table made `LIKE leads INCLUDING ALL` (same
 * columns, defaults, generated search column and every index). The tenant ids get defaults,
 * the two custom columns become text columns (COPY cannot build the `fields` JSON), and
 * `email_normalized` may be NULL (COPY cannot compute it) — so the unique index is still
 * maintained but cannot reject the file's duplicates, which COPY would abort on.
 * @param {pg.Pool} db @param {string} path @param {{ company: string; program: string; partner: string }} t
 */
async function timeCopy(db, path, t) {
  await db.query('DROP TABLE IF EXISTS bench_copy');
  await db.query('CREATE TABLE bench_copy (LIKE leads INCLUDING ALL)');
  await db.query(
    `ALTER TABLE bench_copy
       ALTER COLUMN company_id SET DEFAULT '${t.company}',
       ALTER COLUMN program_id SET DEFAULT '${t.program}',
       ALTER COLUMN partner_id SET DEFAULT '${t.partner}',
       ALTER COLUMN email_normalized DROP NOT NULL,
       ADD COLUMN industry text, ADD COLUMN employees text`,
  );
  const client = await db.connect();
  try {
    const started = performance.now();
    await pipeline(
      createReadStream(path),
      client.query(
        copyStreams.from(
          `COPY bench_copy (first_name, last_name, email, company_name, industry, employees)
             FROM STDIN WITH (FORMAT csv, HEADER true)`,
        ),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const rows = Number((await client.query('SELECT count(*) AS n FROM bench_copy')).rows[0].n);
    return { seconds, rows };
  } finally {
    client.release();
    await db.query('DROP TABLE IF EXISTS bench_copy');
  }
}

/** @param {string[]} header @param {(string|number)[][]} rows */
function table(header, rows) {
  const cells = [header, ...rows.map((row) => row.map(String))];
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
  const total = envInt('BENCH_IMPORT_ROWS', 1_000_000);
  const fast = process.env.BENCH_PG_FAST === '1';
  const log = (/** @type {string} */ text) => console.log(`[import bench] ${text}`);
  /** @type {(() => Promise<unknown> | unknown)[]} */
  const cleanups = [];
  const work = mkdtempSync(join(tmpdir(), 'lb-bench-import-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      // Its own temp dir: PostgreSQL runs as another user and must own it.
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

    const company = (await db.query(`INSERT INTO companies (name) VALUES ('Bench') RETURNING id`))
      .rows[0].id;
    const program = (
      await db.query(
        `INSERT INTO programs (company_id, name, publishable_key, form_schema)
         VALUES ($1, 'Bench program', $2, $3) RETURNING id`,
        [company, `pk_${randomBytes(12).toString('hex')}`, JSON.stringify(FORM)],
      )
    ).rows[0].id;
    const partner = (
      await db.query(
        `INSERT INTO partners (company_id, name, email, unsubscribe_token)
         VALUES ($1, 'Bench partner', 'partner@bench.example', $2) RETURNING id`,
        [company, randomBytes(8).toString('hex')],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO partnerships (company_id, program_id, partner_id, partner_key) VALUES ($1, $2, $3, 'bench')`,
      [company, program, partner],
    );
    const apiKey = `sk_${randomBytes(24).toString('base64url')}`;
    await db.query(
      `INSERT INTO api_keys (company_id, name, prefix, key_hash) VALUES ($1, 'bench', $2, $3)`,
      [company, apiKey.slice(0, 11), sha256(apiKey)],
    );

    const csvPath = join(work, 'leads.csv');
    let started = performance.now();
    const generated = await writeCsv(csvPath, total);
    const bytes = statSync(csvPath).size;
    log(
      `generated ${total.toLocaleString('en')} rows (${(bytes / 1024 / 1024).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // Leads another partner already registered: the import must report them as duplicates.
    await db.query(
      `INSERT INTO leads (company_id, program_id, partner_id, email, email_normalized, source)
       SELECT $1, $2, $3, e, e, 'form' FROM unnest($4::text[]) e`,
      [company, program, partner, generated.existing],
    );
    await db.query('VACUUM ANALYZE leads');

    log('timing a bare COPY of the file…');
    const copy = await timeCopy(db, csvPath, { company, program, partner });
    log(`COPY: ${copy.rows.toLocaleString('en')} rows in ${copy.seconds.toFixed(1)} s`);

    const api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        APP_SECRET,
        NODE_ENV: 'production',
        LOG_REQUESTS: 'false',
        STORAGE_DIR: join(work, 'files'),
        IMPORT_MAX_ROWS: String(Math.max(total, 1_000_000)),
        IMPORT_MAX_BYTES: String(Math.max(bytes * 2, 100 * 1024 * 1024)),
        ...(process.env.IMPORT_BATCH_SIZE
          ? { IMPORT_BATCH_SIZE: process.env.IMPORT_BATCH_SIZE }
          : {}),
      },
    });
    cleanups.push(() => api.stop());
    const pid = api.child.pid ?? 0;
    const idle = memoryOf(pid);
    let peakRss = idle.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, memoryOf(pid).rss);
    }, 100);
    cleanups.push(() => clearInterval(sampler));

    log('importing through the API…');
    started = performance.now();
    const form = new FormData();
    form.append('file', await openAsBlob(csvPath, { type: 'text/csv' }), 'leads.csv');
    const accepted = await fetch(
      `${api.url}/v1/imports?programId=${program}&partnerId=${partner}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}` },
        body: form,
      },
    );
    const created = /** @type {{ id: string }} */ (await accepted.json());
    if (accepted.status !== 202)
      throw new Error(`upload answered ${accepted.status}: ${JSON.stringify(created)}`);
    const uploadSeconds = (performance.now() - started) / 1000;
    /** @typedef {{ status: string; error: string | null; rowsImported: number; rowsFailed: number; rowsDuplicate: number }} ImportState */
    /** @type {ImportState} */
    let done;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const response = await fetch(`${api.url}/v1/imports/${created.id}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      done = /** @type {ImportState} */ (await response.json());
      if (done.status === 'completed' || done.status === 'failed') break;
    }
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const final = memoryOf(pid);
    peakRss = Math.max(peakRss, final.rss, final.hwm);
    if (done.status !== 'completed') throw new Error(`import failed: ${String(done.error)}`);

    const mb = (/** @type {number} */ n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    const ratio = importSeconds / copy.seconds;
    console.log(
      table(
        ['what', 'rows', 'seconds', 'rows/s', 'target'],
        [
          [
            'bare COPY (same file, LIKE leads)',
            copy.rows,
            copy.seconds.toFixed(1),
            Math.round(copy.rows / copy.seconds),
            '',
          ],
          [
            'import via API (upload → completed)',
            total,
            importSeconds.toFixed(1),
            Math.round(total / importSeconds),
            '',
          ],
          ['  of which upload (→ 202)', total, uploadSeconds.toFixed(1), '', ''],
          ['import / COPY time', '', ratio.toFixed(2), '', '≤ 2.00'],
          ['API peak RSS (VmHWM)', '', mb(peakRss), '', '< 400 MB'],
          ['API RSS idle → after', '', `${mb(idle.rss)} → ${mb(final.rss)}`, '', ''],
        ],
      ),
    );
    console.log(
      `imported ${done.rowsImported}, failed ${done.rowsFailed} (expected ${generated.invalid}), ` +
        `duplicates ${done.rowsDuplicate} (expected ${generated.repeats + generated.existing.length})`,
    );
    return { importSeconds, copySeconds: copy.seconds, ratio, peakRss };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(error);
      }
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
