import {
  ELIGIBLE_AUTHORISER_ROLES,
  LEGAL_BASIS_ROLES,
  type Role,
  type SharingPolicy,
  type SharingRequest,
} from '../../../shared/contract/sharing-policy';
import { findRoute, isConfidentialPersonal, type Route } from './route';

// Seed 001: "The decision should never be made as an individual, but with the back-up of
// the management team." Seed 004: "All decisions to share information should be authorized
// by either the head teacher or the SENCO."

export type AuthorisationNeed = 'override' | 'legal-basis' | 'policy-all' | 'policy' | 'none';

/** Why (if at all) this request needs a second person to agree. */
export function authorisationNeed(
  request: SharingRequest,
  policy: SharingPolicy,
  route: Route,
): AuthorisationNeed {
  if (route.kind === 'override') return 'override';
  // Issue 11: only the DSL or a manager may rely on a court order or statutory duty.
  if (route.kind === 'legal' && !request.decidedBy.roles.some((r) => (LEGAL_BASIS_ROLES as readonly Role[]).includes(r))) {
    return 'legal-basis';
  }
  if (policy.authorisationForAllShares === true) return 'policy-all';
  if (policy.authorisationForAllConfidential && isConfidentialPersonal(request)) {
    return 'policy';
  }
  return 'none';
}

/**
 * The roles whose agreement counts for this need. Only the policy's roles that can ever back up a
 * decision count (a stored policy naming a practitioner or an administrator is narrowed, never
 * widened). A court order or legal duty relied on by someone else narrows them further to the DSL
 * and managers (issue 11): the second person must then satisfy both the policy and issue 11.
 * Empty when no one role does.
 */
export function eligibleRoles(policy: SharingPolicy, need: AuthorisationNeed): Role[] {
  const eligible = ELIGIBLE_AUTHORISER_ROLES as readonly Role[];
  const roles = [...new Set(policy.authorisingRoles)].filter((r) => eligible.includes(r));
  return need === 'legal-basis' ? roles.filter((r) => (LEGAL_BASIS_ROLES as readonly Role[]).includes(r)) : roles;
}

export type AuthoriserStatus =
  | { valid: true }
  | { valid: false; missing: true }
  | { valid: false; missing: false; samePerson: boolean; lacksRole: boolean };

/**
 * An authoriser counts only if they are a different person from the one who decided
 * (compared by userId, ignoring stray spaces) and hold one of the eligible roles.
 */
export function checkAuthoriser(request: SharingRequest, roles: readonly Role[]): AuthoriserStatus {
  const authoriser = request.authorisedBy;
  if (authoriser === undefined || authoriser.userId.trim() === '') {
    return { valid: false, missing: true };
  }
  const samePerson = authoriser.userId.trim() === request.decidedBy.userId.trim();
  const lacksRole = !authoriser.roles.some((role) => roles.includes(role));
  if (!samePerson && !lacksRole) return { valid: true };
  return { valid: false, missing: false, samePerson, lacksRole };
}

/** The roles whose agreement counts on this request under this policy (empty when no one role can). */
export function authoriserRolesFor(request: SharingRequest, policy: SharingPolicy): Role[] {
  return eligibleRoles(policy, authorisationNeed(request, policy, findRoute(request, policy)));
}
