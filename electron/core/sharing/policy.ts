import type { Role } from '../../../shared/contract/define';
import { DEFAULT_SETTING_SHARING_POLICY, settingSharingPolicySchema, type SettingSharingPolicy } from '../../../shared/contract/sharing';
import type { SharingPolicy } from '../../../shared/contract/sharing-policy';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../settings/repo';
import { authoriserPhrase } from '../policy/wording';

// The setting's information-sharing policy lives in the encrypted `settings` table. Seed 001 is the
// default (the DSL or a manager backs up a share without consent); seed 004 is one switch away
// (every share of confidential information authorised by designated staff).

const KEY = 'sharingPolicy';

export function readSharingPolicy(db: Db): SettingSharingPolicy {
  const parsed = settingSharingPolicySchema.safeParse(readSetting(db, KEY));
  return parsed.success ? parsed.data : { ...DEFAULT_SETTING_SHARING_POLICY, authorisingRoles: [...DEFAULT_SETTING_SHARING_POLICY.authorisingRoles] };
}

export function writeSharingPolicy(db: Db, policy: SettingSharingPolicy): void {
  writeSetting(db, KEY, settingSharingPolicySchema.parse(policy));
}

/** The part the engine reads. */
export function enginePolicy(policy: SettingSharingPolicy): SharingPolicy {
  return { authorisingRoles: policy.authorisingRoles, authorisationForAllConfidential: policy.authorisationForAllConfidential };
}

/** "the DSL or a manager". */
export function authorisersOf(policy: SettingSharingPolicy): string {
  return authoriserPhrase(policy.authorisingRoles);
}

export function mayAuthorise(policy: SettingSharingPolicy, roles: readonly Role[]): boolean {
  return roles.some((r) => policy.authorisingRoles.includes(r));
}

/** Someone who records a share only as a proposal: a practitioner who is neither the DSL nor a manager. */
export function isProposerOnly(roles: readonly Role[]): boolean {
  return !roles.includes('dsl') && !roles.includes('manager');
}
