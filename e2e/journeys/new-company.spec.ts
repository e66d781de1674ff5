import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { png } from '../support/png';
import { repoRoot } from '../support/stack';
import { openWorld, type World } from '../support/world';

// A company with no website and no developer, from sign-up to the first lead a partner submits
// through the hosted portal, guided by the setup checklist that ticks itself off from real data.
// The whole system as `npm start` runs it; the partner reads their emails in the mail catcher.

/** A 160×40 logo: a teal mark with three white bars, as a company would upload it. */
const LOGO = png(160, 40, (x, y) => {
  const inMark = x < 40;
  const bar = y >= 10 && y < 30 && x >= 8 && x < 32 && (x - 8) % 9 < 6;
  const word = !inMark && x >= 52 && x < 150 && y >= 16 && y < 24;
  if (inMark) return bar ? [255, 255, 255] : [11, 114, 133];
  return word ? [11, 114, 133] : [255, 255, 255];
});
const ACCENT = '#0b7285';
const SCREENS = `${repoRoot}/artifacts/e2e/screens`;

let world: World | undefined;
const the = (): World => {
  if (!world) throw new Error('the system did not start');
  return world;
};

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(240_000);
  world = await openWorld(browser);
  mkdirSync(SCREENS, { recursive: true });
});
test.afterAll(async () => world?.close());

/** Screenshots at a phone, tablet and desktop width, kept as CI artefacts (artifacts/e2e). */
async function screens(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [375, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // Never wider than the screen: nothing scrolls sideways.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width} px`,
    ).toBeLessThanOrEqual(width);
    await page.screenshot({
      path: `${SCREENS}/${name}-${width}.png`,
      fullPage: true,
      // A resize starts CSS transitions (the sidebar sliding away): show where they end.
      animations: 'disabled',
    });
  }
  await page.setViewportSize(size);
}

function step(checklist: Locator, key: string): Locator {
  return checklist.locator(`[data-step="${key}"]`);
}

