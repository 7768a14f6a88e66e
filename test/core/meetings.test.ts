import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Role } from '../../shared/contract/define';
import type { InputOf } from '../../shared/contract/index';
import { pdfWithText } from '../fixtures/files';
import { ADMIN, errorCode, loginAdmin, setUpCore } from './helpers';

// Termly joint meetings (issue 14). Seed 000: "It is good practice for the key persons and
// parent(s) to hold joint termly meetings to discuss observations and the child's next steps".

let core: Core;
let cleanup: () => Promise<void>;
/** The clock the core sees; tests move it. */
let clock = new Date('2026-11-02T10:00:00Z');
const PASSWORD = 'a new password 22';
const staff: Record<string, string> = {};
let sunshine: string;
let oak: string;
let childId: string;
let mum: string;
let sunshineCare: string;

async function addStaff(username: string, fullName: string, roles: Role[]) {
  await loginAdmin(core);
  const { id } = await core.invoke('users.create', { fullName, username, password: 'initial password 1', roles });
  staff[username] = id;
  await core.invoke('auth.login', { username, password: 'initial password 1' });
  await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: PASSWORD });
}
async function as(username: string) {
  const { session } = await core.invoke('auth.session');
  if (session?.username === username) return;
  if (username === ADMIN.username) await loginAdmin(core);
  else await core.invoke('auth.login', { username, password: PASSWORD });
}

beforeAll(async () => {
  ({ core, cleanup } = await setUpCore({ now: () => clock }));
  await addStaff('kate', 'Kate Keyperson', ['practitioner']);
  await addStaff('olly', 'Olly Office', ['office']);
  await loginAdmin(core);
  ({ id: sunshine } = await core.invoke('partners.create', { name: 'Sunshine Childminding', kind: 'childminder', address: '3 Elm Road, Leeds' }));
  ({ id: oak } = await core.invoke('partners.create', { name: 'Oak Primary School', kind: 'school' }));
}, 120_000);
afterAll(async () => cleanup());

beforeEach(async () => {
  clock = new Date('2026-11-02T10:00:00Z');
  await as(ADMIN.username);
  ({ id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2022-03-14', room: 'Rainbow', keyPersonUserId: staff.kate }));
  ({ id: mum } = await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true }));
  ({ id: sunshineCare } = await core.invoke('children.addSharedCare', { childId, partnerId: sunshine, days: [{ day: 'wed', session: 'all-day' }], keyPersonName: 'Jo Smith' }));
  await as('olly');
});

function booking(over: Partial<InputOf<'meetings.book'>> = {}): InputOf<'meetings.book'> {
  return { childId, on: '2026-11-20', at: '15:30', durationMinutes: 45, format: 'in-person', carerIds: [mum], staffUserIds: [staff.kate], sharedCareIds: [sunshineCare], ...over };
}

const rowOf = async (termId: string, id = childId) => (await core.invoke('meetings.planner', { termId })).rows.find((r) => r.childId === id);

