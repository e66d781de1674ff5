import { at } from './support/fixtures';
import { IMPORT_FORM, importEnv, upload, waitForImport } from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

const ROWS = 200_000;

/** A large file with invalid rows and in-file duplicates at known places, and its expected counts. */
function generate(): { csv: string; imported: number; failed: number; duplicate: number } {
  const lines = ['First name,Last name,Email,Company,Budget'];
  let imported = 0;
  let failed = 0;
  let duplicate = 0;
  for (let i = 0; i < ROWS; i++) {
    if (i % 1000 === 999) {
      lines.push(`Bad,Row${i},not-an-email-${i},Co,1`);
      failed++;
    } else if (i % 777 === 776) {
      lines.push(`Twin,Row${i},lead${i - 1}@resume.example,Co,2`);
      duplicate++;
    } else {
      lines.push(`First${i},Last${i},lead${i}@resume.example,Company ${i % 50},${i % 9000}`);
      imported++;
    }
  }
  return { csv: `${lines.join('\r\n')}\r\n`, imported, failed, duplicate };
}

describe('an import whose worker is killed', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi(
      importEnv({ IMPORT_BATCH_SIZE: '500', IMPORT_RECOVERY_INTERVAL_SECONDS: '1' }),
    );
    tenant = await seedTenant(api.db, { formSchema: IMPORT_FORM, partners: 1 });
  });
  afterAll(() => api.close());

  it('resumes after a restart and imports every row exactly once', async () => {
    const token = at(tenant.partners, 0).token;
    const expected = generate();
    const response = await upload(api, expected.csv, { token });
    expect(response.status).toBe(202);
    const id: string = response.body.id;

    // SIGKILL the API mid-import: some batches committed, others not.
    let processedAtKill = 0;
    for (;;) {
      const { rows } = await api.db.query(
        `SELECT status, rows_processed FROM imports WHERE id = $1`,
        [id],
      );
      if (rows[0].rows_processed > 0) {
        processedAtKill = rows[0].rows_processed;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await api.kill();
    const { rows: atCrash } = await api.db.query(
      `SELECT status, rows_processed FROM imports WHERE id = $1`,
      [id],
    );
    expect(atCrash[0].status).toBe('processing');
    expect(atCrash[0].rows_processed).toBeGreaterThanOrEqual(processedAtKill);
    expect(atCrash[0].rows_processed).toBeLessThan(ROWS);

    await api.restart();
    const done = await waitForImport(api, token, id, 170_000);
    expect(done).toMatchObject({
      status: 'completed',
      rowsTotal: ROWS,
      rowsProcessed: ROWS,
      rowsImported: expected.imported,
      rowsFailed: expected.failed,
      rowsDuplicate: expected.duplicate,
    });
    const { rows } = await api.db.query(
      `SELECT (SELECT count(*)::int FROM leads WHERE import_id = $1) AS leads,
              (SELECT count(DISTINCT import_row)::int FROM leads WHERE import_id = $1) AS distinct_rows,
              (SELECT count(DISTINCT email_normalized)::int FROM leads WHERE import_id = $1) AS distinct_emails,
              (SELECT count(*)::int FROM lead_events e JOIN leads l ON l.id = e.lead_id
                WHERE l.import_id = $1 AND e.type = 'imported') AS events,
              (SELECT count(*)::int FROM import_errors WHERE import_id = $1) AS errors,
              (SELECT attempts FROM imports WHERE id = $1) AS attempts`,
      [id],
    );
    expect(rows[0]).toEqual({
      leads: expected.imported,
      distinct_rows: expected.imported,
      distinct_emails: expected.imported,
      events: expected.imported,
      errors: expected.failed + expected.duplicate,
      attempts: 2,
    });
  }, 240_000);
});
