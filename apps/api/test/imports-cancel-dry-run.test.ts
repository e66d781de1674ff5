import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { at, type Json, uniqueEmail } from './support/fixtures';
import { csvOf, importCsv, importEnv, upload, waitForImport } from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

/** Every file under the storage directory (imports are kept as imports/<company>/<id>.csv). */
function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

async function dryRun(
  api: TestApi,
  csv: string,
  token: string,
  query: Record<string, string> = {},
  contentType = 'text/csv',
) {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${api.url}/v1/imports/dry-run${search ? `?${search}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function countRows(api: TestApi, table: 'leads' | 'imports', companyId: string) {
  const { rows } = await api.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE company_id = $1`,
    [companyId],
  );
  return rows[0]?.n ?? 0;
}

describe('import dry run', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  const env = importEnv();

  beforeAll(async () => {
    api = await startTestApi(env);
    tenant = await seedTenant(api.db, { partners: 2 });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(env.STORAGE_DIR ?? '', { recursive: true, force: true });
  });

  it('answers the mapping, the counts and the first problems, and stores nothing', async () => {
    const partner = at(tenant.partners, 0);
    const repeated = uniqueEmail('twice');
    const csv = csvOf([
      ['E-mail', 'Vorname', 'Company', 'Notes'],
      [uniqueEmail(), 'Ada', 'Analytical', 'x'],
      ['not-an-email', 'Bob', '', ''],
      [repeated, 'Cy', '', ''],
      [repeated, 'Cy again', '', ''],
      ['', 'No email', '', ''],
    ]);
    const leadsBefore = await countRows(api, 'leads', tenant.companyId);
    const importsBefore = await countRows(api, 'imports', tenant.companyId);

    const answer = await dryRun(api, csv, partner.token);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      programId: tenant.programId,
      partnerId: partner.id,
      headers: ['E-mail', 'Vorname', 'Company', 'Notes'],
      // Aliases map (E-mail, German Vorname); Notes matches no field of the program's form.
      mapping: { 0: 'email', 1: 'firstName', 2: 'company', 3: null },
      missingRequired: [],
      ready: true,
      rowsTotal: 5,
      rowsValid: 2,
      rowsFailed: 2,
      rowsDuplicate: 1,
      problemsTruncated: false,
    });
    expect(answer.body.columns[0]).toEqual({ index: 0, header: 'E-mail', field: 'email' });
    expect(answer.body.problems).toEqual([
      expect.objectContaining({
        row: 3,
        kind: 'failed',
        errors: [expect.objectContaining({ field: 'email', code: 'invalid_email' })],
      }),
      expect.objectContaining({
        row: 5,
        kind: 'duplicate',
        message: expect.stringContaining('row 4'),
      }),
      expect.objectContaining({
        row: 6,
        kind: 'failed',
        errors: [expect.objectContaining({ field: 'email', code: 'required' })],
      }),
    ]);
    expect(await countRows(api, 'leads', tenant.companyId)).toBe(leadsBefore);
    expect(await countRows(api, 'imports', tenant.companyId)).toBe(importsBefore);
    expect(storedFiles(env.STORAGE_DIR ?? '')).toEqual([]);
  });

  it('predicts what the import then does with the same file and mapping', async () => {
    const partner = at(tenant.partners, 1);
    const repeated = uniqueEmail('again');
    const rows = [
      ['Mail', 'First name'],
      ...Array.from({ length: 30 }, (_, i) => [
        i % 7 === 3 ? `broken-${i}` : uniqueEmail(),
        `N${i}`,
      ]),
      [repeated, 'R'],
      [repeated, 'R'],
    ];
    const csv = csvOf(rows);
    const mapping = JSON.stringify({ 0: 'email' });
    const predicted = await dryRun(api, csv, partner.token, { mapping });
    expect(predicted.status).toBe(200);
    expect(predicted.body.mapping).toEqual({ 0: 'email', 1: 'firstName' });

    const done = await importCsv(api, csv, {
      token: partner.token,
      raw: true,
      fields: { mapping, fileName: 'same.csv' },
    });
    expect(done.status).toBe('completed');
    expect({
      imported: done.rowsImported,
      failed: done.rowsFailed,
      duplicate: done.rowsDuplicate,
    }).toEqual({
      imported: predicted.body.rowsValid,
      failed: predicted.body.rowsFailed,
      duplicate: predicted.body.rowsDuplicate,
    });
  });

  it('shows a file without a column for a required field instead of refusing it', async () => {
    const csv = csvOf([
      ['Name', 'Firm'],
      ['Ada', 'Analytical'],
    ]);
    const answer = await dryRun(api, csv, at(tenant.partners, 0).token);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      ready: false,
      missingRequired: ['email'],
      rowsTotal: 1,
      mapping: { 0: null, 1: null },
    });
    // The import itself refuses that file, naming the missing field.
    const refused = await upload(api, csv, { token: at(tenant.partners, 0).token, raw: true });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('missing_required_columns');
  });

  it('needs the program and the partner from an API key, and names what is missing', async () => {
    const csv = csvOf([['Email'], [uniqueEmail()]]);
    const noProgram = await dryRun(api, csv, tenant.apiKey);
    expect(noProgram.status).toBe(422);
    expect(noProgram.body.errors).toEqual([expect.objectContaining({ field: 'programId' })]);
    const noPartner = await dryRun(api, csv, tenant.apiKey, { programId: tenant.programId });
    expect(noPartner.status).toBe(422);
    expect(noPartner.body.errors).toEqual([expect.objectContaining({ field: 'partnerId' })]);
    const ok = await dryRun(api, csv, tenant.apiKey, {
      programId: tenant.programId,
      partnerKey: at(tenant.partners, 1).partnerKey,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ partnerId: at(tenant.partners, 1).id, rowsValid: 1 });
  });

  it("refuses another tenant's program like a missing one", async () => {
    const other = await seedTenant(api.db, { partners: 1 });
    const answer = await dryRun(api, csvOf([['Email'], [uniqueEmail()]]), tenant.apiKey, {
      programId: other.programId,
      partnerKey: at(other.partners, 0).partnerKey,
    });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('not_found');
  });
});

