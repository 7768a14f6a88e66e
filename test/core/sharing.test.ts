import Database from '@signalapp/sqlcipher';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Role } from '../../shared/contract/define';
import type { InputOf } from '../../shared/contract/index';
import { londonDay } from '../../shared/domain/dates';
import { addDaysToDay, addMonthsToDay } from '../../shared/domain/weekdays';
import { ADMIN, errorCode, loginAdmin, rawKeyFromRecovery, setUpCore } from './helpers';

// Information-sharing decisions: the decision record, authorisation by a second person, decisions
// not to share, immutability and addenda, the register and the share pack. The engine itself is
// tested in policy.test.ts; here the core must run it again and never trust the renderer.

const PASSWORD = 'a settled password 7';
let core: Core;
let dir: string;
let recoveryKey: string;
let cleanup: () => Promise<void>;
const today = londonDay();

let oak: string; // the next school
let socialCare: string; // children's social care
let sunshine: string; // a childminder the child also attends

let childId: string;
let mum: string;
let peanut: string; // an allergy
let bruise: string; // a diary entry: a concern noticed at drop-off
let fromSunshine: string; // a diary entry typed in from the childminder's book (third-party)

async function addStaff(username: string, fullName: string, roles: Role[]) {
  await loginAdmin(core);
  await core.invoke('users.create', { fullName, username, password: 'initial password 1', roles });
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
  ({ core, dir, recoveryKey, cleanup } = await setUpCore());
  await addStaff('dina', 'Dina Lead', ['dsl']);
  await addStaff('mark', 'Mark Manager', ['manager']);
  await addStaff('pat', 'Pat Keyperson', ['practitioner']);
  await addStaff('olly', 'Olly Office', ['office']);
  await loginAdmin(core);
  ({ id: oak } = await core.invoke('partners.create', { name: 'Oak Primary School', kind: 'school', secureEmail: 'office@oak.sch.example' }));
  ({ id: socialCare } = await core.invoke('partners.create', { name: 'Children’s Social Care (MASH)', kind: 'social-care', secureEmail: 'mash@council.gov.example' }));
  ({ id: sunshine } = await core.invoke('partners.create', { name: 'Sunshine Childminding', kind: 'childminder' }));
}, 120_000);
afterAll(async () => cleanup());

beforeEach(async () => {
  await as(ADMIN.username);
  ({ id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2022-03-14', room: 'Rainbow' }));
  ({ id: mum } = await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true }));
  ({ id: peanut } = await core.invoke('children.addHealth', {
    childId,
    kind: 'allergy',
    name: 'Peanuts',
    severity: 'anaphylaxis',
    actionPlan: 'Adrenaline pen in the office; call 999.',
  }));
  await core.invoke('children.addSharedCare', { childId, partnerId: sunshine, days: [{ day: 'wed', session: 'all-day' }] });
  ({ id: bruise } = await core.invoke('diary.add', {
    childId,
    day: today,
    category: 'wellbeing',
    from: { kind: 'staff' },
    to: { kind: 'staff' },
    text: 'Bruising noticed on the upper arm at drop-off; Millie said “daddy grabbed me”.',
  }));
  ({ id: fromSunshine } = await core.invoke('diary.add', {
    childId,
    day: addDaysToDay(today, -1),
    category: 'message',
    from: { kind: 'partner', partnerId: sunshine, person: 'Jo Smith' },
    to: { kind: 'staff' },
    text: 'Jo says Millie has been withdrawn and flinches when her father collects her.',
  }));
});

/** A share to the next school, on the parents' written consent in the register. */
function schoolShare(over: Partial<InputOf<'sharing.record'>> = {}): InputOf<'sharing.record'> {
  return {
    childId,
    partnerId: oak,
    purpose: 'Transition to Reception in September: the allergy plan.',
    legitimatePurpose: true,
    recipientNeed: 'childs-care',
    items: [{ ref: `health:${peanut}`, necessary: true }],
    identifiable: true,
    confidential: true,
    consentScope: 'transition',
    consent: 'given',
    statutoryDuty: false,
    courtOrder: false,
    harm: 'none',
    adviceSought: false,
    parentsInformed: true,
    method: 'secure-email',
    decision: 'share',
    reasons: 'Mum asked us to pass on the allergy plan before Millie starts school.',
    ...over,
  };
}

/** A referral to children's social care: the parents refused, and there is reasonable cause to believe the child is at risk. */
function safeguardingShare(over: Partial<InputOf<'sharing.record'>> = {}): InputOf<'sharing.record'> {
  return {
    childId,
    partnerId: socialCare,
    purpose: 'Referral: bruising and a disclosure at drop-off.',
    legitimatePurpose: true,
    recipientNeed: 'safeguarding-function',
    items: [
      { ref: `diary:${bruise}`, necessary: true },
      { ref: 'note:1', necessary: true, source: 'us', text: 'Body map completed by the DSL at 09:10. Mum was told we would speak to social care and refused consent.' },
      { ref: `health:${peanut}`, necessary: false },
    ],
    identifiable: true,
    confidential: true,
    consent: 'refused',
    statutoryDuty: false,
    courtOrder: false,
    harm: 'significant-harm-suspected',
    adviceSought: true,
    adviceFrom: 'Duty social worker at the front door (no names given)',
    adviceNote: 'Advised to make a referral today.',
    parentsInformed: true,
    method: 'secure-email',
    decision: 'share',
    reasons: 'A disclosure and a bruise: the risk to Millie outweighs her mother’s refusal.',
    ...over,
  };
}

async function giveTransitionConsent() {
  await as(ADMIN.username);
  return core.invoke('consent.record', { childId, scope: 'transition', recipients: [oak], givenByCarerId: mum, givenOn: addMonthsToDay(today, -1), method: 'written' });
}

async function decisionCount(): Promise<number> {
  await as('dina');
  return (await core.invoke('sharing.list', { childId })).total;
}

/** Audit entries of one channel that touched this test's child. */
async function audited(channel: string): Promise<number> {
  await as(ADMIN.username);
  return (await core.invoke('audit.list', { childId, limit: 1000 })).entries.filter((e) => e.channel === channel).length;
}

