import { partnerOf, uniqueEmail } from './support/fixtures';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

// The guard keeps checked API keys and partner sessions in memory for PRINCIPAL_CACHE_SECONDS.
// Changes made through this API process apply to the next request; changes it did not see
// (another replica's, simulated here by writing the database directly) may be read late, but
// never let a stale session write a lead.

const ORIGIN = 'https://partners.example.com';

describe('sessions cached by the guard', () => {
  let api: TestApi;

  beforeAll(async () => {
    // Long enough that every cached session below is still cached when it is used again.
    api = await startTestApi({ PRINCIPAL_CACHE_SECONDS: '60' });
  });
  afterAll(() => api.close());

  const leadsOf = async (tenant: SeededTenant) =>
    (
      await api.db.query(`SELECT count(*)::int AS n FROM leads WHERE company_id = $1`, [
        tenant.companyId,
      ])
    ).rows[0].n;

  async function cachedPartner() {
    const tenant = await seedTenant(api.db, { partners: 1, allowedOrigins: [ORIGIN] });
    const partner = partnerOf(tenant, 0);
    const first = await api.http.post(
      '/v1/leads',
      { email: uniqueEmail() },
      { token: partner.token },
    );
    expect(first.status).toBe(201);
    return { tenant, partner };
  }

  it.each([
    ['its partner was archived', `UPDATE partners SET status = 'archived' WHERE id = $1`],
    [
      'its enrolment was ended',
      `UPDATE partnerships SET status = 'archived' WHERE partner_id = $1`,
    ],
  ])(
    'refuses a lead from a cached session whose %s elsewhere, and writes nothing',
    async (_, sql) => {
      const { tenant, partner } = await cachedPartner();
      await api.db.query(sql, [partner.id]);
      const refused = await api.http.post(
        '/v1/leads',
        { email: uniqueEmail() },
        { token: partner.token },
      );
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('unauthenticated');
      // The refusal also dropped the cached session: it stays refused on reads.
      expect((await api.http.get('/v1/leads', { token: partner.token })).status).toBe(401);
      expect(await leadsOf(tenant)).toBe(1);
    },
  );

  it('refuses a lead to a program archived elsewhere, and writes nothing', async () => {
    const { tenant, partner } = await cachedPartner();
    await api.db.query(`UPDATE programs SET archived_at = now() WHERE id = $1`, [tenant.programId]);
    const refused = await api.http.post(
      '/v1/leads',
      { email: uniqueEmail() },
      { token: partner.token },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('lead_submission_disabled');
    expect(await leadsOf(tenant)).toBe(1);
  });

  it('applies an origin removed through the API to the very next partner request', async () => {
    const { tenant, partner } = await cachedPartner();
    const fromSite = { token: partner.token, headers: { origin: ORIGIN } };
    expect((await api.http.get('/v1/leads', fromSite)).status).toBe(200);
    const patched = await api.http.patch(
      `/v1/programs/${tenant.programId}`,
      { allowedOrigins: ['https://elsewhere.example.com'] },
      { token: tenant.apiKey },
    );
    expect(patched.status).toBe(200);
    const refused = await api.http.get('/v1/leads', fromSite);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('origin_not_allowed');
  });

  it('applies a partner renamed through the API to the next lead it submits', async () => {
    const { tenant, partner } = await cachedPartner();
    const renamed = await api.http.patch(
      `/v1/partners/${partner.id}`,
      { name: 'Renamed Agency' },
      { token: tenant.apiKey },
    );
    expect(renamed.status).toBe(200);
    const lead = await api.http.post(
      '/v1/leads',
      { email: uniqueEmail() },
      { token: partner.token },
    );
    expect(lead.status).toBe(201);
    expect(lead.body.partner).toEqual({ id: partner.id, name: 'Renamed Agency' });
  });

  it("names the partner in a new lead as it is stored, even when the session's copy is older", async () => {
    const { partner } = await cachedPartner();
    await api.db.query(`UPDATE partners SET name = 'Renamed Elsewhere' WHERE id = $1`, [
      partner.id,
    ]);
    const lead = await api.http.post(
      '/v1/leads',
      { email: uniqueEmail() },
      { token: partner.token },
    );
    expect(lead.status).toBe(201);
    expect(lead.body.partner).toEqual({ id: partner.id, name: 'Renamed Elsewhere' });
  });
});
