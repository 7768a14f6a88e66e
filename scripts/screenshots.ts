// `npm run screenshots`: drives the preview in Debian's Chromium and refreshes docs/screenshots/,
// so the README shows what a new user sees: the first run, then the made-up demo setting of
// test/fixtures/demo.ts (synthetic data only), screens and printed pages.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_STAFF_PASSWORD, seedDemo } from '../test/fixtures/demo';
import { pdfWithText } from '../test/fixtures/files';
import { startPreview } from '../test/preview/server';
import { replacePrint } from '../test/e2e/print-stub';
import { CHROMIUM_LAUNCH } from '../test/preview/chromium';
import { addDays, today, weekStart } from '../shared/domain/weeks';

const OUT = join(import.meta.dirname, '../docs/screenshots');
mkdirSync(OUT, { recursive: true });
execSync('npx vite build --config vite.renderer.config.ts --logLevel warn', { stdio: 'inherit' });

const preview = await startPreview();
// Date pickers follow the browser's own language: en-GB (dd/mm/yyyy) needs Debian's chromium-l10n.
if (existsSync('/usr/lib/chromium/locales') && !existsSync('/usr/lib/chromium/locales/en-GB.pak')) {
  console.warn('Date pickers will show mm/dd/yyyy: install chromium-l10n for en-GB (apt-get install -y chromium-l10n).');
}
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
await replacePrint(page);
const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });

/** `upTo`: a taller window (up to that many pixels) to show more of a long screen, from its top. */
async function step(name: string, fn: (p: Page) => Promise<void>, { upTo = 800 } = {}) {
  try {
    await fn(page);
    await page.waitForTimeout(300);
    if (upTo > 800) {
      // The app scrolls inside its main area: make the window as tall as the content, and go to its top.
      const height = await page.evaluate(() => {
        const main = document.querySelector('main');
        main?.scrollTo(0, 0);
        return (main?.scrollHeight ?? 0) + 80;
      });
      await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 800), upTo) });
      await page.waitForTimeout(200);
    }
    await shot(name);
    await page.setViewportSize({ width: 1280, height: 800 });
    console.log(`docs/screenshots/${name}.png`);
  } catch (error) {
    console.error(`Could not take ${name}: ${(error as Error).message}`);
  }
}

