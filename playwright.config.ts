import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/preview/chromium';

/**
 * E2E runs the built renderer and the real core through the preview harness, in Debian's Chromium
 * (Playwright's own browser download is not reachable here). Two workers: two cores.
 */
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: false,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1366, height: 800 },
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
