import {
  LEGAL_BASIS_ROLES,
  type Role,
  type SharingOutcome,
  type SharingPolicy,
  type SharingRequest,
  type SharingRule,
} from '../../../shared/contract/sharing-policy';
import {
  authorisationNeed,
  checkAuthoriser,
  eligibleRoles,
  type AuthorisationNeed,
  type AuthoriserStatus,
} from './authorisation';
import type { ItemVerdict } from './items';
import { namedLegalRequirement, refusalStandsForAll, type Route, type SeekConsentProblem } from './route';
import { authoriserPhrase, harmSentence, pieces } from './wording';

// One evaluator per rule. Each returns a Finding: ok, a plain-English message and, when
// not ok, the outcome the rule forces (what holds the share back). The outcome of the
// whole assessment is worked out from these in index.ts.

export type HoldBack = Exclude<SharingOutcome, 'share'>;

export interface Finding {
  rule: SharingRule;
  ok: boolean;
  message: string;
  holdBack?: HoldBack;
  refusal?: 'respected' | 'overridden';
}

/** Everything the rules need, worked out once. */
export interface Context {
  request: SharingRequest;
  policy: SharingPolicy;
  route: Route;
  verdicts: readonly ItemVerdict[];
  need: AuthorisationNeed;
  authoriser: AuthoriserStatus;
  /** The roles whose agreement counts (empty when no one role can). */
  authoriserRoles: Role[];
  authorisers: string;
}

export function buildContext(
  request: SharingRequest,
  policy: SharingPolicy,
  route: Route,
  verdicts: readonly ItemVerdict[],
): Context {
  const need = authorisationNeed(request, policy, route);
  const roles = eligibleRoles(policy, need);
  return {
    request,
    policy,
    route,
    verdicts,
    need,
    authoriser: checkAuthoriser(request, roles),
    authoriserRoles: roles,
    authorisers: authoriserPhrase(roles, policy.roleNames),
  };
}

function pass(rule: SharingRule, message: string): Finding {
  return { rule, ok: true, message };
}

function fail(rule: SharingRule, holdBack: HoldBack, message: string): Finding {
  return { rule, ok: false, message, holdBack };
}

// "Is there legitimate purpose to sharing the information?"
export function legitimatePurpose({ request }: Context): Finding {
  const rule = 'legitimate-purpose';
  if (!request.legitimatePurpose) {
    return fail(
      rule,
      'do-not-share',
      'There is no clear and legitimate reason to share this information, so do not share it.',
    );
  }
  // The schema already refuses a blank purpose; this guards callers that skip the schema.
  if (request.purpose.trim() === '') {
    return fail(rule, 'needs-more-information', 'Write down why you want to share this information.');
  }
  return pass(rule, 'There is a clear and legitimate reason to share this information.');
}

// Golden rule 6: "shared only with those people who need to have it": for their part in the
// child's care, or for a statutory safeguarding or policing function (seed 001's third
// criterion: "the prevention, detection and prosecution of serious crime"; the LADO).
// Requests recorded before `need` was asked answered only "a role in the child's care".
const NEED_MESSAGES = {
  'childs-care': "The person or organisation receiving this needs it for their part in the child's care.",
  'safeguarding-function': 'The person or organisation receiving this needs it for their statutory safeguarding role.',
  'policing-function': 'The person or organisation receiving this needs it for a policing role.',
} as const;

export function roleInCare({ request }: Context): Finding {
  const rule = 'role-in-care';
  const need = request.recipient.need ?? (request.recipient.hasRoleInChildsCare ? 'childs-care' : 'none');
  if (need === 'none') {
    return fail(
      rule,
      'do-not-share',
      'The person or organisation receiving this does not need it for their role. Share only with people who need to have the information.',
    );
  }
  return pass(rule, NEED_MESSAGES[need]);
}

