import Database from '@signalapp/sqlcipher';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { slotSchema } from '../../electron/core/vault/crypto';
import { Vault } from '../../electron/core/vault/index';
import { createFileStore } from '../../electron/core/vault/store';
import { openCore } from '../../electron/core/index';
import { ADMIN, errorCode, loginAdmin, openTestCore, rawKeyFromRecovery, SETTING_NAME, setUpCore, tempDataDir, TEST_KDF } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fresh(options: Parameters<typeof setUpCore>[0] = {}) {
  const env = await setUpCore(options);
  cleanups.push(env.cleanup);
  return env;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

function filesContaining(dir: string, needle: string): string[] {
  return allFiles(dir).filter((f) => readFileSync(f).includes(Buffer.from(needle, 'utf8')));
}

function settingsFile(dir: string) {
  return join(dir, 'settings.json');
}

describe('vault: nothing readable at rest', () => {
  it('a canary written through the core is absent from every byte under the data folder, and reads back with the right password', async () => {
    const { core, dir } = await fresh();
    const canary = `CANARY-${Math.random().toString(36).slice(2)}-Zebedee`;
    await loginAdmin(core);
    await core.invoke('users.create', { fullName: canary, username: 'canary', password: 'initial password 1', roles: ['office'] });
    await core.invoke('settings.update', { idleLockMinutes: 7 });

    // While open (WAL and SHM present) and after closing, neither the canary nor the administrator's name is on disk in clear.
    expect(filesContaining(dir, canary)).toEqual([]);
    expect(filesContaining(dir, ADMIN.fullName)).toEqual([]);
    await core.invoke('auth.lock');
    await core.close();
    expect(allFiles(dir).length).toBeGreaterThan(1);
    expect(filesContaining(dir, canary)).toEqual([]);
    expect(filesContaining(dir, ADMIN.fullName)).toEqual([]);
    expect(filesContaining(dir, ADMIN.password)).toEqual([]);
    // Only the setting's name and usernames are readable before login.
    const settingsText = readFileSync(settingsFile(dir), 'utf8');
    expect(settingsText).toContain(SETTING_NAME);
    expect(settingsText).toContain('"alice"');

    const again = await openTestCore({ dataDir: dir });
    cleanups.push(() => again.close());
    await again.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const { users } = await again.invoke('users.list');
    expect(users.map((u) => u.fullName)).toContain(canary);
  });

  it('a wrong password gives one plain message and opens nothing', async () => {
    const { core } = await fresh();
    const wrong = core.invoke('auth.login', { username: ADMIN.username, password: 'not the password' });
    await expect(wrong).rejects.toMatchObject({ code: 'wrong-credentials', message: 'That username and password do not match. Check them and try again.' });
    // An unknown username gets the very same message: it does not reveal which usernames exist.
    await expect(core.invoke('auth.login', { username: 'nobody', password: 'whatever it is' })).rejects.toMatchObject({
      code: 'wrong-credentials',
      message: 'That username and password do not match. Check them and try again.',
    });
    expect((await core.invoke('auth.session')).session).toBeNull();
    expect(await errorCode(core.invoke('users.list'))).toBe('not-logged-in');
  });

  it('a tampered key slot gives a clear error and opens nothing', async () => {
    const { core, dir } = await fresh();
    await core.close();
    const settings = JSON.parse(readFileSync(settingsFile(dir), 'utf8'));
    const slot = settings.keySlots.users.alice;
    const bytes = Buffer.from(slot.wrapped, 'base64');
    bytes[3] ^= 0x01;
    slot.wrapped = bytes.toString('base64');
    writeFileSync(settingsFile(dir), JSON.stringify(settings));

    const core2 = await openTestCore({ dataDir: dir });
    cleanups.push(() => core2.close());
    expect(await errorCode(core2.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password }))).toBe('wrong-credentials');
    expect(await errorCode(core2.invoke('users.list'))).toBe('not-logged-in');

    // A slot whose cost was lowered or whose shape is broken is refused as damaged, not tried.
    settings.keySlots.users.alice = { ...slot, kdf: { ...slot.kdf, N: 1024 } };
    writeFileSync(settingsFile(dir), JSON.stringify(settings));
    const core3 = await openTestCore({ dataDir: dir });
    cleanups.push(() => core3.close());
    await expect(core3.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password })).rejects.toMatchObject({
      code: 'key-slot-damaged',
      message: expect.stringMatching(/damaged/),
    });
    expect((await core3.invoke('auth.session')).session).toBeNull();
  });

  it('slots are wrapped with scrypt N>=2^17, r=8, p=1 and AES-256-GCM, and a slot copied to another username fails', async () => {
    // TwoWay's own cost, as the app sets up (the other tests here use the tests' lower cost).
    const { dir, cleanup } = tempDataDir();
    const core = await openCore({ dataDir: dir });
    cleanups.push(async () => {
      await core.close();
      cleanup();
    });
    await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
    await loginAdmin(core);
    await core.invoke('users.create', { fullName: 'Bob Office', username: 'bob', password: 'initial password 1', roles: ['office'] });
    await core.invoke('auth.lock');
    const settings = JSON.parse(readFileSync(settingsFile(dir), 'utf8'));
    for (const slot of [settings.keySlots.users.alice, settings.keySlots.users.bob, settings.keySlots.recovery]) {
      const parsed = slotSchema.parse(slot);
      expect(parsed.kdf).toMatchObject({ name: 'scrypt', r: 8, p: 1 });
      expect(parsed.kdf.N).toBeGreaterThanOrEqual(2 ** 17);
    }
    // Bob's slot under Alice's name, opened with Bob's password: the bound slot name makes it fail.
    settings.keySlots.users.alice = settings.keySlots.users.bob;
    writeFileSync(settingsFile(dir), JSON.stringify(settings));
    expect(await errorCode(core.invoke('auth.login', { username: 'alice', password: 'initial password 1' }))).toBe('wrong-credentials');
  });

  it('a slot cheaper than TwoWay’s scrypt cost is refused as damaged, even with the right password', async () => {
    // The tests' folders are made at a lower cost; the app's own vault must not open them.
    const { core, dir } = await fresh();
    await core.close();
    const app = await openCore({ dataDir: dir });
    cleanups.push(() => app.close());
    expect(await errorCode(app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password }))).toBe('key-slot-damaged');
    expect((await app.invoke('auth.session')).session).toBeNull();
    // The same folder opens at the cost it was made with.
    const test = await openTestCore({ dataDir: dir });
    cleanups.push(() => test.close());
    await loginAdmin(test);
  });
});

