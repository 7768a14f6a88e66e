import {
  CHILD_PROTECTION_HARMS,
  type SharingBasis,
  type SharingPolicy,
  type SharingRequest,
} from '../../../shared/contract/sharing-policy';

// The route by which a share could be lawful, worked out from the answers to seed 001's
// questions ("Does the information enable the person to be identified? Is the information
// confidential? ... do we have consent? Is there a statutory duty or court order? If consent
// is refused, or there are good reasons not to seek consent, is there sufficient public
// interest?").

export type Route =
  // A legal requirement: share without consent.
  | { kind: 'legal'; basis: 'court-order' | 'statutory-duty' }
  // Not identifiable, or not confidential: no consent needed.
  | { kind: 'not-confidential'; why: 'not-identifiable' | 'not-confidential' }
  | { kind: 'consent' }
  // Sharing without consent in the public interest (significant harm): needs a second person.
  | { kind: 'override'; consent: 'refused' | 'withdrawn' | 'not-sought' }
  // Consent refused or withdrawn and no significant harm (or, under a policy like seed 004's,
  // no harm to a child): respect the parents' wishes.
  | { kind: 'refused'; consent: 'refused' | 'withdrawn'; why: 'no-harm' | 'not-child-protection' }
  // Consent not sought without a good reason (or without significant harm): seek it first.
  | { kind: 'seek-consent'; problem: SeekConsentProblem };

/**
 * Why consent must be asked for first. `not-child-protection`: a good reason not to ask, but the harm
 * is not to a child, and the setting's policy (seed 004) shares without consent only to protect a child.
 */
export type SeekConsentProblem = 'no-reason' | 'weak-reason' | 'no-harm' | 'not-child-protection';

/**
 * Identifiable AND confidential is what engages the duty of confidence and the need for
 * consent (or another basis). Information that is not identifiable is not personal
 * information about anyone, and information that is identifiable but not confidential
 * (e.g. already known to the recipient or public) carries no duty of confidence: either
 * way consent is not needed. Necessity, third-party information, role in care and a
 * secure method still apply to both.
 */
export function isConfidentialPersonal(request: SharingRequest): boolean {
  return request.identifiable && request.confidential;
}

/**
 * Order of bases, when several apply:
 *  1. court order, then statutory duty: a legal requirement is the firmest basis, does not
 *     depend on consent that can be withdrawn, and says why the share had to happen. A court
 *     order beats a statutory duty because it is specific to this child and this request.
 *  2. not confidential: no consent is needed at all.
 *  3. consent given.
 *  4. the public-interest override (safeguarding).
 */
/**
 * A court order or statutory duty counts only when it is named (which order or law, and its
 * reference or date): "an order that requires you to share this information, not any order
 * about the family". An unnamed one is no basis; the legal check asks for the name.
 */
export function namedLegalRequirement(request: SharingRequest): boolean {
  return (request.courtOrder || request.statutoryDuty) && request.legalRequirement !== undefined;
}

export function findRoute(request: SharingRequest, policy?: SharingPolicy): Route {
  if (namedLegalRequirement(request)) {
    return { kind: 'legal', basis: request.courtOrder ? 'court-order' : 'statutory-duty' };
  }
  if (!request.identifiable) return { kind: 'not-confidential', why: 'not-identifiable' };
  if (!request.confidential && !refusalStandsForAll(request, policy)) return { kind: 'not-confidential', why: 'not-confidential' };
  if (request.consent === 'given') return { kind: 'consent' };
  if (request.consent === 'not-sought') return routeWithoutAsking(request, policy);
  if (request.harm === 'none') return { kind: 'refused', consent: request.consent, why: 'no-harm' };
  // Seed 004: "Except in cases of child protection, the parent's wishes must be respected".
  if (policy?.overrideOnlyForChildProtection === true && !CHILD_PROTECTION_HARMS.includes(request.harm)) {
    return { kind: 'refused', consent: request.consent, why: 'not-child-protection' };
  }
  return { kind: 'override', consent: request.consent };
}

/**
 * Seed 004: "Except in cases of child protection, the parent's wishes must be respected if they do
 * not give consent": under such a policy a refusal or withdrawal stands even for information about
 * the child that is not confidential.
 */
export function refusalStandsForAll(request: SharingRequest, policy?: SharingPolicy): boolean {
  return policy?.overrideOnlyForChildProtection === true && (request.consent === 'refused' || request.consent === 'withdrawn');
}

// Seed 001 3.5: "there are good reasons not to seek consent". A risk to the child or to an
// investigation is a good reason; so is being unable to contact the parents (golden rule 4:
// "You may still share information without consent ... where safety may be at risk"). Each
// counts only where there is significant harm; otherwise, seek consent first.
function routeWithoutAsking(request: SharingRequest, policy?: SharingPolicy): Route {
  const reason = request.consentNotSoughtReason;
  if (reason === undefined) return { kind: 'seek-consent', problem: 'no-reason' };
  if (reason === 'other') return { kind: 'seek-consent', problem: 'weak-reason' };
  if (request.harm === 'none') {
    return { kind: 'seek-consent', problem: reason === 'cannot-contact' ? 'weak-reason' : 'no-harm' };
  }
  // Seed 004: "Share with consent unless this can be overridden because the child is at risk of
  // serious harm." Not asking is no way round that: outside child protection, ask first.
  if (policy?.overrideOnlyForChildProtection === true && !CHILD_PROTECTION_HARMS.includes(request.harm)) {
    return { kind: 'seek-consent', problem: 'not-child-protection' };
  }
  return { kind: 'override', consent: 'not-sought' };
}

/** The basis recorded if this route leads to a share; undefined for blocked routes. */
export function basisOf(route: Route): SharingBasis | undefined {
  switch (route.kind) {
    case 'legal':
      return route.basis;
    case 'not-confidential':
      return 'not-confidential';
    case 'consent':
      return 'consent';
    case 'override':
      return 'safeguarding';
    case 'refused':
    case 'seek-consent':
      return undefined;
  }
}