// "Does the information enable the person to be identified? Is the information confidential?"
// An answer, not a barrier: it decides whether consent (or another basis) is needed.
export function identifiableConfidential({ request, policy }: Context): Finding {
  const rule = 'identifiable-confidential';
  if (!request.identifiable) {
    return pass(
      rule,
      'The information does not identify the child or family, so consent is not needed. Still share only what is needed.',
    );
  }
  if (!request.confidential && refusalStandsForAll(request, policy)) {
    return pass(
      rule,
      `The information identifies the child or family but is not confidential. Consent was ${request.consent}, and your setting's policy says the parents' wishes must be respected except in cases of child protection.`,
    );
  }
  if (!request.confidential) {
    return pass(
      rule,
      'The information identifies the child or family but is not confidential, so consent is not needed. Still share only what is needed, and share it securely.',
    );
  }
  return pass(
    rule,
    "The information identifies the child or family and is confidential. To share it you need the parents' consent, a legal duty or court order, or a risk of significant harm.",
  );
}

// "Is there a statutory duty or court order requiring us to share the information?"
export function statutoryDutyOrCourtOrder({ request, route, need, policy }: Context): Finding {
  const rule = 'statutory-duty-or-court-order';
  if ((request.courtOrder || request.statutoryDuty) && !namedLegalRequirement(request)) {
    return fail(
      rule,
      'needs-more-information',
      'Name the court order or the law that requires this share, with its reference or date. An order about the family that does not require you to share this information does not count: if there is none, answer No.',
    );
  }
  if (route.kind === 'legal' && need === 'legal-basis') {
    return pass(
      rule,
      `${route.basis === 'court-order' ? 'A court order' : 'The law'} requires this information to be shared. Only ${legalPeople(policy)} may rely on it, so one of them must agree.`,
    );
  }
  if (route.kind === 'legal' && route.basis === 'court-order') {
    const also = request.statutoryDuty
      ? ' There is also a legal duty; the court order is recorded as the reason.'
      : '';
    return pass(rule, `A court order requires this information to be shared, so consent is not needed.${also}`);
  }
  if (route.kind === 'legal') {
    return pass(rule, 'The law requires this information to be shared, so consent is not needed.');
  }
  if (route.kind === 'not-confidential') {
    return pass(rule, `No legal duty or court order is needed, because the information ${route.why === 'not-confidential' ? 'is not confidential' : 'does not identify the child or family'}.`);
  }
  return pass(
    rule,
    "There is no legal duty or court order, so you need the parents' consent or another good reason to share.",
  );
}

// Golden rule 4: "Share with consent where appropriate and, where possible, respect the
// wishes of those who do not consent". Seed 004: "Except in cases of child protection, the
// parent's wishes must be respected if they do not give consent."
export function consent(context: Context): Finding {
  const { request, route, authorisers } = context;
  const rule = 'consent';
  switch (route.kind) {
    case 'not-confidential':
      if (route.why === 'not-identifiable') return pass(rule, 'Consent is not needed, because the information does not identify the child or family.');
      // Our information sharing policy, 3.4, asks for written consent to pass on additional needs or a
      // development summary, with no exception for information that is not confidential.
      return (
        heldForOwnConsent(context, 'Consent is not needed because the information is not confidential, except where our information sharing policy, 3.4, asks for it in writing.') ??
        pass(rule, 'Consent is not needed, because the information is not confidential.')
      );
    case 'legal':
      return {
        ...pass(
          rule,
          'Consent is not needed, because the law or a court order requires the share. Tell the parents unless it is unsafe or inappropriate.',
        ),
        ...(request.consent === 'refused' || request.consent === 'withdrawn' ? { refusal: 'overridden' as const } : {}),
      };
    case 'consent':
      return consentGiven(context);
    case 'override':
      return {
        ...pass(rule, overrideConsentMessage(request, authorisers, context.policy)),
        ...(request.consent === 'not-sought' ? {} : { refusal: 'overridden' as const }),
      };
    case 'refused':
      return {
        ...fail(
          rule,
          'do-not-share',
          route.why === 'not-child-protection'
            ? `Consent was ${route.consent}. Your setting's policy says that, except in cases of child protection, the parents' wishes must be respected: do not share.`
            : `Consent was ${route.consent}. Except where ${overrideGround(context.policy)}, you must respect the parents' wishes and not share.`,
        ),
        refusal: 'respected' as const,
      };
    case 'seek-consent':
      return fail(rule, 'needs-more-information', seekConsentMessage(request, route.problem, context.policy));
  }
}

