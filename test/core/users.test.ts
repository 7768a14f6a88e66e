import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, errorCode, loginAdmin, setUpCore, SETTING_NAME } from './helpers';

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
    expect(entries.map((e) => e.channel)).toEqual(['users.deactivate', 'users.create']);
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
