import { createHash } from 'node:crypto';
import { partnerOf, uniqueEmail } from './support/fixtures';
import { csvOf, IMPORT_FORM, importEnv, upload, waitForImport } from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

describe('Idempotency-Key replays', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi(importEnv());
    tenant = await seedTenant(api.db, { formSchema: IMPORT_FORM, partners: 1 });
  });
  afterAll(() => api.close());

  it('answer a retried upload with the first status, body and Location', async () => {
    const token = partnerOf(tenant, 0).token;
    const csv = csvOf([
      ['Email', 'Budget'],
      [uniqueEmail('replayed'), '1'],
    ]);
    const headers = { 'idempotency-key': `upload-${Date.now()}` };
    const first = await upload(api, csv, { token, headers });
    expect(first.status).toBe(202);
    const location = first.headers.get('location');
    expect(location).toBe(`/v1/imports/${first.body.id}`);
    await waitForImport(api, token, first.body.id);

    const retry = await upload(api, csv, { token, headers });
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(location);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('do not replay a rate-limited answer: the retry runs once the limit has passed', async () => {
    const partner = partnerOf(await seedTenant(api.db, { partners: 1 }), 0);
    for (let i = 0; i < 120; i++) {
      const ok = await api.http.post(
        '/v1/leads',
        { email: uniqueEmail() },
        { token: partner.token },
      );
      expect(ok.status).toBe(201);
    }
    const body = { email: uniqueEmail('retried') };
    const headers = { 'idempotency-key': `lead-${Date.now()}` };
    const limited = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(limited.status).toBe(429);
    // The window passes (its counter is dropped, as a new window would start at zero).
    await api.db.query(`DELETE FROM rate_limits WHERE key LIKE $1`, [`%${partner.id}`]);
    const retried = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(retried.body).toMatchObject({ email: body.email });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const again = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(retried.body.id);
  });

  it('let a retry take over a key whose first attempt died mid-request, once it is stale', async () => {
    const own = await seedTenant(api.db, { partners: 1 });
    const partner = partnerOf(own, 0);
    const body = { email: uniqueEmail('orphaned') };
    const key = `orphan-${Date.now()}`;
    // What a process killed between taking the key and answering leaves behind.
    const hash = createHash('sha256')
      .update(`POST /v1/leads\n${JSON.stringify(body)}`)
      .digest('hex');
    await api.db.query(
      `INSERT INTO idempotency_keys (company_id, principal, key, method, path, request_hash)
       VALUES ($1, $2, $3, 'POST', '/v1/leads', $4)`,
      [own.companyId, `partner:${own.programId}:${partner.id}`, key, hash],
    );
    const headers = { 'idempotency-key': key };
    const early = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('idempotency_in_progress');

    await api.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '2 minutes' WHERE key = $1`,
      [key],
    );
    const retried = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(retried.status).toBe(201);
    const again = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(retried.body.id);
    const { rows } = await api.db.query(`SELECT count(*)::int AS n FROM leads WHERE email = $1`, [
      body.email,
    ]);
    expect(rows[0].n).toBe(1);
  });
});