describe('the decision record', () => {
  it('“Share with consent where appropriate”: a share on the parents’ consent is recorded with the consent record it relied on, and the items frozen', async () => {
    const { id: consentId } = await giveTransitionConsent();
    await as('dina');
    const assessed = await core.invoke('sharing.assess', schoolShare());
    expect(assessed.assessment.outcome).toBe('share');
    expect(assessed.consent).toMatchObject({ scope: 'transition', valid: true, consentId, suggested: 'given' });
    expect(assessed.consent?.message).toContain('Sarah Jones (Mother)');

    const { id, status } = await core.invoke('sharing.record', schoolShare());
    expect(status).toBe('shared');
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision).toMatchObject({
      status: 'shared',
      decision: 'share',
      basis: 'consent',
      recipientName: 'Oak Primary School',
      decidedByName: 'Dina Lead',
      decidedByRoles: ['dsl'],
      needsAuthorisation: false,
      authorisation: null,
      reasons: 'Mum asked us to pass on the allergy plan before Millie starts school.',
    });
    expect(decision.consent).toMatchObject({ consentId, valid: true });
    expect(decision.sharedAt).toBe(decision.decidedAt);
    // What exactly was shared, frozen at that moment: the label and the content as they were.
    expect(decision.items).toHaveLength(1);
    expect(decision.items[0]).toMatchObject({ ref: `health:${peanut}`, label: 'Allergy: Peanuts', shared: true });
    expect(decision.items[0].content).toContain('Adrenaline pen in the office');

    // The record does not follow later changes to the child's file.
    await as(ADMIN.username);
    await core.invoke('children.updateHealth', { healthId: peanut, kind: 'allergy', name: 'Peanuts and tree nuts', severity: 'anaphylaxis', actionPlan: 'Two pens now.' });
    await as('dina');
    const again = await core.invoke('sharing.get', { sharingId: id });
    expect(again.items[0].label).toBe('Allergy: Peanuts');
    expect(again.items[0].content).toContain('Adrenaline pen in the office');
  });

  it('“The decision should never be made as an individual, but with the back-up of the management team”: refused consent and significant harm waits for a second person; the decider and a practitioner cannot authorise it, a manager can', async () => {
    await as('dina');
    const assessed = await core.invoke('sharing.assess', safeguardingShare());
    expect(assessed.assessment.outcome).toBe('needs-authorisation');
    expect(assessed.needsAuthorisation).toBe(true);
    expect(assessed.authorisers).toBe('the DSL or a manager');

    const { id, status } = await core.invoke('sharing.record', safeguardingShare());
    expect(status).toBe('awaiting-authorisation');
    const pending = await core.invoke('sharing.pending');
    expect(pending.decisions.map((d) => d.id)).toContain(id);

    // The DSL who decided cannot also authorise it.
    await expect(core.invoke('sharing.authorise', { sharingId: id, agree: true })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/cannot also authorise/) });
    // A practitioner is not one of the policy's authorising roles.
    await as('pat');
    await expect(core.invoke('sharing.authorise', { sharingId: id, agree: true })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/the DSL or a manager/) });
    expect((await core.invoke('sharing.pending')).decisions.map((d) => d.id)).not.toContain(id);
    await as('dina');
    expect((await core.invoke('sharing.get', { sharingId: id })).status).toBe('awaiting-authorisation');

    // A manager, logged in as herself, agrees: now it is shared, and the engine's re-run says so.
    await as('mark');
    const mine = await core.invoke('sharing.pending');
    expect(mine.canAuthorise).toBe(true);
    expect(mine.decisions.find((d) => d.id === id)).toMatchObject({ childName: 'Millie (Amelia Jones)', recipientName: 'Children’s Social Care (MASH)' });
    expect((await core.invoke('sharing.get', { sharingId: id })).canAuthorise).toBe(true);
    expect(await core.invoke('sharing.authorise', { sharingId: id, agree: true, note: 'Agreed: refer today.' })).toEqual({ status: 'shared' });
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision).toMatchObject({
      status: 'shared',
      basis: 'safeguarding',
      outcomeAtRecord: 'needs-authorisation',
      authorisation: { agreed: true, byName: 'Mark Manager', byRoles: ['manager'], how: 'own-login', note: 'Agreed: refer today.' },
    });
    expect(decision.assessmentAtRecord.outcome).toBe('needs-authorisation');
    expect(decision.assessment.outcome).toBe('share');
    expect(decision.sharedAt).toBe(decision.authorisedAt);
    // Exactly the needed items were shared; the one marked not needed was held back with the reason.
    expect(decision.items.filter((i) => i.shared).map((i) => i.ref)).toEqual([`diary:${bruise}`, 'note:1']);
    expect(decision.items.find((i) => i.ref === `health:${peanut}`)).toMatchObject({ shared: false, withheldReason: expect.stringMatching(/Not needed/) });
    // Authorised once: a second agreement is refused.
    expect(await errorCode(core.invoke('sharing.authorise', { sharingId: id, agree: true }))).toBe('conflict');

    // The audit trail names the child for the record and for the authorisation.
    await as(ADMIN.username);
    const { entries } = await core.invoke('audit.list', { childId, limit: 100 });
    const channels = entries.map((e) => e.channel);
    expect(channels).toContain('sharing.record');
    expect(channels).toContain('sharing.authorise');
    expect(entries.find((e) => e.channel === 'sharing.authorise')?.recordIds).toEqual(expect.arrayContaining([`child:${childId}`, `sharing:${id}`]));
  });

  it('a second person at the same laptop confirms with their own password; a wrong password is refused and nothing is written', async () => {
    await as('dina');
    const before = await decisionCount();
    const auditBefore = await audited('sharing.record');
    await as('dina');
    const wrong = core.invoke('sharing.record', safeguardingShare({ authoriser: { username: 'mark', password: 'not his password' } }));
    await expect(wrong).rejects.toMatchObject({ code: 'wrong-credentials', issues: [{ path: ['authoriser', 'password'] }] });
    expect(await decisionCount()).toBe(before);
    expect(await audited('sharing.record')).toBe(auditBefore);

    await as('dina');
    const { id, status } = await core.invoke('sharing.record', safeguardingShare({ authoriser: { username: 'mark', password: PASSWORD } }));
    expect(status).toBe('shared');
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision.authorisation).toMatchObject({ agreed: true, byName: 'Mark Manager', how: 'same-laptop-password' });
    expect(decision.decidedByName).toBe('Dina Lead');
    // The one logged in is still the DSL: the second person's password did not log them in.
    expect((await core.invoke('auth.session')).session?.username).toBe('dina');

    // A second person who is not an authoriser is refused, even with the right password.
    const office = core.invoke('sharing.record', safeguardingShare({ authoriser: { username: 'olly', password: PASSWORD } }));
    await expect(office).rejects.toMatchObject({ code: 'forbidden', issues: [{ path: ['authoriser', 'username'] }] });
    // The decider typing their own password is still one person.
    expect(await errorCode(core.invoke('sharing.record', safeguardingShare({ authoriser: { username: 'dina', password: PASSWORD } })))).toBe('forbidden');
  });

  it('“Keep a record of your decision and the reasons for it – whether it is to share information or not”: a decision not to share is recorded with the reasons', async () => {
    await as('dina');
    expect(await errorCode(core.invoke('sharing.record', safeguardingShare({ decision: 'do-not-share', reasons: '   ' })))).toBe('invalid-input');
    const { id, status } = await core.invoke(
      'sharing.record',
      schoolShare({ consentScope: undefined, consent: 'refused', decision: 'do-not-share', reasons: 'Mum does not want the school told yet; there is no risk to Millie.' }),
    );
    expect(status).toBe('not-shared');
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision).toMatchObject({ status: 'not-shared', decision: 'do-not-share', outcomeAtRecord: 'do-not-share', sharedAt: null, itemsShared: 0, itemsWithheld: 1 });
    expect(decision.reasons).toBe('Mum does not want the school told yet; there is no risk to Millie.');
    expect(decision.items[0]).toMatchObject({ shared: false, withheldReason: 'Not shared, because the decision was not to share.' });
    // There is no share pack for a decision not to share.
    expect(await errorCode(core.invoke('sharing.pack', { sharingId: id }))).toBe('conflict');
    // And no second person is asked for.
    expect(await errorCode(core.invoke('sharing.record', schoolShare({ decision: 'do-not-share', authoriser: { username: 'mark', password: PASSWORD } })))).toBe('invalid-input');
  });

  it('a second person who does not agree is recorded too: the decision is not authorised and nothing is shared', async () => {
    await as('dina');
    const { id } = await core.invoke('sharing.record', safeguardingShare());
    await as('mark');
    expect(await errorCode(core.invoke('sharing.authorise', { sharingId: id, agree: false }))).toBe('invalid-input');
    expect(await core.invoke('sharing.authorise', { sharingId: id, agree: false, note: 'Speak to the duty team first; not enough yet.' })).toEqual({ status: 'declined' });
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision).toMatchObject({ status: 'declined', sharedAt: null, itemsShared: 0, authorisation: { agreed: false, note: 'Speak to the duty team first; not enough yet.' } });
    expect(decision.items.every((i) => !i.shared)).toBe(true);
  });
});

