import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { addYearsMonths, dueOn, ruleInWords } from '../../shared/domain/retention';
import { addUserAndLogin, ADMIN, errorCode, loginAdmin, rawKeyFromRecovery, setUpCore } from './helpers';
import { holds, plaintextOf } from './sqlcipher-pages';

// Retention, disposal and subject access (issue 16).

describe('due dates from each rule (date-only arithmetic)', () => {
  const left = (dateOfBirth: string, leavingDate: string | null) => ({ dateOfBirth, leavingDate });
  it('3 years after the child leaves; nothing is due for a child who has not left', () => {
    expect(dueOn({ kind: 'after-leaving', years: 3, months: 0 }, left('2021-01-10', '2025-07-18'))).toBe('2028-07-18');
    expect(dueOn({ kind: 'after-leaving', years: 3, months: 0 }, left('2021-01-10', null))).toBeNull();
  });
  it('21 years and 3 months after the date of birth (accidents, incidents, medication)', () => {
    expect(dueOn({ kind: 'after-birth', years: 21, months: 3 }, left('2021-01-10', null))).toBe('2042-04-10');
    // Month ends: 30 November + 3 months has no 30 February, so it is the 1st of March (never a day early).
    expect(dueOn({ kind: 'after-birth', years: 21, months: 3 }, left('2020-11-30', null))).toBe('2042-03-02');
    expect(addYearsMonths('2020-11-30', 21, 3)).toBe('2042-03-02');
  });
  it('the 25th birthday (safeguarding, sharing decisions), across a leap day', () => {
    expect(dueOn({ kind: 'after-birth', years: 25, months: 0 }, left('2021-01-10', '2024-01-01'))).toBe('2046-01-10');
    // Born on 29 February: 2045 has no 29 February, so the 25th birthday counts from 1 March.
    expect(dueOn({ kind: 'after-birth', years: 25, months: 0 }, left('2020-02-29', null))).toBe('2045-03-01');
    // ...and in a leap year it is the 29th itself.
    expect(dueOn({ kind: 'after-birth', years: 28, months: 0 }, left('2020-02-29', null))).toBe('2048-02-29');
    // Left on a leap day: 3 years on is 1 March.
    expect(dueOn({ kind: 'after-leaving', years: 3, months: 0 }, left('2019-05-01', '2024-02-29'))).toBe('2027-03-01');
  });
  it('says each rule in words', () => {
    expect(ruleInWords({ kind: 'after-leaving', years: 3, months: 0 })).toBe('3 years after the child leaves');
    expect(ruleInWords({ kind: 'after-birth', years: 21, months: 3 })).toBe('until 21 years and 3 months after the child’s date of birth');
    expect(ruleInWords({ kind: 'after-birth', years: 25, months: 0 })).toBe('until the child’s 25th birthday');
    expect(ruleInWords({ kind: 'with-records' })).toBe('as long as the records they refer to');
  });
});

let now = new Date('2026-11-25T10:00:00Z');
let core: Core;
let dir: string;
let recoveryKey: string;
let cleanup: () => Promise<void>;
let childId: string;
let otherId: string;
const CANARY = 'Zebracanary7Q';

async function asAdmin() {
  const { session } = await core.invoke('auth.session');
  if (session?.username !== ADMIN.username) await loginAdmin(core);
}
async function asDina() {
  const { session } = await core.invoke('auth.session');
  if (session?.username !== 'dina') await core.invoke('auth.login', { username: 'dina', password: 'a new password 22' });
}

