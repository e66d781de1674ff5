import { partnerOf } from './support/fixtures';
import { createLead, moveLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: list pages are plain JSON.
type Json = any;

describe('GET /v1/leads', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  const named: Record<string, Json> = {};

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 2 });
    named.ada = await createLead(
      api,
      tenant,
      { firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines' },
      0,
    );
    named.grace = await createLead(
      api,
      tenant,
      { firstName: 'Grace', lastName: 'Hopper', company: 'Navy 100% Labs' },
      1,
    );
    named.alan = await createLead(
      api,
      tenant,
      { firstName: 'Alan', lastName: 'Turing', company: 'Bletchley' },
      0,
    );
    named.edsger = await createLead(
      api,
      tenant,
      { firstName: 'Edsger', lastName: 'Dijkstra', company: 'Eindhoven' },
      1,
    );
    await moveLead(api, tenant, named.grace.id, 'qualified');
    await moveLead(api, tenant, named.alan.id, 'closed_lost');
    // 120 leads sharing one created_at: pages must still split them without loss or repeats.
    await api.db.query(
      `INSERT INTO leads (company_id, program_id, partner_id, email, email_normalized, created_at, updated_at)
       SELECT $1, $2, $3, 'bulk' || i || '@tie.example', 'bulk' || i || '@tie.example',
              '2024-06-01T12:00:00.123456Z', '2024-06-01T12:00:00.123456Z'
         FROM generate_series(1, 120) i`,
      [tenant.companyId, tenant.programId, partnerOf(tenant, 0).id],
    );
  });
  afterAll(() => api.close());

  async function all(query: string, token = tenant.apiKey, limit = 7): Promise<Json[]> {
    const rows: Json[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const path: string = `/v1/leads?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await api.http.get(path, { token });
      expect(response.status).toBe(200);
      rows.push(...response.body.data);
      cursor = response.body.nextCursor;
      if (!cursor) return rows;
    }
    throw new Error('pagination did not end');
  }

  it('pages through every lead exactly once, newest first, ties included', async () => {
    const rows = await all('');
    const { rows: expected } = await api.db.query(
      `SELECT id FROM leads WHERE company_id = $1 ORDER BY created_at DESC, id DESC`,
      [tenant.companyId],
    );
    expect(rows.map((r) => r.id)).toEqual(expected.map((r: { id: string }) => r.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(124);
    const ascending = await all('sort=createdAt', tenant.apiKey, 11);
    expect(ascending.map((r) => r.id)).toEqual(
      [...expected.map((r: { id: string }) => r.id)].reverse(),
    );
  });

  it('carries stage labels, partner and customer in each row', async () => {
    const first = await api.http.get('/v1/leads?limit=1', { token: tenant.apiKey });
    expect(first.body.data[0]).toMatchObject({
      id: named.edsger.id,
      stage: 'new',
      stageLabel: 'New',
      partner: { id: partnerOf(tenant, 1).id, name: partnerOf(tenant, 1).name },
      customer: null,
    });
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('filters by one or several stages, by partner and by program', async () => {
    const qualified = await all('stage=qualified');
    expect(qualified.map((r) => r.id)).toEqual([named.grace.id]);
    const closedOrQualified = await all('stage=closed_lost,qualified');
    expect(closedOrQualified.map((r) => r.id)).toEqual([named.alan.id, named.grace.id]);
    const repeated = await all('stage=closed_lost&stage=qualified', tenant.apiKey, 1);
    expect(repeated.map((r) => r.id)).toEqual([named.alan.id, named.grace.id]);
    const byPartner = await all(`partnerId=${partnerOf(tenant, 1).id}`);
    expect(byPartner.map((r) => r.id)).toEqual([named.edsger.id, named.grace.id]);
    const byProgram = await all(`programId=${tenant.programId}&stage=new`, tenant.apiKey, 50);
    expect(byProgram).toHaveLength(122);
    const bad = await api.http.get('/v1/leads?stage=won', { token: tenant.apiKey });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('shows a partner only its own leads', async () => {
    const rows = await all('', partnerOf(tenant, 1).token);
    expect(rows.map((r) => r.id)).toEqual([named.edsger.id, named.grace.id]);
    const sneaky = await all(`partnerId=${partnerOf(tenant, 0).id}`, partnerOf(tenant, 1).token);
    expect(sneaky).toEqual([]);
  });

  it('searches name, email and company, case-insensitively, with literal wildcards', async () => {
    expect((await all('q=LOVELACE')).map((r) => r.id)).toEqual([named.ada.id]);
    expect((await all('q=bletch')).map((r) => r.id)).toEqual([named.alan.id]);
    expect(
      (await all(`q=${encodeURIComponent(named.grace.email.slice(0, 12))}`)).map((r) => r.id),
    ).toEqual([named.grace.id]);
    expect((await all('q=100%25')).map((r) => r.id)).toEqual([named.grace.id]);
    expect(await all('q=%25%25%25')).toEqual([]);
    expect((await all('q=bulk1@tie')).map((r) => r.email)).toEqual(['bulk1@tie.example']);
    expect(await all('q=hopper&stage=new')).toEqual([]);
  });

  it('filters by creation time and sorts by last update', async () => {
    const recent = await all(`createdFrom=${encodeURIComponent(named.ada.createdAt)}`);
    expect(recent.map((r) => r.id)).toEqual([
      named.edsger.id,
      named.alan.id,
      named.grace.id,
      named.ada.id,
    ]);
    const before = await all(
      `createdTo=${encodeURIComponent(named.ada.createdAt)}`,
      tenant.apiKey,
      50,
    );
    expect(before).toHaveLength(120);
    const edited = await api.http.patch(
      `/v1/leads/${named.ada.id}`,
      { version: named.ada.version, lastName: 'King' },
      { token: partnerOf(tenant, 0).token },
    );
    expect(edited.status).toBe(200);
    const byUpdate = await api.http.get('/v1/leads?sort=-updatedAt&limit=2', {
      token: tenant.apiKey,
    });
    expect(byUpdate.body.data.map((r: Json) => r.id)).toEqual([named.ada.id, named.alan.id]);
    const everyByUpdate = await all('sort=-updatedAt', tenant.apiKey, 9);
    expect(new Set(everyByUpdate.map((r) => r.id)).size).toBe(124);
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await api.http.get('/v1/leads?cursor=garbage', { token: tenant.apiKey });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].field).toBe('cursor');
  });
});
