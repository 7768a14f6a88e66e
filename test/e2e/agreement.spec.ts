import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectPrintRequested, setUpAndLogIn, test } from './fixtures';
import { pdfFlowText, pdfToPngs } from './pdf';

// Issue 13: the information sharing agreement for a child in shared care, completed and signed on
// screen (two signatures drawn with the mouse, one on paper), printed, then changed into version 2;
// observations by area; home-visit notes refused to a partner without the parents' consent.

/** Draws a signature-like scribble across a canvas with the mouse. */
async function drawSignature(page: Page, canvas: Locator) {
  const box = (await canvas.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 30, y);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 30 + i * 12, y + Math.sin(i / 2) * 30, { steps: 2 });
  await page.mouse.up();
  await page.mouse.move(box.x + 60, y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 260, y - 35, { steps: 8 });
  await page.mouse.up();
}

async function seed(preview: { core: import('../../electron/core/index').Core }) {
  const core = preview.core;
  const me = (await core.invoke('auth.session')).session!.userId;
  await core.invoke('setting.update', { address: '1 Acorn Lane, Neston', openingHours: '8am to 6pm, Monday to Friday', phone: '0151 000 0000' });
  const rainbow = (await core.invoke('partners.create', { name: 'Rainbow Day Nursery', kind: 'setting', address: '2 Rainbow Road', phone: '0151 111 1111' })).id;
  const childId = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2023-03-14', keyPersonUserId: me, attendance: [{ day: 'mon', session: 'all-day' }] })).id;
  const mum = (await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true })).id;
  await core.invoke('children.addSharedCare', { childId, partnerId: rainbow, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Hannah Wood', transferWho: 'Mum drops off at Rainbow' });
  await core.invoke('children.addHealth', {
    childId,
    kind: 'medication',
    name: 'Salbutamol inhaler',
    dose: '2 puffs',
    timing: 'When wheezy',
    storedWhere: 'Office cupboard',
    arrangements: [{ partnerId: rainbow, who: 'Hannah Wood' }],
  });
  await core.invoke('consent.record', { childId, scope: 'diary', recipients: [rainbow], givenByCarerId: mum, givenOn: '2026-01-05', method: 'written' });
  return { childId, rainbow };
}

test('an agreement for a child in shared care: completed, signed (two drawn with the mouse, one on paper), printed, and a change makes version 2', async ({ page, preview }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 1000 });
  await setUpAndLogIn(page, preview);
  const { childId } = await seed(preview);

  // Home says the agreement is missing.
  await page.reload();
  const card = page.getByRole('group', { name: 'Information sharing agreements' }).or(page.locator('[aria-label="Information sharing agreements"]'));
  await expect(card.first()).toContainText('Millie (Amelia Jones): No agreement yet');
  await card.first().getByRole('link', { name: 'Millie (Amelia Jones)' }).click();
  await expect(page.getByRole('tab', { name: 'Sharing agreement' })).toHaveAttribute('aria-selected', 'true');

  // Filled in from the records: both settings, the health record with who manages it, the consents as they stand today.
  await expect(page.getByRole('heading', { name: '1. About each setting' })).toBeVisible();
  await expect(page.locator('[aria-label="About Rainbow Day Nursery"]')).toContainText('Hannah Wood');
  await expect(page.locator('[aria-label="About the child"]')).toContainText('Salbutamol inhaler');
  await expect(page.locator('[aria-label="About the child"]')).toContainText('Rainbow Day Nursery: Hannah Wood');
  await expect(page.locator('[aria-label="How we will share"]')).toContainText('Diary with Rainbow Day Nursery: in force');

  // About the child, with the parents.
  await page.getByRole('button', { name: 'Edit about the child' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Routines').fill('Nap after lunch, about an hour');
  await dialog.getByLabel('Comforters').fill('Blue rabbit');
  await dialog.getByLabel('The parents’ worries').fill('Settling on Wednesdays');
  await dialog.getByLabel('Completed by').fill('Sarah Jones (mum) with Alice');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[aria-label="About the child"]')).toContainText('Blue rabbit');

  // How we will share: a review date in the wrong format is refused beside the field, focus moves to it.
  await page.getByRole('button', { name: 'Edit how we will share' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: 'Communication book' }).check();
  await dialog.getByRole('checkbox', { name: 'Phone' }).check();
  await dialog.getByLabel('How often').fill('Each day she changes setting');
  await dialog.getByLabel('Review date').fill('2027-03-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[aria-label="How we will share"]')).toContainText('Communication book, Phone');
  await expect(page.locator('[aria-label="How we will share"]')).toContainText('Accidents, injuries and first aid (The key person): The same day');

  // Unsigned, it prints as a form to fill in by hand at the joint meeting.
  await page.getByRole('button', { name: 'Print to fill in by hand' }).click();
  await expectPrintRequested(page);
  const blank = pdfFlowText(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  for (const phrase of ['Information sharing agreement', 'Millie (Amelia Jones)', 'Draft: not yet signed by everyone', '1. About each setting', '2. About the child', '3. How we will share', 'Signatures']) {
    expect(blank).toContain(phrase);
  }

  // Two signatures drawn with the mouse, one signed on paper.
  await page.getByRole('button', { name: 'Sign as Sarah Jones' }).click();
  dialog = page.getByRole('dialog');
  // Saving an empty box is refused with plain words.
  await dialog.getByRole('button', { name: 'Save signature' }).click();
  await expect(dialog.getByText('Draw the signature in the box.')).toBeVisible();
  await drawSignature(page, dialog.getByLabel('Signature box for Sarah Jones'));
  await dialog.getByRole('button', { name: 'Save signature' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('img', { name: 'Signature of Sarah Jones' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign as Alice Adminson' }).click();
  dialog = page.getByRole('dialog');
  await drawSignature(page, dialog.getByLabel('Signature box for Alice Adminson'));
  await dialog.getByRole('button', { name: 'Save signature' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Sign as Hannah Wood' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Signed on paper' }).check();
  await dialog.getByRole('button', { name: 'Save signature' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Version 1: signed by everyone')).toBeVisible();

  // The signed copy for the parents: its sections, and the drawn signatures in it.
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintRequested(page, 2);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const text = pdfFlowText(pdf);
  for (const phrase of [
    'Version 1',
    'Signed by everyone',
    '1. About each setting',
    'Rainbow Day Nursery',
    '2. About the child (completed with the parents)',
    'Blue rabbit',
    'Health and who manages it',
    'Salbutamol inhaler',
    '3. How we will share',
    'Communication book, Phone',
    'Diary with Rainbow Day Nursery: consent in force',
    'Observations with Rainbow Day Nursery: no consent in force',
    'Signatures',
    'Signed on screen',
    'Signed on paper',
    'CONFIDENTIAL',
  ]) {
    expect(text).toContain(phrase);
  }
  const out = test.info().outputPath('agreement-pages');
  mkdirSync(out, { recursive: true });
  const pngs = pdfToPngs(pdf, out, 80);
  expect(pngs.length).toBeGreaterThanOrEqual(2);
  // The drawn signatures are images in the PDF: pdfimages would list them; here the PNG pages are kept for looking at.
  await page.screenshot({ path: test.info().outputPath('agreement-signed.png'), fullPage: true });

  // A change after signing makes version 2 as a draft; version 1 stays readable as it was signed.
  await page.getByRole('button', { name: 'Edit about the child' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Saving a change keeps it as it is and makes version 2')).toBeVisible();
  await dialog.getByLabel('Sleep').fill('Sleeps with a night light');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Version 2: draft, 0 of 3 signed')).toBeVisible();
  await page.getByLabel('Version').selectOption('1');
  await expect(page.getByText('Version 1: signed by everyone')).toBeVisible();
  await expect(page.getByText('This is an earlier version, kept as it was.')).toBeVisible();
  await expect(page.locator('[aria-label="About the child"]')).not.toContainText('night light');
  await expect(page.getByRole('img', { name: 'Signature of Sarah Jones' })).toBeVisible();
  // The signed version still prints as it was signed.
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintRequested(page, 3);
  const again = pdfFlowText(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  expect(again).toContain('Version 1');
  expect(again).toContain('Signed by everyone');
  expect(again).not.toContain('night light');
  // The audit trail names each print of the agreement.
  const audit = await preview.core.invoke('audit.list', { childId, limit: 200 });
  expect(audit.entries.filter((e) => e.channel === 'print.record').length).toBe(3);

  // The one-page summary printed from this tab is the summary alone, not the agreement with it.
  await page.getByRole('button', { name: 'Print summary' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Prepare summary' }).click();
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintRequested(page, 4);
  const summary = pdfFlowText(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  expect(summary).toContain('Child summary');
  expect(summary).not.toContain('Information sharing agreement');
});

test('observations by area of learning, and home-visit notes refused to a partner without the parents’ consent', async ({ page, preview }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 1000 });
  await setUpAndLogIn(page, preview);
  const { childId } = await seed(preview);
  await page.goto(`${preview.url}#/children/${childId}?tab=observations`);

  await page.getByRole('button', { name: 'Add an observation' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('What was observed').fill('Counted five ducks aloud in the water tray.');
  await dialog.getByRole('button', { name: 'Save observation' }).click();
  await expect(dialog.getByText('Choose at least one area of learning.')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Mathematics' }).check();
  await dialog.getByLabel('The next step').fill('Count the stairs at home');
  await dialog.getByLabel('Where it happens').selectOption({ label: 'At home' });
  await dialog.getByRole('button', { name: 'Save observation' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add an observation' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Which setting').selectOption({ label: 'At Rainbow Day Nursery (typed in from them)' });
  await dialog.getByLabel('Who observed').fill('Hannah Wood');
  await dialog.getByRole('checkbox', { name: 'Expressive arts and design' }).check();
  await dialog.getByLabel('What was observed').fill('Painted her family.');
  await dialog.getByLabel('Next step', { exact: true }).selectOption({ label: 'No next step' });
  await dialog.getByRole('button', { name: 'Save observation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('From Rainbow Day Nursery: their information')).toBeVisible();

  await page.getByLabel('Area of learning').selectOption({ label: 'Mathematics' });
  await expect(page.getByText('Counted five ducks aloud in the water tray.')).toBeVisible();
  await expect(page.getByText('Painted her family.')).toBeHidden();
  await page.getByLabel('Next step status').selectOption({ label: 'Achieved' });
  await expect(page.getByLabel('Next step status')).toHaveValue('achieved');

  await page.getByRole('tab', { name: 'Home visits' }).click();
  await page.getByRole('button', { name: 'Record a home visit' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Who went').fill('Alice and Hannah Wood');
  await dialog.getByRole('checkbox', { name: 'Rainbow Day Nursery' }).check();
  await dialog.getByLabel('Notes of the visit').fill('Millie showed us her bedroom.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Share the notes' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Record the share' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Not shared' })).toContainText('consent for home visits');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/^Shared:/)).toHaveCount(0);
});
