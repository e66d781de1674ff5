import { createLead, moveLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string; minimum?: number; maximum?: number };
}

describe('list pages', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 1 });
    for (let i = 0; i < 3; i++) await createLead(api, tenant);
  });
  afterAll(() => api.close());

  it('document `limit` as an integer from 1 to 200 on every list', async () => {
    const document = (await api.http.get('/v1/openapi.json')).body;
    const limits: { where: string; schema: Parameter['schema'] }[] = [];
    for (const [path, item] of Object.entries<Record<string, { parameters?: Parameter[] }>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'query' && parameter.name === 'limit') {
            limits.push({ where: `${method} ${path}`, schema: parameter.schema });
          }
        }
      }
    }
    expect(limits.map((limit) => limit.where)).toEqual(
      expect.arrayContaining(['get /v1/leads', 'get /v1/customers', 'get /v1/commissions']),
    );
    const pageLimits = limits.filter((limit) => limit.schema?.maximum === 200);
    expect(pageLimits.length).toBeGreaterThan(10);
    for (const limit of pageLimits) {
      expect({ where: limit.where, ...limit.schema }).toEqual({
        where: limit.where,
        type: 'integer',
        minimum: 1,
        maximum: 200,
      });
    }
  });

  it('take `limit` from the query string, and refuse one that is not a whole number in range', async () => {
    const page = await api.http.get('/v1/leads?limit=2', { token: tenant.apiKey });
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    for (const [value, message] of [
      ['abc', 'limit must be a whole number'],
      ['1.5', 'limit must be a whole number'],
      ['0', 'limit must be 1–200'],
      ['201', 'limit must be 1–200'],
    ]) {
      const refused = await api.http.get(`/v1/leads?limit=${value}`, { token: tenant.apiKey });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'limit', message: `limit: ${message}` }),
      ]);
    }
  });

  it('show each lead exactly as reading it alone does (timestamps, stage label, customer)', async () => {
    const won = await createLead(api, tenant, { firstName: 'Ada', company: 'Analytical' });
    await moveLead(api, tenant, won.id, 'qualified');
    await moveLead(api, tenant, won.id, 'closed_won');
    const page = await api.http.get('/v1/leads?limit=200', { token: tenant.apiKey });
    expect(page.body.data.length).toBeGreaterThanOrEqual(4);
    for (const listed of page.body.data) {
      const alone = await api.http.get(`/v1/leads/${listed.id}`, { token: tenant.apiKey });
      expect(listed).toEqual(alone.body);
    }
    const listedWon = page.body.data.find((lead: { id: string }) => lead.id === won.id);
    expect(listedWon).toMatchObject({ stage: 'closed_won', customer: { status: 'signed_up' } });
    expect(listedWon.wonAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
