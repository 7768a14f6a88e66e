import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      // Date pickers follow the browser's own language: en-GB shows dd/mm/yyyy, as on the setting's laptop.
      env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