test('a new company goes from sign-up to a partner’s first lead without touching HTML', async () => {
  test.setTimeout(180_000);
  const { cast, mail } = the();
  const page = the().company.page;
  const { apiUrl } = the().stack.ready;
  const firstName = cast.company.owner.split(' ')[0];

  // Sign up: a welcome and the steps ahead, not an empty dashboard.
  await page.goto('/sign-up');
  await page.getByLabel('Company name').fill(cast.company.name);
  await page.getByLabel('Your name').fill(cast.company.owner);
  await page.getByLabel('Work email').fill(cast.company.email);
  await page.getByLabel('Password').fill(cast.company.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${firstName}`);
  const checklist = page.getByRole('region', { name: 'Set up your partner program' });
  await expect(checklist.getByTestId('setup-count')).toHaveText('0 of 5 done');
  await expect(step(checklist, 'create_program')).toHaveAttribute('data-state', 'current');
  await expectAccessible(page, 'the setup checklist');

  // 1. The program, right in the checklist.
  await step(checklist, 'create_program').getByLabel('Program name').fill(cast.program.name);
  await step(checklist, 'create_program').getByRole('button', { name: 'Create program' }).click();
  await expect(step(checklist, 'create_program')).toHaveAttribute('data-state', 'done');
  await expect(checklist.getByTestId('setup-count')).toHaveText('1 of 5 done');

  // 2. Where the form will live: explained, with the site guessed from the work email.
  const origins = step(checklist, 'allow_origins');
  await expect(origins).toHaveAttribute('data-state', 'current');
  await expect(origins.getByLabel('Address of your partners page')).toHaveValue(
    'https://www.brightwave.example',
  );
  await expect(origins).toContainText('Leadbridge will allow https://www.brightwave.example');
  await screens(page, 'setup-checklist');

  // No website: the hosted portal instead. Opening it once is using it.
  const [portalTab] = await Promise.all([
    page.waitForEvent('popup'),
    origins.getByRole('link', { name: 'Use the hosted portal instead' }).click(),
  ]);
  await expect(portalTab.getByRole('heading', { level: 1 })).toHaveText(cast.program.name);
  await portalTab.close();
  // 2 and 3 tick themselves off: nothing to allow, and the portal is in use.
  await expect(origins).toHaveAttribute('data-state', 'done');
  await expect(origins).toContainText('Not needed: your partners use the hosted portal.');
  await expect(step(checklist, 'share_form')).toHaveAttribute('data-state', 'done');
  await expect(step(checklist, 'share_form')).toContainText('Your hosted portal is open.');

  // The portal in the company's look: a logo and a colour, from a file picker and a colour.
  await step(checklist, 'share_form')
    .getByRole('link', { name: 'Add your logo and colour' })
    .click();
  await expect(page).toHaveURL(/\/programs\/[0-9a-f-]{36}\?tab=general#branding$/);
  await page
    .getByLabel('Logo', { exact: true })
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO });
  await expect(page.getByRole('img', { name: 'Logo preview' })).toBeVisible();
  await page.getByLabel('Accent colour', { exact: true }).fill(ACCENT);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Settings saved' }).first(),
  ).toBeVisible();
  const portalUrl = (await page.getByTestId('hosted-portal-link').getAttribute('href')) ?? '';
  expect(portalUrl).toMatch(new RegExp(`^${apiUrl}/p/brightwave-partner-program(-[a-z0-9-]+)?$`));
  await screens(page, 'program-general-settings');

  // 4. Invite a partner from the checklist, which stays open and ticks.
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
  const invite = step(checklist, 'invite_partner');
  await expect(invite).toHaveAttribute('data-state', 'current');
  await invite.getByRole('button', { name: 'Invite a partner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a partner' });
  await dialog.getByLabel('Partner name').fill(cast.partner.name);
  await dialog.getByLabel('Email', { exact: true }).fill(cast.partner.email);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite).toHaveAttribute('data-state', 'done');
  await expect(step(checklist, 'first_lead')).toHaveAttribute('data-state', 'current');

  // The partner's invitation: the company's look, the portal link, how to sign in.
  const invitation = await mail.waitFor(
    cast.partner.email,
    (m) => m.subject === `You're now a partner in ${cast.program.name}`,
    'partner invitation',
  );
  expect(invitation.text).toContain(`Submit leads to ${cast.program.name} here: ${portalUrl}`);
  expect(invitation.text).toContain(
    `Sign in there with this email address (${cast.partner.email})`,
  );
  expect(invitation.html).toContain(`border-top:4px solid ${ACCENT}`);
  expect(invitation.html).toMatch(/<img src="[^"]+\/logo\?v=[0-9a-f]{12}"/);

  // The partner follows the link: the company's name, logo and colour around the form.
  const partner = the().partner.page;
  await partner.goto(portalUrl);
  await expect(partner.getByRole('img', { name: cast.company.name })).toBeVisible();
  expect(
    await partner.evaluate(
      () => getComputedStyle(document.querySelector('.portal-bar') as Element).borderTopColor,
    ),
  ).toBe('rgb(11, 114, 133)');
  const form = partner.locator('lead-form');
  await expect(
    form.getByRole('heading', { name: `Sign in to ${cast.program.name}` }),
  ).toBeVisible();
  await screens(partner, 'hosted-portal-sign-in');
  await form.getByLabel('Email address').fill(cast.partner.email);
  const asked = new Date(Date.now() - 1000);
  await form.getByRole('button', { name: 'Email me a code' }).click();
  await expect(form.getByText(/^No code after a few minutes\?/)).toBeVisible();
  await form.getByLabel('6-digit code').fill(await mail.signInCode(cast.partner.email, asked));
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText(`Signed in as ${cast.partner.name}`)).toBeVisible();
  await expectAccessible(partner, 'the hosted portal');

  // 5. The first lead, through the portal.
  await form.getByLabel('First name').fill(cast.lead.firstName);
  await form.getByLabel('Last name').fill(cast.lead.lastName);
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(cast.lead.email);
  await form.getByLabel('Company').fill(cast.lead.company);
  await form.getByRole('button', { name: 'Submit lead' }).click();
  await expect(form.getByRole('heading', { name: 'Lead submitted' })).toBeVisible();
  await screens(partner, 'hosted-portal-submitted');

  // The company's checklist ticks the last step by itself, then gives way to the dashboard.
  await expect(step(checklist, 'first_lead')).toHaveAttribute('data-state', 'done', {
    timeout: 20_000,
  });
  await expect(checklist.getByTestId('setup-count')).toHaveText('5 of 5 done');
  await expect(checklist.getByRole('status')).toContainText('You are set up.');
  await screens(page, 'setup-complete');
  await checklist.getByRole('button', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome back, ${firstName}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome back, ${firstName}`);
});
