import { spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { CoreState } from '../../electron/core/state';
import { changeDatabaseKey, type KeyChangeStep } from '../../electron/core/vault/rekey';
import { createFileStore, readJsonFile } from '../../electron/core/vault/store';
import { ADMIN, errorCode, loginAdmin, openTestCore, rawKeyFromRecovery, SETTING_NAME, setUpCore, tempDataDir, TEST_KDF } from './helpers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fresh() {
  const env = await setUpCore();
  cleanups.push(env.cleanup);
  return env;
}

async function reopen(dir: string): Promise<Core> {
  const core = await openTestCore({ dataDir: dir });
  cleanups.push(() => core.close());
  return core;
}

const settingsPath = (dir: string) => join(dir, 'settings.json');
/** The key slots of a settings file, as text (the file also keeps other things, such as failed logins waiting to be recorded). */
const slotsText = (dir: string) => JSON.stringify((JSON.parse(readFileSync(settingsPath(dir), 'utf8')) as { keySlots: unknown }).keySlots);
const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const BOB = { fullName: 'Bob Office', username: 'bob', password: 'initial password 1' };

describe('keys: a lost or damaged settings file', () => {
  it('with settings.json gone, set-up is refused and the recovery key alone gets the records back; the administrator then sets new passwords', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await loginAdmin(core);
    await core.invoke('users.create', { ...BOB, roles: ['office'] });
    await core.invoke('auth.lock');
    await core.close();
    rmSync(settingsPath(dir));
    const dbHash = hashOf(join(dir, 'twoway.db'));

    const core2 = await reopen(dir);
    // Not a new laptop: the login screen is told the settings are missing, and set-up refuses.
    expect(await core2.invoke('setup.status')).toEqual({ isSetUp: true, settingName: null, recoveryNeeded: 'settings-missing' });
    await expect(
      core2.invoke('setup.create', { settingName: 'Another', admin: { fullName: 'X Y', username: 'xy', password: 'long enough password' } }),
    ).rejects.toMatchObject({ code: 'already-set-up', message: expect.stringMatching(/recovery key/) });
    expect(hashOf(join(dir, 'twoway.db'))).toBe(dbHash);
    expect(readJsonFile(settingsPath(dir)).data.keySlots).toBeUndefined();
    expect(await errorCode(core2.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password }))).toBe('wrong-credentials');

    // The recovery key opens the records through recovery.json beside the database.
    const session = await core2.invoke('auth.loginWithRecoveryKey', { recoveryKey });
    expect(session).toMatchObject({ username: ADMIN.username, viaRecoveryKey: true, mustChangePassword: true });
    await core2.invoke('auth.changePassword', { newPassword: 'a brand new password 1' });
    const bob = (await core2.invoke('users.list')).users.find((u) => u.username === 'bob')!;
    await core2.invoke('users.resetPassword', { userId: bob.id, newPassword: 'bob first password 2' });
    await core2.invoke('auth.logout');
    expect(await core2.invoke('setup.status')).toEqual({ isSetUp: true, settingName: SETTING_NAME, recoveryNeeded: null });
    await core2.close();

    const core3 = await reopen(dir);
    expect((await core3.invoke('auth.login', { username: ADMIN.username, password: 'a brand new password 1' })).mustChangePassword).toBe(false);
    await core3.invoke('auth.lock');
    expect((await core3.invoke('auth.login', { username: 'bob', password: 'bob first password 2' })).mustChangePassword).toBe(true);
    await core3.invoke('auth.lock');
    // The recovery slot is back in the settings file too, so losing recovery.json now is not fatal either.
    rmSync(join(dir, 'recovery.json'));
    expect((await core3.invoke('auth.loginWithRecoveryKey', { recoveryKey })).viaRecoveryKey).toBe(true);
  });

  it('a truncated settings file does not stop start-up: the login screen is told, the recovery key gets back in, and the damaged file is kept aside', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await core.close();
    const text = readFileSync(settingsPath(dir), 'utf8');
    writeFileSync(settingsPath(dir), text.slice(0, Math.floor(text.length / 2)));

    const core2 = await reopen(dir);
    expect(await core2.invoke('setup.status')).toMatchObject({ isSetUp: true, recoveryNeeded: 'settings-damaged' });
    expect(await errorCode(core2.invoke('setup.create', { settingName: 'Another', admin: { fullName: 'X Y', username: 'xy', password: 'long enough password' } }))).toBe(
      'already-set-up',
    );
    await core2.invoke('auth.loginWithRecoveryKey', { recoveryKey: recoveryKey.toLowerCase() });
    await core2.invoke('auth.changePassword', { newPassword: 'a brand new password 1' });
    expect(readJsonFile(settingsPath(dir)).state).toBe('ok');
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]), 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2)));
    expect((await core2.invoke('setup.status')).recoveryNeeded).toBeNull();
  });

  it('settings are written atomically: a reader never sees a half-written file, and killing the writer leaves a whole one', async () => {
    const { dir, cleanup } = tempDataDir();
    cleanups.push(cleanup);
    // A large value, so a plain overwrite would be seen (and left, when killed) half-written.
    const script = `
      import { createFileStore } from './electron/core/vault/store.ts';
      const store = createFileStore(${JSON.stringify(dir)});
      const big = 'x'.repeat(2_000_000);
      store.set('keySlots.users', { n: -1, big });
      process.stdout.write('ready\\n');
      for (let i = 0; ; i++) store.set('keySlots.users', { n: i, big });
    `;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const seen = new Set<string>();
      const until = Date.now() + 700;
      while (Date.now() < until) {
        const { state, data } = readJsonFile(settingsPath(dir));
        seen.add(state);
        if (state === 'ok') expect((data.keySlots as { users: { big: string } }).users.big).toHaveLength(2_000_000);
        await new Promise((r) => setTimeout(r, 1));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect([...seen]).toEqual(['ok']);
      expect(readJsonFile(settingsPath(dir)).state).toBe('ok');
    }
  }, 60_000);
});

