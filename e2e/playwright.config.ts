import { chromiumLaunchOptions } from '@leadbridge/devkit/chromium';
import { defineConfig } from '@playwright/test';

// The journeys start the whole system the way `npm start` does (journeys/support/stack.ts) and
// drive it in Debian's Chromium, never a downloaded browser. One worker: the journeys build on
// each other, as the people in them would.
export default defineConfig({
  testDir: './journeys',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // Traces and screenshots of failed journeys, for people to open (gitignored).
  outputDir: '../artifacts/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
});
