import { ADMIN, expect, logIn, setUpThroughUi, SETTING_NAME, test } from './fixtures';

test('first run: setup, recovery key, log in, add a practitioner, lock, practitioner changes password and sees only their areas', async ({ page, preview }) => {
  // First run shows the wizard; a short password is refused beside the field and nothing is created.
  await page.goto(preview.url);
  await page.getByLabel('Name of your setting').fill(SETTING_NAME);
  await page.getByLabel('Full name').fill(ADMIN.fullName);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('too short');
  await page.getByRole('button', { name: 'Set up TwoWay' }).click();
  await expect(page.getByText('Use at least 12 characters').first()).toBeVisible();
  expect((await preview.core.invoke('setup.status')).isSetUp).toBe(false);
  // What was typed is still there.
  await expect(page.getByLabel('Name of your setting')).toHaveValue(SETTING_NAME);

  const recoveryKey = await setUpThroughUi(page, preview);
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expect(page.getByRole('button', { name: 'Continue to log in' })).toBeDisabled();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Continue to log in' }).click();

  // The login screen shows the setting's name and no usernames.
  await expect(page.getByRole('heading', { name: SETTING_NAME })).toBeVisible();
  await expect(page.getByText(ADMIN.username, { exact: true })).toHaveCount(0);
  await logIn(page, ADMIN.username, 'not my password at all');
  await expect(page.getByRole('alert')).toContainText('That username and password do not match');
  await logIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toBeVisible();

  // Add a practitioner.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'Add a member of staff' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill('Priya Practitioner');
  await dialog.getByLabel('Username').fill('priya');
  await dialog.getByLabel('First password').fill('first time password');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('row', { name: /Priya Practitioner/ })).toContainText('Must choose a password');

  // Lock: back to the login screen, nothing of the last session visible.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('Priya Practitioner')).toHaveCount(0);
  expect((await preview.core.invoke('auth.session')).session).toBeNull();

  // The practitioner logs in and must choose their own password first.
  await logIn(page, 'priya', 'first time password');
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await page.getByLabel('The password you were given').fill('first time password');
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('short');
  await page.getByLabel('New password again').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Use at least 12 characters').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('priya own password');
  await page.getByLabel('New password again').fill('priya own password');
  await page.getByRole('button', { name: 'Change password' }).click();

  // She sees only what a practitioner may see: no Admin area, and the admin route says so.
  await expect(page.getByTestId('current-user')).toContainText('Priya Practitioner');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Children' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto(`${preview.url}#/admin`);
  await expect(page.getByText('not available to your role')).toBeVisible();
  // And the core refuses her too, whatever the screen shows.
  await expect(preview.core.invoke('users.list')).rejects.toMatchObject({ code: 'forbidden' });
});

test('the recovery key unlocks and makes the administrator choose a new password', async ({ page, preview }) => {
  const { recoveryKey } = await preview.core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await page.goto(preview.url);
  await page.getByRole('button', { name: /Use the recovery key/ }).click();
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await expect(page.getByText('You unlocked TwoWay with the recovery key')).toBeVisible();
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a fresh admin password');
  await page.getByLabel('New password again').fill('a fresh admin password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
});

test('the recovery sheet prints on A4 with the key and where to keep it', async ({ page, preview }) => {
  const key = await setUpThroughUi(page, preview);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const { pdfText } = await import('./pdf');
  const text = await pdfText(pdf);
  expect(text).toContain('TwoWay recovery key');
  expect(text).toContain(SETTING_NAME);
  expect(text.replace(/\s+/g, '')).toContain(key.replace(/-/g, ''));
  expect(text).toContain('Where to keep it');
  expect(text).toContain('CONFIDENTIAL');
});
