import { partnerOf } from './support/fixtures';
import { createLead, moveLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

describe('customers and transactions', () => {
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 2 });
  });
  afterAll(() => api.close());

  /** A lead of partner `index` won, returning its customer id. */
  async function wonCustomer(index = 0): Promise<string> {
    const lead = await createLead(api, tenant, {}, index);
    const won = await moveLead(api, tenant, lead.id, 'closed_won');
    return won.customer.id;
  }

  const record = (customerId: string, body: Record<string, unknown>, token = tenant.apiKey) =>
    api.http.post(`/v1/customers/${customerId}/transactions`, body, { token });

  it('records a payment once per externalId: revenue counted once, status paid', async () => {
    const customerId = await wonCustomer();
    const body = { externalId: 'inv_1001', amount: 4999, currency: 'USD', description: 'Pro plan' };
    const first = await record(customerId, { ...body, occurredAt: '2026-01-15T10:00:00Z' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      customerId,
      externalId: 'inv_1001',
      amount: { amount: 4999, currency: 'USD' },
      occurredAt: '2026-01-15T10:00:00.000Z',
    });
    const again = await record(customerId, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const customer = await api.http.get(`/v1/customers/${customerId}`, { token: tenant.apiKey });
    expect(customer.body).toMatchObject({
      status: 'paid',
      revenue: { amount: 4999, currency: 'USD' },
      firstPaidAt: '2026-01-15T10:00:00.000Z',
    });
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM transactions WHERE customer_id = $1`,
      [customerId],
    );
    expect(rows[0].n).toBe(1);

    const second = await record(customerId, {
      externalId: 'inv_1002',
      amount: 1000,
      currency: 'USD',
    });
    expect(second.status).toBe(201);
    const list = await api.http.get(`/v1/customers/${customerId}/transactions`, {
      token: partnerOf(tenant, 0).token,
    });
    expect(list.status).toBe(200);
    expect(list.body.data.map((t: { externalId: string }) => t.externalId)).toEqual([
      'inv_1002',
      'inv_1001',
    ]);
    const after = await api.http.get(`/v1/customers/${customerId}`, { token: tenant.apiKey });
    expect(after.body.revenue).toEqual({ amount: 5999, currency: 'USD' });
  });

  it('records one transaction when the same externalId arrives concurrently', async () => {
    const customerId = await wonCustomer();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        record(customerId, { externalId: 'charge_race', amount: 700, currency: 'USD' }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const customer = await api.http.get(`/v1/customers/${customerId}`, { token: tenant.apiKey });
    expect(customer.body.revenue.amount).toBe(700);
  });

  it('refuses another currency, a zero amount, and partners recording payments', async () => {
    const customerId = await wonCustomer();
    const currency = await record(customerId, { externalId: 'x1', amount: 100, currency: 'EUR' });
    expect(currency.status).toBe(422);
    expect(currency.body.errors).toEqual([
      expect.objectContaining({ field: 'currency', code: 'currency_mismatch' }),
    ]);
    const zero = await record(customerId, { externalId: 'x2', amount: 0, currency: 'USD' });
    expect(zero.status).toBe(422);
    const fraction = await record(customerId, { externalId: 'x3', amount: 10.5, currency: 'USD' });
    expect(fraction.status).toBe(422);
    const partner = await record(
      customerId,
      { externalId: 'x4', amount: 100, currency: 'USD' },
      partnerOf(tenant, 0).token,
    );
    expect(partner.status).toBe(403);
    const customer = await api.http.get(`/v1/customers/${customerId}`, { token: tenant.apiKey });
    expect(customer.body).toMatchObject({ status: 'signed_up', revenue: { amount: 0 } });
  });

  it('lists customers newest first; a partner sees only its own; status filters', async () => {
    const mine = await wonCustomer(0);
    const theirs = await wonCustomer(1);
    await record(mine, { externalId: 'paid_1', amount: 100, currency: 'USD' });
    const partnerList = await api.http.get('/v1/customers?limit=200', {
      token: partnerOf(tenant, 0).token,
    });
    expect(partnerList.status).toBe(200);
    const partnerIds = partnerList.body.data.map((c: { id: string }) => c.id);
    expect(partnerIds).toContain(mine);
    expect(partnerIds).not.toContain(theirs);
    for (const customer of partnerList.body.data) {
      expect(customer.partner.id).toBe(partnerOf(tenant, 0).id);
    }
    const hidden = await api.http.get(`/v1/customers/${theirs}`, {
      token: partnerOf(tenant, 0).token,
    });
    expect(hidden.status).toBe(404);

    const paid = await api.http.get('/v1/customers?status=paid&limit=200', {
      token: tenant.apiKey,
    });
    expect(paid.body.data.every((c: { status: string }) => c.status === 'paid')).toBe(true);
    expect(paid.body.data.map((c: { id: string }) => c.id)).toContain(mine);
    expect(paid.body.data.map((c: { id: string }) => c.id)).not.toContain(theirs);

    // Every customer exactly once across pages of 2.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.http.get(path, {
        token: tenant.apiKey,
      });
      seen.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const { rows } = await api.db.query(
      `SELECT id FROM customers WHERE company_id = $1 ORDER BY created_at DESC, id DESC`,
      [tenant.companyId],
    );
    expect(seen).toEqual(rows.map((r: { id: string }) => r.id));
  });
});
