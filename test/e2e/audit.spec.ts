import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../electron/core/index';
import { ADMIN, expect, expectPrintRequested, logIn, SETTING_NAME, test } from './fixtures';
import { pdfInfo, pdfText } from './pdf';

// The audit trail as a manager reads it (issues 10.6 and 11.17): in words with names, filtered by what
// happened, paged beyond the newest entries, printed; failed logins piling up show on Home.

const OUT = join(import.meta.dirname, '../../test-results/audit');
const PASSWORD = 'a settled password 7';

function shot(name: string) {
  mkdirSync(OUT, { recursive: true });
  return join(OUT, name);
}

/** A setting with a practitioner, a child whose file was opened often, five failed logins and a refused request. */
async function seed(core: Core) {
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await core.invoke('users.create', { fullName: 'Pat Keyperson', username: 'pat', password: 'initial password 1', roles: ['practitioner'] });
  const { id: millie } = await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2022-03-14', room: 'Rainbow' });
  // More than a page of entries.
  for (let i = 0; i < 110; i++) await core.invoke('children.get', { childId: millie });
  await core.invoke('auth.login', { username: 'pat', password: 'initial password 1' });
  await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: PASSWORD });
  await core.invoke('children.get', { childId: millie });
  // Pat tries the audit trail: her role does not allow it.
  await expect(core.invoke('audit.list', {})).rejects.toMatchObject({ code: 'forbidden' });
  await core.invoke('auth.lock');
  for (let i = 0; i < 5; i++) await expect(core.invoke('auth.login', { username: 'pat', password: 'a wrong guess' })).rejects.toMatchObject({ code: 'wrong-credentials' });
}

test('the audit trail in words: failed logins on Home, filters by what happened and by person, older pages, print', async ({ page, preview }) => {
  test.setTimeout(120_000);
  await seed(preview.core);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(preview.url);
  await logIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);

  // Home warns the administrator and links to the failed logins.
  const warning = page.getByRole('group', { name: 'Failed logins' }).or(page.getByLabel('Failed logins'));
  await expect(warning).toContainText('5 failed logins in the last 7 days');
  await page.screenshot({ path: shot('home-failed-logins.png') });
  await page.getByRole('link', { name: 'See the failed logins in the audit trail' }).click();
  const trail = page.getByRole('table', { name: 'Audit trail' });
  await expect(page.getByLabel('What happened')).toHaveValue('failed-logins');
  await expect(trail.getByRole('row')).toHaveCount(6);
  await expect(trail).toContainText('Someone tried to log in as “pat” (Pat Keyperson): the password was wrong or the account is not active');
  await expect(trail).toContainText('Failed login');
  await page.screenshot({ path: shot('failed-logins.png') });

  // Refused requests: who, what they tried, and why; never what they typed.
  await page.getByLabel('What happened').selectOption({ label: 'Refused requests' });
  await expect(trail).toContainText('Pat Keyperson tried to look at the audit trail: refused, their role does not allow it');
  await expect(trail).toContainText('Refused: Their role does not allow it.');

  // Everything Pat did, by name, never a raw id.
  await page.getByLabel('What happened').selectOption({ label: 'Everything' });
  await page.getByLabel('Member of staff').selectOption({ label: 'Pat Keyperson' });
  await expect(trail).toContainText('Pat Keyperson viewed Amelia Jones’s file');
  await expect(trail).toContainText('Pat Keyperson changed their own password');
  await expect(trail).not.toContainText(/child:|[0-9a-f]{8}-[0-9a-f]{4}/);

  // Beyond the newest page: older entries, then back.
  await page.getByLabel('Member of staff').selectOption({ label: 'Everyone' });
  await page.getByLabel('What happened').selectOption({ label: 'Records viewed' });
  const status = page.getByRole('status').filter({ hasText: 'newest first' });
  await expect(status).toContainText('Showing 1 to 100.');
  await page.getByRole('button', { name: 'Older entries' }).click();
  await expect(status).toContainText(/Showing 101 to 1\d\d\./);
  await expect(trail).toContainText('Alice Adminson viewed Amelia Jones’s file');
  await expect(page.getByRole('button', { name: 'Older entries' })).toBeDisabled();
  await page.getByRole('button', { name: 'Newer entries' }).click();
  await expect(status).toContainText('Showing 1 to 100.');
  await page.screenshot({ path: shot('viewed.png') });

  // Print what is on screen: recorded in the trail, then the dialog; A4 landscape with the filters.
  await page.getByLabel('What happened').selectOption({ label: 'Failed logins' });
  await expect(trail.getByRole('row')).toHaveCount(6);
  await page.getByRole('button', { name: 'Print these entries' }).click();
  await expectPrintRequested(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(shot('audit-trail.pdf'), pdf);
  const info = pdfInfo(pdf);
  expect(info.width).toBeGreaterThan(info.height);
  const text = (await pdfText(pdf)).replace(/[ \t]+/g, ' ');
  expect(text).toContain('Audit trail');
  expect(text).toContain(`${SETTING_NAME} · Failed logins, everyone · entries 1 to 5 of 5`);
  expect(text).toContain('as “pat” (Pat Keyperson)');
  expect(text).toContain('Printed by Alice Adminson');
  // The print itself is in the trail.
  await page.getByLabel('What happened').selectOption({ label: 'Printed or saved as PDF' });
  await expect(trail).toContainText('Alice Adminson printed the audit trail');
  await page.screenshot({ path: shot('prints.png') });
});
