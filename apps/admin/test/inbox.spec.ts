import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('50 leads change stage in bulk, with the result of each lead shown', async ({
  page,
  tenant,
}) => {
  const leads = await createLeads(tenant, 50, 0, 'Bulk');
  // One of them is already won: winning is final, so the bulk move must report it as refused.
  const won = leads[7];
  if (!won) throw new Error('no lead');
  await tenant.lb.leads.changeStage(won.id, { stage: 'closed_won' });

  await signIn(page, tenant);
  await page.goto('/leads');
  await expect(page.locator('tr[data-lead-id]')).toHaveCount(50);
  await expect(page.getByText('50 leads shown')).toBeVisible();
  await expectAccessible(page, 'leads inbox');
  await screenshot(page, 'inbox');

  await page.getByLabel('Select all loaded leads').check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('50 selected');
  await bar.getByRole('button', { name: 'Qualified', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Move 50 leads to Qualified');
  await dialog.getByLabel('Reason (optional)').fill('Quarterly review');
  await dialog.getByRole('button', { name: 'Move to Qualified' }).click();

  const results = page.getByTestId('bulk-results');
  await expect(results).toContainText('49 moved');
  await expect(results).toContainText('1 not moved');
  await expect(results.locator('tr[data-result="ok"]')).toHaveCount(49);
  const refused = results.locator('tr[data-result="failed"]');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('Bulk 08');
  await screenshot(page, 'inbox-bulk-results', { fullPage: false });
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The table shows what the server did: 49 qualified, the won one untouched.
  await expect(page.locator('tr[data-lead-id] [data-stage="qualified"]')).toHaveCount(49);
  await expect(page.locator(`tr[data-lead-id="${won.id}"] [data-stage]`)).toHaveText('Closed Won');
  const stored = await tenant.lb.leads.list({
    programId: tenant.program.id,
    stage: 'qualified',
    limit: 100,
  });
  expect(stored.data).toHaveLength(49);
  const history = await tenant.lb.leads.history(leads[0]?.id ?? '');
  expect(history.data.at(-1)?.data).toMatchObject({
    from: 'new',
    to: 'qualified',
    reason: 'Quarterly review',
  });
});

test('keyboard triage: j/k move, x selects, q qualifies at once and rolls back when refused', async ({
  page,
  tenant,
}) => {
  await createLeads(tenant, 3, 0, 'Key');
  await signIn(page, tenant);
  await page.goto('/leads');
  const rows = page.locator('tr[data-lead-id]');
  await expect(rows).toHaveCount(3);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Newest first: Key 03, Key 02, Key 01.
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(rows.nth(0)).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('q');
  await expect(rows.nth(0).locator('[data-stage]')).toHaveText('Qualified');

  // The server refuses the next move: the row shows the new stage, then goes back, and says why.
  await page.route('**/v1/leads/*/stage', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'busy',
        detail: 'Someone is editing this lead.',
      }),
    }),
  );
  await page.keyboard.press('j');
  await page.keyboard.press('w');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Someone is editing this lead.' }),
  ).toBeVisible();
  await expect(rows.nth(1).locator('[data-stage]')).toHaveText('New');
  await page.unroute('**/v1/leads/*/stage');

  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toContainText('2 selected');
  await page.keyboard.press('l');
  await expect(page.getByRole('dialog').getByRole('heading')).toHaveText(
    'Move 2 leads to Closed Lost',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Move to Closed Lost' }).click();
  await expect(page.getByTestId('bulk-results')).toContainText('2 moved');
  await page.getByRole('button', { name: 'Done' }).click();

  await page.keyboard.press('/');
  await expect(page.getByLabel('Search leads')).toBeFocused();
  await page.keyboard.type('Key 03');
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(/q=Key\+03/);
  await expect(rows.first().locator('[data-stage]')).toHaveText('Qualified');
});

test('filters by stage and the inbox works at phone width', async ({ page, tenant }) => {
  const leads = await createLeads(tenant, 4, 0, 'Phone');
  await tenant.lb.leads.changeStage(leads[0]?.id ?? '', { stage: 'qualified' });
  await page.setViewportSize({ width: 375, height: 760 });
  await signIn(page, tenant);
  await page.goto('/leads');
  await page.getByRole('button', { name: 'Qualified', exact: true }).click();
  await expect(page).toHaveURL(/stage=qualified/);
  await expect(page.locator('tr[data-lead-id]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Qualified', exact: true }).click();
  await expect(page.locator('tr[data-lead-id]')).toHaveCount(4);
  // No horizontal scrolling of the page itself at 375px.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'inbox at phone width');
  await screenshot(page, 'inbox-phone');
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
});
