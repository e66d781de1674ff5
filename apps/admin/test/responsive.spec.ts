import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkLayout, settleLayout } from '@leadbridge/devkit/layout';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, signIn, test } from './support/fixtures';
import { createLeads, type TestTenant } from './support/tenant';

/** The admin's own loading state (ui/States.tsx), not the embedded widget's live region. */
const LOADING = '.state[role="status"]';

/** A laptop and a tablet: the widths a company's team works at. */
const WIDTHS = [1280, 768] as const;

/** A tenant with something on every page: leads in stages, a paying customer, a thread. */
async function fill(tenant: TestTenant): Promise<{ leadId: string; customerId: string }> {
  await tenant.lb.programs.update(tenant.program.id, {
    offer: {
      rules: [
        { kind: 'flat', stage: 'closed_won', amount: { amount: 15000, currency: 'USD' } },
        { kind: 'percentage', basisPoints: 1000, months: 12 },
      ],
    },
  });
  const leads = await createLeads(tenant, 6, 0, 'Wide');
  const [won, qualified] = leads;
  if (!won || !qualified) throw new Error('no leads');
  await tenant.lb.leads.changeStage(qualified.id, { stage: 'qualified' });
  const customer = (await tenant.lb.leads.changeStage(won.id, { stage: 'closed_won' })).customer;
  if (!customer) throw new Error('no customer');
  await tenant.lb.customers.transactions.create(customer.id, {
    externalId: 'inv-1',
    amount: 249_900,
    currency: 'USD',
  });
  await tenant.lb.messages.startThread({
    subject: 'Your first leads this quarter',
    body: 'Thanks for the introductions! Two of them are already talking to sales.',
    partnerId: tenant.partners[0]?.id ?? '',
    programId: tenant.program.id,
  });
  return { leadId: qualified.id, customerId: customer.id };
}

async function layoutAtWidths(page: Page, name: string): Promise<string[]> {
  mkdirSync(artifactsDir, { recursive: true });
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await settleLayout(page);
    const report = await checkLayout(page);
    if (report.overflow > 0)
      problems.push(`${name} at ${width}px: scrolls sideways by ${report.overflow}px`);
    for (const line of report.unreachable) problems.push(`${name} at ${width}px: ${line}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifactsDir, `${name}-${width}.png`), fullPage: true });
  }
  return problems;
}

test("the admin's main pages fit 1280 and 768 px: no sideways scroll, every control reachable", async ({
  page,
  tenant,
}) => {
  test.setTimeout(180_000);
  const { leadId, customerId } = await fill(tenant);
  const threads = await tenant.lb.messages.listThreads({ limit: 1 });
  const partnerId = tenant.partners[0]?.id ?? '';
  const programId = tenant.program.id;
  await signIn(page, tenant);
  const pages: [string, string][] = [
    ['dashboard', '/'],
    ['leads', '/leads'],
    ['lead', `/leads/${leadId}`],
    ['imports', '/imports'],
    ['customers', '/customers'],
    ['customer', `/customers/${customerId}`],
    ['commissions', '/commissions'],
    ['partners', '/partners'],
    ['partner', `/partners/${partnerId}`],
    ['messages', `/messages/${threads.data[0]?.id ?? ''}`],
    ['programs', '/programs'],
    ['program-general', `/programs/${programId}?tab=general`],
    ['program-form', `/programs/${programId}?tab=form`],
    ['program-stages', `/programs/${programId}?tab=stages`],
    ['program-offer', `/programs/${programId}?tab=offer`],
    ['program-embed', `/programs/${programId}?tab=embed`],
    ['developers', '/developers'],
    ['team', '/team'],
  ];
  const problems: string[] = [];
  for (const [name, path] of pages) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator(LOADING)).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    problems.push(...(await layoutAtWidths(page, `admin-${name}`)));
    // Shared components are styled on every page, whichever page's code loaded first (the key
    // figures once lived in the dashboard's stylesheet and lay flat on a reloaded partner page).
    for (const figure of await page.locator('.kpi').all()) {
      expect(await figure.evaluate((element) => getComputedStyle(element).display)).toBe('flex');
    }
  }
  expect(problems).toEqual([]);
});