beforeAll(async () => {
  ({ core, dir, recoveryKey, cleanup } = await setUpCore({ now: () => now }));
  await addUserAndLogin(core, 'dina', ['dsl']);
  await asAdmin();
  childId = (
    await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2021-01-10', status: 'left', startDate: '2023-01-09', leavingDate: '2025-07-18', notes: `Notes ${CANARY}1` })
  ).id;
  otherId = (await core.invoke('children.create', { legalName: 'Oscar Finch', dateOfBirth: '2021-03-03', room: 'Rainbow' })).id;
  const { id: mum } = await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true, phone: '07700 900001', notes: `Carer ${CANARY}2` });
  await core.invoke('children.addHealth', { childId, kind: 'allergy', name: 'Peanuts', severity: 'mild', details: `From the GP ${CANARY}3`, source: 'agency', sourceAgency: 'Riverside GP surgery' });
  await core.invoke('children.addHealth', { childId, kind: 'medication', name: 'Inhaler', dose: '2 puffs', timing: 'When wheezy', storedWhere: 'Office cupboard', details: `Medication ${CANARY}4` });
  await core.invoke('consent.record', { childId, scope: 'diary', recipients: 'all-partners', givenByCarerId: mum, givenOn: '2023-01-09', method: 'written', evidence: `Consent ${CANARY}5` });
  await core.invoke('diary.add', { childId, day: '2025-06-02', time: '10:00', category: 'learning', from: { kind: 'staff' }, to: { kind: 'carer' }, text: `Built a tower with Oscar today. ${CANARY}6` });
  await core.invoke('diary.add', { childId, day: '2025-06-03', time: '11:00', category: 'accident', from: { kind: 'staff' }, to: { kind: 'carer' }, text: `Bumped her knee in the garden. ${CANARY}7` });
  await asDina();
  await core.invoke('concerns.record', { childId, observedAt: '2025-06-04T09:00:00Z', category: 'neglect', description: `Came in hungry again. ${CANARY}8`, lateEntryReason: 'Written up from notes.' });
}, 180_000);
afterAll(async () => cleanup());

describe('rules', () => {
  it('each kind of record has its default and the one-sentence reason for it; a manager changes one with a reason, and it is recorded', async () => {
    await asAdmin();
    const { rules, staffNames } = await core.invoke('retention.rules');
    expect(staffNames).toBe('review');
    expect(rules.map((r) => [r.type, r.ruleText])).toEqual([
      ['child-record', '3 years after the child leaves'],
      ['accident-medication', 'until 21 years and 3 months after the child’s date of birth'],
      ['diary', '3 years after the child leaves'],
      ['meetings', '3 years after the child leaves'],
      ['agreements-observations', '3 years after the child leaves'],
      ['documents', '3 years after the child leaves'],
      ['safeguarding', 'until the child’s 25th birthday'],
      ['sharing-decisions', 'until the child’s 25th birthday'],
      ['audit', 'as long as the records they refer to'],
    ]);
    for (const r of rules) expect(r.reason).toMatch(/^[A-Z][^.]+[.]$/);
    await core.invoke('retention.setRule', { type: 'diary', rule: { kind: 'after-leaving', years: 4, months: 0 }, reason: 'Our local authority asks for four years.' });
    const after = (await core.invoke('retention.rules')).rules.find((r) => r.type === 'diary')!;
    expect(after).toMatchObject({ ruleText: '4 years after the child leaves', defaultText: '3 years after the child leaves', changed: { by: ADMIN.fullName, reason: 'Our local authority asks for four years.' } });
    await core.invoke('retention.setRule', { type: 'diary', rule: { kind: 'after-leaving', years: 3, months: 0 }, reason: 'Back to the default.' });
    expect(await errorCode(core.invoke('retention.setRule', { type: 'audit', rule: { kind: 'after-leaving', years: 1, months: 0 }, reason: 'x' }))).toBe('invalid-input');
    await asDina();
    expect(await errorCode(core.invoke('retention.setRule', { type: 'diary', rule: { kind: 'after-leaving', years: 1, months: 0 }, reason: 'x' }))).toBe('forbidden');
  });
});

