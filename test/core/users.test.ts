import { afterEach, describe, expect, it } from 'vitest';

import { ADMIN, errorCode, loginAdmin, openTestCore, SETTING_NAME, setUpCore } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function fresh() {
  const env = await setUpCore();
  cleanups.push(env.cleanup);
  await loginAdmin(env.core);
  return env;
}

describe('setup', () => {
  it('runs once: a second setup is refused and changes nothing', async () => {
    const { core } = await fresh();
    expect(await core.invoke('setup.status')).toEqual({ isSetUp: true, settingName: SETTING_NAME, recoveryNeeded: null });
    await expect(core.invoke('setup.create', { settingName: 'Another', admin: { fullName: 'X Y', username: 'xy', password: 'long enough password' } })).rejects.toMatchObject({
      code: 'already-set-up',
    });
    expect((await core.invoke('setup.status')).settingName).toBe(SETTING_NAME);
    // The first administrator is also a manager, and setup does not log anyone in.
    const { users } = await core.invoke('users.list');
    expect(users[0]).toMatchObject({ username: 'alice', fullName: ADMIN.fullName, roles: ['admin', 'manager'], active: true });
  });
});

describe('staff accounts', () => {
  it('a new member of staff must change the first password before anything opens', async () => {
    const { core } = await fresh();
    const { id } = await core.invoke('users.create', { fullName: 'Bob Office', username: 'Bob', password: 'first password 1', roles: ['office', 'office'] });
    const bob = (await core.invoke('users.list')).users.find((u) => u.id === id)!;
    expect(bob).toMatchObject({ username: 'bob', roles: ['office'], mustChangePassword: true });
    const session = await core.invoke('auth.login', { username: 'BOB', password: 'first password 1' });
    expect(session.mustChangePassword).toBe(true);
    expect(await errorCode(core.invoke('settings.get'))).toBe('must-change-password');
    await expect(core.invoke('auth.changePassword', { currentPassword: 'first password 1', newPassword: 'first password 1' })).rejects.toMatchObject({ code: 'invalid-input' });
    const after = await core.invoke('auth.changePassword', { currentPassword: 'first password 1', newPassword: 'bob chose this one' });
    expect(after.mustChangePassword).toBe(false);
    expect((await core.invoke('settings.get')).settingName).toBe(SETTING_NAME);
  });

  it('usernames are unique, and field errors say which field', async () => {
    const { core } = await fresh();
    await expect(core.invoke('users.create', { fullName: 'Other Alice', username: 'alice', password: 'first password 1', roles: ['office'] })).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: ['username'] }],
    });
    await expect(core.invoke('users.create', { fullName: '', username: 'x', password: 'short', roles: [] })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ['fullName'] }),
        expect.objectContaining({ path: ['username'] }),
        expect.objectContaining({ path: ['password'] }),
        expect.objectContaining({ path: ['roles'] }),
      ]),
    });
  });

  it('a reset gives a new first password: the old one stops working at once', async () => {
    const { core } = await fresh();
    const { id } = await core.invoke('users.create', { fullName: 'Bob Office', username: 'bob', password: 'first password 1', roles: ['office'] });
    await core.invoke('users.resetPassword', { userId: id, newPassword: 'second password 2' });
    await core.invoke('auth.lock');
    expect(await errorCode(core.invoke('auth.login', { username: 'bob', password: 'first password 1' }))).toBe('wrong-credentials');
    expect((await core.invoke('auth.login', { username: 'bob', password: 'second password 2' })).mustChangePassword).toBe(true);
  });

  it('deactivated staff cannot log in; the account and its history stay', async () => {
    const { core } = await fresh();
    const { id } = await core.invoke('users.create', { fullName: 'Bob Office', username: 'bob', password: 'first password 1', roles: ['office'] });
    await core.invoke('users.deactivate', { userId: id, reason: 'Left in August' });
    const bob = (await core.invoke('users.list')).users.find((u) => u.id === id);
    expect(bob?.active).toBe(false);
    expect(await errorCode(core.invoke('users.resetPassword', { userId: id, newPassword: 'second password 2' }))).toBe('conflict');
    await core.invoke('auth.lock');
    await expect(core.invoke('auth.login', { username: 'bob', password: 'first password 1' })).rejects.toMatchObject({
      code: 'wrong-credentials',
      message: 'That username and password do not match. Check them and try again.',
    });
    await loginAdmin(core);
    const { entries } = await core.invoke('audit.list', { recordId: `user:${id}` });
    // The try is in the trail as a failed login on Bob's account.
    expect(entries.map((e) => [e.channel, e.outcome])).toEqual([
      ['auth.login', 'failed-login'],
      ['users.deactivate', 'done'],
      ['users.create', 'done'],
    ]);
  });

  it('there is always an active administrator', async () => {
    const { core } = await fresh();
    const me = (await core.invoke('auth.session')).session!;
    expect(await errorCode(core.invoke('users.deactivate', { userId: me.userId, reason: 'testing' }))).toBe('conflict');
    expect(await errorCode(core.invoke('users.setRoles', { userId: me.userId, roles: ['manager'] }))).toBe('conflict');
    const { id } = await core.invoke('users.create', { fullName: 'Second Admin', username: 'admin2', password: 'first password 1', roles: ['admin'] });
    await core.invoke('users.setRoles', { userId: me.userId, roles: ['manager', 'dsl'] });
    expect((await core.invoke('users.list')).users.find((u) => u.id === me.userId)?.roles).toEqual(['manager', 'dsl']);
    expect(id).toBeTruthy();
  });
});

