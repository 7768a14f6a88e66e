// `npm run screenshots`: drives the preview in Debian's Chromium and refreshes docs/screenshots/,
// so the README shows what a new user sees. Synthetic data only.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startPreview } from '../test/preview/server';

const OUT = join(import.meta.dirname, '../docs/screenshots');
mkdirSync(OUT, { recursive: true });
execSync('npx vite build --config vite.renderer.config.ts --logLevel warn', { stdio: 'inherit' });

const preview = await startPreview();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });

async function step(name: string, fn: (p: Page) => Promise<void>) {
  try {
    await fn(page);
    await page.waitForTimeout(300);
    await shot(name);
    console.log(`docs/screenshots/${name}.png`);
  } catch (error) {
    console.error(`Could not take ${name}: ${(error as Error).message}`);
  }
}

await step('setup', async (p) => {
  await p.goto(preview.url);
  await p.getByLabel('Name of your setting').fill('Little Acorns Pre-school');
  await p.getByLabel('Full name').fill('Alice Adminson');
  await p.getByLabel('Username').fill('alice');
  await p.getByRole('button', { name: 'Suggest three random words' }).click();
});
await step('recovery-key', async (p) => {
  await p.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await p.getByRole('button', { name: 'Set up TwoWay' }).click();
  await p.getByTestId('recovery-key').waitFor();
});
await step('login', async (p) => {
  await p.getByRole('checkbox').check();
  await p.getByRole('button', { name: 'Continue to log in' }).click();
  await p.getByLabel('Username').fill('alice');
});
await step('home', async (p) => {
  await p.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.getByTestId('current-user').waitFor();
});
await step('admin-users', async (p) => {
  await preview.core.invoke('users.create', { fullName: 'Priya Patel', username: 'priya', password: 'first password 1', roles: ['practitioner'] });
  await preview.core.invoke('users.create', { fullName: 'Dev Singh', username: 'dev', password: 'first password 1', roles: ['dsl', 'practitioner'] });
  await p.goto(`${preview.url}#/admin/users`);
  await p.getByRole('table', { name: 'Staff accounts' }).waitFor();
});
await step('audit', async (p) => {
  await p.goto(`${preview.url}#/admin/audit`);
  await p.getByRole('table', { name: 'Audit trail' }).waitFor();
});

await browser.close();
await preview.close();
