import type { Page } from '@playwright/test';
import { shortDayLabel, today } from '../../shared/domain/weeks';
import { ADMIN, expect, logIn, SETTING_NAME, test } from './fixtures';

// Issue 12: a diary entry (an accident, something a parent said) offers "Record a concern", which
// starts the concern form with the entry's text and where it came from; the diary form's safeguarding
// warning offers it too, for the same child.

async function openMillieWeek(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
  await page.getByRole('combobox', { name: 'Child' }).click();
  await page.getByRole('combobox', { name: 'Child' }).pressSequentially('Millie');
  await page.getByRole('option', { name: /Millie/ }).click();
  await expect(page.getByTestId('child-week')).toBeVisible();
}

test('Record a concern from a diary entry and from the diary form’s warning starts the concern form for that child', async ({ page, preview }) => {
  const core = preview.core;
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const millie = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2023-03-14', room: 'Rainbow' })).id;
  await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2023-01-02', room: 'Rainbow' });
  const mum = (await core.invoke('carers.create', { childId: millie, fullName: 'Sarah Jones', relationship: 'mother', parentalResponsibility: true })).id;
  const said = 'Said she fell off the sofa at the weekend; there is a mark on her arm.';
  const entry = await core.invoke('diary.add', { childId: millie, day: today(), time: '00:05', category: 'wellbeing', from: { kind: 'carer', carerId: mum }, to: { kind: 'staff' }, text: said });
  await core.invoke('auth.lock');

  await page.goto(preview.url);
  await logIn(page, ADMIN.username, ADMIN.password);
  await openMillieWeek(page);
  await page.locator('[data-entry-id]', { hasText: 'fell off the sofa' }).click();
  await page.getByRole('dialog').getByRole('link', { name: 'Record a concern' }).click();

  const form = page.getByRole('form', { name: 'Record a safeguarding concern' });
  await expect(form).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(form.getByRole('combobox', { name: /^Child/ })).toHaveValue(millie);
  await expect(form.getByLabel('What you saw or heard')).toHaveValue(`From the diary, ${shortDayLabel(today())} 00:05, Sarah Jones (mother): ${said}`);
  await expect(page).toHaveURL(new RegExp(`diary=${entry.id}`));

  // The diary form: the warning offers the concern form, carrying what was typed.
  await openMillieWeek(page);
  await page.getByRole('button', { name: 'Add to the diary' }).click();
  const typed = 'Millie said daddy hit me when I spilled my drink.';
  await page.getByRole('dialog').getByLabel('What happened, or the message').fill(typed);
  const warning = page.getByRole('region', { name: 'This may be a safeguarding concern' });
  await expect(warning).toContainText('This reads like a safeguarding concern.');
  await warning.getByRole('link', { name: 'Record a concern' }).click();
  await expect(form).toBeVisible();
  await expect(form.getByRole('combobox', { name: /^Child/ })).toHaveValue(millie);
  await expect(form.getByLabel('What you saw or heard')).toHaveValue(typed);

  // The DSL or a manager puts the entry on Millie's safeguarding chronology, saying why it matters.
  await openMillieWeek(page);
  await page.locator('[data-entry-id]', { hasText: 'fell off the sofa' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Add to the safeguarding chronology' }).click();
  await dialog.getByLabel('Why it matters (optional)').fill('Second explanation of a mark this month.');
  await dialog.getByRole('button', { name: 'Add it' }).click();
  await expect(dialog.getByRole('status')).toContainText('Added to the safeguarding chronology');
  const { events } = await preview.core.invoke('concerns.chronology', { childId: millie });
  expect(events.map((e) => [e.kind, e.detail])).toEqual([['diary', `${said} (Why it matters: Second explanation of a mark this month.)`]]);
});
