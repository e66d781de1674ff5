import { randomBytes } from 'node:crypto';
import { type SeededTenant, seedTenant } from '../support/seed';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually } from './support/eventually';
import { tally } from './support/tally';
import { partnerToken } from './support/tenant';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/**
 * pg-boss expires an attempt whose worker died once its 60 s expiry has passed, at its next
 * maintenance run (every 120 s after start), and retries it 30–60 s later: a held delivery is
 * re-sent about three minutes after the restart.
 */
const REDELIVERY_DEADLINE_MS = 270_000;

describe('the API killed while webhook deliveries are in flight', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let tenant: SeededTenant;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startTestApi({
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_DELAYS_SECONDS: '1,2,4',
    });
    tenant = await seedTenant(api.db, { partners: 1 });
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  const submit = async () => {
    const response = await api.http.post(
      '/v1/leads',
      { email: `hook-${randomBytes(5).toString('hex')}@example.com`, firstName: 'Hook' },
      { token: partnerToken(tenant) },
    );
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it('delivers every event after the restart: each webhook-id acknowledged, none lost, none invented', async () => {
    const endpoint = await api.http.post(
      '/v1/webhook-endpoints',
      { url: `${receiver.url}/hooks`, events: ['lead.created'] },
      { token: tenant.apiKey },
    );
    expect(endpoint.status).toBe(201);

    receiver.mode = 'hold';
    const leadsBefore: string[] = [];
    for (let i = 0; i < 8; i++) leadsBefore.push(await submit());
    // The delivery workers get stuck on the receiver (four of them today); the other events
    // wait queued. Both kinds must come through the crash.
    await eventually('deliveries held open by the receiver', () => receiver.held() >= 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const heldAtKill = new Set(receiver.received.map((hook) => hook.webhookId));

    await api.kill();
    tally('faults injected', 1);
    receiver.mode = 'accept';
    await api.restart();
    const leadsAfter = [await submit(), await submit()];

    const { rows: deliveries } = await api.db.query<{ event_id: string; lead_id: string }>(
      `SELECT event_id, payload->'data'->'lead'->>'id' AS lead_id FROM webhook_deliveries WHERE endpoint_id = $1`,
      [endpoint.body.id],
    );
    // One event per lead created: nothing invented on the sending side.
    expect(deliveries.map((d) => d.lead_id).sort()).toEqual([...leadsBefore, ...leadsAfter].sort());
    const expected = new Set(deliveries.map((d) => d.event_id));
    expect(expected.size).toBe(10);

    await eventually(
      'every event acknowledged by the receiver',
      () =>
        [...expected].every((id) =>
          receiver.received.some((h) => h.webhookId === id && h.acknowledged),
        ),
      REDELIVERY_DEADLINE_MS,
    );
    const acknowledged = new Set(
      receiver.received.filter((h) => h.acknowledged).map((h) => h.webhookId),
    );
    const seen = new Set(receiver.received.map((h) => h.webhookId));
    // Distinct ids: every event arrived, and nothing arrived that was never sent.
    expect([...acknowledged].sort()).toEqual([...expected].sort());
    expect([...seen].filter((id) => !expected.has(id))).toEqual([]);
    // Repeats (allowed by Standard Webhooks) only for the deliveries cut off by the crash.
    const repeated = [...seen].filter(
      (id) => receiver.received.filter((h) => h.webhookId === id).length > 1,
    );
    expect(repeated.filter((id) => !heldAtKill.has(id))).toEqual([]);
    expect(heldAtKill.size).toBeGreaterThanOrEqual(1);
    expect(heldAtKill.size).toBeLessThan(expected.size);

    const states = await eventually(
      'delivery log settled',
      async () => {
        const { rows } = await api.db.query<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 GROUP BY status`,
          [endpoint.body.id],
        );
        return rows.length === 1 && rows[0]?.status === 'succeeded' ? rows : undefined;
      },
      30_000,
    );
    expect(states).toEqual([{ status: 'succeeded', n: 10 }]);
    tally('webhooks checked', expected.size);
  });
});
