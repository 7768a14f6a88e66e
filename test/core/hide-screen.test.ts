import { afterEach, describe, expect, it } from 'vitest';
import type { CoreOptions } from '../../electron/core/index';
import { ADMIN, errorCode, loginAdmin, setUpCore } from './helpers';

// Issue 12, "Hide screen": the core knows the screen is hidden, so a reloaded window (or any call)
// cannot show records until the logged-in user types their own password.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fresh(options: Partial<CoreOptions> = {}) {
  const setup = await setUpCore(options);
  cleanups.push(setup.cleanup);
  return setup;
}

describe('hide screen (issue 12)', () => {
  it('a hidden session refuses records with a plain message until the user’s own password is typed; all of it audited', async () => {
    const { core } = await fresh();
    await loginAdmin(core);
    const { id: childId } = await core.invoke('children.create', { legalName: 'Oliver Brown', dateOfBirth: '2022-01-10' });
    await core.invoke('auth.hide');

    expect((await core.invoke('auth.session')).session).toMatchObject({ username: ADMIN.username, hidden: true });
    await expect(core.invoke('children.get', { childId })).rejects.toMatchObject({
      code: 'screen-hidden',
      message: 'The screen is hidden. Type your password to show it again.',
    });
    expect(await errorCode(core.invoke('children.list', {}))).toBe('screen-hidden');
    expect(await errorCode(core.invoke('audit.list', {}))).toBe('screen-hidden');
    expect(await errorCode(core.invoke('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'another password 9' }))).toBe('screen-hidden');

    await expect(core.invoke('auth.unhide', { password: 'not my password' })).rejects.toMatchObject({
      code: 'wrong-credentials',
      message: 'That is not Alice Adminson’s password, so the screen stays hidden. Try again, or log in as someone else.',
      issues: [{ path: ['password'] }],
    });
    expect((await core.invoke('auth.session')).session?.hidden).toBe(true);
    expect(await errorCode(core.invoke('children.get', { childId }))).toBe('screen-hidden');

    const session = await core.invoke('auth.unhide', { password: ADMIN.password });
    expect(session).toMatchObject({ username: ADMIN.username, hidden: false });
    expect((await core.invoke('children.get', { childId })).child.legalName).toBe('Oliver Brown');

    const { entries } = await core.invoke('audit.list', {});
    const own = entries.filter((e) => e.channel.startsWith('auth.hide') || e.channel.startsWith('auth.unhide'));
    expect(own.map((e) => [e.channel, e.outcome])).toEqual([
      ['auth.unhide', 'done'],
      ['auth.unhide', 'refused'],
      ['auth.hide', 'done'],
    ]);
    expect(own[0]!.description).toBe('Alice Adminson showed the screen again with their password');
    expect(own[2]!.description).toBe('Alice Adminson hid the screen');
    const refusedWhileHidden = entries.filter((e) => e.outcome === 'refused' && e.channel === 'children.get');
    expect(refusedWhileHidden.map((e) => e.why)).toEqual([
      'The screen was hidden until their password was typed.',
      'The screen was hidden until their password was typed.',
    ]);
    expect((await core.invoke('audit.verify')).ok).toBe(true);
  });

  it('while hidden: lock and log out still work, logging in again starts unhidden, and the idle lock still applies', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const { core } = await fresh({ now: () => now });
    await loginAdmin(core);
    await core.invoke('auth.hide');
    await core.invoke('auth.lock');
    expect((await core.invoke('auth.session')).session).toBeNull();
    expect((await loginAdmin(core)).hidden).toBe(false);
    expect((await core.invoke('children.list', {})).children).toEqual([]);

    // Wrong passwords at a hidden screen do not count as using the laptop: the idle lock still comes.
    await core.invoke('auth.hide');
    now = new Date(now.getTime() + 4 * 60_000);
    expect(await errorCode(core.invoke('auth.unhide', { password: 'a guess at it' }))).toBe('wrong-credentials');
    now = new Date(now.getTime() + 1 * 60_000 + 1000);
    expect(await errorCode(core.invoke('auth.unhide', { password: ADMIN.password }))).toBe('not-logged-in');
    expect((await core.invoke('auth.session')).session).toBeNull();
  });

  it('too many wrong passwords at a hidden screen make the next try wait, without delaying anyone’s login', async () => {
    const { core } = await fresh();
    await loginAdmin(core);
    await core.invoke('auth.hide');
    for (let i = 0; i < 5; i++) expect(await errorCode(core.invoke('auth.unhide', { password: 'wrong guess here' }))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('auth.unhide', { password: ADMIN.password }))).toBe('login-delayed');
    expect((await core.invoke('auth.session')).session?.hidden).toBe(true);
    // "Log in as someone else" locks; the login itself is not delayed by the guesses.
    await core.invoke('auth.lock');
    expect((await loginAdmin(core)).hidden).toBe(false);
  });
});
