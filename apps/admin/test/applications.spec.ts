import { Leadbridge } from '@leadbridge/sdk';
import { apiUrl } from './support/env';
import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { type TestTenant, tag } from './support/tenant';

/** The latest 6-digit code the mail catcher holds for `email`. */
async function codeFor(email: string): Promise<string> {
  const mailUrl = process.env.LB_ADMIN_TEST_MAIL_URL;
  if (!mailUrl) throw new Error('run through the admin suite (global-setup.mjs)');
  let code: string | null = null;
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(`${mailUrl}/api/messages`)).json()) as {
          to: string[];
          subject: string;
        }[];
        const mine = mails.filter((mail) => mail.to.includes(email));
        code = /\b(\d{6})\b/.exec(mine.at(-1)?.subject ?? '')?.[1] ?? null;
        return code;
      },
      { timeout: 20_000 },
    )
    .not.toBeNull();
  return code ?? '';
}

/** Someone applies on the program's page and confirms the emailed code, as the widget does. */
async function applies(tenant: TestTenant, name: string, answer: string): Promise<string> {
  const visitor = new Leadbridge({ baseUrl: apiUrl() });
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${tag()}@agency.example`;
  await visitor.programApplications.apply({
    publishableKey: tenant.program.publishableKey,
    name,
    email,
    company: `${name} Agency`,
    answers: { whoDoYouSellTo: answer },
  });
  const confirmed = await visitor.programApplications.confirm({
    publishableKey: tenant.program.publishableKey,
    email,
    code: await codeFor(email),
  });
  expect(confirmed.status).toBe('pending');
  return email;
}

test('the company opens a program to applications, then approves, declines and bulk-approves in the inbox', async ({
  page,
  tenant,
}) => {
  await signIn(page, tenant);
  await page.goto(`/programs/${tenant.program.id}?tab=applications`);
  await page.getByLabel('Open, with approval').check();
  await page.getByLabel('Email domains allowed to apply').fill('agency.example');
  await page.getByRole('button', { name: '+ Add question' }).click();
  await page.getByLabel('Label').fill('Who do you sell to?');
  await page.getByLabel('Required').check();
  await expectAccessible(page, 'application settings');
  await screenshot(page, 'application-settings');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  const saved = await tenant.lb.programs.get(tenant.program.id);
  expect(saved.applications).toBe('approval');
  expect(saved.applicationDomains).toEqual(['agency.example']);
  expect(saved.applicationQuestions.fields).toMatchObject([
    { key: 'whoDoYouSellTo', label: 'Who do you sell to?', required: true },
  ]);

  const ana = await applies(tenant, 'Ana Souza', 'Logistics in Brazil');
  const bruno = await applies(tenant, 'Bruno Costa', 'Retail');
  const carla = await applies(tenant, 'Carla Dias', 'Hospitals');
  const dario = await applies(tenant, 'Dario Neri', 'Banks');

  await page.goto('/applications');
  const row = (email: string) => page.getByRole('row').filter({ hasText: email });
  for (const email of [ana, bruno, carla, dario]) await expect(row(email)).toBeVisible();
  await expect(row(ana)).toContainText('Who do you sell to?');
  await expect(row(ana)).toContainText('Logistics in Brazil');
  await expectAccessible(page, 'applications');
  await screenshot(page, 'applications');

  await page.getByRole('button', { name: 'Approve Ana Souza' }).click();
  await expect(page.getByText('Application approved')).toBeVisible();
  await expect(row(ana)).toHaveCount(0);

  await page.getByRole('button', { name: 'Decline Bruno Costa' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason (optional)').fill('We only work with agencies in Portugal.');
  await dialog.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByText('Application declined')).toBeVisible();

  await page.getByLabel('Select Carla Dias').check();
  await page.getByLabel('Select Dario Neri').check();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await expect(page.getByText('2 applications approved')).toBeVisible();
  await expect(page.getByText('No applications here')).toBeVisible();

  await page.getByLabel('Status').selectOption('declined');
  await expect(row(bruno)).toContainText('We only work with agencies in Portugal.');
  const partners = (await tenant.lb.partners.list({ programId: tenant.program.id })).data;
  expect(partners.map((partner) => partner.email)).toEqual(
    expect.arrayContaining([ana, carla, dario]),
  );
  expect(partners.map((partner) => partner.email)).not.toContain(bruno);

  // The team can stop the emails about new applications.
  await page.goto('/team');
  const teamEmail = page.getByLabel(
    'Email owners and admins when someone applies to join a program',
  );
  await expect(teamEmail).toBeChecked();
  await teamEmail.uncheck();
  await expect(page.getByText('No more emails about new applications')).toBeVisible();
  expect(await tenant.lb.company.notificationPreferences()).toEqual({ partnerApplied: false });
});
