import { Webhook } from 'standardwebhooks';
import { eventually, partnerOf, uniqueEmail } from './support/fixtures';
import { csvOf, importCsv, importEnv } from './support/imports';
import { moveLead, submitLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';
import { type Receiver, startReceiver } from './support/webhook-receiver';

// biome-ignore lint/suspicious/noExplicitAny: assertions read JSON bodies of many shapes.
type Json = any;

function headersOf(request: Receiver['requests'][number]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

describe('webhooks', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let receiver: Receiver;

  const createEndpoint = async (body: Record<string, unknown>, token = tenant.apiKey) =>
    api.http.post('/v1/webhook-endpoints', body, { token });

  const deliveriesOf = async (endpointId: string): Promise<Json[]> =>
    (await api.http.get(`/v1/webhook-endpoints/${endpointId}/deliveries`, { token: tenant.apiKey }))
      .body.data;

  beforeAll(async () => {
    receiver = await startReceiver();
    api = await startTestApi({
      ...importEnv(),
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_DELAYS_SECONDS: '1,1,1,1',
    });
    // $10 for every submitted lead, so submissions also earn commission.created.
    tenant = await seedTenant(api.db, {
      offer: { rules: [{ kind: 'flat', stage: 'new', amount: { amount: 1000, currency: 'EUR' } }] },
    });
    other = await seedTenant(api.db);
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });

  it('signs lead.stage_changed per Standard Webhooks so Webhook.verify accepts it', async () => {
    const created = await createEndpoint({
      url: `${receiver.url}/signed`,
      events: ['lead.stage_changed'],
      description: 'CRM sync',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(created.body).toMatchObject({ events: ['lead.stage_changed'], enabled: true });
    const { secret, id } = created.body;

    // Read back, the secret is never shown again.
    const read = await api.http.get(`/v1/webhook-endpoints/${id}`, { token: tenant.apiKey });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    const list = await api.http.get('/v1/webhook-endpoints', { token: tenant.apiKey });
    expect(list.body.data.map((e: Json) => e.id)).toEqual([id]);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const lead = await submitLead(api, partnerOf(tenant, 0).token);
    await moveLead(api, tenant, lead.id, 'qualified', 'Budget confirmed');

    const request = await eventually(
      () => receiver.requests.find((r) => r.path === '/signed'),
      'the signed delivery',
    );
    const verified = new Webhook(secret).verify(request.body, headersOf(request)) as Json;
    expect(verified).toMatchObject({
      id: request.headers['webhook-id'],
      type: 'lead.stage_changed',
      data: { from: 'new', to: 'qualified', reason: 'Budget confirmed', lead: { id: lead.id } },
    });
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(request.headers['content-type']).toBe('application/json');
    // A different secret (another endpoint's) does not verify it.
    const otherSecret = (
      await createEndpoint({ url: `${receiver.url}/unused`, events: ['customer.created'] })
    ).body.secret;
    expect(() => new Webhook(otherSecret).verify(request.body, headersOf(request))).toThrow();
    // lead.created was not subscribed: only the one event arrived.
    expect(receiver.requests.filter((r) => r.path === '/signed')).toHaveLength(1);

    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({
      eventType: 'lead.stage_changed',
      status: 'succeeded',
      attemptCount: 1,
      payload: { type: 'lead.stage_changed', data: { to: 'qualified' } },
    });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ statusCode: 200, responseExcerpt: 'ok', error: null }),
    ]);
  });

  it('retries a failing receiver with backoff: 500, 500, 500, then 200 on the fourth attempt', async () => {
    const created = await createEndpoint({
      url: `${receiver.url}/flaky`,
      events: ['lead.created'],
    });
    receiver.respondWith('/flaky', [500, 500, 500]);
    await submitLead(api, partnerOf(tenant, 1).token);

    const delivery = await eventually(async () => {
      const [first] = await deliveriesOf(created.body.id);
      return first?.status === 'succeeded' && first;
    }, 'the delivery to succeed');
    expect(delivery.attemptCount).toBe(4);
    expect(delivery.attempts.map((a: Json) => a.statusCode)).toEqual([500, 500, 500, 200]);
    for (const attempt of delivery.attempts) {
      expect(attempt.latencyMs).toEqual(expect.any(Number));
      // The response excerpt is capped at 1 kB.
      expect(Buffer.byteLength(attempt.responseExcerpt ?? '')).toBeLessThanOrEqual(1024);
    }
    expect(delivery.attempts[0].responseExcerpt).toMatch(/^failed with 500: x+$/);
    const requests = receiver.requests.filter((r) => r.path === '/flaky');
    expect(requests).toHaveLength(4);
    // Every retry is the same message: same id, same body, each freshly signed.
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const request of requests) {
      expect(() =>
        new Webhook(created.body.secret).verify(request.body, headersOf(request)),
      ).not.toThrow();
    }
  });

  it('gives up after the last attempt, then re-sends on request', async () => {
    const created = await createEndpoint({ url: `${receiver.url}/down`, events: ['lead.created'] });
    receiver.respondWith('/down', [503, 503, 503, 503, 503]);
    await submitLead(api, partnerOf(tenant, 0).token);
    const failed = await eventually(async () => {
      const [first] = await deliveriesOf(created.body.id);
      return first?.status === 'failed' && first;
    }, 'the delivery to fail');
    expect(failed.attemptCount).toBe(5);
    expect(failed.completedAt).toEqual(expect.any(String));

    const resent = await api.http.post(`/v1/webhook-deliveries/${failed.id}/resend`, undefined, {
      token: tenant.apiKey,
    });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ id: failed.id, status: 'pending' });
    const done = await eventually(async () => {
      const [first] = await deliveriesOf(created.body.id);
      return first?.status === 'succeeded' && first;
    }, 'the resent delivery to succeed');
    expect(done.attemptCount).toBe(6);
    expect(done.attempts.at(-1).statusCode).toBe(200);
  });

  it('does not follow redirects: a 3xx is a failed attempt, retried like any other', async () => {
    const created = await createEndpoint({
      url: `${receiver.url}/moved`,
      events: ['lead.created'],
    });
    receiver.respondWith('/moved', [302]);
    await submitLead(api, partnerOf(tenant, 0).token);
    const delivery = await eventually(async () => {
      const [first] = await deliveriesOf(created.body.id);
      return first?.status === 'succeeded' && first;
    }, 'the delivery after the redirect');
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ statusCode: 302, error: 'Redirect not followed' }),
      expect.objectContaining({ statusCode: 200, error: null }),
    ]);
  });

  it('rotates the secret: both the new and, for a while, the old secret verify', async () => {
    const created = await createEndpoint({
      url: `${receiver.url}/rotated`,
      events: ['lead.created'],
    });
    const rotated = await api.http.post(
      `/v1/webhook-endpoints/${created.body.id}/rotate-secret`,
      undefined,
      { token: tenant.apiKey },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    await submitLead(api, partnerOf(tenant, 0).token);
    const request = await eventually(
      () => receiver.requests.find((r) => r.path === '/rotated'),
      'the delivery after rotation',
    );
    expect(headersOf(request)['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() =>
      new Webhook(rotated.body.secret).verify(request.body, headersOf(request)),
    ).not.toThrow();
    expect(() =>
      new Webhook(created.body.secret).verify(request.body, headersOf(request)),
    ).not.toThrow();
  });

  it('updates, disables and deletes endpoints; a disabled endpoint gets nothing', async () => {
    const created = await createEndpoint({
      url: `${receiver.url}/paused`,
      events: ['lead.created'],
    });
    const id = created.body.id;
    const updated = await api.http.patch(
      `/v1/webhook-endpoints/${id}`,
      { enabled: false, events: ['lead.created', 'lead.updated'], description: 'Paused' },
      { token: tenant.apiKey },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      enabled: false,
      events: ['lead.created', 'lead.updated'],
      description: 'Paused',
    });
    await submitLead(api, partnerOf(tenant, 0).token);
    expect(await deliveriesOf(id)).toEqual([]);

    const removed = await api.http.delete(`/v1/webhook-endpoints/${id}`, { token: tenant.apiKey });
    expect(removed.status).toBe(204);
    const gone = await api.http.get(`/v1/webhook-endpoints/${id}`, { token: tenant.apiKey });
    expect(gone.status).toBe(404);
  });

  it('validates the events and the URL', async () => {
    const unknown = await createEndpoint({ url: `${receiver.url}/x`, events: ['lead.deleted'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('events.0');
    const none = await createEndpoint({ url: `${receiver.url}/x`, events: [] });
    expect(none.status).toBe(422);
    const ftp = await createEndpoint({ url: 'ftp://example.com/hook', events: ['lead.created'] });
    expect(ftp.status).toBe(422);
    expect(ftp.body.code).toBe('webhook_url_invalid');
    expect(ftp.body.errors[0].field).toBe('url');
    const types = await api.http.get('/v1/webhook-event-types', { token: tenant.apiKey });
    expect(types.body.data.map((t: Json) => t.type)).toContain('commission.created');
  });

  it('delivers commission.created, earned in the same transaction as the lead', async () => {
    const created = await createEndpoint({
      url: `${receiver.url}/commissions`,
      events: ['commission.created'],
    });
    const lead = await submitLead(api, partnerOf(tenant, 1).token);
    const request = await eventually(
      () => receiver.requests.find((r) => r.path === '/commissions'),
      'the commission webhook',
    );
    const event = new Webhook(created.body.secret).verify(request.body, headersOf(request)) as Json;
    expect(event).toMatchObject({
      type: 'commission.created',
      data: {
        commission: {
          leadId: lead.id,
          partnerId: partnerOf(tenant, 1).id,
          amount: 1000,
          currency: 'EUR',
          status: 'pending',
        },
      },
    });
  });

  it('announces imported leads like submitted ones: lead.created and their commissions', async () => {
    const own = await seedTenant(api.db, {
      partners: 1,
      offer: { rules: [{ kind: 'flat', stage: 'new', amount: { amount: 500, currency: 'EUR' } }] },
    });
    const endpoint = await createEndpoint(
      { url: `${receiver.url}/imported`, events: ['lead.created', 'commission.created'] },
      own.apiKey,
    );
    expect(endpoint.status).toBe(201);
    const emails = [uniqueEmail('imported'), uniqueEmail('imported')];
    const done = await importCsv(
      api,
      csvOf([
        ['Email', 'First name'],
        [emails[0] ?? '', 'Ada'],
        [emails[1] ?? '', 'Alan'],
        ['bad', 'X'],
      ]),
      { token: partnerOf(own, 0).token },
    );
    expect(done).toMatchObject({ status: 'completed', rowsImported: 2, rowsFailed: 1 });
    const events = await eventually(() => {
      const got = receiver.requests.filter((r) => r.path === '/imported');
      return got.length >= 4 ? got : undefined;
    }, 'the import’s webhooks');
    const verified = events.map(
      (request) =>
        new Webhook(endpoint.body.secret).verify(request.body, headersOf(request)) as Json,
    );
    const created = verified.filter((event) => event.type === 'lead.created');
    expect(created.map((event) => event.data.lead.email).sort()).toEqual([...emails].sort());
    for (const event of created) {
      expect(event.data.lead).toMatchObject({ source: 'import', importId: done.id, stage: 'new' });
    }
    expect(verified.filter((event) => event.type === 'commission.created')).toHaveLength(2);
  });

  it('documents the routes and every event payload in the OpenAPI document', async () => {
    const document = (await api.http.get('/v1/openapi.json')).body;
    const operations = Object.values(document.paths).flatMap((path: Json) =>
      Object.values(path).map((operation: Json) => operation.operationId),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'listWebhookEventTypes',
        'createWebhookEndpoint',
        'listWebhookEndpoints',
        'getWebhookEndpoint',
        'updateWebhookEndpoint',
        'deleteWebhookEndpoint',
        'rotateWebhookEndpointSecret',
        'listWebhookDeliveries',
        'resendWebhookDelivery',
      ]),
    );
    const schemas = document.components.schemas;
    for (const name of [
      'LeadCreatedWebhookEvent',
      'LeadUpdatedWebhookEvent',
      'LeadStageChangedWebhookEvent',
      'CustomerCreatedWebhookEvent',
      'TransactionCreatedWebhookEvent',
      'CommissionCreatedWebhookEvent',
      'ImportCompletedWebhookEvent',
    ]) {
      expect(schemas[name]?.properties?.data).toBeDefined();
    }
    expect(JSON.stringify(schemas.WebhookDelivery)).toContain('#/components/schemas/WebhookEvent');
  });

  it('answers 404 to another tenant on every webhook route', async () => {
    const created = await createEndpoint({ url: `${receiver.url}/mine`, events: ['lead.created'] });
    const id = created.body.id;
    await submitLead(api, partnerOf(tenant, 0).token);
    const [delivery] = await eventually(async () => {
      const list = await deliveriesOf(id);
      return list.length > 0 && list;
    }, 'a delivery');
    const token = other.apiKey;
    const attempts = [
      await api.http.get(`/v1/webhook-endpoints/${id}`, { token }),
      await api.http.patch(`/v1/webhook-endpoints/${id}`, { enabled: false }, { token }),
      await api.http.post(`/v1/webhook-endpoints/${id}/rotate-secret`, undefined, { token }),
      await api.http.get(`/v1/webhook-endpoints/${id}/deliveries`, { token }),
      await api.http.post(`/v1/webhook-deliveries/${delivery.id}/resend`, undefined, { token }),
      await api.http.delete(`/v1/webhook-endpoints/${id}`, { token }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    const theirs = await api.http.get('/v1/webhook-endpoints', { token });
    expect(theirs.body.data).toEqual([]);
    // Still there and unchanged for its owner.
    const mine = await api.http.get(`/v1/webhook-endpoints/${id}`, { token: tenant.apiKey });
    expect(mine.body.enabled).toBe(true);
    // Partners cannot manage webhooks at all.
    const partner = await api.http.get('/v1/webhook-endpoints', {
      token: partnerOf(tenant, 0).token,
    });
    expect(partner.status).toBe(403);
  });
});
