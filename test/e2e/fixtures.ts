import { test as base, expect, type Page } from '@playwright/test';
import type { Role } from '../../shared/contract/define';
import type { Core } from '../../electron/core/index';
import { startPreview, type Preview } from '../preview/server';
import { printCalls, replacePrint } from './print-stub';

/**
 * Each test gets a fresh preview (a new empty data folder, the built renderer, the real core) and a
 * page whose `window.print()` only records the request (see print-stub.ts).
 */
export const test = base.extend<{ preview: Preview }>({
  preview: async ({}, use) => {
    const preview = await startPreview();
    await use(preview);
    await preview.close();
  },
  page: async ({ page }, use) => {
    await replacePrint(page);
    await use(page);
  },
});
export { expect };

/** Asserts that the page asked to print exactly `times` times since it was loaded. */
export async function expectPrintRequested(page: Page, times = 1) {
  await expect.poll(() => printCalls(page), { message: 'Print asked the browser to print' }).toBe(times);
}

export const ADMIN = { fullName: 'Alice Adminson', username: 'alice', password: 'correct horse battery' };
export const SETTING_NAME = 'Little Acorns Pre-school';

/** The first-run wizard through the UI; returns the recovery key as shown. */
export async function setUpThroughUi(page: Page, preview: Preview): Promise<string> {
  await page.goto(preview.url);
  await page.getByLabel('Name of your setting').fill(SETTING_NAME);
  await page.getByLabel('Full name').fill(ADMIN.fullName);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Set up TwoWay' }).click();
  const key = await page.getByTestId('recovery-key').innerText({ timeout: 20_000 });
  return key.replace(/\s+/g, '-');
}

export async function logIn(page: Page, username: string, password: string) {
  // Wait for the login screen itself, so a field of the screen being left is never filled by mistake.
  const button = page.getByRole('button', { name: 'Log in', exact: true });
  await expect(button).toBeVisible();
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await button.click();
}

/** Setup and the first admin login through the core (fast), for tests about later screens. */
export async function setUpAndLogIn(page: Page, preview: Preview) {
  await preview.core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await page.goto(preview.url);
  await logIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
}

/**
 * Adds a member of staff through the core as the administrator, then has them choose `password` at
 * their first login (as they would be asked to); the administrator is logged in again at the end.
 * Returns their user id.
 */
export async function addStaff(core: Core, staff: { username: string; fullName: string; roles: Role[] }, password: string): Promise<string> {
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await core.invoke('users.create', { ...staff, password: 'initial password 1' });
  await core.invoke('auth.login', { username: staff.username, password: 'initial password 1' });
  await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: password });
  const id = (await core.invoke('auth.session')).session!.userId;
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  return id;
}
