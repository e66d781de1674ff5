import { testEnvironment } from '../../../test/support/environment.js';
import { expect, expectNoAxeViolations, openHost, test } from '../../../test/support/fixtures.js';
import { importSchema } from '../../../test/support/schemas.js';
import { partnerClient, partnerToken, seedProgram } from '../../../test/support/seed.js';

test('My leads: program stage names, search and filter, history, edit with the pencil, version conflict', async ({
  page,
}) => {
  const program = await seedProgram({
    formSchema: importSchema(),
    stageLabels: { qualified: 'Sales accepted', closed_won: 'Customer' },
  });
  const token = await partnerToken(program);
  const partner = partnerClient(token);
  await partner.leads.create({
    email: 'ada@engines.example',
    firstName: 'Ada',
    company: 'Engines',
    fields: { seats: 3 },
  });
  const grace = await partner.leads.create({
    email: 'grace@navy.example',
    firstName: 'Grace',
    lastName: 'Hopper',
    company: 'Fleet',
    fields: { seats: 40 },
  });
  const linus = await partner.leads.create({
    email: 'linus@kernel.example',
    firstName: 'Linus',
    fields: { seats: 9 },
  });
  await program.company.leads.changeStage(grace.id, {
    stage: 'qualified',
    reason: 'Budget confirmed',
  });
  await program.company.leads.changeStage(linus.id, { stage: 'closed_won' });

  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
        },
      },
    ],
  });
  const form = page.locator('#form');
  // Tabs follow the ARIA pattern: arrow keys move between them.
  await form.getByRole('tab', { name: 'Submit a lead' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('tab', { name: 'My leads' })).toBeFocused();
  await expect(form.getByRole('tab', { name: 'My leads' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  const table = form.getByRole('table', { name: 'My leads' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Grace Hopper/ })).toContainText('Sales accepted');
  await expect(table.getByRole('row', { name: /Linus/ })).toContainText('Customer');
  await expectNoAxeViolations(page);

  await form.getByRole('searchbox', { name: 'Search leads' }).fill('navy');
  await expect(table.getByRole('row')).toHaveCount(2);
  await form.getByRole('searchbox', { name: 'Search leads' }).fill('');
  await form.getByLabel('Status').selectOption({ label: 'Customer' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('linus@kernel.example');

  // A won lead is no longer the partner's to edit: no pencil, and a plain reason.
  await table.getByRole('button', { name: 'Linus' }).click();
  await expect(form.getByRole('heading', { name: 'Linus' })).toBeFocused();
  await expect(form.getByRole('button', { name: 'Edit lead' })).toHaveCount(0);
  await expect(
    form.getByText('Leads with the status “Customer” can no longer be edited.'),
  ).toBeVisible();
  await form.getByRole('button', { name: /Back to my leads/ }).click();

  await form.getByLabel('Status').selectOption({ label: 'All statuses' });
  await table.getByRole('button', { name: 'Grace Hopper' }).click();
  await expect(
    form.getByText('Status changed from New to Sales accepted: “Budget confirmed”'),
  ).toBeVisible();
  await expect(form.getByText(/Submitted by Partner 1/)).toBeVisible();
  await expectNoAxeViolations(page);

  await form.getByRole('button', { name: 'Edit lead' }).click();
  await form.getByLabel('Company').fill('US Navy');
  // Meanwhile the company corrects the same lead: the partner's edit is now stale.
  await program.company.leads.update(grace.id, {
    version: grace.version + 1,
    lastName: 'Murray Hopper',
  });
  await form.getByRole('button', { name: 'Save changes' }).click();
  const conflict = form.getByRole('alert').filter({ hasText: 'changed by someone else' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Company: US Navy');
  await expect(form.getByLabel('Last name')).toHaveValue('Murray Hopper');
  await expect(form.getByLabel('Company')).toHaveValue('Fleet');
  await expectNoAxeViolations(page);
  await conflict.getByRole('button', { name: 'Apply my changes again' }).click();
  await expect(form.getByLabel('Company')).toHaveValue('US Navy');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Changes saved.')).toBeVisible();
  await expect(form.getByText(/Edited by Partner 1.*: Company/)).toBeVisible();

  const saved = await program.company.leads.get(grace.id);
  expect(saved).toMatchObject({
    company: 'US Navy',
    lastName: 'Murray Hopper',
    fields: { seats: 40 },
  });
});

test('as in PartnerStack: My leads has the ⋮ import menu, the Program summary a "Submit a lead" button', async ({
  page,
}) => {
  const program = await seedProgram({ formSchema: importSchema() });
  const token = await partnerToken(program);
  await partnerClient(token).leads.create({ email: 'mary@jackson.example', fields: { seats: 2 } });
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
        },
      },
    ],
  });
  const form = page.locator('#form');
  await form.getByRole('tab', { name: 'My leads' }).click();
  await expect(form.locator('[part~="row"]')).toHaveCount(1);
  const menuButton = form.getByRole('button', { name: 'More lead actions' });
  await menuButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('menuitem', { name: 'Import leads' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('menuitem', { name: 'View import history' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menuButton).toBeFocused();
  await expect(form.getByRole('menuitem')).toHaveCount(0);
  await menuButton.click();
  await form.getByRole('menuitem', { name: 'Import leads' }).click();
  await expect(form.getByRole('heading', { name: 'Import leads' })).toBeVisible();

  await form.getByRole('tab', { name: 'Program' }).click();
  await form.getByRole('button', { name: 'Submit a lead' }).click();
  await expect(form.getByRole('tab', { name: 'Submit a lead' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(form.getByRole('button', { name: 'Submit lead' })).toBeVisible();
  await expectNoAxeViolations(page);

  // On its own (view="leads"), the page has nowhere to import to: no menu.
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
          view: 'leads',
        },
      },
    ],
  });
  await expect(form.locator('[part~="row"]')).toHaveCount(1);
  await expect(form.getByRole('button', { name: 'More lead actions' })).toHaveCount(0);
});
