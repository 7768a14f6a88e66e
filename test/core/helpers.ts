import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../shared/contract/define';
import { openCore, type Core, type CoreOptions } from '../../electron/core/index';
import { slotSchema, unwrapKey } from '../../electron/core/vault/crypto';

export const ADMIN = { fullName: 'Alice Adminson', username: 'alice', password: 'correct horse battery' } as const;
export const SETTING_NAME = 'Little Acorns Pre-school';

/**
 * The scrypt cost of the key slots these tests make: real scrypt, at 1/32 of TwoWay's cost (2^12
 * instead of 2^17), so the hundreds of logins here take seconds rather than minutes. A core opened
 * over these folders must be given it too (`openTestCore`): a vault refuses a slot cheaper than its
 * own cost. vault.test checks the app's own cost and that refusal; the e2e suite runs at the app's cost.
 */
export const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 } as const;

/** openCore at the tests' scrypt cost. */
export function openTestCore(options: CoreOptions): Promise<Core> {
  return openCore({ kdf: TEST_KDF, ...options });
}

export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'twoway-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A freshly set-up data folder (first run through the real core), made once per test process and
 * copied for each test: setup costs two scrypt derivations, a copy costs nothing.
 */
let template: Promise<{ dir: string; recoveryKey: string }> | null = null;
function setUpTemplate() {
  template ??= (async () => {
    const { dir } = tempDataDir();
    const core = await openTestCore({ dataDir: dir });
    const { recoveryKey } = await core.invoke('setup.create', { settingName: SETTING_NAME, admin: ADMIN });
    await core.close();
    return { dir, recoveryKey };
  })();
  return template;
}

/** A core over a new temp folder, set up with one administrator; returns the recovery key too. */
export async function setUpCore(options: Partial<CoreOptions> = {}): Promise<{ core: Core; dir: string; recoveryKey: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = tempDataDir();
  const { dir: templateDir, recoveryKey } = await setUpTemplate();
  cpSync(templateDir, dir, { recursive: true });
  const core = await openTestCore({ dataDir: dir, ...options });
  return {
    core,
    dir,
    recoveryKey,
    cleanup: async () => {
      await core.close();
      cleanup();
    },
  };
}

/** A set-up core with the administrator logged in, and an empty folder beside it (for backups); `cleanups` closes and removes both. */
export async function setUpWithFolder(cleanups: Array<() => unknown>) {
  const made = await setUpCore();
  cleanups.push(made.cleanup);
  const folder = tempDataDir();
  cleanups.push(folder.cleanup);
  await loginAdmin(made.core);
  return { ...made, folder: folder.dir };
}

export async function loginAdmin(core: Core) {
  return core.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
}

/** Adds a user as the administrator, then logs in as them with a changed password, ready to use. */
export async function addUserAndLogin(core: Core, username: string, roles: Role[]) {
  await loginAdmin(core);
  await core.invoke('users.create', { fullName: `Test ${username}`, username, password: 'initial password 1', roles });
  await core.invoke('auth.login', { username, password: 'initial password 1' });
  return core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: 'a new password 22' });
}

/** Awaits a rejected call and returns its error code. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no-error';
}

/** The raw database key, from the recovery slot: the last-resort path with standard SQLCipher tools. */
export async function rawKeyFromRecovery(dir: string, recoveryKey: string): Promise<Buffer> {
  const settings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { keySlots: { recovery: unknown } };
  const key = await unwrapKey(slotSchema.parse(settings.keySlots.recovery), recoveryKey, 'recovery');
  if (!key) throw new Error('recovery slot did not open');
  return key;
}
