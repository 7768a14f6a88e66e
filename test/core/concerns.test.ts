import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { addUserAndLogin, ADMIN, errorCode, loginAdmin, rawKeyFromRecovery, setUpCore } from './helpers';

// The safeguarding concern recorder (issue 12). Seeds 000 and 001: "record concerns and discuss
// them with the designated person"; "record decisions and the reasons"; visiting professionals
// "will not have unsupervised access to children" (001, 1.6).

// A fixed clock: Wednesday 25 November 2026, 10:00 in London (UTC in winter).
let now = new Date('2026-11-25T10:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

let core: Core;
let dir: string;
let recoveryKey: string;
let cleanup: () => Promise<void>;
let childId: string;
let otherChildId: string;
let rainbowId: string;
const users: Record<string, string> = {};

type Who = 'admin' | 'ada' | 'pat' | 'sam' | 'dina' | 'mia' | 'olga' | 'max';
const as = async (who: Who) => {
  const { session } = await core.invoke('auth.session');
  if (session?.username === (who === 'admin' ? ADMIN.username : who)) return;
  if (who === 'admin') await loginAdmin(core);
  else await core.invoke('auth.login', { username: who, password: 'a new password 22' });
};

beforeAll(async () => {
  ({ core, dir, recoveryKey, cleanup } = await setUpCore({ now: () => now }));
  await loginAdmin(core);
  rainbowId = (await core.invoke('partners.create', { name: 'Rainbow Day Nursery', kind: 'setting' })).id;
  childId = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2023-03-14', room: 'Rainbow' })).id;
  otherChildId = (await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2023-01-02', room: 'Rainbow' })).id;
  await core.invoke('children.addSharedCare', { childId, partnerId: rainbowId, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Hannah Wood' });
  for (const [username, roles] of [
    ['pat', ['practitioner']],
    ['sam', ['practitioner']],
    ['dina', ['dsl']],
    ['mia', ['manager']],
    ['max', ['manager']],
    ['olga', ['office']],
    ['ada', ['admin']],
  ] as const) {
    await addUserAndLogin(core, username, [...roles]);
    users[username] = (await core.invoke('auth.session')).session!.userId;
  }
}, 180_000);
afterAll(async () => cleanup());

async function recordAs(who: Who, extra: Record<string, unknown> = {}) {
  await as(who);
  return core.invoke('concerns.record', {
    childId,
    observedAt: hoursAgo(1),
    category: 'physical',
    description: 'A round bruise on the upper left arm, about the size of a 10p coin, noticed at nappy change.',
    ...extra,
  });
}

describe('recording', () => {
  it('any member of staff records a concern with the child’s own words and body-map marks, and gets a reference', async () => {
    const { id, reference } = await recordAs('pat', {
      childsWords: 'Daddy squeezed my arm hard',
      urgency: 'today',
      bodyMarks: [
        { side: 'front', x: 0.3, y: 0.35, type: 'bruise', size: '2 cm', colour: 'purple', description: 'Round, fingertip-sized' },
        { side: 'back', x: 0.62, y: 0.4, type: 'cut-scratch', description: 'Thin scratch' },
      ],
    });
    expect(reference).toMatch(/^SC-2026-\d{4}$/);
    await as('dina');
    const concern = await core.invoke('concerns.get', { id });
    expect(concern.childsWords).toBe('Daddy squeezed my arm hard');
    expect(concern.recordedByName).toBe('Test pat');
    expect(concern.bodyMarks.map((m) => [m.number, m.side, m.type])).toEqual([
      [1, 'front', 'bruise'],
      [2, 'back', 'cut-scratch'],
    ]);
    expect(concern.partnerArrangements).toEqual([]);
  });

  it('numbers references within the year, one after another', async () => {
    const a = await recordAs('sam');
    const b = await recordAs('sam');
    const n = (r: string) => Number(r.split('-')[2]);
    expect(n(b.reference)).toBe(n(a.reference) + 1);
  });

  it('more than 24 hours after it was seen is a late entry: it needs a reason, and keeps it', async () => {
    await as('pat');
    const refused = core.invoke('concerns.record', { childId, observedAt: hoursAgo(25), category: 'neglect', description: 'Came in hungry three days running.' });
    await expect(refused).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['lateEntryReason'] }] });
    const justInTime = await core.invoke('concerns.record', { childId, observedAt: hoursAgo(23.5), category: 'neglect', description: 'Came in hungry.' });
    const late = await core.invoke('concerns.record', {
      childId,
      observedAt: hoursAgo(30),
      category: 'neglect',
      description: 'Came in hungry three days running.',
      lateEntryReason: 'I was off sick the next day.',
    });
    const mine = await core.invoke('concerns.mine');
    expect(mine.concerns.find((c) => c.id === late.id)?.lateEntry).toBe(true);
    expect(mine.concerns.find((c) => c.id === justInTime.id)?.lateEntry).toBe(false);
  });

  it('refuses a time in the future and an allegation that names nobody, and writes nothing', async () => {
    await as('pat');
    const before = (await core.invoke('concerns.mine')).concerns.length;
    expect(await errorCode(core.invoke('concerns.record', { childId, observedAt: new Date(now.getTime() + 3_600_000).toISOString(), category: 'other', description: 'x' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('concerns.record', { childId, observedAt: hoursAgo(1), category: 'allegation-staff', description: 'x' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('concerns.record', { childId, observedAt: 'yesterday', category: 'other', description: 'x' }))).toBe('invalid-input');
    expect((await core.invoke('concerns.mine')).concerns.length).toBe(before);
  });

  it('refuses a concern or a diary entry dated before the child was born, on the date field, and writes nothing', async () => {
    await as('pat');
    const before = (await core.invoke('concerns.mine')).concerns.length;
    const concern = core.invoke('concerns.record', { childId, observedAt: '2019-03-10T10:00:00.000Z', category: 'other', description: 'x', lateEntryReason: 'Found in an old notebook.' });
    await expect(concern).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['observedAt'], message: 'That is before the child was born (14 March 2023): check the date.' }] });
    expect((await core.invoke('concerns.mine')).concerns.length).toBe(before);
    const entry = core.invoke('diary.add', { childId, day: '1990-01-15', category: 'message', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'x' });
    await expect(entry).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['day'], message: 'That is before the child was born (14 March 2023): check the date.' }] });
    // The day of birth itself is allowed.
    expect((await core.invoke('diary.add', { childId, day: '2023-03-14', category: 'message', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Born today.' })).id).toBeTruthy();
  });
});

