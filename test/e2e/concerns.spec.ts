import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/index';
import { addStaff, ADMIN, expect, expectPrintRequested, logIn, SETTING_NAME, test } from './fixtures';
import { pdfFlowText, pdfInfo, pdfToPngs } from './pdf';

// The safeguarding concern recorder through the real renderer and core (issue 12): a key person
// records a concern with two marks on the body map and sees only a receipt; the DSL is alerted,
// records a decision with an action, a referral, starts a sharing decision from the concern and
// prints the chronology, in full and in the version for another setting.

const PASSWORD = 'a settled password 7';
const WORDS = 'Daddy squeezed my arm';

async function seed(core: Core) {
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await addStaff(core, { username: 'pat', fullName: 'Pat Keyworker', roles: ['practitioner'] }, PASSWORD);
  await addStaff(core, { username: 'dina', fullName: 'Dina Lead', roles: ['dsl'] }, PASSWORD);
  const millie = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2022-03-14', room: 'Rainbow' })).id;
  const rainbow = (await core.invoke('partners.create', { name: 'Rainbow Day Nursery', kind: 'setting' })).id;
  await core.invoke('children.addSharedCare', { childId: millie, partnerId: rainbow, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Hannah Wood' });
  await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2022-01-02', room: 'Rainbow' });
  await core.invoke('partners.create', { name: 'Children’s Social Care (MASH)', kind: 'social-care' });
  await core.invoke('auth.lock');
  return { millie };
}

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('a key person records a concern with two body-map marks and sees only a receipt; the DSL triages it, refers, starts a sharing decision and prints the chronology', async ({ page, preview }) => {
  const { millie } = await seed(preview.core);
  const out = test.info().outputPath('shots');
  mkdirSync(out, { recursive: true });

  // The key person records it.
  await page.goto(preview.url);
  await logIn(page, 'pat', PASSWORD);
  await main(page).getByRole('link', { name: 'Concerns' }).click();
  await page.getByRole('button', { name: 'Record a concern' }).click();
  await page.getByRole('combobox', { name: /^Child/ }).selectOption({ label: 'Millie (Amelia Jones)' });
  await page.getByRole('combobox', { name: /What kind of concern/ }).selectOption({ label: 'Physical abuse' });
  await page.getByRole('textbox', { name: /What you saw or heard/ }).fill('A round bruise on the upper left arm, noticed at nappy change.');
  await page.getByRole('textbox', { name: 'The child’s own words' }).fill(WORDS);
  // First mark: a click on the front outline; second: chosen by part of the body, on the back.
  const front = page.locator('svg[data-side="front"]');
  await front.scrollIntoViewIfNeeded();
  await front.click({ position: { x: 118, y: 120 } });
  await page.getByLabel('Part of the body').selectOption({ label: 'Left leg' });
  await page.getByLabel('Front or back').selectOption({ label: 'Back' });
  await page.getByRole('button', { name: 'Add a mark there' }).click();
  await expect(page.getByRole('group', { name: /^Mark \d$/ })).toHaveCount(2);
  await page.getByLabel('Mark 1: kind').selectOption({ label: 'Bruise' });
  await page.getByRole('textbox', { name: 'Size' }).first().fill('2 cm');
  await page.getByLabel('Mark 2: kind').selectOption({ label: 'Cut or scratch' });
  await page.getByRole('button', { name: 'Record the concern' }).click();
  const receipt = page.getByRole('status');
  await expect(receipt).toContainText('Your concern is recorded as SC-');
  await expect(receipt).toContainText('The designated safeguarding lead has been alerted');
  await expect(page.getByText(/You will not see the concern again, but you can add to it/)).toBeVisible();
  const reference = /SC-\d{4}-\d{4}/.exec(await receipt.innerText())![0];
  await page.screenshot({ path: join(out, 'receipt.png') });

  // Only the receipt: the list shows the reference, and the concern itself cannot be opened.
  await page.getByRole('button', { name: 'Concerns you recorded' }).click();
  await expect(page.getByRole('table', { name: 'Concerns you recorded' })).toContainText(reference);
  await expect(page.getByText(WORDS)).toHaveCount(0);
  const { session } = await preview.core.invoke('auth.session');
  expect(session?.username).toBe('pat');
  await expect(preview.core.invoke('concerns.list', {})).rejects.toMatchObject({ code: 'forbidden' });
  await page.getByRole('button', { name: 'Lock' }).click();

  // The DSL is alerted on Home and opens it.
  await logIn(page, 'dina', PASSWORD);
  const alert = page.locator('[aria-label="Safeguarding concerns waiting"]');
  await expect(alert).toContainText(reference);
  await expect(main(page).getByLabel('1 not opened yet')).toBeVisible();

  // What was agreed with the other setting Millie attends about telling each other (on the partner).
  await main(page).getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('button', { name: 'How we tell Rainbow Day Nursery of concerns' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Whom to tell/ }).fill('Their DSL, Priya Shah');
  await dialog.getByRole('textbox', { name: 'How', exact: true }).fill('by phone, then secure email');
  await dialog.getByRole('textbox', { name: /How fast/ }).fill('The same day');
  await dialog.getByRole('button', { name: 'Save what was agreed' }).click();
  await expect(page.getByText('Concerns: tell Their DSL, Priya Shah, by phone, then secure email, the same day.')).toBeVisible();

  await main(page).getByRole('link', { name: 'Home' }).click();
  await alert.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: `Concern ${reference}: Millie (Amelia Jones)` })).toBeVisible();
  await expect(page.getByText(`“${WORDS}”`)).toBeVisible();
  await expect(page.locator('.body-map-legend').first()).toContainText('Bruise (front): 2 cm');
  await expect(page.locator('.body-map-legend').first()).toContainText('Cut or scratch (back)');
  await expect(page.getByRole('region', { name: 'Telling the other settings' })).toContainText('Rainbow Day Nursery: tell Their DSL, Priya Shah, by phone, then secure email, the same day.');
  await page.screenshot({ path: join(out, 'concern.png') });

  // A decision with an action, then a referral.
  await page.getByRole('button', { name: 'Record a decision' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /^Decision/ }).selectOption({ label: 'Refer to children’s social care' });
  await dialog.getByRole('textbox', { name: /Your reasons/ }).fill('Mark with a disclosure naming Dad; threshold for referral met.');
  await dialog.getByRole('textbox', { name: 'What is to be done' }).fill('Phone MASH and follow up in writing');
  await dialog.getByRole('combobox', { name: 'Who will do it' }).selectOption({ label: 'Dina Lead' });
  await dialog.getByLabel('By when').fill(new Date().toISOString().slice(0, 10));
  await dialog.getByRole('button', { name: 'Record the decision' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Decisions' })).toContainText('Refer to children’s social care');
  await expect(page.getByRole('region', { name: 'Actions' })).toContainText('Phone MASH and follow up in writing: Dina Lead');

  await page.getByRole('button', { name: 'Record a referral' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Agency/ }).fill('Children’s social care (MASH)');
  await dialog.getByRole('textbox', { name: 'Their reference' }).fill('MASH-4471');
  await dialog.getByRole('button', { name: 'Record the referral' }).click();
  await expect(page.getByRole('region', { name: 'Referrals' })).toContainText('Their reference: MASH-4471');

  // The alert is gone once opened.
  await main(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: /Hello, Dina/ })).toBeVisible();
  await expect(page.getByText(reference)).toHaveCount(0);

  // Share information from the concern: the sharing questions open for the same child.
  await page.goto(`${preview.url}#/concerns`);
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: 'Share information' }).click();
  await expect(page).toHaveURL(new RegExp(`#/sharing/new\\?child=${millie}`));
  await expect(page.getByText('Millie (Amelia Jones)').first()).toBeVisible();
  // Pre-filled (issue 12): the concern is chosen as an item, and the harm question answered for it.
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${reference}: Physical abuse`) })).toBeChecked();
  await expect(
    page.getByRole('radiogroup', { name: 'Is a child at risk of significant harm?' }).getByRole('radio', { name: /^Reasonable cause to believe the child may be suffering/ }),
  ).toBeChecked();
  // Recorded (here, a decision not to share yet), the decision and the concern link to each other.
  const answer = (question: string, choice: string | RegExp) =>
    page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice, exact: typeof choice === 'string' }).check();
  await page.getByLabel(/Why do you want to share this information/).fill('Whether to refer the bruising to the front door today.');
  await answer('Is there a clear and legitimate reason to share it?', 'Yes');
  await page.getByLabel(/Who is it for/).selectOption({ label: 'Children’s Social Care (MASH)' });
  await answer('Do they need this information for their role?', /safeguarding/);
  await answer('Does it identify the child or family?', 'Yes');
  await answer('Is it confidential?', 'Yes');
  await answer('Does the law require you to share it (a statutory duty)?', 'No');
  await answer('Does a court order require you to share it?', 'No');
  await answer('Have the parents agreed?', 'Refused');
  await answer('Did you seek advice?', 'No');
  await answer('Have the parents been told what will be shared, why and with whom?', 'Yes');
  await answer('What have you decided?', 'Do not share it');
  await page.getByLabel(/Your reasons, in your own words/).fill('Mum explained the bruise at collection; we will watch and talk again on Friday.');
  await page.getByRole('button', { name: 'Record the decision not to share' }).click();
  await expect(page.getByRole('heading', { name: 'Not sharing: Millie (Amelia Jones) → Children’s Social Care (MASH)' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the concern' }).click();
  await expect(page.getByRole('region', { name: 'Information sharing' })).toContainText('Not to share with Children’s Social Care (MASH)');
  await page.getByRole('region', { name: 'Information sharing' }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Not sharing: Millie (Amelia Jones) → Children’s Social Care (MASH)' })).toBeVisible();

  // The chronology, printed in full and for another setting.
  await page.goto(`${preview.url}#/concerns/chronology/${millie}`);
  await expect(page.getByRole('heading', { name: 'Safeguarding chronology: Millie (Amelia Jones)' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Chronology' })).toContainText(`Concern ${reference}: Physical abuse`);
  await page.getByRole('button', { name: 'Print the chronology' }).click();
  await expectPrintRequested(page);
  await page.emulateMedia({ media: 'print' });
  const full = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const fullText = pdfFlowText(full);
  for (const expected of [
    'CONFIDENTIAL',
    'Safeguarding chronology: Millie (Amelia Jones)',
    'Full record (evidential)',
    `Concern ${reference}: Physical abuse`,
    `The child said: “${WORDS}”`,
    'Refer to children’s social care',
    'Referral to Children’s social care (MASH)',
    'Their reference: MASH-4471',
    'Pat Keyworker',
    'Printed by Dina Lead',
    'Cut or scratch (back)',
  ]) {
    expect(fullText, expected).toContain(expected);
  }
  const info = pdfInfo(full);
  expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
  const pngs = pdfToPngs(full, out, 60);
  expect(pngs.length).toBe(info.pages);

  await page.getByRole('checkbox', { name: /Version for another setting/ }).check();
  await page.getByRole('button', { name: 'Print for another setting' }).click();
  await page.emulateMedia({ media: 'print' });
  const external = pdfFlowText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  expect(external).toContain('Version for another setting or agency');
  expect(external).toContain(`The child said: “${WORDS}”`);
  expect(external).not.toContain('Pat Keyworker');
  expect(external).not.toContain('Recorded by');
  expect(external).toContain('a member of staff');

  // When Millie leaves: the file is sent on, and its receipt recorded; both are in the chronology.
  await page.getByRole('button', { name: 'Transfer the safeguarding file' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Sent to/ }).fill('Oak Primary School, Mrs Oak (DSL)');
  await dialog.getByRole('textbox', { name: /How it was sent/ }).fill('handed to their DSL in a sealed envelope');
  await dialog.getByRole('button', { name: 'Record the transfer' }).click();
  const sent = page.getByRole('region', { name: 'Safeguarding file sent on' });
  await sent.getByRole('button', { name: 'Record receipt' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Who confirmed receipt/ }).fill('Mrs Oak');
  await dialog.getByRole('button', { name: 'Record the receipt' }).click();
  await expect(sent).toContainText('Receipt confirmed by Mrs Oak');
  await page.getByRole('checkbox', { name: /Version for another setting/ }).uncheck();
  await expect(page.getByRole('list', { name: 'Chronology' })).toContainText('Safeguarding file sent to Oak Primary School, Mrs Oak (DSL)');

  // Each view by the DSL is in the audit trail against the child.
  await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { entries } = await preview.core.invoke('audit.list', { recordId: `child:${millie}` });
  expect(entries.map((e) => e.channel)).toEqual(expect.arrayContaining(['concerns.record', 'concerns.get', 'concerns.chronology']));
});

test('the concern forms say what is wrong beside the field and move to it: a time in the future, an action nobody is to do', async ({ page, preview }) => {
  await seed(preview.core);
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await main(page).getByRole('link', { name: 'Concerns' }).click();
  await page.getByRole('button', { name: 'Record a concern' }).click();
  await page.getByRole('combobox', { name: /^Child/ }).selectOption({ label: 'Millie (Amelia Jones)' });
  await page.getByRole('combobox', { name: /What kind of concern/ }).selectOption({ label: 'Physical abuse' });
  await page.getByRole('textbox', { name: /What you saw or heard/ }).fill('A bruise on the arm.');
  // The core checks the moment (its own clock); the form asks for a day and a time.
  const date = page.getByLabel(/Date it was seen or heard/);
  await date.fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Record the concern' }).click();
  await expect(page.getByText('That time is in the future. Give the time it was seen or heard.')).toBeVisible();
  await expect(date).toBeFocused();
  await date.fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel(/^Time/).fill('00:01');
  await page.getByRole('button', { name: 'Record the concern' }).click();
  const reference = /SC-\d{4}-\d{4}/.exec(await page.getByRole('status').innerText())![0];
  // The DSL will see it again: the receipt does not say otherwise.
  await expect(page.getByText('Keep the reference. The concern is in the safeguarding list under Concerns, where you can triage it.')).toBeVisible();

  await main(page).getByRole('link', { name: 'Home' }).click();
  await page.locator('[aria-label="Safeguarding concerns waiting"]').getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: 'Record a decision' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /^Decision/ }).selectOption({ label: 'Refer to children’s social care' });
  await dialog.getByRole('textbox', { name: /Your reasons/ }).fill('Threshold met.');
  await dialog.getByRole('textbox', { name: 'What is to be done' }).fill('Phone MASH');
  await dialog.getByLabel('By when').fill(new Date().toISOString().slice(0, 10));
  await dialog.getByRole('button', { name: 'Record the decision' }).click();
  const who = dialog.getByRole('combobox', { name: 'Who will do it' });
  await expect(dialog.getByText('Say who will do it.')).toBeVisible();
  await expect(who).toBeFocused();
  await who.selectOption({ label: 'Dina Lead' });
  await dialog.getByRole('button', { name: 'Record the decision' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Actions' })).toContainText('Phone MASH: Dina Lead');
});
