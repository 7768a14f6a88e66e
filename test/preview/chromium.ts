/**
 * How TwoWay's tools start Debian's Chromium (Playwright's own browser cannot be downloaded here):
 * the e2e tests, the screenshots script and the preview's PDF maker share these options.
 */
export const CHROMIUM_LAUNCH = {
  // Date pickers follow the browser's own language: en-GB shows dd/mm/yyyy, as on the setting's laptop.
  env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
