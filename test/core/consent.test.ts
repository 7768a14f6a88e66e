import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { InputOf } from '../../shared/contract/index';
import { londonDay } from '../../shared/domain/dates';
import { addDaysToDay, addMonthsToDay } from '../../shared/domain/weekdays';
import { addUserAndLogin, ADMIN, errorCode, loginAdmin, setUpCore } from './helpers';

// The consent register and the one question every later feature asks:
// "is there valid consent for scope S to recipient R on day D?"

let core: Core;
let cleanup: () => Promise<void>;
const today = londonDay();
const yesterday = addDaysToDay(today, -1);
const lastMonth = addMonthsToDay(today, -1);

let childId: string;
let mum: string;
let dad: string;
let gran: string;
let rainbow: string; // a partner nursery the child also attends
let oak: string; // the next school
let hv: string; // the health visitor

// One core for the file (setting up costs a key derivation); each test gets its own child and family.
beforeAll(async () => {
  ({ core, cleanup } = await setUpCore());
  await loginAdmin(core);
  ({ id: rainbow } = await core.invoke('partners.create', { name: 'Rainbow Day Nursery', kind: 'setting' }));
  ({ id: oak } = await core.invoke('partners.create', { name: 'Oak Primary School', kind: 'school' }));
  ({ id: hv } = await core.invoke('partners.create', { name: 'Health visiting team', kind: 'health' }));
}, 60_000);
afterAll(async () => cleanup());

beforeEach(async () => {
  const { session } = await core.invoke('auth.session');
  if (session?.username !== ADMIN.username) await loginAdmin(core);
  ({ id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2022-03-14' }));
  ({ id: mum } = await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true }));
  ({ id: dad } = await core.invoke('carers.create', { childId, fullName: 'Tom Jones', relationship: 'Father', parentalResponsibility: true }));
  ({ id: gran } = await core.invoke('carers.create', { childId, fullName: 'Maureen Price', relationship: 'Grandmother', parentalResponsibility: false }));
});

/** This test's child in the children list (other tests' children are there too). */
async function listed(filter: InputOf<'children.list'> = {}) {
  const { children } = await core.invoke('children.list', filter);
  return children.filter((c) => c.id === childId);
}

function give(changes: Partial<InputOf<'consent.record'>> = {}) {
  return core.invoke('consent.record', {
    childId,
    scope: 'diary',
    recipients: 'all-partners',
    givenByCarerId: mum,
    givenOn: lastMonth,
    method: 'written',
    ...changes,
  });
}

const check = (recipientId: string, on = today, scope: InputOf<'consent.check'>['scope'] = 'diary') =>
  core.invoke('consent.check', { childId, scope, recipientId, on });

