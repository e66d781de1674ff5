import { describeOffer, type Offer } from '@leadbridge/core';
import { expect, type Page } from '@playwright/test';
import { known, type World } from '../support/world';

/** The program's offer, set in the Offer tab: what journey 5's commissions must follow. */
export const OFFER: Offer = {
  rules: [
    { kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'USD' } },
    { kind: 'percentage', basisPoints: 1000, months: 12 },
  ],
};
export const STAGE_LABELS = { qualified: 'Accepted' };

async function goTo(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

async function openTab(page: Page, tab: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Program settings' })
    .getByRole('link', { name: tab })
    .click();
  await expect(
    page.getByRole('navigation', { name: 'Program settings' }).getByRole('link', { name: tab }),
  ).toHaveAttribute('aria-current', 'page');
}

/** Saves a settings tab: the toast says so and nothing is left unsaved. */
async function save(page: Page): Promise<void> {
  const saveButton = page.getByRole('button', { name: 'Save', exact: true });
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await saveButton.click();
  // Save is enabled only while there are changes: disabled again, nothing unsaved = saved.
  await expect(saveButton).toBeDisabled();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Settings saved' }).first(),
  ).toBeVisible();
}

/**
 * Journey 1: a company signs up, creates a program with a custom field, renames a stage, sets
 * an offer, allows its site, enrols a partner, connects a webhook and copies the embed snippet;
 * the snippet, pasted as is on another site, shows the program's form.
 */
