import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrations';
import type { Core } from '../../electron/core/index';
import { addUserAndLogin, ADMIN, errorCode, loginAdmin, setUpCore, tempDataDir } from './helpers';

// A fixed clock: Sunday 29 November 2026, 18:00 in London (the end of the week the entries are written in:
// a diary entry cannot be dated in the future).
const NOW = new Date('2026-11-29T18:00:00Z');
const WEEK = '2026-11-23';

let core: Core;
let cleanup: () => Promise<void>;
let childId: string;
let otherChildId: string;
let mumId: string;
let dadId: string;
let otherMumId: string;
let sunshineId: string;
let oakId: string;
let officeUserId: string;

const as = async (username: 'office' | 'pat' | 'admin') => {
  const { session } = await core.invoke('auth.session');
  if (session?.username === (username === 'admin' ? ADMIN.username : username)) return;
  if (username === 'admin') await loginAdmin(core);
  else await core.invoke('auth.login', { username, password: 'a new password 22' });
};

beforeAll(async () => {
  ({ core, cleanup } = await setUpCore({ now: () => NOW }));
  await loginAdmin(core);
  sunshineId = (await core.invoke('partners.create', { name: 'Sunshine Childminding', kind: 'childminder' })).id;
  oakId = (await core.invoke('partners.create', { name: 'Oak Tree Pre-school', kind: 'setting' })).id;
  childId = (
    await core.invoke('children.create', {
      legalName: 'Amelia Jones',
      preferredName: 'Millie',
      dateOfBirth: '2023-03-14',
      room: 'Rainbow',
      attendance: ['mon', 'tue', 'thu', 'fri'].map((day) => ({ day: day as 'mon', session: 'all-day' as const })),
    })
  ).id;
  otherChildId = (await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2023-01-02', room: 'Rainbow' })).id;
  mumId = (await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'mother', parentalResponsibility: true, livesWithChild: true })).id;
  dadId = (await core.invoke('carers.create', { childId, fullName: 'Tom Jones', relationship: 'father', parentalResponsibility: true })).id;
  otherMumId = (await core.invoke('carers.create', { childId: otherChildId, fullName: 'Aisha Ahmed', relationship: 'mother', parentalResponsibility: true })).id;
  await core.invoke('children.addSharedCare', { childId, partnerId: sunshineId, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Jo Smith' });
  await addUserAndLogin(core, 'pat', ['practitioner']);
  await addUserAndLogin(core, 'office', ['office']);
  officeUserId = (await core.invoke('auth.session')).session!.userId;
}, 120_000);
afterAll(async () => cleanup());

describe('entries', () => {
  it('records entries from our staff, a parent and a partner setting, and shows them in the week', async () => {
    await as('office');
    const staff = await core.invoke('diary.add', {
      childId,
      day: '2026-11-23',
      time: '08:40',
      category: 'arrival',
      from: { kind: 'staff' },
      to: { kind: 'carer' },
      text: 'Arrived happily with Mum, went straight to the sand tray.',
    });
    const parent = await core.invoke('diary.add', {
      childId,
      day: '2026-11-23',
      time: '07:30',
      category: 'sleep',
      from: { kind: 'carer', carerId: mumId },
      to: { kind: 'staff' },
      text: 'Woke at 5am teething, may be tired this afternoon.',
      needsFollowUp: true,
    });
    const partner = await core.invoke('diary.add', {
      childId,
      day: '2026-11-25',
      category: 'food',
      from: { kind: 'partner', partnerId: sunshineId, person: 'Jo Smith' },
      to: { kind: 'staff' },
      text: 'Ate all her lunch, tried peppers for the first time.',
      transcribedFrom: sunshineId,
    });
    expect(staff.shares).toEqual([]);

    const week = await core.invoke('diary.childWeek', { childId, week: '2026-11-27' });
    expect(week.weekStart).toBe(WEEK);
    expect(week.child).toEqual({ childId, name: 'Millie (Amelia Jones)', room: 'Rainbow' });
    expect(week.days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    // Shared care: with us Monday, Tuesday, Thursday, Friday; at the childminder on Wednesday.
    expect(week.days.map((d) => d.here)).toEqual([true, true, false, true, true, false, false]);
    expect(week.days[2].partners).toEqual([{ partnerId: sunshineId, name: 'Sunshine Childminding' }]);

    // Ordered by day and time.
    expect(week.entries.map((e) => e.id)).toEqual([parent.id, staff.id, partner.id]);
    const [p, s, t] = week.entries;
    expect(s.from).toEqual({ kind: 'staff', id: officeUserId, name: 'Test office', person: null });
    expect(s.to).toEqual({ kind: 'carer', id: null, name: 'Parents and carers', person: null });
    expect(p.from).toEqual({ kind: 'carer', id: mumId, name: 'Sarah Jones (mother)', person: null });
    expect(p.needsFollowUp).toBe(true);
    expect(p.followUp).toBeNull();
    expect(t.from).toEqual({ kind: 'partner', id: sunshineId, name: 'Sunshine Childminding (Jo Smith)', person: 'Jo Smith' });
    expect(t.transcribedFrom).toEqual({ partnerId: sunshineId, name: 'Sunshine Childminding' });
    expect(t.time).toBeNull();
    expect(t.revision).toBe(1);
    expect(t.createdByName).toBe('Test office');
  });

  it('refuses a carer of another child, an unknown partner and a bad time', async () => {
    await as('office');
    const base = { childId, day: '2026-11-24', category: 'message' as const, to: { kind: 'staff' as const }, text: 'Hello' };
    await expect(core.invoke('diary.add', { ...base, from: { kind: 'carer', carerId: otherMumId } })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['from', 'carerId'] }],
    });
    await expect(core.invoke('diary.add', { ...base, from: { kind: 'partner', partnerId: 'no-such-partner' } })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['from', 'partnerId'] }],
    });
    expect(await errorCode(core.invoke('diary.add', { ...base, from: { kind: 'staff' }, time: '25:00' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('diary.add', { ...base, childId: 'nobody', from: { kind: 'staff' } }))).toBe('not-found');
  });

  it('lets a practitioner read and add, but not plan the week or share', async () => {
    await as('pat');
    const { id } = await core.invoke('diary.add', {
      childId,
      day: '2026-11-24',
      time: '11:15',
      category: 'toileting',
      from: { kind: 'staff' },
      to: { kind: 'carer', carerId: dadId },
      text: 'Used the potty twice today.',
    });
    const week = await core.invoke('diary.childWeek', { childId, week: WEEK });
    expect(week.entries.find((e) => e.id === id)?.to.name).toBe('Tom Jones (father)');
    expect(await errorCode(core.invoke('diary.setWeekPlan', { week: WEEK, theme: 'x', activities: '' }))).toBe('forbidden');
    expect(await errorCode(core.invoke('diary.share', { entryId: id, partnerId: sunshineId, method: 'communication-book' }))).toBe('forbidden');
    expect(
      await errorCode(
        core.invoke('diary.add', {
          childId,
          day: '2026-11-24',
          category: 'message',
          from: { kind: 'staff' },
          to: { kind: 'staff' },
          text: 'Share this',
          shareWith: [sunshineId],
          shareMethod: 'communication-book',
        }),
      ),
    ).toBe('forbidden');
  });

  it('puts entries into London weeks across the March clock change', async () => {
    await as('office');
    const sunday = await core.invoke('diary.add', { childId, day: '2026-03-29', time: '23:30', category: 'other', from: { kind: 'carer', carerId: dadId }, to: { kind: 'staff' }, text: 'Late night after the clocks changed.' });
    const monday = await core.invoke('diary.add', { childId, day: '2026-03-30', time: '00:30', category: 'sleep', from: { kind: 'carer', carerId: dadId }, to: { kind: 'staff' }, text: 'Still awake.' });
    const before = await core.invoke('diary.childWeek', { childId, week: '2026-03-29' });
    expect(before.weekStart).toBe('2026-03-23');
    expect(before.entries.map((e) => e.id)).toEqual([sunday.id]);
    const after = await core.invoke('diary.childWeek', { childId, week: '2026-03-30' });
    expect(after.entries.map((e) => e.id)).toEqual([monday.id]);
  });
});