describe('consent.check answers from the register', () => {
  it('given: valid, with the consent record it relied on', async () => {
    const { id } = await give({ evidence: 'Signed form in the child’s folder' });
    const answer = await check(rainbow);
    expect(answer).toMatchObject({ valid: true, consentId: id, reason: 'given' });
    expect(answer.message).toContain('Sarah Jones (Mother)');
    expect(answer.message).toContain('Rainbow Day Nursery');
  });

  it('never given: no record for the scope at all', async () => {
    const answer = await check(rainbow);
    expect(answer).toMatchObject({ valid: false, reason: 'never-given' });
    expect(answer.consentId).toBeUndefined();
  });

  it('wrong scope: consent to share the diary is not consent to share observations', async () => {
    await give({ scope: 'diary' });
    expect(await check(rainbow, today, 'observations')).toMatchObject({ valid: false, reason: 'never-given' });
  });

  it('wrong recipient: consent listing one partner does not cover another', async () => {
    await give({ recipients: [rainbow] });
    expect(await check(rainbow)).toMatchObject({ valid: true });
    const other = await check(oak);
    expect(other).toMatchObject({ valid: false, reason: 'recipient-not-covered' });
    expect(other.message).toContain('Oak Primary School');
  });

  it('"all partners" covers every partner in the directory, schools and agencies too', async () => {
    await give({ recipients: 'all-partners' });
    for (const p of [rainbow, oak, hv]) expect((await check(p)).valid).toBe(true);
  });

  it('refused: a refusal is recorded as its own record and the answer says so', async () => {
    const { id } = await give({ decision: 'refused', method: 'verbal' });
    const answer = await check(rainbow);
    expect(answer).toMatchObject({ valid: false, reason: 'refused', relatedConsentId: id });
    expect(answer.consentId).toBeUndefined();
    expect(answer.message).toContain('refused');
  });

  it('seed 004: "the parent’s wishes must be respected if they do not give consent" - a newer refusal outweighs an older consent', async () => {
    await give({ givenOn: lastMonth });
    await give({ decision: 'refused', givenOn: yesterday, givenByCarerId: dad, method: 'verbal' });
    expect(await check(rainbow)).toMatchObject({ valid: false, reason: 'refused' });
    // Before the refusal, the consent stood.
    expect(await check(rainbow, addDaysToDay(lastMonth, 1))).toMatchObject({ valid: true });
  });

  it('a newer consent replaces an older refusal', async () => {
    await give({ decision: 'refused', givenOn: lastMonth, method: 'verbal' });
    const { id } = await give({ givenOn: yesterday });
    expect(await check(rainbow)).toMatchObject({ valid: true, consentId: id });
    expect(await check(rainbow, addDaysToDay(lastMonth, 1))).toMatchObject({ valid: false, reason: 'refused' });
  });

  it('withdrawn: valid last month, withdrawn today - the history answers for each day', async () => {
    const { id } = await give({ givenOn: lastMonth });
    await core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: mum, reason: 'Parents now prefer to talk to Rainbow themselves.' });
    expect(await check(rainbow, addDaysToDay(lastMonth, 3))).toMatchObject({ valid: true, consentId: id });
    expect(await check(rainbow, yesterday)).toMatchObject({ valid: true, consentId: id });
    const now = await check(rainbow, today);
    expect(now).toMatchObject({ valid: false, reason: 'withdrawn', relatedConsentId: id });
    expect(now.message).toContain('withdrawn');
    // Before consent was given there was none.
    expect(await check(rainbow, addDaysToDay(lastMonth, -1))).toMatchObject({ valid: false, reason: 'never-given' });
  });

  // Golden rule 4: "respect the wishes of those who do not consent". Withdrawing the newest consent
  // must not leave an older one in force; a consent given after the withdrawal counts again.
  it('a withdrawal also ends an older consent for the same recipient; only a consent given after it counts', async () => {
    const older = await give({ givenOn: addDaysToDay(lastMonth, -60) });
    const newer = await give({ givenOn: lastMonth });
    expect(await check(rainbow)).toMatchObject({ valid: true, consentId: newer.id });
    await core.invoke('consent.withdraw', { consentId: newer.id, on: yesterday, byCarerId: mum, reason: 'Mum no longer wants the diary shared.' });
    const now = await check(rainbow);
    expect(now).toMatchObject({ valid: false, reason: 'withdrawn', relatedConsentId: newer.id });
    expect(now.consentId).toBeUndefined();
    // The days before the withdrawal still answer as they did.
    expect(await check(rainbow, addDaysToDay(lastMonth, -1))).toMatchObject({ valid: true, consentId: older.id });
    // The parents agree again: the new consent is in force.
    const again = await give({ givenOn: today });
    expect(await check(rainbow)).toMatchObject({ valid: true, consentId: again.id });
  });

  it('expired: valid up to and including the expiry day, not after', async () => {
    const { id } = await give({ givenOn: lastMonth, expiresOn: yesterday });
    expect(await check(rainbow, yesterday)).toMatchObject({ valid: true, consentId: id });
    expect(await check(rainbow, today)).toMatchObject({ valid: false, reason: 'expired', relatedConsentId: id });
  });

  it('an expired consent to one partner does not hide an older consent to all partners still in force', async () => {
    const { id: older } = await give({ givenOn: addMonthsToDay(today, -3), recipients: 'all-partners' });
    await give({ givenOn: lastMonth, recipients: [rainbow], expiresOn: yesterday });
    expect(await check(rainbow)).toMatchObject({ valid: true, consentId: older });
  });

  it('no parental responsibility: consent from a carer without it is refused at once', async () => {
    const res = give({ givenByCarerId: gran });
    await expect(res).rejects.toMatchObject({ code: 'invalid-input' });
    const error = (await res.catch((e: unknown) => e)) as { issues: { path: string[]; message: string }[] };
    expect(error.issues[0].path).toEqual(['givenByCarerId']);
    expect(error.issues[0].message).toContain('parental responsibility');
    expect(await check(rainbow)).toMatchObject({ reason: 'never-given' });
  });

  it('no parental responsibility: when PR is later recorded as ended, the answer changes from that day on', async () => {
    const { id } = await give({ givenOn: lastMonth });
    await core.invoke('carers.update', { carerId: mum, parentalResponsibility: false, prChangedOn: today, prChangeNote: 'Court order' });
    expect(await check(rainbow, yesterday)).toMatchObject({ valid: true, consentId: id });
    const now = await check(rainbow, today);
    expect(now).toMatchObject({ valid: false, reason: 'no-parental-responsibility', relatedConsentId: id });
    expect(now.message).toContain('parental responsibility');
    // The carer's file keeps both answers.
    const { carers } = await core.invoke('carers.list', { childId });
    expect(carers.find((c) => c.id === mum)?.prHistory.map((h) => [h.parentalResponsibility, h.effectiveOn])).toEqual([
      [true, null],
      [false, today],
    ]);
  });

  it('consent from the other parent with PR still counts when one loses PR', async () => {
    await give({ givenOn: lastMonth, givenByCarerId: mum });
    const { id: fromDad } = await give({ givenOn: lastMonth, givenByCarerId: dad });
    await core.invoke('carers.update', { carerId: mum, parentalResponsibility: false, prChangedOn: yesterday });
    expect(await check(rainbow)).toMatchObject({ valid: true, consentId: fromDad });
  });

  it('a consent dated after the day asked about does not count for that day', async () => {
    await give({ givenOn: today });
    expect(await check(rainbow, yesterday)).toMatchObject({ valid: false, reason: 'never-given' });
    expect(await check(rainbow, today)).toMatchObject({ valid: true });
  });
});

