import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

const ORIGIN = 'https://partners.example.com';

describe('an invited partner', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 0, allowedOrigins: [ORIGIN] });
  });
  afterAll(() => api.close());

  async function invite(name: string): Promise<{ id: string; email: string }> {
    const email = `${name.toLowerCase()}-${Date.now()}@agency.example`;
    const created = await api.http.post(
      '/v1/partners',
      { name, email, programIds: [tenant.programId], invite: true },
      { token: tenant.apiKey },
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('invited');
    return { id: created.body.id, email };
  }

  const statusOf = async (id: string) =>
    (await api.http.get(`/v1/partners/${id}`, { token: tenant.apiKey })).body.status;

  it('becomes active with the first session its company mints for it', async () => {
    const partner = await invite('Minted');
    const session = await api.http.post(
      '/v1/partner-sessions',
      { programId: tenant.programId, partnerId: partner.id },
      { token: tenant.apiKey },
    );
    expect(session.status).toBe(201);
    expect(await statusOf(partner.id)).toBe('active');
    const listed = await api.http.get('/v1/partners?status=invited', { token: tenant.apiKey });
    expect(listed.body.data.map((p: { id: string }) => p.id)).not.toContain(partner.id);
  });

  it('becomes active when it signs in with an emailed code, not when it only asks for one', async () => {
    const partner = await invite('Coded');
    const fromSite = { headers: { origin: ORIGIN } };
    const asked = await api.http.post(
      '/v1/partner-sign-in/codes',
      { publishableKey: tenant.publishableKey, email: partner.email },
      fromSite,
    );
    expect(asked.status).toBe(202);
    expect(await statusOf(partner.id)).toBe('invited');
    const { rows } = await api.db.query<{ text_body: string }>(
      `SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = 'sign_in_code'
        ORDER BY created_at DESC LIMIT 1`,
      [partner.email],
    );
    const code = /\b(\d{6})\b/.exec(rows[0]?.text_body ?? '')?.[1];
    expect(code).toBeDefined();
    const verified = await api.http.post(
      '/v1/partner-sign-in/verify',
      { publishableKey: tenant.publishableKey, email: partner.email, code },
      fromSite,
    );
    expect(verified.status).toBe(200);
    expect(await statusOf(partner.id)).toBe('active');
  });
});
