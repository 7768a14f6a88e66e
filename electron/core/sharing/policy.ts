import type { Role } from '../../../shared/contract/define';
import { DEFAULT_SETTING_SHARING_POLICY, settingSharingPolicySchema, type SettingSharingPolicy } from '../../../shared/contract/sharing';
import { ELIGIBLE_AUTHORISER_ROLES, type SharingPolicy } from '../../../shared/contract/sharing-policy';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../settings/repo';
import { authoriserPhrase } from '../policy/wording';

// The setting's information-sharing policy lives in the encrypted `settings` table. Seed 001 is the
// default (the DSL or a manager backs up a share without consent); seed 004 is one switch away
// (every share of confidential information authorised by designated staff).

const KEY = 'sharingPolicy';

const eligible = (roles: readonly Role[]) => roles.filter((r) => (ELIGIBLE_AUTHORISER_ROLES as readonly Role[]).includes(r));

/**
 * The policy in force. A policy saved before authorisers were limited to the DSL, managers and the
 * SENCO (issue 9.3) is narrowed to those roles; if none is left, the default (DSL or manager) applies.
 */
export function readSharingPolicy(db: Db): SettingSharingPolicy {
  const parsed = settingSharingPolicySchema.safeParse(readSetting(db, KEY));
  const fallback = { ...DEFAULT_SETTING_SHARING_POLICY, authorisingRoles: [...DEFAULT_SETTING_SHARING_POLICY.authorisingRoles] };
  if (!parsed.success) return fallback;
  const roles = eligible(parsed.data.authorisingRoles);
  return { ...parsed.data, authorisingRoles: roles.length ? roles : fallback.authorisingRoles };
}

export function writeSharingPolicy(db: Db, policy: SettingSharingPolicy): void {
  writeSetting(db, KEY, settingSharingPolicySchema.parse(policy));
}

/** The part the engine reads. */
export function enginePolicy(policy: SettingSharingPolicy): SharingPolicy {
  const { practitionersMayPropose: _notForTheEngine, ...engine } = policy;
  return engine;
}

/** "the DSL or a manager" (in the setting's own names: "the head teacher or the SENCO"). */
export function authorisersOf(policy: SettingSharingPolicy): string {
  return authoriserPhrase(policy.authorisingRoles, policy.roleNames);
}

export function mayAuthorise(policy: SettingSharingPolicy, roles: readonly Role[]): boolean {
  return eligible(roles).some((r) => policy.authorisingRoles.includes(r));
}

/** Someone who records a share only as a proposal: a practitioner who is neither the DSL nor a manager. */
export function isProposerOnly(roles: readonly Role[]): boolean {
  return !roles.includes('dsl') && !roles.includes('manager');
}
