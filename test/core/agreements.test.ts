import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { observationsBetween } from '../../electron/core/observations/repo';
import { join } from 'node:path';
import { DB_FILE_NAME, openDatabase } from '../../electron/core/db/connection';
import { signaturePng } from '../fixtures/signature';
import { addUserAndLogin, errorCode, loginAdmin, rawKeyFromRecovery, setUpCore } from './helpers';

// Issue 13: the information sharing agreement (the guidance's "information sharing tool"),
// observations and next steps, and joint home visits, through the real core and SQLCipher.

// A fixed clock: Wednesday 25 November 2026, 10:00 in London.
const now = new Date('2026-11-25T10:00:00Z');
const today = '2026-11-25';

let core: Core;
let cleanup: () => Promise<void>;
let dir: string;
let recoveryKey: string;
let childId: string;
let mum: string;
let dad: string;
let rainbow: string;
let oak: string;

const png = () => signaturePng();

const as = async (who: 'admin' | 'kim' | 'olga') => {
  if (who === 'admin') await loginAdmin(core);
  else await core.invoke('auth.login', { username: who, password: 'a new password 22' });
};

beforeAll(async () => {
  ({ core, cleanup, dir, recoveryKey } = await setUpCore({ now: () => now }));
  await addUserAndLogin(core, 'kim', ['practitioner']);
  const kimId = (await core.invoke('auth.session')).session!.userId;
  await addUserAndLogin(core, 'olga', ['office']);
  await loginAdmin(core);
  await core.invoke('setting.update', { address: '1 Acorn Lane, Neston', openingHours: '8am to 6pm, Monday to Friday', phone: '0151 000 0000' });
  rainbow = (await core.invoke('partners.create', { name: 'Rainbow Day Nursery', kind: 'setting', address: '2 Rainbow Road', phone: '0151 111 1111' })).id;
  oak = (await core.invoke('partners.create', { name: 'Oak Tree Childminding', kind: 'childminder' })).id;
  childId = (await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2023-03-14', keyPersonUserId: kimId, attendance: [{ day: 'mon', session: 'all-day' }] })).id;
  mum = (await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true })).id;
  dad = (await core.invoke('carers.create', { childId, fullName: 'Tom Jones', relationship: 'Father', parentalResponsibility: true })).id;
  await core.invoke('carers.create', { childId, fullName: 'Gran Jones', relationship: 'Grandmother', parentalResponsibility: false });
  await core.invoke('children.addSharedCare', {
    childId,
    partnerId: rainbow,
    days: [{ day: 'wed', session: 'all-day' }],
    keyPersonName: 'Hannah Wood',
    transferWho: 'Mum drops off at Rainbow, collects from us',
    handover: 'The communication book and the inhaler',
  });
  await core.invoke('children.addHealth', {
    childId,
    kind: 'medication',
    name: 'Salbutamol inhaler',
    dose: '2 puffs',
    timing: 'When wheezy',
    storedWhere: 'Office cupboard',
    arrangements: [{ partnerId: null, who: 'Kim (key person)' }, { partnerId: rainbow, who: 'Hannah Wood' }],
  });
  await core.invoke('consent.record', { childId, scope: 'diary', recipients: [rainbow], givenByCarerId: mum, givenOn: '2026-09-01', method: 'written' });
}, 180_000);
afterAll(async () => cleanup());