export async function companySetsUp(world: World): Promise<void> {
  const { cast, facts } = world;
  const page = world.company.page;
  const { demoUrl, apiUrl } = world.stack.ready;
  const demoOrigin = new URL(demoUrl).origin;

  // Sign up: straight into the (empty) workspace.
  await page.goto('/sign-up');
  await page.getByLabel('Company name').fill(cast.company.name);
  await page.getByLabel('Your name').fill(cast.company.owner);
  await page.getByLabel('Work email').fill(cast.company.email);
  await page.getByLabel('Password').fill(cast.company.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(`${apiUrl}/`);
  await expect(page.getByRole('complementary', { name: 'Main' })).toContainText(cast.company.name);

  // A program, from the empty state.
  await goTo(page, 'Programs');
  await page.getByRole('button', { name: 'Create your first program' }).click();
  const create = page.getByRole('dialog', { name: 'New partner program' });
  await create.getByLabel('Name').fill(cast.program.name);
  await create.getByLabel('Currency').selectOption(cast.program.currency);
  await create.getByRole('button', { name: 'Create program' }).click();
  await expect(page).toHaveURL(/\/programs\/[0-9a-f-]{36}\?tab=form$/);
  facts.programId = /\/programs\/([0-9a-f-]{36})/.exec(page.url())?.[1];

  // Form builder: a required number field, previewed live in the real widget.
  await page.getByRole('button', { name: '+ Add field' }).click();
  const field = page.locator('li.fb-field').last();
  await field.getByLabel('Label', { exact: true }).fill('Expected seats');
  await field.getByLabel('Type').selectOption({ label: 'Number' });
  await field.getByLabel('Help text').fill('How many people will use Brightwave.');
  await expect(field.getByLabel('Key')).toHaveValue('expectedSeats');
  await field.getByLabel('Required').check();
  await expect(
    field.getByRole('button', { name: /^Expected seats/, expanded: true }),
  ).toContainText('Number · required');
  await expect(page.locator('lead-form[preview]').getByLabel('Expected seats')).toBeVisible();
  await save(page);

  // Stage labels: "Qualified" is "Accepted" at this company.
  await openTab(page, 'Stages');
  await page.getByLabel('Qualified stage', { exact: true }).fill(STAGE_LABELS.qualified);
  await save(page);

  // Offer: $50 per won lead plus 10% of payments for 12 months, described as partners read it.
  await openTab(page, 'Offer');
  await page.getByLabel('Closed Won (USD)').fill('50');
  await page.getByLabel('Pay partners a percentage of what their customers pay').check();
  await page.getByLabel('Percentage', { exact: true }).fill('10');
  await page.getByLabel('For how many months').fill('12');
  const described = describeOffer(OFFER, { labels: STAGE_LABELS });
  await expect(page.getByTestId('offer-description').getByRole('listitem')).toHaveText(described);
  await save(page);

  // Embed: the snippet, copied to the clipboard, carries the program's publishable key.
  await openTab(page, 'Embed');
  const shown = (await page.getByTestId('embed-snippet').textContent()) ?? '';
  facts.publishableKey = (await page.getByTestId('publishable-key').textContent()) ?? '';
  expect(facts.publishableKey).toMatch(/^pk_/);
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  facts.snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(facts.snippet).toBe(shown);
  expect(facts.snippet).toContain(`<script type="module" src="${apiUrl}/widget/lead-form.js">`);
  expect(facts.snippet).toContain(`<lead-form publishable-key="${facts.publishableKey}">`);
  // The snippet's text says partners must be invited before they can sign in.
  await expect(page.getByText('sent only to partners you invited')).toBeVisible();
  // Until an origin is allowed, the tab warns that the form cannot run anywhere, and its link
  // leads straight to the setting, ready to type in.
  await expect(page.getByText('The form works only on sites you allow')).toBeVisible();
  await page.getByRole('link', { name: "Add your site's origin" }).click();
  await expect(page).toHaveURL(/\?tab=general#allowed-origins$/);
  await expect(page.getByLabel('Allowed origins')).toBeFocused();

  // General: the company's sites may show the form; emails link partners to the portal page.
  await expect(page.getByLabel('Lead submission')).toBeChecked();
  await expect(page.getByLabel('Lead import')).toBeChecked();
  await page.getByLabel('Allowed origins').fill([demoOrigin, world.snippetHost.origin].join('\n'));
  await page.getByLabel('Partner portal URL').fill(`${demoOrigin}/?pk=${facts.publishableKey}`);
  await save(page);

  // The snippet, pasted verbatim on another site, loads the program's form from the API.
  world.snippetHost.paste(known(facts.snippet, 'the snippet'));
  const pasted = await world.partner.context.newPage();
  await pasted.goto(`${world.snippetHost.origin}/`);
  await expect(
    pasted.locator('lead-form').getByRole('heading', { name: `Sign in to ${cast.program.name}` }),
  ).toBeVisible();
  await pasted.close();

  // Enrol the partner, with an emailed invitation.
  await goTo(page, 'Partners');
  await page.getByRole('button', { name: 'Invite your first partner' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a partner' });
  await invite.getByLabel('Partner name').fill(cast.partner.name);
  await invite.getByLabel('Email', { exact: true }).fill(cast.partner.email);
  await expect(invite.getByRole('checkbox', { name: cast.program.name })).toBeChecked();
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${cast.partner.email}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cast.partner.name);
  // The invitation says where to submit leads (the portal page) and what the partner earns.
  const invitation = await world.mail.waitFor(
    cast.partner.email,
    (mail) => mail.subject === `You're now a partner in ${cast.program.name}`,
    'partner invitation',
  );
  expect(invitation.text).toContain(
    `Submit leads to ${cast.program.name} here: ${demoOrigin}/?pk=${facts.publishableKey}`,
  );
  expect(invitation.text).toContain(described.join(' '));

  // Developers: a webhook endpoint for every event, its signing secret shown once.
  await goTo(page, 'Developers');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const add = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
  await add.getByLabel('Endpoint URL').fill(world.hooks.url);
  await add.getByLabel('Description (optional)').fill('CRM sync');
  const events = add.getByRole('group', { name: 'Events' }).getByRole('checkbox');
  await expect(events).toHaveCount(9);
  for (const box of await events.all()) await box.check();
  await add.getByRole('button', { name: 'Add endpoint' }).click();
  const created = page.getByRole('dialog', { name: 'Endpoint created' });
  facts.webhookSecret = (await created.getByTestId('webhook-secret').textContent()) ?? '';
  expect(facts.webhookSecret).toMatch(/^whsec_/);
  await created.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator(`[data-endpoint-url="${world.hooks.url}"]`)).toContainText('9 events');
}
