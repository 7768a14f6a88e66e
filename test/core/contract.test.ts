import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, rolesAllow, type Role } from '../../shared/contract/define';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/contract/index';
import type { Core } from '../../electron/core/index';
import { handlers } from '../../electron/core/handlers';
import { errorCode, loginAdmin, setUpCore } from './helpers';

/**
 * Table-driven over the whole contract: a channel added later is covered without touching this file.
 * - every channel rejects a bad input with `invalid-input` and writes nothing;
 * - every non-public channel refuses a caller who is not logged in;
 * - every role is allowed or `forbidden` exactly as the channel declares.
 */
const PASSWORD = 'a good long password';
let core: Core;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ core, cleanup } = await setUpCore());
  await loginAdmin(core);
  await core.invoke('users.create', { fullName: 'Every Role', username: 'everyrole', password: PASSWORD, roles: [...ROLES] });
  for (const role of ROLES) {
    await core.invoke('users.create', { fullName: `Only ${role}`, username: `only-${role}`, password: PASSWORD, roles: [role] });
  }
  // Each must change the first password before anything opens; do it once for all.
  for (const username of ['everyrole', ...ROLES.map((r) => `only-${r}`)]) {
    await core.invoke('auth.login', { username, password: PASSWORD });
    await core.invoke('auth.changePassword', { currentPassword: PASSWORD, newPassword: `${PASSWORD} 2` });
  }
}, 120_000);
afterAll(async () => cleanup());

async function loginAs(username: string) {
  const { session } = await core.invoke('auth.session');
  // auth.hide (walked like any channel) hides the screen; logging in again starts unhidden.
  if (session?.username === username && !session.hidden) return;
  await core.invoke('auth.login', { username, password: `${PASSWORD} 2` });
}

/** The newest entry's number (this read is itself the next entry). */
async function auditTotal(): Promise<number> {
  const { entries } = await core.invoke('audit.list', { limit: 1 });
  return entries[0]!.seq;
}

it('every channel has a handler and a summary', () => {
  for (const name of CHANNEL_NAMES) {
    expect(typeof handlers[name], name).toBe('function');
    expect(contract[name].summary.length, name).toBeGreaterThan(10);
    expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  }
});

describe('bad input is refused with invalid-input: exactly one refused entry in the audit trail, nothing else written', () => {
  const badInputs: unknown[] = [12345, 'text', [1, 2, 3], true];
  for (const name of CHANNEL_NAMES) {
    it(name, async () => {
      await loginAs('everyrole');
      const before = await auditTotal();
      // Every channel's schema must refuse these (a schema that takes anything is itself a bug).
      for (const bad of badInputs) {
        expect(contract[name].input.safeParse(bad).success, `${name} accepts ${JSON.stringify(bad)}`).toBe(false);
        await expect(core.call(name, bad), `${name} with ${JSON.stringify(bad)}`).rejects.toMatchObject({ code: 'invalid-input' });
      }
      // setup.create with a bad body: invalid-input even though setup is done.
      const calls = badInputs.length + (name === 'setup.create' ? 1 : 0);
      if (name === 'setup.create') expect(await errorCode(core.call(name, { settingName: '' }))).toBe('invalid-input');
      // Each bad call added one 'refused' entry naming the channel and why (never the input); the only other
      // entry is the read of the audit trail made by auditTotal() above.
      const { entries } = await core.invoke('audit.list', { limit: calls + 2 });
      const added = entries.filter((e) => e.seq > before);
      expect(added.map((e) => [e.channel, e.outcome, e.why])).toEqual([
        ...Array.from({ length: calls }, () => [name, 'refused', 'The details sent were not valid (nothing was saved).']),
        ['audit.list', 'done', null],
      ]);
      expect(added.every((e) => e.recordIds.length === 0 || e.channel === 'audit.list')).toBe(true);
    });
  }
});

describe('a caller who is not logged in is refused', () => {
  for (const name of CHANNEL_NAMES.filter((n) => contract[n].access !== 'public')) {
    it(name, async () => {
      await core.invoke('auth.lock').catch(() => undefined);
      expect(await errorCode(core.call(name, {}))).toBe('not-logged-in');
    });
  }
});

describe('each role is allowed or forbidden exactly as declared', () => {
  for (const role of ROLES) {
    describe(role, () => {
      for (const name of CHANNEL_NAMES.filter((n) => contract[n].access !== 'public')) {
        it(name, async () => {
          await loginAs(`only-${role}`);
          const code = await errorCode(core.call(name as ChannelName, {}));
          if (rolesAllow(contract[name].access, [role as Role])) expect(code, `${role} on ${name}`).not.toBe('forbidden');
          else expect(code, `${role} on ${name}`).toBe('forbidden');
        });
      }
    });
  }
});
