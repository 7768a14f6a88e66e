import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { InputOf } from '../../shared/contract/index';
import { DOCUMENT_MAX_BYTES } from '../../shared/contract/documents';
import { londonDay } from '../../shared/domain/dates';
import { pdfWithText, pngWithText } from '../fixtures/files';
import { ADMIN, errorCode, loginAdmin, setUpCore } from './helpers';

// Issue 18: documents kept inside the encrypted database, seen by those who may see what they are
// attached to, third-party ones held back from a share, and removed only with a manager's password.

const PASSWORD = 'a new password 22';
const CANARY = 'CANARY-7f3a9d2e-letter-from-the-health-visitor';

let core: Core;
let dir: string;
let cleanup: () => Promise<void>;
let saved: { suggestedName: string; extension: string; data: Uint8Array }[] = [];
let childId: string;
let concernId: string;
let socialCare: string;

async function as(username: string) {
  if (username === ADMIN.username) await loginAdmin(core);
  else await core.invoke('auth.login', { username, password: PASSWORD });
}

const b64 = (b: Buffer) => b.toString('base64');
const attach = (over: Partial<InputOf<'documents.add'>> = {}) =>
  core.invoke('documents.add', {
    ownerType: 'child',
    ownerId: childId,
    title: 'Letter from the health visitor',
    source: { kind: 'us' },
    fileName: 'letter.pdf',
    mime: 'application/pdf',
    data: b64(pdfWithText(CANARY)),
    ...over,
  });

/** Every file under the data folder, recursively. */
function everyFile(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? everyFile(path) : [path];
  });
}

beforeAll(async () => {
  ({ core, dir, cleanup } = await setUpCore({ platform: { saveFile: async (o) => (saved.push(o), true) } }));
  await loginAdmin(core);
  for (const [username, roles] of [
    ['dina', ['dsl']],
    ['mark', ['manager']],
    ['pat', ['practitioner']],
    ['olly', ['office']],
  ] as const) {
    await core.invoke('users.create', { fullName: `Test ${username}`, username, password: 'initial password 1', roles: [...roles] });
    await core.invoke('auth.login', { username, password: 'initial password 1' });
    await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: PASSWORD });
    await loginAdmin(core);
  }
  socialCare = (await core.invoke('partners.create', { name: 'Children’s Social Care (MASH)', kind: 'social-care' })).id;
  childId = (await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2023-03-14', room: 'Rainbow' })).id;
  await as('pat');
  concernId = (await core.invoke('concerns.record', { childId, observedAt: new Date().toISOString(), category: 'physical', description: 'A bruise on the upper arm at drop-off.' })).id;
}, 120_000);
afterAll(async () => cleanup());