describe('who reads what', () => {
  it('a practitioner sees only the receipts of what they recorded, never the list, a concern or a chronology', async () => {
    const theirs = await recordAs('sam', { description: 'Sam’s concern' });
    await as('pat');
    const mine = await core.invoke('concerns.mine');
    expect(mine.concerns.every((c) => c.id !== theirs.id)).toBe(true);
    expect(mine.concerns.length).toBeGreaterThan(0);
    expect(JSON.stringify(mine)).not.toContain('bruise');
    expect(await errorCode(core.invoke('concerns.list', {}))).toBe('forbidden');
    expect(await errorCode(core.invoke('concerns.get', { id: theirs.id }))).toBe('forbidden');
    expect(await errorCode(core.invoke('concerns.chronology', { childId }))).toBe('forbidden');
    await as('olga');
    expect(await errorCode(core.invoke('concerns.get', { id: theirs.id }))).toBe('forbidden');
    await as('ada');
    expect(await errorCode(core.invoke('concerns.list', {}))).toBe('forbidden');
  });

  it('an allegation about a member of staff goes to the managers, never to the DSL or the manager it names', async () => {
    await as('pat');
    const { id } = await core.invoke('concerns.record', {
      childId,
      observedAt: hoursAgo(2),
      category: 'allegation-staff',
      aboutUserId: users.max,
      description: 'Saw Max grab a child by the wrist and pull.',
    });
    await as('mia');
    expect((await core.invoke('concerns.get', { id })).aboutName).toBe('Test max');
    expect((await core.invoke('concerns.list', {})).concerns.some((c) => c.id === id)).toBe(true);
    await as('max');
    expect(await errorCode(core.invoke('concerns.get', { id }))).toBe('not-found');
    expect((await core.invoke('concerns.list', {})).concerns.some((c) => c.id === id)).toBe(false);
    expect((await core.invoke('concerns.alerts')).unread.some((c) => c.id === id)).toBe(false);
    const chronology = await core.invoke('concerns.chronology', { childId });
    expect(chronology.events.some((e) => e.concernId === id)).toBe(false);
    await as('dina');
    expect(await errorCode(core.invoke('concerns.get', { id }))).toBe('not-found');
    expect((await core.invoke('concerns.list', {})).concerns.some((c) => c.id === id)).toBe(false);
  });

  it('every time the DSL opens a concern or a chronology the audit trail names the concern and the child', async () => {
    const { id } = await recordAs('pat');
    await as('dina');
    await core.invoke('concerns.get', { id });
    await core.invoke('concerns.chronology', { childId });
    await as('mia');
    const { entries } = await core.invoke('audit.list', { recordId: `concern:${id}` });
    const reads = entries.filter((e) => e.kind === 'read').map((e) => [e.channel, e.userId]);
    expect(reads).toContainEqual(['concerns.get', users.dina]);
    expect(reads).toContainEqual(['concerns.chronology', users.dina]);
    for (const e of entries.filter((x) => x.channel === 'concerns.get')) expect(e.recordIds).toContain(`child:${childId}`);
  });
});