describe('the core does not trust the renderer', () => {
  it('the engine is re-run in the core: “Except in cases of child protection, the parent’s wishes must be respected if they do not give consent”', async () => {
    await as('dina');
    const before = await decisionCount();
    // Refused consent and no significant harm: the engine says do not share, whatever the renderer claims.
    const refused = core.invoke('sharing.record', schoolShare({ consentScope: undefined, consent: 'refused' }));
    await expect(refused).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['decision'], message: expect.stringMatching(/respect the parents' wishes/) }] });
    // Ordinary email for confidential information: more is needed first.
    expect(await errorCode(core.invoke('sharing.record', safeguardingShare({ method: 'plain-email' })))).toBe('invalid-input');
    expect(await decisionCount()).toBe(before);
  });

  it('consent claimed as given must be in the consent register', async () => {
    await as('dina');
    // No scope chosen, or a scope with no consent: the claim is refused and the engine is not told it.
    const noScope = await core.invoke('sharing.assess', schoolShare({ consentScope: undefined }));
    expect(noScope.problems.map((p) => p.path.join('.'))).toEqual(['consent']);
    expect(noScope.assessment.outcome).not.toBe('share');
    const notInRegister = await core.invoke('sharing.assess', schoolShare());
    expect(notInRegister.consent).toMatchObject({ valid: false, reason: 'never-given', suggested: 'not-sought' });
    expect(notInRegister.problems[0].message).toMatch(/The consent register does not show consent/);
    await expect(core.invoke('sharing.record', schoolShare())).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['consent'] }] });

    // A refusal in the register is shown as the register's answer, with the record behind it.
    await as(ADMIN.username);
    const { id: refusal } = await core.invoke('consent.record', { childId, scope: 'additional-needs', decision: 'refused', recipients: 'all-partners', givenByCarerId: mum, givenOn: today, method: 'written' });
    await as('dina');
    const refusedAnswer = await core.invoke('sharing.assess', schoolShare({ consentScope: 'additional-needs', consent: 'refused' }));
    expect(refusedAnswer.consent).toMatchObject({ valid: false, reason: 'refused', relatedConsentId: refusal, suggested: 'refused' });
    expect(refusedAnswer.problems).toEqual([]);

    // Golden rule 4, "respect the wishes of those who do not consent": answering "not asked for"
    // when the register shows a refusal is refused, and nothing is recorded.
    const before = await decisionCount();
    const hidden = await core.invoke('sharing.assess', schoolShare({ consentScope: 'additional-needs', consent: 'not-sought', consentNotSoughtReason: 'would-prejudice-investigation' }));
    expect(hidden.problems).toEqual([{ path: ['consent'], message: expect.stringMatching(/The consent register shows the parents’ answer: .* refused consent .* Answer “Refused”/) }]);
    expect(hidden.assessment.basis).toBeUndefined();
    await expect(core.invoke('sharing.record', schoolShare({ consentScope: 'additional-needs', consent: 'not-sought', consentNotSoughtReason: 'would-prejudice-investigation' }))).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['consent'] }],
    });
    expect(await decisionCount()).toBe(before);
  });

  it('items come from this child’s records only, and advice is recorded without naming the child (golden rule 3)', async () => {
    await as(ADMIN.username);
    const { id: other } = await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2022-01-02' });
    const { id: hisAllergy } = await core.invoke('children.addHealth', { childId: other, kind: 'allergy', name: 'Milk', severity: 'mild' });
    await as('dina');
    await expect(core.invoke('sharing.assess', schoolShare({ items: [{ ref: `health:${hisAllergy}`, necessary: true }] }))).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['items.0.ref'] }],
    });
    const named = await core.invoke('sharing.assess', safeguardingShare({ adviceNote: 'Talked it through with the duty team about Millie.' }));
    expect(named.problems).toEqual([{ path: ['adviceNote'], message: expect.stringMatching(/without naming the child/) }]);
    expect(await errorCode(core.invoke('sharing.record', safeguardingShare({ adviceFrom: 'Asked about Amelia Jones' })))).toBe('invalid-input');
  });

  it('who decided comes from the session: an office user cannot record, and a practitioner only proposes when the policy allows', async () => {
    await as('olly');
    expect(await errorCode(core.invoke('sharing.record', schoolShare()))).toBe('forbidden');
    await giveTransitionConsent();
    await as('pat');
    await expect(core.invoke('sharing.record', schoolShare())).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/does not let practitioners/) });

    await as('mark');
    await core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl', 'manager'], authorisationForAllConfidential: false, practitionersMayPropose: true });
    try {
      await as('pat');
      // The engine alone would say "share" (consent is in the register); a practitioner's share is a proposal.
      const assessed = await core.invoke('sharing.assess', schoolShare());
      expect(assessed).toMatchObject({ proposalOnly: true, needsAuthorisation: true, assessment: { outcome: 'share' } });
      const { id, status } = await core.invoke('sharing.record', schoolShare());
      expect(status).toBe('awaiting-authorisation');
      // The practitioner sees their own proposal, and not the register.
      expect((await core.invoke('sharing.get', { sharingId: id })).proposal).toBe(true);
      expect((await core.invoke('sharing.pending')).decisions.map((d) => d.id)).toEqual([id]);
      expect(await errorCode(core.invoke('sharing.list', {}))).toBe('forbidden');
      await as('dina');
      expect(await core.invoke('sharing.authorise', { sharingId: id, agree: true })).toEqual({ status: 'shared' });
      // Another practitioner's proposals are not theirs to open.
      await as('dina');
      const { id: dinas } = await core.invoke('sharing.record', schoolShare({ reasons: 'The DSL’s own decision.' }));
      await as('pat');
      expect(await errorCode(core.invoke('sharing.get', { sharingId: dinas }))).toBe('forbidden');
    } finally {
      await as('mark');
      await core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl', 'manager'], authorisationForAllConfidential: false, practitionersMayPropose: false });
    }
  });
});