describe('seed 001, 3.4: "Parents are asked to give written consent to share information about any additional needs … or to pass on child development summaries to the next provider / school"', () => {
  for (const scope of ['additional-needs', 'transition'] as const) {
    it(`verbal consent for ${scope} is refused with a field error quoting the rule`, async () => {
      const res = give({ scope, method: 'verbal', recipients: [oak] });
      const error = (await res.catch((e: unknown) => e)) as { code: string; issues: { path: string[]; message: string }[] };
      expect(error.code).toBe('invalid-input');
      expect(error.issues).toEqual([expect.objectContaining({ path: ['method'], message: expect.stringContaining('Our information sharing policy, 3.4') })]);
      expect(await check(oak, today, scope)).toMatchObject({ reason: 'never-given' });
    });

    it(`written consent for ${scope} is recorded`, async () => {
      const { id } = await give({ scope, method: 'written', recipients: [oak] });
      expect(await check(oak, today, scope)).toMatchObject({ valid: true, consentId: id });
    });
  }

  it('a verbal refusal for transition is still recorded (a refusal is respected however it is given)', async () => {
    await give({ scope: 'transition', decision: 'refused', method: 'verbal', recipients: [oak] });
    expect(await check(oak, today, 'transition')).toMatchObject({ valid: false, reason: 'refused' });
  });

  it('verbal consent is fine for photographs', async () => {
    await give({ scope: 'photos', method: 'verbal' });
    expect((await check(rainbow, today, 'photos')).valid).toBe(true);
  });
});

