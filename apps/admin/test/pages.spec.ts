import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

/**
 * The admin app's own loading state (ui/States.tsx). Not any live region: the embedded widget
 * in the program settings preview keeps an (empty) one for its announcements, as it should.
 */
const LOADING = '.state[role="status"]';

const PAGES: [string, string][] = [
  ['/customers', 'Customers'],
  ['/partners', 'Partners'],
  ['/applications', 'Applications'],
  ['/programs', 'Programs'],
  ['/imports', 'Imports'],
  ['/messages', 'Messages'],
  ['/developers', 'Developers'],
  ['/commissions', 'Commissions'],
  ['/team', 'Team'],
];

test('every page loads with its empty state and passes axe, at desktop and phone width', async ({
  page,
  tenant,
}) => {
  await signIn(page, tenant);
  for (const [path, title] of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.locator(LOADING)).toHaveCount(0);
    await expectAccessible(page, `${title} page`);
  }
  await page.goto('/commissions');
  await expect(page.getByText('No pending commissions')).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/leads/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Lead not found' })).toBeVisible();

  await createLeads(tenant, 3, 0, 'Small');
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ['/', '/leads', `/programs/${tenant.program.id}?tab=form`, '/customers']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator(LOADING)).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        // Inside a scroller (a table, the tab strip) is fine: that part scrolls, the page does not.
        .filter((el) => {
          for (let p = el.parentElement; p; p = p.parentElement) {
            if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
          }
          return true;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
        .slice(0, 5);
      return { by: document.documentElement.scrollWidth - width, wide };
    });
    expect(overflow, `horizontal overflow on ${path} at 375px`).toEqual({ by: 0, wide: [] });
    await expectAccessible(page, `${path} at phone width`);
  }
  await page.goto('/');
  await expect(page.locator('.kpi-value').first()).toHaveText('3');
  await screenshot(page, 'dashboard-phone');
});

test('sign-up creates a company and lands on its setup checklist', async ({ page }) => {
  await page.goto('/sign-up');
  await expectAccessible(page, 'sign-up page');
  await page.getByLabel('Company name').fill('Globex');
  await page.getByLabel('Your name').fill('Hank Scorpio');
  await page.getByLabel('Work email').fill(`hank-${Date.now()}@globex.example`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('.field-error')).toContainText('at least 10 characters');
  await page.getByLabel('Password').fill('volcano-lair-2000');
  await page.getByRole('button', { name: 'Create account' }).click();
  // A brand-new company is welcomed with the steps to its first lead, not empty charts.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Hank');
  await expect(page.getByTestId('setup-count')).toHaveText('0 of 5 done');
  await page.getByRole('link', { name: 'Programs' }).click();
  await expect(page.getByText('No programs yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create your first program' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Globex Partners');
  await page.getByRole('dialog').getByRole('button', { name: 'Create program' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Globex Partners');
  await expect(page.getByRole('link', { name: 'Lead form' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});