describe('keys: changing the database key', () => {
  it('revokes a deactivated account and passwords from before a reset, in old copies of the settings file; active accounts, first passwords and the recovery key keep working', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await loginAdmin(core);
    await core.invoke('users.create', { ...BOB, roles: ['office'] });
    const carolId = (await core.invoke('users.create', { fullName: 'Carol Key', username: 'carol', password: 'carol first password', roles: ['practitioner'] })).id;
    const bobId = (await core.invoke('users.list')).users.find((u) => u.username === 'bob')!.id;
    const oldSettings = readFileSync(settingsPath(dir));
    const oldRawKey = await rawKeyFromRecovery(dir, recoveryKey);

    await core.invoke('users.deactivate', { userId: bobId, reason: 'Left the setting' });
    await core.invoke('users.resetPassword', { userId: carolId, newPassword: 'carol reset password' });
    expect(await errorCode(core.invoke('users.changeDatabaseKey', { password: 'not my password' }))).toBe('wrong-credentials');
    const result = await core.invoke('users.changeDatabaseKey', { password: ADMIN.password });
    expect(result.accounts).toBe(2);
    // Still logged in, still working, and the change is in the audit trail.
    expect((await core.invoke('users.list')).users).toHaveLength(3);
    expect((await core.invoke('audit.verify')).ok).toBe(true);
    await core.invoke('auth.lock');

    // Today's slots: the administrator, the reset (still unchanged) first password and the recovery key open it.
    expect((await core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password })).username).toBe('alice');
    await core.invoke('auth.lock');
    expect((await core.invoke('auth.login', { username: 'carol', password: 'carol reset password' })).mustChangePassword).toBe(true);
    await core.invoke('auth.lock');
    expect((await core.invoke('auth.loginWithRecoveryKey', { recoveryKey })).viaRecoveryKey).toBe(true);
    await core.invoke('auth.lock');
    await core.close();
    const settingsText = readFileSync(settingsPath(dir), 'utf8');
    expect(settingsText).not.toContain('"bob"');
    expect(slotsText(dir)).not.toContain('pending');

    // An old copy of the settings file (as someone leaving might keep) opens nothing any more.
    writeFileSync(settingsPath(dir), oldSettings);
    const old = await reopen(dir);
    await expect(old.invoke('auth.login', { username: 'bob', password: BOB.password })).rejects.toMatchObject({
      code: 'wrong-credentials',
      message: expect.stringMatching(/no longer opens/),
    });
    expect(await errorCode(old.invoke('auth.login', { username: 'carol', password: 'carol first password' }))).toBe('wrong-credentials');
    expect(await errorCode(old.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password }))).toBe('wrong-credentials');
    expect((await old.invoke('auth.session')).session).toBeNull();
    // Nor does the old database key itself, with standard SQLCipher.
    expect(() => openDatabase(join(dir, 'twoway.db'), oldRawKey)).toThrow(/could not be opened/);
  });

  it('a key change cut short after either step leaves the records openable by every account and the recovery key, and tidies the slots', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await loginAdmin(core);
    await core.invoke('users.create', { ...BOB, roles: ['office'] });
    await core.invoke('auth.lock');
    await core.close();

    // Run the change on a core state of our own, copying the data folder as a crash would leave it after each step.
    const state = new CoreState(dir, createFileStore(dir), () => new Date(), {}, TEST_KDF);
    state.open(await state.vault.unlockWithPassword(ADMIN.username, ADMIN.password));
    const snapshots = new Map<KeyChangeStep, string>();
    changeDatabaseKey(state, (step) => {
      const copy = tempDataDir();
      cleanups.push(copy.cleanup);
      cpSync(dir, copy.dir, { recursive: true });
      snapshots.set(step, copy.dir);
    });
    state.close();
    expect([...snapshots.keys()]).toEqual(['slots-pending', 'database-rekeyed']);

    for (const [step, copy] of snapshots) {
      expect(readFileSync(settingsPath(copy), 'utf8')).toContain('pending');
      const c = await reopen(copy);
      await loginAdmin(c);
      expect((await c.invoke('users.list')).users, step).toHaveLength(2);
      expect((await c.invoke('audit.verify')).ok).toBe(true);
      await c.invoke('auth.lock');
      // The login finished or abandoned the change: no pending key is left, and every slot opens the file.
      expect(slotsText(copy), step).not.toContain('pending');
      expect(readFileSync(join(copy, 'recovery.json'), 'utf8'), step).not.toContain('pending');
      expect((await c.invoke('auth.login', { username: 'bob', password: BOB.password })).username).toBe('bob');
      await c.invoke('auth.lock');
      await c.invoke('auth.loginWithRecoveryKey', { recoveryKey });
      await c.invoke('auth.lock');
      const db = openDatabase(join(copy, 'twoway.db'), await rawKeyFromRecovery(copy, recoveryKey));
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      db.close();
    }
  });

  it('slots from before key changes existed still open, are rewritten at their next use, and the key change waits for them', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await core.close();
    // Rewrite the folder as an earlier TwoWay left it: version 1 slots (the key itself wrapped with the secret), no recovery.json.
    const dbKey = await rawKeyFromRecovery(dir, recoveryKey);
    const v1 = (secret: string, label: string) => {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const kek = scryptSync(secret.normalize('NFKC'), salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 20 });
      const cipher = createCipheriv('aes-256-gcm', kek, iv);
      cipher.setAAD(Buffer.from(`twoway-slot:${label}`));
      const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
      return { v: 1, kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: salt.toString('base64') }, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
    };
    const settings = JSON.parse(readFileSync(settingsPath(dir), 'utf8'));
    settings.keySlots = { users: { alice: v1(ADMIN.password, 'user:alice') }, recovery: v1(recoveryKey, 'recovery') };
    writeFileSync(settingsPath(dir), JSON.stringify(settings));
    rmSync(join(dir, 'recovery.json'));

    const c = await reopen(dir);
    await loginAdmin(c);
    const slotVersion = (name: 'alice' | 'recovery') => {
      const slots = JSON.parse(readFileSync(settingsPath(dir), 'utf8')).keySlots;
      return (name === 'recovery' ? slots.recovery : slots.users.alice).v;
    };
    expect(slotVersion('alice')).toBe(2);
    expect(existsSync(join(dir, 'recovery.json'))).toBe(true);
    // The recovery slot can only be rewritten with the recovery key, so the key change says to use it once.
    await expect(c.invoke('users.changeDatabaseKey', { password: ADMIN.password })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Log in once with the recovery key/),
    });
    await c.invoke('auth.lock');
    await c.invoke('auth.loginWithRecoveryKey', { recoveryKey });
    expect(slotVersion('recovery')).toBe(2);
    await c.invoke('auth.changePassword', { newPassword: 'a brand new password 1' });
    expect((await c.invoke('users.changeDatabaseKey', { password: 'a brand new password 1' })).accounts).toBe(1);
    await c.invoke('auth.lock');
    await c.invoke('auth.loginWithRecoveryKey', { recoveryKey });
  });

  it('killed at random moments while changing the key again and again, the records always open with the password and the recovery key', async () => {
    const { core, dir, recoveryKey } = await fresh();
    await loginAdmin(core);
    for (let i = 0; i < 6; i++) await core.invoke('users.create', { fullName: `Person ${i}`, username: `person${i}`, password: 'initial password 1', roles: ['practitioner'] });
    await core.invoke('auth.lock');
    await core.close();
    const script = `
      import { CoreState } from './electron/core/state.ts';
      import { createFileStore } from './electron/core/vault/store.ts';
      import { changeDatabaseKey } from './electron/core/vault/rekey.ts';
      const dir = ${JSON.stringify(dir)};
      const state = new CoreState(dir, createFileStore(dir), () => new Date(), {}, ${JSON.stringify(TEST_KDF)});
      state.open(await state.vault.unlockWithPassword(${JSON.stringify(ADMIN.username)}, ${JSON.stringify(ADMIN.password)}));
      process.stdout.write('ready\\n');
      for (;;) changeDatabaseKey(state);
    `;
    for (const delay of [20, 90, 160, 230, 300]) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const c = await openTestCore({ dataDir: dir });
      try {
        await loginAdmin(c);
        expect((await c.invoke('users.list')).users).toHaveLength(7);
        await c.invoke('auth.lock');
        await c.invoke('auth.loginWithRecoveryKey', { recoveryKey });
        await c.invoke('auth.lock');
      } finally {
        await c.close();
      }
      expect(slotsText(dir)).not.toContain('pending');
    }
    const db = openDatabase(join(dir, 'twoway.db'), await rawKeyFromRecovery(dir, recoveryKey));
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  }, 120_000);
});
