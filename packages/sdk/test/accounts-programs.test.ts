import { type MailCatcher, startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { isLeadbridgeError, Leadbridge, type LeadbridgeError } from '@leadbridge/sdk';
import { type RunningApi, startApi } from './support/api.js';
import { cookieJarFetch } from './support/cookie-jar.js';
import { signUpTenant, type Tenant, unique } from './support/tenant.js';

// A company's first hour, through the SDK against the real API: sign up, keys, team, programs,
// partners, partner sessions and the partner's own sign-in.

async function failure(promise: Promise<unknown>): Promise<LeadbridgeError> {
  try {
    await promise;
  } catch (error) {
    if (isLeadbridgeError(error)) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('accounts, team, programs and partners', () => {
  let api: RunningApi;
  let mail: MailCatcher;
  let tenant: Tenant;

  beforeAll(async () => {
    mail = await startMailCatcher();
    api = await startApi({ SMTP_URL: mail.smtpUrl });
    tenant = await signUpTenant(api.url);
  });
  afterAll(async () => {
    await api?.close();
    await mail?.stop();
  });

  it('answers health', async () => {
    const lb = new Leadbridge({ baseUrl: api.url });
    await expect(lb.health.check()).resolves.toEqual({ status: 'ok', database: 'ok' });
  });

  it('signs a company user in with a cookie session and sends the CSRF token on writes', async () => {
    const admin = new Leadbridge({ baseUrl: api.url, fetch: cookieJarFetch() });
    // Not signed in yet.
    expect((await failure(admin.auth.me())).status).toBe(401);
    const session = await admin.auth.signIn({
      email: tenant.ownerEmail,
      password: tenant.password,
    });
    expect(session.user.email).toBe(tenant.ownerEmail);
    expect(session.role).toBe('owner');
    const me = await admin.auth.me();
    expect(me.company.id).toBe(tenant.session.company.id);
    // A write works only because the SDK echoes the remembered CSRF token.
    const renamed = await admin.company.update({ name: `Renamed ${unique()}` });
    expect(renamed.name).toMatch(/^Renamed /);
    await admin.auth.signOut();
    expect((await failure(admin.auth.me())).status).toBe(401);
  });

  it('refuses a wrong password with a typed problem', async () => {
    const admin = new Leadbridge({ baseUrl: api.url, fetch: cookieJarFetch() });
    const error = await failure(
      admin.auth.signIn({ email: tenant.ownerEmail, password: 'wrong-password-1' }),
    );
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(error.requestId).toBeTruthy();
  });

  it('manages API keys: a revoked key stops working at once', async () => {
    const { admin } = tenant;
    const spare = await admin.apiKeys.create({ name: 'spare' });
    expect(spare.key).toMatch(/^sk_/);
    const keys = await admin.apiKeys.list();
    expect(keys.data.map((key) => key.name)).toEqual(expect.arrayContaining(['server', 'spare']));
    const withSpare = new Leadbridge({ baseUrl: api.url, apiKey: spare.key });
    await expect(withSpare.company.get()).resolves.toMatchObject({ id: tenant.session.company.id });
    await admin.apiKeys.revoke(spare.id);
    expect((await failure(withSpare.company.get())).status).toBe(401);
  });

  it('invites a teammate who accepts, changes role and is removed', async () => {
    const { admin } = tenant;
    const email = `mia-${unique()}@example.com`;
    const invitation = await admin.invitations.create({ email, role: 'member' });
    const token = new URL(invitation.acceptUrl).searchParams.get('token') ?? '';
    expect(token).not.toBe('');
    const pending = await admin.invitations.list({ status: 'pending' });
    expect(pending.data.map((item) => item.email)).toContain(email);

    const stranger = new Leadbridge({ baseUrl: api.url, fetch: cookieJarFetch() });
    await expect(stranger.auth.getInvitation(token)).resolves.toMatchObject({
      email,
      role: 'member',
    });
    const joined = await stranger.auth.acceptInvitation({
      token,
      name: 'Mia Member',
      password: 'a-long-enough-password',
    });
    expect(joined.user.email).toBe(email);
    // Members read but do not write.
    expect((await failure(stranger.company.update({ name: 'Nope' }))).status).toBe(403);

    const users = await admin.users.list();
    const mia = users.data.find((user) => user.email === email);
    expect(mia).toBeDefined();
    await expect(admin.users.update(mia?.id ?? '', { role: 'admin' })).resolves.toMatchObject({
      role: 'admin',
    });
    await admin.users.remove(mia?.id ?? '');
    expect((await failure(stranger.auth.me())).status).toBe(401);

    const other = await admin.invitations.create({
      email: `leo-${unique()}@example.com`,
      role: 'admin',
    });
    await admin.invitations.revoke(other.id);
    const revoked = await admin.invitations.list({ status: 'revoked' });
    expect(revoked.data.map((item) => item.id)).toContain(other.id);
  });

  it('creates, edits, lists, rotates and archives programs', async () => {
    const { lb } = tenant;
    const program = await lb.programs.create({ name: `Resellers ${unique()}`, currency: 'USD' });
    expect(program.publishableKey).toMatch(/^pk_/);
    const edited = await lb.programs.update(program.id, {
      version: program.version,
      description: 'For resellers',
      stageLabels: { closed_won: 'Signed' },
    });
    expect(edited.resolvedStageLabels.closed_won).toBe('Signed');
    // A stale version is a typed 409 with the current program.
    const stale = await failure(
      lb.programs.update(program.id, { version: program.version, name: 'x' }),
    );
    expect(stale).toMatchObject({ status: 409, code: 'version_conflict' });
    expect(stale.problem).toHaveProperty('current');

    await expect(lb.programs.get(program.id)).resolves.toMatchObject({
      description: 'For resellers',
    });
    const publicView = await lb.programs.getPublic(edited.publishableKey, { locale: 'de' });
    expect(publicView.name).toBe(program.name);
    const rotated = await lb.programs.rotatePublishableKey(program.id);
    expect(rotated.publishableKey).not.toBe(edited.publishableKey);
    expect((await failure(lb.programs.getPublic(edited.publishableKey))).status).toBe(404);

    await lb.programs.archive(program.id);
    const active = await lb.programs.list();
    expect(active.data.map((item) => item.id)).not.toContain(program.id);
    const archived = await lb.programs.list({ status: 'archived' });
    expect(archived.data.map((item) => item.id)).toContain(program.id);
  });

  it('reads the guided setup: the steps to a first lead, from the company’s data', async () => {
    const { lb, program } = tenant;
    const progress = await lb.company.setupProgress();
    expect(progress.steps.map((step) => step.key)).toEqual([
      'create_program',
      'allow_origins',
      'share_form',
      'invite_partner',
      'first_lead',
    ]);
    expect(progress.steps[0]).toEqual({ key: 'create_program', done: true });
    expect(progress.programId).toBe(program.id);
  });

  it('adds, finds, edits, enrols, un-enrols and archives partners', async () => {
    const { lb, program } = tenant;
    const email = `ria-${unique()}@example.com`;
    const partner = await lb.partners.create({ name: 'Ria Reseller', email });
    const duplicate = await failure(lb.partners.create({ name: 'Again', email }));
    expect(duplicate).toMatchObject({ status: 409, code: 'partner_exists' });

    const found = await lb.partners.list({ q: 'Ria' });
    expect(found.data.map((item) => item.id)).toEqual([partner.id]);
    await expect(lb.partners.update(partner.id, { name: 'Ria R.' })).resolves.toMatchObject({
      name: 'Ria R.',
    });

    const partnership = await lb.programs.enrollPartner(program.id, {
      partnerId: partner.id,
      partnerKey: `ria-${unique()}`,
    });
    expect(partnership.partnerKey).toMatch(/^ria-/);
    const enrolled = await lb.programs.listPartners(program.id);
    expect(enrolled.data.map((item) => item.partner.id)).toContain(partner.id);
    await expect(lb.partners.get(partner.id)).resolves.toMatchObject({ id: partner.id });

    // A session for an enrolled partner works; once the enrolment ends, it stops.
    const session = await lb.partnerSessions.create({
      programId: program.id,
      partnerId: partner.id,
    });
    const asRia = new Leadbridge({ baseUrl: api.url, sessionToken: session.token });
    await expect(asRia.partner.me()).resolves.toMatchObject({ partner: { id: partner.id } });
    // Or by the email the person signs in to the company's own product with.
    const byEmail = await lb.partnerSessions.create({
      programId: program.id,
      email: partner.email,
    });
    expect(byEmail.partner.id).toBe(partner.id);
    await lb.programs.endPartnership(program.id, partner.id);
    expect((await failure(asRia.partner.me())).status).toBe(401);

    await lb.partners.archive(partner.id);
    const archived = await lb.partners.list({ status: 'archived' });
    expect(archived.data.map((item) => item.id)).toContain(partner.id);
  });

  it('gives a partner session its own view: who, program, template and email switches', async () => {
    const { asPartner, program, partner } = tenant;
    await expect(asPartner.partner.me()).resolves.toEqual({
      partner: { id: partner.id, name: partner.name, email: partner.email },
      program: { id: program.id, name: program.name },
    });
    const view = await asPartner.partner.program();
    expect(view.offerDescription.length).toBeGreaterThan(0);
    const template = await asPartner.partner.leadTemplate();
    expect(template).toContain('Email *');
    await expect(asPartner.imports.template()).resolves.toBe(template);

    const preferences = await asPartner.partner.notificationPreferences();
    const [kind] = Object.keys(preferences) as (keyof typeof preferences)[];
    if (!kind) throw new Error('no notification kinds');
    const updated = await asPartner.partner.updateNotificationPreferences({ [kind]: false });
    expect(updated[kind]).toBe(false);
    // Partners cannot use company routes.
    expect((await failure(asPartner.programs.list())).status).toBe(403);
  });

  it('signs a partner in with an emailed one-time code', async () => {
    const { program, partner } = tenant;
    const visitor = new Leadbridge({ baseUrl: api.url });
    const requested = await visitor.partnerSignIn.requestCode({
      publishableKey: program.publishableKey,
      email: partner.email,
    });
    expect(requested.status).toBe('accepted');
    const isCodeMail = (m: { to: string[]; text: string }) =>
      m.to.includes(partner.email) && /code to sign in/i.test(m.text);
    const mails = await mail.waitFor((all) => all.some(isCodeMail));
    const code = /\b(\d{6})\b/.exec(mails.find(isCodeMail)?.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await failure(
      visitor.partnerSignIn.verify({
        publishableKey: program.publishableKey,
        email: partner.email,
        code: code === '000000' ? '111111' : '000000',
      }),
    );
    expect(wrong).toMatchObject({ status: 422, code: 'invalid_code' });

    const session = await visitor.partnerSignIn.verify({
      publishableKey: program.publishableKey,
      email: partner.email,
      code: code ?? '',
    });
    const signedIn = new Leadbridge({ baseUrl: api.url, sessionToken: session.token });
    await expect(signedIn.partner.me()).resolves.toMatchObject({ partner: { id: partner.id } });
  });
});
