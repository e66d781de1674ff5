import { partnerOf, uniqueEmail } from './support/fixtures';
import { csvOf, IMPORT_FORM, importEnv, upload, waitForImport } from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

describe('imports whose background jobs all failed before a worker started them', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    // No workers yet: the uploads stay queued while the test fails their jobs.
    api = await startTestApi(
      importEnv({ RUN_WORKERS: 'false', IMPORT_MAX_RUNNING_PER_PARTNER: '5' }),
    );
    tenant = await seedTenant(api.db, { formSchema: IMPORT_FORM, partners: 1 });
  });
  afterAll(() => api.close());

  async function queuedImport(): Promise<string> {
    const csv = csvOf([
      ['Email', 'Budget'],
      [uniqueEmail('a'), '1'],
      [uniqueEmail('b'), '2'],
    ]);
    const response = await upload(api, csv, { token: partnerOf(tenant, 0).token });
    expect(response.status).toBe(202);
    // As if pg-boss had run out of retries: the only job of the import is dead.
    const failed = await api.db.query(
      `UPDATE pgboss.job SET state = 'failed', completed_on = now()
        WHERE name = 'import.process' AND data->>'importId' = $1`,
      [response.body.id],
    );
    expect(failed.rowCount).toBe(1);
    return response.body.id;
  }

  it('are queued again by the recovery sweep and complete, or fail with a reason past the attempt limit', async () => {
    const stranded = await queuedImport();
    const hopeless = await queuedImport();
    // This one was re-queued as often as allowed already, and never started.
    await api.db.query(`UPDATE imports SET attempts = 3 WHERE id = $1`, [hopeless]);

    await api.restart({
      RUN_WORKERS: 'true',
      IMPORT_RECOVERY_INTERVAL_SECONDS: '1',
      IMPORT_MAX_ATTEMPTS: '3',
    });
    const token = partnerOf(tenant, 0).token;
    expect(await waitForImport(api, token, stranded)).toMatchObject({
      status: 'completed',
      rowsImported: 2,
      rowsFailed: 0,
    });
    const failed = await waitForImport(api, token, hopeless);
    expect(failed).toMatchObject({ status: 'failed', rowsImported: 0 });
    expect(failed.error).toMatch(/could not be started/);
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM leads WHERE import_id = $1`,
      [hopeless],
    );
    expect(rows[0].n).toBe(0);
  });
});
