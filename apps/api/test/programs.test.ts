import { randomBytes } from 'node:crypto';
import { DEFAULT_LEAD_FORM_SCHEMA, type FormField } from '@leadbridge/core';
import { hashToken } from '../src/common/auth/tokens';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

const customSelect: FormField = {
  key: 'budget',
  label: 'Budget',
  type: 'select',
  required: true,
  order: 4,
  helpText: 'Expected yearly spend',
  options: [
    { value: 'small', label: 'Under $10k' },
    { value: 'large', label: '$10k or more' },
  ],
};

function withFields(...extra: FormField[]) {
  return { fields: [...DEFAULT_LEAD_FORM_SCHEMA.fields.map((field) => ({ ...field })), ...extra] };
}

describe('programs', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 1 });
    other = await seedTenant(api.db, { partners: 1 });
  });
  afterAll(() => api.close());

  const create = (body: Record<string, unknown>, token = tenant.apiKey) =>
    api.http.post('/v1/programs', body, { token });

  it('creates a program with the default form, stage labels, an empty offer and a publishable key', async () => {
    const created = await create({ name: '  Reseller program ', currency: 'EUR' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Reseller program',
      description: null,
      status: 'active',
      currency: 'EUR',
      leadSubmissionEnabled: true,
      leadImportEnabled: true,
      stageLabels: {},
      resolvedStageLabels: {
        new: 'New',
        qualified: 'Qualified',
        unqualified: 'Unqualified',
        closed_won: 'Closed Won',
        closed_lost: 'Closed Lost',
      },
      offer: { rules: [] },
      offerDescription: [],
      dedupePolicy: 'email',
      allowedOrigins: [],
      portalUrl: null,
      version: 1,
    });
    expect(created.body.publishableKey).toMatch(/^pk_[\w-]{20,}$/);
    expect(created.body.formSchema.fields.map((f: FormField) => [f.key, f.required])).toEqual([
      ['firstName', false],
      ['lastName', false],
      ['email', true],
      ['company', false],
    ]);

    const read = await api.http.get(`/v1/programs/${created.body.id}`, { token: tenant.apiKey });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('accepts settings at creation and refuses unknown currencies and fields', async () => {
    const created = await create({
      name: 'With settings',
      currency: 'USD',
      leadImportEnabled: false,
      allowedOrigins: ['https://partners.example.com'],
      portalUrl: 'https://example.com/partners',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      leadImportEnabled: false,
      allowedOrigins: ['https://partners.example.com'],
      portalUrl: 'https://example.com/partners',
    });

    const badCurrency = await create({ name: 'X', currency: 'XYZ' });
    expect(badCurrency.status).toBe(422);
    expect(badCurrency.body.errors).toEqual([expect.objectContaining({ field: 'currency' })]);

    const typo = await create({ name: 'X', currency: 'USD', leadSubmisionEnabled: false });
    expect(typo.status).toBe(422);
    expect(typo.body.code).toBe('validation_failed');
  });

  it('accepts a form schema with a custom select field and serves it normalised', async () => {
    const { body: program } = await create({ name: 'Custom form', currency: 'USD' });
    const updated = await api.http.patch(
      `/v1/programs/${program.id}`,
      { formSchema: withFields(customSelect) },
      { token: tenant.apiKey },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    const budget = updated.body.formSchema.fields.find((f: FormField) => f.key === 'budget');
    expect(budget).toMatchObject({
      type: 'select',
      required: true,
      options: customSelect.options,
      order: 4,
    });

    const publicConfig = await api.http.get(`/v1/public/programs/${program.publishableKey}`);
    expect(publicConfig.status).toBe(200);
    expect(publicConfig.body.formSchema.fields.map((f: FormField) => f.key)).toEqual([
      'firstName',
      'lastName',
      'email',
      'company',
      'budget',
    ]);
  });

  it('refuses an invalid form schema with a path and code for each problem', async () => {
    const { body: program } = await create({ name: 'Bad form', currency: 'USD' });
    const fields = withFields(
      { key: 'region', label: 'Region', type: 'select', required: false, order: 4 },
      { key: 'region', label: 'Region 2', type: 'text', required: false, order: 5 },
    ).fields;
    const email = fields.findIndex((f) => f.key === 'email');
    fields[email] = { ...(fields[email] as FormField), required: false };

    const response = await api.http.patch(
      `/v1/programs/${program.id}`,
      { formSchema: { fields } },
      { token: tenant.apiKey },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: `formSchema.fields.${email}.required`,
          code: 'builtin_optional',
        }),
        expect.objectContaining({ field: 'formSchema.fields.4.options', code: 'options_required' }),
        expect.objectContaining({ field: 'formSchema.fields.5.key', code: 'duplicate_key' }),
      ]),
    );

    const unchanged = await api.http.get(`/v1/programs/${program.id}`, { token: tenant.apiKey });
    expect(unchanged.body.version).toBe(1);
    expect(unchanged.body.formSchema.fields).toHaveLength(4);
  });

  it('shows renamed stage labels in the public config, German defaults for the rest with ?locale=de', async () => {
    const { body: program } = await create({ name: 'Labels', currency: 'USD' });
    const updated = await api.http.patch(
      `/v1/programs/${program.id}`,
      { stageLabels: { qualified: 'Sales accepted', closed_won: 'Customer' } },
      { token: tenant.apiKey },
    );
    expect(updated.status).toBe(200);

    const config = await api.http.get(`/v1/public/programs/${program.publishableKey}`);
    expect(config.status).toBe(200);
    expect(config.headers.get('cache-control')).toBe('no-cache');
    expect(config.body).toEqual({
      id: program.id,
      name: 'Labels',
      formSchema: expect.any(Object),
      stageLabels: {
        new: 'New',
        qualified: 'Sales accepted',
        unqualified: 'Unqualified',
        closed_won: 'Customer',
        closed_lost: 'Closed Lost',
      },
      leadSubmissionEnabled: true,
      leadImportEnabled: true,
      applications: 'closed',
      applicationQuestions: { fields: [] },
      locale: 'en',
    });

    const german = await api.http.get(`/v1/public/programs/${program.publishableKey}?locale=de-AT`);
    expect(german.body.locale).toBe('de');
    expect(german.body.stageLabels).toMatchObject({ new: 'Neu', qualified: 'Sales accepted' });

    // Revalidation, as a browser's cache does it: the same ETag is a bodiless 304 until the
    // settings change. (fetch() would add `Cache-Control: no-cache` to a conditional request
    // by itself, which asks the server for a full answer; browsers revalidate without it.)
    const etag = config.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const revalidate = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const unchanged = await api.http.get(`/v1/public/programs/${program.publishableKey}`, {
      headers: revalidate,
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    await api.http.patch(
      `/v1/programs/${program.id}`,
      { leadSubmissionEnabled: false },
      { token: tenant.apiKey },
    );
    const changed = await api.http.get(`/v1/public/programs/${program.publishableKey}`, {
      headers: revalidate,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.leadSubmissionEnabled).toBe(false);
    expect(changed.headers.get('etag')).not.toBe(etag);

    const misspelt = await api.http.patch(
      `/v1/programs/${program.id}`,
      { stageLabels: { closedwon: 'Won' } },
      { token: tenant.apiKey },
    );
    expect(misspelt.status).toBe(422);
  });

  it('rotating the publishable key makes the old one 404 at once', async () => {
    const { body: program } = await create({ name: 'Rotate', currency: 'USD' });
    const before = await api.http.get(`/v1/public/programs/${program.publishableKey}`);
    expect(before.status).toBe(200);

    const rotated = await api.http.post(`/v1/programs/${program.id}/publishable-key`, undefined, {
      token: tenant.apiKey,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.publishableKey).not.toBe(program.publishableKey);

    const old = await api.http.get(`/v1/public/programs/${program.publishableKey}`);
    expect(old.status).toBe(404);
    expect(old.body.code).toBe('not_found');
    const fresh = await api.http.get(`/v1/public/programs/${rotated.body.publishableKey}`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.id).toBe(program.id);
  });

  it('serves the public config only to the allowed origins, stored in normalised form', async () => {
    const { body: program } = await create({ name: 'Origins', currency: 'USD' });
    const invalid = await api.http.patch(
      `/v1/programs/${program.id}`,
      { allowedOrigins: ['https://ok.example.com', 'https://example.com/partners', 'ftp://x.com'] },
      { token: tenant.apiKey },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'allowedOrigins.1',
      'allowedOrigins.2',
    ]);

    const updated = await api.http.patch(
      `/v1/programs/${program.id}`,
      { allowedOrigins: ['HTTPS://Shop.Example.com:443/', 'http://localhost:8080'] },
      { token: tenant.apiKey },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.allowedOrigins).toEqual([
      'https://shop.example.com',
      'http://localhost:8080',
    ]);

    const path = `/v1/public/programs/${program.publishableKey}`;
    const refused = await api.http.get(path, { headers: { origin: 'https://evil.example.net' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('origin_not_allowed');
    const allowed = await api.http.get(path, { headers: { origin: 'https://shop.example.com' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  });

  it('answers a stale version with 409 and the current program', async () => {
    const { body: program } = await create({ name: 'Versioned', currency: 'USD' });
    const first = await api.http.patch(
      `/v1/programs/${program.id}`,
      { version: 1, name: 'First edit' },
      { token: tenant.apiKey },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);

    const stale = await api.http.patch(
      `/v1/programs/${program.id}`,
      { version: 1, name: 'Stale edit' },
      { token: tenant.apiKey },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toMatchObject({ id: program.id, name: 'First edit', version: 2 });

    const read = await api.http.get(`/v1/programs/${program.id}`, { token: tenant.apiKey });
    expect(read.body.name).toBe('First edit');
  });

  it('checks offers with core and against the program currency, and describes them', async () => {
    const { body: program } = await create({ name: 'Offer', currency: 'USD' });
    const invalid = await api.http.patch(
      `/v1/programs/${program.id}`,
      {
        offer: {
          rules: [
            { kind: 'flat', stage: 'closed_lost', amount: { amount: 1000, currency: 'USD' } },
            { kind: 'percentage', basisPoints: 20000, months: 12 },
          ],
        },
      },
      { token: tenant.apiKey },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['offer.rules.1.basisPoints']),
    );

    const wrongCurrency = await api.http.patch(
      `/v1/programs/${program.id}`,
      {
        offer: {
          rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'EUR' } }],
        },
      },
      { token: tenant.apiKey },
    );
    expect(wrongCurrency.status).toBe(422);
    expect(wrongCurrency.body.errors).toEqual([
      expect.objectContaining({
        field: 'offer.rules.0.amount.currency',
        code: 'currency_mismatch',
      }),
    ]);

    const valid = await api.http.patch(
      `/v1/programs/${program.id}`,
      {
        offer: {
          rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'USD' } }],
        },
      },
      { token: tenant.apiKey },
    );
    expect(valid.status).toBe(200);
    expect(valid.body.offerDescription).toEqual([
      'You earn $50.00 for each lead that reaches Closed Won.',
    ]);

    const currencyChange = await api.http.patch(
      `/v1/programs/${program.id}`,
      { currency: 'EUR' },
      { token: tenant.apiKey },
    );
    expect(currencyChange.status).toBe(422);
    expect(currencyChange.body.errors[0].field).toBe('currency');
  });

  it('validates the portal URL and can clear it', async () => {
    const { body: program } = await create({ name: 'Portal', currency: 'USD' });
    const bad = await api.http.patch(
      `/v1/programs/${program.id}`,
      { portalUrl: 'javascript:alert(1)' },
      { token: tenant.apiKey },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'portalUrl', code: 'invalid_url' });
    const set = await api.http.patch(
      `/v1/programs/${program.id}`,
      { portalUrl: 'https://example.com/partners' },
      { token: tenant.apiKey },
    );
    expect(set.body.portalUrl).toBe('https://example.com/partners');
    const cleared = await api.http.patch(
      `/v1/programs/${program.id}`,
      { portalUrl: null },
      { token: tenant.apiKey },
    );
    expect(cleared.body.portalUrl).toBeNull();
  });

  it('lists programs newest first in cursor pages', async () => {
    const company = await seedTenant(api.db, { partners: 0 });
    const names = ['P1', 'P2', 'P3', 'P4', 'P5'];
    for (const name of names) await create({ name, currency: 'USD' }, company.apiKey);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.http.get(`/v1/programs${query}`, { token: company.apiKey });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((p: { name: string }) => p.name));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    // The seeded program plus five created, each exactly once, newest first.
    expect(pages).toBe(3);
    expect(seen).toEqual(['P5', 'P4', 'P3', 'P2', 'P1', expect.stringMatching(/Partner Program$/)]);

    const tampered = await api.http.get('/v1/programs?cursor=bm90LWEtY3Vyc29y', {
      token: company.apiKey,
    });
    expect(tampered.status).toBe(422);
  });

  it('archives a program: public config 404, partner sessions 401, listed only as archived', async () => {
    const company = await seedTenant(api.db, { partners: 1 });
    const partnerToken = company.partners[0]?.token as string;
    expect((await api.http.get('/v1/partner/program', { token: partnerToken })).status).toBe(200);

    const archived = await api.http.delete(`/v1/programs/${company.programId}`, {
      token: company.apiKey,
    });
    expect(archived.status).toBe(204);
    expect((await api.http.get(`/v1/public/programs/${company.publishableKey}`)).status).toBe(404);
    expect((await api.http.get('/v1/partner/program', { token: partnerToken })).status).toBe(401);

    const read = await api.http.get(`/v1/programs/${company.programId}`, { token: company.apiKey });
    expect(read.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    const active = await api.http.get('/v1/programs', { token: company.apiKey });
    expect(active.body.data).toEqual([]);
    const listed = await api.http.get('/v1/programs?status=archived', { token: company.apiKey });
    expect(listed.body.data.map((p: { id: string }) => p.id)).toEqual([company.programId]);

    const edit = await api.http.patch(
      `/v1/programs/${company.programId}`,
      { name: 'Back' },
      { token: company.apiKey },
    );
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('program_archived');
  });

  it("answers 404 for another company's program on every program route", async () => {
    const id = other.programId;
    const token = tenant.apiKey;
    const responses = await Promise.all([
      api.http.get(`/v1/programs/${id}`, { token }),
      api.http.patch(`/v1/programs/${id}`, { name: 'Hijacked' }, { token }),
      api.http.post(`/v1/programs/${id}/publishable-key`, undefined, { token }),
      api.http.delete(`/v1/programs/${id}`, { token }),
      api.http.get(`/v1/programs/${id}/partners`, { token }),
      api.http.post(
        `/v1/programs/${id}/partners`,
        { partnerId: tenant.partners[0]?.id },
        { token },
      ),
      api.http.delete(`/v1/programs/${id}/partners/${other.partners[0]?.id}`, { token }),
    ]);
    expect(responses.map((r) => [r.status, r.body.code])).toEqual(
      responses.map(() => [404, 'not_found']),
    );
    const list = await api.http.get('/v1/programs', { token });
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(id);
    const untouched = await api.http.get(`/v1/programs/${id}`, { token: other.apiKey });
    expect(untouched.body).toMatchObject({
      name: expect.not.stringMatching('Hijacked'),
      status: 'active',
    });
    expect(untouched.body.publishableKey).toBe(other.publishableKey);
  });

  it('lets members read programs while only owners, admins and API keys change them', async () => {
    const signIn = async (role: 'admin' | 'member') => {
      const { rows } = await api.db.query<{ id: string }>(
        `INSERT INTO users (company_id, email, name, password_hash, role)
         VALUES ($1, $2, $3, 'not-a-real-hash', $3) RETURNING id`,
        [tenant.companyId, `${role}-${randomBytes(4).toString('hex')}@example.com`, role],
      );
      const session = randomBytes(24).toString('base64url');
      const csrf = randomBytes(16).toString('hex');
      await api.db.query(
        `INSERT INTO user_sessions (company_id, user_id, token_hash, csrf_token, expires_at)
         VALUES ($1, $2, $3, $4, now() + interval '1 hour')`,
        [tenant.companyId, rows[0]?.id, hashToken(session), csrf],
      );
      return { cookie: `lb_session=${session}`, 'x-csrf-token': csrf };
    };
    const member = await signIn('member');
    const admin = await signIn('admin');

    const read = await api.http.get(`/v1/programs/${tenant.programId}`, { headers: member });
    expect(read.status).toBe(200);
    const memberWrite = await api.http.patch(
      `/v1/programs/${tenant.programId}`,
      { name: 'By a member' },
      { headers: member },
    );
    expect(memberWrite.status).toBe(403);
    expect(memberWrite.body.code).toBe('insufficient_role');
    const memberCreate = await api.http.post(
      '/v1/programs',
      { name: 'By a member', currency: 'USD' },
      { headers: member },
    );
    expect(memberCreate.status).toBe(403);

    const adminCreate = await api.http.post(
      '/v1/programs',
      { name: 'By an admin', currency: 'USD' },
      { headers: admin },
    );
    expect(adminCreate.status).toBe(201);
    const noCsrf = await api.http.post(
      '/v1/programs',
      { name: 'Forged', currency: 'USD' },
      { headers: { cookie: admin.cookie } },
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('csrf_failed');
  });

  it('refuses partner tokens on company-only program routes', async () => {
    const token = tenant.partners[0]?.token as string;
    const id = tenant.programId;
    const responses = await Promise.all([
      api.http.get('/v1/programs', { token }),
      api.http.post('/v1/programs', { name: 'Mine', currency: 'USD' }, { token }),
      api.http.get(`/v1/programs/${id}`, { token }),
      api.http.patch(`/v1/programs/${id}`, { name: 'Mine' }, { token }),
      api.http.post(`/v1/programs/${id}/publishable-key`, undefined, { token }),
      api.http.delete(`/v1/programs/${id}`, { token }),
    ]);
    expect(responses.map((r) => [r.status, r.body.code])).toEqual(
      responses.map(() => [403, 'partner_forbidden']),
    );
    const companyOnPartnerRoute = await api.http.get('/v1/partner/program', {
      token: tenant.apiKey,
    });
    expect(companyOnPartnerRoute.status).toBe(403);
    expect(companyOnPartnerRoute.body.code).toBe('partner_only');
  });

  it("shows the partner its program's offer in plain words with the renamed label", async () => {
    const company = await seedTenant(api.db, { partners: 1 });
    const updated = await api.http.patch(
      `/v1/programs/${company.programId}`,
      {
        description: 'Refer agencies to us',
        stageLabels: { closed_won: 'Signed customer' },
        offer: {
          rules: [
            { kind: 'flat', stage: 'closed_won', amount: { amount: 10000, currency: 'USD' } },
            { kind: 'percentage', basisPoints: 2000, months: 12 },
          ],
        },
      },
      { token: company.apiKey },
    );
    expect(updated.status).toBe(200);

    const token = company.partners[0]?.token as string;
    const summary = await api.http.get('/v1/partner/program', { token });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      id: company.programId,
      description: 'Refer agencies to us',
      currency: 'USD',
      stageLabels: { closed_won: 'Signed customer', new: 'New' },
      offer: updated.body.offer,
      offerDescription: [
        'You earn $100.00 for each lead that reaches Signed customer.',
        'You earn 20% of every payment a customer you referred makes in the 12 months after it becomes Signed customer.',
      ],
    });
    const german = await api.http.get('/v1/partner/program?locale=de', { token });
    expect(german.body.offerDescription[0]).toContain('„Signed customer“');
    expect(german.body.offerDescription[0]).toMatch(/^Sie erhalten 100,00\s\$/);
  });
});
