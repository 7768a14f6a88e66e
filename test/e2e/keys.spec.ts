import AxeBuilder from '@axe-core/playwright';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPreview } from '../preview/server';
import { ADMIN, expect, logIn, setUpAndLogIn, SETTING_NAME, test } from './fixtures';

/** axe (WCAG 2 A and AA) on the screen as it is: no serious or critical finding (Fluent's focus guards aside, as in accessibility.spec.ts). */
async function expectAccessible(page: import('@playwright/test').Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))).map((n) => `${v.id}: ${n.target.join(' ')}`));
  expect(serious).toEqual([]);
}

async function chooseNewPassword(page: import('@playwright/test').Page, password: string) {
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
  await page.getByLabel('New password again').fill(password);
  await page.getByRole('button', { name: 'Change password' }).click();
}

for (const damage of ['missing', 'damaged'] as const) {
  test(`a ${damage} settings file: the login screen says so, and the recovery key gets the records back`, async ({ page }) => {
    const first = await startPreview();
    const { recoveryKey } = await first.core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
    await first.close();
    const settings = join(first.dataDir, 'settings.json');
    if (damage === 'missing') rmSync(settings);
    else writeFileSync(settings, readFileSync(settings, 'utf8').slice(0, 200));

    const preview = await startPreview({ dataDir: first.dataDir });
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(preview.url);
      await expect(page.getByText(`TwoWay’s settings file is ${damage}`)).toBeVisible();
      // Not the set-up wizard, and no password form: only the recovery key can work.
      await expect(page.getByLabel('Name of your setting')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Back to log in with a password' })).toHaveCount(0);
      await page.screenshot({ path: `test-results/keys-login-settings-${damage}.png` });
      await expectAccessible(page);
      await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
      await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
      await chooseNewPassword(page, 'a fresh admin password');
      await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
      await page.getByRole('button', { name: /Lock/ }).first().click();
      // The settings file is whole again: the setting's name is back and passwords work.
      await expect(page.getByRole('heading', { name: SETTING_NAME })).toBeVisible();
      await expect(page.getByText(/settings file is/)).toHaveCount(0);
      await logIn(page, ADMIN.username, 'a fresh admin password');
      await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
    } finally {
      await preview.close();
    }
  });
}

test('deactivating someone offers to change the database key, which asks for the password and reports back', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpAndLogIn(page, preview);
  await preview.core.invoke('users.create', { fullName: 'Bob Leaver', username: 'bob', password: 'initial password 1', roles: ['office'] });
  await page.goto(`${preview.url}#/admin`);
  await page.getByRole('button', { name: 'Deactivate Bob Leaver' }).click();
  await page.getByLabel('Reason').fill('Left the setting on 31 August');
  await page.getByRole('button', { name: 'Deactivate', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Bob Leaver is deactivated. Change the database key too?' });
  await expect(dialog).toBeVisible();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expectAccessible(page);
  await dialog.getByLabel('Your password').fill('not my password');
  await dialog.getByRole('button', { name: 'Change the key' }).click();
  await expect(dialog.getByText('This is not your password.')).toBeVisible();
  await expect(dialog.getByLabel('Your password')).toBeFocused();
  await page.screenshot({ path: 'test-results/keys-change-key-dialog.png' });
  await dialog.getByLabel('Your password').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Change the key' }).click();
  await expect(page.getByText(/The database key was changed in (less than a second|1 second|\d+ seconds)\./)).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toHaveCount(0);
  await page.screenshot({ path: 'test-results/keys-change-key-done.png' });
  // The new key is in use: the administrator still logs in.
  await preview.core.invoke('auth.lock');
  await expect((await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password })).username).toBe('alice');
});
