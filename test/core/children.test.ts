import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { InputOf } from '../../shared/contract/index';
import { londonDay } from '../../shared/domain/dates';
import { addDaysToDay, addMonthsToDay, weekdayOf } from '../../shared/domain/weekdays';
import { addUserAndLogin, ADMIN, errorCode, loginAdmin, setUpCore } from './helpers';

// Children, families, partners, health, shared care and our setting.

let core: Core;
let cleanup: () => Promise<void>;
const today = londonDay();
let rainbow: string;

beforeAll(async () => {
  ({ core, cleanup } = await setUpCore());
  await loginAdmin(core);
  ({ id: rainbow } = await core.invoke('partners.create', {
    name: 'Rainbow Day Nursery',
    kind: 'setting',
    phone: '01234 567890',
    secureEmail: 'office@rainbow.example.org',
    secureVerifiedNote: 'Phoned the manager on the number from Ofsted’s register',
    contacts: [{ name: 'Priya Shah', role: 'Manager', phone: '01234 567891' }],
  }));
}, 60_000);
afterAll(async () => cleanup());

beforeEach(async () => {
  const { session } = await core.invoke('auth.session');
  if (session?.username !== ADMIN.username) await loginAdmin(core);
});

const addChild = (changes: Partial<InputOf<'children.create'>> = {}) =>
  core.invoke('children.create', { legalName: 'Oliver Brown', dateOfBirth: '2022-01-10', ...changes });

async function listed(childId: string, filter: InputOf<'children.list'> = {}) {
  const { children } = await core.invoke('children.list', filter);
  return children.find((c) => c.id === childId);
}

