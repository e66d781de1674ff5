import { randomBytes } from 'node:crypto';
import { seedTenant } from './support/seed';
import { type HttpResponse, startTestApi, type TestApi } from './support/test-api';

/** A browser's view of a cookie session: the cookie plus the CSRF token from the answer. */
interface Browser {
  cookie: string;
  csrf: string;
  userId: string;
  companyId: string;
}

const PASSWORD = 'correct horse battery';
const tag = () => randomBytes(4).toString('hex');

interface SessionBody {
  csrfToken: string;
  user: { id: string };
  company: { id: string };
}

function sessionCookie(response: HttpResponse): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('lb_session='));
  if (!header) throw new Error(`no lb_session cookie in ${response.status} answer`);
  return header.split(';')[0] ?? '';
}

function browserOf(response: HttpResponse<SessionBody>): Browser {
  return {
    cookie: sessionCookie(response),
    csrf: response.body.csrfToken,
    userId: response.body.user.id,
    companyId: response.body.company.id,
  };
}

/** Headers of a cookie-authenticated write from the admin app. */
const as = (browser: Browser) => ({
  headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf },
});
const readAs = (browser: Browser) => ({ headers: { cookie: browser.cookie } });

describe('company accounts, sessions and the team', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function signUp(email = `owner-${tag()}@example.com`): Promise<Browser> {
    const response = await api.http.post('/v1/auth/sign-up', {
      companyName: `Acme ${tag()}`,
      name: 'Olivia Owner',
      email,
      password: PASSWORD,
    });
    expect(response.status).toBe(201);
    return browserOf(response);
  }

  /** Invites `email` with `role` as `inviter` and returns the token from the queued email. */
  async function invite(inviter: Browser, email: string, role: string): Promise<string> {
    const response = await api.http.post('/v1/invitations', { email, role }, as(inviter));
    expect(response.status).toBe(201);
    const { rows } = await api.db.query<{ text_body: string }>(
      `SELECT text_body FROM email_outbox WHERE kind = 'invitation' AND recipient = $1
        ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const token = /accept-invite\?token=([\w%-]+)/.exec(rows[0]?.text_body ?? '')?.[1];
    if (!token) throw new Error('no invitation link in the email');
    return decodeURIComponent(token);
  }

  async function joinAs(inviter: Browser, role: string): Promise<Browser> {
    const email = `${role}-${tag()}@example.com`;
    const token = await invite(inviter, email, role);
    const accepted = await api.http.post('/v1/auth/accept-invitation', {
      token,
      name: `Ann ${role}`,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    return browserOf(accepted);
  }

  it('signs up, shows who is signed in, signs out, and the cookie stops working', async () => {
    const email = `Founder-${tag()}@Example.com`;
    const response = await api.http.post('/v1/auth/sign-up', {
      companyName: 'Globex',
      name: 'Gina Founder',
      email,
      password: PASSWORD,
    });
    expect(response.status).toBe(201);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/lb_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    const browser = browserOf(response);

    const me = await api.http.get('/v1/auth/me', readAs(browser));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { name: 'Gina Founder', email: email.toLowerCase(), role: 'owner' },
      company: { name: 'Globex' },
      role: 'owner',
      csrfToken: browser.csrf,
    });
    const { rows } = await api.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [browser.userId],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);

    const signOut = await api.http.post('/v1/auth/sign-out', undefined, as(browser));
    expect(signOut.status).toBe(204);
    const after = await api.http.get('/v1/auth/me', readAs(browser));
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('signs in with any capitalisation of the email, and refuses a taken email on sign-up', async () => {
    const email = `again-${tag()}@example.com`;
    await signUp(email);
    const signIn = await api.http.post('/v1/auth/sign-in', {
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    const me = await api.http.get('/v1/auth/me', readAs(browserOf(signIn)));
    expect(me.body.user.email).toBe(email);

    const again = await api.http.post('/v1/auth/sign-up', {
      companyName: 'Other',
      name: 'Other',
      email,
      password: PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email_taken');
  });

  it('rejects a short password and a bad email with per-field errors', async () => {
    const response = await api.http.post('/v1/auth/sign-up', {
      companyName: 'Short',
      name: 'Short',
      email: 'not-an-email',
      password: 'short',
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('validation_failed');
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'password']);
  });

  it('answers a wrong password exactly like an unknown email', async () => {
    const email = `known-${tag()}@example.com`;
    await signUp(email);
    const wrongPassword = await api.http.post('/v1/auth/sign-in', {
      email,
      password: 'not the password',
    });
    const unknownEmail = await api.http.post('/v1/auth/sign-in', {
      email: `nobody-${tag()}@example.com`,
      password: 'not the password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const { instance: _a, ...wrongBody } = wrongPassword.body;
    const { instance: _b, ...unknownBody } = unknownEmail.body;
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody.code).toBe('invalid_credentials');
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('rate-limits sign-in attempts per email with 429 and Retry-After', async () => {
    const email = `target-${tag()}@example.com`;
    await signUp(email);
    for (let i = 0; i < 10; i++) {
      const attempt = await api.http.post('/v1/auth/sign-in', { email, password: `guess ${i}` });
      expect(attempt.status).toBe(401);
    }
    const limited = await api.http.post('/v1/auth/sign-in', { email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is not affected by this one being attacked.
    const other = `bystander-${tag()}@example.com`;
    await signUp(other);
    const fine = await api.http.post('/v1/auth/sign-in', { email: other, password: PASSWORD });
    expect(fine.status).toBe(200);
  });

  it('refuses a cookie write without the CSRF token and accepts it with the token', async () => {
    const owner = await signUp();
    const withoutToken = await api.http.patch(
      '/v1/company',
      { name: 'Renamed' },
      { headers: { cookie: owner.cookie } },
    );
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.code).toBe('csrf_failed');
    const wrongToken = await api.http.patch(
      '/v1/company',
      { name: 'Renamed' },
      { headers: { cookie: owner.cookie, 'x-csrf-token': 'forged' } },
    );
    expect(wrongToken.status).toBe(403);
    expect(wrongToken.body.code).toBe('csrf_failed');
    const withToken = await api.http.patch('/v1/company', { name: 'Renamed' }, as(owner));
    expect(withToken.status).toBe(200);
    expect(withToken.body.name).toBe('Renamed');
    const company = await api.http.get('/v1/company', readAs(owner));
    expect(company.body.name).toBe('Renamed');
  });

  it('ends a session whose expiry has passed', async () => {
    const owner = await signUp();
    await api.db.query(
      `UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [owner.userId],
    );
    const me = await api.http.get('/v1/auth/me', readAs(owner));
    expect(me.status).toBe(401);
  });

  it('creates a user of the invited role from an invitation, and the link works once', async () => {
    const owner = await signUp();
    const email = `new-admin-${tag()}@example.com`;
    const token = await invite(owner, email, 'admin');

    const preview = await api.http.get(`/v1/auth/invitation?token=${encodeURIComponent(token)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email, role: 'admin', invitedByName: 'Olivia Owner' });

    const accepted = await api.http.post('/v1/auth/accept-invitation', {
      token,
      name: 'Adam Admin',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      user: { email, name: 'Adam Admin', role: 'admin' },
      company: { id: owner.companyId },
    });
    const admin = browserOf(accepted);
    const team = await api.http.get('/v1/users', readAs(admin));
    expect(team.body.data.map((u: { email: string }) => u.email)).toContain(email);

    const reused = await api.http.post('/v1/auth/accept-invitation', {
      token,
      name: 'Mallory',
      password: PASSWORD,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('invitation_invalid');

    const invitations = await api.http.get('/v1/invitations', readAs(owner));
    expect(invitations.body.data).toEqual([
      expect.objectContaining({ email, role: 'admin', status: 'accepted' }),
    ]);
  });

  it('makes a revoked invitation link useless', async () => {
    const owner = await signUp();
    const email = `revoked-${tag()}@example.com`;
    const token = await invite(owner, email, 'member');
    const list = await api.http.get('/v1/invitations?status=pending', readAs(owner));
    const id = list.body.data[0].id;
    const revoke = await api.http.delete(`/v1/invitations/${id}`, as(owner));
    expect(revoke.status).toBe(204);
    const accept = await api.http.post('/v1/auth/accept-invitation', {
      token,
      name: 'Late',
      password: PASSWORD,
    });
    expect(accept.status).toBe(422);
    expect(accept.body.code).toBe('invitation_invalid');
  });

  it('lets a member read but not write', async () => {
    const owner = await signUp();
    const member = await joinAs(owner, 'member');
    expect((await api.http.get('/v1/users', readAs(member))).status).toBe(200);
    expect((await api.http.get('/v1/invitations', readAs(member))).status).toBe(200);

    const inviteAttempt = await api.http.post(
      '/v1/invitations',
      { email: `x-${tag()}@example.com`, role: 'member' },
      as(member),
    );
    expect(inviteAttempt.status).toBe(403);
    expect(inviteAttempt.body.code).toBe('insufficient_role');
    const rename = await api.http.patch('/v1/company', { name: 'Hijacked' }, as(member));
    expect(rename.status).toBe(403);
    expect(rename.body.code).toBe('insufficient_role');
    const promote = await api.http.patch(
      `/v1/users/${member.userId}`,
      { role: 'owner' },
      as(member),
    );
    expect(promote.status).toBe(403);
    // Signing out is a write a member may still do.
    expect((await api.http.post('/v1/auth/sign-out', undefined, as(member))).status).toBe(204);
  });

  it('keeps the last owner, and keeps admins from making or removing owners', async () => {
    const owner = await signUp();
    const demoteSelf = await api.http.patch(
      `/v1/users/${owner.userId}`,
      { role: 'admin' },
      as(owner),
    );
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.code).toBe('last_owner');
    const deleteSelf = await api.http.delete(`/v1/users/${owner.userId}`, as(owner));
    expect(deleteSelf.status).toBe(409);

    const admin = await joinAs(owner, 'admin');
    const selfPromote = await api.http.patch(
      `/v1/users/${admin.userId}`,
      { role: 'owner' },
      as(admin),
    );
    expect(selfPromote.status).toBe(403);
    expect(selfPromote.body.code).toBe('insufficient_role');
    const removeOwner = await api.http.delete(`/v1/users/${owner.userId}`, as(admin));
    expect(removeOwner.status).toBe(403);
    const inviteOwner = await api.http.post(
      '/v1/invitations',
      { email: `o-${tag()}@example.com`, role: 'owner' },
      as(admin),
    );
    expect(inviteOwner.status).toBe(403);

    // With a second owner, the first may step down.
    const promoted = await api.http.patch(
      `/v1/users/${admin.userId}`,
      { role: 'owner' },
      as(owner),
    );
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('owner');
    const stepDown = await api.http.patch(
      `/v1/users/${owner.userId}`,
      { role: 'member' },
      as(owner),
    );
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.role).toBe('member');
  });

  it('signs a removed user out everywhere', async () => {
    const owner = await signUp();
    const member = await joinAs(owner, 'member');
    const removed = await api.http.delete(`/v1/users/${member.userId}`, as(owner));
    expect(removed.status).toBe(204);
    expect((await api.http.get('/v1/auth/me', readAs(member))).status).toBe(401);
    const team = await api.http.get('/v1/users', readAs(owner));
    expect(team.body.data.map((u: { id: string }) => u.id)).toEqual([owner.userId]);
  });

  it("never shows or changes another company's users or invitations", async () => {
    const owner = await signUp();
    const other = await seedTenant(api.db);
    const team = await api.http.get('/v1/users', readAs(owner));
    expect(team.body.data.map((u: { id: string }) => u.id)).not.toContain(other.ownerId);
    const patch = await api.http.patch(`/v1/users/${other.ownerId}`, { role: 'member' }, as(owner));
    expect(patch.status).toBe(404);
    const remove = await api.http.delete(`/v1/users/${other.ownerId}`, as(owner));
    expect(remove.status).toBe(404);
    const { rows } = await api.db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [
      other.ownerId,
    ]);
    expect(rows[0]?.role).toBe('owner');

    const invited = await api.http.post(
      '/v1/invitations',
      { email: other.ownerEmail, role: 'member' },
      as(owner),
    );
    expect(invited.status).toBe(409);
    expect(invited.body.code).toBe('email_taken');
  });

  it('pages through the team with a cursor', async () => {
    const owner = await signUp();
    await joinAs(owner, 'member');
    await joinAs(owner, 'admin');
    const first = await api.http.get('/v1/users?limit=2', readAs(owner));
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0].id).toBe(owner.userId);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.http.get(
      `/v1/users?limit=2&cursor=${first.body.nextCursor}`,
      readAs(owner),
    );
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(3);
  });
});
