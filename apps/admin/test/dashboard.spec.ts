import { sql } from './support/db';
import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('the dashboard charts leads by week and stage, the funnel, revenue and top partners', async ({
  page,
  tenant,
}) => {
  await tenant.lb.programs.update(tenant.program.id, {
    offer: {
      rules: [
        { kind: 'flat', stage: 'closed_won', amount: { amount: 5_000, currency: 'USD' } },
        { kind: 'percentage', basisPoints: 1000, months: 12 },
      ],
    },
  });
  const first = await createLeads(tenant, 14, 0, 'Ana');
  const second = await createLeads(tenant, 6, 1, 'Ben');
  // Partner 1: 4 qualified, 3 won, 2 lost; partner 2: 1 won.
  for (const lead of first.slice(0, 4))
    await tenant.lb.leads.changeStage(lead.id, { stage: 'qualified' });
  for (const lead of first.slice(4, 7))
    await tenant.lb.leads.changeStage(lead.id, { stage: 'closed_won' });
  for (const lead of first.slice(7, 9))
    await tenant.lb.leads.changeStage(lead.id, { stage: 'closed_lost' });
  const benWon = second[0];
  if (!benWon) throw new Error('no lead');
  await tenant.lb.leads.changeStage(benWon.id, { stage: 'closed_won' });
  const customers = (await tenant.lb.customers.list({ limit: 50 })).data;
  for (const [i, customer] of customers.entries()) {
    await tenant.lb.customers.transactions.create(customer.id, {
      externalId: `inv-${i}`,
      amount: 100_000 * (i + 1),
      currency: 'USD',
      occurredAt: new Date(Date.now() - i * 7 * 86_400_000).toISOString(),
    });
  }
  // Spread the leads over the last eight weeks, as a real program's would be.
  const ids = [...first, ...second].map((lead) => lead.id);
  await sql(
    `UPDATE leads SET created_at = now() - ((array_position($1::uuid[], id) % 8) * interval '7 days') - interval '1 hour' WHERE id = ANY($1::uuid[])`,
    [ids],
  );

  await signIn(page, tenant);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back, Olivia');
  const funnel = page.getByRole('list', { name: 'Conversion funnel' });
  await expect(funnel.locator('[data-step="submitted"]')).toContainText('20');
  // Qualified or beyond: 4 qualified + 4 won + 2 lost.
  await expect(funnel.locator('[data-step="qualified"]')).toContainText('10');
  await expect(funnel.locator('[data-step="qualified"]')).toContainText('50% of the step before');
  await expect(funnel.locator('[data-step="won"]')).toContainText('4');
  await expect(funnel.locator('[data-step="won"]')).toContainText(
    '40% of the step before · 20% of all',
  );
  // Revenue: 1,000 + 2,000 + 3,000 + 4,000 dollars in the last four weeks.
  await expect(page.locator('.kpi').filter({ hasText: 'Revenue' })).toContainText('$10,000.00');
  const chart = page.getByRole('figure', { name: /Leads per week by stage: 20 leads in 12 weeks/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(
    page.getByRole('figure', { name: /Revenue \$10,000\.00 and commissions/ }),
  ).toBeVisible();
  const top = page.locator('.top-partners tbody tr');
  await expect(top).toHaveCount(2);
  await expect(top.first()).toContainText(tenant.partners[0]?.name ?? '');
  await expect(top.first()).toContainText('14');
  await expect(top.first()).toContainText('21.4% won');
  await expectAccessible(page, 'dashboard');
  await screenshot(page, 'dashboard');

  // A shorter period: the last 4 weeks hold half of the 8 weekly groups.
  await page.getByText('Last 4 weeks', { exact: true }).click();
  await expect(page).toHaveURL(/range=4w/);
  await expect(page.getByRole('figure', { name: /in 4 weeks/ })).toBeVisible();
  // A period without activity says so instead of drawing empty axes.
  await page.getByText('Custom', { exact: true }).click();
  await page.getByLabel('From').fill('2020-01-01');
  await page.getByLabel('to', { exact: true }).fill('2020-03-01');
  await expect(page.getByText('Nothing in this period').first()).toBeVisible();
  await expect(
    page
      .locator('.kpi', { has: page.locator('.kpi-label', { hasText: /^Leads$/ }) })
      .locator('.kpi-value'),
  ).toHaveText('0');
});

test("an established company's charts are asked for with the setup check, not after its answer", async ({
  page,
  tenant,
}) => {
  await createLeads(tenant, 1, 0, 'Ana');
  await signIn(page, tenant);
  await page.goto('/leads');
  let analyticsAsked = (): void => {};
  const asked = new Promise<boolean>((resolve) => {
    analyticsAsked = () => resolve(true);
    setTimeout(() => resolve(false), 10_000);
  });
  let chartsBeforeSetup: boolean | null = null;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1/analytics/')) analyticsAsked();
  });
  // The setup check answers only once a chart request has left (or after 10 s): a dashboard
  // that waits for it first shows its charts 10 s late and fails below.
  await page.route('**/v1/company/setup-progress', async (route) => {
    chartsBeforeSetup ??= await asked;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back, Olivia');
  await expect(page.getByRole('list', { name: 'Conversion funnel' })).toContainText('1');
  expect(chartsBeforeSetup).toBe(true);
});
