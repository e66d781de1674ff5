import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';

/**
 * One person at their own browser (own cookies, own sessionStorage), kept open across the
 * journeys as they would keep their tab. Playwright traces these contexts too (config `trace`),
 * one chunk per journey, kept when the journey failed.
 */
export class Actor {
  private closed = false;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, name: string, options: BrowserContextOptions = {}) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      ...options,
    });
    return new Actor(name, context, await context.newPage());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.context.close();
  }
}