describe('records that are never edited', () => {
  it('a recorded decision cannot be changed or deleted; a correction is an addendum with who, when and why', async () => {
    await as('dina');
    const { id } = await core.invoke('sharing.record', safeguardingShare({ authoriser: { username: 'mark', password: PASSWORD } }));
    const { addendumId } = await core.invoke('sharing.addendum', { sharingId: id, text: 'The school’s SENCO confirmed receipt by phone.', why: 'Receipt confirmed.' });
    expect(addendumId).toBeTruthy();
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision.addenda).toEqual([{ id: addendumId, text: 'The school’s SENCO confirmed receipt by phone.', why: 'Receipt confirmed.', byName: 'Dina Lead', at: expect.any(String) }]);
    expect(decision.reasons).toBe(safeguardingShare().reasons);
    // Practitioners and office staff do not add to the record.
    await as('olly');
    expect(await errorCode(core.invoke('sharing.addendum', { sharingId: id, text: 'x', why: 'y' }))).toBe('forbidden');

    // Even with the database key, the tables refuse UPDATE and DELETE.
    await as(ADMIN.username);
    await core.invoke('auth.lock');
    const raw = new Database(join(dir, 'twoway.db'));
    raw.pragma(`key = "x'${(await rawKeyFromRecovery(dir, recoveryKey)).toString('hex')}'"`);
    try {
      expect(() => raw.prepare("UPDATE sharing_decisions SET reasons = 'changed' WHERE id = $id").run({ id })).toThrow(/never changed: add an addendum/);
      expect(() => raw.prepare('DELETE FROM sharing_decisions WHERE id = $id').run({ id })).toThrow(/never deleted/);
      expect(() => raw.prepare("UPDATE sharing_addenda SET text = 'changed' WHERE id = $id").run({ id: addendumId })).toThrow(/never changed/);
      expect(() => raw.prepare('DELETE FROM sharing_addenda WHERE id = $id').run({ id: addendumId })).toThrow(/never deleted/);
      expect(() => raw.prepare('UPDATE sharing_authorisations SET agreed = 0 WHERE decision_id = $id').run({ id })).toThrow(/never changed/);
      expect(() => raw.prepare('DELETE FROM sharing_authorisations WHERE decision_id = $id').run({ id })).toThrow(/never deleted/);
    } finally {
      raw.close();
    }
  });
});

describe('the register and the share pack', () => {
  it('the register filters by child, recipient, outcome and dates; the child’s file lists its own history', async () => {
    await giveTransitionConsent();
    await as('dina');
    const shared = (await core.invoke('sharing.record', schoolShare())).id;
    const notShared = (await core.invoke('sharing.record', schoolShare({ consentScope: undefined, consent: 'refused', decision: 'do-not-share', reasons: 'Not needed now.' }))).id;
    const awaiting = (await core.invoke('sharing.record', safeguardingShare())).id;

    const ids = async (filter: InputOf<'sharing.list'>) => (await core.invoke('sharing.list', { childId, ...filter })).decisions.map((d) => d.id);
    expect(await ids({})).toEqual([awaiting, notShared, shared]);
    expect(await ids({ partnerId: oak })).toEqual([notShared, shared]);
    expect(await ids({ partnerId: socialCare })).toEqual([awaiting]);
    expect(await ids({ status: 'shared' })).toEqual([shared]);
    expect(await ids({ status: 'awaiting-authorisation' })).toEqual([awaiting]);
    expect(await ids({ decision: 'do-not-share' })).toEqual([notShared]);
    expect(await ids({ from: today, to: today })).toHaveLength(3);
    expect(await ids({ from: addDaysToDay(today, 1) })).toEqual([]);
    expect(await ids({ to: addDaysToDay(today, -1) })).toEqual([]);
    // Another child's decisions are not in this child's history.
    const everyone = await core.invoke('sharing.list', {});
    expect(everyone.decisions.map((d) => d.id)).toEqual(expect.arrayContaining([shared, notShared, awaiting]));
    expect(everyone.decisions.some((d) => d.childId !== childId)).toBe(true);
    // The register is for the DSL, managers and administrators.
    await as('pat');
    expect(await errorCode(core.invoke('sharing.list', {}))).toBe('forbidden');
    await as(ADMIN.username);
    expect((await core.invoke('sharing.list', { childId })).total).toBe(3);
    // Reading the register is audited against each child listed.
    const { entries } = await core.invoke('audit.list', { childId, limit: 5 });
    expect(entries.some((e) => e.channel === 'sharing.list' && e.userName === ADMIN.fullName)).toBe(true);
  });

  it('the share pack holds exactly the approved items, with the cover sheet: purpose, basis, recipient, handling and the third-party warning', async () => {
    await as('dina');
    const { id } = await core.invoke(
      'sharing.record',
      safeguardingShare({
        items: [
          { ref: `diary:${bruise}`, necessary: true },
          // From the childminder, who agreed to it being passed on.
          {
            ref: `diary:${fromSunshine}`,
            necessary: true,
            thirdParty: { agency: 'Sunshine Childminding', agencyConsent: true, agreedBy: 'Jo Smith, childminder', agreedOn: today, agreedHow: 'By phone, noted in the diary' },
          },
          // From the health visitor, who has not agreed: held back (seed 001, 1.3).
          { ref: 'note:2', necessary: true, source: 'agency', text: 'Health visitor’s notes of a home visit.', thirdParty: { agency: 'Health visiting team', agencyConsent: false } },
          { ref: `health:${peanut}`, necessary: false },
        ],
        authoriser: { username: 'mark', password: PASSWORD },
      }),
    );
    const pack = await core.invoke('sharing.pack', { sharingId: id });
    expect(pack.items.map((i) => i.ref)).toEqual([`diary:${bruise}`, `diary:${fromSunshine}`]);
    expect(pack.decision.items.find((i) => i.ref === 'note:2')).toMatchObject({ shared: false, withheldReason: expect.stringMatching(/Health visiting team, which has not agreed/) });
    expect(pack.thirdPartyWarning).toMatch(/came from Sunshine Childminding/);
    expect(pack.decision.basis).toBe('safeguarding');
    expect(pack.recipient.name).toBe('Children’s Social Care (MASH)');
    expect(pack.handling[0]).toMatch(/secure email/);
    expect(pack.handling.join(' ')).toContain(safeguardingShare().purpose);
    expect(pack.printedBy).toBe('Dina Lead');
    // The items offered for a share: the child's records, with the childminder's entry marked as theirs.
    const { items } = await core.invoke('sharing.items', { childId });
    expect(items.find((i) => i.ref === `diary:${fromSunshine}`)?.suggestedAgency).toBe('Sunshine Childminding');
    expect(items.map((i) => i.kind)).toEqual(expect.arrayContaining(['details', 'carer', 'health', 'shared-care', 'diary']));
    // Printing the pack is in the audit trail, against the child.
    await as(ADMIN.username);
    const { entries } = await core.invoke('audit.list', { childId, limit: 10 });
    expect(entries.find((e) => e.channel === 'sharing.pack')?.recordIds).toEqual(expect.arrayContaining([`child:${childId}`, `sharing:${id}`]));
  });
});