describe('roles and sessions (issue 10.4, 10.5)', () => {
  it('a role removed takes effect on the user’s next call, not at their next login', async () => {
    const { core } = await fresh();
    const me = (await core.invoke('auth.session')).session!;
    await core.invoke('users.create', { fullName: 'Second Admin', username: 'admin2', password: 'first password 1', roles: ['admin'] });
    // Alice gives up being an administrator; the very next call is judged on her roles now.
    await core.invoke('users.setRoles', { userId: me.userId, roles: ['manager'] });
    expect(await errorCode(core.invoke('users.create', { fullName: 'Carol', username: 'carol', password: 'first password 1', roles: ['office'] }))).toBe('forbidden');
    expect(await errorCode(core.invoke('users.setRoles', { userId: me.userId, roles: ['manager', 'admin'] }))).toBe('forbidden');
    expect((await core.invoke('auth.session')).session?.roles).toEqual(['manager']);
    expect((await core.invoke('audit.list', { limit: 1 })).total).toBeGreaterThan(0);
  });

  it('a deactivation logs the user out on their next call, and a role removed elsewhere is refused at once', async () => {
    const { core, dir } = await fresh();
    const { id: bobId } = await core.invoke('users.create', { fullName: 'Bob Office', username: 'bob', password: 'first password 1', roles: ['office', 'manager'] });
    await core.invoke('auth.login', { username: 'bob', password: 'first password 1' });
    await core.invoke('auth.changePassword', { currentPassword: 'first password 1', newPassword: 'second password 2' });
    expect((await core.invoke('users.list')).users.length).toBe(2);
    // Meanwhile an administrator on a second window over the same data changes Bob's account.
    const admin = await openTestCore({ dataDir: dir });
    cleanups.push(() => admin.close());
    await loginAdmin(admin);
    await admin.invoke('users.setRoles', { userId: bobId, roles: ['office'] });
    expect(await errorCode(core.invoke('users.list'))).toBe('forbidden');
    await admin.invoke('users.deactivate', { userId: bobId, reason: 'Left in August' });
    await expect(core.invoke('children.list', {})).rejects.toMatchObject({ code: 'not-logged-in', message: expect.stringMatching(/no longer active/) });
    expect((await core.invoke('auth.session')).session).toBeNull();
    const refused = await admin.invoke('audit.list', { userId: bobId, what: 'refused' });
    expect(refused.entries.map((e) => [e.channel, e.why])).toEqual([
      ['children.list', 'Their account had been deactivated, so they were logged out.'],
      ['users.list', 'Their role does not allow it.'],
    ]);
  }, 120_000);

  it('a failed login leaves the current session as it was, and is in the trail at once', async () => {
    const { core } = await fresh();
    await core.invoke('users.create', { fullName: 'Bob Office', username: 'bob', password: 'first password 1', roles: ['office'] });
    expect(await errorCode(core.invoke('auth.login', { username: 'bob', password: 'not his password' }))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('auth.login', { username: 'nobody', password: 'whatever it is' }))).toBe('wrong-credentials');
    expect((await core.invoke('auth.session')).session?.username).toBe('alice');
    expect((await core.invoke('users.list')).users.length).toBe(2);
    const { entries } = await core.invoke('audit.list', { what: 'failed-logins' });
    expect(entries.map((e) => e.description)).toEqual([
      'Someone tried to log in as “nobody”, which is not a username in TwoWay',
      'Someone tried to log in as “bob” (Bob Office): the password was wrong or the account is not active',
    ]);
    // A deactivated account's try leaves Alice logged in too.
    const { users } = await core.invoke('users.list');
    await core.invoke('users.deactivate', { userId: users.find((u) => u.username === 'bob')!.id, reason: 'Left' });
    expect(await errorCode(core.invoke('auth.login', { username: 'bob', password: 'first password 1' }))).toBe('wrong-credentials');
    expect((await core.invoke('auth.session')).session?.username).toBe('alice');
  }, 120_000);
});

describe('settings', () => {
  it('validates, saves, and renames the setting on the login screen too', async () => {
    const { core } = await fresh();
    await expect(core.invoke('settings.update', { idleLockMinutes: 0 })).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: ['idleLockMinutes'] }] });
    const saved = await core.invoke('settings.update', { settingName: 'Little Acorns Nursery', idleLockMinutes: 10 });
    expect(saved).toMatchObject({ settingName: 'Little Acorns Nursery', idleLockMinutes: 10, contactCheckMonths: 6 });
    expect((await core.invoke('auth.session')).session?.idleLockMinutes).toBe(10);
    expect((await core.invoke('setup.status')).settingName).toBe('Little Acorns Nursery');
  });
});
