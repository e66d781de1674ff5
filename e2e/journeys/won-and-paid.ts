import { expect } from '@playwright/test';
import type { World } from '../support/world';
import { moveLead, openLeadInAdmin } from './company-qualifies';
import { leadForm, openTab } from './partner-submits';

/**
 * Journey 5: the company closes the lead as won (it becomes a customer) and records its first
 * payment; the partner sees the customer as Paid with its revenue, and the two commissions the
 * program's offer promises: $50.00 for the win and 10% of $1,234.56.
 */
export async function wonAndPaid(world: World): Promise<void> {
  const { cast } = world;
  const page = world.company.page;
  const name = `${cast.lead.firstName} ${cast.lead.lastName}`;

  await openLeadInAdmin(page, cast);
  await moveLead(page, 'Closed Won');
  const customer = page.getByTestId('lead-customer');
  await expect(customer).toContainText('Signed up');
  await expect(customer).toContainText('$0.00');
  await customer.getByRole('link', { name: 'Open customer' }).click();

  const record = page.getByRole('form', { name: 'Record a transaction' });
  await record.getByLabel('Amount (USD)').fill('1234.56');
  await record.getByLabel('Reference (optional)').fill('INV-2026-0042');
  await record.getByLabel('Description (optional)').fill('Annual plan, 25 seats');
  // The date stays as the form suggests it: today, the day of the win.
  await record.getByRole('button', { name: 'Record transaction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded $1,234.56' })).toBeVisible();
  await expect(page.getByTestId('customer-revenue')).toHaveText('$1,234.56');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paid');
  await expect(page.getByRole('table')).toContainText('INV-2026-0042');

  // Winning is one of the stages partners hear about.
  await world.mail.waitFor(
    cast.partner.email,
    (m) => m.subject === `${name} is now Closed Won – ${cast.program.name}`,
    'lead won',
  );

  // The partner: the customer, paid, with its revenue…
  const form = leadForm(world.partner.page);
  await openTab(form, 'Customers');
  const customers = form.getByRole('table', { name: 'Customers' });
  const row = customers.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Paid');
  await expect(row).toContainText('$1,234.56');
  // …whose lead is won for good: no more edits from the partner…
  await openTab(form, 'My leads');
  const lead = form
    .getByRole('table', { name: 'My leads' })
    .getByRole('row', { name: new RegExp(name) });
  await expect(lead).toContainText('Closed Won');
  await lead.getByRole('button', { name }).click();
  await expect(
    form.getByText('Leads with the status “Closed Won” can no longer be edited.'),
  ).toBeVisible();
  await expect(form.getByRole('button', { name: 'Edit lead' })).toHaveCount(0);

  // …and the commissions of the offer, pending until the company approves them.
  await openTab(form, 'Commissions');
  const commissions = form.getByRole('table', { name: 'Commissions' });
  await expect(commissions.getByRole('row')).toHaveCount(3);
  await expect(commissions.getByRole('row', { name: /\$50\.00/ })).toContainText('Pending');
  await expect(commissions.getByRole('row', { name: /\$123\.46/ })).toContainText('Pending');
  const totals = form.locator('[part~="totals"]');
  await expect(totals).toContainText('Pending$173.46');
}