describe('the register keeps the full history; nothing is deleted or overwritten', () => {
  it('a withdrawal is its own record: the consent stays, with who withdrew it, when and why', async () => {
    const { id } = await give({ givenOn: lastMonth, evidence: 'Registration pack, page 4' });
    await core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: dad, reason: 'Changed their mind' });
    await give({ scope: 'photos', method: 'verbal', givenOn: yesterday });
    const register = await core.invoke('consent.register', { childId });
    expect(register.entries).toHaveLength(2);
    const diary = register.entries.find((e) => e.id === id)!;
    expect(diary).toMatchObject({
      scope: 'diary',
      decision: 'given',
      givenByName: 'Sarah Jones',
      givenOn: lastMonth,
      method: 'written',
      evidence: 'Registration pack, page 4',
      recordedByName: 'Alice Adminson',
      state: 'withdrawn',
    });
    expect(diary.withdrawal).toMatchObject({ on: today, byName: 'Tom Jones', reason: 'Changed their mind', recordedByName: 'Alice Adminson' });
  });

  it('a consent cannot be withdrawn twice, before it was given, in the future, or by someone who is not the child’s carer', async () => {
    const { id } = await give({ givenOn: lastMonth });
    const { id: otherChild } = await core.invoke('children.create', { legalName: 'Ben Smith', dateOfBirth: '2021-05-01' });
    const { id: stranger } = await core.invoke('carers.create', { childId: otherChild, fullName: 'Jo Smith', relationship: 'Mother', parentalResponsibility: true });
    expect(await errorCode(core.invoke('consent.withdraw', { consentId: id, on: addDaysToDay(lastMonth, -1), byCarerId: mum, reason: 'x' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('consent.withdraw', { consentId: id, on: addDaysToDay(today, 1), byCarerId: mum, reason: 'x' }))).toBe('invalid-input');
    expect(await errorCode(core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: stranger, reason: 'x' }))).toBe('invalid-input');
    await core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: mum, reason: 'Changed their mind' });
    expect(await errorCode(core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: mum, reason: 'again' }))).toBe('conflict');
    const register = await core.invoke('consent.register', { childId });
    expect(register.entries[0].withdrawal?.reason).toBe('Changed their mind');
  });

  it('a refusal is not withdrawn: a new consent replaces it', async () => {
    const { id } = await give({ decision: 'refused', method: 'verbal' });
    expect(await errorCode(core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: mum, reason: 'x' }))).toBe('conflict');
  });

  it('registration form acknowledgement of the information-sharing policy (seed 001, 3.3)', async () => {
    let list = await listed({ consentNeedsAttention: true });
    expect(list[0].consentAttention).toContain('Registration form acknowledgement not recorded');
    await core.invoke('consent.acknowledge', { childId, carerId: mum, on: lastMonth, method: 'signed-form', note: 'Signed at the settling-in visit' });
    const register = await core.invoke('consent.register', { childId });
    expect(register.acknowledgements).toEqual([expect.objectContaining({ carerName: 'Sarah Jones', on: lastMonth, method: 'signed-form' })]);
    list = await listed();
    expect(list[0].consentAttention).not.toContain('Registration form acknowledgement not recorded');
  });

  it('the register’s matrix answers each scope for each partner the child attends', async () => {
    await core.invoke('children.addSharedCare', { childId, partnerId: rainbow, days: [{ day: 'tue', session: 'all-day' }] });
    await give({ recipients: [rainbow], scope: 'diary' });
    const register = await core.invoke('consent.register', { childId });
    expect(register.matrix).toHaveLength(1);
    const row = register.matrix[0];
    expect(row.partnerName).toBe('Rainbow Day Nursery');
    expect(row.results.find((r) => r.scope === 'diary')).toMatchObject({ valid: true });
    expect(row.results.find((r) => r.scope === 'observations')).toMatchObject({ valid: false, reason: 'never-given' });
  });

  it('the children list flags a child whose diary consent with a setting they attend is missing or expired', async () => {
    await core.invoke('consent.acknowledge', { childId, carerId: mum, on: lastMonth, method: 'signed-form' });
    await core.invoke('children.addSharedCare', { childId, partnerId: rainbow, days: [{ day: 'tue', session: 'all-day' }] });
    let flagged = await listed({ consentNeedsAttention: true });
    expect(flagged).toHaveLength(1);
    expect(flagged[0].consentAttention.join(' ')).toContain('Rainbow Day Nursery');
    await give({ recipients: [rainbow], expiresOn: yesterday });
    flagged = await listed({ consentNeedsAttention: true });
    expect(flagged[0].consentAttention.join(' ')).toContain('expired');
    await give({ recipients: [rainbow], givenOn: today });
    flagged = await listed({ consentNeedsAttention: true });
    expect(flagged).toHaveLength(0);
  });
});

