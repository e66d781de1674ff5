import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { testEnvironment } from '../../../test/support/environment.js';
import {
  expect,
  expectNoAxeViolations,
  openHost,
  signInCode,
  test,
} from '../../../test/support/fixtures.js';
import { layoutAtEveryWidth } from '../../../test/support/layout.js';
import { type SeededProgram, seedProgram } from '../../../test/support/seed.js';

/** A program open to applications, with two questions of its own. */
async function openProgram(applications: 'approval' | 'auto'): Promise<SeededProgram> {
  const program = await seedProgram({ name: 'Northwind Traders International' });
  await program.company.programs.update(program.programId, {
    applications,
    applicationQuestions: {
      fields: [
        {
          key: 'audience',
          label: 'Who do you sell to?',
          type: 'textarea',
          required: true,
          order: 0,
        },
        {
          key: 'size',
          label: 'Team size',
          type: 'select',
          required: false,
          order: 1,
          options: [
            { value: 'solo', label: 'Just me' },
            { value: 'team', label: '2 to 10 people' },
          ],
        },
      ],
    },
  });
  return program;
}

async function open(page: Page, program: SeededProgram, lang = 'en'): Promise<Locator> {
  await openHost(page, {
    lang,
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'api-base': testEnvironment().apiUrl,
        },
      },
    ],
  });
  return page.locator('#form');
}

const applicant = () => `ana.souza-${randomBytes(3).toString('hex')}@souza-consulting.example`;

test('a visitor applies with the program’s questions, confirms the code and is told the company will answer', async ({
  page,
}) => {
  const program = await openProgram('approval');
  await page.setViewportSize({ width: 1280, height: 800 });
  const form = await open(page, program);
  await form.getByRole('button', { name: 'Not a partner yet? Apply to join' }).click();
  await expect(form.getByRole('heading', { name: /^Apply to join / })).toBeVisible();
  await expectNoAxeViolations(page);

  // Every missing answer is named at once, and the first one takes the focus.
  await form.getByRole('button', { name: 'Send application' }).click();
  await expect(form.getByLabel('Your name')).toBeFocused();
  await expect(form.getByText('Who do you sell to? is required')).toBeVisible();

  const email = applicant();
  await form.getByLabel('Your name').fill('Ana Souza');
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Company').fill('Souza Consulting Ltda.');
  await form.getByLabel('Website').fill('souza-consulting.example');
  await form.getByLabel('Who do you sell to?').fill('Mid-size logistics companies in São Paulo');
  await form.getByLabel('Team size').selectOption('team');
  expect(await layoutAtEveryWidth(page, 'apply-details', [375, 1280])).toEqual([]);
  await form.getByRole('button', { name: 'Send application' }).click();

  const codeInput = form.getByLabel('6-digit code');
  await expect(codeInput).toBeFocused();
  await expect(
    form.getByText(`We sent a 6-digit code to ${email}.`, { exact: false }),
  ).toBeVisible();
  expect(await layoutAtEveryWidth(page, 'apply-code', [375, 1280])).toEqual([]);
  await codeInput.fill(await signInCode(email));
  await form.getByRole('button', { name: 'Confirm application' }).click();
  await expect(form.getByRole('heading', { name: 'Thank you for applying' })).toBeVisible();
  await expect(
    form.getByText(
      `Northwind Traders International Partner Program will review your application and email you at ${email}.`,
    ),
  ).toBeVisible();
  // The thanks has nothing to press: only the sideways check applies.
  const thanks = await layoutAtEveryWidth(page, 'apply-thanks', [375, 1280]);
  expect(thanks.filter((problem) => !problem.endsWith('no control found'))).toEqual([]);

  const inbox = await program.company.applications.list({ status: 'pending' });
  expect(inbox.data.map((application) => [application.email, application.answers])).toEqual([
    [email, { audience: 'Mid-size logistics companies in São Paulo', size: 'team' }],
  ]);
});

test('with automatic approval the applicant is signed in at once, in their language', async ({
  page,
}) => {
  const program = await openProgram('auto');
  await page.setViewportSize({ width: 375, height: 800 });
  const form = await open(page, program, 'fr');
  await form.getByRole('button', { name: 'Pas encore partenaire ? Postuler' }).click();
  const email = applicant();
  await form.getByLabel('Votre nom').fill('Ana Souza');
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Who do you sell to?').fill('Logistique');
  await form.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await form.getByLabel('Code à 6 chiffres').fill(await signInCode(email));
  await form.getByRole('button', { name: 'Confirmer ma candidature' }).click();
  await expect(form.getByText('Connecté en tant que Ana Souza')).toBeVisible();
  await expect(form.getByRole('tab', { name: 'Soumettre un lead' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});
