import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('a lead moves new → qualified → won and its customer appears, with revenue', async ({
  page,
  tenant,
}) => {
  const [lead] = await createLeads(tenant, 1, 0, 'Grace');
  if (!lead) throw new Error('no lead');
  await signIn(page, tenant);
  await page.goto('/leads');
  const row = page.locator(`tr[data-lead-id="${lead.id}"]`);
  await expect(row).toContainText('Grace 01');
  await expect(row.locator('[data-stage]')).toHaveText('New');
  await row.getByRole('link', { name: 'Grace 01' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Grace 01');
  // The stages in lifecycle order, the natural next one primary: qualify a new lead.
  const moves = page.getByRole('region', { name: 'Move this lead' });
  await expect(moves.getByRole('button')).toHaveText([
    'Qualified',
    'Closed Won',
    'Closed Lost',
    'Unqualified',
  ]);
  await expect(moves.locator('.btn-primary')).toHaveText('Qualified');
  await page.getByRole('button', { name: 'Qualified', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason (optional)').fill('Budget confirmed on the call');
  await dialog.getByRole('button', { name: 'Move to Qualified' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 }).locator('[data-stage]')).toHaveText(
    'Qualified',
  );
  await expect(page.locator('[data-event="stage_changed"]')).toContainText(
    'Budget confirmed on the call',
  );

  await expect(moves.locator('.btn-primary')).toHaveText('Closed Won');
  await page.getByRole('button', { name: 'Closed Won', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to Closed Won' }).click();
  await expect(page.getByRole('heading', { level: 1 }).locator('[data-stage]')).toHaveText(
    'Closed Won',
  );
  await expect(page.getByTestId('lead-customer')).toContainText('Signed up');
  await expect(page.getByText('is final')).toBeVisible();
  await expectAccessible(page, 'lead detail');
  await screenshot(page, 'lead-detail');

  // The customer is there on the customers page, and recording a payment makes it paid.
  await page.getByRole('link', { name: 'Customers' }).click();
  const customerRow = page.locator('tr[data-customer-id]').filter({ hasText: 'Grace 01' });
  await expect(customerRow).toContainText('Signed up');
  await expect(customerRow).toContainText(tenant.partners[0]?.name ?? '');
  await customerRow.getByRole('link', { name: 'Grace 01' }).click();
  await page.getByLabel('Amount (USD)').fill('abc');
  await page.getByRole('button', { name: 'Record transaction' }).click();
  await expect(page.getByText('Enter an amount in USD')).toBeVisible();
  await page.getByLabel('Amount (USD)').fill('1249.99');
  await page.getByRole('button', { name: 'Record transaction' }).click();
  await expect(page.getByTestId('customer-revenue')).toHaveText('$1,249.99');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paid');
  await expectAccessible(page, 'customer detail');

  const customer = (await tenant.lb.customers.list({ limit: 10 })).data[0];
  expect(customer?.revenue).toEqual({ amount: 124_999, currency: 'USD' });
  expect(customer?.status).toBe('paid');
});