describe('documents', () => {
  it('keeps a PDF and a photo only inside the encrypted database: the canary is in no byte under the data folder', async () => {
    await as('olly');
    const pdf = await attach();
    const png = await attach({ title: 'Photo of the signed form', fileName: 'form.png', mime: 'image/png', data: b64(pngWithText(CANARY)) });
    // The files really are there, and come back byte for byte.
    const opened = await core.invoke('documents.open', { documentId: png.id });
    expect(Buffer.from(opened.data, 'base64').equals(pngWithText(CANARY))).toBe(true);
    expect(Buffer.from((await core.invoke('documents.open', { documentId: pdf.id })).data, 'base64').toString('latin1')).toContain(CANARY);

    const needle = Buffer.from(CANARY, 'latin1');
    const check = () => {
      const files = everyFile(dir);
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      for (const file of files) expect(readFileSync(file).includes(needle), file).toBe(false);
    };
    // While TwoWay is open (the write-ahead log holds the newest pages) and after it is closed.
    check();
    await core.invoke('auth.lock');
    for (const file of everyFile(dir)) expect(readFileSync(file).includes(needle), file).toBe(false);
    await as('olly');
  });

  it('checks the bytes in the core: the kind of file and the size, whatever the window says', async () => {
    await as('olly');
    const notPdf = await core.invoke('documents.add', { ownerType: 'child', ownerId: childId, title: 'x', source: { kind: 'us' }, fileName: 'x.pdf', mime: 'application/pdf', data: b64(pngWithText('x')) }).catch((e: { issues: unknown }) => e.issues);
    expect(notPdf).toEqual([{ path: ['data'], message: expect.stringMatching(/not a real PDF/) }]);
    expect(await errorCode(attach({ mime: 'image/jpeg' }))).toBe('invalid-input');
    const tooBig = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(DOCUMENT_MAX_BYTES)]);
    const big = await attach({ data: b64(tooBig) }).catch((e: { issues: { message: string }[] }) => e.issues[0]?.message);
    expect(big).toMatch(/larger than 20 MB/);
    // The day a document is about: soon is fine (an appointment letter), years away or before 1990 is a slip.
    const far = await attach({ refersTo: '2031-01-01' }).catch((e: { issues: unknown }) => e.issues);
    expect(far).toEqual([{ path: ['refersTo'], message: 'That is more than two years away: check the year.' }]);
    const old = await attach({ refersTo: '1960-05-01' }).catch((e: { issues: unknown }) => e.issues);
    expect(old).toEqual([{ path: ['refersTo'], message: 'Check the year: 1960 cannot be right.' }]);
  });

  it('a concern’s documents are the safeguarding team’s: refused to a practitioner, even the one who attached it', async () => {
    await as('pat');
    // Whoever recorded the concern may add to it, as with an addendum…
    const { id } = await attach({ ownerType: 'concern', ownerId: concernId, title: 'Body map drawn on paper', fileName: 'bodymap.png', mime: 'image/png', data: b64(pngWithText('body map')) });
    // …but not read it back.
    expect(await errorCode(core.invoke('documents.open', { documentId: id }))).toBe('not-found');
    expect(await errorCode(core.invoke('documents.list', { ownerType: 'concern', ownerId: concernId }))).toBe('not-found');
    expect((await core.invoke('documents.forChild', { childId })).documents.map((d) => d.id)).not.toContain(id);
    expect(await errorCode(core.invoke('documents.saveCopy', { documentId: id }))).toBe('not-found');
    await as('dina');
    expect((await core.invoke('documents.list', { ownerType: 'concern', ownerId: concernId })).documents.map((d) => d.title)).toEqual(['Body map drawn on paper']);
    expect((await core.invoke('documents.open', { documentId: id })).document.ownerType).toBe('concern');
    await as(ADMIN.username);
    const { entries } = await core.invoke('audit.list', { recordId: `document:${id}` });
    expect(entries.map((e) => `${e.channel} ${e.outcome}`)).toEqual(expect.arrayContaining(['documents.open done', 'documents.add done']));
  });

  it('a document from another agency is held back from a share until that agency’s agreement is recorded', async () => {
    await as('dina');
    const { id } = await attach({ title: 'Health visitor’s care plan', source: { kind: 'agency', agency: 'Health visiting team' } });
    const { items } = await core.invoke('sharing.items', { childId });
    expect(items.find((i) => i.ref === `document:${id}`)).toMatchObject({ kind: 'document', suggestedAgency: 'Health visiting team' });
    const share = (item: InputOf<'sharing.assess'>['items'][number]): InputOf<'sharing.assess'> => ({
      childId,
      partnerId: socialCare,
      purpose: 'Referral: bruising and a disclosure.',
      legitimatePurpose: true,
      recipientNeed: 'safeguarding-function',
      items: [item],
      identifiable: true,
      confidential: true,
      consent: 'refused',
      statutoryDuty: false,
      courtOrder: false,
      harm: 'significant-harm-suspected',
      adviceSought: true,
      adviceFrom: 'Duty social worker',
      parentsInformed: true,
      method: 'secure-email',
    });
    const held = await core.invoke('sharing.assess', share({ ref: `document:${id}`, necessary: true }));
    expect(held.assessment.itemsWithheld).toEqual([{ id: `document:${id}`, reason: expect.stringMatching(/came from Health visiting team, which has not agreed/) }]);
    const agreed = await core.invoke(
      'sharing.assess',
      share({ ref: `document:${id}`, necessary: true, thirdParty: { agency: 'Health visiting team', agencyConsent: true, agreedBy: 'Kay Patel, health visitor', agreedOn: londonDay(), agreedHow: 'By phone' } }),
    );
    expect(agreed.assessment.itemsWithheld).toEqual([]);
  });

  it('is never edited: a new version sits beside the old one', async () => {
    await as('olly');
    const first = await attach({ title: 'SEND plan', data: b64(pdfWithText('version one')) });
    const second = await attach({ title: 'SEND plan', data: b64(pdfWithText('version two')), versionOf: first.id });
    const docs = (await core.invoke('documents.list', { ownerType: 'child', ownerId: childId })).documents.filter((d) => d.title === 'SEND plan');
    expect(docs.map((d) => [d.version, d.superseded, d.seriesId === first.id])).toEqual([
      [1, true, true],
      [2, false, true],
    ]);
    expect(Buffer.from((await core.invoke('documents.open', { documentId: first.id })).data, 'base64').toString('latin1')).toContain('version one');
    expect(second.id).not.toBe(first.id);
  });

  it('save a copy goes through the host and is audited; removal needs a manager’s password and deletes the content', async () => {
    await as('olly');
    const { id } = await attach({ title: 'Court order', data: b64(pdfWithText('REMOVE-ME-CANARY')) });
    saved = [];
    expect(await core.invoke('documents.saveCopy', { documentId: id })).toEqual({ saved: true });
    expect(saved).toEqual([expect.objectContaining({ suggestedName: 'Court order', extension: 'pdf' })]);
    expect(Buffer.from(saved[0]!.data).toString('latin1')).toContain('REMOVE-ME-CANARY');
    expect(await errorCode(core.invoke('documents.remove', { documentId: id, reason: 'Sent by mistake', password: PASSWORD }))).toBe('forbidden');

    await as('mark');
    expect(await errorCode(core.invoke('documents.remove', { documentId: id, reason: 'Sent by mistake', password: 'wrong one' }))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('documents.open', { documentId: id }))).toBe('no-error');
    await core.invoke('documents.remove', { documentId: id, reason: 'Sent by mistake', password: PASSWORD });
    expect(await errorCode(core.invoke('documents.open', { documentId: id }))).toBe('conflict');
    const doc = (await core.invoke('documents.list', { ownerType: 'child', ownerId: childId })).documents.find((d) => d.id === id);
    expect(doc?.removed).toMatchObject({ byName: 'Test mark', reason: 'Sent by mistake' });
    await as(ADMIN.username);
    const { entries } = await core.invoke('audit.list', { recordId: `document:${id}` });
    expect(entries.map((e) => e.channel)).toEqual(expect.arrayContaining(['documents.saveCopy', 'documents.remove']));
    expect(JSON.stringify(entries)).not.toContain('Sent by mistake');
  });
});
