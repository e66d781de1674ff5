import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Offer } from '@leadbridge/core';
import { type SeededTenant, seedTenant } from '../support/seed';
import type { TestApi } from '../support/test-api';
import { bearer, type Credentials, must, until } from './http';

/** Flat 50.00 per won lead and 10% of payments for a year: every lead path earns something. */
const OFFER: Offer = {
  rules: [
    { kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'USD' } },
    { kind: 'percentage', basisPoints: 1000, months: 12 },
  ],
};

/** A short random tag put into every name, email and text a slice of data owns. */
export const newMarker = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

/** One partner's data in one program: what a partner session there may see, and nothing else. */
export interface Slice {
  marker: string;
  companyId: string;
  programId: string;
  partnerId: string;
  partnerKey: string;
  partnerEmail: string;
  /** Session of this partner in this program. */
  token: string;
  /** Leads in stages new, qualified, closed_won, closed_lost (in that order). */
  leadIds: string[];
  leadEmails: string[];
  wonLeadId: string;
  customerId: string;
  transactionId: string;
  commissionIds: string[];
  importId: string;
  threadId: string;
}

export interface CompanyWorld {
  marker: string;
  tenant: SeededTenant;
  companyId: string;
  apiKey: string;
  /** An admin who signed in through an invitation: a cookie session with its CSRF token. */
  user: { id: string; email: string; credentials: Credentials };
  program1Id: string;
  program2Id: string;
  publishableKey: string;
  program2PublishableKey: string;
  /** Partner 1 in program 1, partner 2 in program 1, partner 1 in program 2. */
  p1: Slice;
  p2: Slice;
  p1InProgram2: Slice;
  extraPartnerId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  createdApiKeyId: string;
  pendingInvitationId: string;
  pendingInvitationToken: string;
  /** A confirmed application to program 1, waiting for the company's decision. */
  applicationId: string;
}

