import type { Page } from '@playwright/test';
import { testEnvironment } from '../../../test/support/environment.js';
import { expect, openHost, test } from '../../../test/support/fixtures.js';
import { importSchema } from '../../../test/support/schemas.js';
import { partnerToken, type SeededProgram, seedProgram } from '../../../test/support/seed.js';

/** How soon a company's saved settings must show in a widget that is already open. */
const WITHIN = { timeout: 5_000 };

async function openWidget(page: Page, program: SeededProgram): Promise<void> {
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': await partnerToken(program),
          'api-base': testEnvironment().apiUrl,
        },
      },
    ],
  });
  await expect(page.locator('#form').getByRole('heading', { name: 'Submit a lead' })).toBeVisible();
}

test('settings a company saves reach an open widget within 5 seconds', async ({ page }) => {
  const program = await seedProgram({ formSchema: importSchema(), leadImportEnabled: false });
  await openWidget(page, program);
  const form = page.locator('#form');
  const menu = form.getByRole('button', { name: 'More lead actions' });
  await expect(menu).toHaveCount(0);

  // Import turned on: the ⋮ menu with "Import leads" appears without a reload.
  await program.company.programs.update(program.programId, { leadImportEnabled: true });
  await expect(menu).toBeVisible(WITHIN);

  // A field renamed in the form builder.
  const schema = importSchema();
  const seats = schema.fields.find((field) => field.key === 'seats');
  if (seats) seats.label = 'Number of seats';
  await program.company.programs.update(program.programId, { formSchema: schema });
  await expect(form.getByLabel('Number of seats')).toBeVisible(WITHIN);

  // Submission turned off: the partner is told before typing anything.
  await program.company.programs.update(program.programId, { leadSubmissionEnabled: false });
  await expect(form.getByText('This program is not accepting leads at the moment.')).toBeVisible(
    WITHIN,
  );
  await expect(form.getByRole('button', { name: 'Submit lead' })).toHaveCount(0);
  // Import stays available: it has its own switch.
  await expect(menu).toBeVisible();
});

test('a submit refused because submission was turned off keeps everything the partner typed', async ({
  page,
}) => {
  const program = await seedProgram({ formSchema: importSchema() });
  await openWidget(page, program);
  const form = page.locator('#form');
  await form.getByLabel('First name').fill('Katherine');
  await form.getByLabel('Last name').fill('Johnson');
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill('katherine@nasa.example');
  await form.getByLabel('Seats').fill('12');
  await form.getByLabel('Plan').selectOption('business');

  // The company turns submission off while the settings cannot reach the widget, so only the
  // API's refusal tells it.
  await page.route('**/v1/public/programs/**', (route) => route.abort());
  await program.company.programs.update(program.programId, { leadSubmissionEnabled: false });
  await form.getByRole('button', { name: 'Submit lead' }).click();
  await expect(form.getByRole('alert')).toContainText('not accepting leads');
  const typed = async () => ({
    first: await form.getByLabel('First name').inputValue(),
    last: await form.getByLabel('Last name').inputValue(),
    email: await form.getByRole('textbox', { name: 'Email', exact: true }).inputValue(),
    seats: await form.getByLabel('Seats').inputValue(),
    plan: await form.getByLabel('Plan').inputValue(),
  });
  const expected = {
    first: 'Katherine',
    last: 'Johnson',
    email: 'katherine@nasa.example',
    seats: '12',
    plan: 'business',
  };
  expect(await typed()).toEqual(expected);

  // Once the settings arrive, the form says submission is off and still holds every value.
  await page.unroute('**/v1/public/programs/**');
  await expect(form.getByRole('status').filter({ hasText: 'is kept here' })).toBeVisible(WITHIN);
  expect(await typed()).toEqual(expected);

  // Turned on again: the same values go in as they are.
  await program.company.programs.update(program.programId, { leadSubmissionEnabled: true });
  await expect(form.getByRole('status').filter({ hasText: 'is kept here' })).toHaveCount(0, WITHIN);
  await form.getByRole('button', { name: 'Submit lead' }).click();
  await expect(form.getByRole('heading', { name: 'Lead submitted' })).toBeVisible();
  const leads = await program.company.leads.list({ programId: program.programId, limit: 5 });
  expect(leads.data).toHaveLength(1);
  expect(leads.data[0]).toMatchObject({
    firstName: 'Katherine',
    lastName: 'Johnson',
    email: 'katherine@nasa.example',
    fields: { seats: 12, plan: 'business' },
  });
});
