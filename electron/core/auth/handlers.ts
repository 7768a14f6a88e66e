import type { authChannels } from '../../../shared/contract/auth';
import { TwoWayError } from '../../../shared/contract/errors';
import type { setupChannels } from '../../../shared/contract/setup';
import type { usersChannels } from '../../../shared/contract/users';
import type { CallContext, HandlersFor } from '../context';
import { readSettings, writeSettings } from '../settings/repo';
import { changeDatabaseKey } from '../vault/rekey';
import { assertIdle } from '../backup/progress';
import { sessionFor, startSession } from './session';
import { activeAdminCount, findUserById, findUserByUsername, insertUser, listUsers, updateUser } from './users-repo';

export const setupHandlers: HandlersFor<typeof setupChannels> = {
  'setup.status': (_input, ctx) => ({
    isSetUp: ctx.state.vault.isSetUp(),
    settingName: ctx.state.vault.settingName(),
    recoveryNeeded: ctx.state.vault.recoveryNeeded(),
  }),

  'setup.create': async (input, ctx) => {
    const { dbKey, recoveryKey } = await ctx.state.vault.create(input.settingName, input.admin.username, input.admin.password);
    const db = ctx.state.open(dbKey);
    db.exec('BEGIN IMMEDIATE');
    try {
      writeSettings(db, { settingName: input.settingName });
      ctx.actorId = insertUser(db, { username: input.admin.username, fullName: input.admin.fullName, roles: ['admin', 'manager'], mustChangePassword: false }, ctx.nowIso());
      ctx.touch(`user:${ctx.actorId}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    // Setting up is not logging in: the administrator sees the recovery key, then logs in.
    ctx.after(() => ctx.state.close());
    return { recoveryKey };
  },
};

export const authHandlers: HandlersFor<typeof authChannels> = {
  'auth.login': async (input, ctx) => {
    if (!ctx.state.vault.isSetUp()) throw new TwoWayError('not-set-up', 'TwoWay has not been set up on this computer yet.');
    // A wrong password leaves whoever is logged in as they were; only a login that succeeds replaces them.
    const key = await ctx.state.vault.unlockWithPassword(input.username, input.password);
    return startSession(ctx, key, input.username, false);
  },

  'auth.loginWithRecoveryKey': async (input, ctx) => {
    const key = await ctx.state.vault.unlockWithRecoveryKey(input.recoveryKey);
    const session = startSession(ctx, key, input.username || null, true);
    ctx.state.vault.restoreAfterRecovery(readSettings(ctx.db(), '').settingName);
    return session;
  },

  'auth.logout': (_input, ctx) => {
    ctx.after(() => ctx.state.close());
    return { ok: true };
  },

  'auth.lock': (_input, ctx) => {
    ctx.after(() => ctx.state.close());
    return { ok: true };
  },

  'auth.hide': (_input, ctx) => {
    ctx.state.session = { ...ctx.user, hidden: true };
    return { ok: true };
  },

  'auth.confirm': async (input, ctx) => {
    const session = ctx.user;
    // The confirmation counter, as for a hidden screen: guesses are slowed and never delay a login.
    try {
      const key = await ctx.state.vault.unlockWithPassword(session.username, input.password, 'confirmation');
      key.fill(0);
    } catch (error) {
      if (error instanceof TwoWayError && error.code === 'wrong-credentials') {
        throw new TwoWayError('wrong-credentials', `That is not ${session.fullName}’s password. Try again.`, {
          issues: [{ path: ['password'], message: `This is not ${session.fullName}’s password.` }],
        });
      }
      throw error;
    }
    ctx.state.confirmedAt = ctx.now().getTime();
    return { ok: true as const };
  },

  'auth.unhide': async (input, ctx) => {
    const session = ctx.user;
    // The confirmation counter (apart from logins): wrong passwords are counted and, after too many,
    // each try waits, so a hidden screen cannot be guessed open, and none of it delays anyone's login.
    try {
      const key = await ctx.state.vault.unlockWithPassword(session.username, input.password, 'confirmation');
      key.fill(0);
    } catch (error) {
      if (error instanceof TwoWayError && error.code === 'wrong-credentials') {
        throw new TwoWayError('wrong-credentials', `That is not ${session.fullName}’s password, so the screen stays hidden. Try again, or log in as someone else.`, {
          issues: [{ path: ['password'], message: `This is not ${session.fullName}’s password.` }],
        });
      }
      throw error;
    }
    ctx.state.session = { ...session, hidden: false };
    ctx.state.touchActivity();
    return ctx.state.session;
  },

  'auth.changePassword': async (input, ctx) => {
    const session = ctx.user;
    const vault = ctx.state.vault;
    if (!session.viaRecoveryKey) {
      if (!input.currentPassword || !(await vault.passwordMatches(session.username, input.currentPassword))) {
        throw new TwoWayError('wrong-credentials', 'Your current password is not right. Nothing was changed.', {
          issues: [{ path: ['currentPassword'], message: 'This is not your current password.' }],
        });
      }
      if (input.currentPassword === input.newPassword) {
        throw new TwoWayError('invalid-input', 'Choose a password you have not used here.', {
          issues: [{ path: ['newPassword'], message: 'The new password must be different from the current one.' }],
        });
      }
    }
    const db = ctx.db();
    updateUser(db, session.userId, { mustChangePassword: false }, ctx.nowIso());
    // Re-wraps this user's slot only; the database file is not touched by the key change.
    const key = ctx.state.currentKey();
    await vault.setUserSlot(session.username, input.newPassword, key);
    key.fill(0);
    const user = findUserById(db, session.userId)!;
    ctx.state.session = sessionFor(ctx, user, false);
    return ctx.state.session;
  },

  'auth.session': (_input, ctx) => ({ session: ctx.state.session }),
};

export const usersHandlers: HandlersFor<typeof usersChannels> = {
  'users.list': (_input, ctx) => ({ users: listUsers(ctx.db()) }),

  'users.create': async (input, ctx) => {
    const db = ctx.db();
    if (findUserByUsername(db, input.username) || ctx.state.vault.hasUserSlot(input.username)) {
      throw new TwoWayError('conflict', 'That username is taken. Choose another.', {
        issues: [{ path: ['username'], message: 'That username is taken.' }],
      });
    }
    const id = insertUser(db, { username: input.username, fullName: input.fullName, roles: input.roles, mustChangePassword: true }, ctx.nowIso());
    const key = ctx.state.currentKey();
    await ctx.state.vault.setUserSlot(input.username, input.password, key);
    key.fill(0);
    ctx.touch(`user:${id}`);
    return { id };
  },

  'users.resetPassword': async (input, ctx) => {
    const user = requireUser(ctx, input.userId);
    if (!user.active) throw new TwoWayError('conflict', 'This account is deactivated. Its password cannot be reset.');
    updateUser(ctx.db(), user.id, { mustChangePassword: true }, ctx.nowIso());
    const key = ctx.state.currentKey();
    await ctx.state.vault.setUserSlot(user.username, input.newPassword, key);
    key.fill(0);
    return { ok: true };
  },

  'users.setRoles': (input, ctx) => {
    const user = requireUser(ctx, input.userId);
    const losesAdmin = user.roles.includes('admin') && !input.roles.includes('admin');
    if (losesAdmin && user.active && activeAdminCount(ctx.db()) <= 1) {
      throw new TwoWayError('conflict', 'TwoWay needs at least one active administrator. Make someone else an administrator first.');
    }
    updateUser(ctx.db(), user.id, { roles: input.roles }, ctx.nowIso());
    return { ok: true };
  },

  'users.deactivate': (input, ctx) => {
    const user = requireUser(ctx, input.userId);
    if (user.id === ctx.user.userId) throw new TwoWayError('conflict', 'You cannot deactivate your own account.');
    if (!user.active) return { ok: true };
    if (user.roles.includes('admin') && activeAdminCount(ctx.db()) <= 1) {
      throw new TwoWayError('conflict', 'TwoWay needs at least one active administrator.');
    }
    updateUser(ctx.db(), user.id, { active: false, deactivatedReason: input.reason }, ctx.nowIso());
    // Without a slot the password can no longer unwrap the key; the account and its history stay.
    ctx.after(() => ctx.state.vault.removeUserSlot(user.username));
    return { ok: true };
  },

  'users.changeDatabaseKey': async (input, ctx) => {
    if (!(await ctx.state.vault.passwordMatches(ctx.user.username, input.password))) {
      throw new TwoWayError('wrong-credentials', 'That is not your password. Nothing was changed.', {
        issues: [{ path: ['password'], message: 'This is not your password.' }],
      });
    }
    assertIdle(ctx.state);
    return changeDatabaseKey(ctx.state);
  },

};

function requireUser(ctx: CallContext, id: string) {
  const user = findUserById(ctx.db(), id);
  if (!user) throw new TwoWayError('not-found', 'That member of staff was not found.');
  return user;
}

