import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Core } from '../../electron/core/index';
import { addDays, longDayLabel, shortDayLabel, today, weekLabel, weekStart } from '../../shared/domain/weeks';
import { ADMIN, expect, expectPrintRequested, SETTING_NAME, test } from './fixtures';
import { pdfFlowText, pdfInfo, pdfText, pdfToPngs } from './pdf';

const OUT = join(import.meta.dirname, '../../test-results/diary');

/** A room with a child in shared care: with us except Wednesdays, at a childminder on Wednesdays; consent to share the diary with the childminder only. */
async function seed(core: Core) {
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const session = (await core.invoke('auth.session')).session!;
  // The administrator also works in the office here: office staff share diary entries.
  await core.invoke('users.setRoles', { userId: session.userId, roles: ['admin', 'office'] });
  const sunshine = (await core.invoke('partners.create', { name: 'Sunshine Childminding', kind: 'childminder' })).id;
  const oak = (await core.invoke('partners.create', { name: 'Oak Tree Pre-school', kind: 'setting' })).id;
  const attendance = (['mon', 'tue', 'thu', 'fri'] as const).map((day) => ({ day, session: 'all-day' as const }));
  const millie = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2023-03-14', room: 'Rainbow', attendance })).id;
  const ben = (await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2023-01-02', room: 'Rainbow', attendance })).id;
  const mum = (await core.invoke('carers.create', { childId: millie, fullName: 'Sarah Jones', relationship: 'mother', parentalResponsibility: true, livesWithChild: true })).id;
  await core.invoke('carers.create', { childId: millie, fullName: 'Tom Jones', relationship: 'father', parentalResponsibility: true });
  await core.invoke('children.addSharedCare', { childId: millie, partnerId: sunshine, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Jo Smith' });
  await core.invoke('consent.record', { childId: millie, scope: 'diary', recipients: [sunshine], givenByCarerId: mum, givenOn: addDays(today(), -30), method: 'written' });
  await core.invoke('auth.lock');
  return { sunshine, oak, millie, ben, mum };
}

async function chooseFromDropdown(page: Page, label: string | RegExp, option: string | RegExp, scope: Page | Locator = page) {
  await scope.getByLabel(label).click();
  await page.getByRole('option', { name: option }).click();
}

async function openChildWeek(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
  await page.getByRole('combobox', { name: 'Child' }).click();
  await page.getByRole('combobox', { name: 'Child' }).pressSequentially(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await expect(page.getByTestId('child-week')).toBeVisible();
}

/** A screenshot of the whole screen, tall enough to show the whole scrolling area. */
async function shot(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => Math.max(800, (document.querySelector('main')?.scrollHeight ?? 0) + 60));
  await page.setViewportSize({ width: size.width, height: Math.min(height, 3000) });
  await page.screenshot({ path: join(OUT, name) });
  await page.setViewportSize(size);
}

test('add entries from a parent and a partner setting, see them in the week and the room, print the week, search', async ({ page, preview }) => {
  const ids = await seed(preview.core);
  await setUpAndLogInSeeded(page, preview.url);
  const day = today();
  const monday = weekStart(day);

  await openChildWeek(page, 'Millie');
  await expect(page.getByTestId('week-label')).toHaveText(weekLabel(day));
  // Today is obvious: marked in the column header.
  await expect(page.locator('th[aria-current="date"]')).toContainText('Today');
  // Where the child is each day, from the shared-care pattern.
  await expect(page.locator(`th[data-day="${addDays(monday, 2)}"]`)).toContainText('At Sunshine Childminding');
  await expect(page.locator(`th[data-day="${monday}"]`)).toContainText('With us');

  // From a parent.
  await page.getByRole('button', { name: 'Add to the diary' }).click();
  let dialog = page.getByRole('dialog');
  // Sent empty: the first question in error, at the top, gets the focus.
  await dialog.getByRole('button', { name: 'Add to the diary' }).click();
  await expect(dialog.getByRole('combobox', { name: 'What it is about' })).toBeFocused();
  await dialog.getByLabel('Time').fill('00:10');
  await chooseFromDropdown(page, 'What it is about', 'Sleep', dialog);
  await dialog.getByRole('radiogroup', { name: 'From: who' }).getByLabel('A parent or carer').check();
  await chooseFromDropdown(page, 'From: parent or carer', 'Sarah Jones (mother)', dialog);
  await dialog.getByRole('radiogroup', { name: 'To: who' }).getByLabel('Our staff').check();
  await dialog.getByLabel('What happened, or the message').fill('Woke at 5am teething, may be tired after lunch.');
  await dialog.getByLabel(/Needs follow-up/).check();
  await dialog.getByRole('button', { name: 'Add to the diary' }).click();
  await expect(dialog).toHaveCount(0);
  const parentCard = page.locator('[data-entry-id]', { hasText: 'Woke at 5am teething' });
  await expect(parentCard).toContainText('Sarah Jones (mother) → Our staff');
  await expect(parentCard).toContainText('Follow-up open');

  // From the partner setting, typed in from their communication book, and shared back with them (consent covers it).
  await page.getByRole('button', { name: 'Add to the diary' }).click();
  dialog = page.getByRole('dialog');
  await chooseFromDropdown(page, 'What it is about', 'Food and drink', dialog);
  await dialog.getByRole('radiogroup', { name: 'From: who' }).getByLabel('Another setting').check();
  await chooseFromDropdown(page, 'From: setting', /Sunshine Childminding/, dialog);
  await dialog.getByLabel('From: their person').fill('Jo Smith');
  await dialog.getByLabel('What happened, or the message').fill('Ate all her lunch and tried red peppers for the first time.');
  await dialog.getByLabel('Typed in from another setting’s communication book').check();
  await chooseFromDropdown(page, 'Whose book', 'Sunshine Childminding', dialog);
  // Oak Tree is not covered by the consent register: it cannot be ticked, and the form says why.
  await expect(dialog.getByLabel('Share with Oak Tree Pre-school')).toBeDisabled();
  await expect(dialog.getByText(/Cannot be shared: The consent to share the diary recorded for this child does not cover Oak Tree Pre-school/)).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Record the parents’ decision in the consent register' }).first()).toHaveAttribute('href', `#/children/${ids.millie}?tab=consent`);
  await dialog.getByLabel('Share with Sunshine Childminding').check();
  await chooseFromDropdown(page, 'How it will be shared', 'Written in their communication book', dialog);
  await shot(page, 'add-entry-dialog.png');
  await dialog.getByRole('button', { name: 'Add to the diary' }).click();
  await expect(dialog).toHaveCount(0);
  const partnerCard = page.locator('[data-entry-id]', { hasText: 'red peppers' });
  await expect(partnerCard).toContainText('Sunshine Childminding (Jo Smith) → Our staff');
  await expect(partnerCard).toContainText('From Sunshine Childminding’s book');
  await expect(partnerCard).toContainText('Shared with Sunshine Childminding');

  // Quick add in a cell: type and press Enter.
  await page.getByRole('button', { name: `Quick add: Wellbeing and mood on ${longDayLabel(day)}` }).click();
  await page.getByLabel(`New entry: Wellbeing and mood on ${longDayLabel(day)}`).fill('Happy and chatty all morning.');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-entry-id]', { hasText: 'Happy and chatty' })).toContainText('Alice Adminson → Parents and carers');

  // Sharing an entry with a setting the register does not cover: refused with the reason.
  await page.locator('[data-entry-id]', { hasText: 'Happy and chatty' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Share with another setting' }).click();
  await chooseFromDropdown(page, 'Share with', /Oak Tree Pre-school/, dialog);
  await expect(dialog.getByText(/cannot be shared with Oak Tree Pre-school: The consent to share the diary/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Record as shared' })).toBeDisabled();
  await shot(page, 'share-refused.png');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Correct it by amendment: the original stays in the history.
  await dialog.getByRole('button', { name: 'Correct this entry' }).click();
  await dialog.getByLabel('Corrected text').fill('Happy and chatty all morning, sang at circle time.');
  await dialog.getByLabel('Why it is being corrected').fill('Added what she did.');
  await dialog.getByRole('button', { name: 'Save the correction' }).click();
  const history = dialog.getByRole('list', { name: 'History of changes' });
  await expect(history).toContainText('Original, by Alice Adminson');
  await expect(history).toContainText('Happy and chatty all morning.');
  await expect(history).toContainText('Amendment 1, by Alice Adminson');
  await expect(history).toContainText('reason: Added what she did.');
  await shot(page, 'entry-history.png');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.locator('[data-entry-id]', { hasText: 'sang at circle time' })).toContainText('Amended');

  // Our plan for the week, on the header row.
  await page.getByRole('button', { name: 'Edit plans' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel(`Theme at ${SETTING_NAME}`).fill('Autumn leaves');
  await dialog.getByLabel(`Planned activities at ${SETTING_NAME}`).fill('Leaf printing and a walk to the park');
  await dialog.getByRole('button', { name: `Save ${SETTING_NAME}’s plan` }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'Plans this week' })).toContainText(`${SETTING_NAME}: Autumn leaves`);
  await shot(page, 'child-week.png');

  // Timeline per day shows the same entries with their categories.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.locator(`td[data-cell="${day}:timeline"] [data-entry-id]`)).toHaveCount(3);
  await shot(page, 'child-week-timeline.png');
  await page.getByRole('tab', { name: 'By category' }).click();

  // Keyboard: Page Down / Page Up move between weeks; the arrow keys move between days.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('week-label')).toHaveText(weekLabel(addDays(monday, 7)));
  await expect(page.locator('[data-entry-id]')).toHaveCount(0);
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('week-label')).toHaveText(weekLabel(monday));
  await page.locator(`th[data-day="${monday}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`th[data-day="${addDays(monday, 1)}"]`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('week-label')).toHaveText(weekLabel(addDays(monday, -7)));
  await expect(page.locator(`th[data-day="${addDays(monday, -3)}"]`)).toBeFocused();
  await page.getByRole('button', { name: 'This week', exact: true }).click();
  await expect(page.getByTestId('week-label')).toHaveText(weekLabel(monday));

  // Print the week: A4 landscape, with the setting, the week, who printed it and when, page numbers, CONFIDENTIAL.
  await page.getByRole('button', { name: 'Print this week' }).click();
  await expectPrintRequested(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = pdfInfo(pdf);
  expect(info.width).toBeGreaterThan(info.height);
  expect(Math.round(info.width)).toBe(842);
  expect(Math.round(info.height)).toBe(595);
  const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
  expect(text).toContain('CONFIDENTIAL');
  expect(text).toContain('Communication diary: Millie (Amelia Jones) (Rainbow)');
  expect(text).toContain(`${SETTING_NAME} · ${weekLabel(day)}`);
  expect(text).toMatch(/Printed by Alice Adminson on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
  expect(text).toMatch(/Page 1 of 1/);
  expect(text).toContain(shortDayLabel(monday));
  expect(text).toContain('red peppers');
  expect(text).toContain('Woke at 5am teething');
  expect(text).toContain('FOLLOW-UP OPEN');
  expect(text).toContain('Autumn leaves');
  mkdirSync(join(OUT, 'child-pdf'), { recursive: true });
  writeFileSync(join(OUT, 'child-week.pdf'), pdf);
  const [png] = pdfToPngs(pdf, join(OUT, 'child-pdf'));
  expect(execFileSync('file', [png], { encoding: 'utf8' })).toMatch(/PNG image data, 70\d x 49\d/);

  // The room's week: everyone at a glance.
  await page.getByRole('tab', { name: 'Room’s week' }).click();
  await chooseFromDropdown(page, 'Room', /Rainbow/);
  const cell = page.getByTestId(`room-cell-${ids.millie}-${day}`);
  await expect(cell).toHaveAttribute('aria-label', `Millie (Amelia Jones), ${longDayLabel(day)}: 3 entries, 1 follow-up open`);
  await expect(page.getByRole('row', { name: /Ben Ahmed/ })).toBeVisible();
  await shot(page, 'room-week.png');
  await page.emulateMedia({ media: 'print' });
  const roomPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const roomText = (await pdfText(roomPdf)).replace(/\s+/g, ' ');
  expect(roomText).toContain('Room diary: Rainbow');
  expect(roomText).toContain('Ben Ahmed');
  expect(roomText).toContain('1 follow-up open');
  expect(roomText).toContain('CONFIDENTIAL');
  expect(pdfInfo(roomPdf).width).toBeGreaterThan(pdfInfo(roomPdf).height);

  // Patterns: Ben has been upset at drop-off on every Thursday of the last seven weeks.
  await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  for (let w = 1; w <= 7; w++) {
    for (const offset of [0, 1, 3, 4]) {
      const d = addDays(monday, -7 * w + offset);
      const categories = offset === 3 ? (['arrival', 'food', 'wellbeing'] as const) : (['arrival', 'food'] as const);
      for (const category of categories) {
        await preview.core.invoke('diary.add', { childId: ids.ben, day: d, category, from: { kind: 'staff' }, to: { kind: 'carer' }, text: category === 'wellbeing' ? 'Tired and upset at drop-off.' : `${category} as usual` });
      }
    }
  }
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await page.getByRole('combobox', { name: 'Child' }).click();
  await page.getByRole('combobox', { name: 'Child' }).pressSequentially('Ben');
  await page.getByRole('option', { name: /Ben Ahmed/ }).click();
  await expect(page.getByRole('region', { name: 'Patterns found' })).toContainText(
    'Wellbeing and mood notes on 7 of the last 7 Thursdays with diary entries, against 0 of 21 other diary days (0%).',
  );
  await expect(page.locator('[data-highlighted="true"]')).toHaveCount(1);
  await expect(page.locator('[data-highlighted="true"]')).toHaveAttribute('aria-label', 'Wellbeing and mood on Thursdays: 7 entries on 7 days, stands out');
  await expect(page.getByRole('region', { name: 'How patterns are found' })).toContainText('at least 4 of that weekday’s diary days');
  await shot(page, 'patterns.png');

  // Search: highlighted, and opens the week at that entry.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox').fill('pepper');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page.getByRole('list', { name: 'Search results' }).getByRole('link');
  await expect(result).toHaveCount(1);
  await expect(result.locator('mark')).toHaveText('peppers');
  await expect(result).toContainText('Millie (Amelia Jones)');
  await shot(page, 'search.png');
  await result.click();
  await expect(page.getByTestId('child-week')).toBeVisible();
  await expect(page.getByTestId('week-label')).toHaveText(weekLabel(day));
  await expect(page.locator('[data-entry-id]', { hasText: 'red peppers' })).toBeInViewport();
});

test('a long week flows onto more pages without cutting an entry in half', async ({ page, preview }) => {
  const ids = await seed(preview.core);
  await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  // Last week: a diary entry cannot be dated in the future, and last week is all in the past.
  const monday = weekStart(addDays(today(), -7));
  const filler = 'The children explored the garden, collected leaves of every colour, counted them together and talked about the weather and the seasons. ';
  for (let i = 1; i <= 36; i++) {
    await preview.core.invoke('diary.add', {
      childId: ids.millie,
      day: addDays(monday, i % 5 === 2 ? 0 : i % 5),
      time: `${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      category: i % 3 === 0 ? 'learning' : 'wellbeing',
      from: { kind: 'staff' },
      to: { kind: 'carer' },
      text: `Start of entry ${i}. ${filler.repeat(1 + (i % 3))}End of entry ${i}.`,
    });
  }
  await preview.core.invoke('auth.lock');
  await setUpAndLogInSeeded(page, preview.url);
  await openChildWeek(page, 'Millie');
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page.getByTestId('week-label')).toHaveText(weekLabel(monday));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const { pages } = pdfInfo(pdf);
  expect(pages).toBeGreaterThan(1);
  mkdirSync(join(OUT, 'long-pdf'), { recursive: true });
  writeFileSync(join(OUT, 'long-week.pdf'), pdf);
  pdfToPngs(pdf, join(OUT, 'long-pdf'));
  // In drawing order: a wrapped line of one column is never interleaved with the next column's.
  const pageTexts = Array.from({ length: pages }, (_, p) => pdfFlowText(pdf, p + 1));
  for (let i = 1; i <= 36; i++) {
    const start = pageTexts.findIndex((t) => t.includes(`Start of entry ${i}.`));
    const end = pageTexts.findIndex((t) => t.includes(`End of entry ${i}.`));
    expect(start, `entry ${i} is printed`).toBeGreaterThanOrEqual(0);
    expect(end, `entry ${i} ends on the page it starts`).toBe(start);
  }
  // Every page carries the heading, the footer and its number.
  pageTexts.forEach((t, i) => {
    expect(t).toContain('Communication diary: Millie (Amelia Jones)');
    expect(t).toContain('Printed by Alice Adminson');
    expect(t).toContain(`Page ${i + 1} of ${pages}`);
  });
});

async function setUpAndLogInSeeded(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.fullName);
}

