import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  type Import,
  isLeadbridgeError,
  type Leadbridge,
  type LeadbridgeError,
  type ProblemCodeOf,
  type WebhookEvent,
} from '@leadbridge/sdk';
import { verify } from '@leadbridge/sdk/webhooks';
import { type RunningApi, startApi } from './support/api.js';
import { signUpTenant, type Tenant, unique } from './support/tenant.js';

// Webhooks received for real from the API's delivery worker, and CSV imports in every form
// the SDK takes (text, File, stream), through the SDK against the real API.

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A webhook receiver on localhost: records each POST's raw body and headers. */
async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function finished(client: Leadbridge, created: Import): Promise<Import> {
  return eventually(async () => {
    const current = await client.imports.get(created.id);
    return ['completed', 'failed', 'cancelled'].includes(current.status) ? current : undefined;
  }, `import ${created.id}`);
}

describe('webhooks and imports', () => {
  let api: RunningApi;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let tenant: Tenant;
  let secret: string;
  let endpointId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    // The receiver is on loopback, which the API refuses unless told this is development.
    api = await startApi({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    tenant = await signUpTenant(api.url);
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  it('subscribes an endpoint and delivers a signed event the SDK verifies', async () => {
    const types = await tenant.lb.webhooks.eventTypes();
    expect(types.map((type) => type.type)).toEqual(
      expect.arrayContaining(['lead.created', 'import.completed']),
    );
    const endpoint = await tenant.lb.webhooks.endpoints.create({
      url: receiver.url,
      events: ['lead.created', 'import.completed'],
      description: 'CRM sync',
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    secret = endpoint.secret;
    endpointId = endpoint.id;

    const lead = await tenant.asPartner.leads.create({ email: `hook-${unique()}@example.com` });
    const delivery = await eventually(
      () => receiver.received.find((item) => item.body.includes(lead.id)),
      'the lead.created webhook',
    );
    const event = await verify<WebhookEvent>(delivery.body, delivery.headers, secret);
    expect(event.type).toBe('lead.created');
    if (event.type !== 'lead.created') throw new Error('unexpected event');
    expect(event.data.lead.id).toBe(lead.id);
    // The same delivery with a changed body or the wrong secret is refused.
    await expect(
      verify(delivery.body.replace(lead.id, 'x'), delivery.headers, secret),
    ).rejects.toThrow();
    await expect(
      verify(delivery.body, delivery.headers, `whsec_${Buffer.from('wrong').toString('base64')}`),
    ).rejects.toThrow();
  });

  it('logs deliveries and resends one on request', async () => {
    const log = await eventually(async () => {
      const page = await tenant.lb.webhooks.deliveries.list(endpointId);
      return page.data.some((item) => item.status === 'succeeded') ? page : undefined;
    }, 'a succeeded delivery');
    const [delivery] = log.data;
    if (!delivery) throw new Error('no delivery');
    expect(delivery.attempts.length).toBeGreaterThan(0);

    const before = receiver.received.length;
    await tenant.lb.webhooks.deliveries.resend(delivery.id);
    const again = await eventually(
      () => (receiver.received.length > before ? receiver.received.at(-1) : undefined),
      'the resent delivery',
    );
    expect(again.headers['webhook-id']).toBe(delivery.eventId);
    await expect(
      tenant.lb.webhooks.verify(again.body, again.headers, secret),
    ).resolves.toMatchObject({
      id: delivery.eventId,
    });
  });

  it('rotates the secret: both secrets verify while the old one is retired', async () => {
    const rotated = await tenant.lb.webhooks.endpoints.rotateSecret(endpointId);
    expect(rotated.secret).not.toBe(secret);
    const before = receiver.received.length;
    await tenant.asPartner.leads.create({ email: `rotate-${unique()}@example.com` });
    const delivery = await eventually(
      () => (receiver.received.length > before ? receiver.received.at(-1) : undefined),
      'a delivery after rotation',
    );
    await expect(verify(delivery.body, delivery.headers, rotated.secret)).resolves.toBeDefined();
    await expect(verify(delivery.body, delivery.headers, secret)).resolves.toBeDefined();
    secret = rotated.secret;
  });

  it('imports CSV text, reports failed rows in an error CSV, and notifies the webhook', async () => {
    const template = await tenant.asPartner.imports.template();
    expect(template).toContain('Email *');
    const tag = unique();
    const csv = [
      'Email,First name,Last name,Company',
      `ada-${tag}@example.com,Ada,Lovelace,Engines`,
      `not-an-email-${tag},Bad,Row,Nowhere`,
      `alan-${tag}@example.com,Alan,Turing,Bletchley`,
    ].join('\n');
    const created = await tenant.asPartner.imports.create(csv, { fileName: 'partners-q1.csv' });
    expect(created.fileName).toBe('partners-q1.csv');
    const done = await finished(tenant.asPartner, created);
    expect(done).toMatchObject({ status: 'completed', rowsImported: 2, rowsFailed: 1 });

    const errors = await tenant.asPartner.imports.errorsCsv(done.id);
    expect(errors).toContain(`not-an-email-${tag}`);
    expect(errors).not.toContain(`ada-${tag}`);
    const imported = await tenant.asPartner.leads.list({ q: tag });
    expect(imported.data.map((lead) => lead.source)).toEqual(['import', 'import']);

    // Each imported lead is announced like a submitted one, then the import itself.
    const notified = await eventually(() => {
      const about = receiver.received.filter((item) => item.body.includes(done.id));
      return about.length >= 3 ? about : undefined;
    }, 'the lead.created and import.completed webhooks');
    const events = await Promise.all(
      notified.map((item) => verify(item.body, item.headers, secret)),
    );
    expect(events.map((event) => event.type).sort()).toEqual([
      'import.completed',
      'lead.created',
      'lead.created',
    ]);
  });

  it('imports a File for a partner as the company, keeping the file name', async () => {
    const tag = unique();
    const file = new File([`Email\nfile-${tag}@example.com\n`], 'from-crm.csv', {
      type: 'text/csv',
    });
    const created = await tenant.lb.imports.create(file, {
      programId: tenant.program.id,
      partnerKey: tenant.partnerKey,
    });
    expect(created.fileName).toBe('from-crm.csv');
    expect(created.createdBy.type).toBe('api_key');
    await expect(finished(tenant.lb, created)).resolves.toMatchObject({ rowsImported: 1 });
    const template = await tenant.lb.imports.template(tenant.program.id);
    expect(template).toContain('Email *');
  });

  it('streams an upload from a Node stream, with a corrected column mapping', async () => {
    const tag = unique();
    // Column 1's header means nothing to the mapper; the mapping names its field.
    const rows = [
      'Contact,Who\n',
      `stream-a-${tag}@example.com,Sam\n`,
      `stream-b-${tag}@example.com,Kim\n`,
    ];
    const created = await tenant.asPartner.imports.create(Readable.from(rows), {
      fileName: 'stream.csv',
      mapping: { '0': 'email', '1': 'firstName' },
    });
    const done = await finished(tenant.asPartner, created);
    expect(done).toMatchObject({ status: 'completed', rowsImported: 2 });
    const history = await tenant.asPartner.imports.list();
    expect(history.data.map((item) => item.fileName)).toEqual([
      'stream.csv',
      'from-crm.csv',
      'partners-q1.csv',
    ]);
  });

  it('dry-runs a file: the mapping, counts and first problems, and no import is made', async () => {
    const before = (await tenant.asPartner.imports.list()).data.length;
    const preview = await tenant.asPartner.imports.dryRun(
      'E-mail,Nom\nok@example.com,A\nbroken,B\nok@example.com,C\n',
      { mapping: { '1': 'lastName' } },
    );
    expect(preview).toMatchObject({
      mapping: { '0': 'email', '1': 'lastName' },
      ready: true,
      rowsTotal: 3,
      rowsValid: 1,
      rowsFailed: 1,
      rowsDuplicate: 1,
    });
    expect(preview.problems[0]).toMatchObject({
      row: 3,
      errors: [expect.objectContaining({ field: 'email', code: 'invalid_email' })],
    });
    expect((await tenant.asPartner.imports.list()).data).toHaveLength(before);
  });

  it('cancels a running import and refuses to cancel a finished one with a typed code', async () => {
    const tag = unique();
    const rows = ['Email'];
    for (let i = 0; i < 50_000; i++) rows.push(`cancel-${i}-${tag}@example.com`);
    const created = await tenant.asPartner.imports.create(`${rows.join('\n')}\n`, {
      fileName: 'big.csv',
    });
    const cancelled = await tenant.asPartner.imports.cancel(created.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.rowsImported).toBeLessThan(50_000);
    const history = await tenant.asPartner.imports.list();
    expect(history.data.find((item) => item.id === created.id)?.status).toBe('cancelled');

    const done = await finished(
      tenant.asPartner,
      await tenant.asPartner.imports.create(`Email\nlast-${tag}@example.com\n`),
    );
    const refused = await tenant.asPartner.imports.cancel(done.id).catch((error: unknown) => error);
    expect(isLeadbridgeError(refused)).toBe(true);
    // Typed: the code is one cancelImport documents (this stops compiling if it no longer is).
    const documented: ProblemCodeOf<'cancelImport'> = 'import_not_running';
    expect((refused as LeadbridgeError).code).toBe(documented);
    expect((refused as LeadbridgeError).status).toBe(409);
  });

  it('edits, reads and deletes an endpoint', async () => {
    const disabled = await tenant.lb.webhooks.endpoints.update(endpointId, { enabled: false });
    expect(disabled.enabled).toBe(false);
    await expect(tenant.lb.webhooks.endpoints.get(endpointId)).resolves.toMatchObject({
      enabled: false,
      description: 'CRM sync',
    });
    await expect(tenant.lb.webhooks.endpoints.list()).resolves.toHaveLength(1);
    await tenant.lb.webhooks.endpoints.delete(endpointId);
    await expect(tenant.lb.webhooks.endpoints.list()).resolves.toEqual([]);
  });
});
