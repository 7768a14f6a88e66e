import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { londonDay } from '../../shared/domain/dates';
import { expect, expectPrintRequested, setUpAndLogIn, SETTING_NAME, test } from './fixtures';
import { pdfFlowText, pdfInfo, pdfToPngs } from './pdf';

// Children, families, partners and the consent register, through the real renderer and core.

/** Screenshots and the summary's pages go to the test's own output folder, for looking at. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('a child with two carers, a partner setting and its key person, a written consent withdrawn, the register’s history, and the printed summary', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1366, height: 1100 });
  await setUpAndLogIn(page, preview);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // The partners directory: a partner setting with a verified secure contact and a named key person.
  await nav.getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('button', { name: 'Add a partner' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Rainbow Day Nursery');
  await dialog.getByLabel('Kind').selectOption({ label: 'Early years setting' });
  await dialog.getByRole('textbox', { name: 'Phone', exact: true }).first().fill('01234 567890');
  await dialog.getByLabel('Secure email address').fill('office@rainbow.example.org');
  await dialog.getByLabel('How it was verified').fill('Phoned the manager on the number from the Ofsted register');
  await dialog.getByRole('button', { name: 'Add a named contact' }).click();
  const contact = dialog.getByRole('group', { name: 'Contact 1' });
  await contact.getByLabel('Name').fill('Hannah Wood');
  await contact.getByLabel('Role').fill('Key person');
  await dialog.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Rainbow Day Nursery' })).toContainText('office@rainbow.example.org');
  await expect(page.getByRole('row').filter({ hasText: 'Rainbow Day Nursery' })).toContainText('Hannah Wood, Key person');

  // Add a child: a validation error shows beside the field and nothing typed is lost.
  await nav.getByRole('link', { name: 'Children' }).click();
  await page.getByRole('button', { name: 'Add a child' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Preferred name').fill('Millie');
  await dialog.getByLabel('Date of birth').fill('2022-03-14');
  await dialog.getByRole('checkbox', { name: 'Monday' }).check();
  await dialog.getByRole('checkbox', { name: 'Wednesday' }).check();
  await dialog.getByRole('button', { name: 'Add child' }).click();
  await expect(dialog.getByText('Legal name is required.')).toBeVisible();
  await expect(dialog.getByLabel('Preferred name')).toHaveValue('Millie');
  await expect(dialog.getByLabel('Date of birth')).toHaveValue('2022-03-14');
  await expect(dialog.getByRole('checkbox', { name: 'Wednesday' })).toBeChecked();
  await dialog.getByLabel('Legal name').fill('Amelia Rose Jones');
  await dialog.getByRole('button', { name: 'Add child' }).click();
  await expect(page.getByRole('heading', { name: 'Millie (Amelia Rose Jones)' })).toBeVisible();
  const childId = /#\/children\/([^?]+)/.exec(page.url())![1];

  // Two carers; one must not collect, under a court order: shown in red at the top.
  await page.getByRole('tab', { name: 'Parents and carers' }).click();
  await addCarer(page, { fullName: 'Sarah Jones', relationship: 'Mother', pr: 'yes', phone: '07700 900001' });
  await addCarer(page, { fullName: 'Mark Jones', relationship: 'Father', pr: 'yes', mustNotCollect: true, courtOrder: 'Prohibited steps order, Family Court, 3 March 2025' });
  const restrictions = page.getByTestId('restrictions');
  await expect(restrictions).toContainText('Mark Jones (Father) · MUST NOT COLLECT');
  await expect(restrictions).toContainText('Prohibited steps order');
  await expect(page.getByLabel('Sarah Jones', { exact: true })).toContainText('Parental responsibility');

  // Shared care: the partner setting, its days and the key person there, the transfer arrangement.
  await page.getByRole('tab', { name: 'Shared care' }).click();
  await page.getByRole('button', { name: 'Add another setting the child attends' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Setting, childminder or school').selectOption({ label: 'Rainbow Day Nursery' });
  await dialog.getByRole('checkbox', { name: 'Tuesday' }).check();
  await dialog.getByLabel('Key person there').fill('Hannah Wood');
  await dialog.getByLabel('Key person’s contact').fill('01234 567892');
  await dialog.getByLabel('Who takes the child between settings').fill('Our practitioner walks Millie over');
  await dialog.getByLabel('What is handed over').fill('Diary, lunchbox, inhaler');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByLabel('Rainbow Day Nursery', { exact: true })).toContainText('Hannah Wood');

  // An emergency contact and an allergy, for the summary.
  await page.getByRole('tab', { name: 'Emergency contacts' }).click();
  await page.getByRole('button', { name: 'Add an emergency contact' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Jean Price');
  await dialog.getByLabel('Relationship to the child').fill('Grandmother');
  await dialog.getByRole('textbox', { name: 'Phone', exact: true }).fill('07700 900123');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Emergency contacts' })).toContainText('Jean Price');

  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByRole('button', { name: 'Add allergy' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Allergen').fill('Peanuts');
  await dialog.getByLabel('Severity').selectOption('anaphylaxis');
  await dialog.getByLabel('Action plan').fill('Give the auto-injector, call 999, then the parents');
  await dialog.getByLabel('Millie here (our setting)').fill('Key person; the cook checks each meal');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByLabel('Allergy: Peanuts')).toContainText('Anaphylaxis');
  // Issue 9.6: a health record says where it came from; another agency must be named.
  await page.getByRole('button', { name: 'Add dietary need' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Dietary need' }).fill('Weaning plan');
  await dialog.getByLabel('Where this came from').selectOption('agency');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('Say which agency it came from: choose it from the list, or write its name.')).toBeVisible();
  await expect(dialog.getByLabel('Or its name')).toBeFocused();
  await dialog.getByLabel('Or its name').fill('Health visiting team');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByLabel('Dietary need: Weaning plan')).toContainText('From Health visiting team');

  // The consent register: verbal consent for additional needs is refused beside the field (seed 001, 3.4).
  await page.getByRole('tab', { name: 'Consent' }).click();
  await page.getByRole('button', { name: 'Record consent or refusal' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('What it is for').selectOption({ label: 'Share information about additional needs' });
  await dialog.getByRole('radio', { name: 'Only the partners listed' }).check();
  await dialog.getByRole('checkbox', { name: /Rainbow Day Nursery/ }).check();
  await dialog.getByRole('radio', { name: 'Verbally' }).check();
  await dialog.getByLabel('Evidence').fill('Talked at the settling-in visit');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog.getByText(/Our information sharing policy, 3\.4: “Parents are asked to give written consent/)).toBeVisible();
  await expect(dialog.getByLabel('Evidence')).toHaveValue('Talked at the settling-in visit');
  await shot(page, 'consent-error');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A written consent to share the diary with Rainbow.
  await page.getByRole('button', { name: 'Record consent or refusal' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('What it is for').selectOption('diary');
  await dialog.getByRole('radio', { name: 'Only the partners listed' }).check();
  await dialog.getByRole('checkbox', { name: /Rainbow Day Nursery/ }).check();
  await dialog.getByLabel('Given by').selectOption({ label: 'Sarah Jones (Mother)' });
  await dialog.getByRole('radio', { name: 'In writing' }).check();
  await dialog.getByLabel('Evidence').fill('Signed consent form, filed in the child’s folder');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog).toHaveCount(0);
  const history = page.getByRole('table', { name: 'Consent history' });
  await expect(history).toContainText('Sarah Jones (Mother)');
  await expect(history).toContainText('in writing');
  await expect(history.getByText('In force')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Consent today by partner' }).getByRole('cell', { name: /Diary with Rainbow Day Nursery/ })).toContainText('Yes');

  // Withdraw it: the consent stays in the register with the withdrawal beneath it.
  await history.getByRole('button', { name: /Record withdrawal of Diary consent/ }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('Parents would rather talk to Rainbow themselves');
  await dialog.getByRole('button', { name: 'Record withdrawal' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(history).toContainText('Signed consent form, filed in the child’s folder');
  await expect(history).toContainText('Withdrawn by Sarah Jones');
  await expect(history).toContainText('Parents would rather talk to Rainbow themselves');
  await expect(history.getByText('Withdrawn', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Consent today by partner' }).getByRole('cell', { name: /Diary with Rainbow Day Nursery/ })).toContainText('Withdrawn');
  await shot(page, 'consent-history');

  // The core gives the same answer, and the history still answers for the past.
  const partners = await preview.core.invoke('partners.list', {});
  const rainbow = partners.partners[0].id;
  const answer = await preview.core.invoke('consent.check', { childId, scope: 'diary', recipientId: rainbow, on: londonDay() });
  expect(answer).toMatchObject({ valid: false, reason: 'withdrawn' });
  const register = await preview.core.invoke('consent.register', { childId });
  expect(register.entries).toHaveLength(1);
  expect(register.entries[0].withdrawal?.reason).toBe('Parents would rather talk to Rainbow themselves');

  // The children list shows the restriction and the flags.
  await nav.getByRole('link', { name: 'Children' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Millie' });
  await expect(row).toContainText('MUST NOT COLLECT');
  await expect(row).toContainText('Allergy: Peanuts');
  await expect(row).toContainText('Also at Rainbow Day Nursery');
  await page.getByRole('checkbox', { name: 'Consent missing or expired' }).check();
  await expect(row).toBeVisible();
  await shot(page, 'children-list');

  // Print the one-page summary for Rainbow.
  await row.getByRole('link', { name: 'Millie' }).click();
  await page.getByRole('button', { name: 'Print summary' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('For')).toHaveValue(rainbow);
  await dialog.getByRole('button', { name: 'Prepare summary' }).click();
  await expect(dialog.getByRole('status')).toContainText('ready for Rainbow Day Nursery');
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  await expectPrintRequested(page);
  await expect(page.locator('.print-root .child-summary')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const info = pdfInfo(pdf);
  expect(info.pages).toBe(1);
  expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]); // A4 in points
  const pages = test.info().outputPath('summary');
  mkdirSync(pages, { recursive: true });
  expect(pdfToPngs(pdf, pages, 60)).toHaveLength(1);
  const text = pdfFlowText(pdf);
  for (const expected of [
    'CONFIDENTIAL',
    'Child summary: Millie (Amelia Rose Jones)',
    `From ${SETTING_NAME}`,
    // The health visitor's plan goes on the day-to-day sheet, saying whose information it is (our policy 1.3).
    'Weaning plan',
    'from Health visiting team',
    'For Rainbow Day Nursery',
    'Mark Jones (Father): MUST NOT COLLECT',
    'Prohibited steps order',
    'Hannah Wood',
    'Mon, Wed',
    'Tue',
    'Peanuts',
    'Anaphylaxis',
    'Jean Price',
    '07700 900123',
    'Printed by Alice Adminson',
  ]) {
    expect(text, expected).toContain(expected);
  }

  // Printing the summary is in the audit trail.
  const audit = await preview.core.invoke('audit.list', { recordId: `child:${childId}` });
  expect(audit.entries.map((e) => e.channel)).toContain('children.summary');
});

test('a practitioner sees the child, the restriction and the register, but no buttons to change them', async ({ page, preview }) => {
  await setUpAndLogIn(page, preview);
  const core = preview.core;
  const { id: childId } = await core.invoke('children.create', { legalName: 'Oliver Brown', dateOfBirth: '2021-06-01' });
  await core.invoke('carers.create', { childId, fullName: 'Rob Brown', relationship: 'Father', parentalResponsibility: true, mustNotCollect: true });
  await core.invoke('users.create', { fullName: 'Kim Keyperson', username: 'kim', password: 'first time password', roles: ['practitioner'] });
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Username').fill('kim');
  await page.getByLabel('Password').fill('first time password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('The password you were given').fill('first time password');
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('kim own password 1');
  await page.getByLabel('New password again').fill('kim own password 1');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Kim Keyperson');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Oliver Brown' })).toContainText('MUST NOT COLLECT');
  await expect(page.getByRole('button', { name: 'Add a child' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Oliver Brown' }).click();
  await expect(page.getByTestId('restrictions')).toContainText('Rob Brown (Father) · MUST NOT COLLECT');
  await expect(page.getByRole('button', { name: 'Edit details' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Consent' }).click();
  await expect(page.getByRole('region', { name: 'Consent register' })).toContainText('Nothing recorded yet.');
  await expect(page.getByRole('button', { name: 'Record consent or refusal' })).toHaveCount(0);
});

async function addCarer(
  page: Page,
  c: { fullName: string; relationship: string; pr: 'yes' | 'no'; phone?: string; mustNotCollect?: boolean; courtOrder?: string },
) {
  await page.getByRole('button', { name: 'Add a parent or carer' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill(c.fullName);
  await dialog.getByLabel('Relationship to the child').fill(c.relationship);
  await dialog.getByLabel('Parental responsibility').selectOption(c.pr);
  if (c.phone) await dialog.getByRole('textbox', { name: 'Phone', exact: true }).fill(c.phone);
  if (c.mustNotCollect) await dialog.getByRole('checkbox', { name: 'Must not collect the child' }).check();
  if (c.courtOrder) await dialog.getByLabel('Court order').fill(c.courtOrder);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel(c.fullName, { exact: true })).toBeVisible();
}