describe('terms', () => {
  it('uses the usual dates (the early years funding terms) until the setting saves its own, and knows the term of any day', async () => {
    const { terms, currentTermId, schoolYear } = await core.invoke('terms.list');
    expect(schoolYear).toBe(2026);
    expect(currentTermId).toBe('2026-autumn');
    expect(terms.map((t) => [t.id, t.startsOn, t.endsOn, t.label])).toEqual([
      ['2026-autumn', '2026-09-01', '2026-12-31', 'Autumn term 2026'],
      ['2026-spring', '2027-01-01', '2027-03-31', 'Spring term 2027'],
      ['2026-summer', '2027-04-01', '2027-08-31', 'Summer term 2027'],
    ]);
    // Term boundaries: the last day of autumn and the first of spring.
    const { id: dec31 } = await core.invoke('meetings.book', booking({ on: '2026-12-31' }));
    const { id: jan1 } = await core.invoke('meetings.book', booking({ on: '2027-01-01' }));
    expect((await core.invoke('meetings.get', { meetingId: dec31 })).termId).toBe('2026-autumn');
    expect((await core.invoke('meetings.get', { meetingId: jan1 })).termId).toBe('2026-spring');
  });

  it('saves the setting’s own dates, and refuses terms that overlap or run backwards with a message on the field', async () => {
    const terms = [
      { name: 'autumn' as const, startsOn: '2027-09-06', endsOn: '2027-12-17' },
      { name: 'spring' as const, startsOn: '2028-01-04', endsOn: '2028-03-31' },
      { name: 'summer' as const, startsOn: '2028-04-18', endsOn: '2028-07-21' },
    ];
    const overlapping = core.invoke('terms.save', { schoolYear: 2027, terms: [terms[0], { ...terms[1], startsOn: '2027-12-01' }, terms[2]] });
    await expect(overlapping).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['terms', 1, 'startsOn'], message: 'The spring term must start after the autumn term ends.' }] });
    const backwards = core.invoke('terms.save', { schoolYear: 2027, terms: [{ ...terms[0], endsOn: '2027-09-01' }, terms[1], terms[2]] });
    await expect(backwards).rejects.toMatchObject({ issues: [{ message: 'The autumn term must end after it starts.' }] });
    expect((await core.invoke('terms.list', { schoolYear: 2027 })).terms.every((t) => t.isDefault)).toBe(true);

    await core.invoke('terms.save', { schoolYear: 2027, terms });
    const saved = (await core.invoke('terms.list', { schoolYear: 2027 })).terms;
    expect(saved.map((t) => [t.startsOn, t.endsOn, t.isDefault])).toEqual(terms.map((t) => [t.startsOn, t.endsOn, false]));
    // Overlapping the year before's summer term is refused too.
    const clash = core.invoke('terms.save', { schoolYear: 2028, terms: [{ name: 'autumn', startsOn: '2028-07-01', endsOn: '2028-12-20' }, { name: 'spring', startsOn: '2029-01-03', endsOn: '2029-03-29' }, { name: 'summer', startsOn: '2029-04-16', endsOn: '2029-07-20' }] });
    await expect(clash).rejects.toMatchObject({ issues: [{ path: ['terms.0.startsOn'] }] });
  });
});

describe('the term planner', () => {
  it('a pack printed on paper counts as made: it leaves the packs to print, and the meeting says when', async () => {
    const { id } = await core.invoke('meetings.book', booking({ on: '2026-11-10' }));
    expect((await core.invoke('meetings.thisTerm')).packsToPrint.map((p) => p.meetingId)).toContain(id);
    expect((await core.invoke('meetings.get', { meetingId: id })).lastPackAt).toBeNull();
    await core.invoke('print.record', { document: 'meeting-pack', recordId: `meeting:${id}` });
    expect((await core.invoke('meetings.thisTerm')).packsToPrint.map((p) => p.meetingId)).not.toContain(id);
    expect((await core.invoke('meetings.get', { meetingId: id })).lastPackAt).toBe(clock.toISOString());
    // A reference that is not a meeting records the print only.
    expect(await core.invoke('print.record', { document: 'meeting-pack', recordId: 'meeting:not-a-meeting' })).toEqual({ ok: true });
  });

  it('lists every child in shared care as missing until a meeting is booked, then booked, then held', async () => {
    expect(await rowOf('2026-autumn')).toMatchObject({ childName: 'Millie (Amelia Jones)', status: 'missing', why: 'shared-care', partners: ['Sunshine Childminding'], keyPersonName: 'Kate Keyperson' });
    expect((await core.invoke('meetings.thisTerm')).toBook.map((c) => c.childId)).toContain(childId);
    const { id } = await core.invoke('meetings.book', booking());
    expect(await rowOf('2026-autumn')).toMatchObject({ status: 'booked', meeting: { id, on: '2026-11-20', at: '15:30', clash: false } });
    expect((await core.invoke('meetings.thisTerm')).toBook.map((c) => c.childId)).not.toContain(childId);
    // Not in spring's planner: the meeting is this term's.
    expect((await rowOf('2026-spring'))?.status).toBe('missing');

    clock = new Date('2026-11-20T17:00:00Z');
    await as('kate');
    await core.invoke('meetings.record', { meetingId: id, attendees: [{ name: 'Sarah Jones', role: 'Mother', how: 'in-person' }, { name: 'Jo Smith', how: 'video' }], notes: 'Settling well at both settings.' });
    expect((await rowOf('2026-autumn'))?.status).toBe('held');
  });

  it('leaves out a child whose shared care ended before the term, lists a child the office adds, and filters by room and key person', async () => {
    const { id: other } = await core.invoke('children.create', { legalName: 'Ben Ali', dateOfBirth: '2022-06-01', room: 'Sunflower' });
    expect(await rowOf('2026-autumn', other)).toBeUndefined();
    await core.invoke('meetings.addChild', { termId: '2026-autumn', childId: other });
    expect(await rowOf('2026-autumn', other)).toMatchObject({ why: 'added', status: 'missing' });
    expect(await rowOf('2026-spring', other)).toBeUndefined();

    const rainbow = await core.invoke('meetings.planner', { termId: '2026-autumn', room: 'Rainbow' });
    expect(rainbow.rows.map((r) => r.childId)).toContain(childId);
    expect(rainbow.rows.map((r) => r.childId)).not.toContain(other);
    expect(rainbow.rooms).toEqual(expect.arrayContaining(['Rainbow', 'Sunflower']));
    const kates = await core.invoke('meetings.planner', { termId: '2026-autumn', keyPersonUserId: staff.kate });
    expect(kates.rows.every((r) => r.keyPersonUserId === staff.kate)).toBe(true);

    await as(ADMIN.username);
    await core.invoke('children.endSharedCare', { sharedCareId: sunshineCare, on: '2026-08-20' });
    expect(await rowOf('2026-autumn')).toBeUndefined();
    expect(await rowOf('2025-summer')).toMatchObject({ status: 'missing' });
  });
});

