import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/index';
import { pdfWithText, pngWithText } from '../fixtures/files';
import { addStaff, ADMIN, expect, expectPrintRequested, logIn, SETTING_NAME, test } from './fixtures';
import { pdfFlowText } from './pdf';
import { startPreview } from '../preview/server';

// Issue 18 through the real renderer and core: a document kept with a child's file is viewed inside
// TwoWay (pdf.js draws the page) and printed; a concern naming another child shows in both children's
// chronologies, and the printed chronology calls a child of another family "another child".

const PASSWORD = 'a settled password 7';

async function seed(core: Core) {
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await addStaff(core, { username: 'dina', fullName: 'Dina Lead', roles: ['dsl', 'office'] }, PASSWORD);
  const millie = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2022-03-14', room: 'Rainbow' })).id;
  const ben = (await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2022-01-02', room: 'Rainbow' })).id;
  await core.invoke('auth.lock');
  return { millie, ben };
}

/** How much of the shown page image is ink (not white): a drawn page of text has some, a blank one none. */
const inkOf = (page: Page) =>
  page.getByTestId('document-pages').locator('img').first().evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128) dark++;
    return { dark, width: canvas.width };
  });

test('a PDF kept with a child’s file is drawn inside TwoWay, flagged as third-party, and printed', async ({ page, preview }) => {
  const { millie } = await seed(preview.core);
  const out = test.info().outputPath('shots');
  mkdirSync(out, { recursive: true });
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('Dina Lead');
  await page.goto(`${preview.url}#/children/${millie}?tab=documents`);
  await page.getByRole('button', { name: 'Add a document' }).click();
  const dialog = page.getByRole('dialog');
  // Refused without a file: focus goes to the first error.
  await dialog.getByRole('button', { name: 'Keep the document' }).click();
  await expect(dialog.getByText('Choose a file.')).toBeVisible();
  await dialog.getByTestId('document-file').setInputFiles({ name: 'hv-letter.pdf', mimeType: 'application/pdf', buffer: pdfWithText('Health visitor letter: Millie is thriving') });
  await dialog.getByRole('textbox', { name: /^Title/ }).fill('Letter from the health visitor');
  await dialog.getByRole('combobox', { name: /Where it came from/ }).selectOption({ label: 'Another agency (third-party information)' });
  await dialog.getByRole('textbox', { name: /Which agency/ }).fill('Health visiting team');
  await dialog.getByRole('button', { name: 'Keep the document' }).click();
  await expect(dialog).toBeHidden();

  const item = page.getByTestId('document-item').filter({ hasText: 'Letter from the health visitor' });
  await expect(item.getByText('Third-party: Health visiting team')).toBeVisible();
  await item.getByRole('button', { name: 'View Letter from the health visitor' }).click();
  const viewer = page.getByRole('dialog', { name: 'Letter from the health visitor' });
  await expect(viewer.getByRole('img', { name: 'Letter from the health visitor' })).toBeVisible({ timeout: 20_000 });
  await expect(viewer.getByText(/third-party information/)).toBeVisible();
  const ink = await inkOf(page);
  expect(ink.width).toBeGreaterThan(800); // an A4 page at 1.5 times
  expect(ink.dark).toBeGreaterThan(500); // the line of text was drawn
  await viewer.screenshot({ path: `${out}/document-viewer.png` });

  await viewer.getByRole('button', { name: 'Print' }).click();
  await expectPrintRequested(page);
  await page.emulateMedia({ media: 'print' });
  const printed = pdfFlowText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  expect(printed).toContain('CONFIDENTIAL');
  expect(printed).toContain('From Health visiting team: third-party information');

  // Both the view and the print are in the audit trail, against the child.
  await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { entries } = await preview.core.invoke('audit.list', { childId: millie });
  expect(entries.map((e) => e.channel)).toEqual(expect.arrayContaining(['documents.open', 'print.record', 'documents.add']));
});

test('a photo dropped on the window is kept; a large one is scaled down on import', async ({ page, preview }) => {
  const { millie } = await seed(preview.core);
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('Dina Lead');
  await page.goto(`${preview.url}#/children/${millie}?tab=documents`);
  await expect(page.getByRole('button', { name: 'Add a document' })).toBeVisible();
  // A 3000 x 2000 photo, dropped anywhere on the window.
  const png = pngWithText('photo', 3000, 2000).toString('base64');
  const transfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const t = new DataTransfer();
    t.items.add(new File([bytes], 'signed-form.png', { type: 'image/png' }));
    return t;
  }, png);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: 'Add a document' });
  await expect(dialog.getByText('signed-form.png')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep the document' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('document-item').filter({ hasText: 'signed-form' })).toContainText('Scaled down on import');
  await preview.core.invoke('auth.login', { username: 'dina', password: PASSWORD });
  const [doc] = (await preview.core.invoke('documents.list', { ownerType: 'child', ownerId: millie })).documents;
  expect(doc).toMatchObject({ mime: 'image/png', scaled: true, hasOriginal: false });
});