describe('the information sharing agreement', () => {
  it('a new agreement is a draft filled in from the records: each setting, health with who manages it, transfers, and the consents it relies on as they stand today', async () => {
    await as('kim');
    const a = await core.invoke('agreements.get', { childId });
    expect(a).toMatchObject({ version: 1, status: 'draft', saved: false, inSharedCare: true });
    expect(a.settings.map((s) => s.name)).toEqual(['Little Acorns Pre-school', 'Rainbow Day Nursery']);
    expect(a.settings[0]).toMatchObject({ partnerId: null, address: '1 Acorn Lane, Neston', openingHours: '8am to 6pm, Monday to Friday', keyPersonName: 'Test kim' });
    expect(a.settings[1]).toMatchObject({ partnerId: rainbow, address: '2 Rainbow Road', keyPersonName: 'Hannah Wood' });
    expect(a.records.health).toEqual([
      expect.objectContaining({ name: 'Salbutamol inhaler', managedBy: ['Little Acorns Pre-school: Kim (key person)', 'Rainbow Day Nursery: Hannah Wood'] }),
    ]);
    expect(a.records.transfers[0]).toMatchObject({ partnerName: 'Rainbow Day Nursery', who: 'Mum drops off at Rainbow, collects from us' });
    const byScope = Object.fromEntries(a.consents.map((c) => [c.scope, c]));
    expect(byScope.diary).toMatchObject({ partnerName: 'Rainbow Day Nursery', valid: true });
    expect(byScope.diary.consentId).toEqual(expect.any(String));
    expect(byScope.observations.valid).toBe(false);
    expect(byScope['home-visits'].valid).toBe(false);
    // Each parent with parental responsibility and each key person signs; the grandmother without it does not.
    expect(a.signers.map((s) => s.name)).toEqual(['Sarah Jones', 'Tom Jones', 'Test kim', 'Hannah Wood']);
  });

  it('the parts are saved with who completed them and when; a draft nobody has signed is changed in place', async () => {
    await as('kim');
    const first = await core.invoke('agreements.update', {
      childId,
      child: { routines: 'Nap after lunch', food: 'No peanuts', worries: 'Settling on Wednesdays', completedBy: 'Sarah Jones with Kim', completedOn: today },
      sharing: {
        channels: ['communication-book', 'phone'],
        howOften: 'Each day she changes setting',
        passOn: [{ what: 'Accidents, medication and illness', who: 'The key person', howFast: 'The same day' }],
        reviewOn: '2027-03-01',
        completedBy: 'Everyone at the joint meeting',
        completedOn: today,
      },
    });
    expect(first).toEqual({ version: 1, status: 'draft', newVersion: false });
    const second = await core.invoke('agreements.update', { childId, settings: [{ partnerId: rainbow, openingHours: '7.30am to 6pm', keyPersonName: 'Hannah Wood', completedBy: 'Hannah Wood', completedOn: today }] });
    expect(second.version).toBe(1);
    const a = await core.invoke('agreements.get', { childId });
    expect(a.saved).toBe(true);
    expect(a.child).toMatchObject({ routines: 'Nap after lunch', completedBy: 'Sarah Jones with Kim', completedOn: today });
    expect(a.sharing.passOn[0].howFast).toBe('The same day');
    expect(a.settings[1]).toMatchObject({ openingHours: '7.30am to 6pm', completedBy: 'Hannah Wood' });
    expect(a.updatedByName).toBe('Test kim');
    expect((await core.invoke('agreements.versions', { childId })).versions).toHaveLength(1);
  });

  it('refuses bad answers with plain words: a setting the child does not attend, a date in the future, a signature that is not a picture', async () => {
    await as('kim');
    const wrong = await core.invoke('agreements.update', { childId, settings: [{ partnerId: oak }] }).catch((e: unknown) => e as { code: string; issues: { message: string }[] });
    expect(wrong).toMatchObject({ code: 'invalid-input' });
    expect((wrong as { issues: { message: string }[] }).issues[0].message).toBe('The child does not attend that setting: add it under Shared care first.');
    const future = await core.invoke('agreements.update', { childId, child: { completedOn: '2026-12-25' } }).catch((e: unknown) => e as { issues: { path: string[]; message: string }[] });
    expect((future as { issues: { path: string[]; message: string }[] }).issues[0]).toMatchObject({ path: ['child.completedOn'], message: 'That date is in the future: give the day it happened.' });
    for (const image of ['data:image/png;base64,bm90IGEgcGljdHVyZQ==', 'data:text/html;base64,PHNjcmlwdD4=', `data:image/png;base64,${'A'.repeat(400_000)}`]) {
      const bad = await core
        .invoke('agreements.sign', { childId, version: 1, signer: { kind: 'parent', carerId: mum }, signature: { method: 'drawn', image } })
        .catch((e: unknown) => e as { code: string; issues: { message: string }[] });
      expect(bad).toMatchObject({ code: 'invalid-input' });
      expect((bad as { issues: { message: string }[] }).issues[0].message).toMatch(/^(Draw the signature in the box\.|That signature (could not be read|is too large)\. Clear it and sign again\.)$/);
    }
    // Someone who is not a signer (a carer without parental responsibility) cannot sign.
    const { carers } = await core.invoke('carers.list', { childId });
    const gran = carers.find((c) => c.fullName === 'Gran Jones')!.id;
    const notSigner = await core
      .invoke('agreements.sign', { childId, version: 1, signer: { kind: 'parent', carerId: gran }, signature: { method: 'paper', signedOn: today } })
      .catch((e: unknown) => e as { issues: { message: string }[] });
    expect((notSigner as { issues: { message: string }[] }).issues[0].message).toMatch(/not one of the people who sign/);
    expect((await core.invoke('agreements.get', { childId })).signers.every((s) => s.signature === null)).toBe(true);
  });

  it('signed by everyone (drawn, typed, on paper) the version is frozen; a change makes version 2 as a draft and version 1 stays as it was signed', async () => {
    await as('kim');
    const image = png();
    expect(await core.invoke('agreements.sign', { childId, version: 1, signer: { kind: 'parent', carerId: mum }, signature: { method: 'drawn', image } })).toEqual({ status: 'draft', version: 1 });
    // Signing twice is refused.
    expect(await errorCode(core.invoke('agreements.sign', { childId, version: 1, signer: { kind: 'parent', carerId: mum }, signature: { method: 'paper', signedOn: today } }))).toBe('invalid-input');
    await core.invoke('agreements.sign', { childId, version: 1, signer: { kind: 'parent', carerId: dad }, signature: { method: 'typed', typedName: 'Tom Jones', signedOn: today } });
    await core.invoke('agreements.sign', { childId, version: 1, signer: { kind: 'key-person', partnerId: null }, signature: { method: 'drawn', image } });
    const last = await core.invoke('agreements.sign', { childId, version: 1, signer: { kind: 'key-person', partnerId: rainbow }, signature: { method: 'paper', signedOn: '2026-11-24' } });
    expect(last).toEqual({ status: 'signed', version: 1 });

    const signed = await core.invoke('agreements.get', { childId });
    expect(signed).toMatchObject({ version: 1, status: 'signed' });
    expect(signed.signedAt).toBe(now.toISOString());
    const sigs = Object.fromEntries(signed.signers.map((s) => [s.name, s.signature]));
    expect(sigs['Sarah Jones']).toMatchObject({ method: 'drawn', image, signedOn: today, recordedByName: 'Test kim' });
    expect(sigs['Tom Jones']).toMatchObject({ method: 'typed', typedName: 'Tom Jones' });
    expect(sigs['Hannah Wood']).toMatchObject({ method: 'paper', signedOn: '2026-11-24' });

    // A signed version cannot be signed or changed in place.
    expect(await errorCode(core.invoke('agreements.sign', { childId, version: 1, signer: { kind: 'parent', carerId: mum }, signature: { method: 'paper', signedOn: today } }))).toBe('conflict');
    // The records change after signing: the signed version keeps what it was signed on.
    await as('admin');
    await core.invoke('children.addHealth', { childId, kind: 'allergy', name: 'Peanuts', severity: 'anaphylaxis' });
    await as('kim');
    const changed = await core.invoke('agreements.update', { childId, child: { ...signed.child, sleep: 'Sleeps with the light on' } });
    expect(changed).toEqual({ version: 2, status: 'draft', newVersion: true });

    const v2 = await core.invoke('agreements.get', { childId });
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.child.sleep).toBe('Sleeps with the light on');
    expect(v2.signers.every((s) => s.signature === null)).toBe(true);
    expect(v2.records.health.map((h) => h.name).sort()).toEqual(['Peanuts', 'Salbutamol inhaler']);
    expect(v2.settings[1].openingHours).toBe('7.30am to 6pm');

    const v1 = await core.invoke('agreements.get', { childId, version: 1 });
    expect(v1).toMatchObject({ version: 1, status: 'signed' });
    expect(v1.child.sleep).toBeUndefined();
    expect(v1.records.health.map((h) => h.name)).toEqual(['Salbutamol inhaler']);
    expect(v1.signers.map((s) => s.signature?.method)).toEqual(['drawn', 'typed', 'drawn', 'paper']);
    // Signing the old version is refused: it is not the current one.
    expect(await errorCode(core.invoke('agreements.sign', { childId, version: 1, signer: { kind: 'parent', carerId: mum }, signature: { method: 'paper', signedOn: today } }))).toBe('conflict');
    expect((await core.invoke('agreements.versions', { childId })).versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'signed'],
    ]);
  });

  it('a draft somebody has signed is not changed under their signature: the change makes a new version', async () => {
    await as('kim');
    await core.invoke('agreements.sign', { childId, version: 2, signer: { kind: 'parent', carerId: mum }, signature: { method: 'paper', signedOn: today } });
    const r = await core.invoke('agreements.update', { childId, child: { sleep: 'Sleeps with a night light' } });
    expect(r).toEqual({ version: 3, status: 'draft', newVersion: true });
    const v2 = await core.invoke('agreements.get', { childId, version: 2 });
    expect(v2.child.sleep).toBe('Sleeps with the light on');
    expect(v2.signers.find((s) => s.name === 'Sarah Jones')?.signature?.method).toBe('paper');
  });

  it('the signed version is frozen in the database itself: SQL cannot rewrite it or its signatures; reading and signing are audited', async () => {
    const db = openDatabase(join(dir, DB_FILE_NAME), await rawKeyFromRecovery(dir, recoveryKey));
    try {
      expect(() => db.exec(`UPDATE agreements SET child_json = '{}' WHERE child_id = '${childId}' AND version = 1`)).toThrow(/A signed agreement is never changed/);
      expect(() => db.exec(`DELETE FROM agreement_signatures`)).toThrow(/never deleted/);
      expect(() => db.exec(`UPDATE agreement_signatures SET typed_name = 'x'`)).toThrow(/never changed/);
    } finally {
      db.close();
    }
    await as('admin');
    const audit = await core.invoke('audit.list', { childId, limit: 200 });
    expect(audit.entries.filter((e) => e.channel === 'agreements.sign').length).toBeGreaterThanOrEqual(5);
    expect(audit.entries.some((e) => e.channel === 'agreements.get')).toBe(true);
  });

  it('Home lists children in shared care with no agreement, one not signed by everyone, or one past its review date', async () => {
    await as('admin');
    const ben = (await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2023-01-02' })).id;
    await core.invoke('children.addSharedCare', { childId: ben, partnerId: oak, days: [{ day: 'tue', session: 'morning' }] });
    await core.invoke('children.create', { legalName: 'Cara Not Shared', dateOfBirth: '2023-01-02' });
    const list = (await core.invoke('agreements.attention')).children;
    expect(list.map((c) => [c.childName, c.why])).toEqual([
      ['Millie (Amelia Jones)', 'unsigned'],
      ['Ben Ahmed', 'missing'],
    ]);
    // Millie's version 3 signed by everyone, with a review date already gone: past review.
    await as('kim');
    const v3 = await core.invoke('agreements.get', { childId });
    expect(v3.version).toBe(3);
    // A review date before the day it was completed is refused; one after it that has passed stands.
    await expect(core.invoke('agreements.update', { childId, sharing: { ...v3.sharing, completedOn: '2026-11-20', reviewOn: '2026-11-01' } })).rejects.toMatchObject({
      issues: [{ path: ['sharing.reviewOn'], message: 'The review date must be after the day this was completed.' }],
    });
    await core.invoke('agreements.update', { childId, sharing: { ...v3.sharing, completedOn: '2026-10-01', reviewOn: '2026-11-01' } });
    for (const s of v3.signers) await core.invoke('agreements.sign', { childId, version: 3, signer: s.signer, signature: { method: 'paper', signedOn: today } });
    const signed = await core.invoke('agreements.get', { childId });
    expect(signed).toMatchObject({ version: 3, status: 'signed', reviewDue: true });
    expect((await core.invoke('agreements.attention')).children.map((c) => [c.childName, c.why])).toEqual([
      ['Millie (Amelia Jones)', 'review-due'],
      ['Ben Ahmed', 'missing'],
    ]);
  });
});