/** The print layout on screen now, as its first printed page at 60 dpi (what the office would hand over). */
async function printed(name: string, fn: (p: Page) => Promise<void>) {
  try {
    await fn(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const file = join(mkdtempSync(join(tmpdir(), 'twoway-shots-')), 'print.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, name)]);
    console.log(`docs/screenshots/${name}.png`);
  } catch (error) {
    console.error(`Could not print ${name}: ${(error as Error).message}`);
  }
}

/** Opens a screen afresh (a reload, so nothing is left over from the screen before). */
const go = async (p: Page, path: string) => {
  await p.goto(`${preview.url}#${path}`);
  await p.reload();
  await p.getByTestId('current-user').waitFor();
};

await step('setup', async (p) => {
  await p.goto(preview.url);
  await p.getByLabel('Name of your setting').fill('Little Acorns Pre-school');
  await p.getByLabel('Full name').fill('Alice Adminson');
  await p.getByLabel('Username').fill('alice');
  await p.getByRole('button', { name: 'Suggest three random words' }).click();
});
await step('recovery-key', async (p) => {
  await p.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await p.getByRole('button', { name: 'Set up TwoWay' }).click();
  await p.getByTestId('recovery-key').waitFor();
});
await step('login', async (p) => {
  await p.getByRole('checkbox').check();
  await p.getByRole('button', { name: 'Continue to log in' }).click();
  await p.getByLabel('Username').fill('alice');
});
await step('home-empty', async (p) => {
  await p.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.getByTestId('current-user').waitFor();
});

// The demo setting, entered through the core as its staff would (Alice is logged in again afterwards).
await seedDemo(preview.core);
const { children } = await preview.core.invoke('children.list', {});
const childId = (name: string) => children.find((c) => c.legalName === name)!.id;
const [ollie, isla, amara, harry] = ['Oliver Bennett', 'Isla Khan', 'Amara Osei', 'Harry Clarke'].map(childId);
const lastWeek = weekStart(addDays(today(), -7));

await step('admin-users', async (p) => {
  await go(p, '/admin/users');
  await p.getByRole('table', { name: 'Staff accounts' }).waitFor();
});
await step('audit', async (p) => {
  await go(p, '/admin/audit');
  await p.getByRole('table', { name: 'Audit trail' }).waitFor();
});
await step('home', async (p) => {
  await go(p, '/home');
  await p.getByLabel('Emergency contacts to check').waitFor();
});
await step('children', async (p) => {
  await go(p, '/children');
  await p.getByRole('row').filter({ hasText: 'Isla Khan' }).first().waitFor();
});
await step('child-file', async (p) => {
  await go(p, `/children/${ollie}?tab=details`);
  await p.getByTestId('restrictions').waitFor();
});
await step(
  'child-consent',
  async (p) => {
    await go(p, `/children/${amara}?tab=consent`);
    await p.getByText('Withdrawn').first().waitFor();
  },
  { upTo: 1300 },
);
await step('partners', async (p) => {
  await go(p, '/partners');
  await p.getByText('Rainbow Day Nursery').first().waitFor();
});
await step('setting', async (p) => {
  await go(p, '/setting');
  await p.getByText('Information sharing').first().waitFor();
});
await step(
  'diary-child-week',
  async (p) => {
    await go(p, `/diary/child/${isla}?week=${lastWeek}`);
    await p.getByTestId('child-week').waitFor();
  },
  { upTo: 1500 },
);
await printed('print-diary-week', async () => {});
await step('diary-room-week', async (p) => {
  await go(p, `/diary/room/Ladybirds?week=${lastWeek}`);
  await p.getByTestId('room-week').waitFor();
});
await step('diary-patterns', async (p) => {
  await go(p, `/diary/patterns/${isla}`);
  await p.getByTestId('pattern-grid').waitFor();
});
await step('diary-search', async (p) => {
  await go(p, '/diary/search?q=inhaler');
  await p.getByText('Amara Osei').first().waitFor();
});
await printed('print-child-summary', async (p) => {
  await go(p, `/children/${isla}?tab=details`);
  await p.getByRole('button', { name: 'Print summary' }).click();
  const dialog = p.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Prepare summary' }).click();
  await dialog.getByRole('status').waitFor();
  await p.locator('.print-root .child-summary').waitFor({ state: 'attached' });
});

// Sharing decisions are for the DSL and managers: Deborah logs in.
await page.keyboard.press('Escape');
await preview.core.invoke('auth.lock');
await page.goto(preview.url);
await page.reload();
await page.getByRole('textbox', { name: 'Username', exact: true }).fill('deborah');
await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_STAFF_PASSWORD);
await page.getByRole('button', { name: 'Log in', exact: true }).click();
await page.getByTestId('current-user').waitFor();

await step(
  'share-flow',
  async (p) => {
    await go(p, `/sharing/new?child=${amara}`);
    const yes = (group: string) => p.getByRole('radiogroup', { name: group }).getByRole('radio', { name: 'Yes' }).check();
    await p.getByLabel(/Why do you want to share this information/).fill('For the joint review with Amara’s key person at Rainbow: her learning this half term and her inhaler plan.');
    await yes('Is there a clear and legitimate reason to share it?');
    await p.getByLabel(/Who is it for/).selectOption({ label: 'Rainbow Day Nursery (the child attends)' });
    await p.getByLabel('The person you are sharing with there (if known)').fill('Sam Whitlock, key person');
    await p.getByRole('radiogroup', { name: 'Do they need this information for their role?' }).getByRole('radio', { name: /their part in the child’s care/ }).check();
    await p.getByRole('checkbox', { name: /^Medication: Salbutamol/ }).check();
    await p.getByRole('checkbox', { name: /Learning and activities/ }).first().check();
    const no = (group: string) => p.getByRole('radiogroup', { name: group }).getByRole('radio', { name: 'No', exact: true }).check();
    await yes('Does it identify the child or family?');
    await yes('Is it confidential?');
    await no('Does the law require you to share it (a statutory duty)?');
    await no('Does a court order require you to share it?');
    await p.getByLabel('Which consent in the register applies?').selectOption('observations');
    await p.getByTestId('consent-answer').waitFor();
    await p.getByRole('radiogroup', { name: 'Is a child at risk of significant harm?' }).getByRole('radio', { name: /^No risk/ }).check();
    await no('Did you seek advice?');
    await yes('Have the parents been told what will be shared, why and with whom?');
    await p.getByRole('radiogroup', { name: 'What have you decided?' }).getByRole('radio', { name: 'Share the information' }).check();
    await p.getByLabel(/How will it be shared/).selectOption({ label: 'Secure email' });
    await p.getByTestId('outcome').filter({ hasText: 'You may share' }).waitFor();
  },
  { upTo: 1100 },
);
await step('sharing-register', async (p) => {
  await go(p, '/sharing');
  await p.getByRole('row').filter({ hasText: 'St Mary’s C of E Primary School' }).waitFor();
});
const { decisions } = await preview.core.invoke('sharing.list', { childId: harry });
await step(
  'sharing-decision',
  async (p) => {
    await go(p, `/sharing/${decisions[0].id}`);
    await p.getByTestId('reasons').waitFor();
  },
  { upTo: 1400 },
);
await printed('print-share-pack', async (p) => {
  await p.getByRole('button', { name: 'Print the share pack' }).click();
  await p.locator('.print-root [data-testid="share-pack"]').waitFor({ state: 'attached' });
});

// Safeguarding concerns, as Deborah (the DSL) sees them.
const { concerns } = await preview.core.invoke('concerns.list', { status: 'all' });
await step('concerns', async (p) => {
  await go(p, '/concerns');
  await p.getByRole('table', { name: 'Safeguarding concerns' }).waitFor();
});
await step(
  'concern',
  async (p) => {
    await go(p, `/concerns/${concerns[0].id}`);
    await p.getByRole('region', { name: 'Body map' }).waitFor();
  },
  { upTo: 1500 },
);
await step(
  'chronology',
  async (p) => {
    await go(p, `/concerns/chronology/${isla}`);
    await p.getByRole('list', { name: 'Chronology' }).waitFor();
  },
  { upTo: 1300 },
);
await printed('print-chronology', async () => {});
await step(
  'record-concern',
  async (p) => {
    await go(p, `/concerns/new?child=${isla}`);
    await p.getByRole('form', { name: 'Record a safeguarding concern' }).waitFor();
  },
  { upTo: 1600 },
);

// Termly joint meetings, the agreement, documents and keeping records (as the administrator again).
await preview.core.invoke('auth.login', { username: 'alice', password: 'correct horse battery' });
await step('meetings', async (p) => {
  await go(p, '/meetings');
  await p.getByRole('table', { name: /Joint meetings/ }).waitFor();
});
const amaraMeeting = (await preview.core.invoke('meetings.ofChild', { childId: amara })).meetings[0];
await step(
  'meeting',
  async (p) => {
    await go(p, `/meetings/${amaraMeeting.id}`);
    await p.getByRole('button', { name: 'Prepare the pack' }).click();
    await p.getByRole('button', { name: 'Print the pack' }).waitFor();
  },
  { upTo: 1300 },
);
await printed('print-meeting-pack', async () => {});
await step(
  'child-agreement',
  async (p) => {
    await go(p, `/children/${amara}?tab=agreement`);
    await p.getByRole('img', { name: /^Signature of / }).first().waitFor();
  },
  { upTo: 1600 },
);
await printed('print-agreement', async () => {});
await step('child-observations', async (p) => {
  await go(p, `/children/${isla}?tab=observations`);
  await p.getByRole('button', { name: 'Add an observation' }).waitFor();
});
await preview.core.invoke('documents.add', {
  ownerType: 'child',
  ownerId: amara,
  title: 'Asthma plan from the GP',
  source: { kind: 'agency', agency: 'Oak Lane Surgery' },
  fileName: 'asthma-plan.pdf',
  mime: 'application/pdf',
  data: pdfWithText('Asthma plan: two puffs of the blue inhaler when wheezy').toString('base64'),
});
await step('document-viewer', async (p) => {
  await go(p, `/children/${amara}?tab=documents`);
  await p.getByRole('button', { name: 'View Asthma plan from the GP' }).click();
  await p.getByRole('dialog').getByRole('img', { name: 'Asthma plan from the GP' }).waitFor({ timeout: 20_000 });
});
await step('keeping-records', async (p) => {
  await go(p, '/records/rules');
  await p.getByRole('button', { name: 'Change' }).first().waitFor();
});

await browser.close();
await preview.close();
