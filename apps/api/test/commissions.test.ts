import { type MailCatcher, startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { eventually, partnerOf } from './support/fixtures';
import { moveLead, submitLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: assertions read JSON bodies of many shapes.
type Json = any;

/** $50 when a lead is qualified, and 20% of every payment for 12 months after the win. */
const OFFER = {
  rules: [
    {
      kind: 'flat' as const,
      stage: 'qualified' as const,
      amount: { amount: 5000, currency: 'USD' },
    },
    { kind: 'percentage' as const, basisPoints: 2000, months: 12 },
  ],
};

function monthsAfter(iso: string, months: number): string {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}

describe('commissions', () => {
  let catcher: MailCatcher;
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;
  /** The won lead's commissions: [flat for qualified, 20% of the 3-month payment]. */
  let earned: Json[] = [];

  const list = async (query = '', token = tenant.apiKey) =>
    (await api.http.get(`/v1/commissions${query}`, { token })).body;

  const pay = (customerId: string, externalId: string, amount: number, occurredAt: string) =>
    api.http.post(
      `/v1/customers/${customerId}/transactions`,
      { externalId, amount, currency: 'USD', occurredAt },
      { token: tenant.apiKey },
    );

  beforeAll(async () => {
    catcher = await startMailCatcher();
    api = await startTestApi({ SMTP_URL: catcher.smtpUrl });
    tenant = await seedTenant(api.db, { offer: OFFER });
    other = await seedTenant(api.db, { offer: OFFER });
  });
  afterAll(async () => {
    await api.close();
    await catcher.stop();
  });

  it('earns the offer: a flat amount at qualified, 20% of payments within 12 months of the win', async () => {
    const partner = partnerOf(tenant, 0);
    const lead = await submitLead(api, partner.token, { firstName: 'Mary', lastName: 'Jackson' });
    expect((await list()).data).toEqual([]);

    await moveLead(api, tenant, lead.id, 'qualified');
    // Reopened and qualified again: the flat commission is still paid once.
    await moveLead(api, tenant, lead.id, 'closed_lost');
    await moveLead(api, tenant, lead.id, 'qualified');
    const won = await moveLead(api, tenant, lead.id, 'closed_won');
    const customerId = won.customer.id;

    const inWindow = await pay(customerId, 'inv-3m', 12_345, monthsAfter(won.wonAt, 3));
    expect(inWindow.status).toBe(201);
    const lateOne = await pay(customerId, 'inv-13m', 50_000, monthsAfter(won.wonAt, 13));
    expect(lateOne.status).toBe(201);
    // The billing system retries the 3-month payment: recorded once, earned once.
    const retried = await pay(customerId, 'inv-3m', 12_345, monthsAfter(won.wonAt, 3));
    expect(retried.status).toBe(200);

    const page = await list();
    earned = page.data;
    expect(earned).toHaveLength(2);
    const [percentage, flat] = earned;
    expect(flat).toMatchObject({
      kind: 'flat',
      leadId: lead.id,
      partnerId: partner.id,
      partnerName: partner.name,
      leadName: 'Mary Jackson',
      amount: 5000,
      currency: 'USD',
      status: 'pending',
      transactionId: null,
    });
    expect(percentage).toMatchObject({
      kind: 'percentage',
      leadId: lead.id,
      customerId,
      transactionId: inWindow.body.id,
      amount: 2469, // 20% of $123.45, rounded half away from zero
      currency: 'USD',
      status: 'pending',
    });
    expect(percentage.description).toContain('20%');
    const { rows } = await api.db.query(
      `SELECT trigger_key FROM commissions WHERE company_id = $1 ORDER BY trigger_key`,
      [tenant.companyId],
    );
    expect(rows.map((r) => r.trigger_key)).toEqual([
      `stage:${lead.id}:qualified:0`,
      `txn:${inWindow.body.id}:1`,
    ]);
  });

  it('shows a partner only its own commissions, with totals per status in minor units', async () => {
    const mine = await list('', partnerOf(tenant, 0).token);
    expect(mine.data.map((c: Json) => c.id).sort()).toEqual(earned.map((c) => c.id).sort());
    expect(mine.data[0].statusChangedBy).toBeNull();
    const theirs = await list('', partnerOf(tenant, 1).token);
    expect(theirs.data).toEqual([]);
    const totals = await api.http.get('/v1/commissions/totals', {
      token: partnerOf(tenant, 0).token,
    });
    expect(totals.body).toEqual({
      data: [{ currency: 'USD', pending: 7469, approved: 0, paid: 0, declined: 0, count: 2 }],
    });
    const flatOnly = await list(`?status=pending&partnerId=${partnerOf(tenant, 0).id}&limit=1`);
    expect(flatOnly.data).toHaveLength(1);
    const next = await list(
      `?status=pending&partnerId=${partnerOf(tenant, 0).id}&limit=1&cursor=${flatOnly.nextCursor}`,
    );
    expect(next.data).toHaveLength(1);
    expect(next.nextCursor).toBeNull();
    expect(next.data[0].id).not.toBe(flatOnly.data[0].id);
  });

  it('approves, pays and declines in bulk, per id, following the allowed transitions', async () => {
    const [percentage, flat] = earned;
    const missing = '00000000-0000-4000-8000-000000000000';
    const approve = await api.http.post(
      '/v1/commissions/bulk-status',
      { ids: [flat.id, percentage.id, missing], status: 'approved' },
      { token: tenant.apiKey },
    );
    expect(approve.status).toBe(200);
    expect(approve.body.results).toEqual([
      expect.objectContaining({ id: flat.id, ok: true, changed: true }),
      expect.objectContaining({ id: percentage.id, ok: true, changed: true }),
      { id: missing, ok: false, code: 'not_found', detail: 'Commission was not found.' },
    ]);
    const approved = approve.body.results[0].commission;
    expect(approved).toMatchObject({
      status: 'approved',
      approvedAt: expect.any(String),
      statusChangedAt: expect.any(String),
      statusChangedBy: { type: 'api_key', id: expect.any(String), name: 'test key' },
      version: 2,
    });

    const paid = await api.http.post(
      '/v1/commissions/bulk-status',
      { ids: [flat.id], status: 'paid' },
      { token: tenant.apiKey },
    );
    expect(paid.body.results[0].commission).toMatchObject({
      status: 'paid',
      paidAt: expect.any(String),
    });
    // Paid is final: declining it is refused for that id, with what would be allowed.
    const decline = await api.http.post(
      '/v1/commissions/bulk-status',
      { ids: [flat.id, percentage.id], status: 'declined', reason: 'Duplicate of an older deal' },
      { token: tenant.apiKey },
    );
    expect(decline.body.results[0]).toMatchObject({
      id: flat.id,
      ok: false,
      code: 'invalid_commission_transition',
      allowedStatuses: [],
    });
    expect(decline.body.results[1].commission).toMatchObject({
      status: 'declined',
      declineReason: 'Duplicate of an older deal',
      declinedAt: expect.any(String),
    });
    // Asking again for the status it has is harmless (a retried request).
    const again = await api.http.post(
      '/v1/commissions/bulk-status',
      { ids: [flat.id], status: 'paid' },
      { token: tenant.apiKey },
    );
    expect(again.body.results[0]).toMatchObject({ ok: true, changed: false });

    const totals = await api.http.get('/v1/commissions/totals', { token: tenant.apiKey });
    expect(totals.body.data).toEqual([
      { currency: 'USD', pending: 0, approved: 0, paid: 5000, declined: 2469, count: 2 },
    ]);
    const invalid = await api.http.post(
      '/v1/commissions/bulk-status',
      { ids: [flat.id], status: 'pending' },
      { token: tenant.apiKey },
    );
    expect(invalid.status).toBe(422);
    const asPartner = await api.http.post(
      '/v1/commissions/bulk-status',
      { ids: [flat.id], status: 'approved' },
      { token: partnerOf(tenant, 0).token },
    );
    expect(asPartner.status).toBe(403);
  });

  it('emails the partner when a commission is approved and when it is paid', async () => {
    const partner = partnerOf(tenant, 0);
    const mails = await eventually(() => {
      const found = catcher
        .messages()
        .filter((m) => m.to.includes(partner.email) && m.subject.startsWith('Commission'));
      return found.length >= 3 && found;
    }, 'the commission emails');
    expect(mails.map((m) => m.subject.split(':')[0]).sort()).toEqual([
      'Commission approved',
      'Commission approved',
      'Commission paid',
    ]);
    const paid = mails.find((m) => m.subject.startsWith('Commission paid'));
    expect(paid?.subject).toContain('$50.00 for Mary Jackson');
  });

  it('exports the commissions as a spreadsheet-safe CSV', async () => {
    const partner = partnerOf(tenant, 1);
    const lead = await submitLead(api, partner.token, { firstName: '=HYPERLINK("http://evil")' });
    await moveLead(api, tenant, lead.id, 'qualified');
    const response = await api.http.get('/v1/commissions/export.csv', { token: tenant.apiKey });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="commissions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'commission_id,created_at,status,program_id,partner_id,partner_name,lead_id,lead_name,lead_email,kind,description,amount,amount_minor,currency,customer_id,transaction_id,approved_at,paid_at,declined_at,decline_reason',
    );
    expect(lines).toHaveLength(4);
    const evil = lines.find((line) => line.includes('HYPERLINK'));
    expect(evil).toContain(`,"'=HYPERLINK(""http://evil"") Lovelace",`);
    expect(lines.find((line) => line.includes(',paid,'))).toContain(',50,5000,USD,');
    const filtered = await api.http.get(`/v1/commissions/export.csv?status=paid`, {
      token: tenant.apiKey,
    });
    expect(filtered.text.trimEnd().split('\r\n')).toHaveLength(2);
    const otherExport = await api.http.get('/v1/commissions/export.csv', { token: other.apiKey });
    expect(otherExport.text.trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('answers 404 to another tenant and never lists its commissions', async () => {
    const [, flat] = earned;
    const mine = await api.http.get(`/v1/commissions/${flat.id}`, { token: tenant.apiKey });
    expect(mine.status).toBe(200);
    expect(mine.body.id).toBe(flat.id);
    const theirs = await api.http.get(`/v1/commissions/${flat.id}`, { token: other.apiKey });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('not_found');
    const otherPartner = await api.http.get(`/v1/commissions/${flat.id}`, {
      token: partnerOf(other, 0).token,
    });
    expect(otherPartner.status).toBe(404);
    const sameCompanyOtherPartner = await api.http.get(`/v1/commissions/${flat.id}`, {
      token: partnerOf(tenant, 1).token,
    });
    expect(sameCompanyOtherPartner.status).toBe(404);
    expect((await list('', other.apiKey)).data).toEqual([]);
    const bulk = await api.http.post(
      '/v1/commissions/bulk-status',
      { ids: [flat.id], status: 'declined' },
      { token: other.apiKey },
    );
    expect(bulk.body.results).toEqual([
      { id: flat.id, ok: false, code: 'not_found', detail: 'Commission was not found.' },
    ]);
    const totals = await api.http.get('/v1/commissions/totals', { token: other.apiKey });
    expect(totals.body.data).toEqual([]);
  });
});
