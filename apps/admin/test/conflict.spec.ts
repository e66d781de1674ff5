import { expect, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('two tabs edit one lead: the second sees what changed and chooses to overwrite or reload', async ({
  browser,
  tenant,
}) => {
  const [lead] = await createLeads(tenant, 1, 0, 'Ada');
  if (!lead) throw new Error('no lead');
  // Two people (two browser contexts), each with the lead open in edit mode.
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const page of [first, second]) {
    await signIn(page, tenant);
    await page.goto(`/leads/${lead.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
  }

  await first.getByLabel('Company').fill('Analytical Engines Ltd');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.locator('[data-field="company"] dd')).toHaveText('Analytical Engines Ltd');

  // The second person started from version 1 and changes the company and the last name.
  await second.getByLabel('Company').fill('Babbage & Co');
  await second.getByLabel('Last name').fill('Lovelace');
  await second.getByRole('button', { name: 'Save changes' }).click();
  const conflict = second.getByTestId('conflict');
  await expect(
    second.getByRole('dialog', { name: 'This lead was changed while you were editing' }),
  ).toBeVisible();
  await expect(conflict).toContainText('you started from version 1');
  const company = conflict.locator('tr[data-conflict-field="company"]');
  await expect(company).toHaveAttribute('data-clash', 'true');
  await expect(company).toContainText('Analytical Engines Ltd');
  await expect(company).toContainText('Babbage & Co');
  await expect(conflict.locator('tr[data-conflict-field="lastName"]')).toContainText('Lovelace');

  // Overwrite: only the fields this person edited are written, on top of version 2.
  await second.getByRole('button', { name: 'Save my changes anyway' }).click();
  await expect(second.locator('[data-field="company"] dd')).toHaveText('Babbage & Co');
  await expect(second.locator('[data-field="lastName"] dd')).toHaveText('Lovelace');
  const saved = await tenant.lb.leads.get(lead.id);
  expect(saved).toMatchObject({ company: 'Babbage & Co', lastName: 'Lovelace', version: 3 });
  await expect(second.locator('[data-event="edited"]')).toHaveCount(2);

  // The first tab now holds version 2: its next edit conflicts, and "reload" shows the saved lead.
  await first.getByRole('button', { name: 'Edit', exact: true }).click();
  await first.getByLabel('First name').fill('Augusta');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByTestId('conflict')).toContainText('Babbage & Co');
  await first.getByRole('button', { name: 'Discard mine and reload' }).click();
  await expect(first.locator('[data-field="company"] dd')).toHaveText('Babbage & Co');
  await expect(first.locator('[data-field="firstName"] dd')).toHaveText('Ada');
  expect((await tenant.lb.leads.get(lead.id)).firstName).toBe('Ada');
});

test('a stage change made from a stale page shows the current stage before moving', async ({
  browser,
  tenant,
}) => {
  const [lead] = await createLeads(tenant, 1, 0, 'Stale');
  if (!lead) throw new Error('no lead');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, tenant);
  await page.goto(`/leads/${lead.id}`);
  await expect(page.getByRole('heading', { level: 1 }).locator('[data-stage]')).toHaveText('New');
  // Meanwhile someone else (here: the company's server) marks it unqualified.
  await tenant.lb.leads.changeStage(lead.id, { stage: 'unqualified' });
  await page.getByRole('button', { name: 'Closed Lost', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to Closed Lost' }).click();
  const alert = page.getByRole('dialog').getByRole('alert');
  await expect(alert).toContainText('This lead changed since you opened it');
  await expect(alert).toContainText('Unqualified');
  await expect(alert).toContainText('It can no longer move to Closed Lost');
  await page.getByRole('button', { name: 'Reload the lead' }).click();
  await expect(page.getByRole('heading', { level: 1 }).locator('[data-stage]')).toHaveText(
    'Unqualified',
  );
  expect((await tenant.lb.leads.get(lead.id)).stage).toBe('unqualified');
});
