import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';

/** A tab's save succeeded: its draft is the saved program again. */
async function expectSaved(page: Page) {
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
}

test('a field added in the form builder appears in the embedded widget preview, and is saved', async ({
  page,
  tenant,
}) => {
  await signIn(page, tenant);
  await page.goto(`/programs/${tenant.program.id}?tab=form`);
  const preview = page.getByTestId('widget-preview');
  // The real <lead-form preview> renders the program's current form, titled as partners see it.
  await expect(preview.getByLabel('Email')).toBeVisible();
  await expect(preview.getByRole('heading', { level: 2, name: tenant.program.name })).toBeVisible();
  await expect(preview.getByText('Budget')).toHaveCount(0);

  await page.getByRole('button', { name: '+ Add field' }).click();
  const editor = page.locator('.fb-field').last();
  await editor.getByLabel('Label', { exact: true }).fill('Budget');
  await editor.getByLabel('Type').selectOption({ label: 'Dropdown' });
  await editor.getByLabel('Option 1 label').fill('Under $10k');
  await editor.getByRole('button', { name: '+ Add option' }).click();
  await editor.getByLabel('Option 2 label').fill('$10k or more');
  await editor.getByLabel('Help text').fill('Expected yearly spend');
  await editor.getByText('Required', { exact: true }).click();
  await expect(editor.getByLabel('Key')).toHaveValue('budget');

  // Live: the widget shows the new field with its options before anything is saved.
  await expect(preview.getByLabel(/Budget/)).toBeVisible();
  await expect(preview.getByText('Expected yearly spend')).toBeVisible();
  await expect(preview.getByRole('option', { name: '$10k or more' })).toHaveCount(1);

  // Core's checks run as you type: two fields may not share a label (they are CSV headers).
  await editor.getByLabel('Label', { exact: true }).fill('E-mail');
  await expect(editor).toContainText('Needs fixing');
  await expect(editor.locator('.field-error').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await editor.getByLabel('Label', { exact: true }).fill('Budget');

  // Built-ins cannot be removed; custom fields can be reordered.
  await expect(page.getByRole('button', { name: 'Remove Email' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Move Budget up' }).click();
  await expect(page.locator('.fb-field').nth(3)).toHaveAttribute('data-field-key', 'budget');

  await expectAccessible(page, 'program settings: lead form');
  await screenshot(page, 'settings-form-builder');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  const program = await tenant.lb.programs.get(tenant.program.id);
  const fields = [...program.formSchema.fields].sort((a, b) => a.order - b.order);
  expect(fields.map((f) => f.key)).toEqual(['firstName', 'lastName', 'email', 'budget', 'company']);
  expect(fields[3]).toMatchObject({
    label: 'Budget',
    type: 'select',
    required: true,
    helpText: 'Expected yearly spend',
    options: [
      { value: 'option1', label: 'Under $10k' },
      { value: 'option2', label: '$10k or more' },
    ],
  });
  // The public form partners load now asks for it too.
  const pub = await tenant.lb.programs.getPublic(tenant.program.publishableKey);
  expect(pub.formSchema.fields.some((f) => f.key === 'budget')).toBe(true);
});

test('offer, stage labels and switches are edited with live feedback and saved', async ({
  page,
  tenant,
}) => {
  await signIn(page, tenant);
  await page.goto(`/programs/${tenant.program.id}?tab=stages`);
  await page.getByLabel('Closed Won stage').fill('Signed');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  await page.getByRole('link', { name: 'Offer' }).click();
  await page.getByLabel('Signed (USD)').fill('150');
  await page.getByText('Pay partners a percentage of what their customers pay').click();
  // Turning the share on is not a mistake: the empty percentage is reported once it is left.
  await expect(page.getByText('Enter a percentage such as 20')).toHaveCount(0);
  await page.getByLabel('Percentage', { exact: true }).focus();
  await page.getByLabel('For how many months').focus();
  await expect(page.getByText('Enter a percentage such as 20')).toBeVisible();
  await page.getByLabel('Percentage', { exact: true }).fill('12.5');
  await page.getByLabel('For how many months').fill('12');
  const summary = page.getByTestId('offer-description');
  await expect(summary).toContainText('$150.00');
  await expect(summary).toContainText('Signed');
  await expect(summary).toContainText('12.5%');
  await page.getByLabel('Percentage', { exact: true }).fill('abc');
  await expect(page.getByText('Enter a percentage such as 20')).toBeVisible();
  await page.getByLabel('Percentage', { exact: true }).fill('12.5');
  await expectAccessible(page, 'program settings: offer');
  await screenshot(page, 'settings-offer');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  await page.getByRole('link', { name: 'General' }).click();
  await page.getByText('Lead import', { exact: true }).click();
  await page.getByLabel('Allowed origins').fill('https://partners.example.com\nnot a url');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.field-error').first()).toBeVisible();
  await page.getByLabel('Allowed origins').fill('https://partners.example.com');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  await expectAccessible(page, 'program settings: general');
  await screenshot(page, 'settings-general');

  const program = await tenant.lb.programs.get(tenant.program.id);
  expect(program.leadImportEnabled).toBe(false);
  expect(program.allowedOrigins).toEqual(['https://partners.example.com']);
  expect(program.resolvedStageLabels.closed_won).toBe('Signed');
  expect(program.offer.rules).toEqual(
    expect.arrayContaining([
      { kind: 'flat', stage: 'closed_won', amount: { amount: 15_000, currency: 'USD' } },
      { kind: 'percentage', basisPoints: 1250, months: 12 },
    ]),
  );

  // Someone else saves meanwhile: this page's next save is refused instead of overwriting.
  await tenant.lb.programs.update(tenant.program.id, { description: 'Changed by the API' });
  await page.getByLabel('Name').fill('Renamed program');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Description')).toHaveValue('Changed by the API');

  await page.getByRole('link', { name: 'Embed' }).click();
  await expect(page.getByTestId('embed-snippet')).toContainText(
    `publishable-key="${program.publishableKey}"`,
  );
  await expect(page.getByTestId('embed-snippet')).toContainText('/widget/lead-form.js');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByTestId('publishable-key')).not.toHaveText(program.publishableKey);
  await screenshot(page, 'settings-embed');
});
