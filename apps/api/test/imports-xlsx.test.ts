import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { at, type Json, uniqueEmail } from './support/fixtures';
import { importEnv, parseCsv, upload, waitForImport } from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';
import {
  leadsWorkbook,
  WORKBOOK_FORM,
  WORKBOOK_HEADER,
  workbookBuffer,
  zipOf,
} from './support/workbooks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function dryRun(api: TestApi, body: Buffer, token: string, query: Record<string, string>) {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${api.url}/v1/imports/dry-run${search ? `?${search}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
    body,
  });
  return { status: response.status, body: (await response.json()) as Json };
}

describe('Excel workbook imports', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  // The API's own temp directory: workbooks are spooled there and must not stay.
  const apiTmp = mkdtempSync(join(tmpdir(), 'lb-xlsx-test-'));

  beforeAll(async () => {
    api = await startTestApi(importEnv({ TMPDIR: apiTmp }));
    tenant = await seedTenant(api.db, { formSchema: WORKBOOK_FORM, partners: 4 });
  });
  afterAll(async () => {
    await api.close();
    rmSync(apiTmp, { recursive: true, force: true });
  });

  it('imports the first visible sheet with dates, cached formula results, merged cells and leading zeros', async () => {
    const partner = at(tenant.partners, 0);
    const emails = {
      ada: uniqueEmail('ada'),
      grace: uniqueEmail('grace'),
      alan: uniqueEmail('alan'),
      other: uniqueEmail('other'),
    };
    const workbook = await leadsWorkbook(emails);
    // Named .csv and declared as CSV on purpose: the content decides.
    const response = await upload(api, workbook, {
      token: partner.token,
      fileName: 'leads.csv',
      contentType: 'text/csv',
    });
    expect(response.status).toBe(202);
    const done = await waitForImport(api, partner.token, response.body.id);
    expect(done).toMatchObject({
      status: 'completed',
      rowsTotal: 4,
      rowsImported: 3,
      rowsFailed: 1,
    });
    const leads = await api.db.query(
      `SELECT email, company_name AS company, fields, import_row FROM leads WHERE import_id = $1 ORDER BY import_row`,
      [done.id],
    );
    expect(leads.rows).toEqual([
      {
        email: emails.ada,
        company: 'Analytical Engines',
        fields: { budget: 1200, startDate: '2025-03-14', customerNo: '00123' },
        import_row: 2,
      },
      // The merged company cell's value is the top-left cell's only.
      {
        email: emails.grace,
        company: 'Navy',
        fields: { budget: 2500, customerNo: '0042' },
        import_row: 3,
      },
      {
        email: emails.alan,
        company: null,
        fields: { budget: 900, startDate: '2024-12-31' },
        import_row: 5,
      },
    ]);

    // The error file is CSV, with the sheet's header and its row (its row number the sheet's).
    const errors = await api.http.get(`/v1/imports/${done.id}/errors.csv`, {
      token: partner.token,
    });
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-disposition')).toContain('filename="leads-errors.csv"');
    const table = parseCsv(errors.text);
    expect(table[0]).toEqual([...WORKBOOK_HEADER, 'error']);
    expect(table.slice(1)).toEqual([
      [
        'No',
        'Budget',
        'nobudget@example.com',
        'X',
        '',
        '',
        '00077',
        expect.stringMatching(/budget/i),
      ],
    ]);
    const { rows } = await api.db.query(
      `SELECT row_number FROM import_errors WHERE import_id = $1`,
      [done.id],
    );
    expect(rows).toEqual([{ row_number: 8 }]);
  });

  it('reads the sheet the `sheet` option names, by name or position, and refuses an unknown one naming the field', async () => {
    const partner = at(tenant.partners, 1);
    const emails = {
      ada: uniqueEmail('ada'),
      grace: uniqueEmail('grace'),
      alan: uniqueEmail('alan'),
      other: uniqueEmail('other'),
    };
    const workbook = await leadsWorkbook(emails);
    const byName = await upload(api, workbook, {
      token: partner.token,
      fileName: 'leads.xlsx',
      contentType: XLSX,
      fields: { sheet: 'Other' },
    });
    expect(byName.status).toBe(202);
    const done = await waitForImport(api, partner.token, byName.body.id);
    expect(done).toMatchObject({ status: 'completed', rowsImported: 1, fileName: 'leads.xlsx' });
    const imported = await api.db.query(`SELECT email FROM leads WHERE import_id = $1`, [done.id]);
    expect(imported.rows).toEqual([{ email: emails.other }]);

    const unknown = await upload(api, workbook, {
      token: partner.token,
      raw: true,
      contentType: XLSX,
      fields: { sheet: 'Nope' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('validation_failed');
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({
        field: 'sheet',
        code: 'unknown_sheet',
        message: expect.stringContaining('"Leads", "Other"'),
      }),
    ]);

    // Position 2 among the visible sheets; the dry run lists them and stores nothing.
    const preview = await dryRun(api, workbook, partner.token, { sheet: '2' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      format: 'xlsx',
      sheet: 'Other',
      sheets: ['Leads', 'Other'],
      headers: WORKBOOK_HEADER,
      rowsTotal: 1,
      ready: true,
    });
    const firstVisible = await dryRun(api, workbook, partner.token, {});
    expect(firstVisible.body).toMatchObject({ sheet: 'Leads', rowsTotal: 4, rowsFailed: 1 });
    expect(firstVisible.body.problems).toEqual([expect.objectContaining({ row: 8 })]);
    // A hidden sheet is read when it is named.
    const hidden = await dryRun(api, workbook, partner.token, { sheet: 'archive' });
    expect(hidden.body).toMatchObject({ sheet: 'Archive', rowsTotal: 1 });
  });

  it('imports 10,000 rows and applies the row limit to the sheet', async () => {
    const partner = at(tenant.partners, 2);
    const tag = uniqueEmail('bulk').split('@')[0];
    const workbook = await workbookBuffer((book) => {
      const sheet = book.addWorksheet('Bulk');
      sheet.addRow(WORKBOOK_HEADER);
      for (let i = 0; i < 10_000; i++) {
        sheet.addRow([
          `Lead ${i}`,
          'Bulk',
          `${tag}-${i}@example.com`,
          'Bulk Co',
          i + 1,
          null,
          null,
        ]);
      }
    });
    const response = await upload(api, workbook, { token: partner.token, fileName: 'bulk.xlsx' });
    expect(response.status).toBe(202);
    const done = await waitForImport(api, partner.token, response.body.id, 180_000);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 10_000, rowsImported: 10_000 });

    const limited = await startTestApi(importEnv({ IMPORT_MAX_ROWS: '9999', TMPDIR: apiTmp }));
    try {
      const other = await seedTenant(limited.db, { formSchema: WORKBOOK_FORM });
      const refused = await upload(limited, workbook, {
        token: at(other.partners, 0).token,
        fileName: 'bulk.xlsx',
      });
      expect(refused.status).toBe(413);
      expect(refused.body.code).toBe('too_many_rows');
    } finally {
      await limited.close();
    }
  }, 240_000);

  it("resumes a workbook import after a crash, every row once, row numbers the sheet's", async () => {
    const crashing = await startTestApi(
      importEnv({
        IMPORT_BATCH_SIZE: '50',
        IMPORT_RECOVERY_INTERVAL_SECONDS: '1',
        TMPDIR: apiTmp,
      }),
    );
    try {
      const other = await seedTenant(crashing.db, { formSchema: WORKBOOK_FORM, partners: 1 });
      const token = at(other.partners, 0).token;
      // 5,000 leads with an empty row after every 100th: lead i sits on sheet row i + 2 + ⌊i/100⌋.
      const workbook = await workbookBuffer((book) => {
        const sheet = book.addWorksheet('Leads');
        sheet.addRow(WORKBOOK_HEADER);
        let row = 2;
        for (let i = 0; i < 5000; i++) {
          sheet.getRow(row).values = [
            `Lead ${i}`,
            'Resume',
            `resume-${i}@example.com`,
            'Co',
            i + 1,
          ];
          row += i % 100 === 99 ? 2 : 1;
        }
      });
      const response = await upload(crashing, workbook, { token, fileName: 'resume.xlsx' });
      expect(response.status).toBe(202);
      const id: string = response.body.id;
      for (;;) {
        const { rows } = await crashing.db.query(
          `SELECT rows_processed FROM imports WHERE id = $1`,
          [id],
        );
        if (rows[0].rows_processed > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await crashing.kill();
      const { rows: atCrash } = await crashing.db.query(
        `SELECT status, rows_processed FROM imports WHERE id = $1`,
        [id],
      );
      expect(atCrash[0].status).toBe('processing');
      expect(atCrash[0].rows_processed).toBeLessThan(5000);

      await crashing.restart();
      const done = await waitForImport(crashing, token, id, 120_000);
      expect(done).toMatchObject({ status: 'completed', rowsTotal: 5000, rowsImported: 5000 });
      const { rows } = await crashing.db.query(
        `SELECT count(*)::int AS leads, count(DISTINCT import_row)::int AS rows,
                min(import_row) AS first, max(import_row) AS last
           FROM leads WHERE import_id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ leads: 5000, rows: 5000, first: 2, last: 5000 + 1 + 49 });
      const lead150 = await crashing.db.query(
        `SELECT import_row FROM leads WHERE import_id = $1 AND email = 'resume-150@example.com'`,
        [id],
      );
      expect(lead150.rows).toEqual([{ import_row: 153 }]);
    } finally {
      await crashing.close();
    }
  }, 240_000);

  it('refuses a workbook over the size limit, a zip that is no workbook and an old .xls, leaving no temp file', async () => {
    const partner = at(tenant.partners, 3);
    const notWorkbook = await upload(api, zipOf({ 'readme.txt': 'hello' }), {
      token: partner.token,
      fileName: 'leads.xlsx',
      contentType: XLSX,
    });
    expect(notWorkbook.status).toBe(415);
    expect(notWorkbook.body.code).toBe('not_csv');
    expect(notWorkbook.body.detail).toMatch(/not an Excel workbook/);

    // Shorter than a zip signature: still read as the (header-only) CSV it is.
    for (const raw of [true, false]) {
      const tiny = await upload(api, 'E\n', { token: partner.token, raw });
      expect(tiny.status).toBe(422);
      expect(tiny.body.code).toBe('no_rows');
    }

    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const legacy = await upload(api, xls, { token: partner.token, fileName: 'leads.xls' });
    expect(legacy.status).toBe(415);
    expect(legacy.body.detail).toMatch(/\.xls/);

    const small = await startTestApi(importEnv({ IMPORT_MAX_BYTES: '4000', TMPDIR: apiTmp }));
    try {
      const other = await seedTenant(small.db, { formSchema: WORKBOOK_FORM });
      const big = await workbookBuffer((book) => {
        const sheet = book.addWorksheet('Big');
        sheet.addRow(WORKBOOK_HEADER);
        for (let i = 0; i < 500; i++) sheet.addRow([`Lead ${i}`, 'x', `big-${i}@example.com`]);
      });
      const refused = await upload(small, big, { token: at(other.partners, 0).token, raw: true });
      expect(refused.status).toBe(413);
      expect(refused.body.code).toBe('file_too_large');
    } finally {
      await small.close();
    }
    expect(readdirSync(apiTmp)).toEqual([]);
  });
});
