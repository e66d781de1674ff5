import { readFileSync } from 'node:fs';
import { Leadbridge } from '@leadbridge/sdk';
import { apiUrl } from './support/env';
import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('imports show their counts and the error CSV downloads', async ({ page, tenant }) => {
  const partner = tenant.partners[0];
  if (!partner) throw new Error('no partner');
  const csv = [
    'First name,Last name,Email,Company',
    'Ada,Lovelace,ada@engines.example,Engines',
    'Bad,Row,not-an-email,X',
    'Alan,Turing,alan@bletchley.example,',
  ].join('\r\n');
  const created = await tenant.lb.imports.create(csv, {
    programId: tenant.program.id,
    partnerId: partner.id,
    fileName: 'october-leads.csv',
  });
  await expect
    .poll(async () => (await tenant.lb.imports.get(created.id)).status, { timeout: 30_000 })
    .toBe('completed');

  await signIn(page, tenant);
  await page.goto('/imports');
  const row = page.locator(`tr[data-import-id="${created.id}"]`);
  await expect(row).toContainText('october-leads.csv');
  await expect(row).toContainText('Completed');
  await expect(row.locator('td.num')).toHaveText(['2', '0', '1']);
  await expectAccessible(page, 'imports');
  await screenshot(page, 'imports');
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Error CSV (1)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('october-leads-errors.csv');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text).toContain('not-an-email');
  expect(text.split(/\r?\n/)[0]).toMatch(/error/i);
});

test('commissions are approved in bulk, marked paid and exported', async ({ page, tenant }) => {
  await tenant.lb.programs.update(tenant.program.id, {
    offer: {
      rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 7_500, currency: 'USD' } }],
    },
  });
  const leads = await createLeads(tenant, 3, 0, 'Won');
  for (const lead of leads) await tenant.lb.leads.changeStage(lead.id, { stage: 'closed_won' });

  await signIn(page, tenant);
  await page.goto('/commissions');
  const rows = page.locator('tr[data-commission-id]');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('link', { name: /Pending/ })).toContainText('$225.00');
  await expectAccessible(page, 'commissions');
  await screenshot(page, 'commissions');

  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page
    .getByRole('region', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Approve' })
    .click();
  await expect(rows).toHaveCount(1);
  await rows.nth(0).getByRole('checkbox').check();
  await page
    .getByRole('region', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Decline' })
    .click();
  await page.getByRole('dialog').getByLabel('Reason').fill('Duplicate of an existing customer');
  await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByText('No pending commissions')).toBeVisible();

  await page.getByRole('link', { name: /Approved/ }).click();
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Select all').check();
  await page
    .getByRole('region', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Mark paid' })
    .click();
  await expect(page.getByText('No approved commissions')).toBeVisible();
  await page.getByRole('link', { name: /Paid/ }).click();
  await expect(rows).toHaveCount(2);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const text = readFileSync((await (await downloading).path()) ?? '', 'utf8');
  expect(text.trim().split(/\r?\n/)).toHaveLength(3);
  const totals = (await tenant.lb.commissions.totals()).data[0];
  expect(totals).toMatchObject({
    currency: 'USD',
    paid: 15_000,
    declined: 7_500,
    pending: 0,
    approved: 0,
  });
});

test('a partner is invited and enrolled, and their message is answered', async ({
  page,
  tenant,
}) => {
  const second = await tenant.lb.programs.create({ name: 'Affiliate program', currency: 'USD' });
  await signIn(page, tenant);
  await page.goto('/partners');
  await page.getByRole('button', { name: 'Invite partner' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Partner name').fill('Northwind Agency');
  await dialog.getByLabel('Email', { exact: true }).fill('hello@northwind.example');
  await dialog.getByLabel('Reseller program').check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northwind Agency');
  await expect(page.getByRole('cell', { name: 'Reseller program' })).toBeVisible();
  await page.getByLabel('Program to enrol in').selectOption({ label: second.name });
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Affiliate program' })).toBeVisible();
  await expectAccessible(page, 'partner detail');
  await screenshot(page, 'partner-detail');

  // The partner writes from the widget (a partner session); the company sees it unread and replies.
  const partnerId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const session = await tenant.lb.partnerSessions.create({
    programId: tenant.program.id,
    partnerId,
  });
  const partner = new Leadbridge({ baseUrl: apiUrl(), sessionToken: session.token });
  await partner.messages.startThread({
    subject: 'Co-marketing?',
    body: 'Could we run a webinar together in March?',
  });
  await page.goto('/messages');
  await expect(page.getByRole('link', { name: /Messages.*1 unread/ })).toBeVisible();
  await page.getByRole('link', { name: /Co-marketing\?/ }).click();
  await expect(page.locator('.message-partner')).toContainText('webinar together in March');
  await page.getByLabel('Reply').fill('Yes! Let us pick a date.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.message-company')).toContainText('Let us pick a date');
  await expect(page.getByRole('link', { name: /Messages.*unread/ })).toHaveCount(0);
  await expectAccessible(page, 'messages');
  await screenshot(page, 'messages');
  const replies = await partner.messages.list(
    (await partner.messages.listThreads()).data[0]?.id ?? '',
  );
  expect(replies.data[0]?.body).toBe('Yes! Let us pick a date.');
});

test('the program filter narrows a list and stays in its address', async ({ page, tenant }) => {
  const agency = await tenant.lb.programs.create({ name: 'Agency program', currency: 'USD' });
  const only = await tenant.lb.partners.create({
    name: 'Agency Only Partner',
    email: `agency-only-${agency.id.slice(0, 8)}@example.com`,
    programIds: [agency.id],
  });
  await signIn(page, tenant);
  await page.goto('/partners');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await page.getByLabel('Program').selectOption({ label: 'Agency program' });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(only.name);
  await expect(page).toHaveURL(new RegExp(`[?&]program=${agency.id}`));
  await page.reload();
  await expect(page.getByLabel('Program')).toHaveValue(agency.id);
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Program').selectOption({ label: 'All programs' });
  await expect(rows).toHaveCount(3);
  await expect(page).not.toHaveURL(/program=/);
});