describe('observations and next steps', () => {
  it('records an observation with its areas, who observed and a next step; lists them by area and by term', async () => {
    await as('kim');
    const { id } = await core.invoke('observations.add', {
      childId,
      observedOn: '2026-11-20',
      areas: ['mathematics', 'communication-language'],
      text: 'Counted five ducks aloud in the water tray.',
      nextStep: { text: 'Count steps on the walk home', status: 'planned', where: 'home' },
    });
    expect(id).toEqual(expect.any(String));
    await core.invoke('observations.add', { childId, observedOn: '2026-06-10', areas: ['physical'], text: 'Climbed the frame on her own.' });
    await core.invoke('observations.add', {
      childId,
      observedOn: '2026-11-18',
      areas: ['expressive-arts'],
      text: 'Painted her family at Rainbow.',
      partnerId: rainbow,
      observerName: 'Hannah Wood',
    });

    const all = (await core.invoke('observations.list', { childId })).observations;
    expect(all.map((o) => o.text)).toEqual(['Counted five ducks aloud in the water tray.', 'Painted her family at Rainbow.', 'Climbed the frame on her own.']);
    expect(all[0]).toMatchObject({ observerName: 'Test kim', settingName: 'Little Acorns Pre-school', thirdParty: false, nextStep: { status: 'planned', where: 'home' } });
    expect(all[1]).toMatchObject({ observerName: 'Hannah Wood', settingName: 'Rainbow Day Nursery', thirdParty: true, nextStep: null });

    const maths = (await core.invoke('observations.list', { childId, area: 'mathematics' })).observations;
    expect(maths.map((o) => o.text)).toEqual(['Counted five ducks aloud in the water tray.']);
    // Terms are the setting's own (the usual funding terms here): June 2026 is the summer term of 2025 to 2026.
    const summer = await core.invoke('observations.list', { childId, term: '2025-summer' });
    expect(summer.observations.map((o) => o.text)).toEqual(['Climbed the frame on her own.']);
    expect(summer.terms).toEqual([
      { id: '2026-autumn', label: 'Autumn term 2026' },
      { id: '2025-summer', label: 'Summer term 2026' },
    ]);

    await core.invoke('observations.setNextStep', { observationId: id, status: 'achieved' });
    expect((await core.invoke('observations.list', { childId, area: 'mathematics' })).observations[0].nextStep?.status).toBe('achieved');
  });

  it('refuses an observation without an area, in the future, or from a partner without saying who observed, in plain words', async () => {
    await as('kim');
    const none = await core.invoke('observations.add', { childId, observedOn: today, areas: [], text: 'x' }).catch((e: unknown) => e as { issues: { path: string[]; message: string }[] });
    expect((none as { issues: { message: string }[] }).issues[0].message).toBe('Choose at least one area of learning.');
    const future = await core.invoke('observations.add', { childId, observedOn: '2026-12-01', areas: ['literacy'], text: 'x' }).catch((e: unknown) => e as { issues: { message: string }[] });
    expect((future as { issues: { message: string }[] }).issues[0].message).toBe('That day is in the future: give the day it happened.');
    const unborn = await core.invoke('observations.add', { childId, observedOn: '2020-01-01', areas: ['literacy'], text: 'x' }).catch((e: unknown) => e as { issues: { path: string[]; message: string }[] });
    expect((unborn as { issues: { path: string[]; message: string }[] }).issues[0]).toMatchObject({ path: ['observedOn'], message: expect.stringMatching(/^That is before the child was born \(/) });
    const noObserver = await core.invoke('observations.add', { childId, observedOn: today, areas: ['literacy'], text: 'x', partnerId: rainbow }).catch((e: unknown) => e as { issues: { message: string }[] });
    expect((noObserver as { issues: { message: string }[] }).issues[0].message).toBe('Say who observed the child at the other setting.');
    expect(await errorCode(core.invoke('observations.add', { childId, observedOn: today, areas: ['cooking' as never], text: 'x' }))).toBe('invalid-input');
  });
});

describe('joint home visits', () => {
  let homeVisitId: string;
  it('notes of a home visit go to a partner only where the consent register covers home visits; each share is recorded', async () => {
    await as('kim');
    ({ id: homeVisitId } = await core.invoke('homevisits.record', {
      childId,
      visitedOn: '2026-11-10',
      who: 'Kim (key person) and Hannah Wood',
      fromUs: true,
      partnerIds: [rainbow],
      notes: 'Millie showed us her bedroom; Mum worries about the Wednesday change-over.',
      nextSteps: 'Photo book of both settings for home',
    }));
    await as('olga');
    const refused = await core.invoke('homevisits.share', { homeVisitId, partnerId: rainbow, method: 'secure-email' });
    expect(refused).toMatchObject({ shared: false });
    expect(refused.shared === false && refused.message).toMatch(/home visits/i);
    expect((await core.invoke('homevisits.list', { childId })).visits[0].shares).toEqual([]);

    await as('admin');
    const { id: consentId } = await core.invoke('consent.record', { childId, scope: 'home-visits', recipients: [rainbow], givenByCarerId: mum, givenOn: today, method: 'verbal' });
    await as('olga');
    const ok = await core.invoke('homevisits.share', { homeVisitId, partnerId: rainbow, method: 'secure-email' });
    expect(ok).toMatchObject({ shared: true, consentId });
    const visit = (await core.invoke('homevisits.list', { childId })).visits[0];
    expect(visit).toMatchObject({ who: 'Kim (key person) and Hannah Wood', settings: [{ partnerId: rainbow, name: 'Rainbow Day Nursery' }] });
    expect(visit.shares).toEqual([expect.objectContaining({ partnerName: 'Rainbow Day Nursery', consentId, sharedByName: 'Test olga' })]);
    // A practitioner does not share (as with the diary: the office, the manager or the DSL).
    await as('kim');
    expect(await errorCode(core.invoke('homevisits.share', { homeVisitId, partnerId: rainbow, method: 'secure-email' }))).toBe('forbidden');
  });

  it('chosen in a sharing decision, home-visit notes and observations are held back from a partner without the consent for them', async () => {
    await as('admin');
    const items = (await core.invoke('sharing.items', { childId })).items;
    const visitItem = items.find((i) => i.kind === 'home-visit')!;
    const partnerObs = items.find((i) => i.kind === 'observation' && i.suggestedAgency === 'Rainbow Day Nursery')!;
    const ourObs = items.find((i) => i.kind === 'observation' && i.label.includes('Mathematics'))!;
    expect(visitItem.content).toContain('Wednesday change-over');
    const draft = {
      childId,
      partnerId: oak,
      purpose: 'Oak Tree is starting to care for Millie on Fridays.',
      legitimatePurpose: true,
      recipientNeed: 'childs-care' as const,
      items: [
        { ref: visitItem.ref, necessary: true },
        { ref: ourObs.ref, necessary: true },
        { ref: partnerObs.ref, necessary: true },
      ],
      identifiable: true,
      confidential: true,
      consentScope: 'diary' as const,
      consent: 'not-sought' as const,
      consentNotSoughtReason: 'Asked at the meeting',
      statutoryDuty: false,
      courtOrder: false,
      harm: 'none' as const,
      adviceSought: false,
      parentsInformed: true,
      method: 'secure-email' as const,
      decision: 'share' as const,
      reasons: 'To help Oak Tree settle her.',
    };
    await core.invoke('consent.record', { childId, scope: 'diary', recipients: [oak], givenByCarerId: mum, givenOn: today, method: 'written' });
    const assessed = await core.invoke('sharing.assess', { ...draft, consent: 'given', consentNotSoughtReason: undefined });
    const withheld = Object.fromEntries(assessed.assessment.itemsWithheld.map((w) => [w.id, w.reason]));
    expect(withheld[visitItem.ref]).toBe('This needs consent to share notes of home visits, which the consent register does not show, so it is held back.');
    expect(withheld[ourObs.ref]).toBe('This needs consent to share observations, which the consent register does not show, so it is held back.');
    expect(withheld[partnerObs.ref]).toMatch(/Rainbow Day Nursery, which has not agreed/);

    // With consent for observations to Oak Tree, our own observation goes; the partner's still needs Rainbow's agreement.
    await core.invoke('consent.record', { childId, scope: 'observations', recipients: [oak], givenByCarerId: mum, givenOn: today, method: 'verbal' });
    const again = await core.invoke('sharing.assess', { ...draft, consent: 'given', consentNotSoughtReason: undefined });
    const ids = again.assessment.itemsWithheld.map((w) => w.id);
    expect(ids).not.toContain(ourObs.ref);
    expect(ids).toContain(partnerObs.ref);
    expect(ids).toContain(visitItem.ref);
  });
});

describe('observationsBetween (for the termly meeting)', () => {
  it('returns a child’s observations in a date span, oldest first, ends included', async () => {
    const db = openDatabase(join(dir, DB_FILE_NAME), await rawKeyFromRecovery(dir, recoveryKey));
    try {
      const autumn = observationsBetween(db, childId, '2026-09-01', '2026-11-20', 'Little Acorns Pre-school');
      expect(autumn.map((o) => o.observedOn)).toEqual(['2026-11-18', '2026-11-20']);
      expect(observationsBetween(db, childId, '2026-11-19', '2026-11-19', 'x')).toEqual([]);
    } finally {
      db.close();
    }
  });
});

