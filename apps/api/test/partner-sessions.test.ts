import { randomBytes } from 'node:crypto';
import { signPartnerToken } from '../src/common/auth/tokens';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, TEST_APP_SECRET, type TestApi } from './support/test-api';

const ALLOWED_ORIGIN = 'https://partners.acme.example';
const fromSite = { headers: { origin: ALLOWED_ORIGIN } };

describe('partner sessions', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;
  beforeAll(async () => {
    api = await startTestApi();
    tenant = await seedTenant(api.db, { partners: 4, allowedOrigins: [ALLOWED_ORIGIN] });
    other = await seedTenant(api.db);
  });
  afterAll(() => api.close());

  const partner = (i: number) => {
    const found = tenant.partners[i];
    if (!found) throw new Error(`no seeded partner ${i}`);
    return found;
  };

  describe('minted by the company', () => {
    it('mints a token by partner id that works as a partner session', async () => {
      const minted = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerId: partner(0).id },
        { token: tenant.apiKey },
      );
      expect(minted.status).toBe(201);
      expect(minted.body.token).toMatch(/^pt_/);
      expect(minted.body.partner).toEqual({
        id: partner(0).id,
        name: partner(0).name,
        email: partner(0).email,
      });
      expect(minted.body.program.id).toBe(tenant.programId);
      const lifetime = Date.parse(minted.body.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(50 * 60 * 1000);
      expect(lifetime).toBeLessThanOrEqual(3600 * 1000);

      const me = await api.http.get('/v1/partner/me', { token: minted.body.token });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        partner: { id: partner(0).id, name: partner(0).name, email: partner(0).email },
        program: { id: tenant.programId, name: expect.any(String) },
      });
    });

    it('mints by partner key with a chosen lifetime, and caps the lifetime at a day', async () => {
      const minted = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerKey: partner(1).partnerKey, expiresInSeconds: 120 },
        { token: tenant.apiKey },
      );
      expect(minted.status).toBe(201);
      expect(minted.body.partner.id).toBe(partner(1).id);
      expect(Date.parse(minted.body.expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);

      const tooLong = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerId: partner(1).id, expiresInSeconds: 86_401 },
        { token: tenant.apiKey },
      );
      expect(tooLong.status).toBe(422);
      expect(tooLong.body.errors[0].field).toBe('expiresInSeconds');

      const both = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerId: partner(1).id, partnerKey: 'x' },
        { token: tenant.apiKey },
      );
      expect(both.status).toBe(422);
      expect(both.body.code).toBe('validation_failed');
    });

    it("refuses another company's partner or program as not found", async () => {
      const foreignPartner = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerId: other.partners[0]?.id },
        { token: tenant.apiKey },
      );
      expect(foreignPartner.status).toBe(404);
      expect(foreignPartner.body.code).toBe('not_found');
      const foreignProgram = await api.http.post(
        '/v1/partner-sessions',
        { programId: other.programId, partnerId: other.partners[0]?.id },
        { token: tenant.apiKey },
      );
      expect(foreignProgram.status).toBe(404);
      expect(foreignProgram.body).not.toHaveProperty('token');
    });

    it('refuses a partner who is not actively enrolled in the program', async () => {
      const { rows } = await api.db.query<{ id: string }>(
        `INSERT INTO partners (company_id, name, email, unsubscribe_token)
         VALUES ($1, 'Loner', $2, $3) RETURNING id`,
        [
          tenant.companyId,
          `loner-${randomBytes(3).toString('hex')}@example.com`,
          randomBytes(8).toString('hex'),
        ],
      );
      const notEnrolled = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerId: rows[0]?.id },
        { token: tenant.apiKey },
      );
      expect(notEnrolled.status).toBe(422);
      expect(notEnrolled.body.code).toBe('partner_not_enrolled');

      const archived = await seedTenant(api.db, { partners: 1 });
      await api.db.query(`UPDATE partnerships SET status = 'archived' WHERE program_id = $1`, [
        archived.programId,
      ]);
      const archivedAttempt = await api.http.post(
        '/v1/partner-sessions',
        { programId: archived.programId, partnerId: archived.partners[0]?.id },
        { token: archived.apiKey },
      );
      expect(archivedAttempt.status).toBe(422);
      expect(archivedAttempt.body.code).toBe('partner_not_enrolled');
      // Tokens minted before the archiving stop working too.
      const before = await api.http.get('/v1/partner/me', { token: archived.partners[0]?.token });
      expect(before.status).toBe(401);
    });

    it('is refused to partners themselves', async () => {
      const attempt = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerId: partner(0).id },
        { token: partner(0).token },
      );
      expect(attempt.status).toBe(403);
      expect(attempt.body.code).toBe('partner_forbidden');
    });
  });

  describe('partner tokens at the door', () => {
    it('are refused on company-only routes, and company principals on partner-only ones', async () => {
      const companyRoute = await api.http.get('/v1/users', { token: partner(0).token });
      expect(companyRoute.status).toBe(403);
      expect(companyRoute.body.code).toBe('partner_forbidden');
      const keys = await api.http.get('/v1/api-keys', { token: partner(0).token });
      expect(keys.status).toBe(403);

      const partnerRoute = await api.http.get('/v1/partner/me', { token: tenant.apiKey });
      expect(partnerRoute.status).toBe(403);
      expect(partnerRoute.body.code).toBe('partner_only');
    });

    it('work on a route open to partners (another module: GET /v1/customers)', async () => {
      const minted = await api.http.post(
        '/v1/partner-sessions',
        { programId: tenant.programId, partnerId: partner(0).id },
        { token: tenant.apiKey },
      );
      const customers = await api.http.get('/v1/customers', { token: minted.body.token });
      expect(customers.status).toBe(200);
      expect(customers.body.data).toEqual([]);
    });

    it('refuse an expired, forged or tampered token with 401', async () => {
      const claims = {
        companyId: tenant.companyId,
        partnerId: partner(0).id,
        programId: tenant.programId,
      };
      const expired = signPartnerToken(TEST_APP_SECRET, {
        ...claims,
        expiresAt: Math.floor(Date.now() / 1000) - 1,
      });
      const forged = signPartnerToken('another-secret-another-secret-another-secret', {
        ...claims,
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      });
      // A valid signature over partner 1's claims, with the payload swapped for partner 2's.
      const [, signature] = partner(0).token.split('.');
      const [payload] = partner(1).token.split('.');
      const tampered = `${payload}.${signature}`;
      for (const token of [expired, forged, tampered, 'pt_garbage']) {
        const response = await api.http.get('/v1/partner/me', { token });
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('unauthenticated');
      }
    });

    it('are refused from an origin the program does not allow', async () => {
      const allowed = await api.http.get('/v1/partner/me', {
        token: partner(0).token,
        headers: { origin: ALLOWED_ORIGIN },
      });
      expect(allowed.status).toBe(200);
      const refused = await api.http.get('/v1/partner/me', {
        token: partner(0).token,
        headers: { origin: 'https://evil.example' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('origin_not_allowed');
    });
  });

  describe('signed in with an emailed code', () => {
    async function latestCodeEmail(recipient: string) {
      const { rows } = await api.db.query<{ subject: string; text_body: string; kind: string }>(
        `SELECT subject, text_body, kind FROM email_outbox WHERE recipient = $1
          ORDER BY created_at DESC LIMIT 1`,
        [recipient],
      );
      return rows[0];
    }

    async function requestCode(email: string): Promise<string> {
      const response = await api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: tenant.publishableKey, email },
        fromSite,
      );
      expect(response.status).toBe(202);
      const mail = await latestCodeEmail(email.toLowerCase());
      expect(mail?.kind).toBe('sign_in_code');
      const code = /\b(\d{6})\b/.exec(mail?.text_body ?? '')?.[1];
      if (!code) throw new Error('no code in the email');
      return code;
    }

    const verify = (email: string, code: string, options = fromSite) =>
      api.http.post(
        '/v1/partner-sign-in/verify',
        { publishableKey: tenant.publishableKey, email, code },
        options,
      );

    it('signs a partner in end to end, and the code works once', async () => {
      const code = await requestCode(partner(0).email.toUpperCase());
      const { rows } = await api.db.query<{ code_hash: string }>(
        `SELECT code_hash FROM partner_sign_in_codes WHERE partner_id = $1`,
        [partner(0).id],
      );
      expect(rows[0]?.code_hash).not.toContain(code);

      const verified = await verify(partner(0).email, code);
      expect(verified.status).toBe(200);
      expect(verified.body.token).toMatch(/^pt_/);
      expect(verified.body.partner).toEqual({
        id: partner(0).id,
        name: partner(0).name,
        email: partner(0).email,
      });
      const me = await api.http.get('/v1/partner/me', {
        token: verified.body.token,
        headers: { origin: ALLOWED_ORIGIN },
      });
      expect(me.status).toBe(200);
      expect(me.body.partner.id).toBe(partner(0).id);

      const reused = await verify(partner(0).email, code);
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('invalid_code');
    });

    it('answers an unknown email exactly like a partner, and emails nobody', async () => {
      const stranger = `stranger-${randomBytes(3).toString('hex')}@example.com`;
      const unknown = await api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: tenant.publishableKey, email: stranger },
        fromSite,
      );
      const known = await api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: tenant.publishableKey, email: partner(3).email },
        fromSite,
      );
      expect(unknown.status).toBe(202);
      expect(known.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      const { rows } = await api.db.query('SELECT 1 FROM email_outbox WHERE recipient = $1', [
        stranger,
      ]);
      expect(rows).toHaveLength(0);
      const wrongProgram = await api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: other.publishableKey, email: partner(2).email },
        {},
      );
      expect(wrongProgram.status).toBe(202);
      expect(await latestCodeEmail(partner(2).email)).toBeUndefined();
    });

    it('kills a code after five wrong attempts', async () => {
      const code = await requestCode(partner(1).email);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        const attempt = await verify(partner(1).email, wrong);
        expect(attempt.status).toBe(422);
        expect(attempt.body.code).toBe('invalid_code');
      }
      const right = await verify(partner(1).email, code);
      expect(right.status).toBe(422);
      expect(right.body.code).toBe('too_many_attempts');
      expect(right.body).not.toHaveProperty('token');
    });

    it('refuses an expired code', async () => {
      const code = await requestCode(partner(1).email);
      await api.db.query(
        `UPDATE partner_sign_in_codes SET expires_at = now() - interval '1 second'
          WHERE partner_id = $1`,
        [partner(1).id],
      );
      const late = await verify(partner(1).email, code);
      expect(late.status).toBe(422);
      expect(late.body.code).toBe('code_expired');
    });

    it('retires older codes when a new one is requested', async () => {
      const first = await requestCode(partner(2).email);
      const second = await requestCode(partner(2).email);
      if (first !== second) {
        expect((await verify(partner(2).email, first)).body.code).toBe('invalid_code');
      }
      expect((await verify(partner(2).email, second)).status).toBe(200);
    });

    it('refuses a disallowed Origin on both steps', async () => {
      const evil = { headers: { origin: 'https://evil.example' } };
      const ask = await api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: tenant.publishableKey, email: partner(0).email },
        evil,
      );
      expect(ask.status).toBe(403);
      expect(ask.body.code).toBe('origin_not_allowed');
      const check = await verify(partner(0).email, '123456', evil);
      expect(check.status).toBe(403);
      expect(check.body.code).toBe('origin_not_allowed');
    });

    it('rate-limits code requests per email', async () => {
      const email = partner(3).email;
      let last = await api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: tenant.publishableKey, email },
        fromSite,
      );
      for (let i = 0; i < 6 && last.status === 202; i++) {
        last = await api.http.post(
          '/v1/partner-sign-in/codes',
          { publishableKey: tenant.publishableKey, email },
          fromSite,
        );
      }
      expect(last.status).toBe(429);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('says clearly when the publishable key is unknown', async () => {
      const response = await api.http.post('/v1/partner-sign-in/codes', {
        publishableKey: 'pk_nope',
        email: partner(0).email,
      });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('program_not_found');
    });
  });
  describe('minted by email for people signed in to the company’s product', () => {
    let open: SeededTenant;
    beforeAll(async () => {
      open = await seedTenant(api.db, { partners: 1, allowedOrigins: [ALLOWED_ORIGIN] });
    });

    const fresh = (name: string, domain = 'example.com') =>
      `${name}-${randomBytes(3).toString('hex')}@${domain}`;
    const mint = (body: Record<string, unknown>, t = open) =>
      api.http.post(
        '/v1/partner-sessions',
        { programId: t.programId, ...body },
        { token: t.apiKey },
      );
    const settings = (body: Record<string, unknown>) =>
      api.http.patch(`/v1/programs/${open.programId}`, body, { token: open.apiKey });
    const partnersWithEmail = async (email: string) =>
      (
        await api.db.query<{ id: string; company_id: string }>(
          'SELECT id, company_id FROM partners WHERE lower(email) = lower($1)',
          [email],
        )
      ).rows;

    it('mints for an enrolled partner by email, whatever its case, even in a closed program', async () => {
      const seeded = open.partners[0];
      if (!seeded) throw new Error('no seeded partner');
      const minted = await mint({ email: seeded.email.toUpperCase(), name: 'Ignored Name' });
      expect(minted.status).toBe(201);
      expect(minted.body.partner).toEqual({
        id: seeded.id,
        name: seeded.name,
        email: seeded.email,
      });
      const me = await api.http.get('/v1/partner/me', { token: minted.body.token });
      expect(me.body.partner.id).toBe(seeded.id);
    });

    it('refuses a person who is not a partner while the program is closed', async () => {
      const email = fresh('cleo');
      const refused = await mint({ email, name: 'Cleo' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('partner_not_enrolled');
      expect(refused.body.detail).toMatch(/invite the partner first, or open the program/);
      expect(await partnersWithEmail(email)).toEqual([]);
    });

    it('enrols a new person on first use of an open program, with a session that submits leads', async () => {
      expect((await settings({ applications: 'approval', applicationDomains: [] })).status).toBe(
        200,
      );
      const email = fresh('dora');
      const minted = await mint({ email, name: 'Dora Dev' });
      expect(minted.status).toBe(201);
      expect(minted.body.partner).toEqual({ id: expect.any(String), name: 'Dora Dev', email });

      const listed = await api.http.get(`/v1/partners?q=${encodeURIComponent(email)}`, {
        token: open.apiKey,
      });
      expect(listed.body.data).toEqual([
        expect.objectContaining({ id: minted.body.partner.id, name: 'Dora Dev', email }),
      ]);
      const enrolled = await api.http.get(`/v1/programs/${open.programId}/partners`, {
        token: open.apiKey,
      });
      expect(
        enrolled.body.data.map((row: { partner: { id: string } }) => row.partner.id),
      ).toContain(minted.body.partner.id);

      const lead = await api.http.post(
        '/v1/leads',
        { email: fresh('lead'), firstName: 'Lia' },
        { token: minted.body.token, ...fromSite },
      );
      expect(lead.status).toBe(201);
      // Signed in already: no invitation or approval email.
      const mails = await api.db.query('SELECT kind FROM email_outbox WHERE recipient = $1', [
        email,
      ]);
      expect(mails.rows).toEqual([]);

      const again = await mint({ email, name: 'Another Name' });
      expect(again.status).toBe(201);
      expect(again.body.partner).toEqual(minted.body.partner);
    });

    it('names a new partner after the email without a name', async () => {
      const email = fresh('eli');
      const minted = await mint({ email });
      expect(minted.status).toBe(201);
      expect(minted.body.partner.name).toBe(email.slice(0, email.indexOf('@')));
    });

    it("keeps to the program's email domains, naming the email", async () => {
      await settings({ applications: 'auto', applicationDomains: ['northwind.example'] });
      const outside = fresh('finn');
      const refused = await mint({ email: outside, name: 'Finn' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'email', code: 'email_domain_not_allowed' }),
      ]);
      expect(await partnersWithEmail(outside)).toEqual([]);
      const inside = await mint({ email: fresh('gus', 'northwind.example'), name: 'Gus' });
      expect(inside.status).toBe(201);
      await settings({ applicationDomains: [] });
    });

    it('makes one partner of concurrent first uses of one email', async () => {
      const email = fresh('hana');
      const minted = await Promise.all(
        Array.from({ length: 6 }, () => mint({ email, name: 'Hana' })),
      );
      expect(minted.map((response) => response.status)).toEqual(Array(6).fill(201));
      const ids = new Set(minted.map((response) => response.body.partner.id));
      expect(ids.size).toBe(1);
      const rows = await partnersWithEmail(email);
      expect(rows).toHaveLength(1);
      const partnerships = await api.db.query(
        'SELECT id FROM partnerships WHERE company_id = $1 AND partner_id = $2',
        [open.companyId, rows[0]?.id],
      );
      expect(partnerships.rows).toHaveLength(1);
    });

    it('leaves an ended enrolment ended', async () => {
      const email = fresh('ivo');
      const first = await mint({ email, name: 'Ivo' });
      await api.db.query(
        `UPDATE partnerships SET status = 'archived' WHERE company_id = $1 AND partner_id = $2`,
        [open.companyId, first.body.partner.id],
      );
      const refused = await mint({ email });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('partner_not_enrolled');
    });

    it("cannot be used with another company's key for this program", async () => {
      const email = fresh('jay');
      const foreign = await api.http.post(
        '/v1/partner-sessions',
        { programId: open.programId, email, name: 'Jay' },
        { token: other.apiKey },
      );
      expect(foreign.status).toBe(404);
      expect(foreign.body).not.toHaveProperty('token');
      expect(await partnersWithEmail(email)).toEqual([]);
    });

    it('takes exactly one of partnerId, partnerKey or email, naming the field', async () => {
      const none = await mint({});
      expect(none.status).toBe(422);
      expect(none.body.errors[0].field).toBe('email');
      const two = await mint({ partnerId: open.partners[0]?.id, email: fresh('kim') });
      expect(two.status).toBe(422);
      expect(two.body.errors[0].field).toBe('email');
      const nameAlone = await mint({ partnerId: open.partners[0]?.id, name: 'Kim' });
      expect(nameAlone.status).toBe(422);
      expect(nameAlone.body.errors[0].field).toBe('name');
      const badEmail = await mint({ email: 'not an email' });
      expect(badEmail.status).toBe(422);
      expect(badEmail.body.errors[0].field).toBe('email');
    });
  });
});
