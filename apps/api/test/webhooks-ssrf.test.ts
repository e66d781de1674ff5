import { eventually, partnerOf } from './support/fixtures';
import { submitLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';
import { type Receiver, startReceiver } from './support/webhook-receiver';

/** WEBHOOK_ALLOW_PRIVATE left unset: the production default. */
describe('webhook SSRF protection', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    api = await startTestApi({ WEBHOOK_RETRY_DELAYS_SECONDS: '1' });
    tenant = await seedTenant(api.db);
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });

  it.each([
    [`http://127.0.0.1:PORT/hook`],
    ['http://localhost:PORT/hook'],
    ['http://[::1]:PORT/hook'],
    ['http://[::ffff:127.0.0.1]:PORT/hook'],
    ['http://0.0.0.0/hook'],
    ['http://10.1.2.3/hook'],
    ['http://192.168.0.10/hook'],
    ['http://169.254.169.254/latest/meta-data'],
    ['https://[fd00::1]/hook'],
    ['http://224.0.0.1/hook'],
  ])('refuses an endpoint at %s', async (template) => {
    const url = template.replace('PORT', String(new URL(receiver.url).port));
    const response = await api.http.post(
      '/v1/webhook-endpoints',
      { url, events: ['lead.created'] },
      { token: tenant.apiKey },
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('webhook_url_not_allowed');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'url', code: 'webhook_url_not_allowed' }),
    ]);
    const { rows } = await api.db.query('SELECT count(*)::int AS n FROM webhook_endpoints');
    expect(rows[0].n).toBe(0);
  });

  it('checks again at delivery time: an endpoint that now points inside gets nothing', async () => {
    // As if DNS changed after the endpoint was saved: the row names a loopback address.
    const { rows } = await api.db.query(
      `INSERT INTO webhook_endpoints (company_id, url, events, secret)
       VALUES ($1, $2, '{lead.created}', 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTA=') RETURNING id`,
      [tenant.companyId, `${receiver.url}/inside`],
    );
    const endpointId = rows[0].id;
    await submitLead(api, partnerOf(tenant, 0).token);
    const delivery = await eventually(async () => {
      const response = await api.http.get(`/v1/webhook-endpoints/${endpointId}/deliveries`, {
        token: tenant.apiKey,
      });
      const first = response.body.data[0];
      return first?.status === 'failed' && first;
    }, 'the delivery to be refused');
    expect(delivery.attempts).toHaveLength(2);
    for (const attempt of delivery.attempts) {
      expect(attempt.statusCode).toBeNull();
      expect(attempt.error).toMatch(
        /^Refused: 127\.0\.0\.1 is a private, loopback or reserved address/,
      );
    }
    expect(receiver.requests).toEqual([]);
  });
});
