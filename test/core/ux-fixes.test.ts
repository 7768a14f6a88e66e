import { afterEach, describe, expect, it } from 'vitest';
import { errorCode, loginAdmin, setUpCore } from './helpers';

// Fixes from trying TwoWay as a new user (issue 11) and the validation hardening (issue 10.9).

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fresh(options: Parameters<typeof setUpCore>[0] = {}) {
  const env = await setUpCore(options);
  cleanups.push(env.cleanup);
  return env;
}

describe('logins with usernames that are names of object members', () => {
  it('answers `constructor`, `__proto__`, `toString` and `hasOwnProperty` as a wrong login, not a damaged key slot', async () => {
    const { core } = await fresh();
    for (const username of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await errorCode(core.invoke('auth.login', { username, password: 'whatever it is' }))).toBe('wrong-credentials');
    }
  }, 60_000);
});

describe('audit filter text is matched literally', () => {
  it('a `%` or `_` record filter matches nothing, while a real id still matches', async () => {
    const { core } = await fresh();
    await loginAdmin(core);
    const { id } = await core.invoke('partners.create', { name: 'Oak Tree Pre-school', kind: 'setting' });
    expect((await core.invoke('audit.list', { recordId: '%' })).entries).toEqual([]);
    expect((await core.invoke('audit.list', { recordId: '_%' })).entries).toEqual([]);
    const found = await core.invoke('audit.list', { recordId: id });
    expect(found.entries.map((e) => e.channel)).toContain('partners.create');
    expect((await core.invoke('audit.list', { recordId: `partner:${id}` })).entries.length).toBe(found.entries.length);
  });
});
