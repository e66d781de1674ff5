import { chromiumLaunchOptions } from '@leadbridge/devkit/chromium';
import { defineConfig } from '@playwright/test';

// Real Chromium (Debian's, never a downloaded one) against the built API as a real process,
// serving this app's build (ADMIN_DIR) and the widget, on a real PostgreSQL (test/global-setup.ts).
export default defineConfig({
  testDir: './test',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/global-setup.mjs',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    baseURL: process.env.LB_ADMIN_TEST_URL,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'off',
    screenshot: 'only-on-failure',
    video: 'off',
  },
});
