import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

/** Errors the page threw or reported (a crash inside a mutation ends up in a toast). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/**
 * Pages that cache leads in other shapes (a partner's latest leads as a plain list, a lead's own
 * record) are visited first, in one session without reloads, so every later change to a lead
 * meets those cached copies: moving, bulk-moving and editing must update them, not crash on them.
 */
test('after a partner page, leads move, bulk-move and save, and every cached copy follows', async ({
  page,
  tenant,
}) => {
  const partner = tenant.partners[0];
  if (!partner) throw new Error('no partner');
  const leads = await createLeads(tenant, 4, 0, 'Cache');
  const errors = collectErrors(page);
  await signIn(page, tenant);

  // Inviting a partner lands on their page, so a new company starts here.
  await page.goto(`/partners/${partner.id}`);
  const latest = page.getByRole('region', { name: 'Latest leads' });
  await expect(latest.getByRole('link', { name: /^Cache 0\d$/ })).toHaveCount(4);

  // One move from the inbox, by keyboard (newest first: Cache 04 is the first row).
  await page.getByRole('link', { name: 'Leads', exact: true }).click();
  const rows = page.locator('tr[data-lead-id]');
  await expect(rows).toHaveCount(4);
  await page.keyboard.press('j');
  await page.keyboard.press('q');
  await expect(rows.nth(0).locator('[data-stage]')).toHaveText('Qualified');

  // A bulk move of two others.
  await page.getByLabel('Select Cache 03').check();
  await page.getByLabel('Select Cache 02').check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await bar.getByRole('button', { name: 'Closed Lost', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Move to Closed Lost' }).click();
  await expect(page.getByTestId('bulk-results')).toContainText('2 moved');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(rows.nth(1).locator('[data-stage]')).toHaveText('Closed Lost');
  await expect(rows.nth(2).locator('[data-stage]')).toHaveText('Closed Lost');

  // An edit and a move from the lead's own page.
  await rows.nth(3).getByRole('link', { name: 'Cache 01' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cache 01');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Company').fill('Cached Copy Ltd');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Lead saved')).toBeVisible();
  await expect(page.locator('[data-field="company"] dd')).toHaveText('Cached Copy Ltd');
  await page.getByRole('button', { name: 'Qualified', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to Qualified' }).click();
  await expect(page.getByRole('heading', { level: 1 }).locator('[data-stage]')).toHaveText(
    'Qualified',
  );

  // Back on the partner's page (no reload): its list shows every change.
  await page.getByRole('link', { name: partner.name }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(partner.name);
  const stageOf = (name: string) =>
    latest.getByRole('listitem').filter({ hasText: name }).locator('[data-stage]');
  await expect(stageOf('Cache 04')).toHaveText('Qualified');
  await expect(stageOf('Cache 03')).toHaveText('Closed Lost');
  await expect(stageOf('Cache 02')).toHaveText('Closed Lost');
  await expect(stageOf('Cache 01')).toHaveText('Qualified');

  // And the server agrees: nothing was only shown.
  const stored = new Map(
    (await tenant.lb.leads.list({ partnerId: partner.id, limit: 10 })).data.map((lead) => [
      lead.id,
      lead,
    ]),
  );
  expect(leads.map((lead) => stored.get(lead.id)?.stage)).toEqual([
    'qualified',
    'closed_lost',
    'closed_lost',
    'qualified',
  ]);
  expect(stored.get(leads[0]?.id ?? '')?.company).toBe('Cached Copy Ltd');
  expect(errors).toEqual([]);
});
