import type { Session } from '../../../shared/contract/auth';
import { TwoWayError } from '../../../shared/contract/errors';
import type { User } from '../../../shared/contract/users';
import type { CallContext } from '../context';
import { readSettings } from '../settings/repo';
import { WRONG_LOGIN_MESSAGE } from '../vault/index';
import { findUserByUsername } from './users-repo';
import { flushPending } from '../audit/refusals';

/**
 * Opens the database with an unwrapped key and starts a session for `username`.
 * A deactivated or unknown user gets the same message as a wrong password (counted as a failed login),
 * and nothing changes: whoever was logged in stays logged in, and otherwise nothing stays open.
 */
export function startSession(ctx: CallContext, key: Buffer, username: string | null, viaRecoveryKey: boolean): Session {
  const state = ctx.state;
  // Someone is logged in: the database is already open (one database, one key), so the newcomer is checked there first.
  const wasOpen = state.isOpen;
  const db = wasOpen ? state.db() : state.open(key);
  const user = username ? findUserByUsername(db, username) : firstActiveAdmin(ctx);
  if (!user || !user.active || (viaRecoveryKey && !user.roles.includes('admin'))) {
    if (username) state.vault.backoff.recordFailure({ via: 'password', username });
    if (wasOpen) key.fill(0);
    else state.close();
    throw new TwoWayError(
      'wrong-credentials',
      viaRecoveryKey ? 'There is no active administrator with that username. Check the username and try again.' : WRONG_LOGIN_MESSAGE,
    );
  }
  if (wasOpen) state.open(key);
  // What waited while TwoWay was locked goes in before this login's own entry.
  flushPending(state);
  const session = sessionFor(ctx, user, viaRecoveryKey);
  state.session = session;
  // Logging in is typing the password: the safeguarding area's step-up counts from here.
  state.confirmedAt = state.now().getTime();
  state.touchActivity();
  ctx.actorId = user.id;
  ctx.touch(`user:${user.id}`);
  return session;
}

export function sessionFor(ctx: CallContext, user: User, viaRecoveryKey: boolean): Session {
  const settings = readSettings(ctx.db(), ctx.state.vault.settingName() ?? '');
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword || viaRecoveryKey,
    viaRecoveryKey,
    idleLockMinutes: settings.idleLockMinutes,
    hidden: false,
  };
}

function firstActiveAdmin(ctx: CallContext): User | undefined {
  const row = ctx
    .db()
    .prepare(
      "SELECT username FROM users WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin') ORDER BY created_at LIMIT 1",
    )
    .get() as { username: string } | undefined;
  return row ? findUserByUsername(ctx.db(), row.username) : undefined;
}