describe('the setting’s policy', () => {
  it('seed 004: “All decisions to share information should be authorized by either the head teacher or the SENCO” makes even a consented share wait', async () => {
    await giveTransitionConsent();
    await as('dina');
    expect(await core.invoke('sharing.policy')).toMatchObject({ authorisingRoles: ['dsl', 'manager'], authorisationForAllConfidential: false, practitionersMayPropose: false });
    await as('olly');
    expect(await errorCode(core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl'], authorisationForAllConfidential: true, practitionersMayPropose: false }))).toBe('forbidden');
    await as('mark');
    await core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl'], authorisationForAllConfidential: true, practitionersMayPropose: false });
    try {
      await as('mark');
      const { id, status } = await core.invoke('sharing.record', schoolShare());
      expect(status).toBe('awaiting-authorisation');
      const decision = await core.invoke('sharing.get', { sharingId: id });
      expect(decision.policy).toMatchObject({ authorisationForAllConfidential: true });
      expect(decision.assessmentAtRecord.checks.find((c) => c.rule === 'second-person-authorisation')?.message).toMatch(/every decision to share confidential information must be agreed by the DSL/);
      // Only the DSL authorises under this policy: not another manager.
      await as(ADMIN.username);
      await core.invoke('users.create', { fullName: 'Meg Manager', username: 'meg', password: 'initial password 1', roles: ['manager'] });
      await core.invoke('auth.login', { username: 'meg', password: 'initial password 1' });
      await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: PASSWORD });
      expect(await errorCode(core.invoke('sharing.authorise', { sharingId: id, agree: true }))).toBe('forbidden');
      await as('dina');
      expect(await core.invoke('sharing.authorise', { sharingId: id, agree: true })).toEqual({ status: 'shared' });
    } finally {
      await as('mark');
      await core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl', 'manager'], authorisationForAllConfidential: false, practitionersMayPropose: false });
    }
  });
});

describe('the same-laptop password respects the login back-off', () => {
  it('after 5 wrong passwords for the second person, the next try waits, even with the right password', async () => {
    let now = new Date();
    const env = await setUpCore({ now: () => now });
    try {
      const c = env.core;
      await c.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
      await c.invoke('users.create', { fullName: 'Dee Lead', username: 'dee', password: 'initial password 1', roles: ['dsl'] });
      await c.invoke('users.create', { fullName: 'Max Manager', username: 'max', password: 'initial password 1', roles: ['manager'] });
      for (const u of ['max', 'dee']) {
        await c.invoke('auth.login', { username: u, password: 'initial password 1' });
        await c.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: PASSWORD });
      }
      await c.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
      const { id: sc } = await c.invoke('partners.create', { name: 'MASH', kind: 'social-care', secureEmail: 'mash@council.gov.example' });
      const { id: child } = await c.invoke('children.create', { legalName: 'Zara Khan', dateOfBirth: '2022-05-05' });
      await c.invoke('auth.login', { username: 'dee', password: PASSWORD });
      const share = (password: string) =>
        c.invoke('sharing.record', {
          ...safeguardingShare({ childId: child, partnerId: sc, adviceSought: false, adviceFrom: undefined, adviceNote: undefined }),
          items: [{ ref: 'details:child', necessary: true }],
          authoriser: { username: 'max', password },
        });
      for (let i = 0; i < 5; i++) expect(await errorCode(share('wrong password'))).toBe('wrong-credentials');
      await expect(share(PASSWORD)).rejects.toMatchObject({ code: 'login-delayed', retryAfterSeconds: 30 });
      now = new Date(now.getTime() + 31_000);
      expect((await share(PASSWORD)).status).toBe('shared');
    } finally {
      await env.cleanup();
    }
    // Each wrong password costs a full key derivation, as on the login screen.
  }, 120_000);
});

// ---------------------------------------------------------------------------------------
// Issue 9: the gaps between the engine and the seeds, and issue 11's sharing questions,
// each through the real core.
// ---------------------------------------------------------------------------------------

