import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/index';
import { londonDay } from '../../shared/domain/dates';
import { addDaysToDay } from '../../shared/domain/weekdays';
import { addStaff, ADMIN, expect, expectPrintRequested, logIn, SETTING_NAME, test } from './fixtures';
import { pdfInfo, pdfText, pdfToPngs } from './pdf';

// Information-sharing decisions through the real renderer and core: a safeguarding share against the
// parents' refusal that needs a second person (who confirms with their own password at the same
// laptop), a decision not to share, the share pack printed to PDF, the register and the audit viewer.

const OUT = join(import.meta.dirname, '../../test-results/sharing');
const PASSWORD = 'a settled password 7';
const BRUISE = 'Bruising noticed on the upper arm at drop-off; Millie said “daddy grabbed me”.';

function shot(name: string) {
  mkdirSync(OUT, { recursive: true });
  return join(OUT, name);
}

/** The app scrolls inside its main area: make the window as tall as the content for a whole-screen picture. */
async function tallShot(page: Page, name: string) {
  const height = await page.evaluate(() => Math.max(document.body.scrollHeight, ...[...document.querySelectorAll('main, section')].map((e) => e.scrollHeight)));
  await page.setViewportSize({ width: 1366, height: Math.min(height + 140, 5000) });
  await page.screenshot({ path: shot(name) });
  await page.setViewportSize({ width: 1366, height: 800 });
}

