import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/index';
import { addStaff, ADMIN, expect, expectPrintRequested, logIn, SETTING_NAME, test } from './fixtures';
import { pdfFlowText, pdfToPngs } from './pdf';

// Retention, disposal and subject access (issue 16) through the real renderer and core: the manager
// disposes of a left child's diary from Home's "due for review"; the DSL reviews a subject access
// request, blacks out another child's name, and the released PDF has a black box and not the name.

const PASSWORD = 'a settled password 7';

async function seed(core: Core) {
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await addStaff(core, { username: 'dina', fullName: 'Dina Lead', roles: ['dsl'] }, PASSWORD);
  // Left in July 2021: 3 years on, the children's records and the diary are due for review.
  const millie = (
    await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2018-03-14', status: 'left', startDate: '2019-09-02', leavingDate: '2021-07-16' })
  ).id;
  await core.invoke('children.create', { legalName: 'Oscar Finch', dateOfBirth: '2018-05-01', room: 'Rainbow' });
  await core.invoke('diary.add', { childId: millie, day: '2021-06-01', time: '10:00', category: 'learning', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Built a tall tower with Oscar and counted the bricks to ten.' });
  await core.invoke('diary.add', { childId: millie, day: '2021-06-02', time: '09:00', category: 'message', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Please bring spare wellies for forest school.' });
  await core.invoke('auth.lock');
  return { millie };
}

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('the DSL reviews a subject access request, blacks out another child’s name, and the released PDF shows a black box without the name', async ({ page, preview }) => {
  const { millie } = await seed(preview.core);
  const out = test.info().outputPath('sar');
  mkdirSync(out, { recursive: true });
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await main(page).getByRole('link', { name: 'Keeping records' }).click();
  await page.getByRole('combobox', { name: 'Child' }).selectOption({ label: 'Millie (Amelia Jones)' });
  const items = page.getByRole('table', { name: 'Information about other people' });
  const oscar = items.getByRole('row').filter({ hasText: 'Oscar Finch' });
  await expect(oscar).toContainText('Built a tall tower with Oscar');
  await page.screenshot({ path: test.info().outputPath('review.png'), fullPage: true });
  // Submitting with nothing decided refuses and moves focus to the first question.
  await page.getByRole('button', { name: 'Record the review and open the export' }).click();
  await expect(page.getByRole('textbox', { name: /Who asked for it/ })).toBeFocused();
  await page.getByRole('textbox', { name: /Who asked for it/ }).fill('Sarah Jones (mother), letter of 2 March');
  // Another child's name is blacked out.
  await oscar.getByRole('combobox').selectOption('redacted');
  await oscar.getByRole('textbox', { name: 'Reason' }).fill('Another child’s name.');
  // Staff names are listed for review by default: release them (staff act in their work role), one
  // decision copied to every mention of the same person.
  const staff = items.getByRole('row').filter({ hasText: 'Names a member of staff' });
  await expect(staff).toHaveCount(2);
  await staff.first().getByRole('combobox').selectOption('released');
  await staff.first().getByRole('textbox', { name: 'Reason' }).fill('Staff act in their work role.');
  await staff.first().getByRole('button', { name: 'The same for the 1 other mention of Alice Adminson' }).click();
  await expect(staff.nth(1).getByRole('textbox', { name: 'Reason' })).toHaveValue('Staff act in their work role.');
  await page.getByRole('button', { name: 'Record the review and open the export' }).click();
  await expect(page.getByRole('heading', { name: 'Subject access export: Millie (Amelia Jones)' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Redacted' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintRequested(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = pdfFlowText(pdf);
  expect(text).toContain('The information we hold about Millie (Amelia Jones)');
  expect(text).toContain('Contents');
  expect(text).toContain('Diary (2 entries)');
  expect(text).toContain('Built a tall tower with');
  expect(text).toContain('and counted the bricks to ten.');
  expect(text).toContain('Please bring spare wellies for forest school.');
  expect(text).not.toContain('Oscar');
  const pngs = pdfToPngs(pdf, out, 60);
  expect(pngs.length).toBeGreaterThanOrEqual(2);
  // The review is kept as a record.
  const prep = await preview.core.invoke('sar.prepare', { childId: millie });
  expect(prep.reviews[0]).toMatchObject({ requestedBy: 'Sarah Jones (mother), letter of 2 March', redacted: 1 });
});

test('the manager disposes of a left child’s diary from Home, confirming with their password, and the record of disposal names only a reference', async ({ page, preview }) => {
  await seed(preview.core);
  await page.goto(preview.url);
  await logIn(page, ADMIN.username, ADMIN.password);
  const card = page.getByRole('group', { name: 'Records due for review' }).or(page.getByLabel('Records due for review'));
  await expect(card.first()).toContainText('2 sets of records are due for review');
  await page.getByRole('link', { name: 'Go to records due for review' }).click();
  const diaryRow = page.getByRole('table', { name: 'Records due for review' }).getByRole('row').filter({ hasText: 'Diary entries' });
  await expect(diaryRow).toContainText('2 diary entries');
  await page.screenshot({ path: test.info().outputPath('due-for-review.png'), fullPage: true });
  await diaryRow.getByRole('button', { name: 'Dispose of them' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('cannot be undone');
  await dialog.getByLabel('Your password').fill('not my password');
  await dialog.getByRole('button', { name: 'Dispose of them' }).click();
  await expect(dialog.getByText('This is not your password.')).toBeVisible();
  await expect(dialog.getByLabel('Your password')).toBeFocused();
  await dialog.getByLabel('Your password').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Dispose of them' }).click();
  await expect(dialog).toBeHidden();
  const done = page.getByText(/Diary entries of child C-[0-9A-F]{8}: 2 diary entries/);
  await expect(done).toBeVisible();
  await expect(page.getByRole('table', { name: 'Records due for review' }).getByRole('row').filter({ hasText: 'Diary entries' })).toHaveCount(0);
  const disposed = page.getByRole('table', { name: 'Records disposed of' });
  await expect(disposed).toContainText('Diary entries');
  await expect(disposed).toContainText(ADMIN.fullName);
  await expect(disposed).not.toContainText('Amelia');
  // The entries are gone from the diary's own search.
  const { hits } = await preview.core.invoke('diary.search', { query: 'wellies' });
  expect(hits).toEqual([]);
});
