import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './isolation/http';
import { type SeededTenant, seedTenant } from './support/seed';
import { type HttpResponse, startTestApi, type TestApi } from './support/test-api';

const PARTNER_SITE = 'https://partners.acme.example';
const OTHER_PROGRAM_SITE = 'https://other-program.example';
const ADMIN_APP = 'https://admin.acme.example';
const EVIL = 'https://evil.example';
const PASSWORD = 'correct horse battery';

/** The directives of a Content-Security-Policy header, by name. */
function directives(response: HttpResponse): Map<string, string[]> {
  const header = response.headers.get('content-security-policy');
  if (!header) throw new Error(`no Content-Security-Policy on ${response.status} answer`);
  return new Map(
    header.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function expectStrictPagePolicy(response: HttpResponse): Map<string, string[]> {
  const policy = directives(response);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  return policy;
}

function preflight(api: TestApi, path: string, origin: string, method = 'POST') {
  return api.http.request('OPTIONS', path, {
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type, idempotency-key',
    },
  });
}

describe('production headers and origins', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let otherTenant: SeededTenant;
  let adminDir = '';

  beforeAll(async () => {
    adminDir = mkdtempSync(join(tmpdir(), 'lb-admin-page-'));
    // Any HTML the API serves gets the page policy; this page stands in for the admin build.
    writeFileSync(
      join(adminDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    api = await startTestApi({ ADMIN_DIR: adminDir, ADMIN_ORIGINS: ADMIN_APP });
    tenant = await seedTenant(api.db, { partners: 1, allowedOrigins: [PARTNER_SITE] });
    otherTenant = await seedTenant(api.db, { partners: 1, allowedOrigins: [OTHER_PROGRAM_SITE] });
  });
  afterAll(async () => {
    await api?.close();
    if (adminDir) rmSync(adminDir, { recursive: true, force: true });
  });

  describe('Content-Security-Policy and HSTS', () => {
    it('serves the admin app with a strict page policy: no inline script, not frameable', async () => {
      const page = await api.http.get('/leads/inbox', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const policy = expectStrictPagePolicy(page);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      // Revalidated, the cached page keeps its own policy: a 304 must not bring another one.
      const etag = page.headers.get('etag') ?? '';
      const revalidated = await api.http.get('/leads/inbox', {
        // As a browser revalidates (fetch() would add `no-cache` to a conditional request).
        headers: { accept: 'text/html', 'if-none-match': etag, 'cache-control': 'max-age=0' },
      });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('content-security-policy')).toBeNull();
    });

    it('lets an API-served page style itself only through its own nonce', async () => {
      const { rows } = await api.db.query<{ unsubscribe_token: string }>(
        'SELECT unsubscribe_token FROM partners WHERE id = $1',
        [tenant.partners[0]?.id],
      );
      const token = `import_completed.${rows[0]?.unsubscribe_token ?? ''}`;
      const page = await api.http.get(`/v1/unsubscribe?token=${encodeURIComponent(token)}`);
      expect(page.status).toBe(200);
      const policy = expectStrictPagePolicy(page);
      const nonce = /<style nonce="([^"]+)">/.exec(page.text)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
      expect(policy.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
      expect(page.text).not.toMatch(/\sstyle="/);
      expect(page.text).not.toMatch(/<script/);
      // Every answer gets a fresh nonce.
      const again = await api.http.get(`/v1/unsubscribe?token=${encodeURIComponent(token)}`);
      expect(/<style nonce="([^"]+)">/.exec(again.text)?.[1]).not.toBe(nonce);
      const invalid = await api.http.get('/v1/unsubscribe?token=nope');
      expect(invalid.status).toBe(404);
      expectStrictPagePolicy(invalid);
    });

    it('gives the API docs page the page policy, with inline styles only', async () => {
      const docs = await api.http.get('/docs');
      expect(docs.status).toBe(200);
      const policy = expectStrictPagePolicy(docs);
      expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    });

    it('marks JSON and CSV answers as loading nothing, framed by no one', async () => {
      for (const response of [
        await api.http.get('/health'),
        await api.http.get('/v1/leads', { token: tenant.apiKey }),
        await api.http.get(`/v1/programs/${tenant.programId}/lead-template.csv`, {
          token: tenant.apiKey,
        }),
        await api.http.get('/v1/nothing-here'),
      ]) {
        const policy = directives(response);
        expect(policy.get('default-src')).toEqual(["'none'"]);
        expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      }
    });
  });

  describe('CORS: only origins that may use the route can read its answers', () => {
    it('answers the public program config to its own allowed origins only', async () => {
      const path = `/v1/public/programs/${tenant.publishableKey}`;
      const allowed = await api.http.get(path, { headers: { origin: PARTNER_SITE } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(PARTNER_SITE);
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      expect(allowed.headers.get('vary')).toMatch(/Origin/);
      // Another program's site, and a stranger: refused, and the refusal (which holds nothing of
      // the program) is readable so the embedded form can say what to fix.
      for (const origin of [OTHER_PROGRAM_SITE, EVIL]) {
        const refused = await api.http.get(path, { headers: { origin } });
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('origin_not_allowed');
        expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
        expect(refused.body.name).toBeUndefined();
        expect(refused.body.formSchema).toBeUndefined();
      }
      const unknown = await api.http.get('/v1/public/programs/pk_nobody', {
        headers: { origin: EVIL },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('access-control-allow-origin')).toBe(EVIL);
    });

    it('lets a partner page read partner answers only from its program’s origins', async () => {
      const token = tenant.partners[0]?.token ?? '';
      const own = await api.http.get('/v1/leads', { token, headers: { origin: PARTNER_SITE } });
      expect(own.status).toBe(200);
      expect(own.headers.get('access-control-allow-origin')).toBe(PARTNER_SITE);
      expect(own.headers.get('access-control-allow-credentials')).toBeNull();
      const elsewhere = await api.http.get('/v1/leads', {
        token,
        headers: { origin: OTHER_PROGRAM_SITE },
      });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('origin_not_allowed');
      // A write from the wrong site stores nothing.
      const email = `cors-${randomBytes(4).toString('hex')}@example.com`;
      const write = await api.http.post(
        '/v1/leads',
        { email, fields: {} },
        { token, headers: { origin: EVIL } },
      );
      expect(write.status).toBe(403);
      const { rows } = await api.db.query('SELECT 1 FROM leads WHERE email = $1', [email]);
      expect(rows).toHaveLength(0);
    });

    it('never opens company answers to another origin; API keys from a page are refused', async () => {
      const fromServer = await api.http.get('/v1/leads', { token: tenant.apiKey });
      expect(fromServer.status).toBe(200);
      expect(fromServer.headers.get('access-control-allow-origin')).toBeNull();
      for (const origin of [PARTNER_SITE, EVIL]) {
        const fromPage = await api.http.get('/v1/leads', {
          token: tenant.apiKey,
          headers: { origin, 'sec-fetch-site': 'cross-site' },
        });
        expect(fromPage.status).toBe(403);
        expect(fromPage.body.code).toBe('origin_not_allowed');
        expect(fromPage.body.detail).toMatch(/API keys are for servers/);
        expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
      }
      const admin = await api.http.get('/v1/leads', {
        token: tenant.apiKey,
        headers: { origin: ADMIN_APP },
      });
      expect(admin.status).toBe(200);
      expect(admin.headers.get('access-control-allow-origin')).toBe(ADMIN_APP);
      expect(admin.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('answers preflights per route: partner routes for program origins, the rest for the admin app', async () => {
      const allowedFor = async (path: string, origin: string, method?: string) =>
        (await preflight(api, path, origin, method)).headers.get('access-control-allow-origin');
      // Partner-facing: any origin some live program allows (the token, which names the
      // program, is not sent with a preflight); the route then checks the caller's own program.
      expect(await allowedFor('/v1/leads', PARTNER_SITE)).toBe(PARTNER_SITE);
      expect(await allowedFor('/v1/partner-sign-in/codes', PARTNER_SITE)).toBe(PARTNER_SITE);
      expect(await allowedFor('/v1/leads', EVIL)).toBeNull();
      // The path names the program: only its own origins.
      const config = `/v1/public/programs/${tenant.publishableKey}`;
      expect(await allowedFor(config, PARTNER_SITE, 'GET')).toBe(PARTNER_SITE);
      expect(await allowedFor(config, OTHER_PROGRAM_SITE, 'GET')).toBeNull();
      expect(
        await allowedFor(
          `/v1/public/programs/${otherTenant.publishableKey}`,
          OTHER_PROGRAM_SITE,
          'GET',
        ),
      ).toBe(OTHER_PROGRAM_SITE);
      // Company-only routes: the admin app, with cookies; nobody else.
      expect(await allowedFor('/v1/leads/bulk-stage', PARTNER_SITE)).toBeNull();
      expect(await allowedFor('/v1/api-keys', PARTNER_SITE)).toBeNull();
      expect(await allowedFor('/v1/auth/sign-in', PARTNER_SITE)).toBeNull();
      const admin = await preflight(api, '/v1/api-keys', ADMIN_APP);
      expect(admin.status).toBe(204);
      expect(admin.headers.get('access-control-allow-origin')).toBe(ADMIN_APP);
      expect(admin.headers.get('access-control-allow-credentials')).toBe('true');
      expect(admin.headers.get('access-control-allow-headers')).toMatch(/X-CSRF-Token/);
      // A program's origin removed: its preflights stop (within the principal cache bound).
      await api.db.query(`UPDATE programs SET allowed_origins = '{}' WHERE id = $1`, [
        otherTenant.programId,
      ]);
      const removed = `/v1/public/programs/${otherTenant.publishableKey}`;
      await until(
        'the removed origin to lose its preflight',
        async () => (await allowedFor(removed, OTHER_PROGRAM_SITE, 'GET')) === null,
        10_000,
      );
    });
  });

  describe('cookie-session writes check where they come from, as well as the CSRF token', () => {
    let cookie = '';
    let csrf = '';

    beforeAll(async () => {
      const email = `owner-${randomBytes(4).toString('hex')}@example.com`;
      const signUp = await api.http.post('/v1/auth/sign-up', {
        companyName: 'Origin Checks Inc',
        name: 'Olivia Owner',
        email,
        password: PASSWORD,
      });
      expect(signUp.status).toBe(201);
      cookie = signUp.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      csrf = signUp.body.csrfToken;
    });

    const write = (headers: Record<string, string>) =>
      api.http.post('/v1/api-keys', { name: 'from a page' }, { headers: { cookie, ...headers } });

    it('accepts the admin app: same origin, or one of ADMIN_ORIGINS', async () => {
      const sameOrigin = await write({
        'x-csrf-token': csrf,
        'sec-fetch-site': 'same-origin',
        origin: api.url,
      });
      expect(sameOrigin.status).toBe(201);
      const adminOrigin = await write({
        'x-csrf-token': csrf,
        'sec-fetch-site': 'same-site',
        origin: ADMIN_APP,
      });
      expect(adminOrigin.status).toBe(201);
      expect(adminOrigin.headers.get('access-control-allow-origin')).toBe(ADMIN_APP);
      // Not a browser (no Origin, no Sec-Fetch-Site): the CSRF token alone decides.
      expect((await write({ 'x-csrf-token': csrf })).status).toBe(201);
      expect((await write({})).body.code).toBe('csrf_failed');
    });

    it('refuses another site even when it has the CSRF token, and writes nothing', async () => {
      const before = await api.db.query('SELECT count(*)::int AS n FROM api_keys');
      const attempts: Record<string, string>[] = [
        { origin: EVIL, 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'cross-site' },
        { origin: PARTNER_SITE, 'sec-fetch-site': 'same-site' },
        // A browser without Fetch Metadata: the Origin alone.
        { origin: EVIL },
      ];
      for (const headers of attempts) {
        const refused = await write({ 'x-csrf-token': csrf, ...headers });
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('origin_not_allowed');
        expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      }
      const after = await api.db.query('SELECT count(*)::int AS n FROM api_keys');
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('refuses signing in or up from another site: no session is started', async () => {
      const email = `victim-${randomBytes(4).toString('hex')}@example.com`;
      const body = { companyName: 'Victim', name: 'V', email, password: PASSWORD };
      const signUp = await api.http.post('/v1/auth/sign-up', body, {
        headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' },
      });
      expect(signUp.status).toBe(403);
      expect(signUp.body.code).toBe('origin_not_allowed');
      expect(signUp.headers.getSetCookie()).toEqual([]);
      const { rows } = await api.db.query('SELECT 1 FROM users WHERE email = $1', [email]);
      expect(rows).toHaveLength(0);
      const signIn = await api.http.post(
        '/v1/auth/sign-in',
        { email, password: PASSWORD },
        { headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } },
      );
      expect(signIn.status).toBe(403);
      expect(signIn.headers.getSetCookie()).toEqual([]);
    });
  });
});