describe('issue 9 and 11 through the real core', () => {
  beforeAll(async () => {
    await addStaff('sally', 'Sally Senco', ['senco']);
    await loginAdmin(core);
    // A colleague whose password was set by the manager and never changed.
    await core.invoke('users.create', { fullName: 'Nina New', username: 'nina', password: 'initial password 1', roles: ['manager'] });
  }, 60_000);

  async function setPolicy(over: Partial<InputOf<'sharing.setPolicy'>> = {}) {
    await as('mark');
    await core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl', 'manager'], authorisationForAllConfidential: false, practitionersMayPropose: false, ...over });
  }

  it('9.1 golden rule 4, “where safety may be at risk”: parents cannot be contacted + significant harm + a second person: the DSL records the referral', async () => {
    await as('dina');
    const input = safeguardingShare({ consent: 'not-sought', consentNotSoughtReason: 'cannot-contact' });
    expect((await core.invoke('sharing.assess', input)).assessment.outcome).toBe('needs-authorisation');
    const { status } = await core.invoke('sharing.record', { ...input, authoriser: { username: 'mark', password: PASSWORD } });
    expect(status).toBe('shared');
    // Without a significant-harm criterion, “cannot contact” still means “seek consent first”.
    const noHarm = await core.invoke('sharing.assess', { ...input, harm: 'none' });
    expect(noHarm.assessment.outcome).toBe('needs-more-information');
  });

  it('9.2 consent withdrawn while a decision waits: it cannot be authorised, its pack cannot be printed, and the screen says why and what to do', async () => {
    await setPolicy({ authorisationForAllConfidential: true });
    try {
      const { id: consentId } = await giveTransitionConsent();
      await as('dina');
      const waiting = (await core.invoke('sharing.record', schoolShare())).id;
      await as('mark');
      const shared = (await core.invoke('sharing.record', schoolShare({ reasons: 'Agreed with mum.' }), )).id;
      await as('dina');
      expect(await core.invoke('sharing.authorise', { sharingId: shared, agree: true })).toEqual({ status: 'shared' });
      expect((await core.invoke('sharing.pack', { sharingId: shared })).items).toHaveLength(1);

      // Mum withdraws her consent in the register.
      await as(ADMIN.username);
      await core.invoke('consent.withdraw', { consentId, on: today, byCarerId: mum, reason: 'Wants to tell the school herself.' });

      await as('mark');
      const before = await core.invoke('sharing.get', { sharingId: waiting });
      expect(before).toMatchObject({ status: 'awaiting-authorisation', canAuthorise: false, basisGone: expect.stringMatching(/no longer in force.*withdrawn.*Nothing has been shared.*record a new decision/s) });
      await expect(core.invoke('sharing.authorise', { sharingId: waiting, agree: true })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/no longer in force/) });
      expect((await core.invoke('sharing.get', { sharingId: waiting })).status).toBe('awaiting-authorisation');
      await expect(core.invoke('sharing.pack', { sharingId: shared })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/cannot be printed.*withdrawn/s) });
      // Not agreeing is still possible (it shares nothing).
      expect(await core.invoke('sharing.authorise', { sharingId: waiting, agree: false, note: 'Consent withdrawn.' })).toEqual({ status: 'declined' });
    } finally {
      await setPolicy();
    }
  });

  it('9.2 the same for a diary entry shared with a partner: after a withdrawal the register is asked again and it is not shared', async () => {
    await as(ADMIN.username);
    const { id: consentId } = await core.invoke('consent.record', { childId, scope: 'diary', recipients: [sunshine], givenByCarerId: mum, givenOn: addMonthsToDay(today, -1), method: 'verbal' });
    expect((await core.invoke('diary.share', { entryId: bruise, partnerId: sunshine, method: 'communication-book' })).shared).toBe(true);
    await core.invoke('consent.withdraw', { consentId, on: today, byCarerId: mum, reason: 'Changed her mind.' });
    expect(await core.invoke('diary.share', { entryId: fromSunshine, partnerId: sunshine, method: 'communication-book' })).toMatchObject({ shared: false, reason: 'withdrawn' });
  });

  it('9.3 authorisers are the DSL, managers or the SENCO; only the DSL or a manager changes the policy; the decider is never their own second person', async () => {
    await as('mark');
    await expect(core.invoke('sharing.setPolicy', { authorisingRoles: ['practitioner', 'dsl'] as never, authorisationForAllConfidential: false, practitionersMayPropose: false })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ message: 'Only the DSL, a manager or the SENCO may authorise sharing.' }],
    });
    for (const roles of [['office'], ['admin']] as const) {
      await expect(core.invoke('sharing.setPolicy', { authorisingRoles: [...roles] as never, authorisationForAllConfidential: false, practitionersMayPropose: false })).rejects.toMatchObject({ code: 'invalid-input' });
    }
    // An administrator (not a manager) cannot change the policy at all.
    await loginAdmin(core);
    await core.invoke('users.create', { fullName: 'Ada Admin', username: 'ada', password: 'initial password 1', roles: ['admin'] });
    await core.invoke('auth.login', { username: 'ada', password: 'initial password 1' });
    await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: PASSWORD });
    expect(await errorCode(core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl'], authorisationForAllConfidential: false, practitionersMayPropose: false }))).toBe('forbidden');
    // The DSL may.
    await as('dina');
    await core.invoke('sharing.setPolicy', { authorisingRoles: ['dsl', 'manager'], authorisationForAllConfidential: false, practitionersMayPropose: false });
    // The decider typing their own password is refused (one person cannot be both).
    expect(await errorCode(core.invoke('sharing.record', safeguardingShare({ authoriser: { username: 'dina', password: PASSWORD } })))).toBe('forbidden');
  });

  it('11.3 a second person confirms only with a password they chose: an account still on its first password cannot confirm, and is told why', async () => {
    await as('dina');
    const before = await decisionCount();
    await as('dina');
    await expect(core.invoke('sharing.record', safeguardingShare({ authoriser: { username: 'nina', password: 'initial password 1' } }))).rejects.toMatchObject({
      code: 'forbidden',
      issues: [{ path: ['authoriser', 'username'], message: expect.stringMatching(/Nina New is still using the first password they were given/) }],
    });
    expect(await decisionCount()).toBe(before);
    await as('dina');
    const { id } = await core.invoke('sharing.record', safeguardingShare());
    await expect(core.invoke('sharing.authorise', { sharingId: id, agree: true, authoriser: { username: 'nina', password: 'initial password 1' } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('9.4 seed 001 3.4: an additional-needs note needs written consent in its own scope; verbal consent for another scope does not cover it', async () => {
    await as(ADMIN.username);
    await core.invoke('consent.record', { childId, scope: 'observations', recipients: [oak], givenByCarerId: mum, givenOn: addMonthsToDay(today, -1), method: 'verbal' });
    const needsNote = { ref: 'note:1', necessary: true, source: 'us' as const, topic: 'additional-needs' as const, text: 'Speech and language: attends a weekly group.' };
    const share = schoolShare({ consentScope: 'observations', items: [{ ref: `health:${peanut}`, necessary: true }, needsNote] });
    await as('dina');
    const first = await core.invoke('sharing.assess', share);
    expect(first.assessment.outcome).toBe('share');
    expect(first.assessment.itemsToShare).toEqual([`health:${peanut}`]);
    expect(first.assessment.itemsWithheld).toEqual([{ id: 'note:1', reason: expect.stringMatching(/written consent to share information about additional needs/) }]);
    // Written consent in the matching scope: now it goes.
    await as(ADMIN.username);
    await core.invoke('consent.record', { childId, scope: 'additional-needs', recipients: [oak], givenByCarerId: mum, givenOn: addMonthsToDay(today, -1), method: 'written' });
    await as('dina');
    const { id } = await core.invoke('sharing.record', share);
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision.items.map((i) => [i.kind, i.shared])).toEqual([['health', true], ['additional-needs', true]]);
  });

  // Golden rule 6: "shared securely". A record saying "sent by secure email" must be true.
  it('secure email needs a secure address in the partners directory; another secure way does not', async () => {
    await as('dina');
    const before = await decisionCount();
    const toSunshine = safeguardingShare({ partnerId: sunshine, recipientNeed: 'childs-care', method: 'secure-email' });
    const assessed = await core.invoke('sharing.assess', toSunshine);
    expect(assessed.problems).toEqual([{ path: ['method'], message: 'No secure email address is recorded for Sunshine Childminding. Add it in the partners directory, or choose another way to share.' }]);
    await expect(core.invoke('sharing.record', toSunshine)).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['method'] }] });
    expect(await decisionCount()).toBe(before);
    expect((await core.invoke('sharing.assess', { ...toSunshine, method: 'encrypted-file' })).problems).toEqual([]);
  });

  // Seed 001 2.4: "be mindful that an individual might not expect information to be shared".
  it('consent must be for what is shared: consent for photographs backs no record, and diary entries need the diary’s own consent', async () => {
    await as(ADMIN.username);
    await core.invoke('consent.record', { childId, scope: 'photos', recipients: [oak], givenByCarerId: mum, givenOn: addMonthsToDay(today, -1), method: 'verbal' });
    await core.invoke('consent.record', { childId, scope: 'observations', recipients: [oak], givenByCarerId: mum, givenOn: addMonthsToDay(today, -1), method: 'verbal' });
    await as('dina');
    const before = await decisionCount();
    const photos = schoolShare({ consentScope: 'photos', items: [{ ref: `diary:${bruise}`, necessary: true }, { ref: `health:${peanut}`, necessary: true }] });
    const assessed = await core.invoke('sharing.assess', photos);
    expect(assessed.problems).toEqual([{ path: ['consentScope'], message: expect.stringMatching(/Consent for photographs covers photographs only/) }]);
    expect(assessed.assessment.outcome).not.toBe('share');
    await expect(core.invoke('sharing.record', photos)).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['consentScope'] }] });
    expect(await decisionCount()).toBe(before);
    // Consent for observations covers the allergy record's share, but not the diary entry: that is held back.
    const observations = await core.invoke('sharing.assess', { ...photos, consentScope: 'observations' });
    expect(observations.assessment.outcome).toBe('share');
    expect(observations.assessment.itemsToShare).toEqual([`health:${peanut}`]);
    expect(observations.assessment.itemsWithheld).toEqual([{ id: `diary:${bruise}`, reason: expect.stringMatching(/needs consent to share the diary/) }]);
  });

  it('9.5 seed 001 2.4, parents “might not expect information to be shared”: consent for all partners does not cover the police or social care', async () => {
    await as(ADMIN.username);
    await core.invoke('consent.record', { childId, scope: 'observations', recipients: 'all-partners', givenByCarerId: mum, givenOn: addMonthsToDay(today, -1), method: 'written' });
    const on = today;
    expect((await core.invoke('consent.check', { childId, scope: 'observations', recipientId: oak, on })).valid).toBe(true);
    const mash = await core.invoke('consent.check', { childId, scope: 'observations', recipientId: socialCare, on });
    expect(mash).toMatchObject({ valid: false, reason: 'recipient-not-covered', message: expect.stringMatching(/all partners, which does not include Children’s Social Care/) });
    const { id: police } = await core.invoke('partners.create', { name: 'Kent Police', kind: 'police', secureEmail: 'cait@kent.police.example' });
    expect((await core.invoke('consent.check', { childId, scope: 'observations', recipientId: police, on })).valid).toBe(false);
    // Named, it covers them.
    await core.invoke('consent.record', { childId, scope: 'observations', recipients: [socialCare], givenByCarerId: mum, givenOn: today, method: 'written' });
    expect((await core.invoke('consent.check', { childId, scope: 'observations', recipientId: socialCare, on })).valid).toBe(true);
  });

  it('9.6 seed 001 1.3: a partner’s diary entry is third-party information whatever the form sends, and the agency’s agreement says who, when and how', async () => {
    await as('dina');
    // The form sent no third-party flag: the core adds it, and the entry is held back.
    const assessed = await core.invoke('sharing.assess', safeguardingShare({ items: [{ ref: `diary:${bruise}`, necessary: true }, { ref: `diary:${fromSunshine}`, necessary: true }] }));
    expect(assessed.assessment.itemsWithheld).toEqual([{ id: `diary:${fromSunshine}`, reason: expect.stringMatching(/came from Sunshine Childminding, which has not agreed/) }]);
    // "Agreed" without who, when and how is refused by the schema, with plain messages.
    await expect(
      core.invoke('sharing.assess', safeguardingShare({ items: [{ ref: `diary:${fromSunshine}`, necessary: true, thirdParty: { agency: 'Sunshine Childminding', agencyConsent: true } }] })),
    ).rejects.toMatchObject({ code: 'invalid-input', issues: expect.arrayContaining([expect.objectContaining({ message: 'Say who at the agency agreed.' })]) });
    // A note says where it came from.
    await expect(core.invoke('sharing.assess', safeguardingShare({ items: [{ ref: 'note:1', necessary: true, text: 'A letter from the GP.' }] }))).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [expect.objectContaining({ message: 'Say where this information came from: us, or another agency.' })],
    });
    // Giving Sunshine's own entry back to Sunshine is not passing it on: it is not held back for their agreement.
    const back = await core.invoke('sharing.assess', safeguardingShare({ partnerId: sunshine, recipientNeed: 'childs-care', items: [{ ref: `diary:${fromSunshine}`, necessary: true }] }));
    expect(back.assessment.itemsWithheld.filter((w) => /has not agreed/.test(w.reason))).toEqual([]);
  });

  it('9.6 our policy 1.3, “third party information … not shared without consent from that agency”: a health visitor’s care plan in the child’s health records is held back until that agency agrees', async () => {
    await as(ADMIN.username);
    const { id: plan } = await core.invoke('children.addHealth', {
      childId,
      kind: 'dietary',
      name: 'Weaning plan',
      details: 'Soft foods only; no whole grapes.',
      source: 'agency',
      sourceAgency: 'Health visiting team',
    });
    const { id: fromPartner } = await core.invoke('children.addHealth', { childId, kind: 'dietary', name: 'No dairy', source: 'agency', sourcePartnerId: sunshine, sourceAgency: 'ignored' });
    // "Another agency" must say which.
    await expect(core.invoke('children.addHealth', { childId, kind: 'dietary', name: 'Soya', source: 'agency' })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [expect.objectContaining({ path: ['sourceAgency'], message: 'Say which agency it came from: choose it from the list, or write its name.' })],
    });
    const file = await core.invoke('children.get', { childId });
    const health = new Map(file.health.map((h) => [h.id, h.source]));
    // A record with no source (every one from before sources were kept) is ours.
    expect(health.get(peanut)).toBeNull();
    expect(health.get(plan)).toEqual({ partnerId: null, agency: 'Health visiting team' });
    expect(health.get(fromPartner)).toEqual({ partnerId: sunshine, agency: 'Sunshine Childminding' });

    await as('dina');
    const { items } = await core.invoke('sharing.items', { childId });
    expect(items.find((i) => i.ref === `health:${plan}`)).toMatchObject({ suggestedAgency: 'Health visiting team', content: expect.stringContaining('Given to us by: Health visiting team') });
    expect(items.find((i) => i.ref === `health:${peanut}`)?.suggestedAgency).toBeNull();
    // The form sent no third-party flag: the core adds it, and the plan is held back; our own allergy record is not.
    const chosen = [
      { ref: `health:${peanut}`, necessary: true },
      { ref: `health:${plan}`, necessary: true },
    ];
    const held = await core.invoke('sharing.assess', safeguardingShare({ items: chosen }));
    expect(held.assessment.itemsWithheld).toEqual([{ id: `health:${plan}`, reason: expect.stringMatching(/came from Health visiting team, which has not agreed/) }]);
    // Saying another agency agreed does not change whose record it is.
    const agreement = { agencyConsent: true, agreedBy: 'Kay Patel, health visitor', agreedOn: today, agreedHow: 'By secure email' };
    const { id } = await core.invoke(
      'sharing.record',
      safeguardingShare({ items: [chosen[0]!, { ...chosen[1]!, thirdParty: { agency: 'Someone else', ...agreement } }], authoriser: { username: 'mark', password: PASSWORD } }),
    );
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision.assessment.itemsWithheld).toEqual([]);
    expect(decision.items.find((i) => i.ref === `health:${plan}`)).toMatchObject({ shared: true, thirdParty: { agency: 'Health visiting team', ...agreement } });
  });

  it('9.7 golden rule 6: the police investigating serious crime need it for their role, not for the child’s care', async () => {
    await as(ADMIN.username);
    const { id: police } = await core.invoke('partners.create', { name: 'Police child abuse investigation team', kind: 'police', secureEmail: 'cait@police.example' });
    await as('dina');
    const input = safeguardingShare({ partnerId: police, recipientNeed: 'policing-function', harm: 'prevent-harm-to-adult-or-crime', authoriser: { username: 'mark', password: PASSWORD } });
    const { id, status } = await core.invoke('sharing.record', input);
    expect(status).toBe('shared');
    const decision = await core.invoke('sharing.get', { sharingId: id });
    expect(decision.request.recipient).toMatchObject({ need: 'policing-function', hasRoleInChildsCare: false });
    expect(decision.assessment.checks.find((c) => c.rule === 'role-in-care')?.message).toMatch(/policing role/);
  });

  it('9.8 golden rule 7, “whether it is to share information or not”: a practitioner records a decision not to share under the default policy', async () => {
    await as('pat');
    const { id, status } = await core.invoke('sharing.record', schoolShare({ consentScope: undefined, consent: 'refused', decision: 'do-not-share', method: undefined, reasons: 'Mum asked us not to; no risk to Millie.' }));
    expect(status).toBe('not-shared');
    expect(await core.invoke('sharing.get', { sharingId: id })).toMatchObject({ decision: 'do-not-share', proposal: false, method: null, decidedByName: 'Pat Keyperson' });
    // A decision to share is still refused to a practitioner under this policy.
    await giveTransitionConsent();
    await as('pat');
    expect(await errorCode(core.invoke('sharing.record', schoolShare()))).toBe('forbidden');
  });

  it('9.9 seed 004 as a policy a setting can choose: every share authorised by the head teacher or the SENCO; a refusal overridden only for harm to a child', async () => {
    await setPolicy({ authorisingRoles: ['manager', 'senco'], authorisationForAllConfidential: true, authorisationForAllShares: true, overrideOnlyForChildProtection: true, roleNames: { manager: 'head teacher' } });
    try {
      await as('dina');
      // Not confidential, and still it waits for the head teacher or the SENCO.
      const notConfidential = await core.invoke('sharing.assess', schoolShare({ consentScope: undefined, consent: 'not-sought', confidential: false, identifiable: false }));
      expect(notConfidential).toMatchObject({ needsAuthorisation: true, authorisers: 'the head teacher or the SENCO' });
      // Harm to an adult or a crime does not override the parents' refusal here.
      const adult = await core.invoke('sharing.assess', safeguardingShare({ harm: 'prevent-harm-to-adult-or-crime' }));
      expect(adult.assessment.outcome).toBe('do-not-share');
      // Harm to a child does; the SENCO, at this laptop, agrees.
      const { id, status } = await core.invoke('sharing.record', safeguardingShare({ harm: 'prevent-significant-harm-to-child' }));
      expect(status).toBe('awaiting-authorisation');
      await as('sally');
      expect((await core.invoke('sharing.pending')).decisions.map((d) => d.id)).toContain(id);
      expect((await core.invoke('sharing.get', { sharingId: id })).canAuthorise).toBe(true);
      expect(await core.invoke('sharing.authorise', { sharingId: id, agree: true })).toEqual({ status: 'shared' });
    } finally {
      await setPolicy();
    }
  });

  it('11.11 a court order must be named, and only the DSL or a manager may rely on it: a practitioner’s proposal on that basis waits for one of them', async () => {
    const order = { courtOrder: true, consentScope: undefined, consent: 'refused' as const };
    await as('dina');
    await expect(core.invoke('sharing.record', schoolShare(order))).rejects.toMatchObject({
      code: 'invalid-input',
      issues: expect.arrayContaining([
        { path: ['legalWhat'], message: 'Name the court order that requires this information to be shared.' },
        { path: ['legalReference'], message: 'Give the court order’s reference or date.' },
      ]),
    });
    const named = { ...order, legalWhat: 'Order to disclose records to the local authority', legalReference: 'ZW24C00123, 2 May 2025' };
    expect((await core.invoke('sharing.record', schoolShare(named))).status).toBe('shared');
    await setPolicy({ practitionersMayPropose: true });
    try {
      await as('pat');
      const assessed = await core.invoke('sharing.assess', schoolShare(named));
      expect(assessed.assessment.outcome).toBe('needs-authorisation');
      expect(assessed.assessment.checks.find((c) => c.rule === 'second-person-authorisation')?.message).toMatch(/Only the DSL or a manager may rely on a court order/);
      const { id, status } = await core.invoke('sharing.record', schoolShare(named));
      expect(status).toBe('awaiting-authorisation');
      await as('dina');
      expect(await core.invoke('sharing.authorise', { sharingId: id, agree: true })).toEqual({ status: 'shared' });

      // A school's policy (the head teacher or the SENCO): the SENCO may authorise shares, but not
      // one relying on a court order, so the decision does not offer it to them, and says who.
      await setPolicy({ authorisingRoles: ['manager', 'senco'], roleNames: { manager: 'head teacher' }, practitionersMayPropose: true });
      await as('pat');
      const waiting = await core.invoke('sharing.record', schoolShare(named));
      expect(waiting.status).toBe('awaiting-authorisation');
      await as('sally');
      const seen = await core.invoke('sharing.get', { sharingId: waiting.id });
      expect(seen).toMatchObject({ canAuthorise: false, authorisers: 'the head teacher' });
      await expect(core.invoke('sharing.authorise', { sharingId: waiting.id, agree: true })).rejects.toMatchObject({
        code: 'forbidden',
        message: 'Sally Senco cannot authorise this: it must be agreed by the head teacher.',
      });
      await as('mark');
      expect((await core.invoke('sharing.get', { sharingId: waiting.id })).canAuthorise).toBe(true);
      expect(await core.invoke('sharing.authorise', { sharingId: waiting.id, agree: true })).toEqual({ status: 'shared' });
    } finally {
      await setPolicy();
    }
  });
});

