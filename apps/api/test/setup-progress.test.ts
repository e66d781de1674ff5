import { type Json, uniqueEmail } from './support/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

const PUBLIC_URL = 'https://app.leadbridge.example';
const SITE = 'https://www.brightwave.example';

/** Signs up a brand-new company and returns its owner's cookie session for further calls. */
async function signUp(api: TestApi): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${api.url}/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
    body: JSON.stringify({
      companyName: 'Brightwave Analytics',
      name: 'Priya Patel',
      email: uniqueEmail('owner'),
      password: 'correct-horse-battery-staple',
    }),
  });
  if (response.status !== 201)
    throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as Json;
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.csrfToken };
}

describe('guided setup progress', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL, ADMIN_ORIGINS: PUBLIC_URL });
  });
  afterAll(() => api.close());

  it('ticks each step off from the company’s own data, up to its first lead', async () => {
    const session = await signUp(api);
    const as = (method: string, path: string, body?: unknown) =>
      api.http.request(method, path, {
        body,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: PUBLIC_URL },
      });
    const done = async () => {
      const progress = await as('GET', '/v1/company/setup-progress');
      expect(progress.status).toBe(200);
      return Object.fromEntries(progress.body.steps.map((s: Json) => [s.key, s.done]));
    };

    expect(await done()).toEqual({
      create_program: false,
      allow_origins: false,
      share_form: false,
      invite_partner: false,
      first_lead: false,
    });

    const program = await as('POST', '/v1/programs', { name: 'Partners', currency: 'USD' });
    expect(program.status).toBe(201);
    expect(await done()).toMatchObject({ create_program: true, allow_origins: false });
    expect((await as('GET', '/v1/company/setup-progress')).body.programId).toBe(program.body.id);

    await as('PATCH', `/v1/programs/${program.body.id}`, { allowedOrigins: [SITE] });
    expect(await done()).toMatchObject({ allow_origins: true, share_form: false });

    // The admin's own preview and a page elsewhere do not count; the form on the site does.
    await api.http.get(`/v1/public/programs/${program.body.publishableKey}`, {
      headers: { origin: PUBLIC_URL },
    });
    expect(await done()).toMatchObject({ share_form: false });
    const loaded = await api.http.get(`/v1/public/programs/${program.body.publishableKey}`, {
      headers: { origin: SITE },
    });
    expect(loaded.status).toBe(200);
    const afterLoad = await as('GET', '/v1/company/setup-progress');
    expect(afterLoad.body.formFirstLoadedFrom).toBe(SITE);
    expect(await done()).toMatchObject({ share_form: true, invite_partner: false });

    const partner = await as('POST', '/v1/partners', {
      name: 'Northstar Digital',
      email: uniqueEmail('partner'),
      programIds: [program.body.id],
    });
    expect(partner.status).toBe(201);
    expect(await done()).toMatchObject({ invite_partner: true, first_lead: false });

    const lead = await as('POST', '/v1/leads', {
      programId: program.body.id,
      partnerId: partner.body.id,
      email: uniqueEmail('lead'),
    });
    expect(lead.status).toBe(201);
    const finished = await as('GET', '/v1/company/setup-progress');
    expect(finished.body.complete).toBe(true);
    expect(finished.body.steps.every((s: Json) => s.done)).toBe(true);
  });

  it('counts the hosted portal as where the form lives, with no origin to set', async () => {
    const session = await signUp(api);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: PUBLIC_URL };
    const program = await api.http.post(
      '/v1/programs',
      { name: 'Portal only', currency: 'USD' },
      { headers },
    );
    const page = await api.http.get(`/p/${program.body.slug}`);
    expect(page.status).toBe(200);
    const progress = await api.http.get('/v1/company/setup-progress', { headers });
    expect(progress.body.formFirstLoadedFrom).toBe('portal');
    expect(Object.fromEntries(progress.body.steps.map((s: Json) => [s.key, s.done]))).toMatchObject(
      { allow_origins: true, share_form: true, invite_partner: false },
    );
  });
});
