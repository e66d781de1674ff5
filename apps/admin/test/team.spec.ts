import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('an invited member joins through the accept page and gets a read-only workspace', async ({
  browser,
  page,
  tenant,
}) => {
  const [lead] = await createLeads(tenant, 1, 0, 'Member');
  if (!lead) throw new Error('no lead');
  await signIn(page, tenant);
  await page.goto('/team');
  await page.getByRole('button', { name: 'Invite teammate' }).click();
  await page.getByRole('dialog').getByLabel('Email').fill('mia@acme.example');
  await page.getByRole('dialog').getByRole('button', { name: 'Send invitation' }).click();
  const acceptUrl = new URL((await page.getByTestId('invite-url').textContent()) ?? '');
  expect(acceptUrl.pathname).toBe('/accept-invite');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('mia@acme.example')).toBeVisible();
  await expectAccessible(page, 'team');
  await screenshot(page, 'team');

  const member = await (await browser.newContext()).newPage();
  await member.goto(`${acceptUrl.pathname}${acceptUrl.search}`);
  await expect(member.getByRole('heading', { name: `Join ${tenant.companyName}` })).toBeVisible();
  await expect(member.getByText('invited mia@acme.example as a member')).toBeVisible();
  await expectAccessible(member, 'accept invitation');
  await member.getByLabel('Your name').fill('Mia Member');
  await member.getByLabel('Choose a password').fill('short');
  await member.getByRole('button', { name: `Join ${tenant.companyName}` }).click();
  await expect(member.locator('.field-error')).toContainText('at least 10 characters');
  await member.getByLabel('Choose a password').fill('a-long-enough-password');
  await member.getByRole('button', { name: `Join ${tenant.companyName}` }).click();
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Welcome back, Mia');
  await expect(member.getByText('member', { exact: false }).first()).toBeVisible();

  // Read-only: no selection or stage moves in the inbox, and shortcuts explain why.
  await member.goto('/leads');
  await expect(member.locator(`tr[data-lead-id="${lead.id}"]`)).toBeVisible();
  await expect(member.getByRole('checkbox')).toHaveCount(0);
  await member.keyboard.press('j');
  await member.keyboard.press('q');
  await expect(member.getByRole('alert').filter({ hasText: 'read-only access' })).toBeVisible();
  await expect(member.locator(`tr[data-lead-id="${lead.id}"] [data-stage]`)).toHaveText('New');

  await member.goto(`/leads/${lead.id}`);
  await expect(member.getByRole('note')).toContainText('read-only access');
  await expect(member.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(member.getByRole('heading', { name: 'Move this lead' })).toHaveCount(0);

  await member.goto(`/programs/${tenant.program.id}?tab=general`);
  await expect(member.getByLabel('Name')).toBeDisabled();
  await expect(member.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await member.goto('/team');
  await expect(member.getByRole('button', { name: 'Invite teammate' })).toHaveCount(0);
  await expectAccessible(member, 'team as a member');
});
