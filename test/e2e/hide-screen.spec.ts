import { ADMIN, expect, setUpAndLogIn, test } from './fixtures';

// Issue 12, "Hide screen": one click (or Esc twice) blanks the window at once; a reload stays hidden
// (the core refuses records meanwhile); the user's own password brings back the same screen.

test('Hide screen blanks everything until the password is typed, survives a reload, and Esc twice hides too', async ({ page, preview }) => {
  await setUpAndLogIn(page, preview);
  await preview.core.invoke('children.create', { legalName: 'Oliver Brown', dateOfBirth: '2022-01-10' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children' }).click();
  const table = page.getByRole('table', { name: 'Children' });
  await expect(table).toContainText('Oliver Brown');
  // Something typed but not saved must still be there afterwards.
  await page.getByLabel('Search by name').fill('Oli');

  await page.getByRole('button', { name: 'Hide screen' }).click();
  const hidden = page.getByRole('heading', { name: 'The screen is hidden' });
  await expect(hidden).toBeVisible();
  // Not visible, and not in the accessibility tree either.
  await expect(page.getByText('Oliver Brown')).toBeHidden();
  await expect(page.getByTestId('current-user')).toBeHidden();
  expect(await page.locator('body').ariaSnapshot()).not.toMatch(/Oliver|Children|Search by name|Lock/);

  // The core knows: a reload still shows the hide screen, and no record.
  await page.reload();
  await expect(hidden).toBeVisible();
  await expect(page.getByText('Oliver Brown')).toHaveCount(0);

  // A wrong password says so and stays hidden, with focus back in the password box.
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Show the screen' }).click();
  await expect(page.getByText(`That is not ${ADMIN.fullName}’s password, so the screen stays hidden. Try again, or log in as someone else.`)).toBeVisible();
  await expect(page.getByText(`This is not ${ADMIN.fullName}’s password.`)).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(hidden).toBeVisible();

  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Show the screen' }).click();
  await expect(hidden).toHaveCount(0);
  await expect(page).toHaveURL(/#\/children/);
  await expect(page.getByRole('table', { name: 'Children' })).toContainText('Oliver Brown');

  // Without a reload, the screen comes back exactly as it was, typing included.
  await page.getByLabel('Search by name').fill('Oli');
  // (Esc in the search box itself would also empty it, as search boxes do.)
  await page.getByLabel('Search by name').blur();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(hidden).toBeVisible();
  await expect(page.getByText('Oliver Brown')).toBeHidden();
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(hidden).toHaveCount(0);
  await expect(page.getByLabel('Search by name')).toHaveValue('Oli');
  await expect(page.getByRole('table', { name: 'Children' })).toContainText('Oliver Brown');

  // Esc that closes a dialog does not count: one to close it, then two more to hide.
  await page.getByRole('button', { name: 'Add a child' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(hidden).toHaveCount(0);

  // "Log in as someone else" locks.
  await page.getByRole('button', { name: 'Hide screen' }).click();
  await page.getByRole('button', { name: 'Log in as someone else' }).click();
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  expect((await preview.core.invoke('auth.session')).session).toBeNull();
});