describe('amendments', () => {
  it('keeps every revision and shows the latest; search follows the latest text', async () => {
    // Written by a practitioner, corrected by the office (who may correct anyone's entry).
    await as('pat');
    const { id } = await core.invoke('diary.add', {
      childId,
      day: '2026-11-26',
      time: '12:00',
      category: 'food',
      from: { kind: 'staff' },
      to: { kind: 'carer' },
      text: 'Ate sweetcorn and rice at lunch.',
    });
    await as('office');
    const amended = await core.invoke('diary.amend', { entryId: id, text: 'Ate broccoli and rice at lunch.', reason: 'It was broccoli, not sweetcorn.' });
    expect(amended).toEqual({ id, revision: 2 });
    await core.invoke('diary.amend', { entryId: id, text: 'Ate broccoli and rice at lunch.', category: 'food', time: '12:15', reason: 'Lunch was late.' });

    const { entry, revisions } = await core.invoke('diary.entry', { entryId: id });
    expect(entry.text).toBe('Ate broccoli and rice at lunch.');
    expect(entry.time).toBe('12:15');
    expect(entry.revision).toBe(3);
    expect(revisions.map((r) => [r.revision, r.text, r.time, r.reason, r.byName])).toEqual([
      [1, 'Ate sweetcorn and rice at lunch.', '12:00', null, 'Test pat'],
      [2, 'Ate broccoli and rice at lunch.', '12:00', 'It was broccoli, not sweetcorn.', 'Test office'],
      [3, 'Ate broccoli and rice at lunch.', '12:15', 'Lunch was late.', 'Test office'],
    ]);

    expect((await core.invoke('diary.search', { query: 'broccoli' })).hits.map((h) => h.entryId)).toEqual([id]);
    expect((await core.invoke('diary.search', { query: 'sweetcorn' })).hits).toEqual([]);
  });

  it('refuses an amendment that changes nothing, or has no reason', async () => {
    await as('office');
    const { id } = await core.invoke('diary.add', { childId, day: '2026-11-26', category: 'other', from: { kind: 'staff' }, to: { kind: 'staff' }, text: 'Same.' });
    await expect(core.invoke('diary.amend', { entryId: id, text: 'Same.', reason: 'No change' })).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['text'] }] });
    expect(await errorCode(core.invoke('diary.amend', { entryId: id, text: 'Different.', reason: '' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('diary.amend', { entryId: 'missing', text: 'Different.', reason: 'x' }))).toBe('not-found');
  });

  it('cannot rewrite or delete history even with SQL', () => {
    const { dir, cleanup: remove } = tempDataDir();
    const db = openDatabase(join(dir, 'probe.db'), randomBytes(32));
    try {
      migrate(db);
      const at = '2026-11-25T10:00:00.000Z';
      db.exec(`INSERT INTO users (id, username, full_name, roles, created_at, updated_at) VALUES ('u', 'u', 'U', '[]', '${at}', '${at}')`);
      db.exec(`INSERT INTO children (id, legal_name, date_of_birth, created_at, updated_at) VALUES ('c', 'C', '2023-01-01', '${at}', '${at}')`);
      db.exec('BEGIN');
      db.exec(`INSERT INTO diary_revisions (id, entry_id, rev, text, category, by_user, at) VALUES (1, 'e', 1, 'Original', 'other', 'u', '${at}')`);
      db.exec(`INSERT INTO diary_entries (id, child_id, day, category, current_rev, from_kind, from_name, to_kind, to_name, created_by, created_at)
               VALUES ('e', 'c', '2026-11-25', 'other', 1, 'staff', 'U', 'staff', 'Our staff', 'u', '${at}')`);
      db.exec('COMMIT');
      expect(() => db.exec(`UPDATE diary_revisions SET text = 'Rewritten' WHERE id = 1`)).toThrow(/amendment/);
      expect(() => db.exec('DELETE FROM diary_revisions')).toThrow(/never deleted/);
      expect(() => db.exec('DELETE FROM diary_entries')).toThrow(/never deleted/);
      expect(() => db.exec(`UPDATE diary_entries SET day = '2026-11-26'`)).toThrow(/cannot be changed/);
      expect(() => db.exec(`UPDATE diary_entries SET from_name = 'Someone else'`)).toThrow(/cannot be changed/);
      // An entry without its original revision is refused at commit.
      expect(() => {
        db.exec('BEGIN');
        try {
          db.exec(`INSERT INTO diary_revisions (id, entry_id, rev, text, category, by_user, at) VALUES (2, 'ghost', 1, 'x', 'other', 'u', '${at}')`);
          db.exec('COMMIT');
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
      remove();
    }
  });
});

describe('follow-ups', () => {
  it('shows open follow-ups in the room view until someone closes them, with who and when', async () => {
    await as('office');
    const { id } = await core.invoke('diary.add', {
      childId: otherChildId,
      day: '2026-11-24',
      category: 'message',
      from: { kind: 'carer', carerId: otherMumId },
      to: { kind: 'staff' },
      text: 'Please ring me about the trip form.',
      needsFollowUp: true,
    });
    const cellOf = async () => (await core.invoke('diary.roomWeek', { room: 'Rainbow', week: WEEK })).children.find((c) => c.childId === otherChildId)!.days[1];
    expect((await cellOf()).followUpsOpen).toBe(1);
    await core.invoke('diary.closeFollowUp', { entryId: id, note: 'Rang Mrs Ahmed at 3pm.' });
    expect((await cellOf()).followUpsOpen).toBe(0);
    const { entry } = await core.invoke('diary.entry', { entryId: id });
    expect(entry.followUp).toEqual({ closedByName: 'Test office', closedAt: NOW.toISOString(), note: 'Rang Mrs Ahmed at 3pm.' });
    expect(await errorCode(core.invoke('diary.closeFollowUp', { entryId: id }))).toBe('conflict');
  });
});

describe('sharing with partner settings', () => {
  let entryId: string;

  it('refuses to share without consent and says why', async () => {
    await as('office');
    ({ id: entryId } = await core.invoke('diary.add', {
      childId,
      day: '2026-11-26',
      time: '15:00',
      category: 'wellbeing',
      from: { kind: 'staff' },
      to: { kind: 'partner', partnerId: sunshineId },
      text: 'A bit unsettled after lunch, settled with a story.',
    }));
    const refused = await core.invoke('diary.share', { entryId, partnerId: sunshineId, method: 'communication-book' });
    expect(refused).toEqual({ shared: false, reason: 'never-given', message: expect.stringContaining('No consent to share the diary') });
    const parties = await core.invoke('diary.parties', { childId, day: '2026-11-26' });
    expect(parties.partners.find((p) => p.partnerId === sunshineId)).toMatchObject({ attends: true, consent: { valid: false } });
    expect(parties.carers.map((c) => c.name)).toEqual(['Sarah Jones', 'Tom Jones']);
    expect(parties.staff.map((s) => s.name)).toContain('Test pat');
    // Nothing was recorded as shared.
    expect((await core.invoke('diary.sharingHistory', { childId })).shares).toEqual([]);
  });

  it('shares where the consent register covers the partner, and keeps what went to whom', async () => {
    await as('admin');
    const consentId = (
      await core.invoke('consent.record', { childId, scope: 'diary', recipients: [sunshineId], givenByCarerId: mumId, givenOn: '2026-11-02', method: 'written' })
    ).id;
    await as('office');
    const shared = await core.invoke('diary.share', { entryId, partnerId: sunshineId, method: 'communication-book' });
    expect(shared).toEqual({ shared: true, shareId: expect.any(String), consentId });
    // Oak Tree is not covered by that consent.
    const oak = await core.invoke('diary.share', { entryId, partnerId: oakId, method: 'secure-email' });
    expect(oak).toMatchObject({ shared: false, reason: 'recipient-not-covered', message: expect.stringContaining('Oak Tree Pre-school') });

    // A later amendment is not shared by itself: the history shows the revision that went.
    await core.invoke('diary.amend', { entryId, text: 'A bit unsettled after lunch; settled with a story and a cuddle.', reason: 'Added detail.' });
    const { shares } = await core.invoke('diary.sharingHistory', { childId });
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({
      entryId,
      partnerId: sunshineId,
      partnerName: 'Sunshine Childminding',
      consentId,
      method: 'communication-book',
      revision: 1,
      text: 'A bit unsettled after lunch, settled with a story.',
      sharedByName: 'Test office',
      day: '2026-11-26',
    });
    const week = await core.invoke('diary.childWeek', { childId, week: WEEK });
    expect(week.entries.find((e) => e.id === entryId)!.shares.map((s) => s.partnerName)).toEqual(['Sunshine Childminding']);
  });

  it('adds and shares in one step only when every partner is covered; otherwise nothing is saved', async () => {
    await as('office');
    const before = (await core.invoke('diary.childWeek', { childId, week: WEEK })).entries.length;
    await expect(
      core.invoke('diary.add', {
        childId,
        day: '2026-11-27',
        category: 'learning',
        from: { kind: 'staff' },
        to: { kind: 'partner', partnerId: oakId },
        text: 'Counted to ten.',
        shareWith: [sunshineId, oakId],
        shareMethod: 'printed-copy',
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Oak Tree Pre-school') });
    expect((await core.invoke('diary.childWeek', { childId, week: WEEK })).entries.length).toBe(before);

    const ok = await core.invoke('diary.add', {
      childId,
      day: '2026-11-27',
      category: 'learning',
      from: { kind: 'staff' },
      to: { kind: 'partner', partnerId: sunshineId },
      text: 'Counted to ten.',
      shareWith: [sunshineId],
      shareMethod: 'printed-copy',
    });
    expect(ok.shares).toEqual([{ partnerId: sunshineId, shareId: expect.any(String) }]);
    expect(await errorCode(core.invoke('diary.add', { childId, day: '2026-11-27', category: 'learning', from: { kind: 'staff' }, to: { kind: 'staff' }, text: 'x', shareWith: [sunshineId] }))).toBe('invalid-input');
  });
});

describe('week plans', () => {
  it('shows our plan and the plans of the settings the child attends that week; the latest wins', async () => {
    await as('office');
    await core.invoke('diary.setWeekPlan', { week: '2026-11-25', theme: 'Autumn leaves', activities: 'Leaf printing; a walk to the park' });
    await core.invoke('diary.setWeekPlan', { week: WEEK, partnerId: sunshineId, theme: 'Farm animals', activities: 'Visit to the city farm on Wednesday' });
    await core.invoke('diary.setWeekPlan', { week: WEEK, partnerId: oakId, theme: 'Space', activities: 'Rockets' });
    let week = await core.invoke('diary.childWeek', { childId, week: WEEK });
    expect(week.plans.map((p) => [p.partnerId, p.settingName, p.theme])).toEqual([
      [null, 'Little Acorns Pre-school', 'Autumn leaves'],
      [sunshineId, 'Sunshine Childminding', 'Farm animals'],
    ]);
    await core.invoke('diary.setWeekPlan', { week: WEEK, theme: 'Autumn', activities: 'Leaf printing' });
    week = await core.invoke('diary.childWeek', { childId, week: WEEK });
    expect(week.plans[0]).toMatchObject({ theme: 'Autumn', activities: 'Leaf printing', updatedByName: 'Test office' });
    const room = await core.invoke('diary.roomWeek', { room: 'Rainbow', week: WEEK });
    expect(room.plan?.theme).toBe('Autumn');
    // Clearing a plan: both fields empty.
    await core.invoke('diary.setWeekPlan', { week: WEEK, partnerId: sunshineId, theme: '', activities: '' });
    week = await core.invoke('diary.childWeek', { childId, week: WEEK });
    expect(week.plans.map((p) => p.partnerId)).toEqual([null]);
  });
});

describe('room week', () => {
  it('counts entries, accidents and medication per child and day', async () => {
    await as('office');
    for (const [category, text] of [
      ['accident', 'Bumped head on the table, cold compress applied.'],
      ['health', 'Calpol 5ml given at 13:00 as agreed with Mum.'],
      ['health', 'Inhaler given at 14:00.'],
    ] as const) {
      await core.invoke('diary.add', { childId: otherChildId, day: '2026-11-26', category, from: { kind: 'staff' }, to: { kind: 'carer' }, text });
    }
    const room = await core.invoke('diary.roomWeek', { room: 'Rainbow', week: '2026-11-29' });
    expect(room.weekStart).toBe(WEEK);
    expect(room.children.map((c) => c.name)).toEqual(['Millie (Amelia Jones)', 'Ben Ahmed']);
    const ben = room.children[1];
    expect(ben.days).toHaveLength(7);
    expect(ben.days[3]).toEqual({ day: '2026-11-26', entries: 3, followUpsOpen: 0, accidents: 1, medication: 2 });
    expect(ben.days[0]).toEqual({ day: WEEK, entries: 0, followUpsOpen: 0, accidents: 0, medication: 0 });
    const millie = room.children[0];
    expect(millie.days[0].entries).toBe(2);
    expect(millie.days[0].followUpsOpen).toBe(1); // woke early, needs follow-up
    const overview = await core.invoke('diary.overview');
    expect(overview.rooms).toEqual([{ room: 'Rainbow', children: 2 }]);
  });
});

describe('search', () => {
  it('finds words with highlights, filtered by child, room, category, source and dates, and opens at the week', async () => {
    await as('office');
    const teeth = await core.invoke('diary.search', { query: 'teeth' }); // the last word is a prefix: "teething"
    expect(teeth.hits).toHaveLength(1);
    expect(teeth.hits[0]).toMatchObject({ childId, childName: 'Millie (Amelia Jones)', room: 'Rainbow', day: '2026-11-23', weekStart: WEEK, category: 'sleep', fromName: 'Sarah Jones (mother)' });
    expect(teeth.hits[0].snippet).toEqual([
      { text: 'Woke at 5am ', hit: false },
      { text: 'teething', hit: true },
      { text: ', may be tired this afternoon.', hit: false },
    ]);

    const lunch = async (filters: Record<string, string>) =>
      (await core.invoke('diary.search', { query: 'lunch', ...filters })).hits.map((h) => `${h.day} ${h.category}`).sort();
    expect(await lunch({})).toEqual(['2026-11-25 food', '2026-11-26 food', '2026-11-26 wellbeing']);
    expect(await lunch({ category: 'food' })).toEqual(['2026-11-25 food', '2026-11-26 food']);
    expect(await lunch({ source: 'transcribed' })).toEqual(['2026-11-25 food']);
    expect(await lunch({ source: 'partner' })).toEqual(['2026-11-25 food']);
    expect(await lunch({ source: 'staff' })).toEqual(['2026-11-26 food', '2026-11-26 wellbeing']);
    expect(await lunch({ from: '2026-11-26', to: '2026-11-26' })).toEqual(['2026-11-26 food', '2026-11-26 wellbeing']);
    expect(await lunch({ childId: otherChildId })).toEqual([]);
    // Within one child's diary the same hits come back, newest day first, with the same highlights.
    const mine = await core.invoke('diary.search', { query: 'teeth', childId });
    expect(mine.hits).toEqual(teeth.hits);
    expect((await core.invoke('diary.search', { query: 'lunch', childId })).hits.map((h) => h.day)).toEqual(['2026-11-26', '2026-11-26', '2026-11-25']);
    expect(await lunch({ room: 'Rainbow' })).toHaveLength(3);
    expect(await lunch({ room: 'Sunflowers' })).toEqual([]);
    // Both words must match; a quoted phrase matches in order.
    expect((await core.invoke('diary.search', { query: 'potty twice' })).hits).toHaveLength(1);
    expect((await core.invoke('diary.search', { query: '"twice potty"' })).hits).toHaveLength(0);
    expect((await core.invoke('diary.search', { query: '"used the potty"' })).hits).toHaveLength(1);
    // What people type is never FTS syntax.
    for (const query of ['NEAR(lunch', 'lunch OR', '"lunch', 'lunch*', 'text:lunch', '^lunch', 'AND']) {
      await expect(core.invoke('diary.search', { query })).resolves.toHaveProperty('hits');
    }
    // Text with no words in it is looked for as typed (see test/core/ux-fixes.test.ts).
    expect((await core.invoke('diary.search', { query: '*** ???' })).hits).toEqual([]);
  });

  it('says when there are more results than shown', async () => {
    await as('office');
    const page = await core.invoke('diary.search', { query: 'lunch', limit: 2 });
    expect(page.hits).toHaveLength(2);
    expect(page.more).toBe(true);
  });
});

describe('patterns', () => {
  it('finds a planted pattern in a child\'s diary and says what came before it', async () => {
    await as('admin');
    const chloe = (
      await core.invoke('children.create', {
        legalName: 'Chloe Patel',
        dateOfBirth: '2022-12-01',
        room: 'Sunflowers',
        attendance: ['mon', 'tue', 'thu', 'fri'].map((day) => ({ day: day as 'mon', session: 'all-day' as const })),
      })
    ).id;
    await core.invoke('children.addSharedCare', { childId: chloe, partnerId: sunshineId, days: [{ day: 'wed', session: 'all-day' }] });
    await as('office');
    // Eight weeks ending with the week of 16 November 2026: usual entries each day, and tired or
    // upset (wellbeing) on most Thursdays, the day after the childminder.
    const mondays = ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
    let i = 0;
    for (const monday of mondays) {
      for (const [offset, extra] of [[0, null], [1, i === 3 ? 'wellbeing' : null], [3, i === 2 ? null : 'wellbeing'], [4, null]] as const) {
        const day = new Date(Date.parse(`${monday}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        for (const category of ['arrival', 'food', 'departure', ...(extra ? [extra] : [])] as const) {
          await core.invoke('diary.add', { childId: chloe, day, category, from: { kind: 'staff' }, to: { kind: 'carer' }, text: `${category} note` });
        }
      }
      i++;
    }
    const result = await core.invoke('diary.patterns', { childId: chloe, weeks: 8, until: '2026-11-22' });
    expect(result.from).toBe('2026-09-28');
    expect(result.to).toBe('2026-11-22');
    expect(result.rule).toContain('at least 4 of');
    expect(result.notEnoughData).toBeNull();
    expect(result.diaryDays).toEqual([8, 8, 0, 8, 8, 0, 0]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ weekday: 3, category: 'wellbeing', days: 7, diaryDays: 8 });
    expect(result.findings[0].sentence).toBe(
      'Wellbeing and mood notes on 7 of the last 8 Thursdays with diary entries, against 1 of 24 other diary days (4%); each of those Thursdays followed a day at Sunshine Childminding.',
    );
    expect(result.cells.filter((c) => c.highlighted).map((c) => `${c.weekday}:${c.category}`)).toEqual(['3:wellbeing']);
    expect(result.cells.find((c) => c.weekday === 0 && c.category === 'food')).toMatchObject({ entries: 8, days: 8, highlighted: false });

    // This week counts only up to today (29 November), and a later week asked for is this week.
    for (const until of [undefined, '2026-12-10']) {
      const current = await core.invoke('diary.patterns', { childId: chloe, weeks: 8, until });
      expect([current.from, current.to]).toEqual(['2026-10-05', '2026-11-29']);
    }

    // Too little data: a span with only a few entries says so and claims nothing.
    const short = await core.invoke('diary.patterns', { childId: chloe, weeks: 2, until: '2026-10-04' });
    expect(short.findings).toEqual([]);
    expect(short.notEnoughData).toMatch(/^Too few entries/);
  });
});

describe('audit', () => {
  it('records who read a child\'s week', async () => {
    await as('office');
    await core.invoke('diary.childWeek', { childId, week: WEEK });
    await as('admin');
    const { entries } = await core.invoke('audit.list', { recordId: `child:${childId}`, limit: 50 });
    const read = entries.find((e) => e.channel === 'diary.childWeek');
    expect(read).toMatchObject({ kind: 'read', userName: 'Test office' });
  });
});
