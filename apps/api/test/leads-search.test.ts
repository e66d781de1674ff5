import { createLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

// The index is asked for the query's most distinctive run of letters or digits and the whole
// query is then checked exactly: results must be those of a plain substring search.

describe('GET /v1/leads?q=', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 1 });
    const leads: [string, Record<string, string>][] = [
      ['exact', { email: 'lead1234.c0@co77.example', company: 'Company 1234' }],
      ['longer', { email: 'lead12345.c0@co77.example', company: 'Company 12345' }],
      ['reversed', { email: 'x1@co88.example', company: '1234 Company' }],
      ['shorter', { email: 'x2@co99.example', company: 'Company 234' }],
      ['spaced', { email: 'x3@co99.example', company: 'Company  1234' }],
    ];
    for (const [name, body] of leads) ids[name] = (await createLead(api, tenant, body)).id;
  });
  afterAll(() => api.close());

  async function search(q: string): Promise<string[]> {
    const response = await api.http.get(`/v1/leads?limit=200&q=${encodeURIComponent(q)}`, {
      token: tenant.apiKey,
    });
    expect(response.status).toBe(200);
    const found = new Set<string>(response.body.data.map((lead: { id: string }) => lead.id));
    return Object.keys(ids).filter((name) => found.has(ids[name] ?? ''));
  }

  it.each([
    ['company 1234', ['exact', 'longer']],
    ['COMPANY 1234', ['exact', 'longer']],
    ['any 1234', ['exact', 'longer']],
    ['1234 company', ['reversed']],
    ['company  1234', ['spaced']],
    ['lead1234.c0@', ['exact']],
    ['.c0@co77', ['exact', 'longer']],
    ['@co99.example', ['shorter', 'spaced']],
    ['y 23', ['shorter']],
    ['34', ['exact', 'longer', 'reversed', 'shorter', 'spaced']],
    ['company 1234_', []],
  ])('q=%p finds exactly the leads containing it', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });
});
