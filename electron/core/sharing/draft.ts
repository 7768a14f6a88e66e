import type { ChildFile } from '../../../shared/contract/children';
import type { Role } from '../../../shared/contract/define';
import { TwoWayError, type FieldIssue } from '../../../shared/contract/errors';
import type { PartnerKind } from '../../../shared/contract/partners';
import { CONSENT_STATUS_LABELS, suggestedConsentStatus, type ConsentAnswer, type SettingSharingPolicy, type SharingDraft } from '../../../shared/contract/sharing';
import type { ConsentScope } from '../../../shared/contract/consent';
import type { RecipientKind, SharingItem, SharingRequest } from '../../../shared/contract/sharing-policy';
import { get } from '../db/sql';
import type { Db } from '../db/connection';
import { londonDay } from '../../../shared/domain/dates';
import { findUserById, findUserByUsername } from '../auth/users-repo';
import { readChildFile } from '../children/repo';
import { checkConsent } from '../consent/check';
import type { CallContext } from '../context';
import { requirePartner } from '../partners/repo';
import { readSettings } from '../settings/repo';
import { childItems, resolveItems, type ResolvedItem } from './items';
import { isProposerOnly, readSharingPolicy } from './policy';

// Turns a draft from the renderer into the engine's request. Everything the engine relies on that the
// renderer could get wrong is settled here: the items come from the child's own records, consent is
// checked against the register, the recipient comes from the directory, and who decided (with the
// roles they hold) comes from the session and the users table.

export const RECIPIENT_KIND_OF: Record<PartnerKind, RecipientKind> = {
  setting: 'setting',
  childminder: 'setting',
  school: 'school',
  health: 'health',
  'social-care': 'social-care',
  police: 'police',
  send: 'other',
  other: 'other',
};

export interface Person {
  userId: string;
  name: string;
  roles: Role[];
}

export interface BuiltDraft {
  file: ChildFile;
  partner: ReturnType<typeof requirePartner>;
  items: ResolvedItem[];
  consent: ConsentAnswer | null;
  request: SharingRequest;
  decider: Person;
  policy: SettingSharingPolicy;
  proposalOnly: boolean;
  problems: FieldIssue[];
  today: string;
}

