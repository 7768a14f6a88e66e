import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { pdfWithText } from '../fixtures/files';
import { addUserAndLogin, ADMIN, rawKeyFromRecovery, setUpCore } from './helpers';
import { holds, plaintextOf } from './sqlcipher-pages';

// Retention (issue 16) over the records added beside it: termly joint meetings, observations and
// home visits, documents, and children linked to a concern. Each has its rule and its disposal;
// once the last of a child's records goes, nothing of them is left in any byte of the data folder.

let now = new Date('2026-11-25T10:00:00Z');
let core: Core;
let dir: string;
let recoveryKey: string;
let cleanup: () => Promise<void>;
let childId: string;
let otherId: string;
const CANARY = 'Quokkacanary3R';

async function as(username: string, password: string) {
  const { session } = await core.invoke('auth.session');
  if (session?.username !== username) await core.invoke('auth.login', { username, password });
}
const asAdmin = () => as(ADMIN.username, ADMIN.password);
const asDina = () => as('dina', 'a new password 22');

beforeAll(async () => {
  ({ core, dir, recoveryKey, cleanup } = await setUpCore({ now: () => now }));
  await addUserAndLogin(core, 'dina', ['dsl']);
  await asAdmin();
  const { id: partner } = await core.invoke('partners.create', { name: 'Sunshine Childminding', kind: 'childminder' });
  childId = (await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2021-01-10', status: 'left', startDate: '2023-01-09', leavingDate: '2025-07-18' })).id;
  otherId = (await core.invoke('children.create', { legalName: 'Oscar Finch', dateOfBirth: '2021-03-03', room: 'Rainbow' })).id;
  const { id: mum } = await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true });
  const { id: care } = await core.invoke('children.addSharedCare', { childId, partnerId: partner, days: [{ day: 'wed', session: 'all-day' }] });
  await core.invoke('meetings.book', { childId, on: '2026-11-26', at: '15:00', format: 'video', videoLink: `https://meet.example.org/${CANARY}1`, carerIds: [mum], sharedCareIds: [care] });
  await core.invoke('observations.add', { childId, observedOn: '2025-06-02', areas: ['mathematics'], text: `Counted to ten. ${CANARY}2` });
  await core.invoke('homevisits.record', { childId, visitedOn: '2025-05-01', who: 'Kate', notes: `Visit notes ${CANARY}3` });
  await core.invoke('documents.add', {
    ownerType: 'child',
    ownerId: childId,
    title: 'Letter from the GP',
    source: { kind: 'us' },
    fileName: 'letter.pdf',
    mime: 'application/pdf',
    data: pdfWithText(`Letter ${CANARY}4`).toString('base64'),
  } as never);
  await asDina();
  const { id: concernId } = await core.invoke('concerns.record', {
    childId,
    observedAt: '2025-06-04T09:00:00Z',
    category: 'child-on-child',
    description: `Pushed another child. ${CANARY}5`,
    lateEntryReason: 'Written up from notes.',
    otherChildren: [{ childId: otherId }],
  } as never);
  await core.invoke('documents.add', {
    ownerType: 'concern',
    ownerId: concernId,
    title: 'Body map drawn on paper',
    source: { kind: 'us' },
    fileName: 'body-map.pdf',
    mime: 'application/pdf',
    data: pdfWithText(`Body map ${CANARY}6`).toString('base64'),
  } as never);
}, 180_000);
afterAll(async () => cleanup());

describe('retention of meetings, observations, home visits, documents and linked children', () => {
  it('each has its rule and reason, is due 3 years after the child leaves, and is disposed of without leaving a byte behind', async () => {
    await asAdmin();
    const { rules } = await core.invoke('retention.rules');
    for (const type of ['meetings', 'agreements-observations', 'documents'] as const) {
      expect(rules.find((r) => r.type === type)).toMatchObject({ reason: expect.stringContaining('3 years after the child leaves') });
    }
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    for (const n of [1, 2, 3, 4, 5, 6]) expect(holds(plaintextOf(dir, key), `${CANARY}${n}`), `canary ${n} before`).toBe(true);

    // A backup made now still holds these records after they are disposed of: the office is told.
    const backupFolder = mkdtempSync(join(tmpdir(), 'twoway-retention-backups-'));
    const { file } = await core.invoke('backup.create', { folder: backupFolder });

    now = new Date('2028-07-18T09:00:00Z');
    await asAdmin();
    const due = (await core.invoke('retention.due')).sets.filter((s) => s.childId === childId).map((s) => s.type);
    expect(due).toEqual(expect.arrayContaining(['child-record', 'meetings', 'agreements-observations', 'documents']));
    for (const type of ['meetings', 'agreements-observations', 'documents', 'child-record'] as const) {
      const { staleBackups } = await core.invoke('retention.dispose', { childId, type, password: ADMIN.password });
      expect(staleBackups.map((b) => b.where)).toEqual([file]);
    }
    let files = plaintextOf(dir, key);
    for (const n of [1, 2, 3, 4]) expect(holds(files, `${CANARY}${n}`), `canary ${n}`).toBe(false);
    // The concern and its document stay with the safeguarding file until the 25th birthday.
    expect(holds(files, `${CANARY}5`)).toBe(true);
    expect(holds(files, `${CANARY}6`)).toBe(true);

    now = new Date('2046-02-01T09:00:00Z');
    await asAdmin();
    for (const set of (await core.invoke('retention.due')).sets.filter((s) => s.childId === childId)) {
      await core.invoke('retention.dispose', { childId, type: set.type, password: ADMIN.password });
    }
    files = plaintextOf(dir, key);
    for (const n of [5, 6]) expect(holds(files, `${CANARY}${n}`), `canary ${n}`).toBe(false);
    expect(holds(files, 'Amelia Jones')).toBe(false);
    expect((await core.invoke('audit.verify')).ok).toBe(true);
    // The other child named in the concern is untouched.
    expect((await core.invoke('children.get', { childId: otherId })).child.legalName).toBe('Oscar Finch');
  }, 120_000);
});
