import { importEnv, upload, waitForImport } from '../support/imports';
import { type SeededTenant, seedTenant } from '../support/seed';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually } from './support/eventually';
import { tally } from './support/tally';
import { partnerToken, present } from './support/tenant';

// imports-resume.test.ts (the imports suite) kills one import once. This one kills the same
// import twice, in a program that already holds some of the file's leads, and counts rows.
const ROWS = 60_000;
const EXISTING = 40;

interface Expected {
  csv: string;
  imported: number;
  failed: number;
  duplicate: number;
}

/** Valid rows, invalid emails, in-file repeats and rows already submitted by form. */
function generate(): Expected {
  const lines = ['First name,Last name,Email,Company'];
  const counts = { imported: 0, failed: 0, duplicate: 0 };
  const seen = new Set<string>();
  const add = (first: string, email: string) => {
    lines.push(`${first},Row,${email},Co`);
    if (!email.includes('@')) counts.failed++;
    else if (seen.has(email)) counts.duplicate++;
    else {
      seen.add(email);
      counts.imported++;
    }
  };
  for (let i = 0; i < EXISTING; i++) seen.add(`existing${i}@crash.example`);
  for (let i = 0; i < ROWS; i++) {
    if (i < EXISTING) add('Known', `existing${i}@crash.example`);
    else if (i % 997 === 0) add('Bad', `not-an-email-${i}`);
    else if (i % 641 === 0) add('Twin', `lead${i - 1}@crash.example`);
    else add(`First${i}`, `lead${i}@crash.example`);
  }
  return { csv: `${lines.join('\n')}\n`, ...counts };
}

describe('an import whose API is killed twice', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi(
      importEnv({ IMPORT_BATCH_SIZE: '500', IMPORT_RECOVERY_INTERVAL_SECONDS: '1' }),
    );
    tenant = await seedTenant(api.db, { partners: 1 });
  });
  afterAll(() => api?.close());

  const progress = async (id: string) => {
    const { rows } = await api.db.query<{ status: string; rows_processed: number }>(
      `SELECT status, rows_processed FROM imports WHERE id = $1`,
      [id],
    );
    return present(rows[0], `import ${id}`);
  };

  it('ends with every lead of the file exactly once, beside the ones the program already had', async () => {
    const token = partnerToken(tenant);
    for (let i = 0; i < EXISTING; i++) {
      const lead = await api.http.post(
        '/v1/leads',
        { email: `existing${i}@crash.example` },
        { token },
      );
      expect(lead.status).toBe(201);
    }
    const expected = generate();
    const created = await upload(api, expected.csv, { token, raw: true, fileName: 'crash.csv' });
    expect(created.status).toBe(202);
    const id: string = created.body.id;

    let killedAt = 0;
    for (const fraction of [0.2, 0.55]) {
      await eventually(
        `import past ${fraction * 100}%`,
        async () => (await progress(id)).rows_processed > Math.max(killedAt, ROWS * fraction),
        120_000,
      );
      await api.kill();
      tally('faults injected', 1);
      const atCrash = await progress(id);
      expect(atCrash.status).toBe('processing');
      expect(atCrash.rows_processed).toBeLessThan(ROWS);
      killedAt = atCrash.rows_processed;
      await api.restart();
    }

    const done = await waitForImport(api, token, id, 180_000);
    expect(done).toMatchObject({
      status: 'completed',
      rowsTotal: ROWS,
      rowsProcessed: ROWS,
      rowsImported: expected.imported,
      rowsFailed: expected.failed,
      rowsDuplicate: expected.duplicate,
    });
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS leads,
              count(DISTINCT email_normalized)::int AS emails,
              count(*) FILTER (WHERE import_id = $2)::int AS imported,
              count(DISTINCT import_row) FILTER (WHERE import_id = $2)::int AS import_rows,
              (SELECT count(*)::int FROM import_errors WHERE import_id = $2) AS errors,
              (SELECT count(*)::int FROM lead_events e JOIN leads l ON l.id = e.lead_id
                WHERE l.import_id = $2 AND e.type = 'imported') AS events
         FROM leads WHERE program_id = $1`,
      [tenant.programId, id],
    );
    expect(rows[0]).toEqual({
      leads: EXISTING + expected.imported,
      emails: EXISTING + expected.imported,
      imported: expected.imported,
      import_rows: expected.imported,
      errors: expected.failed + expected.duplicate,
      events: expected.imported,
    });
    // The partner's list agrees with the database (first page of the newest).
    const listed = await api.http.get('/v1/leads?limit=200', { token });
    expect(listed.status).toBe(200);
    expect(new Set(listed.body.data.map((lead: { email: string }) => lead.email)).size).toBe(200);
    tally('rows checked', ROWS);
  });
});
