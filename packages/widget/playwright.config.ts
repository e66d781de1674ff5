import { chromiumLaunchOptions } from '@leadbridge/devkit/chromium';
import { defineConfig } from '@playwright/test';

// Real Chromium (Debian's, never a downloaded one) against the real API process and a real
// PostgreSQL, with the widget embedded by a host page on another origin (test/global-setup.ts).
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.test.ts',
  globalSetup: './test/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    acceptDownloads: true,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
});
