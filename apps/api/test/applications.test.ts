import { randomBytes } from 'node:crypto';
import { eventually, type Json } from './support/fixtures';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';
import { type Receiver, startReceiver } from './support/webhook-receiver';

const ORIGIN = 'https://partners.northwind.example';
const fromSite = { headers: { origin: ORIGIN } };
const QUESTIONS = {
  fields: [
    { key: 'audience', label: 'Who do you sell to?', type: 'textarea', required: true, order: 0 },
    {
      key: 'size',
      label: 'Team size',
      type: 'select',
      required: false,
      order: 1,
      options: [
        { value: 'solo', label: 'Just me' },
        { value: 'team', label: '2 or more' },
      ],
    },
  ],
};

const fresh = (tag: string, domain = 'example.com') =>
  `${tag}-${randomBytes(3).toString('hex')}@${domain}`;

describe('applying to join a program', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    api = await startTestApi({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    tenant = await seedTenant(api.db, { partners: 1, allowedOrigins: [ORIGIN] });
    other = await seedTenant(api.db, { allowedOrigins: [ORIGIN] });
    await api.http.post(
      '/v1/webhook-endpoints',
      { url: `${receiver.url}/hooks`, events: ['partner.applied', 'partner.approved'] },
      { token: tenant.apiKey },
    );
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  const settings = (body: Record<string, unknown>, t = tenant) =>
    api.http.patch(`/v1/programs/${t.programId}`, body, { token: t.apiKey });

  const apply = (body: Record<string, unknown>, t = tenant) =>
    api.http.post(
      '/v1/public/applications',
      { publishableKey: t.publishableKey, ...body },
      fromSite,
    );

  const confirm = (email: string, code: string, t = tenant) =>
    api.http.post(
      '/v1/public/applications/confirm',
      { publishableKey: t.publishableKey, email, code },
      fromSite,
    );

  async function mailsTo(recipient: string) {
    const { rows } = await api.db.query<{ subject: string; text_body: string; kind: string }>(
      `SELECT subject, text_body, kind FROM email_outbox WHERE recipient = $1 ORDER BY created_at`,
      [recipient],
    );
    return rows;
  }

  async function codeFor(recipient: string, kind = 'application_code'): Promise<string> {
    const mail = (await mailsTo(recipient)).filter((m) => m.kind === kind).at(-1);
    const code = /\b(\d{6})\b/.exec(mail?.text_body ?? '')?.[1];
    if (!code) throw new Error(`no ${kind} email to ${recipient}`);
    return code;
  }

  async function appliedAndConfirmed(email: string, extra: Record<string, unknown> = {}) {
    const applied = await apply({
      name: 'Ana Souza',
      email,
      company: 'Souza Consulting',
      website: 'souza.example',
      answers: { audience: 'Logistics companies' },
      ...extra,
    });
    expect(applied.status).toBe(202);
    const confirmed = await confirm(email, await codeFor(email));
    expect(confirmed.status).toBe(200);
    return confirmed.body as Json;
  }

  it('refuses applications while the program is closed (the default)', async () => {
    const refused = await apply({ name: 'Ana', email: fresh('closed') });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('applications_closed');
    const config = await api.http.get(`/v1/public/programs/${tenant.publishableKey}`, fromSite);
    expect(config.body.applications).toBe('closed');
  });

  it('takes the settings, refusing bad domains and questions by field', async () => {
    const bad = await settings({
      applications: 'approval',
      applicationDomains: ['not a domain'],
      applicationQuestions: { fields: [{ ...QUESTIONS.fields[0], key: 'email' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: Json) => e.field).sort()).toEqual([
      'applicationDomains.0',
      'applicationQuestions.fields.0.key',
    ]);
    const saved = await settings({
      applications: 'approval',
      applicationDomains: ['@Example.com', 'northwind.example'],
      applicationQuestions: QUESTIONS,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.applications).toBe('approval');
    expect(saved.body.applicationDomains).toEqual(['example.com', 'northwind.example']);
    expect(saved.body.applicationQuestions.fields.map((f: Json) => f.key)).toEqual([
      'audience',
      'size',
    ]);
    const config = await api.http.get(`/v1/public/programs/${tenant.publishableKey}`, fromSite);
    expect(config.body.applications).toBe('approval');
    expect(config.body.applicationQuestions.fields).toHaveLength(2);
  });

  it('names the field of every bad input: the email domain, the website, the answers', async () => {
    const refused = await apply({
      name: 'Ana',
      email: fresh('outside', 'elsewhere.example'),
      website: 'not a website',
      answers: { size: 'huge', color: 'blue' },
    });
    expect(refused.status).toBe(422);
    const fields = refused.body.errors.map((e: Json) => e.field).sort();
    expect(fields).toEqual([
      'answers.audience',
      'answers.color',
      'answers.size',
      'email',
      'website',
    ]);
    const domain = refused.body.errors.find((e: Json) => e.field === 'email');
    expect(domain.code).toBe('email_domain_not_allowed');
    expect(domain.message).toContain('example.com');
  });

  it('confirms with the emailed code; the company sees it pending, is emailed, and gets partner.applied', async () => {
    const email = fresh('ana');
    const applied = await apply({
      name: 'Ana Souza',
      email: email.toUpperCase(),
      company: 'Souza Consulting',
      website: 'souza.example',
      answers: { audience: 'Logistics companies', size: 'team' },
      locale: 'pt-BR',
    });
    expect(applied.status).toBe(202);
    const [mail] = await mailsTo(email);
    expect(mail?.kind).toBe('application_code');
    expect(mail?.subject).toMatch(/^\d{6} confirma sua inscrição em /);
    const code = await codeFor(email);
    const { rows } = await api.db.query<{ code_hash: string }>(
      `SELECT code_hash FROM partner_applications WHERE email = $1`,
      [email],
    );
    expect(rows[0]?.code_hash).not.toContain(code);

    // Not listed before the email is confirmed.
    const before = await api.http.get('/v1/applications', { token: tenant.apiKey });
    expect(before.body.data.map((a: Json) => a.email)).not.toContain(email);

    const wrong = await confirm(email, code === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('invalid_code');
    const confirmed = await confirm(email, code);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ status: 'pending' });
    const reused = await confirm(email, code);
    expect(reused.body.code).toBe('invalid_code');

    const list = await api.http.get('/v1/applications?status=pending', { token: tenant.apiKey });
    const listed = list.body.data.find((a: Json) => a.email === email);
    expect(listed).toMatchObject({
      status: 'pending',
      name: 'Ana Souza',
      company: 'Souza Consulting',
      website: 'https://souza.example',
      answers: { audience: 'Logistics companies', size: 'team' },
      locale: 'pt-BR',
      partnerId: null,
    });
    const owner = await mailsTo(tenant.ownerEmail);
    expect(owner.map((m) => m.kind)).toContain('partner_applied');
    expect(owner.find((m) => m.kind === 'partner_applied')?.text_body).toContain(email);
    const hook = await eventually(
      () =>
        receiver.requests.find(
          (r) => r.body.includes('"partner.applied"') && r.body.includes(email),
        ),
      'partner.applied webhook',
    );
    expect(JSON.parse(hook.body).data.application.id).toBe(listed.id);
    // The other company sees nothing of it.
    const foreign = await api.http.get(`/v1/applications/${listed.id}`, { token: other.apiKey });
    expect(foreign.status).toBe(404);
  });

  it('approves: enrols the partner, emails a sign-in link in their language, sends partner.approved; signing in works', async () => {
    const email = fresh('bruno');
    await appliedAndConfirmed(email, { locale: 'fr' });
    const listed = (
      await api.http.get('/v1/applications', { token: tenant.apiKey })
    ).body.data.find((a: Json) => a.email === email);
    const approved = await api.http.post(
      `/v1/applications/${listed.id}/approve`,
      {},
      { token: tenant.apiKey },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.partnerId).toEqual(expect.any(String));
    const again = await api.http.post(
      `/v1/applications/${listed.id}/approve`,
      {},
      { token: tenant.apiKey },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('application_decided');

    const mail = (await mailsTo(email)).find((m) => m.kind === 'application_approved');
    expect(mail?.subject).toContain('Bienvenue');
    expect(mail?.text_body).toContain('/p/');
    await eventually(
      () =>
        receiver.requests.find(
          (r) => r.body.includes('"partner.approved"') && r.body.includes(email),
        ),
      'partner.approved webhook',
    );
    // The new partner signs in with a code, like any partner.
    await api.http.post(
      '/v1/partner-sign-in/codes',
      { publishableKey: tenant.publishableKey, email },
      fromSite,
    );
    const session = await api.http.post(
      '/v1/partner-sign-in/verify',
      { publishableKey: tenant.publishableKey, email, code: await codeFor(email, 'sign_in_code') },
      fromSite,
    );
    expect(session.status).toBe(200);
    expect(session.body.partner.id).toBe(approved.body.partnerId);
  });

  it('declines politely with the reason, and bulk-decides each application on its own', async () => {
    const first = fresh('carla');
    const second = fresh('dario');
    await appliedAndConfirmed(first);
    await appliedAndConfirmed(second, { locale: 'de' });
    const page = (await api.http.get('/v1/applications?status=pending', { token: tenant.apiKey }))
      .body.data as Json[];
    const ids = [first, second].map((email) => page.find((a) => a.email === email)?.id);
    const bulk = await api.http.post(
      '/v1/applications/bulk',
      { ids: [...ids, other.programId], decision: 'decline', reason: 'Only agencies for now.' },
      { token: tenant.apiKey },
    );
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.map((r: Json) => [r.ok, r.code ?? null])).toEqual([
      [true, null],
      [true, null],
      [false, 'not_found'],
    ]);
    const declined = (await mailsTo(second)).find((m) => m.kind === 'application_declined');
    expect(declined?.subject).toContain('Ihre Bewerbung');
    expect(declined?.text_body).toContain('Only agencies for now.');
    const filtered = await api.http.get('/v1/applications?status=declined', {
      token: tenant.apiKey,
    });
    expect(filtered.body.data.every((a: Json) => a.status === 'declined')).toBe(true);
    expect(filtered.body.data.map((a: Json) => a.email)).toEqual(
      expect.arrayContaining([first, second]),
    );
  });

  it('pages the inbox with a keyset cursor', async () => {
    const first = await api.http.get('/v1/applications?limit=1', { token: tenant.apiKey });
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.http.get(
      `/v1/applications?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: tenant.apiKey },
    );
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
  });

  it('answers an existing partner exactly like anyone, with a sign-in code that signs in', async () => {
    const partner = tenant.partners[0];
    if (!partner) throw new Error('no seeded partner');
    const stranger = await apply({
      name: 'X',
      email: fresh('x'),
      answers: { audience: 'Everyone' },
    });
    const known = await apply({
      name: 'X',
      email: partner.email,
      answers: { audience: 'Everyone' },
    });
    expect(known.status).toBe(202);
    expect(Object.keys(known.body)).toEqual(Object.keys(stranger.body));
    expect(known.body.status).toBe(stranger.body.status);
    const kinds = (await mailsTo(partner.email)).map((m) => m.kind);
    expect(kinds).toEqual(['sign_in_code']);
    const signedIn = await confirm(partner.email, await codeFor(partner.email, 'sign_in_code'));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.status).toBe('signed_in');
    expect(signedIn.body.session.partner.id).toBe(partner.id);
  });

  it('enrols at once with automatic approval, with a working partner session', async () => {
    await settings({ applications: 'auto', applicationDomains: [] });
    const email = fresh('eva', 'eva.example');
    const confirmed = await appliedAndConfirmed(email);
    expect(confirmed.status).toBe('enrolled');
    expect(confirmed.session.token).toMatch(/^pt_/);
    const lead = await api.http.post(
      '/v1/leads',
      { email: fresh('lead'), firstName: 'Lia' },
      { token: confirmed.session.token, headers: { origin: ORIGIN } },
    );
    expect(lead.status).toBe(201);
    const listed = (
      await api.http.get('/v1/applications?status=approved', { token: tenant.apiKey })
    ).body.data.find((a: Json) => a.email === email);
    expect(listed.decidedBy).toBe('automatic');
    // No approval email: the applicant is signed in already.
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['application_code']);
  });

  it('stops a code after five wrong attempts', async () => {
    const email = fresh('fay');
    await apply({ name: 'Fay', email, answers: { audience: 'Everyone' } });
    const code = await codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await confirm(email, wrong)).body.code).toBe('invalid_code');
    const blocked = await confirm(email, code);
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('too_many_attempts');
  });

  it('lets the team switch its application email off', async () => {
    const read = await api.http.get('/v1/company/notification-preferences', {
      token: tenant.apiKey,
    });
    expect(read.body).toEqual({ partnerApplied: true });
    const off = await api.http.patch(
      '/v1/company/notification-preferences',
      { partnerApplied: false },
      { token: tenant.apiKey },
    );
    expect(off.body).toEqual({ partnerApplied: false });
    await settings({ applications: 'approval' });
    const before = (await mailsTo(tenant.ownerEmail)).length;
    await appliedAndConfirmed(fresh('gus'));
    expect((await mailsTo(tenant.ownerEmail)).length).toBe(before);
  });
});
