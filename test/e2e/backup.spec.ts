import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview } from '../preview/server';
import { ADMIN, expect, expectPrintRequested, logIn, SETTING_NAME, setUpAndLogIn, test } from './fixtures';

// Back up, add a record, restore: the record is gone; undo the restore: it is back (issue 15).
test('back up, add a child, restore the backup (the child is gone), undo the restore (the child is back)', async ({ page, preview }) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(join(tmpdir(), 'twoway-e2e-backups-'));
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await setUpAndLogIn(page, preview);
    await preview.core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2022-03-14' });

    // Home warns: no folder chosen yet.
    await expect(page.getByRole('group', { name: 'Backups' }).or(page.getByLabel('Backups'))).toContainText('No backup folder has been chosen');
    await page.screenshot({ path: 'test-results/backup-home.png' });

    await page.goto(`${preview.url}#/admin/backups`);
    await page.getByRole('textbox', { name: 'Backup folder' }).fill(folder);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText('Backed up and checked.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/^Last good backup: .*, by Alice Adminson\.$/)).toBeVisible();
    await page.screenshot({ path: 'test-results/backup-panel.png', fullPage: true });
    const file = (await preview.core.invoke('backup.status')).last!.file;
    await expect(page.getByText(`Saved as ${file}`)).toBeVisible();

    // A child added after the backup.
    await preview.core.invoke('children.create', { legalName: 'Ben After', dateOfBirth: '2022-01-02' });

    // Restore: unlock, see what it holds, restore; TwoWay locks.
    await page.reload();
    await page.getByRole('textbox', { name: 'Backup file', exact: true }).fill(file);
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'See what it holds' }).click();
    const facts = page.getByRole('definition').filter({ hasText: /child/ });
    await expect(facts).toHaveText('1 child, 1 staff account, 8 audit trail entries');
    await page.screenshot({ path: 'test-results/backup-restore-summary.png', fullPage: true });
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await logIn(page, ADMIN.username, ADMIN.password);
    await page.goto(`${preview.url}#/children`);
    await expect(page.getByText('Amelia Jones')).toBeVisible();
    await expect(page.getByText('Ben After')).toHaveCount(0);

    // Undo brings Ben back.
    await page.goto(`${preview.url}#/admin/backups`);
    await page.getByRole('button', { name: 'Undo the restore' }).click();
    await page.getByRole('button', { name: 'Yes, undo the restore' }).click();
    await logIn(page, ADMIN.username, ADMIN.password);
    await page.goto(`${preview.url}#/children`);
    await expect(page.getByText('Ben After')).toBeVisible();
    await expect(page.getByText('Amelia Jones')).toBeVisible();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a damaged backup file is refused in words and the records stay as they were', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await setUpAndLogIn(page, preview);
  await page.goto(`${preview.url}#/admin/backups`);
  await page.getByRole('textbox', { name: 'Backup file to check' }).fill(join(tmpdir(), 'no-such-backup.twowaybackup'));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByText('This backup cannot be used.')).toBeVisible();
  await expect(page.getByText(/That backup file is not there/)).toBeVisible();
  // An empty restore form refuses and moves focus to its first field.
  await page.getByRole('button', { name: 'See what it holds' }).click();
  await expect(page.getByRole('textbox', { name: 'Backup file', exact: true })).toBeFocused();
});

test('a new laptop: "Restore from a backup" on the first screen with the recovery key, then log in as before', async ({ page, preview }) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(join(tmpdir(), 'twoway-e2e-backups-'));
  const { recoveryKey } = await preview.core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await preview.core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2022-03-14' });
  const { file } = await preview.core.invoke('backup.create', { folder });
  const fresh = await startPreview();
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(fresh.url);
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByRole('textbox', { name: 'Backup file', exact: true }).fill(file);
    await page.getByRole('radio', { name: 'The recovery key' }).click();
    await expect(page.getByRole('textbox', { name: 'Backup file', exact: true })).toHaveValue(file);
    await page.getByRole('textbox', { name: 'Recovery key' }).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
    await page.getByRole('button', { name: 'See what it holds' }).click();
    await expect(page.getByText('That recovery key does not open this backup.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
    await page.getByRole('button', { name: 'See what it holds' }).click();
    await expect(page.getByRole('definition').filter({ hasText: SETTING_NAME })).toBeVisible();
    await page.screenshot({ path: 'test-results/backup-new-laptop.png', fullPage: true });
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await logIn(page, ADMIN.username, ADMIN.password);
    await page.goto(`${fresh.url}#/children`);
    await expect(page.getByText('Amelia Jones')).toBeVisible();
  } finally {
    await fresh.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a new recovery key: the administrator’s password, the new key shown once with its sheet to print', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await setUpAndLogIn(page, preview);
  await page.goto(`${preview.url}#/admin/backups`);
  await page.getByRole('textbox', { name: 'Your password' }).fill('not my password');
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByText('That is not your password. Nothing was changed.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your password' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Your password' }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  await page.getByRole('button', { name: 'Print recovery sheet' }).click();
  await expectPrintRequested(page);
  await page.screenshot({ path: 'test-results/backup-new-recovery-key.png', fullPage: true });
  await preview.core.invoke('auth.lock');
  await expect(preview.core.invoke('auth.loginWithRecoveryKey', { recoveryKey: key })).resolves.toMatchObject({ viaRecoveryKey: true });
});