test('a concern naming another child is in both chronologies; printed, the other family’s child is “another child”', async ({ page, preview }) => {
  const { millie, ben } = await seed(preview.core);
  await preview.core.invoke('auth.login', { username: 'dina', password: PASSWORD });
  const { reference } = await preview.core.invoke('concerns.record', {
    childId: millie,
    observedAt: new Date(Date.now() - 3_600_000).toISOString(),
    category: 'child-on-child',
    description: 'Ben bit Millie on the forearm in the garden.',
  });
  await preview.core.invoke('auth.lock');

  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('Dina Lead');
  await page.goto(`${preview.url}#/concerns`);
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: 'Name another child' }).click();
  const dialog = page.getByRole('dialog', { name: 'Name another child involved' });
  await dialog.getByRole('combobox', { name: /^Child/ }).selectOption({ label: 'Ben Ahmed (Rainbow)' });
  await dialog.getByRole('button', { name: 'Name the child' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Other children involved' })).toContainText('Ben Ahmed');

  // Ben's chronology shows the concern, naming Millie on screen for the DSL.
  await page.goto(`${preview.url}#/concerns/chronology/${ben}`);
  const events = page.getByRole('list', { name: 'Chronology' });
  await expect(events).toContainText(reference);
  await expect(events).toContainText('Also involved: Millie (Amelia Jones)');
  await page.getByRole('button', { name: 'Print the chronology' }).click();
  await expectPrintRequested(page);
  await page.emulateMedia({ media: 'print' });
  const bens = pdfFlowText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  expect(bens).toContain(reference);
  expect(bens).toContain('another child');
  expect(bens).not.toMatch(/Millie|Amelia|forearm/);

  // Millie's chronology names Ben on screen; printed, he is "another child".
  await page.goto(`${preview.url}#/concerns/chronology/${millie}`);
  await expect(page.getByRole('list', { name: 'Chronology' })).toContainText('Other children involved: Ben Ahmed');
  await page.getByRole('button', { name: 'Print the chronology' }).click();
  await expectPrintRequested(page, 2);
  await page.emulateMedia({ media: 'print' });
  const millies = pdfFlowText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(millies).toContain('Other children involved: another child.');
  expect(millies).not.toContain('Ben Ahmed');
  // Not even in what was written about the concern.
  expect(millies).toContain('another child bit Millie on the forearm');
  expect(millies).not.toMatch(/\bBen\b/);
});

test('step-up: after 15 minutes the concerns ask for the password again, then open', async ({ page }) => {
  // A preview of our own, with a clock the test moves on.
  let now = Date.now();
  const preview = await startPreview({ now: () => new Date(now) });
  try {
    const { millie } = await seed(preview.core);
    await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    // The laptop's own idle lock is set longer, so only the step-up is tested.
    await preview.core.invoke('settings.update', { idleLockMinutes: 60 });
    await preview.core.invoke('auth.login', { username: 'dina', password: PASSWORD });
    await preview.core.invoke('concerns.record', { childId: millie, observedAt: new Date(now - 60_000).toISOString(), category: 'neglect', description: 'Came in hungry again.' });
    await preview.core.invoke('auth.lock');

    await page.goto(preview.url);
    await logIn(page, 'dina', PASSWORD);
    await expect(page.getByTestId('current-user')).toContainText('Dina Lead');
    await page.goto(`${preview.url}#/concerns`);
    await expect(page.getByRole('table', { name: 'Safeguarding concerns' })).toContainText('Millie');
    await page.goto(`${preview.url}#/home`);

    now += 16 * 60_000;
    // A screen not already on hand: its read goes to the core, which asks for the password first.
    await page.goto(`${preview.url}#/concerns/chronology/${millie}`);
    const prompt = page.getByRole('dialog', { name: 'Type your password again' });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('textbox', { name: /Password/ }).fill('not my password');
    await prompt.getByRole('button', { name: 'Open' }).click();
    await expect(prompt.getByText('This is not Dina Lead’s password.')).toBeVisible();
    await expect(prompt.getByRole('textbox', { name: /Password/ })).toBeFocused();
    await prompt.getByRole('textbox', { name: /Password/ }).fill(PASSWORD);
    await prompt.getByRole('button', { name: 'Open' }).click();
    await expect(prompt).toBeHidden();
    await expect(page.getByRole('list', { name: 'Chronology' })).toContainText('Came in hungry again.');
  } finally {
    await preview.close();
  }
});