describe('bad inputs are refused and nothing is recorded', () => {
  it.each([
    ['an unknown scope', { scope: 'video' }],
    ['no recipients', { recipients: [] }],
    ['recipients that are not a list or "all-partners"', { recipients: 'everyone' }],
    ['an unknown method', { method: 'telepathy' }],
    ['a day that does not exist', { givenOn: '2025-02-30' }],
    ['a day in another format', { givenOn: '14/03/2025' }],
    ['an expiry before it was given', { expiresOn: addDaysToDay(lastMonth, -1) }],
    ['a review before it was given', { reviewOn: addDaysToDay(lastMonth, -1) }],
    ['an unknown decision', { decision: 'maybe' }],
  ])('%s', async (_label, change) => {
    expect(await errorCode(give(change as never))).toBe('invalid-input');
    expect((await core.invoke('consent.register', { childId })).entries).toHaveLength(0);
  });

  it('a date in the future', async () => {
    const error = (await give({ givenOn: addDaysToDay(today, 2) }).catch((e: unknown) => e)) as { code: string; issues: { path: string[] }[] };
    expect(error.code).toBe('invalid-input');
    expect(error.issues[0].path).toEqual(['givenOn']);
  });

  it('a partner that is not in the directory', async () => {
    expect(await errorCode(give({ recipients: ['no-such-partner'] }))).toBe('invalid-input');
  });

  it('a carer of another child', async () => {
    const { id: otherChild } = await core.invoke('children.create', { legalName: 'Ben Smith', dateOfBirth: '2021-05-01' });
    const { id: stranger } = await core.invoke('carers.create', { childId: otherChild, fullName: 'Jo Smith', relationship: 'Mother', parentalResponsibility: true });
    expect(await errorCode(give({ givenByCarerId: stranger }))).toBe('invalid-input');
  });

  it('checks about an unknown child or recipient are not-found', async () => {
    expect(await errorCode(core.invoke('consent.check', { childId: 'nope', scope: 'diary', recipientId: rainbow, on: today }))).toBe('not-found');
    expect(await errorCode(core.invoke('consent.check', { childId, scope: 'diary', recipientId: 'nope', on: today }))).toBe('not-found');
  });
});

describe('access and audit', () => {
  it('practitioners check consent and read the register; only office, DSL, manager and admin record it', async () => {
    const { id } = await give();
    await addUserAndLogin(core, 'kim', ['practitioner']);
    expect((await check(rainbow)).valid).toBe(true);
    expect((await core.invoke('consent.register', { childId })).entries).toHaveLength(1);
    expect(await errorCode(give())).toBe('forbidden');
    expect(await errorCode(core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: mum, reason: 'x' }))).toBe('forbidden');
    await addUserAndLogin(core, 'dee', ['dsl']);
    await core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: mum, reason: 'Told the DSL' });
  });

  it('recording, withdrawing and checking consent are all in the audit trail, naming the child', async () => {
    const { id } = await give();
    await check(rainbow);
    await core.invoke('consent.withdraw', { consentId: id, on: today, byCarerId: mum, reason: 'x' });
    const { entries } = await core.invoke('audit.list', { recordId: `child:${childId}` });
    expect(entries.map((e) => e.channel)).toEqual(expect.arrayContaining(['consent.record', 'consent.check', 'consent.withdraw']));
  });
});