describe('alerts and triage', () => {
  afterEach(() => {
    now = new Date('2026-11-25T10:00:00Z');
  });

  it('new concerns wait on the DSL’s alert list, urgent first, until someone on the team opens them', async () => {
    const routine = await recordAs('pat', { urgency: 'routine' });
    const urgent = await recordAs('pat', { urgency: 'now' });
    await as('dina');
    const { unread } = await core.invoke('concerns.alerts');
    const order = unread.map((u) => u.id);
    expect(order.indexOf(urgent.id)).toBeLessThan(order.indexOf(routine.id));
    expect(unread[0].urgency).toBe('now');
    await core.invoke('concerns.get', { id: urgent.id });
    await as('mia');
    const after = await core.invoke('concerns.alerts');
    expect(after.unread.some((u) => u.id === urgent.id)).toBe(false);
    expect(after.unread.some((u) => u.id === routine.id)).toBe(true);
  });

  it('a review records the decision, reasons and actions; an overdue action shows until it is closed', async () => {
    const { id } = await recordAs('pat');
    await as('dina');
    const { reviewId } = await core.invoke('concerns.review', {
      id,
      decision: 'talk-to-parents',
      reasons: 'First mark seen; explanation to be sought from Mum at collection.',
      actions: [{ text: 'Speak to Mum at collection', ownerUserId: users.dina, dueOn: '2026-11-25' }],
    });
    expect(reviewId).toBeTruthy();
    let concern = await core.invoke('concerns.get', { id });
    expect(concern.decision).toBe('talk-to-parents');
    expect(concern.actions).toHaveLength(1);
    expect(concern.actions[0]).toMatchObject({ ownerName: 'Test dina', status: 'open' });
    expect((await core.invoke('concerns.alerts')).overdueActions.some((a) => a.concernId === id)).toBe(false);

    now = new Date('2026-11-27T10:00:00Z');
    await as('dina'); // two days later: TwoWay locked itself long ago
    const overdue = (await core.invoke('concerns.alerts')).overdueActions.filter((a) => a.concernId === id);
    expect(overdue).toHaveLength(1);
    await core.invoke('concerns.closeAction', { actionId: overdue[0].id, status: 'done', note: 'Mum said he fell at soft play.' });
    expect((await core.invoke('concerns.alerts')).overdueActions.some((a) => a.concernId === id)).toBe(false);
    expect(await errorCode(core.invoke('concerns.closeAction', { actionId: overdue[0].id, status: 'done' }))).toBe('conflict');
    concern = await core.invoke('concerns.get', { id });
    expect(concern.actions[0]).toMatchObject({ status: 'done', closedNote: 'Mum said he fell at soft play.', closedByName: 'Test dina' });
  });

  it('a new action due on a day already gone is refused on its date (it would be overdue at once); so is a diary time still to come today', async () => {
    const { id } = await recordAs('pat');
    await as('dina');
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const message = 'That day has already passed: give the day it should be done by (today or later).';
    await expect(
      core.invoke('concerns.review', { id, decision: 'monitor', reasons: 'Watch and wait.', actions: [{ text: 'Check in with Mum', ownerUserId: users.dina, dueOn: day(-1) }] }),
    ).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['actions.0.dueOn'], message }] });
    await expect(core.invoke('concerns.addAction', { concernId: id, text: 'Check in with Mum', ownerUserId: users.dina, dueOn: day(-1) })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['dueOn'], message }],
    });
    expect((await core.invoke('concerns.get', { id })).actions).toEqual([]);
    expect((await core.invoke('concerns.addAction', { concernId: id, text: 'Check in with Mum', ownerUserId: users.dina, dueOn: day(0) })).actionId).toBeTruthy();

    // The clock says 10:00 UTC: 23:59 today has not come yet.
    const later = core.invoke('diary.add', { childId, day: day(0), time: '23:59', category: 'message', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'x' });
    await expect(later).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['time'], message: 'That time has not come yet today: give the time it happened.' }] });
    expect((await core.invoke('diary.add', { childId, day: day(0), time: '08:30', category: 'message', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Arrived.' })).id).toBeTruthy();
  });

  it('referrals keep their later news without losing what was first recorded', async () => {
    const { id } = await recordAs('pat');
    await as('dina');
    const { referralId } = await core.invoke('concerns.addReferral', { concernId: id, agency: 'Children’s social care (MASH)', referredOn: '2026-11-25', followUpOn: '2026-11-27' });
    await core.invoke('concerns.updateReferral', { referralId, theirReference: 'MASH-4471' });
    await core.invoke('concerns.updateReferral', { referralId, outcome: 'Strategy discussion held; section 47 enquiry.' });
    const [referral] = (await core.invoke('concerns.get', { id })).referrals;
    expect(referral).toMatchObject({ theirReference: 'MASH-4471', outcome: 'Strategy discussion held; section 47 enquiry.', followUpOn: '2026-11-27' });
    expect(referral.updates).toHaveLength(2);
    expect(await errorCode(core.invoke('concerns.addReferral', { concernId: id, agency: 'Police', referredOn: '2026-12-25' }))).toBe('invalid-input');
  });

  it('shows what was agreed with the partner setting the child also attends about telling each other', async () => {
    await as('olga');
    await core.invoke('concerns.setPartnerArrangement', { partnerId: rainbowId, whom: 'Their DSL, Priya Shah', how: 'Phone 01234 567890', howFast: 'The same day' });
    await core.invoke('concerns.setPartnerArrangement', { partnerId: rainbowId, whom: 'Their DSL, Priya Shah', how: 'Phone 01234 567890, then secure email', howFast: 'Within two hours' });
    const { id } = await recordAs('pat');
    await as('dina');
    const concern = await core.invoke('concerns.get', { id });
    expect(concern.partnerArrangements).toEqual([
      { partnerId: rainbowId, partnerName: 'Rainbow Day Nursery', whom: 'Their DSL, Priya Shah', how: 'Phone 01234 567890, then secure email', howFast: 'Within two hours' },
    ]);
  });
});

