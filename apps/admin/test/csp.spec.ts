import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

/** Every Content-Security-Policy violation the page reports, and the console's refusals. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return async () => [
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    )),
    ...console,
  ];
}

test('the admin app runs under its strict Content-Security-Policy without a single violation', async ({
  page,
  tenant,
}) => {
  const violations = await watchViolations(page);
  const [lead] = await createLeads(tenant, 3);
  await signIn(page, tenant);
  const document = await page.goto('/');
  const policy = document?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self';");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(document?.headers()['strict-transport-security']).toMatch(/max-age=\d+/);

  // Charts, the inbox, a lead, the form builder with the real widget preview, and the rest.
  await expect(page.locator('.kpi-value').first()).toHaveText('3');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  const pages: [string, string | null][] = [
    ['/leads', 'Leads'],
    ['/customers', 'Customers'],
    ['/commissions', 'Commissions'],
    ['/partners', 'Partners'],
    ['/imports', 'Imports'],
    ['/messages', 'Messages'],
    ['/developers', 'Developers'],
    ['/team', 'Team'],
  ];
  for (const [path, title] of pages) {
    await page.goto(path);
    if (title) await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    expect(await violations(), `violations on ${path}`).toEqual([]);
  }
  // Back to a page the browser has cached: revalidated (304), it must keep the page policy.
  await page.goto('/');
  await expect(page.locator('.kpi-value').first()).toHaveText('3');
  await page.goto(`/leads/${lead?.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lead 01');
  await page.goto(`/programs/${tenant.program.id}?tab=form`);
  await expect(page.getByTestId('widget-preview').getByLabel('Email')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
});

test('the policy is enforced: an injected inline script does not run, and no other site can frame the app', async ({
  page,
  tenant,
}) => {
  const violations = await watchViolations(page);
  await signIn(page, tenant);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return 'injectedRan' in window;
  });
  expect(ran).toBe(false);
  await expect
    .poll(violations)
    .toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem blocked inline/)]));

  // A page on another origin framing the admin app gets Chromium's error page, not the app.
  const appUrl = new URL('/', page.url()).href;
  const framer = await page.context().newPage();
  await framer.setContent(`<iframe src="${appUrl}" title="framed"></iframe>`);
  const frame = framer.frames()[1];
  await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
  await framer.close();
});
