import { isLeadbridgeError, type Lead, Leadbridge, type LeadbridgeError } from '@leadbridge/sdk';
import { type RunningApi, startApi } from './support/api.js';
import { signUpTenant, type Tenant, unique } from './support/tenant.js';

// A lead's whole life through the SDK against the real API: submitted by a partner, found,
// edited, qualified and won by the company, paid for, earning commissions, talked about.

async function failure(promise: Promise<unknown>): Promise<LeadbridgeError> {
  try {
    await promise;
  } catch (error) {
    if (isLeadbridgeError(error)) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('leads, customers, commissions and messages', () => {
  let api: RunningApi;
  let tenant: Tenant;
  let lead: Lead;

  beforeAll(async () => {
    api = await startApi();
    tenant = await signUpTenant(api.url);
  });
  afterAll(() => api?.close());

  it('lets a partner submit a lead and the company read it', async () => {
    const email = `jane-${unique()}@example.com`;
    lead = await tenant.asPartner.leads.create({
      email,
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Doe Ltd',
    });
    expect(lead).toMatchObject({ email, stage: 'new', partner: { id: tenant.partner.id } });
    await expect(tenant.lb.leads.get(lead.id)).resolves.toMatchObject({ id: lead.id, email });
  });

  it('reports invalid fields as a typed 422 with per-field errors', async () => {
    const error = await failure(tenant.asPartner.leads.create({ email: 'not-an-email' }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.errors[0]?.field).toBe('email');
    expect(error.errors[0]?.message).toBeTruthy();
  });

  it('refuses a lead already registered with 409 duplicate_lead', async () => {
    const error = await failure(
      tenant.lb.leads.create({
        email: lead.email.toUpperCase(),
        programId: tenant.program.id,
        partnerKey: tenant.partnerKey,
      }),
    );
    expect(error).toMatchObject({ status: 409, code: 'duplicate_lead' });
  });

  it('retries a write whose answer was lost, and the retry replays the one lead created', async () => {
    const email = `retry-${unique()}@example.com`;
    const sent: { key: string | null; replayed: string | null }[] = [];
    let createdByFirstAttempt: Lead | undefined;
    // The first POST reaches the API and is processed; then the "network" drops the answer.
    const flaky = async (input: Request) => {
      const response = await fetch(input);
      sent.push({
        key: input.headers.get('idempotency-key'),
        replayed: response.headers.get('idempotent-replayed'),
      });
      if (input.method === 'POST' && sent.length === 1) {
        createdByFirstAttempt = (await response.json()) as Lead;
        throw new TypeError('fetch failed: connection reset after the request was sent');
      }
      return response;
    };
    const partner = new Leadbridge({
      baseUrl: api.url,
      sessionToken: tenant.partnerSession.token,
      fetch: flaky,
    });
    const returned = await partner.leads.create({ email, firstName: 'Retry' });

    expect(sent).toHaveLength(2);
    expect(sent[0]?.key).toBeTruthy();
    expect(sent[1]?.key).toBe(sent[0]?.key);
    expect(sent[1]?.replayed).toBe('true');
    expect(returned.id).toBe(createdByFirstAttempt?.id);
    const found = await tenant.lb.leads.list({ q: email });
    expect(found.data.map((item) => item.id)).toEqual([returned.id]);
  });

  it('pages through more leads than fit on one page, awaited or iterated', async () => {
    const tag = unique();
    const created: string[] = [];
    for (let n = 0; n < 7; n++) {
      const item = await tenant.lb.leads.create({
        email: `page-${n}-${tag}@example.com`,
        programId: tenant.program.id,
        partnerKey: tenant.partnerKey,
      });
      created.push(item.id);
    }
    const first = await tenant.lb.leads.list({ q: tag, limit: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));

    const all: string[] = [];
    for await (const item of tenant.lb.leads.list({ q: tag, limit: 3 })) all.push(item.id);
    // Newest first, every lead once.
    expect(all).toEqual([...created].reverse());

    const pages: number[] = [];
    for await (const page of tenant.asPartner.leads.list({ q: tag, limit: 3 }).pages()) {
      pages.push(page.data.length);
    }
    expect(pages).toEqual([3, 3, 1]);
    // Starting from a cursor resumes the list there.
    const rest = await tenant.lb.leads
      .list({ q: tag, limit: 3, cursor: first.nextCursor ?? '' })
      .toArray();
    expect(rest.map((item) => item.id)).toEqual(all.slice(3));
  });

  it('edits a lead with optimistic concurrency', async () => {
    const edited = await tenant.asPartner.leads.update(lead.id, {
      version: lead.version,
      company: 'Doe Holdings',
    });
    expect(edited.company).toBe('Doe Holdings');
    expect(edited.version).toBeGreaterThan(lead.version);
    const stale = await failure(
      tenant.asPartner.leads.update(lead.id, { version: lead.version, company: 'Stale' }),
    );
    expect(stale).toMatchObject({ status: 409, code: 'version_conflict' });
    lead = edited;
  });

  it('moves leads through stages, one and many, and records the history', async () => {
    const qualified = await tenant.lb.leads.changeStage(lead.id, { stage: 'qualified' });
    expect(qualified.stage).toBe('qualified');
    // Partners do not change stages.
    expect(
      (await failure(tenant.asPartner.leads.changeStage(lead.id, { stage: 'new' }))).status,
    ).toBe(403);

    const others = await tenant.lb.leads.list({ stage: 'new', limit: 2 });
    const results = await tenant.lb.leads.bulkChangeStage({
      ids: [...others.data.map((item) => item.id), '00000000-0000-4000-8000-000000000000'],
      stage: 'unqualified',
      reason: 'Out of territory',
    });
    expect(results.filter((result) => result.ok)).toHaveLength(others.data.length);
    expect(results.at(-1)).toMatchObject({ ok: false, code: 'not_found' });

    const won = await tenant.lb.leads.changeStage(lead.id, { stage: 'closed_won' });
    expect(won.stage).toBe('closed_won');
    expect(won.customer).toMatchObject({ status: 'signed_up' });
    const reopened = await failure(tenant.lb.leads.changeStage(lead.id, { stage: 'new' }));
    expect(reopened).toMatchObject({ status: 422, code: 'invalid_stage_transition' });

    const history = await tenant.asPartner.leads.history(lead.id).toArray();
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(history.map((event) => event.type)).toEqual(
      expect.arrayContaining([expect.stringMatching(/created/), expect.stringMatching(/stage/)]),
    );
    lead = won;
  });

  it('records transactions on the customer, once per externalId', async () => {
    const customerId = lead.customer?.id ?? '';
    const customers = await tenant.asPartner.customers.list();
    expect(customers.data.map((customer) => customer.id)).toContain(customerId);

    const externalId = `inv_${unique()}`;
    const payment = await tenant.lb.customers.transactions.create(customerId, {
      amount: 10_000,
      currency: 'EUR',
      externalId,
      description: 'First invoice',
    });
    const again = await tenant.lb.customers.transactions.create(customerId, {
      amount: 10_000,
      currency: 'EUR',
      externalId,
    });
    expect(again.id).toBe(payment.id);
    const transactions = await tenant.asPartner.customers.transactions.list(customerId);
    expect(transactions.data.map((item) => item.id)).toEqual([payment.id]);
    await expect(tenant.lb.customers.get(customerId)).resolves.toMatchObject({
      status: 'paid',
      revenue: { amount: 10_000, currency: 'EUR' },
    });
  });

  it('earns commissions the company approves and pays', async () => {
    const earned = await tenant.lb.commissions.list({ leadId: lead.id }).toArray();
    // 50 EUR for the win, 10 % of the 100 EUR payment.
    expect(earned.map((item) => item.amount).sort((a, b) => a - b)).toEqual([1000, 5000]);
    const [first] = earned;
    await expect(tenant.asPartner.commissions.get(first?.id ?? '')).resolves.toMatchObject({
      status: 'pending',
    });

    const results = await tenant.lb.commissions.updateStatus({
      ids: earned.map((item) => item.id),
      status: 'approved',
    });
    expect(results.every((result) => result.ok)).toBe(true);
    const totals = await tenant.asPartner.commissions.totals();
    expect(totals.data).toEqual([expect.objectContaining({ currency: 'EUR', approved: 6000 })]);
    const csv = await tenant.lb.commissions.exportCsv({ status: 'approved' });
    expect(csv).toContain(lead.email);

    const paid = await tenant.lb.commissions.updateStatus({
      ids: earned.map((item) => item.id),
      status: 'paid',
    });
    expect(paid.map((result) => result.commission?.status)).toEqual(['paid', 'paid']);
    const after = await tenant.asPartner.commissions.totals();
    expect(after.data).toEqual([expect.objectContaining({ approved: 0, paid: 6000 })]);
  });

  it('carries a conversation between partner and company', async () => {
    const thread = await tenant.asPartner.messages.startThread({
      subject: 'About Jane',
      body: 'Any news on this lead?',
      leadId: lead.id,
    });
    const inbox = await tenant.lb.messages.listThreads();
    expect(inbox.data.find((item) => item.id === thread.id)?.unreadCount).toBe(1);
    await tenant.lb.messages.send(thread.id, { body: 'Signed today!' });
    const read = await tenant.lb.messages.markRead(thread.id);
    expect(read.unreadCount).toBe(0);

    const messages = await tenant.asPartner.messages.list(thread.id).toArray();
    expect(messages.map((message) => message.body)).toEqual([
      'Signed today!',
      'Any news on this lead?',
    ]);
    await expect(tenant.asPartner.messages.getThread(thread.id)).resolves.toMatchObject({
      subject: 'About Jane',
      unreadCount: 1,
    });
  });

  it('aggregates the dashboard', async () => {
    const funnel = await tenant.lb.analytics.funnel({ programId: tenant.program.id });
    const won = funnel.steps.find((step) => step.key === 'won');
    expect(won?.count).toBe(1);
    const byWeek = await tenant.lb.analytics.leadsByWeek();
    expect(byWeek.data.length).toBeGreaterThan(0);
    const revenue = await tenant.lb.analytics.revenue();
    expect(revenue.data).toEqual([expect.objectContaining({ currency: 'EUR' })]);
    const top = await tenant.lb.analytics.topPartners({ sort: 'won' });
    expect(top.data[0]?.partner.id).toBe(tenant.partner.id);
  });
});
