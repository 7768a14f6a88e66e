import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/index';
import { today } from '../../shared/domain/weeks';
import { addStaff, ADMIN, expect, expectPrintRequested, logIn, SETTING_NAME, test } from './fixtures';
import { pdfFlowText, pdfInfo, pdfToPngs } from './pdf';

// Termly joint meetings through the real renderer and core (issue 14): the office books a video
// meeting for a child in shared care, the key person records it with next steps and an action,
// the office makes its pack and a batch of three with the progress bar, and the PDFs say what they should.

const PASSWORD = 'a settled password 7';

async function seed(core: Core) {
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  const kate = await addStaff(core, { username: 'kate', fullName: 'Kate Keyperson', roles: ['practitioner'] }, PASSWORD);
  await addStaff(core, { username: 'olly', fullName: 'Olly Office', roles: ['office'] }, PASSWORD);
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const sunshine = (await core.invoke('partners.create', { name: 'Sunshine Childminding', kind: 'childminder' })).id;
  const ids: string[] = [];
  for (const [legalName, preferredName, diaryConsent] of [
    ['Amelia Jones', 'Millie', true],
    ['Ben Ahmed', null, false],
    ['Cara Lewis', null, true],
  ] as const) {
    const { id } = await core.invoke('children.create', { legalName, preferredName: preferredName ?? undefined, dateOfBirth: '2022-03-14', room: 'Rainbow', keyPersonUserId: kate });
    const { id: mum } = await core.invoke('carers.create', { childId: id, fullName: `${legalName.split(' ')[0]}’s Mum`, relationship: 'Mother', parentalResponsibility: true });
    await core.invoke('children.addSharedCare', { childId: id, partnerId: sunshine, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Jo Smith' });
    await core.invoke('children.addContact', { childId: id, name: 'Grandad Joe', relationship: 'Grandfather', phone: '07700 900123', lastVerifiedOn: today() });
    await core.invoke('diary.add', { childId: id, day: today(), category: 'wellbeing', from: { kind: 'staff' }, to: { kind: 'staff' }, text: `Slept after lunch (${legalName}).` });
    if (diaryConsent) {
      await core.invoke('consent.record', { childId: id, scope: 'diary', recipients: [sunshine], givenByCarerId: mum, givenOn: today(), method: 'written' });
      await core.invoke('consent.record', { childId: id, scope: 'observations', recipients: [sunshine], givenByCarerId: mum, givenOn: today(), method: 'written' });
      await core.invoke('observations.add', { childId: id, observedOn: today(), areas: ['mathematics'], text: `Counted the steps to the garden (${legalName}).`, nextStep: { text: 'Count to twenty', where: 'home' } });
    }
    await core.invoke('concerns.record', { childId: id, observedAt: new Date(Date.now() - 3_600_000).toISOString(), category: 'neglect', description: `SAFEGUARDING-CANARY came in hungry (${legalName}).` });
    ids.push(id);
  }
  await core.invoke('auth.lock');
  return ids;
}

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('the office books a video meeting, the key person records it, and the office makes its pack and a batch of three with the progress bar', async ({ page, preview }) => {
  const [millie, ben, cara] = await seed(preview.core);
  const out = test.info().outputPath('shots');
  mkdirSync(out, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), 'twoway-e2e-packs-'));

  // The office books Millie's meeting from the planner.
  await page.goto(preview.url);
  await logIn(page, 'olly', PASSWORD);
  await main(page).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { name: 'Termly joint meetings' })).toBeVisible();
  const planner = page.getByRole('table', { name: /Joint meetings/ });
  await expect(planner.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('3 to book this term')).toBeVisible();
  // Booking from a later term's planner starts on a day in that term, and the date says which term.
  const terms = page.getByRole('combobox', { name: 'Term' });
  const thisTerm = await terms.inputValue();
  const nextTerm = await terms.locator('option').evaluateAll((options, current) => {
    const values = options.map((o) => (o as HTMLOptionElement).value);
    return values[values.indexOf(current as string) + 1] ?? null;
  }, thisTerm);
  expect(nextTerm).toBeTruthy();
  {
    await terms.selectOption(nextTerm!);
    const later = page.getByRole('table', { name: /Joint meetings/ });
    await later.getByRole('row', { name: /Millie/ }).getByRole('button', { name: 'Book a meeting' }).click();
    const next = page.getByRole('dialog', { name: /Book a joint meeting for Millie/ });
    const hint = await next.getByText(/^\w+ term \d{4}: /).innerText();
    const startsOn = await next.getByRole('textbox', { name: /^Date/ }).inputValue();
    expect(startsOn > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(hint).toContain(new Date(`${startsOn}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }));
    await next.getByRole('button', { name: 'Cancel' }).click();
    await terms.selectOption(thisTerm);
  }
  await planner.getByRole('row', { name: /Millie/ }).getByRole('button', { name: 'Book a meeting' }).click();
  const dialog = page.getByRole('dialog', { name: /Book a joint meeting for Millie/ });
  await expect(dialog.getByRole('textbox', { name: /^Date/ })).toHaveValue(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }));
  await dialog.getByRole('textbox', { name: /^Time/ }).fill('16:00');
  await dialog.getByRole('combobox', { name: /How the meeting is held/ }).selectOption({ label: 'Video call' });
  // Refused without the link: the message is on the field, and focus goes to it.
  await dialog.getByRole('button', { name: 'Book the meeting' }).click();
  const link = dialog.getByRole('textbox', { name: /Link to join the video call/ });
  await expect(dialog.getByText('Give the link for the video call, starting https://.')).toBeVisible();
  await expect(link).toBeFocused();
  await link.fill('https://meet.example.org/millie-autumn');
  await expect(dialog.getByRole('checkbox', { name: 'Amelia’s Mum (Mother)' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Kate Keyperson (key person)' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Jo Smith at Sunshine Childminding' })).toBeChecked();
  await page.screenshot({ path: join(out, 'book.png') });
  await dialog.getByRole('button', { name: 'Book the meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Joint meeting: Millie (Amelia Jones)' })).toBeVisible();
  await expect(page.getByText('https://meet.example.org/millie-autumn')).toBeVisible();

  // The key person records it: who came, a next step and an action.
  await page.getByRole('button', { name: 'Lock' }).click();
  await logIn(page, 'kate', PASSWORD);
  await main(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: /16:00 \(video call\)/ }).click();
  await page.getByRole('button', { name: 'Record the meeting' }).click();
  const record = page.getByRole('dialog', { name: /Record the meeting for Millie/ });
  await record.getByRole('checkbox', { name: /Counted the steps to the garden/ }).check();
  await record.getByRole('button', { name: 'Add a next step' }).click();
  await record.getByRole('textbox', { name: 'Next step' }).fill('Practise putting on her coat');
  await record.getByRole('combobox', { name: 'Where' }).selectOption({ label: 'At home' });
  await record.getByRole('button', { name: 'Add an action' }).click();
  await record.getByRole('textbox', { name: 'Action' }).fill('Send the toilet-training chart to Sunshine');
  await record.getByRole('textbox', { name: 'Who will do it' }).fill('Kate Keyperson');
  await record.getByRole('textbox', { name: 'Notes' }).fill('Millie is settling well on Wednesdays.');
  await record.getByRole('button', { name: 'Save the record' }).click();
  await expect(page.getByLabel('What happened at the meeting')).toContainText('At home: Practise putting on her coat');
  await expect(page.getByLabel('What happened at the meeting')).toContainText('Counted the steps to the garden (Amelia Jones).');
  await expect(page.getByRole('table', { name: 'Actions agreed at this meeting' })).toContainText('Send the toilet-training chart to Sunshine');
  await page.screenshot({ path: join(out, 'meeting.png'), fullPage: true });

  // The office books the other two for today, then makes their packs in one go.
  await page.getByRole('button', { name: 'Lock' }).click();
  // The window has told the core to lock before anyone logs in behind it.
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  await preview.core.invoke('auth.login', { username: 'olly', password: PASSWORD });
  const invitable = async (childId: string) => {
    const who = await preview.core.invoke('meetings.invitable', { childId });
    return { carerIds: who.carers.map((c) => c.id), sharedCareIds: who.partners.map((p) => p.sharedCareId) };
  };
  await preview.core.invoke('meetings.book', { childId: ben, on: today(), at: '17:00', format: 'phone', phoneNumber: '0113 496 0000 PIN 4471', ...(await invitable(ben)) });
  await preview.core.invoke('meetings.book', { childId: cara, on: today(), at: '17:30', format: 'in-person', ...(await invitable(cara)) });
  // Millie's next meeting: its pack carries what was agreed this afternoon.
  await preview.core.invoke('meetings.book', { childId: millie, on: today(), at: '18:00', format: 'video', videoLink: 'https://meet.example.org/millie-next', ...(await invitable(millie)) });
  await preview.core.invoke('auth.lock');
  await page.reload();
  await logIn(page, 'olly', PASSWORD);
  await main(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Meeting packs' }).click();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill(today());
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(today());
  await expect(page.getByRole('table', { name: 'Meetings in these dates' }).getByRole('row')).toHaveCount(4);
  // Millie's first meeting was held this afternoon: only meetings still to come are in the batch.
  await page.getByRole('button', { name: /Save 3 packs as PDFs/ }).click();
  await expect(page.getByText('Choose the folder to save the packs in.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Folder to save them in/ })).toBeFocused();
  // A folder that is not there (a USB stick not plugged in) is said so beside the box, which gets the focus back.
  await page.getByRole('textbox', { name: /Folder to save them in/ }).fill(join(folder, 'not-plugged-in'));
  await page.getByRole('button', { name: /Save 3 packs as PDFs/ }).click();
  await expect(page.getByText('That folder cannot be found. If it is on a USB stick, plug it in, or choose another folder.')).toBeVisible();
  await expect(page.getByText('Stopped after 0 of 3.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Folder to save them in/ })).toBeFocused();
  await page.getByRole('textbox', { name: /Folder to save them in/ }).fill(folder);
  await page.getByRole('button', { name: /Save 3 packs as PDFs/ }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Done: 3 of 3 saved.')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: join(out, 'batch.png'), fullPage: true });
  const files = readdirSync(folder).sort();
  expect(files).toEqual(expect.arrayContaining([`Ben Ahmed - meeting pack - ${today()} 17.00.pdf`, `Cara Lewis - meeting pack - ${today()} 17.30.pdf`, `Millie (Amelia Jones) - meeting pack - ${today()} 18.00.pdf`]));
  expect(files.some((f) => f.startsWith('Office sheet'))).toBe(true);
  expect(files.some((f) => f.startsWith('Meeting packs - all 3'))).toBe(true);

  // Millie's own pack from her meeting's page (held: the record's next steps are in the next pack, not this one).
  await main(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: /16:00 \(video call\)/ }).click();
  await page.getByRole('button', { name: 'Prepare the pack' }).click();
  await page.getByRole('button', { name: 'Print the pack' }).click();
  await expectPrintRequested(page);
  expect(pdfFlowText(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toContain('Joint meeting: Millie (Amelia Jones)');
  await page.getByRole('textbox', { name: /Folder to save them in/ }).fill(folder);
  await page.getByRole('button', { name: 'Save the pack as a PDF' }).click();
  await expect(page.getByText('Done: 1 of 1 saved.')).toBeVisible({ timeout: 60_000 });

  // The PDFs: sections, consent filtering, no safeguarding text, page numbers per pack.
  const millieFile = `Millie (Amelia Jones) - meeting pack - ${today()} 16.00.pdf`;
  const milliePdf = readFileSync(join(folder, millieFile));
  const text = pdfFlowText(milliePdf);
  for (const phrase of ['Joint meeting: Millie (Amelia Jones)', 'Video call https://meet.example.org/millie-autumn', 'Agenda', 'Consents in force', 'Emergency contacts', 'Please check these and tell us of any change.', 'The diary this term', 'Wellbeing and mood: 1', 'Observations by area of learning', 'Mathematics', 'Counted the steps to the garden (Amelia Jones). Next step: Count to twenty', 'Signatures']) {
    expect(text).toContain(phrase);
  }
  // The next meeting's pack: last time's next steps and the action still to do.
  const next = pdfFlowText(readFileSync(join(folder, `Millie (Amelia Jones) - meeting pack - ${today()} 18.00.pdf`)));
  expect(next).toContain('Next steps agreed At home: Practise putting on her coat');
  expect(next).toContain('Send the toilet-training chart to Sunshine, Kate Keyperson: Not done yet');
  const benPdf = readFileSync(join(folder, `Ben Ahmed - meeting pack - ${today()} 17.00.pdf`));
  expect(pdfFlowText(benPdf)).toContain('Phone conference Dial 0113 496 0000 PIN 4471');
  expect(pdfFlowText(benPdf)).not.toContain('The diary this term');
  const sheet = pdfFlowText(readFileSync(join(folder, files.find((f) => f.startsWith('Office sheet'))!)));
  expect(sheet).toContain('Ben Ahmed');
  expect(sheet).toContain('No consent for the diary to go to every setting invited.');
  for (const f of readdirSync(folder)) expect(pdfFlowText(readFileSync(join(folder, f)))).not.toContain('SAFEGUARDING-CANARY');
  const pages = pdfInfo(milliePdf).pages;
  expect(pdfFlowText(milliePdf, pages)).toContain(`Page ${pages} of ${pages}`);
  expect(pdfFlowText(milliePdf, 1)).toContain('Printed by Olly Office on');
  const pngDir = test.info().outputPath('pack-pages');
  mkdirSync(pngDir, { recursive: true });
  expect(pdfToPngs(milliePdf, pngDir).length).toBe(pages);
});
