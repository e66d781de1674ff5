import { randomBytes } from 'node:crypto';
import { seedTenant } from './support/seed';
import { type HttpResponse, startTestApi, type TestApi } from './support/test-api';

interface Browser {
  cookie: string;
  csrf: string;
}

const PASSWORD = 'correct horse battery';
const tag = () => randomBytes(4).toString('hex');

function browserOf(response: HttpResponse<{ csrfToken: string }>): Browser {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lb_session='));
  if (!cookie) throw new Error(`no session cookie (${response.status})`);
  return { cookie: cookie.split(';')[0] ?? '', csrf: response.body.csrfToken };
}

const as = (browser: Browser) => ({
  headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf },
});

describe('API keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function signUp(): Promise<Browser> {
    const response = await api.http.post('/v1/auth/sign-up', {
      companyName: `Keys ${tag()}`,
      name: 'Kim Owner',
      email: `kim-${tag()}@example.com`,
      password: PASSWORD,
    });
    expect(response.status).toBe(201);
    return browserOf(response);
  }

  it('shows a new key once, lets it act for the company, and never lists it', async () => {
    const owner = await signUp();
    const created = await api.http.post('/v1/api-keys', { name: 'CRM sync' }, as(owner));
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^sk_[\w-]{40,}$/);
    expect(created.body).toMatchObject({ name: 'CRM sync', revokedAt: null, lastUsedAt: null });
    expect(key.startsWith(created.body.prefix)).toBe(true);
    expect(created.body.prefix.length).toBeLessThan(key.length / 2);

    const { rows } = await api.db.query<{ key_hash: string }>(
      'SELECT key_hash FROM api_keys WHERE id = $1',
      [created.body.id],
    );
    expect(rows[0]?.key_hash).not.toContain(key.slice(3));

    const asKey = await api.http.get('/v1/users', { token: key });
    expect(asKey.status).toBe(200);
    expect(asKey.body.data).toEqual([expect.objectContaining({ name: 'Kim Owner' })]);

    const list = await api.http.get('/v1/api-keys', as(owner));
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(key);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: 'CRM sync',
        prefix: created.body.prefix,
      }),
    ]);
    expect(list.body.data[0]).not.toHaveProperty('key');
  });

  it('refuses a revoked key with 401', async () => {
    const owner = await signUp();
    const created = await api.http.post('/v1/api-keys', { name: 'old' }, as(owner));
    const key: string = created.body.key;
    expect((await api.http.get('/v1/company', { token: key })).status).toBe(200);

    const revoke = await api.http.delete(`/v1/api-keys/${created.body.id}`, as(owner));
    expect(revoke.status).toBe(204);
    const after = await api.http.get('/v1/company', { token: key });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');

    const list = await api.http.get('/v1/api-keys', as(owner));
    expect(list.body.data[0].revokedAt).toEqual(expect.any(String));
  });

  it('does not let an API key mint or revoke keys', async () => {
    const tenant = await seedTenant(api.db);
    const mint = await api.http.post(
      '/v1/api-keys',
      { name: 'escalate' },
      { token: tenant.apiKey },
    );
    expect(mint.status).toBe(403);
    expect(mint.body.code).toBe('user_session_required');
    const { rows } = await api.db.query<{ id: string }>(
      'SELECT id FROM api_keys WHERE company_id = $1',
      [tenant.companyId],
    );
    const revoke = await api.http.delete(`/v1/api-keys/${rows[0]?.id}`, { token: tenant.apiKey });
    expect(revoke.status).toBe(403);
    expect((await api.http.get('/v1/company', { token: tenant.apiKey })).status).toBe(200);
  });

  it('lets only owners and admins manage keys', async () => {
    const owner = await signUp();
    const email = `reader-${tag()}@example.com`;
    await api.http.post('/v1/invitations', { email, role: 'member' }, as(owner));
    const { rows } = await api.db.query<{ text_body: string }>(
      `SELECT text_body FROM email_outbox WHERE recipient = $1`,
      [email],
    );
    const token = decodeURIComponent(/token=([\w%-]+)/.exec(rows[0]?.text_body ?? '')?.[1] ?? '');
    const member = browserOf(
      await api.http.post('/v1/auth/accept-invitation', { token, name: 'M', password: PASSWORD }),
    );
    const mint = await api.http.post('/v1/api-keys', { name: 'nope' }, as(member));
    expect(mint.status).toBe(403);
    expect(mint.body.code).toBe('insufficient_role');
    const list = await api.http.get('/v1/api-keys', { headers: { cookie: member.cookie } });
    expect(list.status).toBe(403);
  });

  it("cannot see or revoke another company's keys", async () => {
    const owner = await signUp();
    const other = await seedTenant(api.db);
    const { rows } = await api.db.query<{ id: string }>(
      'SELECT id FROM api_keys WHERE company_id = $1',
      [other.companyId],
    );
    const revoke = await api.http.delete(`/v1/api-keys/${rows[0]?.id}`, as(owner));
    expect(revoke.status).toBe(404);
    expect((await api.http.get('/v1/company', { token: other.apiKey })).status).toBe(200);
    const list = await api.http.get('/v1/api-keys', as(owner));
    expect(list.body.data).toEqual([]);
  });

  it('records when a key was last used', async () => {
    const owner = await signUp();
    const created = await api.http.post('/v1/api-keys', { name: 'used' }, as(owner));
    await api.http.get('/v1/company', { token: created.body.key });
    // The touch is written after the answer; poll the listing rather than assume its timing.
    let lastUsedAt: string | null = null;
    for (let i = 0; i < 50 && !lastUsedAt; i++) {
      const list = await api.http.get('/v1/api-keys', as(owner));
      lastUsedAt = list.body.data[0].lastUsedAt;
      if (!lastUsedAt) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lastUsedAt).toEqual(expect.any(String));
  });
});
