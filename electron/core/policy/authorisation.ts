import type {
  SharingPolicy,
  SharingRequest,
} from '../../../shared/contract/sharing-policy';
import { isConfidentialPersonal, type Route } from './route';

// Seed 001: "The decision should never be made as an individual, but with the back-up of
// the management team." Seed 004: "All decisions to share information should be authorized
// by either the head teacher or the SENCO."

export type AuthorisationNeed = 'override' | 'policy' | 'none';

/** Why (if at all) this request needs a second person to agree. */
export function authorisationNeed(
  request: SharingRequest,
  policy: SharingPolicy,
  route: Route,
): AuthorisationNeed {
  if (route.kind === 'override') return 'override';
  if (policy.authorisationForAllConfidential && isConfidentialPersonal(request)) {
    return 'policy';
  }
  return 'none';
}

export type AuthoriserStatus =
  | { valid: true }
  | { valid: false; missing: true }
  | { valid: false; missing: false; samePerson: boolean; lacksRole: boolean };

/**
 * An authoriser counts only if they are a different person from the one who decided
 * (compared by userId, ignoring stray spaces) and hold one of the policy's authorising roles.
 */
export function checkAuthoriser(
  request: SharingRequest,
  policy: SharingPolicy,
): AuthoriserStatus {
  const authoriser = request.authorisedBy;
  if (authoriser === undefined || authoriser.userId.trim() === '') {
    return { valid: false, missing: true };
  }
  const samePerson = authoriser.userId.trim() === request.decidedBy.userId.trim();
  const lacksRole = !authoriser.roles.some((role) => policy.authorisingRoles.includes(role));
  if (!samePerson && !lacksRole) return { valid: true };
  return { valid: false, missing: false, samePerson, lacksRole };
}