describe('vault: recovery key and password changes', () => {
  it('the recovery key unlocks (typed in lower case, without dashes) and forces a new administrator password', async () => {
    const { core, recoveryKey } = await fresh();
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await errorCode(core.invoke('auth.loginWithRecoveryKey', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }))).toBe('wrong-credentials');

    const session = await core.invoke('auth.loginWithRecoveryKey', { recoveryKey: recoveryKey.replace(/-/g, ' ').toLowerCase() });
    expect(session).toMatchObject({ username: 'alice', viaRecoveryKey: true, mustChangePassword: true });
    // Nothing else opens until the new password is chosen.
    expect(await errorCode(core.invoke('users.list'))).toBe('must-change-password');
    await core.invoke('auth.changePassword', { newPassword: 'brand new password 9' });
    expect((await core.invoke('users.list')).users).toHaveLength(1);
    await core.invoke('auth.lock');
    expect(await errorCode(core.invoke('auth.login', { username: 'alice', password: ADMIN.password }))).toBe('wrong-credentials');
    expect((await core.invoke('auth.login', { username: 'alice', password: 'brand new password 9' })).mustChangePassword).toBe(false);
  });

  it('changing a password re-wraps one slot and leaves the database file’s bytes unchanged', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await loginAdmin(core);
    await core.invoke('users.create', { fullName: 'Bob Office', username: 'bob', password: 'initial password 1', roles: ['office'] });
    await core.invoke('auth.lock'); // closing folds the WAL into the main file
    await loginAdmin(core);
    const dbFile = join(dir, 'twoway.db');
    const before = createHash('sha256').update(readFileSync(dbFile)).digest('hex');
    const slotsBefore = JSON.parse(readFileSync(settingsFile(dir), 'utf8')).keySlots;

    await core.invoke('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'another good password' });

    expect(createHash('sha256').update(readFileSync(dbFile)).digest('hex')).toBe(before);
    const slotsAfter = JSON.parse(readFileSync(settingsFile(dir), 'utf8')).keySlots;
    expect(slotsAfter.users.alice).not.toEqual(slotsBefore.users.alice);
    expect(slotsAfter.users.bob).toEqual(slotsBefore.users.bob);
    expect(slotsAfter.recovery).toEqual(slotsBefore.recovery);
    await core.invoke('auth.lock');

    // The database key did not change: the same raw key opens the file with plain SQLCipher.
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    const raw = new Database(dbFile);
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(raw.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 2 });
    raw.close();
    expect((await core.invoke('auth.login', { username: 'alice', password: 'another good password' })).username).toBe('alice');
  });

  it('a wrong current password changes nothing', async () => {
    const { core, dir } = await fresh();
    await loginAdmin(core);
    const before = readFileSync(settingsFile(dir), 'utf8');
    await expect(core.invoke('auth.changePassword', { currentPassword: 'wrong wrong wrong', newPassword: 'another good password' })).rejects.toMatchObject({
      code: 'wrong-credentials',
    });
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(before);
  });
});