// Seed 001 3.4: written consent in its own scope for additional needs and development
// summaries. Items without it are held back; if nothing needed is left, ask for consent.
function consentGiven(context: Context): Finding {
  return (
    heldForOwnConsent(context, 'The parents have given consent.') ??
    pass('consent', 'The parents have given consent. Share only what they agreed to and what is needed.')
  );
}

/**
 * Items whose own consent (seed 001 3.4) the register does not show: held back, said after `lead`;
 * when nothing needed is left, consent must be asked for first. Null when nothing is held back.
 */
function heldForOwnConsent({ verdicts }: Context, lead: string): Finding | null {
  const rule = 'consent';
  const needed = verdicts.filter((v) => v.shareable || v.why !== 'not-necessary');
  const missing = needed.filter((v) => !v.shareable && v.why === 'own-consent');
  if (missing.length === 0) return null;
  const what = [...new Set(missing.map((v) => v.item.ownConsent?.needs ?? "the parents' written consent"))].join(' and ');
  if (missing.length === needed.length) {
    return fail(
      rule,
      'needs-more-information',
      `The information chosen needs ${what}, and the consent register does not show it. Ask the parents for it in writing and record it in the register first.`,
    );
  }
  return pass(rule, `${lead} ${pieces(missing.length)} ${missing.length === 1 ? 'needs' : 'need'} ${what}, which the register does not show, and will be held back.`);
}

/**
 * When a refusal (or not asking) can be overridden: seed 001's three criteria (significant harm to
 * a child or an adult, or serious crime), or under a policy like seed 004's only to protect a child.
 */
function overrideGround(policy: SharingPolicy): string {
  return policy.overrideOnlyForChildProtection === true
    ? 'a child is at risk of significant harm'
    : 'there is a risk of significant harm to a child or an adult, or of serious crime';
}

/** "the DSL or a manager", in the setting's own names. */
function legalPeople(policy: SharingPolicy): string {
  return authoriserPhrase(LEGAL_BASIS_ROLES, policy.roleNames);
}

function overrideConsentMessage(request: SharingRequest, authorisers: string, policy: SharingPolicy): string {
  const onlyIf = `You may only share if ${overrideGround(policy)}, and ${authorisers} must agree.`;
  if (request.consent === 'not-sought') {
    const WHY = {
      'would-prejudice-investigation': 'asking could harm an investigation',
      'would-increase-risk': 'asking would put a child at more risk',
      'cannot-contact': 'the parents could not be contacted',
      other: 'of another reason',
    } as const;
    return `Consent was not asked for, because ${WHY[request.consentNotSoughtReason ?? 'would-increase-risk']}. ${onlyIf}`;
  }
  return `Consent was ${request.consent}. ${onlyIf}`;
}

function seekConsentMessage(request: SharingRequest, problem: SeekConsentProblem, policy: SharingPolicy): string {
  const goodReasons = `You may only share without asking when asking would put a child at more risk, could harm an investigation, or the parents cannot be contacted, and ${overrideGround(policy)}.`;
  if (problem === 'not-child-protection') {
    return "Consent has not been asked for. Your setting's policy says that, except in cases of child protection, information is shared only with the parents' consent: ask the parents first.";
  }
  if (problem === 'no-harm') {
    return `No risk of significant harm has been recorded, so ask the parents for consent first. ${goodReasons}`;
  }
  if (problem === 'weak-reason' && request.consentNotSoughtReason === 'cannot-contact') {
    return 'Consent has not been asked for because the parents could not be contacted. Keep trying to ask them. If you think a child is at risk of significant harm, speak to the DSL straight away.';
  }
  return `Consent has not been asked for. Ask the parents first. ${goodReasons}`;
}