/** Answers 204 to every webhook: deliveries settle as `succeeded`. */
export async function startWebhookSink(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function cookieFrom(setCookie: string | null): string {
  const match = /lb_session=([^;]+)/.exec(setCookie ?? '');
  if (!match?.[1]) throw new Error(`no session cookie in ${setCookie}`);
  return `lb_session=${match[1]}`;
}

async function acceptInvitationAs(
  api: TestApi,
  company: Credentials,
  email: string,
  name: string,
): Promise<{ id: string; email: string; credentials: Credentials }> {
  const invitation = await must(api, company, 'POST', '/v1/invitations', {
    body: { email, role: 'admin' },
  });
  const token = new URL(invitation.acceptUrl).searchParams.get('token') ?? '';
  const accepted = await api.http.post('/v1/auth/accept-invitation', {
    token,
    name,
    password: `pw-${randomBytes(12).toString('hex')}`,
  });
  if (accepted.status !== 201) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  return {
    id: accepted.body.user.id,
    email,
    credentials: {
      kind: 'cookie',
      cookie: cookieFrom(accepted.headers.get('set-cookie')),
      csrf: accepted.body.csrfToken,
    },
  };
}

/** Leads in four stages, a customer with a payment, commissions, an import and a thread. */
async function fillSlice(
  api: TestApi,
  company: Credentials,
  base: {
    companyId: string;
    programId: string;
    partnerId: string;
    partnerKey: string;
    partnerEmail: string;
    token: string;
  },
  marker: string,
): Promise<Slice> {
  const partner = bearer(base.token);
  const leadIds: string[] = [];
  const leadEmails: string[] = [];
  for (let i = 0; i < 4; i++) {
    const email = `lead${i}.${marker}@example.com`;
    const lead = await must(api, partner, 'POST', '/v1/leads', {
      body: {
        email,
        firstName: `First${i} ${marker}`,
        lastName: `Last ${marker}`,
        company: `Co ${marker}`,
      },
    });
    leadIds.push(lead.id);
    leadEmails.push(email);
  }
  const [, qualified, won, lost] = leadIds as [string, string, string, string];
  await must(api, company, 'POST', `/v1/leads/${qualified}/stage`, {
    body: { stage: 'qualified' },
  });
  const wonLead = await must(api, company, 'POST', `/v1/leads/${won}/stage`, {
    body: { stage: 'closed_won' },
  });
  await must(api, company, 'POST', `/v1/leads/${lost}/stage`, { body: { stage: 'closed_lost' } });
  const customerId: string = wonLead.customer?.id;
  if (!customerId) throw new Error(`won lead has no customer: ${JSON.stringify(wonLead)}`);
  const transaction = await must(api, company, 'POST', `/v1/customers/${customerId}/transactions`, {
    body: {
      externalId: `tx-${marker}`,
      amount: 12_000,
      currency: 'USD',
      description: `Pay ${marker}`,
    },
  });
  const commissions = await must(api, company, 'GET', '/v1/commissions', {
    query: { leadId: won },
  });
  const csv = [
    'First name,Last name,Email,Company',
    `Imp1,${marker},imp1.${marker}@example.com,Imported ${marker}`,
    `Imp2,${marker},imp2.${marker}@example.com,Imported ${marker}`,
    `Bad,${marker},not-an-email-${marker},Imported ${marker}`,
  ].join('\r\n');
  const created = await must(api, partner, 'POST', '/v1/imports', {
    query: { fileName: `leads-${marker}.csv` },
    raw: { body: csv, contentType: 'text/csv' },
  });
  await until(`import ${created.id}`, async () => {
    const current = await must(api, partner, 'GET', `/v1/imports/${created.id}`);
    return current.status === 'completed' || current.status === 'failed';
  });
  const thread = await must(api, partner, 'POST', '/v1/message-threads', {
    body: { subject: `Subject ${marker}`, body: `Question ${marker}`, leadId: leadIds[0] },
  });
  await must(api, company, 'POST', `/v1/message-threads/${thread.id}/messages`, {
    body: { body: `Answer ${marker}` },
  });
  return {
    marker,
    ...base,
    leadIds,
    leadEmails,
    wonLeadId: won,
    customerId,
    transactionId: transaction.id,
    commissionIds: commissions.data.map((c: { id: string }) => c.id),
    importId: created.id,
    threadId: thread.id,
  };
}

/**
 * A company with everything a company or partner can own, created through the API the way its
 * users would: two programs, three partners, sessions, leads in every stage, a customer with a
 * payment, commissions, imports, message threads, a webhook endpoint with deliveries, an API
 * key, a second user and a pending invitation. Names and emails carry markers, so a response
 * that mentions any of it is caught.
 */
export async function buildCompany(
  api: TestApi,
  webhookUrl: string,
  markers: { company: string; p1: string; p2: string; p1InProgram2: string },
): Promise<CompanyWorld> {
  const tenant = await seedTenant(api.db, {
    name: `Company ${markers.company}`,
    partners: 2,
    offer: OFFER,
  });
  const company = bearer(tenant.apiKey);
  const [seeded1, seeded2] = tenant.partners as [
    SeededTenant['partners'][number],
    SeededTenant['partners'][number],
  ];
  // Names and emails that carry the slice markers, set the way a company would.
  await must(api, company, 'PATCH', `/v1/partners/${seeded1.id}`, {
    body: { name: `Partner ${markers.p1}`, email: `partner.${markers.p1}@example.com` },
  });
  await must(api, company, 'PATCH', `/v1/partners/${seeded2.id}`, {
    body: { name: `Partner ${markers.p2}`, email: `partner.${markers.p2}@example.com` },
  });
  const endpoint = await must(api, company, 'POST', '/v1/webhook-endpoints', {
    body: {
      url: `${webhookUrl}/hooks/${markers.company}`,
      events: ['lead.created', 'lead.stage_changed', 'customer.created', 'commission.created'],
      description: `Hook ${markers.company}`,
    },
  });
  const user = await acceptInvitationAs(
    api,
    company,
    `admin.${markers.company}@example.com`,
    `Admin ${markers.company}`,
  );
  const createdKey = await must(api, user.credentials, 'POST', '/v1/api-keys', {
    body: { name: `Key ${markers.company}` },
  });
  const pending = await must(api, company, 'POST', '/v1/invitations', {
    body: { email: `invitee.${markers.company}@example.com`, role: 'member' },
  });
  const program2 = await must(api, company, 'POST', '/v1/programs', {
    body: { name: `Program ${markers.p1InProgram2}`, currency: 'USD', offer: OFFER },
  });
  const enrolment = await must(api, company, 'POST', `/v1/programs/${program2.id}/partners`, {
    body: { partnerId: seeded1.id, partnerKey: `key-${markers.p1InProgram2}` },
  });
  const session2 = await must(api, company, 'POST', '/v1/partner-sessions', {
    body: { programId: program2.id, partnerId: seeded1.id },
  });
  const extra = await must(api, company, 'POST', '/v1/partners', {
    body: {
      name: `Extra ${markers.company}`,
      email: `extra.${markers.company}@example.com`,
      programIds: [tenant.programId],
    },
  });
  const common = { companyId: tenant.companyId };
  const p1 = await fillSlice(
    api,
    company,
    {
      ...common,
      programId: tenant.programId,
      partnerId: seeded1.id,
      partnerKey: seeded1.partnerKey,
      partnerEmail: `partner.${markers.p1}@example.com`,
      token: seeded1.token,
    },
    markers.p1,
  );
  const p2 = await fillSlice(
    api,
    company,
    {
      ...common,
      programId: tenant.programId,
      partnerId: seeded2.id,
      partnerKey: seeded2.partnerKey,
      partnerEmail: `partner.${markers.p2}@example.com`,
      token: seeded2.token,
    },
    markers.p2,
  );
  const p1InProgram2 = await fillSlice(
    api,
    company,
    {
      ...common,
      programId: program2.id,
      partnerId: seeded1.id,
      partnerKey: enrolment.partnerKey,
      partnerEmail: `partner.${markers.p1}@example.com`,
      token: session2.token,
    },
    markers.p1InProgram2,
  );
  // Applications open in program 1; the applicant's emailed code is covered by the
  // applications suite, so the confirmed row is written as confirming leaves it.
  await must(api, company, 'PATCH', `/v1/programs/${tenant.programId}`, {
    body: { applications: 'approval' },
  });
  const { rows: applications } = await api.db.query<{ id: string }>(
    `INSERT INTO partner_applications (company_id, program_id, status, name, email, locale, confirmed_at)
     VALUES ($1, $2, 'pending', $3, $4, 'en', now()) RETURNING id`,
    [
      tenant.companyId,
      tenant.programId,
      `Applicant ${markers.company}`,
      `applicant.${markers.company}@example.com`,
    ],
  );
  const deliveries = await until('webhook deliveries', async () => {
    const page = await must(api, company, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    return page.data.length > 0 ? page.data : null;
  });
  return {
    marker: markers.company,
    tenant,
    companyId: tenant.companyId,
    apiKey: tenant.apiKey,
    user,
    program1Id: tenant.programId,
    program2Id: program2.id,
    publishableKey: tenant.publishableKey,
    program2PublishableKey: program2.publishableKey,
    p1,
    p2,
    p1InProgram2,
    extraPartnerId: extra.id,
    webhookEndpointId: endpoint.id,
    webhookDeliveryId: deliveries[0].id,
    createdApiKeyId: createdKey.id,
    pendingInvitationId: pending.id,
    pendingInvitationToken: new URL(pending.acceptUrl).searchParams.get('token') ?? '',
    applicationId: applications[0]?.id ?? '',
  };
}

/** Waits until the company's background work is done, so its rows stop changing. */
export async function settle(api: TestApi, companyId: string): Promise<void> {
  await until(
    'background work to settle',
    async () => {
      const { rows } = await api.db.query(
        `SELECT (SELECT count(*)::int FROM webhook_deliveries WHERE company_id = $1 AND status = 'pending') AS hooks,
                (SELECT count(*)::int FROM email_outbox WHERE company_id = $1 AND status = 'pending') AS mails,
                (SELECT count(*)::int FROM imports WHERE company_id = $1 AND status IN ('queued', 'processing')) AS imports`,
        [companyId],
      );
      const row = rows[0] as { hooks: number; mails: number; imports: number };
      return row.hooks + row.mails + row.imports === 0;
    },
    60_000,
  );
}