describe('issue 11.6: the share form’s messages are written for the user', () => {
  const ZOD_WORDING = /Invalid input|expected .+, received|Too (small|big)|is required|Invalid option|Unrecognized/i;
  const messages = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) =>
    schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  it('an empty or half-filled share form never shows zod’s own wording, nor “Your reasons is required.”', async () => {
    const { contract } = await import('../../shared/contract/index');
    const record = contract['sharing.record'].input;
    const empties: unknown[] = [
      {},
      { childId: 'c1', decision: 'share' },
      { childId: 'c1', items: [{ ref: 'note:1' }], thirdParty: {} },
      { childId: 'c1', items: [{ ref: 'note:1', necessary: true, source: 'agency', thirdParty: { agencyConsent: true } }], authoriser: {}, decision: 'share', reasons: '' },
      { childId: 'c1', courtOrder: true, statutoryDuty: 'yes', harm: 'prevent-significant-harm-or-crime', consent: 'not-sought', method: 'fax' },
    ];
    for (const value of empties) {
      const found = messages(record, value);
      expect(found.length).toBeGreaterThan(0);
      for (const m of found) expect(m).not.toMatch(ZOD_WORDING);
    }
    expect(messages(record, {})).toEqual(expect.arrayContaining(['Choose who it is for.', 'Write your reasons, whether you share or not.', 'Say whether a child is at risk of significant harm.']));
    for (const [name, value] of [
      ['sharing.setPolicy', {}],
      ['sharing.setPolicy', { authorisingRoles: ['office'] }],
      ['sharing.authorise', { sharingId: 'x', agree: true, authoriser: {} }],
    ] as const) {
      for (const m of messages(contract[name].input, value)) expect(m).not.toMatch(ZOD_WORDING);
    }
  });
});

describe('a refusal for all partners', () => {
  it('covers the police and social care too (only consent must name them)', async () => {
    await as(ADMIN.username);
    await core.invoke('consent.record', { childId, scope: 'home-visits', decision: 'refused', recipients: 'all-partners', givenByCarerId: mum, givenOn: today, method: 'written' });
    expect(await core.invoke('consent.check', { childId, scope: 'home-visits', recipientId: socialCare, on: today })).toMatchObject({ valid: false, reason: 'refused' });
  });
});
