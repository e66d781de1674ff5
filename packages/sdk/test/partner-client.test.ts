import {
  Core,
  isLeadbridgeError,
  type LeadbridgeError,
  LeadsResource,
  MessagesResource,
  type MessageThreadPage,
} from '@leadbridge/sdk';
import {
  LeadbridgePartner,
  PartnerResource,
  PublicProgramsResource,
  randomUuid,
} from '@leadbridge/sdk/partner';
import { type RunningApi, startApi } from './support/api.js';
import { signUpTenant, type Tenant, unique } from './support/tenant.js';

// The small clients a partner page builds — `@leadbridge/sdk/partner`, or a `Core` with just
// the groups it needs — against the real API: same calls, errors and pages as `Leadbridge`.

async function failure(promise: Promise<unknown>): Promise<LeadbridgeError> {
  try {
    await promise;
  } catch (error) {
    if (isLeadbridgeError(error)) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('partner clients', () => {
  let api: RunningApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startApi();
    tenant = await signUpTenant(api.url);
  });
  afterAll(() => api?.close());

  it('does a partner page’s work with LeadbridgePartner alone', async () => {
    const { program, partner, partnerSession } = tenant;
    const visitor = new LeadbridgePartner({ baseUrl: api.url });
    const publicView = await visitor.programs.getPublic(program.publishableKey, { locale: 'de' });
    expect(publicView.name).toBe(program.name);
    expect(publicView.formSchema.fields.map((field) => field.key)).toContain('email');

    const lb = new LeadbridgePartner({ baseUrl: api.url, sessionToken: partnerSession.token });
    await expect(lb.partner.me()).resolves.toMatchObject({ partner: { id: partner.id } });
    const email = `pia-${unique()}@example.com`;
    const lead = await lb.leads.create({ email, firstName: 'Pia' });
    const page = await lb.leads.list({ q: email });
    expect(page.data.map((item) => item.id)).toEqual([lead.id]);
    await expect(lb.imports.template()).resolves.toContain('Email *');
    await expect(lb.commissions.totals()).resolves.toMatchObject({ data: [] });
    await expect(lb.customers.list()).resolves.toMatchObject({ data: [], nextCursor: null });
  });

  it('keeps the thread page’s unreadTotal, typed', async () => {
    const lb = new LeadbridgePartner({
      baseUrl: api.url,
      sessionToken: tenant.partnerSession.token,
    });
    const first = await lb.messages.startThread({ subject: 'Pricing', body: 'Any discount?' });
    const second = await lb.messages.startThread({ subject: 'Demo', body: 'Can we book one?' });
    await tenant.lb.messages.send(first.id, { body: 'Ten percent.' });
    await tenant.lb.messages.send(second.id, { body: 'Tuesday?' });
    await tenant.lb.messages.send(second.id, { body: 'Or Wednesday.' });

    // A one-thread page still counts the unread messages of every thread.
    const page: MessageThreadPage = await lb.messages.listThreads({ limit: 1 });
    expect(page.data).toHaveLength(1);
    expect(page.unreadTotal).toBe(3);
    await lb.messages.markRead(second.id);
    const { unreadTotal } = await lb.messages.listThreads({ limit: 1 });
    expect(unreadTotal).toBe(1);
    // Page by page, each page keeps it too.
    for await (const each of lb.messages.listThreads({ limit: 1 }).pages()) {
      expect(each.unreadTotal).toBe(1);
    }
  });

  it('builds a client of single groups on one Core, from either entry', async () => {
    const core = new Core({ baseUrl: api.url, sessionToken: tenant.partnerSession.token });
    const leads = new LeadsResource(core);
    const partner = new PartnerResource(core);
    const messages = new MessagesResource(core);
    await expect(partner.me()).resolves.toMatchObject({ program: { id: tenant.program.id } });

    // One idempotency key for one form, however often it is sent: the lead is created once.
    const email = `ola-${unique()}@example.com`;
    const idempotencyKey = randomUuid();
    const created = await leads.create({ email }, { idempotencyKey });
    const again = await leads.create({ email }, { idempotencyKey });
    expect(again.id).toBe(created.id);
    const duplicate = await failure(leads.create({ email }));
    expect(duplicate).toMatchObject({ status: 409, code: 'duplicate_lead' });
    await expect(messages.listThreads()).resolves.toHaveProperty('unreadTotal');

    // Without a session, the public route still answers; a partner route says who is missing.
    const visitor = new Core({ baseUrl: api.url });
    const programs = new PublicProgramsResource(visitor);
    await expect(programs.getPublic(tenant.program.publishableKey)).resolves.toMatchObject({
      name: tenant.program.name,
    });
    expect((await failure(new PartnerResource(visitor).me())).status).toBe(401);
  });
});