// "If consent is refused, or there are good reasons not to seek consent, is there
// sufficient public interest for us to share information?" - seed 001's three criteria.
export function publicInterest({ request, route }: Context): Finding {
  const rule = 'public-interest';
  if (route.kind === 'legal' || route.kind === 'not-confidential' || route.kind === 'consent') {
    return pass(rule, 'Not needed: there is another reason that allows this share.');
  }
  if (route.kind === 'seek-consent' && route.problem === 'not-child-protection' && request.harm !== 'none') {
    return fail(
      rule,
      'needs-more-information',
      `${harmSentence(request.harm)} Your setting's policy shares without the parents' consent only to protect a child.`,
    );
  }
  if (route.kind === 'refused' && route.why === 'not-child-protection' && request.harm !== 'none') {
    return fail(
      rule,
      'do-not-share',
      `${harmSentence(request.harm)} Your setting's policy overrides a refusal only to protect a child.`,
    );
  }
  if (request.harm !== 'none') {
    return pass(
      rule,
      `${harmSentence(request.harm)} This can be enough reason to share without consent.`,
    );
  }
  const message =
    'None of the three significant-harm criteria is met, so there is not enough reason to share without consent.';
  return route.kind === 'refused'
    ? fail(rule, 'do-not-share', message)
    : fail(rule, 'needs-more-information', `${message} Ask the parents for consent.`);
}

// Seed 001: "The decision should never be made as an individual, but with the back-up of
// the management team." Seed 004: decisions "authorized by either the head teacher or the
// SENCO".
export function secondPersonAuthorisation({ need, authoriser, authoriserRoles, authorisers, policy }: Context): Finding {
  const rule = 'second-person-authorisation';
  if (need === 'none') {
    return pass(
      rule,
      `A second person's agreement is not needed for this decision. If you are in any doubt, ask ${authorisers} for advice.`,
    );
  }
  const WHY: Record<Exclude<typeof need, 'none'>, string> = {
    override: 'Sharing without consent must never be decided by one person alone.',
    'legal-basis': `Only ${legalPeople(policy)} may rely on a court order or a legal duty.`,
    'policy-all': `Your setting's policy says every decision to share information must be agreed by ${authorisers}.`,
    policy: `Your setting's policy says every decision to share confidential information must be agreed by ${authorisers}.`,
  };
  const why = WHY[need];
  if (need === 'legal-basis' && authoriserRoles.length === 0) {
    // The policy names only people who may not rely on a court order or legal duty: no second
    // person can agree, so the decision itself must be made by the DSL or a manager.
    return fail(
      rule,
      'needs-authorisation',
      `${why} Your setting's policy names neither of them to agree to decisions, so no second person can agree to this one: ask ${legalPeople(policy)} to make this decision themselves.`,
    );
  }
  if (authoriser.valid) {
    return pass(rule, `${why} A second person (${authorisers}) has agreed.`);
  }
  return fail(rule, 'needs-authorisation', `${why} ${authoriserProblem(authoriser, authorisers)}`);
}

function authoriserProblem(
  status: Exclude<AuthoriserStatus, { valid: true }>,
  authorisers: string,
): string {
  const ask = `Ask ${authorisers} to agree before you share.`;
  if (status.missing) return ask;
  const problems: string[] = [];
  if (status.samePerson) {
    problems.push('The person who made the decision cannot also authorise it: a different person must agree.');
  }
  if (status.lacksRole) {
    problems.push(`The person who authorised this is not ${authorisers}, so their agreement does not count.`);
  }
  return `${problems.join(' ')} ${ask}`;
}

// Golden rule 6: "Ensure that the information you share is necessary for the purpose for
// which you are sharing it". Choosing nothing is an unfinished request (more information);
// choosing only things that are not needed is a decision not to share.
export function necessaryItems({ verdicts }: Context): Finding {
  const rule = 'necessary-items';
  if (verdicts.length === 0) {
    return fail(rule, 'needs-more-information', 'No information has been chosen. Choose what you need to share.');
  }
  const unnecessary = verdicts.filter((v) => !v.shareable && v.why === 'not-necessary').length;
  if (unnecessary === verdicts.length) {
    return fail(
      rule,
      'do-not-share',
      'None of the information chosen is needed for this purpose, so do not share it.',
    );
  }
  if (unnecessary > 0) {
    return pass(
      rule,
      `${pieces(unnecessary)} ${unnecessary === 1 ? 'is' : 'are'} not needed for this purpose and will be held back. Share only what is needed.`,
    );
  }
  return pass(rule, 'Everything chosen is needed for this purpose.');
}