describe('sharing information from a concern (issue 12)', () => {
  it('the concern is an item only those who may read it can choose; the concern lists the decisions that included it, and the decision shows it only to them', async () => {
    await as('admin');
    const c = await core.invoke('children.create', { legalName: 'Daisy Hill', dateOfBirth: '2022-09-01', room: 'Rainbow' });
    const mash = await core.invoke('partners.create', { name: 'Children’s Social Care (MASH)', kind: 'social-care', secureEmail: 'mash@council.gov.example' });
    await as('pat');
    const concern = await core.invoke('concerns.record', {
      childId: c.id,
      observedAt: hoursAgo(1),
      category: 'physical',
      description: 'Finger-shaped bruises on the upper arm.',
      childsWords: 'Mummy’s friend held me too tight',
    });
    const allegation = await core.invoke('concerns.record', { childId: c.id, observedAt: hoursAgo(1), category: 'allegation-staff', aboutUserId: users.max, description: 'Max shouted at Daisy.' });
    const ref = `concern:${concern.id}`;

    // A practitioner records concerns but does not read them: none is offered, and one sent is refused.
    const refs = async () => (await core.invoke('sharing.items', { childId: c.id })).items.filter((i) => i.kind === 'concern').map((i) => i.ref);
    expect(await refs()).toEqual([]);
    const share = {
      childId: c.id,
      partnerId: mash.id,
      purpose: 'Referral after bruising and what Daisy said.',
      legitimatePurpose: true,
      recipientNeed: 'safeguarding-function' as const,
      items: [{ ref, necessary: true }],
      identifiable: true,
      confidential: true,
      consent: 'not-sought' as const,
      consentNotSoughtReason: 'would-increase-risk' as const,
      statutoryDuty: false,
      courtOrder: false,
      harm: 'significant-harm-suspected' as const,
      adviceSought: false,
      parentsInformed: false,
      parentsNotInformedReason: 'Telling them could put Daisy at greater risk.',
      method: 'secure-email' as const,
      decision: 'share' as const,
      reasons: 'Reasonable cause to suspect significant harm.',
    };
    await expect(core.invoke('sharing.assess', share)).rejects.toMatchObject({ code: 'invalid-input', issues: [expect.objectContaining({ message: expect.stringMatching(/^That is not one of this child’s records/) })] });

    // The DSL is offered the concern, with what was seen and the child's own words, built in the core;
    // not the allegation about a member of staff, which only the managers read.
    await as('dina');
    const { items } = await core.invoke('sharing.items', { childId: c.id });
    const offered = items.find((i) => i.ref === ref);
    expect(offered).toMatchObject({ kind: 'concern', suggestedAgency: null, label: expect.stringContaining(concern.reference) });
    expect(offered?.content).toBe('What was seen or heard: Finger-shaped bruises on the upper arm.\nThe child’s own words: “Mummy’s friend held me too tight”');
    expect(await refs()).toEqual([ref]);
    await as('mia');
    expect(await refs()).toEqual(expect.arrayContaining([ref, `concern:${allegation.id}`]));

    await as('dina');
    const { id: sharingId, status } = await core.invoke('sharing.record', { ...share, authoriser: { username: 'mia', password: 'a new password 22' } });
    expect(status).toBe('shared');
    const decided = await core.invoke('sharing.get', { sharingId });
    expect(decided.items).toEqual([expect.objectContaining({ ref, shared: true, content: offered?.content })]);
    // The concern links to the decision.
    expect((await core.invoke('concerns.get', { id: concern.id })).sharingDecisions).toEqual([{ id: sharingId, recipientName: 'Children’s Social Care (MASH)', decision: 'share', decidedAt: decided.decidedAt }]);
    // An admin reads the sharing register, but not the concern's words.
    await as('ada');
    const asAdmin = await core.invoke('sharing.get', { sharingId });
    expect(asAdmin.items[0]).toMatchObject({ ref, label: 'A safeguarding concern' });
    expect(JSON.stringify(asAdmin)).not.toContain('Finger-shaped');
    // Offering and reading the concern's words are audited against the concern.
    await as('mia');
    expect((await core.invoke('concerns.get', { id: allegation.id })).sharingDecisions).toEqual([]);
    const channels = (await core.invoke('audit.list', { recordId: ref })).entries.filter((e) => e.kind === 'read').map((e) => [e.channel, e.userId]);
    expect(channels).toEqual(expect.arrayContaining([['sharing.items', users.dina], ['sharing.get', users.dina]]));
    expect(channels).not.toContainEqual(['sharing.get', users.ada]);
  });
});

