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
  await page.getByLabel('Email language').selectOption({ label: 'Français' });
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
  expect(program.defaultLocale).toBe('fr');
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

test('the hosted portal’s address, logo and colour are checked where they are typed', async ({
  page,
  tenant,
}) => {
  await signIn(page, tenant);
  await page.goto(`/programs/${tenant.program.id}?tab=general#branding`);
  const logo = page.getByLabel('Logo', { exact: true });
  // Checked in the browser before anything is sent: the type, then the size.
  await logo.setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  });
  await expect(page.getByText('logo.svg is not a PNG, JPEG, WebP or GIF image.')).toBeVisible();
  await logo.setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(300 * 1024),
  });
  await expect(page.getByText('huge.png is 300 kB; use an image of at most 256 kB.')).toBeVisible();
  // A file that only claims to be a PNG: its bytes are no image.
  await logo.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('hi') });
  await expect(page.getByText('fake.png cannot be shown as an image')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveCount(0);
  // The API checks what arrives, next to the fields.
  await page.getByLabel('Accent colour', { exact: true }).fill('teal');
  await page.getByLabel('Portal address').fill('-no-');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('"teal" is not a colour: write it as #rrggbb')).toBeVisible();
  await expect(page.getByText('The portal address must be 3–60 lower-case letters')).toBeVisible();
  await screenshot(page, 'program-branding-errors');

  await page.getByLabel('Accent colour', { exact: true }).fill('#7c3aed');
  const address = `reseller-${tenant.program.id.slice(0, 8)}`;
  await page.getByLabel('Portal address').fill(address);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Settings saved' }).first(),
  ).toBeVisible();
  await expect(page.getByTestId('hosted-portal-link')).toHaveAttribute(
    'href',
    new RegExp(`/p/${address}$`),
  );
  await expectAccessible(page, 'program branding');
});

test('the Embed tab leads straight to the allowed origins and offers the hosted portal', async ({
  page,
  tenant,
}) => {
  await signIn(page, tenant);
  await page.goto(`/programs/${tenant.program.id}?tab=embed`);
  await expect(page.getByText('sent only to partners you invited')).toBeVisible();
  await expect(page.getByRole('link', { name: tenant.program.hostedPortalUrl })).toBeVisible();
  await page.getByRole('link', { name: "Add your site's origin" }).click();
  await expect(page.getByLabel('Allowed origins')).toBeFocused();
  await page.getByLabel('Allowed origins').fill('https://www.acme.example');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Settings saved' }).first(),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Program settings' })
    .getByRole('link', { name: 'Embed' })
    .click();
  await expect(page.getByText('Works on https://www.acme.example.')).toBeVisible();
});