// Seed 001 1.3: third-party information is "not shared without consent from that agency".
// If everything needed came from agencies that have not agreed, ask them first (more
// information) rather than record a refusal: their agreement may well be given.
export function thirdPartyInformation({ verdicts }: Context): Finding {
  const rule = 'third-party-information';
  const needed = verdicts.filter((v) => v.shareable || v.why === 'third-party');
  const blocked = needed.filter((v) => !v.shareable).length;
  const agreed = needed.filter((v) => v.shareable && v.item.thirdParty !== undefined).length;
  if (needed.length > 0 && blocked === needed.length) {
    return fail(
      rule,
      'needs-more-information',
      'Everything needed came from another agency that has not agreed to it being passed on. Ask that agency for its agreement first.',
    );
  }
  if (blocked > 0) {
    return pass(
      rule,
      `${pieces(blocked)} came from another agency that has not agreed to it being passed on, and will be held back. Ask the agency if it is needed.`,
    );
  }
  if (agreed > 0) {
    return pass(rule, 'Information from another agency is included, and that agency has agreed.');
  }
  return pass(rule, 'No information from another agency would be shared.');
}

// Golden rule 6: "... and is shared securely". Anything that identifies someone or is
// confidential must not go by ordinary email; only anonymous, non-confidential information may.
export function secureMethod({ request }: Context): Finding {
  const rule = 'secure-method';
  const sensitive = request.identifiable || request.confidential;
  switch (request.method) {
    case undefined:
      return fail(rule, 'needs-more-information', 'Say how it will be shared.');
    case 'plain-email':
      return sensitive
        ? fail(
            rule,
            'needs-more-information',
            'Ordinary email is not secure enough for this information. Use secure email, an encrypted file, or hand it over in person.',
          )
        : pass(rule, 'Ordinary email is acceptable, because the information does not identify anyone and is not confidential.');
    case 'secure-email':
      return pass(rule, 'Secure email is a safe way to share this.');
    case 'encrypted-file':
      return pass(rule, 'An encrypted file is a safe way to share this. Send the password separately.');
    case 'in-person':
      return pass(rule, 'Sharing in person is safe. Make sure no one else can overhear or see it.');
    case 'phone':
      return pass(rule, 'Sharing by phone is acceptable. Check who you are speaking to, and make sure you cannot be overheard.');
    case 'post':
      return pass(rule, "Sharing by post is acceptable. Mark it 'Private and confidential' and address it to a named person.");
  }
}

// Golden rule 2: "Be open and honest ... unless it is unsafe or inappropriate to do so".
// Only information that identifies the child or family is about them, so only then is
// there someone to tell.
export function openAndHonest({ request }: Context): Finding {
  const rule = 'open-and-honest';
  if (!request.identifiable) {
    return pass(rule, 'Telling the parents is not needed, because the information does not identify the child or family.');
  }
  if (request.parentsInformed) {
    return pass(rule, 'The parents have been told what will be shared, why, and with whom.');
  }
  if ((request.parentsNotInformedReason ?? '').trim() === '') {
    return fail(
      rule,
      'needs-more-information',
      'The parents have not been told. Tell them what will be shared, why and with whom, or record why telling them would be unsafe or inappropriate.',
    );
  }
  return pass(
    rule,
    'The parents have not been told, because telling them would be unsafe or inappropriate. The reason is recorded.',
  );
}

// Golden rule 7: "Keep a record of your decision and the reasons for it – whether it is to
// share information or not." Never holds a share back: it says what to record.
export function recordDecision(outcome: SharingOutcome): Finding {
  const rule = 'record-decision';
  switch (outcome) {
    case 'share':
      return pass(rule, 'Record what you share, with whom, why, and on what basis.');
    case 'do-not-share':
      return pass(rule, 'Record the decision not to share and the reasons for it.');
    case 'needs-authorisation':
      return pass(rule, 'When a second person has agreed, record the decision and the reasons for it.');
    case 'needs-more-information':
      return pass(
        rule,
        'When the missing answers are filled in, record the decision and the reasons for it, whether you share or not.',
      );
  }
}

/** The rules that do not depend on the outcome, in SHARING_RULE_IDS order. */
export const EVALUATORS: ReadonlyArray<(context: Context) => Finding> = [
  legitimatePurpose,
  roleInCare,
  identifiableConfidential,
  statutoryDutyOrCourtOrder,
  consent,
  publicInterest,
  secondPersonAuthorisation,
  necessaryItems,
  thirdPartyInformation,
  secureMethod,
  openAndHonest,
];
