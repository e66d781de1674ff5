import { expect, type Page } from '@playwright/test';
import type { Cast, World } from '../support/world';
import { STAGE_LABELS } from './company-sets-up';
import { leadForm, openTab } from './partner-submits';

const REASON = 'Budget confirmed for Q3';

/** The company's lead inbox → the lead's page, found by search as a salesperson would. */
export async function openLeadInAdmin(page: Page, cast: Cast): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Leads', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(cast.lead.email);
  // The search applies after a short pause (it lands in the address), then the list shows it.
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByText('1 lead shown')).toBeVisible();
  const name = `${cast.lead.firstName} ${cast.lead.lastName}`;
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name); // TEMP
}

/** Moves the open lead in the admin app through its "Move this lead" buttons and dialog. */
export async function moveLead(page: Page, label: string, reason?: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Move this lead' })
    .getByRole('button', { name: label, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: `Move to ${label}` });
  if (reason) await dialog.getByLabel('Reason (optional)').fill(reason);
  await dialog.getByRole('button', { name: `Move to ${label}` }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
}

/**
 * Journey 3: the company qualifies the lead in the admin app under its own label, "Accepted";
 * the partner is emailed in those words and sees the new status, with the reason, in the form.
 */
export async function companyQualifies(world: World): Promise<void> {
  const { cast } = world;
  const page = world.company.page;
  const name = `${cast.lead.firstName} ${cast.lead.lastName}`;

  await openLeadInAdmin(page, cast);
  const header = page.getByRole('heading', { level: 1 });
  await expect(header).toContainText('New');
  world.facts.leadId = /\/leads\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  // What the partner sent, custom field and correction included, and who sent it.
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.locator('[data-field="expectedSeats"]')).toHaveText(
    `Expected seats${cast.lead.seats}`,
  );
  await expect(details.locator('[data-field="company"]')).toContainText(cast.lead.companyCorrected);
  await expect(page.getByRole('region', { name: 'About' })).toContainText(cast.partner.name);

  await moveLead(page, STAGE_LABELS.qualified, REASON);
  await expect(page.getByRole('region', { name: 'History' })).toContainText(REASON);

  // The partner's email speaks the program's words.
  const mail = await world.mail.waitFor(
    cast.partner.email,
    (m) => m.subject === `${name} is now ${STAGE_LABELS.qualified} – ${cast.program.name}`,
    'lead accepted',
  );
  expect(mail.text).toContain(
    `The status of a lead you submitted to ${cast.program.name} changed to ${STAGE_LABELS.qualified}.`,
  );
  expect(mail.text).toContain(REASON);

  // In the form, My leads shows the new label; the lead's history says why.
  const form = leadForm(world.partner.page);
  await openTab(form, 'Submit a lead');
  await openTab(form, 'My leads');
  const row = form
    .getByRole('table', { name: 'My leads' })
    .getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(STAGE_LABELS.qualified);
  await row.getByRole('button', { name }).click();
  await expect(
    form.getByText(`Status changed from New to ${STAGE_LABELS.qualified}: “${REASON}”`),
  ).toBeVisible();
  await form.getByRole('button', { name: /Back to my leads/ }).click();
}
