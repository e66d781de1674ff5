import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Page } from '@playwright/test';
import { testEnvironment } from './environment.js';
import { encodePage, type HostPage } from './host-site.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface HostEvent {
  type: string;
  target: string;
  detail: Record<string, unknown>;
}

/** Opens a host page (on the host site's origin) embedding the described forms. */
export async function openHost(
  page: Page,
  host: HostPage,
  origin = testEnvironment().hostUrl,
): Promise<void> {
  await page.goto(`${origin}/?page=${encodePage(host)}`);
}

export function hostEvents(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { hostEvents: HostEvent[] }).hostEvents);
}

/** Waits until the host page has received an event of this type (from this form, if given). */
export async function waitForHostEvent(
  page: Page,
  type: string,
  target?: string,
): Promise<HostEvent> {
  await expect
    .poll(async () =>
      (await hostEvents(page)).some((e) => e.type === type && (!target || e.target === target)),
    )
    .toBe(true);
  const events = await hostEvents(page);
  const found = events.find((e) => e.type === type && (!target || e.target === target));
  if (!found) throw new Error(`no ${type}`);
  return found;
}

/**
 * Runs axe-core in the page (WCAG 2.x A/AA rules, best practices included) and fails listing
 * every violation with its nodes, so a report says what to fix.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as {
      id: string;
      help: string;
      nodes: { target: unknown; failureSummary: string }[];
    }[];
  });
  const readable = violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: node.target, why: node.failureSummary })),
  }));
  expect(readable).toEqual([]);
}

/** The latest sign-in code emailed to `email` (read from the mail catcher). */
export async function signInCode(email: string): Promise<string> {
  const { mailUrl } = testEnvironment();
  let code: string | null = null;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailUrl}/api/messages`);
        const mails = (await response.json()) as { to: string[]; text: string; subject: string }[];
        const mine = mails.filter((mail) => mail.to.includes(email));
        const last = mine[mine.length - 1];
        code = last ? (/\b(\d{6})\b/.exec(`${last.subject}\n${last.text}`)?.[1] ?? null) : null;
        return code;
      },
      { timeout: 20_000 },
    )
    .not.toBeNull();
  return code ?? '';
}

export const test = base;
export { expect };
