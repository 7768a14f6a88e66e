import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../preview/server';
import { pdfFlowText, pdfInfo } from '../e2e/pdf';
import { ADMIN } from './helpers';

// Meeting packs as real PDFs (issue 14): the preview's headless Chromium lays out the renderer's
// own print layout, as the app's hidden window does. Needs the renderer built (npm test builds it first).

let preview: Preview;
let folder: string;
const meetings: string[] = [];

beforeAll(async () => {
  preview = await startPreview({ now: () => new Date('2026-11-02T10:00:00Z') });
  const { core } = preview;
  await core.invoke('setup.create', { settingName: 'Little Acorns Pre-school', admin: ADMIN });
  await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { id: sunshine } = await core.invoke('partners.create', { name: 'Sunshine Childminding', kind: 'childminder' });
  for (const [legalName, diaryConsent] of [
    ['Amelia Jones', true],
    ['Ben Ali', false],
    ['Cara Smith', true],
  ] as const) {
    const { id: childId } = await core.invoke('children.create', { legalName, dateOfBirth: '2022-03-14', room: 'Rainbow' });
    const { id: mum } = await core.invoke('carers.create', { childId, fullName: `Mum of ${legalName}`, relationship: 'Mother', parentalResponsibility: true });
    const { id: care } = await core.invoke('children.addSharedCare', { childId, partnerId: sunshine, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Jo Smith' });
    await core.invoke('children.addContact', { childId, name: 'Grandad Joe', relationship: 'Grandfather', phone: '07700 900123', lastVerifiedOn: '2026-09-01' });
    await core.invoke('diary.add', { childId, day: '2026-10-14', category: 'wellbeing', from: { kind: 'staff' }, to: { kind: 'staff' }, text: `DIARY-CANARY ${legalName} slept after lunch.`, needsFollowUp: true });
    if (diaryConsent) await core.invoke('consent.record', { childId, scope: 'diary', recipients: [sunshine], givenByCarerId: mum, givenOn: '2026-09-01', method: 'written' });
    await core.invoke('concerns.record', { childId, observedAt: '2026-11-02T09:00:00Z', category: 'neglect', description: `SAFEGUARDING-CANARY about ${legalName}: came in hungry.` });
    const { id } = await core.invoke('meetings.book', { childId, on: '2026-11-18', at: '15:30', format: 'video', videoLink: 'https://meet.example.org/room-1', carerIds: [mum], sharedCareIds: [care] });
    meetings.push(id);
  }
  folder = mkdtempSync(join(tmpdir(), 'twoway-packs-'));
}, 120_000);
afterAll(async () => preview.close());

describe('meeting packs as PDFs', () => {
  it('writes one pack per child, each numbered on its own, saying who printed it on every page, with nothing from the safeguarding records', async () => {
    const made = [];
    for (const meetingId of meetings) made.push(await preview.core.invoke('packs.save', { meetingId, folder }));
    expect(made.map((m) => m.fileName)).toEqual([
      'Amelia Jones - meeting pack - 2026-11-18 15.30.pdf',
      'Ben Ali - meeting pack - 2026-11-18 15.30.pdf',
      'Cara Smith - meeting pack - 2026-11-18 15.30.pdf',
    ]);
    // Nothing half-written is left behind.
    expect(readdirSync(folder).sort()).toEqual(made.map((m) => m.fileName).sort());

    const amelia = readFileSync(made[0].file);
    const info = pdfInfo(amelia);
    expect(info.pages).toBe(made[0].pages);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(Math.round(info.width)).toBe(595);
    const text = pdfFlowText(amelia);
    for (const section of ['Joint meeting: Amelia Jones', 'Video call https://meet.example.org/room-1', 'Agenda', 'Consents in force', 'Emergency contacts', 'Please check these and tell us of any change.', 'Grandad Joe', 'The diary this term', 'DIARY-CANARY Amelia Jones', 'Last meeting', 'Signatures']) {
      expect(text).toContain(section);
    }
    for (let page = 1; page <= info.pages; page++) {
      const onPage = pdfFlowText(amelia, page);
      expect(onPage).toContain(`Page ${page} of ${info.pages}`);
      expect(onPage).toContain('Printed by Alice Adminson on');
    }

    // No consent for the diary to go to Sunshine: Ben's pack has no diary, and says nothing about why.
    const ben = pdfFlowText(readFileSync(made[1].file));
    expect(ben).not.toContain('DIARY-CANARY');
    expect(ben).not.toContain('The diary this term');
    expect(made[1].omitted).toEqual([expect.objectContaining({ childName: 'Ben Ali', what: 'The term’s diary in brief' })]);
    for (const m of made) expect(pdfFlowText(readFileSync(m.file))).not.toContain('SAFEGUARDING-CANARY');
  }, 120_000);

  it('lists what was left out on a separate office sheet, and joins the packs into one PDF that keeps each pack’s page numbers', async () => {
    const sheet = await preview.core.invoke('packs.saveOfficeSheet', { meetingIds: meetings, folder });
    const sheetText = pdfFlowText(readFileSync(sheet.file));
    expect(sheetText).toContain('What was left out of the meeting packs');
    expect(sheetText).toContain('Ben Ali');
    expect(sheetText).toContain('No consent for the diary to go to every setting invited.');
    expect(sheetText).not.toContain('Amelia Jones');

    const packs = readdirSync(folder).filter((f) => f.includes('meeting pack')).sort();
    const combined = await preview.core.invoke('packs.combine', { folder, fileNames: packs });
    const pages = packs.map((f) => pdfInfo(readFileSync(join(folder, f))).pages);
    expect(combined.pages).toBe(pages.reduce((a, b) => a + b, 0));
    const whole = readFileSync(combined.file);
    // The first page of the second pack starts again at 1.
    expect(pdfFlowText(whole, pages[0] + 1)).toContain(`Page 1 of ${pages[1]}`);
    expect(pdfFlowText(whole, pages[0] + 1)).toContain('Joint meeting: Ben Ali');

    await expect(preview.core.invoke('packs.combine', { folder, fileNames: ['../../etc/passwd.pdf'] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(preview.core.invoke('packs.combine', { folder, fileNames: ['Gone - meeting pack.pdf'] })).rejects.toMatchObject({ issues: [{ message: '“Gone - meeting pack.pdf” is no longer in that folder. Make the packs again.' }] });
  }, 120_000);

  it('records each pack made in the audit trail, naming the child and never the content', async () => {
    const { entries } = await preview.core.invoke('audit.list', { recordId: `meeting:${meetings[0]}` });
    const saves = entries.filter((e) => e.channel === 'packs.save');
    expect(saves.length).toBe(1);
    expect(JSON.stringify(saves)).not.toContain('DIARY-CANARY');
    const meeting = await preview.core.invoke('meetings.get', { meetingId: meetings[0] });
    expect(meeting.lastPackAt).not.toBeNull();
  });
});
