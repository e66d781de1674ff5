import { type MailCatcher, startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { eventually, partnerOf } from './support/fixtures';
import { submitLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: assertions read JSON bodies of many shapes.
type Json = any;

describe('messages between a partner and the company', () => {
  let catcher: MailCatcher;
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let threadId = '';

  const threads = async (token: string, query = '') =>
    (await api.http.get(`/v1/message-threads${query}`, { token })).body;
  const threadFor = (page: Json, id: string) => page.data.find((t: Json) => t.id === id);

  beforeAll(async () => {
    catcher = await startMailCatcher();
    api = await startTestApi({ SMTP_URL: catcher.smtpUrl });
    tenant = await seedTenant(api.db);
    other = await seedTenant(api.db);
  });
  afterAll(async () => {
    await api.close();
    await catcher.stop();
  });

  it('lets a partner start a thread about its lead; the company sees it unread and is emailed', async () => {
    const partner = partnerOf(tenant, 0);
    const lead = await submitLead(api, partner.token, {
      firstName: 'Dorothy',
      lastName: 'Vaughan',
    });
    const created = await api.http.post(
      '/v1/message-threads',
      { subject: 'Status of Dorothy?', body: 'Any news on this <lead>?', leadId: lead.id },
      { token: partner.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      programId: tenant.programId,
      partner: { id: partner.id, name: partner.name },
      lead: { id: lead.id, name: 'Dorothy Vaughan' },
      subject: 'Status of Dorothy?',
      unreadCount: 0,
      lastMessage: { side: 'partner', excerpt: 'Any news on this <lead>?' },
    });
    threadId = created.body.id;

    const company = await threads(tenant.apiKey);
    expect(threadFor(company, threadId).unreadCount).toBe(1);
    expect(company.unreadTotal).toBe(1);
    const own = await threads(partner.token);
    expect(threadFor(own, threadId).unreadCount).toBe(0);
    expect(own.unreadTotal).toBe(0);

    const mail = await eventually(
      () => catcher.messages().find((m) => m.to.includes(tenant.ownerEmail)),
      'the email to the company owner',
    );
    expect(mail.subject).toBe(`New message from ${partner.name}: Status of Dorothy?`);
    expect(mail.text).toContain('> Any news on this <lead>?');
    expect(mail.html).toContain('Any news on this &lt;lead&gt;?');
    expect(mail.text).toContain(`/messages/${threadId}`);
  });

  it('keeps unread counts per side, both ways', async () => {
    const partner = partnerOf(tenant, 0);
    const read = await api.http.post(`/v1/message-threads/${threadId}/read`, undefined, {
      token: tenant.apiKey,
    });
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(0);
    expect((await threads(tenant.apiKey)).unreadTotal).toBe(0);

    for (const body of ['It is qualified.', 'The call is on Monday.']) {
      const reply = await api.http.post(
        `/v1/message-threads/${threadId}/messages`,
        { body },
        { token: tenant.apiKey },
      );
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ side: 'company', body, author: { type: 'api_key' } });
    }
    const partnerView = await threads(partner.token);
    expect(threadFor(partnerView, threadId)).toMatchObject({
      unreadCount: 2,
      lastMessage: { side: 'company', excerpt: 'The call is on Monday.' },
    });
    expect(partnerView.unreadTotal).toBe(2);
    // The company's own replies are not unread for the company.
    expect(threadFor(await threads(tenant.apiKey), threadId).unreadCount).toBe(0);
    expect((await threads(partner.token, '?unread=true')).data).toHaveLength(1);

    const partnerRead = await api.http.post(`/v1/message-threads/${threadId}/read`, undefined, {
      token: partner.token,
    });
    expect(partnerRead.body.unreadCount).toBe(0);
    expect((await threads(partner.token)).unreadTotal).toBe(0);
    expect((await threads(partner.token, '?unread=true')).data).toEqual([]);

    const answer = await api.http.post(
      `/v1/message-threads/${threadId}/messages`,
      { body: 'Great, thanks!' },
      { token: partner.token },
    );
    expect(answer.status).toBe(201);
    expect(threadFor(await threads(tenant.apiKey), threadId).unreadCount).toBe(1);
    expect(threadFor(await threads(partner.token), threadId).unreadCount).toBe(0);
  });

  it('pages through a thread newest first', async () => {
    const first = await api.http.get(`/v1/message-threads/${threadId}/messages?limit=2`, {
      token: partnerOf(tenant, 0).token,
    });
    expect(first.status).toBe(200);
    expect(first.body.data.map((m: Json) => m.body)).toEqual([
      'Great, thanks!',
      'The call is on Monday.',
    ]);
    const rest = await api.http.get(
      `/v1/message-threads/${threadId}/messages?limit=2&cursor=${first.body.nextCursor}`,
      { token: partnerOf(tenant, 0).token },
    );
    expect(rest.body.data.map((m: Json) => m.body)).toEqual([
      'It is qualified.',
      'Any news on this <lead>?',
    ]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('lets the company start a thread with a partner, which only that partner sees', async () => {
    const partner = partnerOf(tenant, 1);
    const created = await api.http.post(
      '/v1/message-threads',
      {
        partnerId: partner.id,
        programId: tenant.programId,
        subject: 'Welcome',
        body: 'Glad to have you.',
      },
      { token: tenant.apiKey },
    );
    expect(created.status).toBe(201);
    expect((await threads(partner.token)).data.map((t: Json) => t.id)).toEqual([created.body.id]);
    expect((await threads(partner.token)).unreadTotal).toBe(1);
    expect(threadFor(await threads(partnerOf(tenant, 0).token), created.body.id)).toBeUndefined();
    const byPartner = await threads(tenant.apiKey, `?partnerId=${partner.id}`);
    expect(byPartner.data.map((t: Json) => t.id)).toEqual([created.body.id]);

    // Another partner of the same company can neither read nor write in it.
    const token = partnerOf(tenant, 0).token;
    for (const response of [
      await api.http.get(`/v1/message-threads/${created.body.id}`, { token }),
      await api.http.get(`/v1/message-threads/${created.body.id}/messages`, { token }),
      await api.http.post(
        `/v1/message-threads/${created.body.id}/messages`,
        { body: 'hi' },
        { token },
      ),
      await api.http.post(`/v1/message-threads/${created.body.id}/read`, undefined, { token }),
    ]) {
      expect(response.status).toBe(404);
    }
    const missing = await api.http.post(
      '/v1/message-threads',
      { subject: 'No partner', body: 'Who is this for?' },
      { token: tenant.apiKey },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: Json) => e.field).sort()).toEqual([
      'partnerId',
      'programId',
    ]);
  });

  it("refuses a lead that is not the partner's own", async () => {
    const theirLead = await submitLead(api, partnerOf(tenant, 1).token);
    const response = await api.http.post(
      '/v1/message-threads',
      { subject: 'Not mine', body: 'About their lead', leadId: theirLead.id },
      { token: partnerOf(tenant, 0).token },
    );
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });

  it('answers 404 to another tenant on every messages route', async () => {
    const token = other.apiKey;
    for (const response of [
      await api.http.get(`/v1/message-threads/${threadId}`, { token }),
      await api.http.get(`/v1/message-threads/${threadId}/messages`, { token }),
      await api.http.post(`/v1/message-threads/${threadId}/messages`, { body: 'hi' }, { token }),
      await api.http.post(`/v1/message-threads/${threadId}/read`, undefined, { token }),
      await api.http.get(`/v1/message-threads/${threadId}`, { token: partnerOf(other, 0).token }),
      await api.http.post(
        '/v1/message-threads',
        {
          partnerId: partnerOf(tenant, 0).id,
          programId: tenant.programId,
          subject: 'Poaching',
          body: 'Hello',
        },
        { token },
      ),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    const list = await threads(token);
    expect(list).toEqual({ data: [], nextCursor: null, unreadTotal: 0 });
    // The owner's thread is untouched by those attempts.
    const mine = await api.http.get(`/v1/message-threads/${threadId}/messages`, {
      token: tenant.apiKey,
    });
    expect(mine.body.data).toHaveLength(4);
  });
});
