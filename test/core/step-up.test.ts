import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, addUserAndLogin, errorCode, setUpCore } from './helpers';

// Issue 18: the safeguarding area asks for the password again when it was last typed more than the
// setting's step-up time ago (15 minutes unless a manager changes it). The clock is injected.

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

async function dslAt(start: string) {
  let now = new Date(start);
  const env = await setUpCore({ now: () => now });
  cleanups.push(env.cleanup);
  await addUserAndLogin(env.core, 'dina', ['dsl', 'manager']);
  // The laptop's own idle lock is longer here, so only the step-up is being tested.
  await env.core.invoke('settings.update', { idleLockMinutes: 60 });
  const childId = (await env.core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2023-03-14', room: 'Rainbow' })).id;
  return { ...env, childId, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

describe('step-up for the safeguarding area', () => {
  it('asks again after 15 minutes, accepts the password, and audits both', async () => {
    const { core, childId, advance } = await dslAt('2026-11-25T10:00:00Z');
    // Logging in counts as a confirmation.
    await core.invoke('concerns.list', {});
    advance(14);
    await core.invoke('concerns.chronology', { childId });
    advance(2); // 16 minutes since the password was typed
    expect(await errorCode(core.invoke('concerns.list', {}))).toBe('step-up-needed');
    expect(await errorCode(core.invoke('concerns.chronology', { childId }))).toBe('step-up-needed');
    expect(await errorCode(core.invoke('auth.confirm', { password: 'not it' }))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('concerns.list', {}))).toBe('step-up-needed');
    await core.invoke('auth.confirm', { password: 'a new password 22' });
    await core.invoke('concerns.list', {});
    await core.invoke('concerns.chronology', { childId });

    const { entries } = await core.invoke('audit.list', {});
    const refusals = entries.filter((e) => e.outcome === 'refused' && e.why === 'Their password had to be typed again first.');
    expect(refusals.length).toBe(3);
    expect(entries.some((e) => e.channel === 'auth.confirm' && e.outcome === 'done')).toBe(true);
    expect(entries.some((e) => e.channel === 'auth.confirm' && e.outcome === 'refused')).toBe(true);
  });

  it('follows the time a manager sets, and other screens never ask', async () => {
    const { core, childId, advance } = await dslAt('2026-11-25T10:00:00Z');
    await core.invoke('settings.update', { stepUpMinutes: 5 });
    advance(6);
    expect(await errorCode(core.invoke('concerns.get', { id: 'x' }))).toBe('step-up-needed');
    // The child's file and the home alerts are not the safeguarding area's screens.
    await core.invoke('children.get', { childId });
    await core.invoke('concerns.alerts');
    expect((await core.invoke('settings.get')).stepUpMinutes).toBe(5);
  });

  it('a new login starts the count again', async () => {
    const { core, advance } = await dslAt('2026-11-25T10:00:00Z');
    advance(30);
    expect(await errorCode(core.invoke('concerns.list', {}))).toBe('step-up-needed');
    await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await core.invoke('auth.login', { username: 'dina', password: 'a new password 22' });
    await core.invoke('concerns.list', {});
  });
});
