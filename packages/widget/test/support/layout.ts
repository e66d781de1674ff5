import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayout, settleLayout } from '@leadbridge/devkit/layout';
import type { Page } from '@playwright/test';

/** Screenshots go to the repository's artifacts/ (gitignored; CI keeps them), for people to look at. */
export const artifactsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../artifacts/widget',
);

/** The widths a partner's screen may have: a phone, a tablet, a laptop. */
export const WIDTHS = [375, 768, 1280] as const;

/**
 * The view on screen, at each width in turn: the host page must not scroll sideways and every
 * control of the widget must be reachable. Saves `<name>-<width>.png` for each width; returns
 * the problems of all widths together, so one run reports everything.
 */
export async function layoutAtEveryWidth(
  page: Page,
  name: string,
  widths: readonly number[] = WIDTHS,
): Promise<string[]> {
  mkdirSync(artifactsDir, { recursive: true });
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await settleLayout(page);
    const report = await checkLayout(page, { within: 'lead-form' });
    if (report.overflow > 0) {
      problems.push(`${name} at ${width}px: the page scrolls sideways by ${report.overflow}px`);
    }
    if (report.checked === 0) problems.push(`${name} at ${width}px: no control found`);
    for (const line of report.unreachable) problems.push(`${name} at ${width}px: ${line}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifactsDir, `${name}-${width}.png`), fullPage: true });
  }
  return problems;
}