describe('login back-off, idle lock and versions', () => {
  it('after 5 failures in a row each further try waits longer, and the wait survives a restart', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const { core, dir } = await fresh({ now: () => now });
    for (let i = 0; i < 5; i++) expect(await errorCode(core.invoke('auth.login', { username: 'alice', password: 'nope nope nope' }))).toBe('wrong-credentials');
    // The sixth try is refused before the password is even checked, right or wrong.
    await expect(core.invoke('auth.login', { username: 'alice', password: ADMIN.password })).rejects.toMatchObject({
      code: 'login-delayed',
      retryAfterSeconds: 30,
    });
    await core.close();

    const restarted = await openTestCore({ dataDir: dir, now: () => now });
    cleanups.push(() => restarted.close());
    expect(await errorCode(restarted.invoke('auth.login', { username: 'alice', password: ADMIN.password }))).toBe('login-delayed');
    now = new Date(now.getTime() + 31_000);
    expect(await errorCode(restarted.invoke('auth.login', { username: 'alice', password: 'still wrong!!' }))).toBe('wrong-credentials');
    // The next wait is twice as long.
    await expect(restarted.invoke('auth.login', { username: 'alice', password: ADMIN.password })).rejects.toMatchObject({ retryAfterSeconds: 60 });
    now = new Date(now.getTime() + 61_000);
    expect((await restarted.invoke('auth.login', { username: 'alice', password: ADMIN.password })).username).toBe('alice');
    // Success resets the count.
    await restarted.invoke('auth.lock');
    expect(await errorCode(restarted.invoke('auth.login', { username: 'alice', password: 'wrong again!!' }))).toBe('wrong-credentials');
    expect((await restarted.invoke('auth.login', { username: 'alice', password: ADMIN.password })).username).toBe('alice');
  });

  it('locks itself after the idle time and records it; the next person logs in as themselves', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const { core } = await fresh({ now: () => now });
    await loginAdmin(core);
    now = new Date(now.getTime() + 4 * 60_000);
    await core.invoke('users.list');
    now = new Date(now.getTime() + 5 * 60_000 + 1000);
    expect(await errorCode(core.invoke('users.list'))).toBe('not-logged-in');
    expect((await core.invoke('auth.session')).session).toBeNull();
    await loginAdmin(core);
    const { entries } = await core.invoke('audit.list', {});
    expect(entries.map((e) => e.channel)).toContain('auth.idle-lock');
  });

  it('refuses a database saved by a newer version of TwoWay', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await core.close();
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    const raw = new Database(join(dir, 'twoway.db'));
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    raw.pragma('user_version = 999');
    raw.close();
    const core2 = await openTestCore({ dataDir: dir });
    cleanups.push(() => core2.close());
    await expect(core2.invoke('auth.login', { username: 'alice', password: ADMIN.password })).rejects.toMatchObject({
      code: 'database-newer',
      message: expect.stringMatching(/newer version of TwoWay/),
    });
    expect((await core2.invoke('auth.session')).session).toBeNull();
  });
});

