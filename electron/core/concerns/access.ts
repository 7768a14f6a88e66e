import type { Session } from '../../../shared/contract/auth';
import { ALLEGATION_READERS, SAFEGUARDING_TEAM } from '../../../shared/contract/concerns';

/**
 * Who may read one concern. The safeguarding team (DSL, manager) reads concerns; an allegation
 * about a member of staff goes to the manager only, and never to the member of staff it names,
 * whatever their roles. The SQL form below says the same for lists.
 */
export function canRead(user: Pick<Session, 'userId' | 'roles'>, concern: { category: string; aboutUserId: string | null }): boolean {
  if (concern.category === 'allegation-staff') {
    return user.roles.some((r) => ALLEGATION_READERS.includes(r)) && concern.aboutUserId !== user.userId;
  }
  return user.roles.some((r) => SAFEGUARDING_TEAM.includes(r));
}

/**
 * The same rule as a SQL condition over `concerns` aliased `k`, with its parameters. Only used
 * behind the channel's own role check (DSL or manager).
 */
export function readableSql(user: Pick<Session, 'userId' | 'roles'>): { sql: string; params: { viewerId?: string } } {
  const manager = user.roles.some((r) => ALLEGATION_READERS.includes(r));
  return manager
    ? { sql: `(k.category <> 'allegation-staff' OR k.about_user_id IS NULL OR k.about_user_id <> $viewerId)`, params: { viewerId: user.userId } }
    : { sql: `k.category <> 'allegation-staff'`, params: {} };
}
