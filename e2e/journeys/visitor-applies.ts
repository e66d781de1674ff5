import type { CaughtMail } from '@leadbridge/devkit/mail-catcher';
import { expect } from '@playwright/test';
import { Actor } from '../support/actor';
import { expectAccessible } from '../support/axe';
import { known, type World } from '../support/world';
import { leadForm } from './partner-submits';

/** The 6-digit code in the subject of the newest email to `to` whose subject matches. */
async function codeFrom(world: World, to: string, subject: RegExp, what: string): Promise<string> {
  const since = new Date(Date.now() - 2000);
  const mail = await world.mail.waitFor(
    to,
    (m) => subject.test(m.subject) && new Date(m.receivedAt) >= since,
    what,
  );
  const code = /\b(\d{6})\b/.exec(mail.subject)?.[1];
  if (!code) throw new Error(`no 6-digit code in "${mail.subject}"`);
  return code;
}

function firstLink(mail: CaughtMail): string {
  const url = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!url) throw new Error(`no link in "${mail.subject}"`);
  return url.replace(/[).,]+$/, '');
}

/**
 * Journey 7: the company opens its program to applications; a visitor whose browser speaks
 * French applies on the hosted portal, confirms the emailed code and is thanked; the company
 * approves the application in the admin app; the new partner follows the (French) approval
 * email, signs in with a code and submits a lead.
 */
export async function visitorApplies(world: World, visitor: Actor): Promise<void> {
  const { cast, facts } = world;
  const programId = known(facts.programId, 'the program id');
  const company = world.company.page;
  const applicant = {
    name: `Amélie Laurent ${cast.tag}`,
    email: `amelie-${cast.tag}@laurent-conseil.example`,
    company: 'Laurent Conseil',
  };

  // The company opens the program to applications, with its approval.
  await company.goto(`/programs/${programId}?tab=applications`);
  await company.getByLabel('Open, with approval').check();
  await company.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(company.getByText('Settings saved')).toBeVisible();
  const portal = await company
    .getByRole('link', { name: /\/p\/[^#]+#apply$/ })
    .getAttribute('href');
  const portalUrl = known(portal ?? undefined, 'the hosted portal address').replace(/#apply$/, '');

  // The visitor finds "Postuler" on the portal, in French, and applies.
  const page = visitor.page;
  await page.goto(portalUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('link', { name: 'Postuler' }).click();
  const form = leadForm(page);
  await expect(
    form.getByRole('heading', { name: `Postuler à ${cast.program.name}` }),
  ).toBeVisible();
  await form.getByLabel('Votre nom').fill(applicant.name);
  await form.getByLabel('Adresse e-mail').fill(applicant.email);
  await form.getByLabel('Entreprise').fill(applicant.company);
  await form.getByLabel('Site web').fill('laurent-conseil.example');
  await expectAccessible(page, 'the application form on the hosted portal');
  await form.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  const code = await codeFrom(world, applicant.email, /confirme votre candidature/, 'code');
  await form.getByLabel('Code à 6 chiffres').fill(code);
  await form.getByRole('button', { name: 'Confirmer ma candidature' }).click();
  await expect(form.getByRole('heading', { name: 'Merci pour votre candidature' })).toBeVisible();

  // The company sees the application and approves it.
  await company
    .getByRole('navigation', { name: 'Work' })
    .getByRole('link', { name: 'Applications' })
    .click();
  const row = company.getByRole('row').filter({ hasText: applicant.email });
  await expect(row).toContainText(applicant.company);
  await company.getByRole('button', { name: `Approve ${applicant.name}` }).click();
  await expect(company.getByText('Application approved')).toBeVisible();

  // The approval email, in French, leads to where partners sign in and submit leads.
  const approval = await world.mail.waitFor(
    applicant.email,
    (m) => m.subject.startsWith(`Bienvenue dans ${cast.program.name}`),
    'approval',
  );
  // The link leads to the company's own page (English, set in journey 1): the new partner
  // signs in there like any partner.
  await page.goto(firstLink(approval));
  await expect(
    form.getByRole('heading', { name: `Sign in to ${cast.program.name}` }),
  ).toBeVisible();
  await form.getByLabel('Email address').fill(applicant.email);
  const asked = new Date(Date.now() - 1000);
  await form.getByRole('button', { name: 'Email me a code' }).click();
  await form.getByLabel('6-digit code').fill(await world.mail.signInCode(applicant.email, asked));
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText(`Signed in as ${applicant.name}`)).toBeVisible();

  await form.getByLabel('First name').fill('Grace');
  await form.getByLabel('Last name').fill('Hopper');
  await form
    .getByRole('textbox', { name: 'Email', exact: true })
    .fill(`grace-${cast.tag}@navy.example`);
  await form.getByLabel('Company').fill('Navy Labs');
  await form.getByLabel('Expected seats').fill('12');
  await form.getByRole('button', { name: 'Submit lead' }).click();
  await expect(form.getByRole('heading', { name: 'Lead submitted' })).toBeVisible();
}
