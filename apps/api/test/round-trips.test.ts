import { partnerOf, uniqueEmail } from './support/fixtures';
import { type RoundTripCounter, startRoundTripCounter } from './support/pg-round-trips';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

// What the busiest requests cost PostgreSQL, counted on the wire (a proxy between the API and
// the database): each round trip is latency every request pays and a connection held meanwhile.
// Workers are off so only request work is counted.

describe('database round trips of the hot paths', () => {
  let counter: RoundTripCounter;
  let api: TestApi;
  let tenant: SeededTenant;

  beforeAll(async () => {
    const server = process.env.LB_TEST_ADMIN_URL;
    if (!server) throw new Error('run API tests through jest (global-setup.mjs)');
    counter = await startRoundTripCounter(server);
    api = await startTestApi(
      { RUN_WORKERS: 'false', WEBHOOK_ALLOW_PRIVATE: 'true' },
      { databaseUrl: (url) => counter.rewrite(url) },
    );
    tenant = await seedTenant(api.db, { partners: 2 });
  });
  afterAll(async () => {
    await api.close();
    await counter.close();
  });

  /** Round trips the API made while `action` ran (its response ends its work). */
  async function roundTrips(action: () => Promise<unknown>): Promise<number> {
    const before = counter.count('leadbridge-api');
    await action();
    return counter.count('leadbridge-api') - before;
  }

  async function submit(token: string, body: Record<string, unknown> = {}): Promise<string> {
    const response = await api.http.post('/v1/leads', { email: uniqueEmail(), ...body }, { token });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  it('a partner submission nothing reacts to is one statement: checks, insert, history, rate limit', async () => {
    const partner = partnerOf(tenant, 0);
    await submit(partner.token); // the session, program rules and subscriptions are now known
    const ids: string[] = [];
    const trips = await roundTrips(async () => {
      for (let i = 0; i < 3; i++) ids.push(await submit(partner.token));
    });
    expect(trips).toBe(3);
    const { rows } = await api.db.query(
      `SELECT (SELECT count(*)::int FROM leads WHERE id = ANY($1)) AS leads,
              (SELECT count(*)::int FROM lead_events WHERE lead_id = ANY($1) AND type = 'created') AS history,
              (SELECT hits FROM rate_limits WHERE key = $2) AS hits`,
      [ids, `leads:create:partner:${tenant.programId}:${partner.id}`],
    );
    expect(rows[0]).toEqual({ leads: 3, history: 3, hits: 4 });
  });

  it('an API-key submission adds only the partner lookup', async () => {
    const body = { programId: tenant.programId, partnerKey: partnerOf(tenant, 1).partnerKey };
    await submit(tenant.apiKey, body);
    expect(await roundTrips(() => submit(tenant.apiKey, body))).toBe(2);
  });

  it('a list page is one query once the caller is known', async () => {
    const list = async () => {
      const response = await api.http.get('/v1/leads?limit=10', { token: tenant.apiKey });
      expect(response.status).toBe(200);
      expect(response.body.data.length).toBeGreaterThan(0);
    };
    await list();
    expect(await roundTrips(list)).toBe(1);
  });

  it('with a webhook subscribed, each lead and its delivery commit together; without, none', async () => {
    const partner = partnerOf(tenant, 1);
    await submit(partner.token);
    const endpoint = await api.http.post(
      '/v1/webhook-endpoints',
      { url: 'http://127.0.0.1:9/hooks', events: ['lead.created'] },
      { token: tenant.apiKey },
    );
    expect(endpoint.status).toBe(201);
    const subscribed = [await submit(partner.token), await submit(partner.token)];
    const deliveries = async (ids: string[]) =>
      (
        await api.db.query(
          `SELECT count(*)::int AS n FROM webhook_deliveries
            WHERE endpoint_id = $1 AND payload->'data'->'lead'->>'id' = ANY($2)`,
          [endpoint.body.id, ids],
        )
      ).rows[0].n;
    expect(await deliveries(subscribed)).toBe(2);

    const removed = await api.http.delete(`/v1/webhook-endpoints/${endpoint.body.id}`, {
      token: tenant.apiKey,
    });
    expect(removed.status).toBe(204);
    const unsubscribed = [await submit(partner.token)]; // reads the subscriptions again
    expect(
      await roundTrips(async () => {
        unsubscribed.push(await submit(partner.token));
      }),
    ).toBe(1);
    const { rows } = await api.db.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE payload->'data'->'lead'->>'id' = ANY($1)`,
      [unsubscribed],
    );
    expect(rows[0].n).toBe(0);
  });

  it('records a flat commission for new leads with the lead, once the offer asks for one', async () => {
    const other = await seedTenant(api.db, { partners: 1 });
    const token = partnerOf(other, 0).token;
    const before = await submit(token);
    const patched = await api.http.patch(
      `/v1/programs/${other.programId}`,
      {
        offer: {
          rules: [{ kind: 'flat', stage: 'new', amount: { amount: 2500, currency: 'USD' } }],
        },
      },
      { token: other.apiKey },
    );
    expect(patched.status).toBe(200);
    const after = await submit(token);
    const { rows } = await api.db.query(
      `SELECT lead_id, amount::int AS amount, status FROM commissions WHERE company_id = $1`,
      [other.companyId],
    );
    expect(rows).toEqual([{ lead_id: after, amount: 2500, status: 'pending' }]);
    expect(before).not.toBe(after);
  });
});