describe('booking', () => {
  it('flags a clash when the same key person is in two meetings at once, and not when they follow each other', async () => {
    const { id: first } = await core.invoke('meetings.book', booking({ on: '2026-11-25' }));
    const { id: ben } = await core.invoke('children.create', { legalName: 'Ben Clash', dateOfBirth: '2022-06-01', room: 'Rainbow', keyPersonUserId: staff.kate });
    const { id: benMum } = await core.invoke('carers.create', { childId: ben, fullName: 'Beth Clash', relationship: 'Mother', parentalResponsibility: true });
    const clashing = await core.invoke('meetings.book', { ...booking({ childId: ben, carerIds: [benMum], sharedCareIds: [], on: '2026-11-25', at: '16:00' }) });
    expect(clashing.clashes).toEqual([{ meetingId: first, childName: 'Millie (Amelia Jones)', personName: 'Kate Keyperson', on: '2026-11-25', at: '15:30' }]);
    expect((await core.invoke('meetings.get', { meetingId: first })).clashes.map((c) => c.meetingId)).toEqual([clashing.id]);
    expect((await rowOf('2026-autumn'))?.meeting?.clash).toBe(true);

    // Moved to follow on: no clash for either.
    const moved = await core.invoke('meetings.update', { meetingId: clashing.id, on: '2026-11-25', at: '16:15', durationMinutes: 30, format: 'in-person', carerIds: [benMum], staffUserIds: [staff.kate], sharedCareIds: [] });
    expect(moved.clashes).toEqual([]);
    expect((await core.invoke('meetings.get', { meetingId: first })).clashes).toEqual([]);
  });

  it('flags a partner’s key person booked into two meetings at once', async () => {
    await core.invoke('meetings.book', booking({ on: '2026-11-26', staffUserIds: [], format: 'phone', phoneNumber: '0113 496 0000 PIN 4471' }));
    const { id: sam } = await core.invoke('children.create', { legalName: 'Sam Other', dateOfBirth: '2022-06-01' });
    const { id: samMum } = await core.invoke('carers.create', { childId: sam, fullName: 'Sue Other', relationship: 'Mother', parentalResponsibility: true });
    await as(ADMIN.username);
    const { id: samCare } = await core.invoke('children.addSharedCare', { childId: sam, partnerId: sunshine, days: [{ day: 'mon', session: 'all-day' }], keyPersonName: 'jo smith' });
    const { clashes } = await core.invoke('meetings.book', { childId: sam, on: '2026-11-26', at: '15:00', durationMinutes: 45, format: 'video', videoLink: 'https://meet.example.org/abc', carerIds: [samMum], sharedCareIds: [samCare] });
    expect(clashes.map((c) => c.personName)).toEqual(['jo smith']);
  });

  it('explains what a booking is missing and changes nothing', async () => {
    const before = (await core.invoke('meetings.ofChild', { childId })).meetings.length;
    await expect(core.invoke('meetings.book', booking({ format: 'video' }))).rejects.toMatchObject({ issues: [{ path: ['videoLink'], message: 'Give the link for the video call, starting https://.' }] });
    await expect(core.invoke('meetings.book', booking({ format: 'phone' }))).rejects.toMatchObject({ issues: [{ path: ['phoneNumber'], message: 'Give the number to dial for the phone conference.' }] });
    await expect(core.invoke('meetings.book', booking({ carerIds: [], staffUserIds: [], sharedCareIds: [] }))).rejects.toMatchObject({ issues: [{ path: ['carerIds'], message: 'Invite at least one person.' }] });
    await expect(core.invoke('meetings.book', booking({ on: '2026-10-01' }))).rejects.toMatchObject({ issues: [{ path: ['on'], message: 'Book the meeting for today or a later day.' }] });
    await expect(core.invoke('meetings.book', booking({ at: '25:00' }))).rejects.toMatchObject({ issues: [{ path: ['at'], message: 'Enter a time like 08:45.' }] });
    const { id: stranger } = await core.invoke('children.create', { legalName: 'Not Related', dateOfBirth: '2022-01-01' });
    const { id: strangerMum } = await core.invoke('carers.create', { childId: stranger, fullName: 'Other Mum', relationship: 'Mother', parentalResponsibility: true });
    await expect(core.invoke('meetings.book', booking({ carerIds: [strangerMum] }))).rejects.toMatchObject({ issues: [{ path: ['carerIds'], message: 'Choose parents and carers from this child’s own.' }] });
    expect((await core.invoke('meetings.ofChild', { childId })).meetings.length).toBe(before);
  });

  it('names each invitee as people know them', async () => {
    const { id } = await core.invoke('meetings.book', booking());
    const m = await core.invoke('meetings.get', { meetingId: id });
    expect(m.invitees.map((i) => [i.name, i.role])).toEqual([
      ['Sarah Jones', 'Mother'],
      ['Kate Keyperson', 'Key person'],
      ['Jo Smith', 'Key person at Sunshine Childminding'],
    ]);
    expect(m.venueName).toBeNull();
  });
});