async function seed(core: Core) {
  await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await addStaff(core, { username: 'dina', fullName: 'Dina Lead', roles: ['dsl'] }, PASSWORD);
  await addStaff(core, { username: 'mark', fullName: 'Mark Manager', roles: ['manager'] }, PASSWORD);
  // A manager whose first password (set by the administrator) has never been changed.
  await core.invoke('users.create', { fullName: 'Nina New', username: 'nina', password: 'initial password 1', roles: ['manager'] });
  const mash = (await core.invoke('partners.create', { name: 'Children’s Social Care (MASH)', kind: 'social-care', secureEmail: 'mash@council.gov.example' })).id;
  const oak = (await core.invoke('partners.create', { name: 'Oak Primary School', kind: 'school', secureEmail: 'office@oak.sch.example' })).id;
  const millie = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2022-03-14', room: 'Rainbow' })).id;
  const ben = (await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2022-01-02', room: 'Rainbow' })).id;
  const mum = (await core.invoke('carers.create', { childId: millie, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true })).id;
  await core.invoke('children.addHealth', { childId: millie, kind: 'allergy', name: 'Peanuts', severity: 'anaphylaxis', actionPlan: 'Adrenaline pen in the office.' });
  // The mother refused consent to share information about Millie's needs with anyone.
  await core.invoke('consent.record', {
    childId: millie,
    scope: 'additional-needs',
    decision: 'refused',
    recipients: 'all-partners',
    givenByCarerId: mum,
    givenOn: addDaysToDay(londonDay(), -7),
    method: 'written',
  });
  await core.invoke('diary.add', { childId: millie, day: londonDay(), category: 'wellbeing', from: { kind: 'staff' }, to: { kind: 'staff' }, text: BRUISE });
  await core.invoke('children.get', { childId: ben });
  await core.invoke('auth.lock');
  return { mash, oak, millie, ben };
}

const radios = (page: Page, group: string) => page.getByRole('radiogroup', { name: group });

/** Answers "Yes" or "No" to a question, by its words. */
async function answer(page: Page, question: string, choice: string) {
  await radios(page, question).getByRole('radio', { name: choice, exact: true }).check();
}

/** The four questions about the information: identifiable, confidential, no law, no court order. */
async function answerAboutTheInformation(page: Page) {
  await answer(page, 'Does it identify the child or family?', 'Yes');
  await answer(page, 'Is it confidential?', 'Yes');
  await answer(page, 'Does the law require you to share it (a statutory duty)?', 'No');
  await answer(page, 'Does a court order require you to share it?', 'No');
}

async function openChild(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children' }).click();
  await page.getByRole('row').filter({ hasText: name }).getByRole('link', { name: new RegExp(name) }).click();
}

test('a safeguarding share against the parents’ refusal needs a second person, who confirms with their own password; the share pack prints exactly what was approved', async ({ page, preview }) => {
  const ids = await seed(preview.core);
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('Dina Lead');

  await openChild(page, 'Millie');
  await page.getByRole('button', { name: 'Share information' }).click();
  await expect(page.getByRole('heading', { name: 'Share information about Millie (Amelia Jones)' })).toBeVisible();

  // 1. Why, 2. with whom.
  await page.getByLabel(/Why do you want to share this information/).fill('Referral: bruising and a disclosure at drop-off this morning.');
  await radios(page, 'Is there a clear and legitimate reason to share it?').getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel(/Who is it for/).selectOption({ label: 'Children’s Social Care (MASH)' });
  // The checklist appears as soon as it can, before everything is answered, and says what is still needed.
  await expect(page.getByTestId('checklist')).toBeVisible();
  await expect(page.getByTestId('still-needed')).toContainText('Answer: Do they need this information for their role?');
  await radios(page, 'Do they need this information for their role?').getByRole('radio', { name: /statutory safeguarding role/ }).check();
  await answerAboutTheInformation(page);

  // 3. What: the diary entry and a note written for this share; the allergy is ticked but not needed.
  await page.getByRole('checkbox', { name: /Wellbeing and mood/ }).check();
  await page.getByRole('checkbox', { name: 'Allergy: Peanuts' }).check();
  await page.getByRole('group', { name: 'About: Allergy: Peanuts' }).getByRole('checkbox', { name: 'Needed for this purpose' }).uncheck();
  await page.getByRole('button', { name: 'Add a note written for this share' }).click();
  await page.getByRole('textbox', { name: 'Note 1' }).fill('Body map completed by the DSL at 09:10. Mum was told we must speak to social care and refused consent.');
  await radios(page, 'Where did the information in note 1 come from?').getByRole('radio', { name: 'From us' }).check();

  // 4. Consent comes from the register: the mother's refusal, with the record it relies on.
  await page.getByLabel('Which consent in the register applies?').selectOption('additional-needs');
  await expect(page.getByTestId('consent-answer')).toContainText('Sarah Jones (Mother) refused consent to share information about additional needs');
  await expect(radios(page, 'Have the parents agreed?').getByRole('radio', { name: 'Refused' })).toBeChecked();
  // The safety question is not pre-answered: until it is, the checklist cannot decide.
  await expect(page.getByTestId('outcome')).toHaveText('More answers are needed');
  await expect(page.getByTestId('still-needed')).toContainText('Answer: Is a child at risk of significant harm?');

  await radios(page, 'Is a child at risk of significant harm?').getByRole('radio', { name: /Reasonable cause to believe/ }).check();
  // 5. Advice and the parents.
  await radios(page, 'Did you seek advice?').getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('From whom').fill('Duty social worker at the front door');
  await page.getByLabel('What they advised').fill('Make a referral today; do not tell the father.');
  await radios(page, 'Have the parents been told what will be shared, why and with whom?').getByRole('radio', { name: 'No' }).check();
  await page.getByLabel('Why telling them would be unsafe or inappropriate').fill('Telling the father could put Millie at greater risk before social care can act.');

  // The engine: sharing without consent in the public interest needs a second person, once it is to be shared and how.
  await radios(page, 'What have you decided?').getByRole('radio', { name: 'Share the information' }).check();
  await page.getByLabel(/How will it be shared/).selectOption({ label: 'Secure email' });
  await expect(page.getByTestId('still-needed')).toHaveCount(0);
  await expect(page.getByTestId('outcome')).toHaveText('A second person must agree');
  // The mother's refusal is overridden, and the checklist says so rather than showing a tick.
  await expect(page.locator('[data-rule="consent"] [data-refusal]')).toHaveText('Refused: shared without the parents’ consent, on the basis shown');
  await expect(page.locator('[data-rule="public-interest"]')).toHaveAttribute('data-ok', 'true');
  await expect(page.locator('[data-rule="second-person-authorisation"]')).toHaveAttribute('data-ok', 'false');
  await expect(page.locator('[data-rule="second-person-authorisation"]')).toContainText('Sharing without consent must never be decided by one person alone.');
  await expect(page.getByRole('region', { name: 'What would be shared' })).toContainText('Would be shared: 2 · Held back: 1');

  // 6. The reasons, and the second person here now.
  await page.getByLabel(/Your reasons, in your own words/).fill('A disclosure and a bruise: the risk to Millie outweighs her mother’s refusal.');
  const second = page.getByRole('group', { name: 'Second person' });
  await expect(second).toContainText('The DSL or a manager must agree before anything is shared.');
  await second.getByLabel('Their username').fill('mark');
  await second.getByLabel('Their password').fill('not his password');
  await tallShot(page, 'flow.png');
  await page.getByRole('button', { name: 'Record the decision', exact: true }).click();
  await expect(second.getByText('This username and password do not match.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'nothing was recorded' })).toBeVisible();
  expect((await preview.core.invoke('auth.session')).session?.username).toBe('dina');

  await second.getByLabel('Their password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Record the decision', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sharing: Millie (Amelia Jones) → Children’s Social Care (MASH)' })).toBeVisible();
  const decisionId = /#\/sharing\/([^/?]+)/.exec(page.url())![1];
  await expect(page.locator('[data-status]').first()).toHaveText('Shared');
  const facts = page.getByRole('definition');
  await expect(facts.filter({ hasText: 'Mark Manager (Manager)' })).toContainText('confirmed with their own password on this laptop');
  await expect(facts.filter({ hasText: 'Safeguarding: risk of' })).toHaveText('Safeguarding: risk of significant harm (without consent)');
  await expect(page.getByTestId('reasons')).toHaveText('A disclosure and a bruise: the risk to Millie outweighs her mother’s refusal.');
  await expect(page.locator('tr[data-shared="true"]')).toHaveCount(2);
  await expect(page.locator('tr[data-shared="false"]')).toContainText('Not needed for the purpose of this share');
  await expect(page.getByTestId('checklist')).toHaveAttribute('data-outcome', 'share');
  await tallShot(page, 'decision.png');

  // An addendum, never an edit.
  await page.getByRole('button', { name: 'Add an addendum' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Why it is added/).fill('What happened next');
  await dialog.getByLabel(/The addendum/).fill('MASH confirmed receipt at 11:40 and will visit today.');
  await dialog.getByRole('button', { name: 'Add the addendum' }).click();
  await expect(page.getByTestId('addendum')).toContainText('Dina Lead');
  await expect(page.getByTestId('addendum')).toContainText('MASH confirmed receipt at 11:40');

  // The share pack: the cover sheet, then exactly the approved items.
  await page.getByRole('button', { name: 'Print the share pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'share pack is ready' })).toContainText('exactly the 2 approved items');
  await expect(page.locator('.print-root [data-testid="share-pack"]')).toHaveCount(1);
  await expectPrintRequested(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = pdfInfo(pdf);
  expect({ width: Math.round(info.width), height: Math.round(info.height) }).toEqual({ width: 595, height: 842 });
  expect(info.pages).toBe(2);
  writeFileSync(shot('share-pack.pdf'), pdf);
  mkdirSync(shot('share-pack'), { recursive: true });
  const pngs = pdfToPngs(pdf, shot('share-pack'), 80);
  expect(pngs).toHaveLength(2);
  const text = (await pdfText(pdf)).replace(/[ \t]+/g, ' ');
  for (const expected of [
    'Information shared about Millie (Amelia Jones)',
    `From ${SETTING_NAME} to Children’s Social Care (MASH)`,
    'Referral: bruising and a disclosure at drop-off this morning.',
    'Safeguarding: risk of significant harm (without consent)',
    'Secure email',
    'Handling instructions',
    'Sent by secure email.',
    'Third-party information.',
    'Mark Manager',
    'Dina Lead',
    'The information shared',
    '“daddy grabbed me”',
    'Body map completed by the DSL at 09:10',
    'Printed by Dina Lead on',
    'Page 1 of 2',
    'Page 2 of 2',
  ]) {
    expect(text, expected).toContain(expected);
  }
  // The item that was not needed is not in the pack, nor anything else of the child's file.
  expect(text).not.toContain('Peanuts');
  expect(text).not.toContain('Adrenaline');
  // Every page says CONFIDENTIAL, the setting and who printed it.
  for (let p = 1; p <= 2; p++) {
    const pageText = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), shot('share-pack.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pageText).toContain('CONFIDENTIAL');
    expect(pageText).toContain(`${SETTING_NAME} · Printed by Dina Lead`);
  }
  expect(execFileSync('file', [pngs[0]], { encoding: 'utf8' })).toMatch(/PNG image data/);

  // The core recorded it: the authorisation by the second person, and the pack's printing, against the child.
  await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const audit = await preview.core.invoke('audit.list', { childId: ids.millie, limit: 100 });
  const channels = audit.entries.map((e) => e.channel);
  expect(channels).toEqual(expect.arrayContaining(['sharing.record', 'sharing.pack', 'sharing.addendum', 'sharing.get']));
  expect(audit.entries.find((e) => e.channel === 'sharing.record')?.recordIds).toEqual(expect.arrayContaining([`child:${ids.millie}`, `sharing:${decisionId}`]));
});

test('a decision not to share is recorded with its reasons, listed in the child’s history and the register; the audit viewer filters by child', async ({ page, preview }) => {
  await seed(preview.core);
  await page.goto(preview.url);
  await logIn(page, 'mark', PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('Mark Manager');

  await openChild(page, 'Millie');
  await page.getByRole('button', { name: 'Share information' }).click();
  await page.getByLabel(/Why do you want to share this information/).fill('The school asked for her allergy plan before the taster day.');
  await radios(page, 'Is there a clear and legitimate reason to share it?').getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel(/Who is it for/).selectOption({ label: 'Oak Primary School' });
  await radios(page, 'Do they need this information for their role?').getByRole('radio', { name: /their part in the child’s care/ }).check();
  await page.getByRole('checkbox', { name: 'Allergy: Peanuts' }).check();
  await answerAboutTheInformation(page);
  await page.getByLabel('Which consent in the register applies?').selectOption('additional-needs');
  await expect(radios(page, 'Have the parents agreed?').getByRole('radio', { name: 'Refused' })).toBeChecked();
  await answer(page, 'Is a child at risk of significant harm?', 'No risk of significant harm');
  await answer(page, 'Did you seek advice?', 'No');
  await radios(page, 'Have the parents been told what will be shared, why and with whom?').getByRole('radio', { name: 'Yes' }).check();
  // Refused, and no risk of significant harm: respect the parents' wishes. A respected refusal is not a tick.
  await expect(page.getByTestId('outcome')).toHaveText('Do not share');
  await expect(page.locator('[data-rule="consent"]')).toContainText("you must respect the parents' wishes and not share");
  await expect(page.locator('[data-rule="consent"] [data-refusal]')).toHaveText('Refused: the parents’ wishes are respected');
  await expect(page.locator('[data-rule="consent"]').getByLabel('In order')).toHaveCount(0);

  // Claiming "share" anyway is refused by the core, which runs the checklist itself.
  await radios(page, 'What have you decided?').getByRole('radio', { name: 'Share the information' }).check();
  await page.getByLabel(/How will it be shared/).selectOption({ label: 'Secure email' });
  await expect(page.getByText('The checklist does not allow a decision to share as things stand.')).toBeVisible();
  await page.getByLabel(/Your reasons, in your own words/).fill('Mum refused; there is no risk to Millie.');
  await page.getByRole('button', { name: 'Record the decision', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This cannot be recorded as a decision to share' })).toBeVisible();

  await radios(page, 'What have you decided?').getByRole('radio', { name: 'Do not share it' }).check();
  // A decision not to share is not asked how it would be shared (issue 11.15).
  await expect(page.getByLabel(/How will it be shared/)).toHaveCount(0);
  await page.getByLabel(/Your reasons, in your own words/).fill('Mum refused and there is no risk to Millie: we will give the school the plan when she agrees, or she will give it herself.');
  await tallShot(page, 'not-sharing-flow.png');
  await page.getByRole('button', { name: 'Record the decision not to share' }).click();
  await expect(page.getByRole('heading', { name: 'Not sharing: Millie (Amelia Jones) → Oak Primary School' })).toBeVisible();
  await expect(page.locator('[data-status]').first()).toHaveText('Decided not to share');
  await expect(page.getByTestId('reasons')).toContainText('Mum refused and there is no risk to Millie');
  await expect(page.locator('tr[data-shared="false"]')).toContainText('Not shared, because the decision was not to share.');
  await expect(page.getByRole('button', { name: 'Print the share pack' })).toHaveCount(0);
  await tallShot(page, 'not-sharing-decision.png');

  // The child's file lists its sharing history.
  await page.getByRole('link', { name: 'Millie (Amelia Jones)' }).click();
  await expect(page.getByRole('tab', { name: 'Sharing history', selected: true })).toBeVisible();
  const history = page.getByRole('table', { name: 'Sharing history' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('Decided not to share');
  await tallShot(page, 'child-history.png');

  // The register: filtered by outcome, and printed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
  const register = page.getByRole('table', { name: 'Register of information-sharing decisions' });
  await expect(register.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Outcome').selectOption({ label: 'Shared' });
  await expect(page.getByText('0 decisions.')).toBeVisible();
  await page.getByLabel('Outcome').selectOption({ label: 'Decided not to share' });
  await expect(register.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Print the register' }).click();
  await expectPrintRequested(page);
  await tallShot(page, 'register.png');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = pdfInfo(pdf);
  expect(info.width).toBeGreaterThan(info.height);
  const text = (await pdfText(pdf)).replace(/[ \t]+/g, ' ');
  expect(text).toContain('Register of information-sharing decisions');
  expect(text).toContain(`${SETTING_NAME} · All children · Decided not to share`);
  expect(text).toContain('Oak Primary School');
  expect(text).toContain('Printed by Mark Manager');
  writeFileSync(shot('register.pdf'), pdf);
  mkdirSync(shot('register-pdf'), { recursive: true });
  pdfToPngs(pdf, shot('register-pdf'), 70);

  // The audit viewer, filtered by child: everything that touched Millie, nothing of Ben.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Audit trail' }).click();
  await page.getByLabel('Child').selectOption({ label: 'Amelia Jones' });
  const trail = page.getByRole('table', { name: 'Audit trail' });
  // In words, with names: who did what about which child.
  await expect(trail).toContainText('Mark Manager recorded an information sharing decision about Amelia Jones (to Oak Primary School)');
  await expect(trail).toContainText('Mark Manager opened an information sharing decision about Amelia Jones');
  await expect(trail).not.toContainText('Ben Ahmed');
  await page.getByRole('button', { name: 'Check the audit trail is intact' }).click();
  await expect(page.getByText(/All \d+ audit entries are intact\./)).toBeVisible();
  await tallShot(page, 'audit-by-child.png');
});

test('a decision waiting on the “Awaiting authorisation” list is agreed later by a manager logged in as themselves; the decider cannot authorise it', async ({ page, preview }) => {
  const ids = await seed(preview.core);
  // The DSL recorded the referral earlier and sent it to the list.
  await preview.core.invoke('auth.login', { username: 'dina', password: PASSWORD });
  const { items } = await preview.core.invoke('sharing.items', { childId: ids.millie });
  const { id, status } = await preview.core.invoke('sharing.record', {
    childId: ids.millie,
    purpose: 'Referral: bruising and a disclosure at drop-off.',
    legitimatePurpose: true,
    partnerId: ids.mash,
    recipientNeed: 'safeguarding-function',
    items: [{ ref: items.find((i) => i.kind === 'diary')!.ref, necessary: true }],
    identifiable: true,
    confidential: true,
    consentScope: 'additional-needs',
    consent: 'refused',
    statutoryDuty: false,
    courtOrder: false,
    harm: 'significant-harm-evidence',
    adviceSought: false,
    parentsInformed: true,
    method: 'secure-email',
    decision: 'share',
    reasons: 'Evidence of harm: the bruise and the disclosure.',
  });
  expect(status).toBe('awaiting-authorisation');
  await preview.core.invoke('auth.lock');

  // The DSL sees it waiting, but cannot authorise her own decision.
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
  await page.getByRole('tab', { name: 'Awaiting authorisation' }).click();
  await page.getByRole('table', { name: 'Awaiting authorisation' }).getByRole('link').click();
  const panel = page.getByRole('form', { name: 'Authorise this decision' });
  await expect(panel.getByRole('radio', { name: 'I am authorising it, logged in as myself' })).toBeDisabled();
  await page.getByRole('button', { name: 'Lock' }).click();

  await logIn(page, 'mark', PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
  await page.getByRole('tab', { name: 'Awaiting authorisation' }).click();
  const waiting = page.getByRole('table', { name: 'Awaiting authorisation' });
  await expect(waiting).toContainText('Millie (Amelia Jones)');
  await expect(waiting).toContainText('Dina Lead');
  await tallShot(page, 'pending.png');
  await waiting.getByRole('link').click();
  await expect(page.locator('[data-status]').first()).toHaveText('Awaiting authorisation');
  await expect(panel.getByRole('radio', { name: 'I am authorising it, logged in as myself' })).toBeChecked();
  // Not agreeing needs a reason: said beside the box, which gets the focus; nothing is recorded.
  await panel.getByRole('radio', { name: 'I do not agree' }).check();
  await panel.getByRole('button', { name: 'Record that I do not agree' }).click();
  await expect(panel.getByText('Say why you do not agree.')).toBeVisible();
  await expect(panel.getByRole('textbox', { name: /Why you do not agree/ })).toBeFocused();
  await expect(page.locator('[data-status]').first()).toHaveText('Awaiting authorisation');
  await panel.getByRole('radio', { name: 'I agree: share it' }).check();
  await panel.getByLabel('Note (optional)').fill('Agreed: refer today.');
  await tallShot(page, 'authorise.png');
  await panel.getByRole('button', { name: 'Authorise' }).click();
  await expect(page.locator('[data-status]').first()).toHaveText('Shared');
  await expect(page.getByRole('definition').filter({ hasText: 'Mark Manager (Manager)' })).toContainText('logged in as themselves. “Agreed: refer today.”');
  await expect(page.getByRole('button', { name: 'Print the share pack' })).toBeVisible();
  await page.getByRole('button', { name: 'The register' }).click();
  await page.getByRole('tab', { name: 'Awaiting authorisation' }).click();
  await expect(page.getByText('Nothing is waiting.')).toBeVisible();
  expect((await preview.core.invoke('sharing.get', { sharingId: id })).authorisation).toMatchObject({ byName: 'Mark Manager', how: 'own-login' });
});

test('the sharing questions cannot be answered wrongly without noticing: explained, unanswered at first, a court order must be named, the checklist stays, plain messages and names', async ({ page, preview }) => {
  await seed(preview.core);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await openChild(page, 'Millie');
  await page.getByRole('button', { name: 'Share information' }).click();

  // 11.12: the safety questions start unanswered.
  for (const question of ['Is a child at risk of significant harm?', 'Does a court order require you to share it?', 'Does the law require you to share it (a statutory duty)?', 'Did you seek advice?']) {
    await expect(radios(page, question).getByRole('radio', { checked: true })).toHaveCount(0);
  }
  // 11.11: each question is explained where it is asked.
  await expect(page.getByText(/not any order about the family \(a prohibited steps or child arrangements order does not\)/)).toBeVisible();

  // 11.6: an empty form gives messages written for a person, and focus goes to the first one.
  await page.getByRole('button', { name: 'Record the decision not to share' }).or(page.getByRole('button', { name: 'Record the decision', exact: true })).click();
  await expect(page.getByText('Some answers are missing or need correcting: they are marked below.')).toBeVisible();
  await expect(page.getByText('Write why you want to share this information.').first()).toBeVisible();
  await expect(page.getByText('Choose who it is for.').first()).toBeVisible();
  await expect(page.getByLabel(/Why do you want to share this information/)).toBeFocused();
  const body = page.locator('main');
  await expect(body).not.toContainText('Invalid input');
  await expect(body).not.toContainText('expected string');
  await expect(body).not.toContainText(' is required.');

  // 11.11: a court order must be named, with its reference or date.
  await page.getByLabel(/Why do you want to share this information/).fill('Father’s solicitor asked for the attendance record.');
  await answer(page, 'Is there a clear and legitimate reason to share it?', 'Yes');
  await page.getByLabel(/Who is it for/).selectOption({ label: 'Oak Primary School' });
  await radios(page, 'Do they need this information for their role?').getByRole('radio', { name: /their part in the child’s care/ }).check();
  await page.getByRole('checkbox', { name: 'Name, date of birth, room and key person' }).check();
  await answer(page, 'Does it identify the child or family?', 'Yes');
  await answer(page, 'Is it confidential?', 'Yes');
  await answer(page, 'Does the law require you to share it (a statutory duty)?', 'No');
  await answer(page, 'Does a court order require you to share it?', 'Yes');
  await expect(page.getByLabel('Which order or law')).toBeVisible();
  await expect(page.getByTestId('still-needed')).toContainText('Name the court order that requires this information to be shared.');
  await expect(page.locator('[data-rule="statutory-duty-or-court-order"]')).toContainText('Name the court order or the law');
  await expect(page.getByTestId('outcome')).not.toHaveText('You may share');

  // 11.14: "advice: yes" keeps the checklist, and says what is still needed.
  await answer(page, 'Did you seek advice?', 'Yes');
  await expect(page.getByTestId('checklist')).toBeVisible();
  await expect(page.getByTestId('still-needed')).toContainText('Say who you asked for advice');

  // 11.16: policies named as a person knows them, never "seed" or a bare "Golden rule".
  await expect(page.getByText(/Information sharing advice, golden rule 7/)).toBeVisible();
  await page.locator('[data-rule="consent"]').getByRole('button').first().click();
  await expect(page.getByText('(Information sharing advice, golden rule 4)')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toContainText(/seed/i);
  await expect(page.locator('body')).not.toContainText(/Golden rule \d/);
  await page.screenshot({ path: shot('questions-1366.png'), fullPage: false });

  // 11.15: a decision not to share asks only what applies.
  await radios(page, 'What have you decided?').getByRole('radio', { name: 'Do not share it' }).check();
  await expect(page.getByLabel(/How will it be shared/)).toHaveCount(0);
});

test('the second person: a colleague still on the first password cannot confirm; “Send it to the Awaiting authorisation list” saves with the boxes empty', async ({ page, preview }) => {
  await seed(preview.core);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(preview.url);
  await logIn(page, 'dina', PASSWORD);
  await openChild(page, 'Millie');
  await page.getByRole('button', { name: 'Share information' }).click();
  await page.getByLabel(/Why do you want to share this information/).fill('Referral: bruising and a disclosure at drop-off this morning.');
  await answer(page, 'Is there a clear and legitimate reason to share it?', 'Yes');
  await page.getByLabel(/Who is it for/).selectOption({ label: 'Children’s Social Care (MASH)' });
  await radios(page, 'Do they need this information for their role?').getByRole('radio', { name: /statutory safeguarding role/ }).check();
  await page.getByRole('checkbox', { name: /Wellbeing and mood/ }).check();
  await answerAboutTheInformation(page);
  await page.getByLabel('Which consent in the register applies?').selectOption('additional-needs');
  await expect(radios(page, 'Have the parents agreed?').getByRole('radio', { name: 'Refused' })).toBeChecked();
  await radios(page, 'Is a child at risk of significant harm?').getByRole('radio', { name: /^Evidence that the child/ }).check();
  await answer(page, 'Did you seek advice?', 'No');
  await answer(page, 'Have the parents been told what will be shared, why and with whom?', 'Yes');
  await radios(page, 'What have you decided?').getByRole('radio', { name: 'Share the information' }).check();
  await page.getByLabel(/How will it be shared/).selectOption({ label: 'Secure email' });
  await page.getByLabel(/Your reasons, in your own words/).fill('Evidence of harm: the bruise and the disclosure.');
  await expect(page.getByTestId('outcome')).toHaveText('A second person must agree');

  // 11.3: Nina's password was set by the administrator and never changed: it proves nothing.
  const second = page.getByRole('group', { name: 'Second person' });
  await second.getByLabel('Their username').fill('nina');
  await second.getByLabel('Their password').fill('initial password 1');
  await page.getByRole('button', { name: 'Record the decision', exact: true }).click();
  await expect(second.getByText(/Nina New is still using the first password they were given/)).toBeVisible();
  expect((await preview.core.invoke('sharing.list', {}).catch(() => null))?.total ?? 0).toBe(0);

  // 11.2: send it to the list instead, leaving the boxes empty: it is saved there.
  await second.getByLabel('Their username').fill('');
  await second.getByLabel('Their password').fill('');
  await second.getByRole('radio', { name: 'Send it to the “Awaiting authorisation” list' }).check();
  await page.getByRole('button', { name: 'Record and ask for authorisation' }).click();
  await expect(page.getByRole('heading', { name: 'Sharing: Millie (Amelia Jones) → Children’s Social Care (MASH)' })).toBeVisible();
  await expect(page.locator('[data-status]').first()).toHaveText('Awaiting authorisation');
  await page.screenshot({ path: shot('sent-to-list-1366.png') });
});

test('consent withdrawn after the decision: the decision says why and what to do, and nothing prints; the policy screen offers only the DSL, a manager or the SENCO', async ({ page, preview }) => {
  const ids = await seed(preview.core);
  const core = preview.core;
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { id: consentId } = await core.invoke('consent.record', {
    childId: ids.millie,
    scope: 'transition',
    recipients: [ids.oak],
    givenByCarerId: (await core.invoke('children.get', { childId: ids.millie })).carers[0].id,
    givenOn: addDaysToDay(londonDay(), -3),
    method: 'written',
  });
  await core.invoke('auth.login', { username: 'mark', password: PASSWORD });
  const { items } = await core.invoke('sharing.items', { childId: ids.millie });
  const { id } = await core.invoke('sharing.record', {
    childId: ids.millie,
    purpose: 'Transition to Reception: the allergy plan.',
    legitimatePurpose: true,
    partnerId: ids.oak,
    recipientNeed: 'childs-care',
    items: [{ ref: items.find((i) => i.kind === 'health')!.ref, necessary: true }],
    identifiable: true,
    confidential: true,
    consentScope: 'transition',
    consent: 'given',
    statutoryDuty: false,
    courtOrder: false,
    harm: 'none',
    adviceSought: false,
    parentsInformed: true,
    method: 'secure-email',
    decision: 'share',
    reasons: 'Mum asked us to pass it on.',
  });
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const mumId = (await core.invoke('children.get', { childId: ids.millie })).carers[0].id;
  await core.invoke('consent.withdraw', { consentId, on: londonDay(), byCarerId: mumId, reason: 'She will give it to the school herself.' });
  await core.invoke('auth.lock');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(preview.url);
  await logIn(page, 'mark', PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('Mark Manager');
  await page.evaluate((decision) => (location.hash = `#/sharing/${decision}`), id);
  await expect(page.getByTestId('basis-gone')).toContainText('The consent this decision relied on has gone');
  await expect(page.getByTestId('basis-gone')).toContainText('was withdrawn on');
  await expect(page.getByTestId('basis-gone')).toContainText('Do not send or print it now. If the information still needs to go, record a new decision.');
  await expect(page.getByRole('button', { name: 'Print the share pack' })).toHaveCount(0);
  await page.screenshot({ path: shot('basis-gone-1366.png') });

  // The policy screen: only roles that can back up a decision are offered; the setting can name them.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
  await page.getByRole('tab', { name: 'Our policy' }).click();
  const who = page.getByRole('group', { name: 'Who may authorise a decision to share' });
  await expect(who.getByRole('checkbox')).toHaveCount(3);
  await expect(who.getByRole('checkbox', { name: 'Practitioner / key person' })).toHaveCount(0);
  await who.getByRole('checkbox', { name: /SENCO/ }).check();
  await page.getByRole('radio', { name: /For every decision to share, as in a school’s guidance/ }).check();
  await page.getByRole('textbox', { name: 'Manager' }).fill('head teacher');
  await page.getByRole('button', { name: 'Save the policy' }).click();
  await expect(page.getByText('Saved. Decisions already recorded keep the policy they were made under.')).toBeVisible();
  await page.screenshot({ path: shot('policy-1366.png'), fullPage: true });
  expect(await core.invoke('sharing.policy')).toMatchObject({
    authorisingRoles: ['dsl', 'manager', 'senco'],
    authorisationForAllShares: true,
    overrideOnlyForChildProtection: true,
    roleNames: { manager: 'head teacher' },
  });
});

test('a key person whose setting’s policy lets only the DSL or a manager record a share is told so before the first question, and what to do', async ({ page, preview }) => {
  await seed(preview.core);
  await preview.core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await addStaff(preview.core, { username: 'pat', fullName: 'Pat Keyperson', roles: ['practitioner'] }, PASSWORD);
  await preview.core.invoke('auth.lock');
  await page.goto(preview.url);
  await logIn(page, 'pat', PASSWORD);
  await openChild(page, 'Millie');
  await page.getByRole('button', { name: 'Share information' }).click();
  const note = page.getByRole('note');
  await expect(note).toContainText('If you think this information should be shared, tell the DSL today: they will record the decision.');
  // Before the first question, not after the fifth.
  const [noteTop, firstTop] = await Promise.all([note.boundingBox(), page.getByLabel(/Why do you want to share this information/).boundingBox()]);
  expect(noteTop!.y).toBeLessThan(firstTop!.y);
  await expect(radios(page, 'What have you decided?').getByRole('radio')).toHaveCount(1);
  await expect(radios(page, 'What have you decided?').getByRole('radio', { name: 'Do not share it' })).toBeVisible();
});
