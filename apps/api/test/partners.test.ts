import { signPartnerToken } from '../src/common/auth/tokens';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, TEST_APP_SECRET, type TestApi } from './support/test-api';

describe('partners', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { name: 'Acme Software', partners: 1 });
    other = await seedTenant(api.db, { partners: 1 });
  });
  afterAll(() => api.close());

  const tokenFor = (company: SeededTenant, partnerId: string, programId = company.programId) =>
    signPartnerToken(TEST_APP_SECRET, {
      companyId: company.companyId,
      partnerId,
      programId,
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });

  it('creates a partner enrolled in a program and queues an invitation pointing at the portal', async () => {
    await api.http.patch(
      `/v1/programs/${tenant.programId}`,
      {
        portalUrl: 'https://acme.example.com/partners',
        offer: {
          rules: [
            { kind: 'flat', stage: 'closed_won', amount: { amount: 25000, currency: 'USD' } },
          ],
        },
      },
      { token: tenant.apiKey },
    );
    const created = await api.http.post(
      '/v1/partners',
      {
        name: 'Nordlicht Agentur',
        email: ' Hello@Nordlicht.example ',
        programIds: [tenant.programId],
        invite: true,
      },
      { token: tenant.apiKey },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Nordlicht Agentur',
      email: 'Hello@Nordlicht.example',
      status: 'invited',
      archivedAt: null,
      partnerships: [
        {
          programId: tenant.programId,
          programName: 'Acme Software Partner Program',
          partnerKey: 'nordlicht-agentur',
          status: 'active',
        },
      ],
    });

    const { rows } = await api.db.query(
      `SELECT kind, recipient, subject, text_body, html_body, status FROM email_outbox
        WHERE company_id = $1 AND recipient = $2`,
      [tenant.companyId, 'Hello@Nordlicht.example'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'partner_invitation',
      status: 'pending',
      subject: "You're now a partner in Acme Software Partner Program",
    });
    expect(rows[0].text_body).toContain('Hi Nordlicht Agentur,');
    expect(rows[0].text_body).toContain('https://acme.example.com/partners');
    expect(rows[0].text_body).toContain('You earn $250.00 for each lead that reaches Closed Won.');
    expect(rows[0].html_body).toContain('href="https://acme.example.com/partners"');

    // The new partner can use the program at once.
    const token = tokenFor(tenant, created.body.id);
    const summary = await api.http.get('/v1/partner/program', { token });
    expect(summary.status).toBe(200);
  });

  it('sends no email without invite, and escapes names in the HTML of one that is sent', async () => {
    const quiet = await api.http.post(
      '/v1/partners',
      { name: 'Quiet Partner', email: 'quiet@example.org' },
      { token: tenant.apiKey },
    );
    expect(quiet.status).toBe(201);
    expect(quiet.body).toMatchObject({ status: 'active', partnerships: [] });
    const loud = await api.http.post(
      '/v1/partners',
      { name: '<b>Bold</b> & Co', email: 'bold@example.org', invite: true },
      { token: tenant.apiKey },
    );
    expect(loud.status).toBe(201);
    const { rows } = await api.db.query(
      `SELECT recipient, html_body FROM email_outbox WHERE company_id = $1 AND recipient IN ($2, $3)`,
      [tenant.companyId, 'quiet@example.org', 'bold@example.org'],
    );
    expect(rows.map((r) => r.recipient)).toEqual(['bold@example.org']);
    expect(rows[0].html_body).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; Co');
    expect(rows[0].html_body).not.toContain('<b>Bold</b>');
  });

  it('refuses a second partner with the same email in the company (any case), not in another company', async () => {
    const first = await api.http.post(
      '/v1/partners',
      { name: 'First', email: 'same@example.com' },
      { token: tenant.apiKey },
    );
    expect(first.status).toBe(201);
    const duplicate = await api.http.post(
      '/v1/partners',
      { name: 'Second', email: 'SAME@example.com', programIds: [tenant.programId], invite: true },
      { token: tenant.apiKey },
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'partner_exists', partnerId: first.body.id });
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE recipient ILIKE 'same@example.com'`,
    );
    expect(rows[0].n).toBe(0);

    const elsewhere = await api.http.post(
      '/v1/partners',
      { name: 'Elsewhere', email: 'same@example.com' },
      { token: other.apiKey },
    );
    expect(elsewhere.status).toBe(201);

    const invalid = await api.http.post(
      '/v1/partners',
      { name: 'Bad', email: 'not-an-email' },
      { token: tenant.apiKey },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors[0]).toMatchObject({ field: 'email', code: 'invalid_email' });
  });

  it('edits name and email, refusing an email another partner has', async () => {
    const { body: partner } = await api.http.post(
      '/v1/partners',
      { name: 'Editable', email: 'editable@example.com' },
      { token: tenant.apiKey },
    );
    const updated = await api.http.patch(
      `/v1/partners/${partner.id}`,
      { name: 'Edited', email: 'edited@example.com' },
      { token: tenant.apiKey },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Edited', email: 'edited@example.com' });
    const taken = await api.http.patch(
      `/v1/partners/${partner.id}`,
      { email: tenant.partners[0]?.email.toUpperCase() },
      { token: tenant.apiKey },
    );
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('partner_exists');
    const read = await api.http.get(`/v1/partners/${partner.id}`, { token: tenant.apiKey });
    expect(read.body.email).toBe('edited@example.com');
  });

  it('lists partners newest first in cursor pages, searchable and filterable', async () => {
    const company = await seedTenant(api.db, { partners: 0 });
    const { body: second } = await api.http.post(
      '/v1/programs',
      { name: 'Second program', currency: 'USD' },
      { token: company.apiKey },
    );
    const names = ['Alpha Media', 'Beta Labs', 'Gamma Media', 'Delta Works', 'Epsilon Media'];
    const ids: string[] = [];
    for (const [index, name] of names.entries()) {
      const created = await api.http.post(
        '/v1/partners',
        {
          name,
          email: `p${index}@example.com`,
          programIds: index % 2 === 0 ? [second.id] : [company.programId],
        },
        { token: company.apiKey },
      );
      ids.push(created.body.id);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.http.get(`/v1/partners${query}`, { token: company.apiKey });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((p: { name: string }) => p.name));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].reverse());

    const search = await api.http.get('/v1/partners?q=media', { token: company.apiKey });
    expect(search.body.data.map((p: { name: string }) => p.name)).toEqual([
      'Epsilon Media',
      'Gamma Media',
      'Alpha Media',
    ]);
    const byEmail = await api.http.get('/v1/partners?q=p3%40', { token: company.apiKey });
    expect(byEmail.body.data.map((p: { name: string }) => p.name)).toEqual(['Delta Works']);
    const wildcard = await api.http.get('/v1/partners?q=%25', { token: company.apiKey });
    expect(wildcard.body.data).toEqual([]);

    const inSecond = await api.http.get(`/v1/partners?programId=${second.id}`, {
      token: company.apiKey,
    });
    expect(inSecond.body.data.map((p: { name: string }) => p.name)).toEqual([
      'Epsilon Media',
      'Gamma Media',
      'Alpha Media',
    ]);

    await api.http.delete(`/v1/partners/${ids[1]}`, { token: company.apiKey });
    const active = await api.http.get('/v1/partners', { token: company.apiKey });
    expect(active.body.data.map((p: { id: string }) => p.id)).not.toContain(ids[1]);
    const archived = await api.http.get('/v1/partners?status=archived', { token: company.apiKey });
    expect(archived.body.data.map((p: { id: string }) => p.id)).toEqual([ids[1]]);
  });

  it('archiving a partner makes its partner token 401 at once; its record stays readable', async () => {
    const company = await seedTenant(api.db, { partners: 1 });
    const partner = company.partners[0];
    if (!partner) throw new Error('seed has a partner');
    expect((await api.http.get('/v1/partner/program', { token: partner.token })).status).toBe(200);

    const archived = await api.http.delete(`/v1/partners/${partner.id}`, { token: company.apiKey });
    expect(archived.status).toBe(204);
    const after = await api.http.get('/v1/partner/program', { token: partner.token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');

    const read = await api.http.get(`/v1/partners/${partner.id}`, { token: company.apiKey });
    expect(read.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    const again = await api.http.delete(`/v1/partners/${partner.id}`, { token: company.apiKey });
    expect(again.status).toBe(204);
    const edit = await api.http.patch(
      `/v1/partners/${partner.id}`,
      { name: 'Revived' },
      { token: company.apiKey },
    );
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('partner_archived');

    const readd = await api.http.post(
      '/v1/partners',
      { name: 'Again', email: partner.email },
      { token: company.apiKey },
    );
    expect(readd.status).toBe(409);
    expect(readd.body).toMatchObject({
      code: 'partner_exists',
      partnerId: partner.id,
      partnerStatus: 'archived',
    });
    const restored = await api.http.patch(
      `/v1/partners/${partner.id}`,
      { status: 'active' },
      { token: company.apiKey },
    );
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'active', archivedAt: null });
    expect((await api.http.get('/v1/partner/program', { token: partner.token })).status).toBe(200);
  });

  it('enrols partners with given or generated keys, lists them, and ends enrolments', async () => {
    const company = await seedTenant(api.db, { partners: 0 });
    const program = company.programId;
    const make = async (name: string, email: string) =>
      (await api.http.post('/v1/partners', { name, email }, { token: company.apiKey })).body;
    const a = await make('Müller & Söhne GmbH', 'a@example.com');
    const b = await make('Müller & Söhne GmbH', 'b@example.com');
    const c = await make('Custom Key Co', 'c@example.com');

    const enrolA = await api.http.post(
      `/v1/programs/${program}/partners`,
      { partnerId: a.id },
      { token: company.apiKey },
    );
    expect(enrolA.status).toBe(201);
    expect(enrolA.body).toMatchObject({
      partnerId: a.id,
      partnerKey: 'muller-sohne-gmbh',
      status: 'active',
    });
    const enrolB = await api.http.post(
      `/v1/programs/${program}/partners`,
      { partnerId: b.id },
      { token: company.apiKey },
    );
    expect(enrolB.body.partnerKey).toBe('muller-sohne-gmbh-2');

    const takenKey = await api.http.post(
      `/v1/programs/${program}/partners`,
      { partnerId: c.id, partnerKey: 'muller-sohne-gmbh' },
      { token: company.apiKey },
    );
    expect(takenKey.status).toBe(409);
    expect(takenKey.body.code).toBe('partner_key_taken');
    const badKey = await api.http.post(
      `/v1/programs/${program}/partners`,
      { partnerId: c.id, partnerKey: 'has spaces' },
      { token: company.apiKey },
    );
    expect(badKey.status).toBe(422);
    expect(badKey.body.errors[0].field).toBe('partnerKey');
    const enrolC = await api.http.post(
      `/v1/programs/${program}/partners`,
      { partnerId: c.id, partnerKey: 'CRM-00042' },
      { token: company.apiKey },
    );
    expect(enrolC.status).toBe(201);
    expect(enrolC.body.partnerKey).toBe('CRM-00042');
    const twice = await api.http.post(
      `/v1/programs/${program}/partners`,
      { partnerId: c.id },
      { token: company.apiKey },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_enrolled');

    const listed = await api.http.get(`/v1/programs/${program}/partners?limit=2`, {
      token: company.apiKey,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((row: { partnerKey: string }) => row.partnerKey)).toEqual([
      'CRM-00042',
      'muller-sohne-gmbh-2',
    ]);
    expect(listed.body.data[0].partner).toMatchObject({ id: c.id, name: 'Custom Key Co' });
    const rest = await api.http.get(
      `/v1/programs/${program}/partners?limit=2&cursor=${listed.body.nextCursor}`,
      { token: company.apiKey },
    );
    expect(rest.body.data.map((row: { partnerKey: string }) => row.partnerKey)).toEqual([
      'muller-sohne-gmbh',
    ]);
    expect(rest.body.nextCursor).toBeNull();

    const token = tokenFor(company, c.id);
    expect((await api.http.get('/v1/partner/program', { token })).status).toBe(200);
    const ended = await api.http.delete(`/v1/programs/${program}/partners/${c.id}`, {
      token: company.apiKey,
    });
    expect(ended.status).toBe(204);
    expect((await api.http.get('/v1/partner/program', { token })).status).toBe(401);
    const detail = await api.http.get(`/v1/partners/${c.id}`, { token: company.apiKey });
    expect(detail.body.partnerships).toEqual([
      expect.objectContaining({ programId: program, status: 'ended', partnerKey: 'CRM-00042' }),
    ]);
    const former = await api.http.get(`/v1/programs/${program}/partners?status=ended`, {
      token: company.apiKey,
    });
    expect(former.body.data.map((row: { partnerId: string }) => row.partnerId)).toEqual([c.id]);

    // Enrolling again resumes the enrolment under its old key.
    const resumed = await api.http.post(
      `/v1/programs/${program}/partners`,
      { partnerId: c.id },
      { token: company.apiKey },
    );
    expect(resumed.status).toBe(201);
    expect(resumed.body).toMatchObject({
      id: enrolC.body.id,
      partnerKey: 'CRM-00042',
      status: 'active',
    });
    expect((await api.http.get('/v1/partner/program', { token })).status).toBe(200);
  });

  it("answers 404 for another company's partner or program on every partner route", async () => {
    const theirs = other.partners[0]?.id as string;
    const token = tenant.apiKey;
    const responses = await Promise.all([
      api.http.get(`/v1/partners/${theirs}`, { token }),
      api.http.patch(`/v1/partners/${theirs}`, { name: 'Hijacked' }, { token }),
      api.http.delete(`/v1/partners/${theirs}`, { token }),
      api.http.post(`/v1/programs/${tenant.programId}/partners`, { partnerId: theirs }, { token }),
      api.http.delete(`/v1/programs/${tenant.programId}/partners/${theirs}`, { token }),
      api.http.post(
        '/v1/partners',
        { name: 'Sneaky', email: 'sneaky@example.com', programIds: [other.programId] },
        { token },
      ),
    ]);
    expect(responses.map((r) => [r.status, r.body.code])).toEqual(
      responses.map(() => [404, 'not_found']),
    );
    const filtered = await api.http.get(`/v1/partners?programId=${other.programId}`, { token });
    expect(filtered.body.data).toEqual([]);
    const search = await api.http.get(
      `/v1/partners?q=${encodeURIComponent(other.partners[0]?.email ?? '')}`,
      { token },
    );
    expect(search.body.data).toEqual([]);
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM partners WHERE email = $1`,
      ['sneaky@example.com'],
    );
    expect(rows[0].n).toBe(0);
    const untouched = await api.http.get(`/v1/partners/${theirs}`, { token: other.apiKey });
    expect(untouched.body).toMatchObject({ status: 'active', name: other.partners[0]?.name });
  });

  it('refuses partner tokens on every company partner route', async () => {
    const token = tenant.partners[0]?.token as string;
    const own = tenant.partners[0]?.id as string;
    const responses = await Promise.all([
      api.http.get('/v1/partners', { token }),
      api.http.post('/v1/partners', { name: 'X', email: 'x@example.com' }, { token }),
      api.http.get(`/v1/partners/${own}`, { token }),
      api.http.patch(`/v1/partners/${own}`, { name: 'Me' }, { token }),
      api.http.delete(`/v1/partners/${own}`, { token }),
      api.http.get(`/v1/programs/${tenant.programId}/partners`, { token }),
      api.http.post(`/v1/programs/${tenant.programId}/partners`, { partnerId: own }, { token }),
      api.http.delete(`/v1/programs/${tenant.programId}/partners/${own}`, { token }),
    ]);
    expect(responses.map((r) => [r.status, r.body.code])).toEqual(
      responses.map(() => [403, 'partner_forbidden']),
    );
  });
});