describe('the login back-off counts per username (issue 10.3)', () => {
  const wrongLogin = (core: Awaited<ReturnType<typeof fresh>>['core'], username: string) => core.invoke('auth.login', { username, password: 'not the password' });

  it('five wrong passwords for one username delay only that username: other staff and the recovery key are not delayed', async () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const { core, recoveryKey } = await fresh({ now: () => now });
    await loginAdmin(core);
    await core.invoke('users.create', { fullName: 'Bob Office', username: 'bob', password: 'first password 1', roles: ['office'] });
    await core.invoke('auth.lock');
    for (let i = 0; i < 5; i++) expect(await errorCode(wrongLogin(core, 'bob'))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('auth.login', { username: 'bob', password: 'first password 1' }))).toBe('login-delayed');
    // Alice is not held up by Bob's count, nor is the recovery key.
    expect((await loginAdmin(core)).username).toBe('alice');
    await core.invoke('auth.lock');
    expect((await core.invoke('auth.loginWithRecoveryKey', { recoveryKey })).viaRecoveryKey).toBe(true);
    await core.invoke('auth.lock');
    // A username that does not exist has its own count too.
    for (let i = 0; i < 5; i++) expect(await errorCode(wrongLogin(core, 'ghost'))).toBe('wrong-credentials');
    expect(await errorCode(wrongLogin(core, 'ghost'))).toBe('login-delayed');
    expect((await loginAdmin(core)).username).toBe('alice');
    await core.invoke('auth.lock');
    // The recovery key's count is its own: five wrong keys delay the key, not Alice.
    for (let i = 0; i < 5; i++) expect(await errorCode(core.invoke('auth.loginWithRecoveryKey', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD' }))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('auth.loginWithRecoveryKey', { recoveryKey }))).toBe('login-delayed');
    expect((await loginAdmin(core)).username).toBe('alice');
    // Bob is still waiting.
    await core.invoke('auth.lock');
    expect(await errorCode(core.invoke('auth.login', { username: 'bob', password: 'first password 1' }))).toBe('login-delayed');
  }, 120_000);

  it('wrong passwords typed for a second person’s confirmation never delay anyone’s login', async () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const { core, dir } = await fresh({ now: () => now });
    // The same settings file the core uses, confirming as a logged-in colleague would for a second person.
    const vault = new Vault(createFileStore(dir), () => now, null, TEST_KDF);
    for (let i = 0; i < 5; i++) expect(await errorCode(vault.unlockWithPassword('alice', 'not the password', 'confirmation'))).toBe('wrong-credentials');
    // Confirmations have their own wait...
    expect(await errorCode(vault.unlockWithPassword('alice', ADMIN.password, 'confirmation'))).toBe('login-delayed');
    // ...and the login screen does not share it.
    expect((await loginAdmin(core)).username).toBe('alice');
  });

  it('the settings file keeps usernames tried only as hashes: a password typed into the username box is not written in clear', async () => {
    const { core, dir } = await fresh();
    const typedInWrongBox = 'mysecretpassword99';
    expect(await errorCode(core.invoke('auth.login', { username: typedInWrongBox, password: 'x' }))).toBe('wrong-credentials');
    await core.close();
    expect(filesContaining(dir, typedInWrongBox)).toEqual([]);
  });
});