/** Words of the child's names (3 letters or more) that must not appear in advice sought from others. */
function nameWords(file: ChildFile): string[] {
  const names = [file.child.legalName, file.child.preferredName ?? ''].join(' ');
  return [...new Set(names.split(/[^\p{L}'’-]+/u).filter((w) => w.length >= 3))];
}

function namesChild(text: string | undefined, words: string[]): boolean {
  if (!text) return false;
  return words.some((w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(text));
}

/** The logged-in user as the users table has them now (roles are never taken from the renderer). */
export function currentPerson(ctx: CallContext): Person {
  const user = findUserById(ctx.db(), ctx.user.userId);
  if (!user || !user.active) throw new TwoWayError('forbidden', 'Your account is not active. Ask your manager.');
  return { userId: user.id, name: user.fullName, roles: user.roles };
}

/**
 * Seed 001 3.4: "written consent to share information about any additional needs ... or to pass on
 * child development summaries to the next provider / school". The scope each kind needs is fixed
 * here, never chosen in the form; other kinds rely on the consent chosen for the share as a whole.
 */
export const OWN_CONSENT: Partial<Record<string, { scope: ConsentScope; needs: string; written: boolean }>> = {
  'additional-needs': { scope: 'additional-needs', needs: 'written consent to share information about additional needs', written: true },
  'development-summary': { scope: 'transition', needs: 'written consent to pass on the development summary', written: true },
  // Issue 13, the information sharing guidance: observations shared "(ensure you have parental
  // consent to do this)"; notes of home visits "(must have parental consent to do this)".
  observation: { scope: 'observations', needs: 'consent to share observations', written: false },
  'home-visit': { scope: 'home-visits', needs: 'consent to share notes of home visits', written: false },
  // The diary's own consent, as for sharing an entry from the diary (diary.share).
  diary: { scope: 'diary', needs: 'consent to share the diary', written: false },
};

/** Is there written consent in the register for this scope and recipient today? */
export function writtenConsentFor(db: Db, q: { childId: string; scope: ConsentScope; recipientId: string; on: string }): boolean {
  const answer = checkConsent(db, q);
  if (!answer.valid || !answer.consentId) return false;
  return get<{ method: string }>(db, 'SELECT method FROM consents WHERE id = $id', { id: answer.consentId })?.method === 'written';
}

/** Does the register cover an item of this kind (in writing where its rule says so) for this recipient today? */
export function ownConsentCovered(db: Db, rule: NonNullable<(typeof OWN_CONSENT)[string]>, q: { childId: string; recipientId: string; on: string }): boolean {
  return rule.written ? writtenConsentFor(db, { ...q, scope: rule.scope }) : checkConsent(db, { ...q, scope: rule.scope }).valid;
}

function ownConsentOf(db: Db, kind: string, q: { childId: string; recipientId: string; on: string }): SharingItem['ownConsent'] {
  const rule = OWN_CONSENT[kind];
  if (!rule) return undefined;
  return { covered: ownConsentCovered(db, rule, q), needs: rule.needs };
}

export function buildDraft(ctx: CallContext, draft: SharingDraft): BuiltDraft {
  const db = ctx.db();
  const today = londonDay(ctx.now());
  const settings = readSettings(db, ctx.state.vault.settingName() ?? '');
  const file = readChildFile(db, draft.childId, today, settings.contactCheckMonths, settings.settingName);
  const partner = requirePartner(db, draft.partnerId, 'partnerId');
  // Seed 001 1.3 is about passing another agency's information on. Giving a setting's own record
  // back to that setting is not passing it on, so it is not held back for that setting's agreement.
  const items: ResolvedItem[] = resolveItems(childItems(db, file, ctx.user), draft.items).map((i) => {
    if (!i.thirdParty || i.thirdParty.agency.trim().toLowerCase() !== partner.name.trim().toLowerCase()) return i;
    const { thirdParty: _theirOwn, ...rest } = i;
    return rest;
  });
  const problems: FieldIssue[] = [];

  let consent: ConsentAnswer | null = null;
  if (draft.consentScope) {
    const answer = checkConsent(db, { childId: draft.childId, scope: draft.consentScope, recipientId: draft.partnerId, on: today });
    consent = {
      scope: draft.consentScope,
      valid: answer.valid,
      reason: answer.reason,
      message: answer.message,
      consentId: answer.consentId ?? null,
      relatedConsentId: answer.relatedConsentId ?? null,
      suggested: suggestedConsentStatus(answer),
      on: today,
    };
  }
  // "Consent given" must be backed by the consent register; the engine is never told otherwise.
  let consentStatus = draft.consent;
  if (draft.consent === 'given' && !consent?.valid) {
    problems.push({
      path: ['consent'],
      message: consent
        ? `The consent register does not show consent: ${consent.message} Record the parents’ consent in the register first, or change this answer.`
        : 'Choose which consent in the register this relies on. If the parents have just agreed, record it in the consent register first.',
    });
    consentStatus = consent?.suggested ?? 'not-sought';
  }
  // Seed 001 2.4: "be mindful that an individual might not expect information to be shared".
  // Consent for photographs is consent for photographs: it backs no record shared here.
  if (draft.consent === 'given' && draft.consentScope === 'photos') {
    problems.push({ path: ['consentScope'], message: 'Consent for photographs covers photographs only, not the records shared here. Choose the consent that covers this information.' });
    consentStatus = 'not-sought';
  }
  // Golden rule 4: respect the wishes of those who do not consent. "Not asked" must not stand in for
  // a refusal or withdrawal the register shows: the decision would record something untrue, and
  // the refusal would not be marked as respected or overridden.
  if (draft.consent === 'not-sought' && (consent?.suggested === 'refused' || consent?.suggested === 'withdrawn')) {
    const answer = CONSENT_STATUS_LABELS[consent.suggested];
    problems.push({ path: ['consent'], message: `The consent register shows the parents’ answer: ${consent.message} Answer “${answer}”, so the decision records their wishes.` });
    consentStatus = consent.suggested;
  }

  // Golden rule 6: information "shared securely". Secure email needs a secure address to send to:
  // without one in the directory, the record would say "sent by secure email" of an ordinary email.
  if (draft.method === 'secure-email' && !partner.secureEmail?.trim()) {
    problems.push({ path: ['method'], message: `No secure email address is recorded for ${partner.name}. Add it in the partners directory, or choose another way to share.` });
  }

  // Golden rule 3: seek advice "without disclosing the identity of the person where possible".
  const words = nameWords(file);
  if (draft.adviceSought) {
    for (const field of ['adviceFrom', 'adviceNote'] as const) {
      if (namesChild(draft[field], words)) {
        problems.push({ path: [field], message: 'Record the advice without naming the child (information sharing advice, golden rule 3: “without disclosing the identity of the person”).' });
      }
    }
  }

  const decider = currentPerson(ctx);
  const policy = readSharingPolicy(db);
  const legalNamed = (draft.courtOrder || draft.statutoryDuty) && !!draft.legalWhat?.trim() && !!draft.legalReference?.trim();
  const own = { childId: draft.childId, recipientId: draft.partnerId, on: today };
  const request: SharingRequest = {
    purpose: draft.purpose,
    legitimatePurpose: draft.legitimatePurpose,
    identifiable: draft.identifiable,
    confidential: draft.confidential,
    consent: consentStatus,
    ...(consentStatus === 'not-sought' && draft.consentNotSoughtReason ? { consentNotSoughtReason: draft.consentNotSoughtReason } : {}),
    statutoryDuty: draft.statutoryDuty,
    courtOrder: draft.courtOrder,
    ...(legalNamed ? { legalRequirement: { what: draft.legalWhat!.trim(), reference: draft.legalReference!.trim() } } : {}),
    harm: draft.harm,
    items: items.map((i) => {
      const ownConsent = ownConsentOf(db, i.kind, own);
      return { id: i.ref, kind: i.kind, label: i.label, necessary: i.necessary, ...(i.thirdParty ? { thirdParty: i.thirdParty } : {}), ...(ownConsent ? { ownConsent } : {}) };
    }),
    recipient: {
      name: partner.name,
      kind: RECIPIENT_KIND_OF[partner.kind],
      // Kept with its old meaning (a role in the child's care) beside the new answer.
      hasRoleInChildsCare: draft.recipientNeed === 'childs-care',
      need: draft.recipientNeed,
    },
    parentsInformed: draft.parentsInformed,
    ...(!draft.parentsInformed && draft.parentsNotInformedReason?.trim() ? { parentsNotInformedReason: draft.parentsNotInformedReason.trim() } : {}),
    ...(draft.method ? { method: draft.method } : {}),
    decidedBy: { userId: decider.userId, roles: decider.roles },
  };
  return { file, partner, items, consent, request, decider, policy, proposalOnly: isProposerOnly(decider.roles), problems, today };
}

/**
 * A second person at this laptop confirms with their own username and password. Their key slot is
 * opened (and the key dropped at once): wrong passwords are counted per username apart from logins (so
 * they never delay anyone's login), and after too many the next try waits. The password is never stored or logged.
 */
export async function verifySecondPerson(ctx: CallContext, credentials: { username: string; password: string }): Promise<Person> {
  const wrong = () =>
    new TwoWayError('wrong-credentials', 'That username and password do not match, so nothing was recorded. The second person types their own username and password.', {
      issues: [{ path: ['authoriser', 'password'], message: 'This username and password do not match.' }],
    });
  try {
    const key = await ctx.state.vault.unlockWithPassword(credentials.username, credentials.password, 'confirmation');
    key.fill(0);
  } catch (error) {
    if (error instanceof TwoWayError && error.code === 'wrong-credentials') throw wrong();
    throw error;
  }
  const user = findUserByUsername(ctx.db(), credentials.username);
  if (!user || !user.active) throw wrong();
  // Issue 11.3: a password someone else set (the first one, or one reset by a manager) is known to
  // them, so it is no proof that this person agreed. Only a password they chose themselves counts.
  if (user.mustChangePassword) {
    const message = `${user.fullName} is still using the first password they were given, which someone else chose, so it cannot confirm their agreement. They log in once and choose their own password, then confirm.`;
    throw new TwoWayError('forbidden', message, { issues: [{ path: ['authoriser', 'username'], message }] });
  }
  // The audit entry names them too: they are not the session user, and filtering by them must find this.
  ctx.confirmedBy = user.id;
  return { userId: user.id, name: user.fullName, roles: user.roles };
}
