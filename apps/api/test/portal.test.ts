import { type MailCatcher, startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { eventually, partnerOf, uniqueEmail } from './support/fixtures';
import { moveLead, submitLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

/** Where the API says browsers reach it: the hosted portals' origin. */
const PUBLIC_URL = 'https://partners.leadbridge.example';

/** The smallest valid PNG (1×1, transparent). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('hosted partner portal', () => {
  let api: TestApi;
  let catcher: MailCatcher;
  let tenant: SeededTenant;
  let slug: string;

  beforeAll(async () => {
    catcher = await startMailCatcher();
    api = await startTestApi({
      PUBLIC_URL,
      SMTP_URL: catcher.smtpUrl,
      MAIL_RETRY_DELAY_SECONDS: '1',
    });
    tenant = await seedTenant(api.db, {
      name: 'Brightwave <Analytics>',
      partners: 1,
      offer: {
        rules: [
          { kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'USD' } },
          { kind: 'percentage', basisPoints: 1000, months: 12 },
        ],
      },
    });
    const program = await api.http.get(`/v1/programs/${tenant.programId}`, {
      token: tenant.apiKey,
    });
    slug = program.body.slug;
  });
  afterAll(async () => {
    await api.close();
    await catcher.stop();
  });

  const settings = (body: Record<string, unknown>) =>
    api.http.patch(`/v1/programs/${tenant.programId}`, body, { token: tenant.apiKey });

  it('gives every program a portal page with its company, program and form, and no inline script', async () => {
    const created = await api.http.post(
      '/v1/programs',
      { name: 'Référence Partner Program', currency: 'EUR' },
      { token: tenant.apiKey },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'reference-partner-program',
      hostedPortalUrl: `${PUBLIC_URL}/p/reference-partner-program`,
      brandColor: null,
      logoUrl: null,
    });
    // Another program of the same name (here or at another company) gets its own address.
    const again = await api.http.post(
      '/v1/programs',
      { name: 'Référence Partner Program', currency: 'EUR' },
      { token: tenant.apiKey },
    );
    expect(again.body.slug).not.toBe('reference-partner-program');
    expect(again.body.slug).toMatch(/^[a-z0-9-]{3,60}$/);

    const page = await api.http.get(`/p/${created.body.slug}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('Brightwave &lt;Analytics&gt;');
    expect(page.text).not.toContain('<Analytics>');
    expect(page.text).toContain('<h1 id="portal-title">Référence Partner Program</h1>');
    expect(page.text).toContain(`<lead-form publishable-key="${created.body.publishableKey}">`);
    // Every script is a file from this origin (a CSP of script-src 'self' holds), no inline code.
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => [s[1]?.trim(), s[2]])).toEqual([
      ['type="module" src="/widget/lead-form.js"', ''],
    ]);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
    expect(page.text).not.toMatch(/<style|style="/);
  });

  it('offers "Apply to join" while the program takes applications, and says to ask for an invitation otherwise', async () => {
    const page = () => api.http.get(`/p/${slug}`, { headers: { accept: 'text/html' } });
    const closed = await page();
    expect(closed.text).toContain('Ask Brightwave &lt;Analytics&gt; to invite you.');
    expect(closed.text).not.toContain('href="#apply"');
    await settings({ applications: 'approval', defaultLocale: 'de' });
    const open = await page();
    expect(open.text).toContain('<a class="portal-apply" href="#apply">Jetzt bewerben</a>');
    expect(open.text).toContain('Noch kein Partner? Bewerben Sie sich bei');
    await settings({ applications: 'closed', defaultLocale: 'en' });
  });

  it('shows the program’s colour and logo, both checked when saved', async () => {
    const colour = await settings({ brandColor: '#FACC15' });
    expect(colour.status).toBe(200);
    expect(colour.body.brandColor).toBe('#facc15');
    const page = await api.http.get(`/p/${slug}`);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(page.text)?.[1] ?? '';
    const css = await api.http.get(stylesheet.replace(/&amp;/g, '&'));
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    // A light accent gets dark text on it, as the widget's accent too.
    expect(css.text).toContain('--portal-accent:#facc15;--portal-on-accent:#000000');
    expect(css.text).toContain('--lead-form-accent:var(--portal-accent)');

    for (const [body, field, code] of [
      [{ brandColor: 'yellow' }, 'brandColor', 'invalid_color'],
      [{ logo: 'https://example.com/logo.png' }, 'logo', 'invalid_image'],
      [{ logo: dataUrl('image/svg+xml', Buffer.from('<svg/>')) }, 'logo', 'invalid_image'],
      // Claims PNG, is not one.
      [{ logo: dataUrl('image/png', Buffer.from('GIF89a not a png')) }, 'logo', 'invalid_image'],
      [
        { logo: dataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(300 * 1024)])) },
        'logo',
        'logo_too_large',
      ],
      [{ slug: 'Not A Slug' }, 'slug', 'invalid_slug'],
    ] as const) {
      const refused = await settings(body);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field, code, message: expect.any(String) }),
      ]);
    }

    const logo = await settings({ logo: dataUrl('image/png', PNG) });
    expect(logo.status).toBe(200);
    expect(logo.body.logoUrl).toMatch(
      new RegExp(`^${PUBLIC_URL}/p/${tenant.programId}/logo\\?v=[0-9a-f]{12}$`),
    );
    const served = await fetch(
      `${api.url}${new URL(logo.body.logoUrl).pathname}${new URL(logo.body.logoUrl).search}`,
    );
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const withLogo = await api.http.get(`/p/${slug}`);
    expect(withLogo.text).toContain(`<img class="portal-logo" src="/p/${tenant.programId}/logo?v=`);

    const removed = await settings({ logo: null });
    expect(removed.body.logoUrl).toBeNull();
    const gone = await fetch(`${api.url}/p/${tenant.programId}/logo`);
    expect(gone.status).toBe(404);
  });

  it('lets the company choose the address; a taken one is refused, the old one is gone', async () => {
    const other = await seedTenant(api.db);
    const otherProgram = await api.http.get(`/v1/programs/${other.programId}`, {
      token: other.apiKey,
    });
    const taken = await settings({ slug: otherProgram.body.slug });
    expect(taken.status).toBe(422);
    expect(taken.body.errors).toEqual([
      expect.objectContaining({ field: 'slug', code: 'slug_taken' }),
    ]);

    const chosen = `brightwave-${tenant.programId.slice(0, 8)}`;
    const renamed = await settings({ slug: chosen });
    expect(renamed.status).toBe(200);
    expect(renamed.body.hostedPortalUrl).toBe(`${PUBLIC_URL}/p/${chosen}`);
    expect((await api.http.get(`/p/${chosen}`)).status).toBe(200);
    expect((await api.http.get(`/p/${slug}`)).status).toBe(404);
    // The id always leads to the current address.
    const byId = await fetch(`${api.url}/p/${tenant.programId}`, { redirect: 'manual' });
    expect(byId.status).toBe(301);
    expect(byId.headers.get('location')).toBe(`/p/${chosen}`);
    slug = chosen;
  });

  it('allows partner calls from the portal’s own origin for every program, and no other', async () => {
    const partner = partnerOf(tenant, 0);
    const request = (origin: string) =>
      api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: tenant.publishableKey, email: partner.email },
        { headers: { origin } },
      );
    expect((await request(PUBLIC_URL)).status).toBe(202);
    const refused = await request('https://elsewhere.example');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('origin_not_allowed');
    // The sign-in code comes in the program's colours, from its company.
    const code = await eventually(
      () => catcher.messages().find((m) => m.subject.includes('sign-in code')),
      'the sign-in code email',
    );
    expect(code.html).toContain('border-top:4px solid #facc15');
    expect(code.html).toContain('Brightwave &lt;Analytics&gt;');
  });

  it('sends partners to the hosted portal until the company sets a page of its own', async () => {
    const invited = await api.http.post(
      '/v1/partners',
      {
        name: 'Northstar',
        email: uniqueEmail('partner'),
        programIds: [tenant.programId],
        invite: true,
      },
      { token: tenant.apiKey },
    );
    expect(invited.status).toBe(201);
    const invitation = await eventually(
      () => catcher.messages().find((m) => m.to.includes(invited.body.email)),
      'the invitation',
    );
    expect(invitation.text).toContain(`here: ${PUBLIC_URL}/p/${slug}`);
    expect(invitation.text).toContain(
      `Sign in there with this email address (${invited.body.email})`,
    );
    expect(invitation.html).toContain(`href="${PUBLIC_URL}/p/${slug}"`);
    // The company's colour, and its name where there is no logo.
    expect(invitation.html).toContain('border-top:4px solid #facc15');
    expect(invitation.html).toContain(
      '<strong style="font-size:18px;color:#1f2328">Brightwave &lt;Analytics&gt;</strong>',
    );
  });

  it('tells the partner what a won lead earned them, in the company’s colours', async () => {
    const partner = partnerOf(tenant, 0);
    await settings({ logo: dataUrl('image/png', PNG) });
    const lead = await submitLead(api, partner.token, { firstName: 'Grace', lastName: 'Hopper' });
    await moveLead(api, tenant, lead.id, 'qualified');
    await moveLead(api, tenant, lead.id, 'closed_won');
    const won = await eventually(
      () =>
        catcher
          .messages()
          .find((m) => m.to.includes(partner.email) && m.subject.includes('is now Closed Won')),
      'the Closed Won email',
    );
    expect(won.text).toContain(
      'You earned $50.00 for this Closed Won lead. Brightwave <Analytics> approves commissions before paying them',
    );
    expect(won.text).toContain(
      'You also earn 10% of every payment Grace Hopper makes during the next 12 months.',
    );
    expect(won.text).toContain(`View your leads: ${PUBLIC_URL}/p/${slug}`);
    expect(won.html).toMatch(
      new RegExp(
        `<img src="${PUBLIC_URL}/p/${tenant.programId}/logo\\?v=[0-9a-f]{12}" alt="Brightwave &lt;Analytics&gt;"`,
      ),
    );
    // The button is in the accent, with text that reads on it.
    expect(won.html).toContain('background:#facc15;color:#000000');
    // A stage that earns nothing says nothing about money.
    const qualified = catcher
      .messages()
      .find((m) => m.to.includes(partner.email) && m.subject.includes('is now Qualified'));
    expect(qualified?.text).not.toContain('You earned');
  });

  it('shows an archived program’s portal as closed', async () => {
    const created = await api.http.post(
      '/v1/programs',
      { name: 'Short lived', currency: 'USD' },
      { token: tenant.apiKey },
    );
    expect((await api.http.get(`/p/${created.body.slug}`)).status).toBe(200);
    await api.http.delete(`/v1/programs/${created.body.id}`, { token: tenant.apiKey });
    const closed = await api.http.get(`/p/${created.body.slug}`);
    expect(closed.status).toBe(404);
    expect(closed.text).toContain('This partner portal does not exist');
    expect((await api.http.get('/p/no-such-portal')).status).toBe(404);
  });
});
