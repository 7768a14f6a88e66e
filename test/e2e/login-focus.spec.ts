import { ADMIN, expect, SETTING_NAME, test } from './fixtures';

// A login that is refused moves focus to its first error, so a keyboard or screen reader user is
// told at once what to correct (the standard every form keeps).

test('a refused login moves focus to its first error', async ({ page, preview }) => {
  await preview.core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await page.goto(preview.url);
  const username = page.getByRole('textbox', { name: 'Username', exact: true });
  const password = page.getByRole('textbox', { name: 'Password', exact: true });
  const logIn = page.getByRole('button', { name: 'Log in', exact: true });

  // Nothing typed: the first field.
  await logIn.click();
  await expect(page.getByText('Enter your username.')).toBeVisible();
  await expect(username).toBeFocused();

  // Username only: the password.
  await username.fill(ADMIN.username);
  await logIn.click();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await expect(password).toBeFocused();

  // A wrong password: the message that says so.
  await password.fill('not the password');
  await logIn.click();
  const message = page.getByRole('alert').filter({ hasText: 'That username and password do not match.' });
  await expect(message).toBeVisible();
  await expect(message).toBeFocused();
});