describe('children', () => {
  it('adds a child with just a legal name and a date of birth, then the rest', async () => {
    const { id } = await addChild();
    const file = await core.invoke('children.get', { childId: id });
    expect(file.child).toMatchObject({ legalName: 'Oliver Brown', dateOfBirth: '2022-01-10', status: 'current', preferredName: null, attendance: [] });
    await core.invoke('children.update', {
      childId: id,
      preferredName: 'Olly',
      room: 'Caterpillars',
      startDate: '2024-09-02',
      attendance: [
        { day: 'mon', session: 'all-day' },
        { day: 'wed', session: 'morning' },
      ],
      homeLanguages: ['English', 'Polish', 'Polish'],
    });
    const after = await core.invoke('children.get', { childId: id });
    expect(after.child).toMatchObject({ preferredName: 'Olly', room: 'Caterpillars', homeLanguages: ['English', 'Polish'], updatedByName: 'Alice Adminson' });
    const { rooms } = await core.invoke('children.list', {});
    expect(rooms).toContain('Caterpillars');
  });

  it('edits are audited against the child', async () => {
    const { id } = await addChild();
    await core.invoke('children.update', { childId: id, room: 'Butterflies' });
    await core.invoke('children.get', { childId: id });
    const { entries } = await core.invoke('audit.list', { recordId: `child:${id}` });
    expect(entries.map((e) => e.channel)).toEqual(['children.get', 'children.update', 'children.create']);
  });

  it('is never deleted: leaving needs a date, and the child stays on record', async () => {
    const { id } = await addChild();
    expect(await errorCode(core.invoke('children.update', { childId: id, status: 'left' }))).toBe('invalid-input');
    await core.invoke('children.update', { childId: id, status: 'left', leavingDate: today, leavingDestination: 'Oak Primary School', leavingPartnerId: rainbow });
    expect(await listed(id)).toBeUndefined();
    expect((await listed(id, { status: 'left' }))?.status).toBe('left');
    expect((await core.invoke('children.get', { childId: id })).child).toMatchObject({ leavingDate: today, leavingPartnerName: 'Rainbow Day Nursery' });
  });

  it('refuses bad details with field errors', async () => {
    const future = (await addChild({ dateOfBirth: addDaysToDay(today, 3) }).catch((e: unknown) => e)) as { code: string; issues: { path: string[] }[] };
    expect(future.code).toBe('invalid-input');
    expect(future.issues[0].path).toEqual(['dateOfBirth']);
    expect(await errorCode(addChild({ legalName: '   ' }))).toBe('invalid-input');
    expect(await errorCode(addChild({ dateOfBirth: '2022-02-30' }))).toBe('invalid-input');
    expect(await errorCode(addChild({ attendance: [{ day: 'mon', session: 'all-day' }, { day: 'mon', session: 'morning' }] }))).toBe('invalid-input');
    expect(await errorCode(addChild({ keyPersonUserId: 'nobody' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('children.update', { childId: 'nobody', room: 'x' }))).toBe('not-found');
  });
});

describe('parents and carers: collection restrictions are shown to every role that can see the child', () => {
  it('a "must not collect" carer appears in the file and the list, for a practitioner too', async () => {
    const { id } = await addChild({ legalName: 'Isla Green' });
    await core.invoke('carers.create', { childId: id, fullName: 'Emma Green', relationship: 'Mother', parentalResponsibility: true, livesWithChild: true, phone: '07700 900001' });
    const { id: dad } = await core.invoke('carers.create', {
      childId: id,
      fullName: 'Mark Green',
      relationship: 'Father',
      parentalResponsibility: true,
      mustNotCollect: true,
      courtOrder: 'Prohibited steps order, Family Court, 3 March 2025',
    });
    await addUserAndLogin(core, `kp-${id.slice(0, 6)}`, ['practitioner']);
    const file = await core.invoke('children.get', { childId: id });
    expect(file.carers).toHaveLength(2);
    expect(file.restrictions).toEqual([expect.objectContaining({ carerId: dad, carerName: 'Mark Green', mustNotCollect: true, courtOrder: expect.stringContaining('Prohibited steps') })]);
    expect((await listed(id))?.restrictions[0].carerName).toBe('Mark Green');
    // Practitioners read, but do not edit.
    expect(await errorCode(core.invoke('carers.update', { carerId: dad, mustNotCollect: false }))).toBe('forbidden');
    expect(await errorCode(addChild())).toBe('forbidden');
  });

  it('a change of parental responsibility is kept as history with the day it took effect', async () => {
    const { id } = await addChild();
    const { id: carer } = await core.invoke('carers.create', { childId: id, fullName: 'Sam Lee', relationship: 'Step-parent', parentalResponsibility: false });
    await core.invoke('carers.update', { carerId: carer, parentalResponsibility: true, prChangedOn: addDaysToDay(today, -10), prChangeNote: 'Parental responsibility agreement' });
    const { carers } = await core.invoke('carers.list', { childId: id });
    expect(carers[0].parentalResponsibility).toBe(true);
    expect(carers[0].prHistory.map((h) => h.parentalResponsibility)).toEqual([false, true]);
    expect(await errorCode(core.invoke('carers.update', { carerId: carer, parentalResponsibility: false, prChangedOn: addDaysToDay(today, 5) }))).toBe('invalid-input');
  });

  it('refuses a carer for a child that does not exist, and a missing PR answer', async () => {
    expect(await errorCode(core.invoke('carers.create', { childId: 'nobody', fullName: 'A', relationship: 'Mother', parentalResponsibility: true }))).toBe('not-found');
    const { id } = await addChild();
    expect(await errorCode(core.invoke('carers.create', { childId: id, fullName: 'A', relationship: 'Mother' } as never))).toBe('invalid-input');
  });
});

describe('emergency contacts in priority order, each with a last-verified date', () => {
  it('older than the setting’s period (default 6 months) is flagged "check with parents"', async () => {
    const { id } = await addChild();
    expect((await core.invoke('children.get', { childId: id })).contactsNeedCheck).toBe(true); // none yet
    const { id: gran } = await core.invoke('children.addContact', { childId: id, name: 'Jean Brown', relationship: 'Grandmother', phone: '07700 900123', lastVerifiedOn: addMonthsToDay(today, -7) });
    const { id: aunt } = await core.invoke('children.addContact', { childId: id, name: 'Lucy Brown', relationship: 'Aunt', phone: '07700 900456', lastVerifiedOn: today, canCollect: true });
    let file = await core.invoke('children.get', { childId: id });
    expect(file.contacts.map((c) => [c.name, c.priority, c.needsCheck])).toEqual([
      ['Jean Brown', 1, true],
      ['Lucy Brown', 2, false],
    ]);
    expect(file.contactsNeedCheck).toBe(true);
    expect((await listed(id, { contactsNeedCheck: true }))?.contactsNeedCheck).toBe(true);

    await core.invoke('children.moveContact', { contactId: aunt, direction: 'up' });
    await core.invoke('children.updateContact', { contactId: gran, lastVerifiedOn: today });
    file = await core.invoke('children.get', { childId: id });
    expect(file.contacts.map((c) => [c.name, c.priority, c.needsCheck])).toEqual([
      ['Lucy Brown', 1, false],
      ['Jean Brown', 2, false],
    ]);
    expect(file.contactsNeedCheck).toBe(false);
    expect(await listed(id, { contactsNeedCheck: true })).toBeUndefined();

    await core.invoke('children.removeContact', { contactId: aunt, reason: 'Moved abroad' });
    expect((await core.invoke('children.get', { childId: id })).contacts.map((c) => c.name)).toEqual(['Jean Brown']);
  });

  it('follows the setting’s own period', async () => {
    const { id } = await addChild();
    await core.invoke('children.addContact', { childId: id, name: 'Jean Brown', relationship: 'Grandmother', phone: '07700 900123', lastVerifiedOn: addMonthsToDay(today, -7) });
    await core.invoke('settings.update', { contactCheckMonths: 12 });
    expect((await core.invoke('children.get', { childId: id })).contactsNeedCheck).toBe(false);
    await core.invoke('settings.update', { contactCheckMonths: 6 });
  });

  it('refuses a verified date in the future', async () => {
    const { id } = await addChild();
    expect(await errorCode(core.invoke('children.addContact', { childId: id, name: 'X', relationship: 'Y', phone: '1', lastVerifiedOn: addDaysToDay(today, 1) }))).toBe('invalid-input');
  });
});

describe('seed 000: "Be aware of any allergies or medication … and understand the role of the parents and each setting in managing this"', () => {
  it('records who manages each allergy and medicine at which setting, and what the parents do', async () => {
    const { id } = await addChild();
    await core.invoke('children.addHealth', {
      childId: id,
      kind: 'allergy',
      name: 'Peanuts',
      severity: 'anaphylaxis',
      reaction: 'Swelling of lips, difficulty breathing',
      actionPlan: 'Give adrenaline auto-injector, call 999, then parents',
      arrangements: [
        { partnerId: null, who: 'Key person; cook checks every meal' },
        { partnerId: rainbow, who: 'Rainbow’s room leader' },
      ],
      parentsDo: 'Bring a second auto-injector each Monday',
    });
    await core.invoke('children.addHealth', {
      childId: id,
      kind: 'medication',
      name: 'Salbutamol inhaler',
      dose: '2 puffs',
      timing: 'When wheezy',
      expiresOn: addDaysToDay(today, -1),
      storedWhere: 'Office medicine cupboard',
    });
    const file = await core.invoke('children.get', { childId: id });
    expect(file.health.map((h) => h.kind)).toEqual(['allergy', 'medication']);
    expect(file.health[0].arrangements).toEqual([
      { partnerId: null, settingName: 'Little Acorns Pre-school', who: 'Key person; cook checks every meal' },
      { partnerId: rainbow, settingName: 'Rainbow Day Nursery', who: 'Rainbow’s room leader' },
    ]);
    expect(file.health[1].expired).toBe(true);
    const item = await listed(id, { hasAllergiesOrMedication: true });
    expect(item).toMatchObject({ hasAllergies: true, hasMedication: true, allergyNames: ['Peanuts'] });

    await core.invoke('children.endHealth', { healthId: file.health[1].id, reason: 'No longer needed (GP letter)' });
    const after = await core.invoke('children.get', { childId: id });
    expect(after.health.find((h) => h.name === 'Salbutamol inhaler')?.ended?.reason).toBe('No longer needed (GP letter)');
    expect((await listed(id))?.hasMedication).toBe(false);
  });

  it('an allergy needs its severity; a medicine its dose, timing and storage', async () => {
    const { id } = await addChild();
    const allergy = (await core.invoke('children.addHealth', { childId: id, kind: 'allergy', name: 'Egg' }).catch((e: unknown) => e)) as { issues: { path: string[] }[] };
    expect(allergy.issues.map((i) => i.path[0])).toEqual(['severity']);
    const med = (await core.invoke('children.addHealth', { childId: id, kind: 'medication', name: 'Calpol' }).catch((e: unknown) => e)) as { issues: { path: string[] }[] };
    expect(med.issues.map((i) => i.path[0]).sort()).toEqual(['dose', 'storedWhere', 'timing']);
  });
});

describe('shared care and settingsForDay', () => {
  it('says which settings the child is at on each day', async () => {
    const { id } = await addChild({
      startDate: '2024-09-02',
      attendance: [
        { day: 'mon', session: 'all-day' },
        { day: 'wed', session: 'morning' },
      ],
    });
    const { id: sc } = await core.invoke('children.addSharedCare', {
      childId: id,
      partnerId: rainbow,
      days: [
        { day: 'tue', session: 'all-day' },
        { day: 'wed', session: 'afternoon' },
      ],
      keyPersonName: 'Hannah Wood',
      keyPersonContact: '01234 567892',
      transferWho: 'Our practitioner walks Olly to Rainbow',
      transferWhen: 'Wednesday 12:00',
      handover: 'Diary, lunchbox, inhaler',
      startsOn: '2024-09-02',
    });
    // 2025-01-06 is a Monday.
    const db = (day: string) => core.invoke('children.whereOn', { childId: id, day });
    expect(await db('2025-01-06')).toEqual({ here: true, partners: [] });
    expect(await db('2025-01-07')).toEqual({ here: false, partners: [{ partnerId: rainbow, name: 'Rainbow Day Nursery' }] });
    expect(await db('2025-01-08')).toEqual({ here: true, partners: [{ partnerId: rainbow, name: 'Rainbow Day Nursery' }] });
    expect(await db('2025-01-10')).toEqual({ here: false, partners: [] });
    expect(await db('2024-08-26')).toEqual({ here: false, partners: [] }); // before the start

    await core.invoke('children.endSharedCare', { sharedCareId: sc, on: '2025-03-31' });
    expect(await db('2025-04-01')).toEqual({ here: false, partners: [] });
    expect(await db('2025-03-25')).toEqual({ here: false, partners: [{ partnerId: rainbow, name: 'Rainbow Day Nursery' }] });

    const file = await core.invoke('children.get', { childId: id });
    expect(file.sharedCare[0]).toMatchObject({ keyPersonName: 'Hannah Wood', transferWho: 'Our practitioner walks Olly to Rainbow', endsOn: '2025-03-31', current: false });
  });

  it('today: here and at the partner, and the list’s "attends another setting" filter', async () => {
    const { id } = await addChild({ attendance: [{ day: weekdayOf(today), session: 'all-day' }] });
    await core.invoke('children.addSharedCare', { childId: id, partnerId: rainbow, days: [{ day: weekdayOf(today), session: 'afternoon' }] });
    expect(weekdayOf('2025-01-06')).toBe('mon');
    expect(await listed(id, { attendsOtherSetting: true })).toBeDefined();
    const where = await core.invoke('children.whereOn', { childId: id, day: today });
    expect(where.here).toBe(true);
    expect(where.partners.map((p) => p.name)).toEqual(['Rainbow Day Nursery']);
  });

  it('refuses a shared-care arrangement with no days or an unknown partner', async () => {
    const { id } = await addChild();
    expect(await errorCode(core.invoke('children.addSharedCare', { childId: id, partnerId: rainbow, days: [] }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('children.addSharedCare', { childId: id, partnerId: 'nope', days: [{ day: 'mon', session: 'all-day' }] }))).toBe('invalid-input');
  });
});

describe('the children list: search and filters', () => {
  it('finds by legal or preferred name and by room', async () => {
    const { id } = await addChild({ legalName: 'Theodore Quill', preferredName: 'Teddy', room: 'Owls' });
    expect((await core.invoke('children.list', { search: 'teddy' })).children.map((c) => c.id)).toEqual([id]);
    expect((await core.invoke('children.list', { search: 'QUILL' })).children.map((c) => c.id)).toEqual([id]);
    expect((await core.invoke('children.list', { room: 'Owls' })).children.map((c) => c.id)).toEqual([id]);
  });
});

describe('the one-page child summary for a partner setting', () => {
  it('has what the partner needs day to day, and printing it is audited', async () => {
    const { id } = await addChild({ attendance: [{ day: 'mon', session: 'all-day' }] });
    await core.invoke('carers.create', { childId: id, fullName: 'Kate Brown', relationship: 'Mother', parentalResponsibility: true, phone: '07700 900777' });
    await core.invoke('carers.create', { childId: id, fullName: 'Rob Brown', relationship: 'Father', parentalResponsibility: true, mustNotCollect: true });
    await core.invoke('children.addContact', { childId: id, name: 'Jean Brown', relationship: 'Grandmother', phone: '07700 900123', lastVerifiedOn: today });
    await core.invoke('children.addSharedCare', { childId: id, partnerId: rainbow, days: [{ day: 'tue', session: 'all-day' }], keyPersonName: 'Hannah Wood' });
    const summary = await core.invoke('children.summary', { childId: id, partnerId: rainbow });
    expect(summary.preparedFor?.name).toBe('Rainbow Day Nursery');
    expect(summary.keyPersons.map((k) => k.settingName)).toEqual(['Little Acorns Pre-school', 'Rainbow Day Nursery']);
    expect(summary.restrictions[0].carerName).toBe('Rob Brown');
    expect(summary.contacts[0].name).toBe('Jean Brown');
    expect(summary.printedBy).toBe('Alice Adminson');
    const { entries } = await core.invoke('audit.list', { recordId: `partner:${rainbow}` });
    expect(entries[0].channel).toBe('children.summary');
  });
});

describe('partners directory', () => {
  it('keeps name, kind, contacts and the verified secure contact method', async () => {
    const partner = await core.invoke('partners.get', { partnerId: rainbow });
    expect(partner).toMatchObject({
      kind: 'setting',
      secureEmail: 'office@rainbow.example.org',
      secureVerifiedNote: expect.stringContaining('Phoned'),
      contacts: [{ name: 'Priya Shah', role: 'Manager', phone: '01234 567891', email: null }],
    });
    const { id } = await core.invoke('partners.create', { name: 'Children’s Services Front Door', kind: 'social-care' });
    await core.invoke('partners.update', { partnerId: id, portal: 'https://portal.example.gov.uk', active: false });
    expect((await core.invoke('partners.list', {})).partners.map((p) => p.id)).not.toContain(id);
    expect((await core.invoke('partners.list', { includeInactive: true })).partners.find((p) => p.id === id)?.portal).toBe('https://portal.example.gov.uk');
  });

  it('refuses an unknown kind and a bad email', async () => {
    expect(await errorCode(core.invoke('partners.create', { name: 'X', kind: 'church' as never }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('partners.create', { name: 'X', kind: 'school', secureEmail: 'not an email' }))).toBe('invalid-input');
  });
});

describe('our setting and its policies', () => {
  it('keeps the setting’s details, DSL and manager', async () => {
    const { session } = await core.invoke('auth.session');
    const profile = await core.invoke('setting.update', { address: '1 Church Lane, Neston', urn: 'EY123456', phone: '0151 000 0000', openingHours: 'Mon–Fri 8:30–15:30', dslUserId: session!.userId });
    expect(profile).toMatchObject({ name: 'Little Acorns Pre-school', urn: 'EY123456', dslName: 'Alice Adminson' });
    expect(await errorCode(core.invoke('setting.update', { urn: 'twelve' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('setting.update', { dslUserId: 'nobody' }))).toBe('invalid-input');
  });

  it('seed 001 "Date to be reviewed": a policy past its review date is overdue until reviewed', async () => {
    const { id } = await core.invoke('setting.addPolicy', { title: 'Information sharing', adoptedOn: '2016-05-16', nextReviewOn: '2022-09-01' });
    const before = await core.invoke('setting.policies');
    expect(before.policies.find((p) => p.id === id)?.overdue).toBe(true);
    expect(before.overdueCount).toBeGreaterThan(0);
    await core.invoke('setting.reviewPolicy', { policyId: id, reviewedOn: today, nextReviewOn: addMonthsToDay(today, 12), note: 'Reviewed by the committee' });
    const { policies } = await core.invoke('setting.policies');
    const policy = policies.find((p) => p.id === id)!;
    expect(policy).toMatchObject({ overdue: false, lastReviewedOn: today });
    expect(policy.reviews[0].note).toBe('Reviewed by the committee');
    expect(await errorCode(core.invoke('setting.reviewPolicy', { policyId: id, reviewedOn: today, nextReviewOn: today }))).toBe('invalid-input');
  });
});