describe('nothing is edited or deleted', () => {
  it('an addendum adds who, when, what and why; the original stays as written', async () => {
    const { id } = await recordAs('pat', { description: 'The original words.' });
    await as('pat');
    await core.invoke('concerns.addendum', { id, text: 'It was the left arm, not the right.', reason: 'Correction' });
    await as('sam');
    expect(await errorCode(core.invoke('concerns.addendum', { id, text: 'x', reason: 'y' }))).toBe('not-found');
    await as('dina');
    const concern = await core.invoke('concerns.get', { id });
    expect(concern.description).toBe('The original words.');
    expect(concern.addenda).toEqual([expect.objectContaining({ text: 'It was the left arm, not the right.', reason: 'Correction', byName: 'Test pat' })]);
  });
});

describe('the chronology', () => {
  it('puts concerns, reviews, actions, referrals, sharing decisions, significant diary entries and visits on one timeline, in either order', async () => {
    await as('admin');
    const c = await core.invoke('children.create', { legalName: 'Chloe Price', dateOfBirth: '2022-06-01', room: 'Rainbow' });
    await as('pat');
    const first = await core.invoke('concerns.record', { childId: c.id, observedAt: '2026-11-25T08:00:00Z', category: 'neglect', description: 'Arrived in wet clothes.' });
    const entry = await core.invoke('diary.add', { childId: c.id, day: '2026-11-24', time: '09:00', category: 'wellbeing', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Very hungry at breakfast.' });
    await as('dina');
    await core.invoke('concerns.markDiarySignificant', { entryId: entry.id, note: 'Part of a pattern of hunger.' });
    await core.invoke('concerns.review', { id: first.id, decision: 'early-help', reasons: 'Pattern of neglect indicators.', actions: [{ text: 'Early help assessment', ownerName: 'Family support worker', dueOn: '2026-12-02' }] });
    await core.invoke('concerns.addReferral', { concernId: first.id, agency: 'Early help hub', referredOn: '2026-11-25' });
    await core.invoke('visits.record', { childId: c.id, visitorName: 'Jane Health', agency: 'Health visiting', visitOn: '2026-11-25', arrivedAt: '09:30', purpose: 'Two-year check', supervisedByUserId: users.dina });

    const oldest = await core.invoke('concerns.chronology', { childId: c.id });
    // A referral, known by its day only, follows what was timed that day.
    expect(oldest.events.map((e) => e.kind)).toEqual(['diary', 'concern', 'visit', 'review', 'action', 'referral']);
    expect(oldest.events[0].detail).toContain('Very hungry at breakfast. (Why it matters: Part of a pattern of hunger.)');
    const newest = await core.invoke('concerns.chronology', { childId: c.id, order: 'newest' });
    expect(newest.events.map((e) => e.kind)).toEqual([...oldest.events.map((e) => e.kind)].reverse());
    const filtered = await core.invoke('concerns.chronology', { childId: c.id, kinds: ['concern', 'review'] });
    expect(filtered.events.map((e) => e.kind)).toEqual(['concern', 'review']);
    expect(await errorCode(core.invoke('concerns.markDiarySignificant', { entryId: entry.id }))).toBe('conflict');
  });

  it('the external version hides which member of staff wrote each entry', async () => {
    await as('dina');
    const full = await core.invoke('concerns.chronology', { childId });
    expect(full.events.some((e) => e.byName === 'Test pat')).toBe(true);
    const external = await core.invoke('concerns.chronology', { childId, external: true });
    expect(external.events.length).toBe(full.events.length);
    expect(external.events.every((e) => e.byName === null)).toBe(true);
    expect(JSON.stringify(external.events)).not.toMatch(/Test (pat|sam|dina)/);
  });

  it('gathers every body-map mark of the child, oldest first, with the concern each came from', async () => {
    await as('dina');
    const { bodyMarks } = await core.invoke('concerns.chronology', { childId });
    expect(bodyMarks.length).toBeGreaterThanOrEqual(2);
    expect(bodyMarks[0]).toMatchObject({ type: 'bruise', side: 'front', reference: expect.stringMatching(/^SC-/) });
    const times = bodyMarks.map((m) => m.observedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('records a transfer of the file and who confirmed receipt', async () => {
    await as('dina');
    const { transferId } = await core.invoke('concerns.recordTransfer', { childId: otherChildId, sentTo: 'Oak Primary School', sentOn: '2026-11-24', how: 'hand delivered in a sealed envelope' });
    expect(await errorCode(core.invoke('concerns.confirmTransfer', { transferId, confirmedBy: 'Mrs Oak (DSL)', receivedOn: '2026-11-23' }))).toBe('invalid-input');
    await core.invoke('concerns.confirmTransfer', { transferId, confirmedBy: 'Mrs Oak (DSL)', receivedOn: '2026-11-25' });
    const { events } = await core.invoke('concerns.chronology', { childId: otherChildId });
    expect(events.find((e) => e.kind === 'transfer')?.detail).toContain('Receipt confirmed by Mrs Oak (DSL) on 25 November 2026');
  });
});

describe('visiting professionals (our policy 1.6: never unsupervised)', () => {
  it('a visit is saved only with the member of staff who supervised it, and is listed on the child’s file', async () => {
    await as('olga');
    // @ts-expect-error: the supervisor is left out on purpose, as a form sent without one would.
    const missing = core.invoke('visits.record', { childId, visitorName: 'Dr Patel', agency: 'Paediatrics', visitOn: '2026-11-25', arrivedAt: '10:00', purpose: 'Observation' });
    await expect(missing).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['supervisedByUserId'], message: expect.stringContaining('never left alone') }] });
    expect(await errorCode(core.invoke('visits.record', { childId, visitorName: 'Dr Patel', agency: 'Paediatrics', visitOn: '2026-11-25', arrivedAt: '10:00', purpose: 'Observation', supervisedByUserId: 'nobody' }))).toBe('invalid-input');
    await core.invoke('visits.record', { childId, visitorName: 'Dr Patel', agency: 'Paediatrics', visitOn: '2026-11-25', arrivedAt: '10:00', leftAt: '10:45', purpose: 'Observation', supervisedByUserId: users.pat });
    const { visits } = await core.invoke('visits.list', { childId });
    expect(visits).toEqual([expect.objectContaining({ visitorName: 'Dr Patel', supervisedByName: 'Test pat', childName: 'Millie (Amelia Jones)' })]);
    await as('pat');
    expect(await errorCode(core.invoke('visits.list', { childId }))).toBe('forbidden');
  });
});

describe('privacy and permanence', () => {
  it('keeps the child’s words out of every byte of the data folder, and the database refuses to change or delete a concern', async () => {
    const canary = 'CANARY-CONCERN-7f3a9b';
    const { id } = await recordAs('pat', { childsWords: canary });
    await core.close();
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f));
      expect(bytes.includes(Buffer.from(canary)), f).toBe(false);
    }
    // Even with the key in hand (standard SQLCipher), the records cannot be rewritten or removed.
    const db = openDatabase(join(dir, DB_FILE_NAME), await rawKeyFromRecovery(dir, recoveryKey));
    try {
      expect(db.prepare('SELECT childs_words FROM concerns WHERE id = ?').get([id])).toEqual({ childs_words: canary });
      expect(() => db.exec(`UPDATE concerns SET description = 'changed' WHERE id = '${id}'`)).toThrow(/never changed/);
      expect(() => db.exec(`DELETE FROM concern_body_marks`)).toThrow(/never deleted/);
      expect(() => db.exec(`DELETE FROM concerns WHERE id = '${id}'`)).toThrow(/never deleted/);
    } finally {
      db.close();
    }
  });
});
