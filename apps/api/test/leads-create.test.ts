import { partnerOf, uniqueEmail } from './support/fixtures';
import { CUSTOM_FORM, createLead, submitAsPartner } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

describe('POST /v1/leads', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { formSchema: CUSTOM_FORM, partners: 3 });
  });
  afterAll(() => api.close());

  const validFields = { budget: 5000 };

  it('registers a lead for the partner of the session and records who created it', async () => {
    const partner = partnerOf(tenant, 0);
    const email = uniqueEmail('Jane');
    const response = await submitAsPartner(api, partner.token, {
      email: `  ${email.toUpperCase()} `,
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Acme',
      fields: { budget: '1200.50', size: 'small', products: ['crm'], consent: true },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      programId: tenant.programId,
      partner: { id: partner.id, name: partner.name },
      stage: 'new',
      stageLabel: 'New',
      firstName: 'Jane',
      company: 'Acme',
      fields: { budget: 1200.5, size: 'small', products: ['crm'], consent: true },
      version: 1,
      customer: null,
      source: 'form',
    });
    const events = await api.http.get(`/v1/leads/${response.body.id}/events`, {
      token: partner.token,
    });
    expect(events.status).toBe(200);
    expect(events.body.data).toEqual([
      expect.objectContaining({ type: 'created', actor: { type: 'partner', name: partner.name } }),
    ]);
  });

  it('lets the company submit for a partner named by key or id, and shows renamed stages', async () => {
    await api.db.query(`UPDATE programs SET stage_labels = $2 WHERE id = $1`, [
      tenant.programId,
      JSON.stringify({ new: 'Submitted' }),
    ]);
    const partner = partnerOf(tenant, 1);
    const byKey = await api.http.post(
      '/v1/leads',
      {
        email: uniqueEmail(),
        fields: validFields,
        programId: tenant.programId,
        partnerKey: partner.partnerKey,
      },
      { token: tenant.apiKey },
    );
    expect(byKey.status).toBe(201);
    expect(byKey.body).toMatchObject({
      partner: { id: partner.id },
      source: 'api',
      stageLabel: 'Submitted',
    });
    const byId = await api.http.post(
      '/v1/leads',
      {
        email: uniqueEmail(),
        fields: validFields,
        programId: tenant.programId,
        partnerId: partner.id,
      },
      { token: tenant.apiKey },
    );
    expect(byId.status).toBe(201);
    expect(byId.body.partner.id).toBe(partner.id);
    const missing = await api.http.post(
      '/v1/leads',
      { email: uniqueEmail(), fields: validFields },
      { token: tenant.apiKey },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'partnerKey',
      'programId',
    ]);
    await api.db.query(`UPDATE programs SET stage_labels = '{}' WHERE id = $1`, [tenant.programId]);
  });

  it('reports every invalid field with core codes, custom field types included', async () => {
    const response = await submitAsPartner(api, partnerOf(tenant, 0).token, {
      email: 'not-an-email',
      firstName: 'Ann',
      nickname: 'typo',
      fields: {
        budget: 'lots',
        size: 'huge',
        products: ['crm', 'spaceships'],
        website: 'not a url',
        phone: 'call me',
        startDate: '2024-13-45',
        consent: 'yes',
        shoeSize: 42,
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('validation_failed');
    const codes = Object.fromEntries(
      response.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    );
    expect(codes).toEqual({
      email: 'invalid_email',
      nickname: 'unknown_field',
      'fields.budget': 'invalid_number',
      'fields.size': 'invalid_option',
      'fields.products': 'invalid_option',
      'fields.website': 'invalid_url',
      'fields.phone': 'invalid_phone',
      'fields.startDate': 'invalid_date',
      'fields.consent': 'invalid_checkbox',
      'fields.shoeSize': 'unknown_field',
    });
    for (const error of response.body.errors) expect(error.message).toEqual(expect.any(String));

    const required = await submitAsPartner(api, partnerOf(tenant, 0).token, { fields: {} });
    expect(required.status).toBe(422);
    expect(required.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', code: 'required' }),
        expect.objectContaining({ field: 'fields.budget', code: 'required' }),
      ]),
    );
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM leads WHERE email = 'not-an-email'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('names the field holding text PostgreSQL cannot store, and stores nothing', async () => {
    const email = uniqueEmail('nul');
    const token = partnerOf(tenant, 0).token;
    const nul = await submitAsPartner(api, token, {
      email,
      firstName: 'An\u0000n',
      fields: { budget: 1 },
    });
    expect(nul.status).toBe(422);
    expect(nul.body.errors).toEqual([
      expect.objectContaining({ field: 'firstName', code: 'invalid_text' }),
    ]);
    const surrogate = await submitAsPartner(api, token, {
      email,
      fields: { budget: 1, note: 'broken \ud800 text' },
    });
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.errors[0].field).toBe('fields.note');
    const { rows } = await api.db.query(`SELECT count(*)::int AS n FROM leads WHERE email = $1`, [
      email,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a partner session naming another partner instead of ignoring it', async () => {
    const response = await submitAsPartner(api, partnerOf(tenant, 0).token, {
      email: uniqueEmail(),
      partnerKey: partnerOf(tenant, 1).partnerKey,
      fields: { budget: 1 },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'partnerKey', code: 'invalid' }),
    ]);
  });

  it('refuses a duplicate saying when it was first registered, never by whom', async () => {
    const first = partnerOf(tenant, 0);
    const second = partnerOf(tenant, 1);
    const email = uniqueEmail('dup');
    const original = await createLead(api, tenant, { email, fields: validFields }, 0);
    const response = await submitAsPartner(api, second.token, {
      email: email.toUpperCase(),
      fields: validFields,
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('duplicate_lead');
    expect(response.body.firstRegisteredAt).toBe(original.createdAt);
    expect(response.body.detail).toContain(original.createdAt);
    for (const secret of [first.id, first.name, first.email, first.partnerKey, original.id]) {
      expect(response.text).not.toContain(secret);
    }
  });

  it('creates exactly one lead from 20 concurrent identical submissions', async () => {
    const email = uniqueEmail('race');
    const responses = await Promise.all(
      tenant.partners
        .flatMap((partner) =>
          Array.from({ length: 7 }, () =>
            submitAsPartner(api, partner.token, { email, fields: validFields }),
          ),
        )
        .slice(0, 20),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    for (const r of responses.filter((r) => r.status === 409)) {
      expect(r.body.code).toBe('duplicate_lead');
    }
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM leads WHERE email_normalized = $1`,
      [email],
    );
    expect(rows[0].n).toBe(1);
  });

  it('replays the first response for a retried Idempotency-Key and creates one lead', async () => {
    const partner = partnerOf(tenant, 2);
    const body = { email: uniqueEmail('idem'), fields: validFields };
    const headers = { 'idempotency-key': `key-${body.email}` };
    const first = await submitAsPartner(api, partner.token, body, headers);
    const again = await submitAsPartner(api, partner.token, body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM leads WHERE email_normalized = $1`,
      [body.email],
    );
    expect(rows[0].n).toBe(1);
    const reused = await submitAsPartner(
      api,
      partner.token,
      { ...body, firstName: 'Other' },
      headers,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('refuses submissions while the program has lead submission switched off', async () => {
    await api.db.query(`UPDATE programs SET lead_submission_enabled = false WHERE id = $1`, [
      tenant.programId,
    ]);
    try {
      // Checked before the fields: an invalid body still learns that submission is off.
      const response = await submitAsPartner(api, partnerOf(tenant, 0).token, { email: 'x' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('lead_submission_disabled');
      const company = await api.http.post(
        '/v1/leads',
        {
          email: uniqueEmail(),
          fields: validFields,
          programId: tenant.programId,
          partnerKey: partnerOf(tenant, 0).partnerKey,
        },
        { token: tenant.apiKey },
      );
      expect(company.status).toBe(403);
      expect(company.body.code).toBe('lead_submission_disabled');
    } finally {
      await api.db.query(`UPDATE programs SET lead_submission_enabled = true WHERE id = $1`, [
        tenant.programId,
      ]);
    }
  });

  it('with the email_or_domain policy, refuses a second lead from the same company domain', async () => {
    const other = await seedTenant(api.db, { partners: 2 });
    await api.db.query(`UPDATE programs SET dedupe_policy = 'email_or_domain' WHERE id = $1`, [
      other.programId,
    ]);
    const first = await createLead(api, other, { email: 'ceo@globex-corp.com' }, 0);
    const sameDomain = await submitAsPartner(api, partnerOf(other, 1).token, {
      email: 'cto@globex-corp.com',
    });
    expect(sameDomain.status).toBe(409);
    expect(sameDomain.body).toMatchObject({
      code: 'duplicate_lead',
      reason: 'domain',
      firstRegisteredAt: first.createdAt,
    });
    expect(sameDomain.text).not.toContain(partnerOf(other, 0).name);
    // Free-mail addresses are people, not companies: they never collide by domain.
    const a = await submitAsPartner(api, partnerOf(other, 0).token, {
      email: uniqueEmail().replace(/@.*/, '@gmail.com'),
    });
    const b = await submitAsPartner(api, partnerOf(other, 1).token, {
      email: uniqueEmail().replace(/@.*/, '@gmail.com'),
    });
    expect([a.status, b.status]).toEqual([201, 201]);
  });

  it('applies program changes to the very next submission', async () => {
    const program = await seedTenant(api.db, { partners: 1 });
    const token = partnerOf(program, 0).token;
    const setProgram = (sql: string) =>
      api.db.query(`UPDATE programs SET ${sql} WHERE id = $1`, [program.programId]);
    expect((await submitAsPartner(api, token, { email: uniqueEmail() })).status).toBe(201);

    // A required field added after this program's rules were first used.
    await setProgram(`form_schema = '${JSON.stringify(CUSTOM_FORM)}'::jsonb`);
    const missing = await submitAsPartner(api, token, { email: uniqueEmail() });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'fields.budget', code: 'required' }),
    ]);
    const withBudget = await submitAsPartner(api, token, {
      email: uniqueEmail(),
      fields: { budget: 1 },
    });
    expect(withBudget.status).toBe(201);

    await setProgram('lead_submission_enabled = false');
    const off = await submitAsPartner(api, token, { email: uniqueEmail(), fields: { budget: 1 } });
    expect(off.status).toBe(403);
    await setProgram('lead_submission_enabled = true');
    const on = await submitAsPartner(api, token, { email: uniqueEmail(), fields: { budget: 1 } });
    expect(on.status).toBe(201);

    await setProgram(`dedupe_policy = 'email_or_domain'`);
    const domain = `${uniqueEmail().split('@')[1]}`;
    expect(
      (await submitAsPartner(api, token, { email: `a@${domain}`, fields: { budget: 1 } })).status,
    ).toBe(201);
    expect(
      (await submitAsPartner(api, token, { email: `b@${domain}`, fields: { budget: 1 } })).status,
    ).toBe(409);
    await setProgram(`dedupe_policy = 'email'`);
    expect(
      (await submitAsPartner(api, token, { email: `c@${domain}`, fields: { budget: 1 } })).status,
    ).toBe(201);
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM leads WHERE program_id = $1`,
      [program.programId],
    );
    expect(rows[0].n).toBe(5);
  });

  it('documents the lead and customer routes for the SDK with typed bodies', async () => {
    const document = await api.http.get('/v1/openapi.json');
    const operations: Record<string, string> = {};
    for (const [path, methods] of Object.entries(document.body.paths as Record<string, object>)) {
      for (const [method, operation] of Object.entries(
        methods as Record<string, { operationId?: string }>,
      )) {
        if (operation.operationId)
          operations[operation.operationId] = `${method.toUpperCase()} ${path}`;
      }
    }
    expect(operations).toMatchObject({
      createLead: 'POST /v1/leads',
      listLeads: 'GET /v1/leads',
      getLead: 'GET /v1/leads/{id}',
      updateLead: 'PATCH /v1/leads/{id}',
      changeLeadStage: 'POST /v1/leads/{id}/stage',
      bulkChangeLeadStage: 'POST /v1/leads/bulk-stage',
      listLeadEvents: 'GET /v1/leads/{id}/events',
      listCustomers: 'GET /v1/customers',
      getCustomer: 'GET /v1/customers/{id}',
      listCustomerTransactions: 'GET /v1/customers/{id}/transactions',
      createCustomerTransaction: 'POST /v1/customers/{id}/transactions',
    });
    const schemas = document.body.components.schemas;
    expect(schemas.CreateLeadBody.properties.email.type).toBe('string');
    expect(schemas.CreateLeadBody.required).toContain('email');
    expect(schemas.UpdateLeadBody.required).toContain('version');
    expect(schemas.Lead.properties.stageLabel.type).toBe('string');
  });

  it('rate-limits one partner’s submissions per minute with 429 and Retry-After', async () => {
    const limited = await seedTenant(api.db, { partners: 1 });
    const token = partnerOf(limited, 0).token;
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) {
      statuses.push((await submitAsPartner(api, token, { email: uniqueEmail() })).status);
    }
    expect(statuses.slice(0, 120).every((status) => status === 201)).toBe(true);
    const last = await submitAsPartner(api, token, { email: uniqueEmail() });
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
