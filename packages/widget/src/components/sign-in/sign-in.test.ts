import { testEnvironment } from '../../../test/support/environment.js';
import {
  expect,
  expectNoAxeViolations,
  openHost,
  signInCode,
  test,
} from '../../../test/support/fixtures.js';
import { seedProgram } from '../../../test/support/seed.js';

test('a partner signs in with an emailed code, stays signed in on reload, and signs out', async ({
  page,
}) => {
  const program = await seedProgram();
  const partner = program.partners[0];
  if (!partner) throw new Error('seed');
  const host = {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'api-base': testEnvironment().apiUrl,
        },
      },
    ],
  };
  await openHost(page, host);
  const form = page.locator('#form');
  await expect(form.getByRole('heading', { name: /^Sign in to / })).toBeVisible();
  await expectNoAxeViolations(page);

  const email = form.getByLabel('Email address');
  await form.getByRole('button', { name: 'Email me a code' }).click();
  await expect(form.getByText('Enter your email address')).toBeVisible();
  await email.fill(partner.email);
  await form.getByRole('button', { name: 'Email me a code' }).click();
  const codeInput = form.getByLabel('6-digit code');
  await expect(codeInput).toBeFocused();
  // A partner waiting for a code that never comes learns why and what to do.
  await expect(
    form.getByText(
      /^No code after a few minutes\? Codes go only to partners Acme \S+ Partner Program has invited, at the address the invitation went to\. .*ask your contact there to invite you/,
    ),
  ).toBeVisible();
  const code = await signInCode(partner.email);

  const wrong = code === '000000' ? '111111' : '000000';
  await codeInput.fill(wrong);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'That code is not right. Check the email and try again.',
  );
  await expect(codeInput).toHaveAttribute('aria-invalid', 'true');

  await codeInput.fill(code);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText(`Signed in as ${partner.name}`)).toBeVisible();
  await expect(form.getByRole('tab', { name: 'Submit a lead' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  const stored = await page.evaluate(
    (key) => sessionStorage.getItem(`lead-form:session:${key}`),
    program.publishableKey,
  );
  expect(JSON.parse(stored ?? '{}').token).toMatch(/^pt_/);

  await page.reload();
  await expect(form.getByText(`Signed in as ${partner.name}`)).toBeVisible();
  await expect(form.getByRole('heading', { name: /^Sign in to / })).toHaveCount(0);

  await form.getByRole('button', { name: 'Sign out' }).click();
  await expect(form.getByLabel('Email address')).toBeFocused();
  expect(
    await page.evaluate(
      (key) => sessionStorage.getItem(`lead-form:session:${key}`),
      program.publishableKey,
    ),
  ).toBeNull();
});
