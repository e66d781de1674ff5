import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { importEnv } from '../support/imports';
import { type SeededTenant, seedTenant } from '../support/seed';
import { startTestApi, type TestApi } from '../support/test-api';
import { describeFile, EDGE_FILES, type FuzzFile, fuzzFile } from './support/csv-arbitraries';
import { tally } from './support/tally';
import { partnerToken, present } from './support/tenant';

/** An accepted import of a file under 1 MB must reach completed or failed by then; later = stuck. */
const FINISH_DEADLINE_MS = 30_000;
const RANDOM_FILES = 150;
const CONCURRENT_UPLOADS = 4;
// Spreadsheet formula triggers (OWASP): no cell of an error CSV may start with one.
const FORMULA_START = /^[=+\-@\t\r]/;

// biome-ignore lint/suspicious/noExplicitAny: answers of several shapes are read field by field.
type Json = any;

describe('CSV fuzzer: random and malformed files uploaded to /v1/imports', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let files = 0;
  let rowsChecked = 0;
  const outcomes: Record<string, number> = {};

  beforeAll(async () => {
    // Small limits, so the fuzzer meets them too; many running imports per partner, so one
    // stuck import cannot hide the rest behind 409 import_already_running.
    api = await startTestApi(
      importEnv({
        IMPORT_MAX_BYTES: '1000000',
        IMPORT_MAX_ROWS: '30',
        IMPORT_MAX_RUNNING_PER_PARTNER: '50',
      }),
    );
    tenant = await seedTenant(api.db, { partners: 1 });
  });
  afterAll(async () => {
    tally('files fuzzed', files);
    tally('rows checked', rowsChecked);
    console.log(`CSV fuzzer: ${files} files; outcomes ${JSON.stringify(outcomes)}`);
    await api?.close();
  });

  async function post(
    file: FuzzFile,
  ): Promise<{ status: number; contentType: string; body: Json; text: string }> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${partnerToken(tenant)}`,
    };
    let body: Buffer | FormData;
    let query = '';
    if (file.multipart) {
      const form = new FormData();
      if (file.mapping !== undefined) form.append('mapping', file.mapping);
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'text/csv' }), 'fuzz.csv');
      body = form;
    } else {
      headers['content-type'] = 'text/csv';
      body = file.bytes;
      const params = new URLSearchParams({ fileName: 'fuzz.csv' });
      if (file.mapping !== undefined) params.set('mapping', file.mapping);
      query = `?${params}`;
    }
    const response = await fetch(`${api.url}/v1/imports${query}`, {
      method: 'POST',
      headers,
      body,
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      text,
      body: /json/.test(contentType) && text ? JSON.parse(text) : null,
    };
  }

  /** Polls until the import finishes; throws if it stays queued/processing past the deadline. */
  async function finish(id: string): Promise<Json> {
    const deadline = Date.now() + FINISH_DEADLINE_MS;
    for (;;) {
      const current = await api.http.get(`/v1/imports/${id}`, { token: partnerToken(tenant) });
      if (current.status !== 200)
        throw new Error(`GET import answered ${current.status}: ${current.text}`);
      if (current.body.status === 'completed' || current.body.status === 'failed')
        return current.body;
      if (Date.now() > deadline) throw new Error(`import ${id} stuck in ${current.body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every file gets a clear 4xx problem, or an import that finishes with consistent counts. */
  async function check(file: FuzzFile): Promise<void> {
    files++;
    try {
      await checkOne(file);
    } catch (error) {
      // Keep the exact bytes for a reproduction (artifacts/ is gitignored and kept by CI, never
      // the temp directory a clean run must leave as it found it); report a readable summary.
      const dir = join(__dirname, '../../../../artifacts/csv-fuzz');
      mkdirSync(dir, { recursive: true });
      const saved = join(dir, `${Date.now()}-${files}.csv`);
      writeFileSync(saved, file.bytes);
      throw new Error(`${describeFile(file)}\n  saved as ${saved}\n  ${(error as Error).message}`);
    }
  }

  async function checkOne(file: FuzzFile): Promise<void> {
    const response = await post(file);
    outcomes[`${response.status} ${response.body?.code ?? ''}`.trim()] =
      (outcomes[`${response.status} ${response.body?.code ?? ''}`.trim()] ?? 0) + 1;
    if (response.status >= 500)
      throw new Error(`${file.kind}: ${response.status} ${response.text}`);
    if (response.status !== 202) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.code).toMatch(/^[a-z_]+$/);
      return;
    }
    const done = await finish(response.body.id);
    if (done.status === 'failed') {
      expect(done.error).toEqual(expect.any(String));
      return;
    }
    expect(done.rowsProcessed).toBe(done.rowsImported + done.rowsFailed + done.rowsDuplicate);
    const { rows } = await api.db.query<{ n: number; rows: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT import_row)::int AS rows FROM leads WHERE import_id = $1`,
      [done.id],
    );
    expect(rows[0]).toEqual({ n: done.rowsImported, rows: done.rowsImported });
    rowsChecked += done.rowsProcessed;
    if (done.rowsFailed + done.rowsDuplicate > 0) {
      const errors = await api.http.get(`/v1/imports/${done.id}/errors.csv`, {
        token: partnerToken(tenant),
      });
      expect(errors.status).toBe(200);
      const parsed = Papa.parse<string[]>(errors.text.replace(/^\ufeff/, ''), { delimiter: ',' });
      const cells = parsed.data.flat();
      expect(cells.filter((value) => FORMULA_START.test(value))).toEqual([]);
      expect(parsed.data.length - 1).toBeGreaterThanOrEqual(done.rowsFailed + done.rowsDuplicate);
    }
  }

  it('answers edge-case files with a problem or a finished import', async () => {
    for (const file of EDGE_FILES) await check(file);
  });

  it('reports a NUL inside a UTF-16 file as that row’s error and imports the other rows', async () => {
    const text = 'Email,First name\r\nnul@utf16.example,An\u0000n\r\nok@utf16.example,Ok\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    files++;
    const response = await post({ kind: 'UTF-16 with NUL', bytes, multipart: false });
    expect(response.status).toBe(202);
    const done = await finish(response.body.id);
    expect(done).toMatchObject({ status: 'completed', rowsImported: 1, rowsFailed: 1 });
  });

  it(`answers ${RANDOM_FILES} random files with a problem or a finished import, never a 500`, async () => {
    // fc.sample + our own concurrency instead of fc.assert: uploads overlap (imports wait for a
    // worker), and a failure is reported with its seed and saved bytes rather than shrunk.
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
    const samples = fc.sample(fuzzFile, { numRuns: RANDOM_FILES, seed });
    const failures: string[] = [];
    let next = 0;
    const lane = async () => {
      while (next < samples.length) {
        const file = present(samples[next++], 'sample');
        await check(file).catch((error: Error) => failures.push(error.message));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_UPLOADS }, lane));
    expect({ seed, failures }).toEqual({ seed, failures: [] });
    const health = await api.http.get('/health');
    expect(health.status).toBe(200);
  });
});