describe('the meeting record and carried actions', () => {
  it('carries actions not done to the next meeting, where they can be closed; overdue ones show in this term', async () => {
    const { id: first } = await core.invoke('meetings.book', booking({ on: '2026-11-03' }));
    await core.invoke('meetings.book', booking({ on: '2026-11-04', at: '09:00' }));
    await expect(core.invoke('meetings.record', { meetingId: first, attendees: [{ name: 'Sarah Jones', how: 'in-person' }], notes: 'x' })).rejects.toMatchObject({
      issues: [{ path: ['attendees'], message: 'A meeting can be recorded on the day it is held or later.' }],
    });
    clock = new Date('2026-11-03T17:00:00Z');
    await as('kate');
    await core.invoke('meetings.record', {
      meetingId: first,
      attendees: [{ name: 'Sarah Jones', role: 'Mother', how: 'in-person' }],
      nextSteps: [{ text: 'Practise putting on her coat', where: 'home', who: 'Sarah' }],
      actions: [
        { text: 'Send the toilet-training chart to Sunshine', owner: 'Kate Keyperson', dueOn: '2026-11-10' },
        { text: 'Book the speech therapist', owner: 'Sarah Jones', dueOn: '2026-12-01' },
      ],
      notes: 'Millie is settling well on Wednesdays.',
    });
    await expect(core.invoke('meetings.record', { meetingId: first, attendees: [{ name: 'Again', how: 'in-person' }], notes: 'x' })).rejects.toMatchObject({ code: 'conflict' });

    const { id: second } = await core.invoke('meetings.book', booking({ on: '2027-02-10' }));
    const next = await core.invoke('meetings.get', { meetingId: second });
    expect(next.carried.map((a) => [a.text, a.status])).toEqual([
      ['Send the toilet-training chart to Sunshine', 'open'],
      ['Book the speech therapist', 'open'],
    ]);

    clock = new Date('2026-11-12T09:00:00Z');
    await as('olly');
    const overdue = (await core.invoke('meetings.thisTerm')).overdueActions.filter((a) => a.childId === childId);
    expect(overdue.map((a) => [a.text, a.overdue])).toEqual([['Send the toilet-training chart to Sunshine', true]]);

    clock = new Date('2027-02-10T17:00:00Z');
    await as('kate');
    const [chart, therapist] = next.carried;
    await core.invoke('meetings.record', { meetingId: second, attendees: [{ name: 'Sarah Jones', how: 'phone' }], carried: [{ actionId: chart.id, status: 'done', note: 'Sent on 9 November' }] });
    const held = await core.invoke('meetings.get', { meetingId: second });
    expect(held.status).toBe('held');
    const third = await core.invoke('meetings.book', booking({ on: '2027-05-12' }));
    expect((await core.invoke('meetings.get', { meetingId: third.id })).carried.map((a) => a.id)).toEqual([therapist.id]);
  });

  it('cancels a booking with its reason; a cancelled meeting cannot be recorded and the child is missing again', async () => {
    const { id } = await core.invoke('meetings.book', booking());
    await expect(core.invoke('meetings.cancel', { meetingId: id, reason: '' })).rejects.toMatchObject({ issues: [{ message: 'Fill in “Why it is cancelled”.' }] });
    await core.invoke('meetings.cancel', { meetingId: id, reason: 'Mum is unwell; to rebook.' });
    expect(await core.invoke('meetings.get', { meetingId: id })).toMatchObject({ status: 'cancelled', cancelledReason: 'Mum is unwell; to rebook.' });
    expect((await rowOf('2026-autumn'))?.status).toBe('missing');
    clock = new Date('2026-11-21T09:00:00Z');
    await as('kate');
    expect(await errorCode(core.invoke('meetings.record', { meetingId: id, attendees: [{ name: 'Sarah Jones', how: 'in-person' }], notes: 'x' }))).toBe('conflict');
  });

  it('refuses a record that says nothing of what was talked about, on the notes, and the meeting stays booked', async () => {
    const { id } = await core.invoke('meetings.book', booking({ on: '2026-11-03', at: '15:00' }));
    clock = new Date('2026-11-03T17:00:00Z');
    await as('kate');
    await expect(core.invoke('meetings.record', { meetingId: id, attendees: [{ name: 'Sarah Jones', how: 'in-person' }], notes: '  ' })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['notes'], message: 'Write what was talked about, or add a next step or an action.' }],
    });
    expect((await core.invoke('meetings.get', { meetingId: id })).status).toBe('booked');
  });
});

