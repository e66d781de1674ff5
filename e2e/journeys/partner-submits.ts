import { describeOffer } from '@leadbridge/core';
import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { known, type World } from '../support/world';
import { OFFER, STAGE_LABELS } from './company-sets-up';

/** The `<lead-form>` on the company's website (Playwright's locators pierce its shadow root). */
export function leadForm(page: Page): Locator {
  return page.locator('lead-form');
}

export async function openTab(form: Locator, name: string): Promise<void> {
  await form.getByRole('tab', { name }).click();
  await expect(form.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/**
 * Journey 2: on the company's website, the enrolled partner signs in with a code emailed to
 * them, reads the offer, submits a lead with the custom field, sees it under My leads as "New"
 * and corrects it with the pencil.
 */
export async function partnerSubmits(world: World): Promise<void> {
  const { cast, facts } = world;
  const page = world.partner.page;
  const form = leadForm(page);
  const publishableKey = known(facts.publishableKey, 'the publishable key');

  // The company's website (the demo site `npm start` serves), embedding this program's form.
  await page.goto(`${world.stack.ready.demoUrl}?pk=${publishableKey}`);
  await expect(
    form.getByRole('heading', { name: `Sign in to ${cast.program.name}` }),
  ).toBeVisible();

  // Sign in with the emailed one-time code.
  await form.getByLabel('Email address').fill(cast.partner.email);
  const asked = new Date(Date.now() - 1000);
  await form.getByRole('button', { name: 'Email me a code' }).click();
  const codeInput = form.getByLabel('6-digit code');
  await expect(codeInput).toBeFocused();
  await codeInput.fill(await world.mail.signInCode(cast.partner.email, asked));
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText(`Signed in as ${cast.partner.name}`)).toBeVisible();

  // The program summary states the offer in the same words the company saw.
  await openTab(form, 'Program');
  const offer = form.locator('[part~="offer"]');
  for (const line of describeOffer(OFFER, { labels: STAGE_LABELS })) {
    await expect(offer).toContainText(line);
  }
  await expect(form.locator('[part~="stages"]')).toContainText(STAGE_LABELS.qualified);

  // Submit a lead; the required custom field is asked for by its label.
  await openTab(form, 'Submit a lead');
  await form.getByLabel('First name').fill(cast.lead.firstName);
  await form.getByLabel('Last name').fill(cast.lead.lastName);
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(cast.lead.email);
  await form.getByLabel('Company').fill(cast.lead.company);
  await form.getByRole('button', { name: 'Submit lead' }).click();
  const seats = form.getByLabel('Expected seats');
  await expect(
    form.locator('[part~="field-error"]', { hasText: 'Expected seats is required' }),
  ).toBeVisible();
  await expect(seats).toBeFocused();
  await seats.fill(cast.lead.seats);
  await form.getByRole('button', { name: 'Submit lead' }).click();
  await expect(form.getByRole('heading', { name: 'Lead submitted' })).toBeVisible();
  // The host page hears `lead-form:submitted` (demo-site.mjs shows a notice for it).
  await expect(page.locator('#notice')).toHaveText('Thanks! The lead is with our sales team.');

  // My leads: the lead, "New".
  await form.getByRole('button', { name: 'View my leads' }).click();
  const leads = form.getByRole('table', { name: 'My leads' });
  const row = leads.getByRole('row', {
    name: new RegExp(`${cast.lead.firstName} ${cast.lead.lastName}`),
  });
  await expect(row).toContainText('New');
  await expect(row).toContainText(cast.lead.company);
  await expectAccessible(page, 'My leads on the company website');

  // The pencil: the partner corrects the company name.
  await row.getByRole('button', { name: `${cast.lead.firstName} ${cast.lead.lastName}` }).click();
  await expect(
    form.getByRole('heading', { name: `${cast.lead.firstName} ${cast.lead.lastName}` }),
  ).toBeFocused();
  await expect(form.getByText(cast.lead.seats, { exact: true })).toBeVisible();
  await form.getByRole('button', { name: 'Edit lead' }).click();
  await form.getByLabel('Company').fill(cast.lead.companyCorrected);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Changes saved.')).toBeVisible();
  await expect(form.getByText(/Edited by .*: Company/)).toBeVisible();
  await form.getByRole('button', { name: /Back to my leads/ }).click();
  await expect(row).toContainText(cast.lead.companyCorrected);
}