describe('cancelling an import', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  // Small batches so a large file is still running when it is cancelled.
  const env = importEnv({ IMPORT_BATCH_SIZE: '20', WEBHOOK_ALLOW_PRIVATE: 'true' });

  beforeAll(async () => {
    api = await startTestApi(env);
    tenant = await seedTenant(api.db, { partners: 2 });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(env.STORAGE_DIR ?? '', { recursive: true, force: true });
  });

  it('stops a running import: committed rows stay, the rest is not imported, the partner sees it cancelled', async () => {
    const partner = at(tenant.partners, 0);
    const hook = await api.http.post(
      '/v1/webhook-endpoints',
      { url: 'http://127.0.0.1:9/imports', events: ['import.completed'] },
      { token: tenant.apiKey },
    );
    expect(hook.status).toBe(201);
    const rows = Array.from({ length: 40_000 }, (_, i) => [
      `cancel-${i}-${tenant.companyId.slice(0, 8)}@example.com`,
    ]);
    const started = await upload(api, csvOf([['Email'], ...rows]), {
      token: partner.token,
      raw: true,
      fields: { fileName: 'big.csv' },
    });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    // Wait until some batches have committed.
    for (let i = 0; i < 600; i++) {
      const seen = await api.http.get(`/v1/imports/${id}`, { token: partner.token });
      if (seen.body.rowsImported > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const cancelled = await api.http.post(`/v1/imports/${id}/cancel`, undefined, {
      token: partner.token,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.completedAt).not.toBeNull();

    // Give the job time to reach its next batch: nothing more is written after the cancel.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await waitForImport(api, partner.token, id);
    expect(after.status).toBe('cancelled');
    expect(after.rowsImported).toBeGreaterThan(0);
    expect(after.rowsImported).toBeLessThan(40_000);
    const { rows: leads } = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM leads WHERE import_id = $1`,
      [id],
    );
    expect(leads[0]?.n).toBe(after.rowsImported);
    expect(after.rowsImported).toBe(cancelled.body.rowsImported);

    const history = await api.http.get('/v1/imports', { token: partner.token });
    expect(history.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, status: 'cancelled' })]),
    );
    // The webhook/event consumers learn the import ended, with its final counts.
    const { rows: deliveries } = await api.db.query<{ status: string }>(
      `SELECT payload->'data'->'import'->>'status' AS status FROM webhook_deliveries
        WHERE company_id = $1 AND event_type = 'import.completed'
          AND payload->'data'->'import'->>'id' = $2`,
      [tenant.companyId, id],
    );
    expect(deliveries).toEqual([{ status: 'cancelled' }]);
    // Cancelling again (here by the company) answers the cancelled import; nothing changes.
    const again = await api.http.post(`/v1/imports/${id}/cancel`, undefined, {
      token: tenant.apiKey,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'cancelled', rowsImported: after.rowsImported });
    // The uploaded file is gone, and the partner can upload the next file right away.
    expect(storedFiles(env.STORAGE_DIR ?? '')).toEqual([]);
    const next = await upload(api, csvOf([['Email'], [uniqueEmail()]]), {
      token: partner.token,
      raw: true,
    });
    expect(next.status).toBe(202);
    await waitForImport(api, partner.token, next.body.id);
  });

  it("refuses to cancel a finished import, and hides other partners' imports", async () => {
    const partner = at(tenant.partners, 1);
    const done = await importCsv(api, csvOf([['Email'], [uniqueEmail()]]), {
      token: partner.token,
      raw: true,
    });
    expect(done.status).toBe('completed');
    const finished = await api.http.post(`/v1/imports/${done.id}/cancel`, undefined, {
      token: partner.token,
    });
    expect(finished.status).toBe(409);
    expect(finished.body.code).toBe('import_not_running');
    // Another partner of the same program cannot see, so cannot cancel, this import.
    const foreign = await api.http.post(`/v1/imports/${done.id}/cancel`, undefined, {
      token: at(tenant.partners, 0).token,
    });
    expect(foreign.status).toBe(404);
    const other = await seedTenant(api.db, { partners: 1 });
    const otherTenant = await api.http.post(`/v1/imports/${done.id}/cancel`, undefined, {
      token: other.apiKey,
    });
    expect(otherTenant.status).toBe(404);
    expect(
      (await api.http.get(`/v1/imports/${done.id}`, { token: partner.token })).body.status,
    ).toBe('completed');
  });
});