describe('meeting packs: what goes in', () => {
  it('leaves the diary out when there is no consent for it to go to a setting invited, says why on the office sheet only, and puts it in once consent is given', async () => {
    await as(ADMIN.username);
    await core.invoke('diary.add', { childId, day: '2026-10-14', category: 'wellbeing', from: { kind: 'staff' }, to: { kind: 'staff' }, text: 'Tired after lunch; slept an hour.', needsFollowUp: true });
    const { id } = await core.invoke('meetings.book', booking());
    const without = await core.invoke('packs.content', { meetingId: id });
    expect(without.pack.diary).toBeNull();
    expect(without.omitted).toEqual([expect.objectContaining({ what: 'The term’s diary in brief', why: expect.stringContaining('Sunshine Childminding') })]);
    expect(JSON.stringify(without.pack)).not.toContain('Tired after lunch');

    await core.invoke('consent.record', { childId, scope: 'diary', recipients: [sunshine], givenByCarerId: mum, givenOn: '2026-09-01', method: 'written' });
    const withConsent = await core.invoke('packs.content', { meetingId: id });
    expect(withConsent.pack.diary?.counts).toEqual([{ category: 'wellbeing', count: 1 }]);
    expect(withConsent.omitted).toEqual([]);
    expect(withConsent.pack.consents.inForce).toEqual([expect.objectContaining({ scope: 'diary', recipients: 'Sunshine Childminding' })]);
    // Consents still missing for the invited setting are listed for the parents to consider.
    expect(withConsent.pack.consents.needAttention.map((c) => c.scope)).toContain('observations');
  });

  it('puts the agreement in brief in the pack as sentences, with one full stop each whatever was typed', async () => {
    await as(ADMIN.username);
    await core.invoke('agreements.update', { childId, sharing: { channels: ['phone'], howOften: 'Each day she changes setting, and a meeting each term.', passOn: [{ what: 'Accidents', howFast: 'The same day' }] } });
    const { id } = await core.invoke('meetings.book', booking({ at: '13:00' }));
    const { pack } = await core.invoke('packs.content', { meetingId: id });
    expect(pack.agreement?.summary).toEqual(['We share by: phone.', 'How often: Each day she changes setting, and a meeting each term.', 'Accidents: The same day.']);
  });

  it('keeps another agency’s health record out of a pack for a setting that is not that agency, and never reads the safeguarding records', async () => {
    await as(ADMIN.username);
    await core.invoke('children.addHealth', { childId, kind: 'medication', name: 'Salbutamol inhaler', dose: '2 puffs', timing: 'When wheezy', storedWhere: 'Office cupboard', source: 'agency', sourcePartnerId: oak });
    await core.invoke('children.addHealth', { childId, kind: 'allergy', name: 'Peanuts', severity: 'anaphylaxis', arrangements: [{ partnerId: null, who: 'Kate (key person)' }, { partnerId: sunshine, who: 'Jo' }] });
    await core.invoke('concerns.record', { childId, observedAt: '2026-11-02T09:00:00Z', category: 'physical', description: 'CANARY-SAFEGUARDING bruise on the upper arm at drop-off.' });
    const { id } = await core.invoke('meetings.book', booking());
    const { pack, omitted } = await core.invoke('packs.content', { meetingId: id });
    expect(pack.health.map((h) => h.title)).toEqual(['Peanuts']);
    expect(pack.health[0].managedBy).toEqual([
      { name: 'Little Acorns Pre-school', detail: 'Kate (key person)' },
      { name: 'Sunshine Childminding', detail: 'Jo' },
    ]);
    expect(omitted.map((o) => o.what)).toContain('Medication: Salbutamol inhaler');
    expect(JSON.stringify({ pack, omitted })).not.toContain('CANARY-SAFEGUARDING');
    // A meeting with the parents alone: the parents' own child's health, all of it.
    const { id: parentsOnly } = await core.invoke('meetings.book', booking({ sharedCareIds: [], at: '09:00' }));
    expect((await core.invoke('packs.content', { meetingId: parentsOnly })).pack.health.map((h) => h.title).sort()).toEqual(['Peanuts', 'Salbutamol inhaler']);
  });

  it('puts the term’s observations in by area of learning only with consent for observations, and another setting’s only back to them', async () => {
    await as(ADMIN.username);
    await core.invoke('observations.add', { childId, observedOn: '2026-10-05', areas: ['mathematics', 'physical'], text: 'Counted the steps to the garden.', nextStep: { text: 'Count to twenty', where: 'home' } });
    await core.invoke('observations.add', { childId, observedOn: '2026-10-06', areas: ['literacy'], text: 'OAK-OBSERVATION: recognised her name.', partnerId: oak, observerName: 'Mrs Patel' });
    const { id } = await core.invoke('meetings.book', booking({ at: '11:00' }));
    const without = await core.invoke('packs.content', { meetingId: id });
    expect(without.pack.observations).toEqual([]);
    expect(without.omitted.map((o) => o.what)).toContain('Observations and next steps');

    await core.invoke('consent.record', { childId, scope: 'observations', recipients: [sunshine], givenByCarerId: mum, givenOn: '2026-09-01', method: 'written' });
    const withConsent = await core.invoke('packs.content', { meetingId: id });
    expect(withConsent.pack.observations.map((a) => a.area)).toEqual(['Physical development', 'Mathematics']);
    expect(withConsent.pack.observations[1].items[0]).toMatchObject({ text: 'Counted the steps to the garden.', nextStep: 'Count to twenty' });
    expect(JSON.stringify(withConsent.pack)).not.toContain('OAK-OBSERVATION');
    expect(withConsent.omitted.map((o) => o.what)).toContain('An observation from Oak Primary School (6 October 2026)');
    // The meeting record can name the observations discussed; another child's cannot be chosen.
    const meeting = await core.invoke('meetings.get', { meetingId: id });
    expect(meeting.termObservations.map((o) => o.text)).toEqual(['Counted the steps to the garden.', 'OAK-OBSERVATION: recognised her name.']);
  });

  it('keeps papers with a meeting and with an agreement version, for whoever may open them', async () => {
    const { id } = await core.invoke('meetings.book', booking({ at: '12:00' }));
    await as('kate');
    const paper = { title: 'Report sent by Jo instead of coming', source: { kind: 'us' as const }, fileName: 'report.pdf', mime: 'application/pdf' as const, data: pdfWithText('Report from Jo').toString('base64') };
    await core.invoke('documents.add', { ownerType: 'meeting', ownerId: id, ...paper });
    expect((await core.invoke('documents.list', { ownerType: 'meeting', ownerId: id })).documents.map((d) => d.title)).toEqual(['Report sent by Jo instead of coming']);
    await as(ADMIN.username);
    await core.invoke('agreements.update', { childId, sharing: { channels: ['phone'], passOn: [] } });
    const agreement = await core.invoke('agreements.get', { childId });
    expect(agreement.id).not.toBeNull();
    await core.invoke('documents.add', { ownerType: 'agreement', ownerId: agreement.id!, ...paper, title: 'Signed on paper' });
    expect((await core.invoke('documents.list', { ownerType: 'agreement', ownerId: agreement.id! })).documents.map((d) => d.title)).toEqual(['Signed on paper']);
    // Attached to a meeting that does not exist: nothing is given away.
    expect(await errorCode(core.invoke('documents.add', { ownerType: 'meeting', ownerId: 'no-such-meeting', ...paper }))).toBe('not-found');
  });

  it('shows how to join: the video link, the number to dial, or the setting’s address', async () => {
    const video = await core.invoke('meetings.book', booking({ format: 'video', videoLink: 'https://meet.example.org/millie' }));
    expect((await core.invoke('packs.content', { meetingId: video.id })).pack.cover.howToJoin).toBe('https://meet.example.org/millie');
    const there = await core.invoke('meetings.book', booking({ venuePartnerId: sunshine, at: '10:00' }));
    expect((await core.invoke('packs.content', { meetingId: there.id })).pack.cover.howToJoin).toBe('Sunshine Childminding, 3 Elm Road, Leeds');
  });

  it('lets only the office, a manager or an administrator save packs, and says plainly when PDFs cannot be made here', async () => {
    const { id } = await core.invoke('meetings.book', booking());
    await as('kate');
    expect(await errorCode(core.invoke('packs.save', { meetingId: id, folder: '/tmp' }))).toBe('forbidden');
    await as('olly');
    await expect(core.invoke('packs.save', { meetingId: id, folder: '/tmp' })).rejects.toMatchObject({ code: 'unavailable', message: 'This copy of TwoWay cannot make PDF files. Print the pack instead.' });
    await expect(core.invoke('packs.save', { meetingId: id, folder: 'relative/folder' })).rejects.toMatchObject({ issues: [{ path: ['folder'] }] });
    await expect(core.invoke('packs.save', { meetingId: id, folder: '/no/such/usb-stick' })).rejects.toMatchObject({ issues: [{ message: expect.stringContaining('plug it in') }] });
  });
});
