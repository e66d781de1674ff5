import { randomUUID } from 'node:crypto';
import { LEAD_STAGES, type LeadStage, STAGE_TRANSITIONS } from '@leadbridge/core';
import { defined, partnerOf, uniqueEmail } from './support/fixtures';
import { CUSTOM_FORM, createLead, moveLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

/** The shortest path of allowed moves from `new` to `stage`, from core's own table. */
function pathTo(stage: LeadStage): LeadStage[] {
  const queue: LeadStage[][] = [['new']];
  while (queue.length > 0) {
    const path = queue.shift() as LeadStage[];
    const last = path[path.length - 1] as LeadStage;
    if (last === stage) return path.slice(1);
    for (const next of STAGE_TRANSITIONS[last]) {
      if (!path.includes(next)) queue.push([...path, next]);
    }
  }
  throw new Error(`${stage} is unreachable from new`);
}

describe('lead lifecycle', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { formSchema: CUSTOM_FORM, partners: 2 });
    await api.db.query(`UPDATE programs SET currency = 'EUR' WHERE id = $1`, [tenant.programId]);
  });
  afterAll(() => api.close());

  const fields = { budget: 100 };
  const partnerToken = (i = 0) => partnerOf(tenant, i).token;

  describe('stage transitions follow core’s STAGE_TRANSITIONS exactly', () => {
    const cases = LEAD_STAGES.flatMap((from) => LEAD_STAGES.map((to) => [from, to] as const));
    it.each(cases)('%s → %s', async (from, to) => {
      const lead = await createLead(api, tenant, { fields });
      for (const step of pathTo(from)) await moveLead(api, tenant, lead.id, step);
      const response = await api.http.post(
        `/v1/leads/${lead.id}/stage`,
        { stage: to, reason: 'table test' },
        { token: tenant.apiKey },
      );
      if (STAGE_TRANSITIONS[from].includes(to)) {
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ id: lead.id, stage: to });
      } else {
        expect(response.status).toBe(422);
        expect(response.body.code).toBe('invalid_stage_transition');
        expect(response.body.allowedStages).toEqual([...STAGE_TRANSITIONS[from]]);
        const after = await api.http.get(`/v1/leads/${lead.id}`, { token: tenant.apiKey });
        expect(after.body.stage).toBe(from);
      }
    });
  });

  it('closed_won creates exactly one customer, even when won twice at once', async () => {
    const lead = await createLead(api, tenant, { fields, firstName: 'Winnie' });
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.http.post(
          `/v1/leads/${lead.id}/stage`,
          { stage: 'closed_won' },
          { token: tenant.apiKey },
        ),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([200, 422, 422, 422, 422]);
    const won = defined(
      attempts.find((r) => r.status === 200),
      'the winning response',
    ).body;
    expect(won.wonAt).toEqual(expect.any(String));
    expect(won.customer).toMatchObject({
      status: 'signed_up',
      revenue: { amount: 0, currency: 'EUR' },
    });
    const { rows } = await api.db.query(
      `SELECT id, status, currency FROM customers WHERE lead_id = $1`,
      [lead.id],
    );
    expect(rows).toEqual([{ id: won.customer.id, status: 'signed_up', currency: 'EUR' }]);
    const customer = await api.http.get(`/v1/customers/${won.customer.id}`, {
      token: partnerToken(),
    });
    expect(customer.status).toBe(200);
    expect(customer.body).toMatchObject({
      lead: { id: lead.id, email: lead.email, firstName: 'Winnie' },
      status: 'signed_up',
      revenue: { amount: 0, currency: 'EUR' },
    });
  });

  it('refuses a stale version with 409 and the current lead', async () => {
    const lead = await createLead(api, tenant, { fields });
    await moveLead(api, tenant, lead.id, 'qualified');
    const edit = await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: lead.version, firstName: 'Late' },
      { token: partnerToken() },
    );
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('version_conflict');
    expect(edit.body.current).toMatchObject({ id: lead.id, stage: 'qualified', version: 2 });
    const stage = await api.http.post(
      `/v1/leads/${lead.id}/stage`,
      { stage: 'closed_lost', version: 1 },
      { token: tenant.apiKey },
    );
    expect(stage.status).toBe(409);
    expect(stage.body.current.version).toBe(2);
    const fresh = await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: 2, firstName: 'OnTime' },
      { token: partnerToken() },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ firstName: 'OnTime', version: 3 });
  });

  it('lets a partner edit its own open lead and records the field diff', async () => {
    const lead = await createLead(api, tenant, { fields, firstName: 'Old', company: 'Initech' });
    const response = await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: 1, firstName: 'New', company: null, fields: { budget: '250', size: 'large' } },
      { token: partnerToken() },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      firstName: 'New',
      company: null,
      fields: { budget: 250, size: 'large' },
      version: 2,
    });
    const events = await api.http.get(`/v1/leads/${lead.id}/events`, { token: partnerToken() });
    const edited = events.body.data.find((e: { type: string }) => e.type === 'edited');
    expect(edited.data.changes).toEqual({
      firstName: { from: 'Old', to: 'New' },
      company: { from: 'Initech', to: null },
      'fields.budget': { from: 100, to: 250 },
      'fields.size': { from: null, to: 'large' },
    });
    const invalid = await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: 2, email: 'nope', fields: { budget: 'x' } },
      { token: partnerToken() },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'fields.budget',
    ]);
  });

  it('re-checks duplicates when the email changes', async () => {
    const taken = await createLead(api, tenant, { fields }, 1);
    const lead = await createLead(api, tenant, { fields });
    const response = await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: 1, email: taken.email.toUpperCase() },
      { token: partnerToken() },
    );
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'duplicate_lead',
      firstRegisteredAt: taken.createdAt,
    });
    expect(response.text).not.toContain(partnerOf(tenant, 1).name);
  });

  it('stops partners from editing closed leads, seeing others’ leads or moving stages', async () => {
    const lead = await createLead(api, tenant, { fields });
    await moveLead(api, tenant, lead.id, 'closed_won');
    const edit = await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: 2, firstName: 'Sneaky' },
      { token: partnerToken() },
    );
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('lead_not_editable');
    const companyEdit = await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: 2, firstName: 'Fixed by sales' },
      { token: tenant.apiKey },
    );
    expect(companyEdit.status).toBe(200);

    const other = partnerToken(1);
    for (const response of [
      await api.http.get(`/v1/leads/${lead.id}`, { token: other }),
      await api.http.get(`/v1/leads/${lead.id}/events`, { token: other }),
      await api.http.patch(
        `/v1/leads/${lead.id}`,
        { version: 3, firstName: 'X' },
        { token: other },
      ),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    const own = await createLead(api, tenant, { fields });
    const stage = await api.http.post(
      `/v1/leads/${own.id}/stage`,
      { stage: 'qualified' },
      { token: partnerToken() },
    );
    expect(stage.status).toBe(403);
    const bulk = await api.http.post(
      '/v1/leads/bulk-stage',
      { ids: [own.id], stage: 'qualified' },
      { token: partnerToken() },
    );
    expect(bulk.status).toBe(403);
    const after = await api.http.get(`/v1/leads/${own.id}`, { token: partnerToken() });
    expect(after.body.stage).toBe('new');
  });

  it('keeps a history, oldest first, with who did what, paged by cursor', async () => {
    const lead = await createLead(api, tenant, { fields });
    await api.http.patch(
      `/v1/leads/${lead.id}`,
      { version: 1, lastName: 'Smith' },
      { token: partnerToken() },
    );
    await api.http.post(
      `/v1/leads/${lead.id}/stage`,
      { stage: 'qualified', reason: 'Budget confirmed' },
      { token: tenant.apiKey },
    );
    const seen: { type: string; actor: { type: string; name: string }; data: unknown }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page = await api.http.get(`/v1/leads/${lead.id}/events${query}`, {
        token: partnerToken(),
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.type)).toEqual(['created', 'edited', 'stage_changed']);
    expect(seen[0]?.actor).toEqual({ type: 'partner', name: partnerOf(tenant, 0).name });
    expect(seen[2]?.actor).toEqual({ type: 'api_key', name: 'test key' });
    expect(seen[2]?.data).toEqual({ from: 'new', to: 'qualified', reason: 'Budget confirmed' });
  });

  it('changes 50 leads in bulk and answers per id, failures included', async () => {
    const leads: { id: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const response = await api.http.post(
        '/v1/leads',
        {
          email: uniqueEmail('bulk'),
          fields,
          programId: tenant.programId,
          partnerKey: partnerOf(tenant, i % 2).partnerKey,
        },
        { token: tenant.apiKey },
      );
      expect(response.status).toBe(201);
      leads.push(response.body);
    }
    const won = await createLead(api, tenant, { fields });
    await moveLead(api, tenant, won.id, 'closed_won');
    const foreignTenant = await seedTenant(api.db, { partners: 1 });
    const foreign = await createLead(api, foreignTenant, {});
    const unknown = randomUUID();
    const ids = [
      unknown,
      ...leads.map((l) => l.id).slice(0, 25),
      won.id,
      foreign.id,
      ...leads.map((l) => l.id).slice(25),
    ];
    const response = await api.http.post(
      '/v1/leads/bulk-stage',
      { ids, stage: 'qualified', reason: 'Bulk review' },
      { token: tenant.apiKey },
    );
    expect(response.status).toBe(200);
    const results = response.body.results;
    expect(results.map((r: { id: string }) => r.id)).toEqual(ids);
    const byId = new Map(results.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(unknown)).toMatchObject({ ok: false, code: 'not_found' });
    expect(byId.get(foreign.id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(byId.get(won.id)).toMatchObject({ ok: false, code: 'invalid_stage_transition' });
    for (const lead of leads) {
      expect(byId.get(lead.id)).toMatchObject({
        ok: true,
        lead: { id: lead.id, stage: 'qualified' },
      });
    }
    const { rows } = await api.db.query(
      `SELECT stage, count(*)::int AS n FROM leads WHERE id = ANY($1) GROUP BY stage ORDER BY stage`,
      [[...leads.map((l) => l.id), won.id, foreign.id]],
    );
    expect(rows).toEqual([
      { stage: 'closed_won', n: 1 },
      { stage: 'new', n: 1 },
      { stage: 'qualified', n: 50 },
    ]);
    const tooMany = await api.http.post(
      '/v1/leads/bulk-stage',
      { ids: Array.from({ length: 501 }, () => randomUUID()), stage: 'qualified' },
      { token: tenant.apiKey },
    );
    expect(tooMany.status).toBe(422);
  });
});
