import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { apiUrl } from './env';
import { createTenant, type TestTenant } from './tenant';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Screenshots go to the repository's artifacts/ (gitignored), for people to look at. */
export const artifactsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../artifacts/admin',
);

/** Signs in through the API from the page's own context: the browser gets the session cookie. */
export async function signIn(
  page: Page,
  tenant: Pick<TestTenant, 'email' | 'password'>,
): Promise<void> {
  const response = await page.request.post(`${apiUrl()}/v1/auth/sign-in`, {
    data: { email: tenant.email, password: tenant.password },
  });
  expect(response.status(), await response.text()).toBe(200);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is now; fails on serious or critical violations, naming them. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at runtime and has no types in the page.
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
    `accessibility of ${what}`,
  ).toEqual([]);
}

export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  // From the top, so sticky parts (sidebar, save bars) sit where a person first sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: join(artifactsDir, `${name}.png`),
    fullPage: options.fullPage ?? true,
  });
}

export const test = base.extend<{ tenant: TestTenant }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  baseURL: async ({}, use) => use(apiUrl()),
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  tenant: async ({}, use) => use(await createTenant()),
});

export { expect };
