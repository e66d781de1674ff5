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

  it('answer a retry whose first run stored the lead but died before answering with that lead, on any replica', async () => {
    const own = await seedTenant(api.db, { partners: 1 });
    const partner = partnerOf(own, 0);
    const body = { email: uniqueEmail('committed'), firstName: 'Kept' };
    const key = `committed-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    const first = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(first.status).toBe(201);
    // What a process killed after the lead's commit but before storing the answer leaves: the
    // key's mark still "in progress", gone stale.
    await api.db.query(
      `UPDATE idempotency_keys SET status_code = NULL, response_body = NULL,
              created_at = now() - interval '1 minute' WHERE key = $1`,
      [key],
    );
    const retried = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ id: first.body.id, email: body.email, firstName: 'Kept' });
    const replayed = await api.http.post('/v1/leads', body, { token: partner.token, headers });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.id).toBe(first.body.id);

    // Another key is another submission: the same email is still a duplicate for it.
    const other = await api.http.post('/v1/leads', body, {
      token: partner.token,
      headers: { 'idempotency-key': `${key}-other` },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('duplicate_lead');
    // The digest that ties the lead to its request stays out of the lead's history.
    const history = await api.http.get(`/v1/leads/${first.body.id}/events`, {
      token: own.apiKey,
    });
    expect(history.status).toBe(200);
    expect(history.body.data[0]).toMatchObject({ type: 'created', data: { source: 'form' } });
    expect(history.body.data[0].data).not.toHaveProperty('request');
  });

  it('tell a retry of a request still running how long to wait before it may take over', async () => {
    const own = await seedTenant(api.db, { partners: 1 });
    const partner = partnerOf(own, 0);
    const body = { email: uniqueEmail('waiting') };
    const key = `waiting-${Date.now()}`;
    const hash = createHash('sha256')
      .update(`POST /v1/leads\n${JSON.stringify(body)}`)
      .digest('hex');
    await api.db.query(
      `INSERT INTO idempotency_keys (company_id, principal, key, method, path, request_hash, created_at)
       VALUES ($1, $2, $3, 'POST', '/v1/leads', $4, now() - interval '6 seconds')`,
      [own.companyId, `partner:${own.programId}:${partner.id}`, key, hash],
    );
    const early = await api.http.post('/v1/leads', body, {
      token: partner.token,
      headers: { 'idempotency-key': key },
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('idempotency_in_progress');
    // The mark goes stale 15 s after its last heartbeat; this one was refreshed 6 s ago.
    const wait = Number(early.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(8);
    expect(wait).toBeLessThanOrEqual(10);
  });
});
