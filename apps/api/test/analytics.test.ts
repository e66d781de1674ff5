import { randomBytes } from 'node:crypto';
import { DEFAULT_LEAD_FORM_SCHEMA } from '@leadbridge/core';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

/** Three whole UTC weeks: Mondays 2025-01-06, 01-13 and 01-20. */
const FROM = '2025-01-06T00:00:00Z';
const TO = '2025-01-27T00:00:00Z';
/** The row a query must have returned (fails the test loudly otherwise). */
function one<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected a row');
  return row;
}

function partnerOf(t: SeededTenant, index: number) {
  return one(t.partners.slice(index, index + 1));
}

const range = (extra = '') => `from=${FROM}&to=${TO}${extra}`;

describe('analytics (dashboard aggregates)', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let secondProgramId: string;
  let p1: string;
  let p2: string;

  async function lead(
    t: SeededTenant,
    programId: string,
    partnerId: string,
    stage: string,
    createdAt: string,
  ): Promise<string> {
    const email = `${randomBytes(6).toString('hex')}@example.com`;
    const { rows } = await api.db.query<{ id: string }>(
      `INSERT INTO leads (company_id, program_id, partner_id, stage, email, email_normalized, created_at, won_at)
       VALUES ($1, $2, $3, $4, $5, $5, $6, CASE WHEN $4 = 'closed_won' THEN $6::timestamptz END) RETURNING id`,
      [t.companyId, programId, partnerId, stage, email, createdAt],
    );
    return one(rows).id;
  }

  async function customer(leadId: string, partnerId: string, currency: string) {
    const { rows } = await api.db.query<{ id: string }>(
      `INSERT INTO customers (company_id, program_id, partner_id, lead_id, currency, won_at)
       SELECT company_id, program_id, partner_id, id, $3, won_at FROM leads WHERE id = $1 AND partner_id = $2
       RETURNING id`,
      [leadId, partnerId, currency],
    );
    return one(rows).id;
  }

  async function transaction(
    t: SeededTenant,
    customerId: string,
    amount: number,
    currency: string,
    at: string,
  ) {
    await api.db.query(
      `INSERT INTO transactions (company_id, customer_id, external_id, amount, currency, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [t.companyId, customerId, randomBytes(6).toString('hex'), amount, currency, at],
    );
  }

  async function commission(
    leadId: string,
    partnerId: string,
    amount: number,
    currency: string,
    status: string,
    at: string,
  ) {
    await api.db.query(
      `INSERT INTO commissions (company_id, program_id, partner_id, lead_id, trigger_key, rule, description,
                                amount, currency, status, created_at)
       SELECT company_id, program_id, $2, id, $3, '{}'::jsonb, 'test', $4, $5, $6, $7 FROM leads WHERE id = $1`,
      [leadId, partnerId, randomBytes(6).toString('hex'), amount, currency, status, at],
    );
  }

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 2 });
    other = await seedTenant(api.db, { partners: 1 });
    p1 = partnerOf(tenant, 0).id;
    p2 = partnerOf(tenant, 1).id;
    const { rows } = await api.db.query<{ id: string }>(
      `INSERT INTO programs (company_id, name, publishable_key, form_schema) VALUES ($1, 'Second', $2, $3) RETURNING id`,
      [
        tenant.companyId,
        `pk_${randomBytes(12).toString('hex')}`,
        JSON.stringify(DEFAULT_LEAD_FORM_SCHEMA),
      ],
    );
    secondProgramId = one(rows).id;
    const main = tenant.programId;
    await lead(tenant, main, p1, 'new', '2025-01-06T10:00:00Z');
    await lead(tenant, main, p1, 'qualified', '2025-01-07T10:00:00Z');
    const won1 = await lead(tenant, main, p1, 'closed_won', '2025-01-08T10:00:00Z');
    // Sunday night in UTC, already Monday in Berlin: the week depends on `tz`.
    await lead(tenant, main, p2, 'new', '2025-01-12T23:30:00Z');
    await lead(tenant, main, p2, 'closed_lost', '2025-01-21T10:00:00Z');
    await lead(tenant, main, p2, 'unqualified', '2025-01-22T10:00:00Z');
    const won2 = await lead(tenant, main, p1, 'closed_won', '2025-01-23T10:00:00Z');
    await lead(tenant, main, p2, 'new', '2025-01-24T10:00:00Z');
    await lead(tenant, main, p2, 'new', '2025-01-24T11:00:00Z');
    // Just outside the range on both ends.
    await lead(tenant, main, p1, 'new', '2025-01-05T23:59:59Z');
    await lead(tenant, main, p1, 'new', TO);
    await lead(tenant, secondProgramId, p2, 'new', '2025-01-09T10:00:00Z');

    const c1 = await customer(won1, p1, 'USD');
    const c2 = await customer(won2, p1, 'EUR');
    await transaction(tenant, c1, 10_000, 'USD', '2025-01-07T12:00:00Z');
    await transaction(tenant, c1, -2_000, 'USD', '2025-01-22T12:00:00Z');
    await transaction(tenant, c1, 999, 'USD', '2025-02-01T12:00:00Z');
    await transaction(tenant, c2, 5_000, 'EUR', '2025-01-14T12:00:00Z');
    await commission(won1, p1, 1_000, 'USD', 'pending', '2025-01-08T11:00:00Z');
    await commission(won1, p1, 500, 'USD', 'declined', '2025-01-08T11:00:00Z');
    await commission(won1, p1, 300, 'USD', 'paid', '2025-01-21T11:00:00Z');
    await commission(won2, p1, 200, 'EUR', 'approved', '2025-01-23T11:00:00Z');

    // Another company's data in the same weeks must never be counted.
    const foreign = await lead(
      other,
      other.programId,
      partnerOf(other, 0).id,
      'closed_won',
      '2025-01-07T10:00:00Z',
    );
    const foreignCustomer = await customer(foreign, partnerOf(other, 0).id, 'USD');
    await transaction(other, foreignCustomer, 77_777, 'USD', '2025-01-07T12:00:00Z');
    await commission(
      foreign,
      partnerOf(other, 0).id,
      7_777,
      'USD',
      'pending',
      '2025-01-07T12:00:00Z',
    );
  });
  afterAll(() => api.close());

  const get = (path: string, token = tenant.apiKey) => api.http.get(path, { token });

  it('counts leads per week by current stage, every week of the range present', async () => {
    const response = await get(`/v1/analytics/leads-by-week?${range()}`);
    expect(response.status).toBe(200);
    expect(response.body.range).toEqual({
      from: '2025-01-06T00:00:00.000Z',
      to: '2025-01-27T00:00:00.000Z',
      tz: 'UTC',
      programId: null,
    });
    expect(response.body.data).toEqual([
      {
        weekStart: '2025-01-06',
        total: 5,
        new: 3,
        qualified: 1,
        unqualified: 0,
        closed_won: 1,
        closed_lost: 0,
      },
      {
        weekStart: '2025-01-13',
        total: 0,
        new: 0,
        qualified: 0,
        unqualified: 0,
        closed_won: 0,
        closed_lost: 0,
      },
      {
        weekStart: '2025-01-20',
        total: 5,
        new: 2,
        qualified: 0,
        unqualified: 1,
        closed_won: 1,
        closed_lost: 1,
      },
    ]);
  });

  it('buckets by the calendar weeks of the requested time zone and narrows to one program', async () => {
    const response = await get(
      `/v1/analytics/leads-by-week?${range(`&tz=Europe/Berlin&programId=${tenant.programId}`)}`,
    );
    expect(response.status).toBe(200);
    expect(
      response.body.data.map((w: { weekStart: string; total: number }) => [w.weekStart, w.total]),
    ).toEqual([
      ['2025-01-06', 3],
      ['2025-01-13', 1],
      ['2025-01-20', 5],
      // The range ends at 01:00 on Monday the 27th in Berlin, so that week is touched (empty).
      ['2025-01-27', 0],
    ]);
  });

  it('shows the funnel submitted → qualified → won with rates', async () => {
    const response = await get(`/v1/analytics/funnel?${range(`&programId=${tenant.programId}`)}`);
    expect(response.status).toBe(200);
    expect(response.body.stages).toEqual({
      new: 4,
      qualified: 1,
      unqualified: 1,
      closed_won: 2,
      closed_lost: 1,
    });
    expect(response.body.steps).toEqual([
      { key: 'submitted', count: 9, rateFromPrevious: null, rateFromStart: 1 },
      { key: 'qualified', count: 4, rateFromPrevious: 4 / 9, rateFromStart: 4 / 9 },
      { key: 'won', count: 2, rateFromPrevious: 0.5, rateFromStart: 2 / 9 },
    ]);
  });

  it('gives rates of null, not NaN, for a range without leads', async () => {
    const response = await get(
      '/v1/analytics/funnel?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z',
    );
    expect(response.status).toBe(200);
    expect(
      response.body.steps.map((s: { count: number; rateFromStart: number | null }) => [
        s.count,
        s.rateFromStart,
      ]),
    ).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it('sums revenue and commissions per week in each currency, declined commissions left out', async () => {
    const response = await get(`/v1/analytics/revenue?${range()}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      {
        currency: 'USD',
        totals: {
          revenue: 8_000,
          transactions: 2,
          commissions: 1_300,
          commissionsPending: 1_000,
          commissionsApproved: 0,
          commissionsPaid: 300,
        },
        points: [
          { weekStart: '2025-01-06', revenue: 10_000, transactions: 1, commissions: 1_000 },
          { weekStart: '2025-01-13', revenue: 0, transactions: 0, commissions: 0 },
          { weekStart: '2025-01-20', revenue: -2_000, transactions: 1, commissions: 300 },
        ],
      },
      {
        currency: 'EUR',
        totals: {
          revenue: 5_000,
          transactions: 1,
          commissions: 200,
          commissionsPending: 0,
          commissionsApproved: 200,
          commissionsPaid: 0,
        },
        points: [
          { weekStart: '2025-01-06', revenue: 0, transactions: 0, commissions: 0 },
          { weekStart: '2025-01-13', revenue: 5_000, transactions: 1, commissions: 0 },
          { weekStart: '2025-01-20', revenue: 0, transactions: 0, commissions: 200 },
        ],
      },
    ]);
    const second = await get(`/v1/analytics/revenue?${range(`&programId=${secondProgramId}`)}`);
    expect(second.body.data).toEqual([]);
  });

  it('ranks partners by leads or by wins, with their revenue and commissions', async () => {
    const byLeads = await get(
      `/v1/analytics/top-partners?${range(`&programId=${tenant.programId}`)}`,
    );
    expect(byLeads.status).toBe(200);
    expect(byLeads.body.data).toEqual([
      {
        partner: { id: p2, name: partnerOf(tenant, 1).name },
        leads: 5,
        qualified: 1,
        won: 0,
        winRate: 0,
        revenue: [],
        commissions: [],
      },
      {
        partner: { id: p1, name: partnerOf(tenant, 0).name },
        leads: 4,
        qualified: 3,
        won: 2,
        winRate: 0.5,
        revenue: [
          { amount: 5_000, currency: 'EUR' },
          { amount: 8_000, currency: 'USD' },
        ],
        commissions: [
          { amount: 200, currency: 'EUR' },
          { amount: 1_300, currency: 'USD' },
        ],
      },
    ]);
    // By wins: the partner with wins first; partners without any follow by their leads.
    const winsThenLeads = await get(`/v1/analytics/top-partners?${range('&sort=won&limit=2')}`);
    expect(
      winsThenLeads.body.data.map((row: { partner: { id: string }; won: number }) => [
        row.partner.id,
        row.won,
      ]),
    ).toEqual([
      [p1, 2],
      [p2, 0],
    ]);
    const byWins = await get(`/v1/analytics/top-partners?${range('&sort=won&limit=1')}`);
    expect(byWins.body.data.map((row: { partner: { id: string } }) => row.partner.id)).toEqual([
      p1,
    ]);
  });

  it('defaults to the last 12 calendar weeks, the current one included', async () => {
    await lead(tenant, tenant.programId, p1, 'new', new Date().toISOString());
    const response = await get('/v1/analytics/leads-by-week');
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(12);
    expect(response.body.data.at(-1).total).toBe(1);
    const monday = new Date(`${response.body.data[0].weekStart}T00:00:00Z`);
    expect(monday.getUTCDay()).toBe(1);
    expect(response.body.range.from).toBe(monday.toISOString());
  });

  it("refuses another company's program, partner sessions and bad ranges", async () => {
    const foreignProgram = await get(`/v1/analytics/funnel?programId=${other.programId}`);
    expect(foreignProgram.status).toBe(404);
    expect(foreignProgram.body.code).toBe('not_found');

    const partner = await get('/v1/analytics/leads-by-week', partnerOf(tenant, 0).token);
    expect(partner.status).toBe(403);

    const backwards = await get(`/v1/analytics/revenue?from=${TO}&to=${FROM}`);
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ field: 'from', code: 'invalid_range' }),
    ]);

    const tooLong = await get(
      '/v1/analytics/leads-by-week?from=2000-01-01T00:00:00Z&to=2025-01-01T00:00:00Z',
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0].code).toBe('range_too_long');

    const zone = await get('/v1/analytics/leads-by-week?tz=Mars/Olympus');
    expect(zone.status).toBe(422);
    expect(zone.body.errors[0].field).toBe('tz');

    const limit = await get('/v1/analytics/top-partners?limit=0');
    expect(limit.status).toBe(422);
  });

  it("never counts another company's leads or money", async () => {
    const [weeks, revenue, top] = await Promise.all([
      get(`/v1/analytics/leads-by-week?${range()}`, other.apiKey),
      get(`/v1/analytics/revenue?${range()}`, other.apiKey),
      get(`/v1/analytics/top-partners?${range()}`, other.apiKey),
    ]);
    expect(weeks.body.data.map((w: { total: number }) => w.total)).toEqual([1, 0, 0]);
    expect(revenue.body.data).toHaveLength(1);
    expect(revenue.body.data[0].totals.revenue).toBe(77_777);
    expect(top.body.data).toHaveLength(1);
    expect(top.body.data[0].partner.id).toBe(partnerOf(other, 0).id);
  });
});