describe('subject access', () => {
  it('lists other children, staff and other agencies’ information for review; a redacted name is left out of the export and the review is kept', async () => {
    await asDina();
    const prep = await core.invoke('sar.prepare', { childId });
    expect(prep.includesSafeguarding).toBe(true);
    expect(prep.sections.map((s) => s.title)).toContain('Safeguarding file');
    const oscar = prep.items.find((i) => i.kind === 'other-child')!;
    expect(oscar).toMatchObject({ who: 'Oscar Finch', section: 'Diary' });
    expect(oscar.excerpt).toContain('Oscar');
    expect(prep.items.some((i) => i.kind === 'third-party' && i.who === 'Riverside GP surgery')).toBe(true);
    expect(prep.items.some((i) => i.kind === 'staff')).toBe(true);
    // Every item must be decided.
    expect(await errorCode(core.invoke('sar.review', { childId, requestedBy: 'Sarah Jones (Mother)', decisions: [] }))).toBe('invalid-input');
    const decisions = prep.items.map((i) => ({
      key: i.key,
      outcome: i.kind === 'other-child' ? ('redacted' as const) : i.kind === 'third-party' ? ('withheld' as const) : ('released' as const),
      reason: i.kind === 'other-child' ? 'Another child’s name.' : i.kind === 'third-party' ? 'The GP’s information: ask the GP.' : 'Staff act in their work role.',
    }));
    const { id } = await core.invoke('sar.review', { childId, requestedBy: 'Sarah Jones (Mother)', decisions });
    const exported = await core.invoke('sar.export', { reviewId: id });
    const json = JSON.stringify(exported);
    expect(json).not.toContain('Oscar');
    expect(json).not.toContain(`${CANARY}3`);
    const diary = exported.sections.find((s) => s.id === 'diary')!;
    expect(diary.entries[0].fields.find((f) => f.label === 'Entry')!.value).toEqual([{ text: 'Built a tower with ' }, { redacted: true }, { text: ` today. ${CANARY}6` }]);
    expect(exported.sections.find((s) => s.id === 'health')!.entries[0]).toMatchObject({ withheld: true, fields: [] });
    expect((await core.invoke('sar.prepare', { childId })).reviews[0]).toMatchObject({ requestedBy: 'Sarah Jones (Mother)', redacted: 1, withheld: 1 });
    // A manager without the DSL role gets no safeguarding file in the export.
    await asAdmin();
    expect((await core.invoke('sar.export', { reviewId: id })).sections.some((s) => s.id === 'safeguarding')).toBe(false);
  });

  it('refuses to export when the record changed since the review', async () => {
    await asDina();
    const prep = await core.invoke('sar.prepare', { childId });
    const { id } = await core.invoke('sar.review', { childId, requestedBy: 'Mother', decisions: prep.items.map((i) => ({ key: i.key, outcome: 'released' as const, reason: 'Fine.' })) });
    await asAdmin();
    await core.invoke('diary.add', { childId, day: '2025-06-05', category: 'learning', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Painted with Oscar.' });
    await asDina();
    expect(await errorCode(core.invoke('sar.export', { reviewId: id }))).toBe('conflict');
  });
});

describe('review and disposal', () => {
  it('nothing is due before its day; on the day the set is listed, can be kept longer with a reason, and comes back on the new review day', async () => {
    await asAdmin();
    expect((await core.invoke('retention.due')).sets).toEqual([]);
    expect(await errorCode(core.invoke('retention.dispose', { childId, type: 'diary', password: ADMIN.password }))).toBe('conflict');
    now = new Date('2028-07-18T09:00:00Z');
    await asAdmin();
    const { sets } = await core.invoke('retention.due');
    expect(sets.map((s) => [s.childName, s.type, s.dueOn])).toEqual([
      ['Millie (Amelia Jones)', 'child-record', '2028-07-18'],
      ['Millie (Amelia Jones)', 'diary', '2028-07-18'],
    ]);
    expect((await core.invoke('retention.dueCount')).count).toBe(2);
    expect(await errorCode(core.invoke('retention.keep', { childId, type: 'diary', reason: 'A complaint is open.', reviewOn: '2028-07-18' }))).toBe('invalid-input');
    await core.invoke('retention.keep', { childId, type: 'diary', reason: 'A complaint is open.', reviewOn: '2028-09-01' });
    expect((await core.invoke('retention.due')).sets.map((s) => s.type)).toEqual(['child-record']);
    now = new Date('2028-09-01T09:00:00Z');
    await asAdmin();
    expect((await core.invoke('retention.due')).sets.find((s) => s.type === 'diary')).toMatchObject({ keptUntil: '2028-09-01', keptReason: 'A complaint is open.' });
  });

  it('disposal asks for the manager’s password; it removes the content from every byte of every file and keeps the record of what went', async () => {
    await asAdmin();
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    // The canary is found in the decrypted pages before: the search can fail.
    expect(holds(plaintextOf(dir, key), `${CANARY}6`)).toBe(true);
    expect(holds(plaintextOf(dir, key), `${CANARY}2`)).toBe(true);
    expect(await errorCode(core.invoke('retention.dispose', { childId, type: 'diary', password: 'not my password' }))).toBe('wrong-credentials');
    const diary = await core.invoke('retention.dispose', { childId, type: 'diary', password: ADMIN.password });
    expect(diary.counts).toEqual([{ label: 'diary entries', n: 2 }]);
    expect(diary.childReference).toMatch(/^C-[0-9A-F]{8}$/);
    expect(diary.staleBackups).toEqual([]);
    const record = await core.invoke('retention.dispose', { childId, type: 'child-record', password: ADMIN.password });
    // One of a kind reads as one ("1 parent or carer"), any other number as many ("2 subject access reviews").
    expect(record.counts).toEqual(
      expect.arrayContaining([
        { label: 'record of the child’s details', n: 1 },
        { label: 'parent or carer', n: 1 },
        { label: 'consent or refusal', n: 1 },
        { label: 'subject access reviews', n: 2 },
      ]),
    );
    const files = plaintextOf(dir, key);
    for (const n of [1, 2, 3, 5, 6]) expect(holds(files, `${CANARY}${n}`), `canary ${n}`).toBe(false);
    // The accident (21 years 3 months) and the concern (25th birthday) are still kept.
    expect(holds(files, `${CANARY}7`)).toBe(true);
    expect(holds(files, `${CANARY}8`)).toBe(true);
    // The record of disposal: kind, the child's reference (not the name), counts, who and when.
    const { disposals } = await core.invoke('retention.due');
    expect(disposals.map((d) => [d.type, d.childReference, d.byName])).toEqual([
      ['child-record', record.childReference, ADMIN.fullName],
      ['diary', diary.childReference, ADMIN.fullName],
    ]);
    expect(JSON.stringify(disposals)).not.toContain('Amelia');
    const audit = await core.invoke('audit.list', { limit: 20 });
    const entry = audit.entries.find((e) => e.channel === 'retention.dispose')!;
    expect(entry.userName).toBe(ADMIN.fullName);
    expect(JSON.stringify(audit.entries)).not.toContain(CANARY);
  }, 60_000);

  it('the safeguarding file goes only through disposal: a plain delete is refused, and the flag row is never left behind', async () => {
    const { openDatabase } = await import('../../electron/core/db/connection');
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    // A second connection while the core holds the first: reads and a refused delete only.
    const db = openDatabase(join(dir, 'twoway.db'), key);
    try {
      expect(() => db.exec('DELETE FROM concerns')).toThrow(/never deleted/);
      expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
      expect(db.prepare('SELECT count(*) AS n FROM retention_disposing').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('when the last of a child’s records goes, so do the audit entries about the child and the child; the audit chain still verifies', async () => {
    now = new Date('2046-02-01T09:00:00Z');
    await asAdmin();
    const sets = (await core.invoke('retention.due')).sets.filter((s) => s.childId === childId);
    expect(sets.map((s) => s.type)).toEqual(['accident-medication', 'safeguarding']);
    await core.invoke('retention.dispose', { childId, type: 'accident-medication', password: ADMIN.password });
    const last = await core.invoke('retention.dispose', { childId, type: 'safeguarding', password: ADMIN.password });
    // The write-ahead log was emptied once the disposal and its audit entry were committed.
    expect(statSync(join(dir, 'twoway.db-wal')).size).toBe(0);
    expect(last.counts.map((c) => c.label)).toEqual(expect.arrayContaining(['audit entries about the child', 'the child’s name and date of birth']));
    expect(await errorCode(core.invoke('sar.prepare', { childId }))).toBe('not-found');
    expect((await core.invoke('audit.verify')).ok).toBe(true);
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    const files = plaintextOf(dir, key);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(holds(files, `${CANARY}${n}`), `canary ${n}`).toBe(false);
    expect(holds(files, 'Amelia Jones')).toBe(false);
    // The other child is untouched.
    expect((await core.invoke('children.get', { childId: otherId })).child.legalName).toBe('Oscar Finch');
  }, 60_000);
});
