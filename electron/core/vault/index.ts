import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TwoWayError } from '../../../shared/contract/errors';
import { LoginBackoff, type Attempt } from './backoff';
import { DB_FILE_NAME } from '../db/connection';
import type { SettingsStore } from './store';
import { KDF_DEFAULTS, newRecoveryKey, normaliseRecoveryKey, openSlot, RECOVERY_LABEL, slotSchema, userLabel, wrapKey, type KdfCost, type KeySlot } from './crypto';
import { readRecoveryFile, writeRecoveryFile } from './recovery-file';
import { abandonPending, promotePending, sealPending, type SlotSet } from './key-change';

const K = {
  settingName: 'settingName',
  userSlots: 'keySlots.users',
  recoverySlot: 'keySlots.recovery',
} as const;

export const WRONG_LOGIN_MESSAGE = 'That username and password do not match. Check them and try again.';

/** Why the login screen must offer the recovery key: the settings file is gone or unreadable, but the records are here. */
export type RecoveryNeeded = 'settings-missing' | 'settings-damaged';

/**
 * Key slots: the one random database key, sealed once per user's password and once for the
 * recovery key (a copy of that slot also lives in recovery.json beside the database). Changing a
 * password rewrites one slot and never touches the database; changing the database key
 * (rekey.ts) re-seals every active slot without anyone's password.
 */
export class Vault {
  /** Wrong-password counts: per username, the recovery key's own, and confirmations apart from logins. */
  readonly backoff: LoginBackoff;
  /** Set by the last unlock when its slot also held the new key of an unfinished key change (see key-change.ts). */
  private pendingFromUnlock: Buffer | null = null;

  constructor(
    private readonly store: SettingsStore,
    now: () => Date,
    /** The data folder: where the database and the recovery slot file live. */
    private readonly dataDir: string | null = null,
    /**
     * The scrypt cost of new slots, and the least a slot may have to be opened: TwoWay's own
     * (KDF_DEFAULTS) in the app. Only the core's unit tests ask for less (test/core/helpers.ts), so
     * that hundreds of logins take minutes, not tens of minutes; the e2e suite uses the app's.
     */
    private readonly kdf: KdfCost = KDF_DEFAULTS,
  ) {
    this.backoff = new LoginBackoff(store, now);
  }

  /** Set up when there is a recovery slot or a database: a lost settings file must never look like a new laptop. */
  isSetUp(): boolean {
    return this.store.get(K.recoverySlot) !== undefined || this.databaseExists();
  }

  /** Non-null when the records are here but the settings file that holds the key slots is missing or damaged. */
  recoveryNeeded(): RecoveryNeeded | null {
    if (this.store.get(K.recoverySlot) !== undefined || !this.databaseExists()) return null;
    return this.store.fileState === 'damaged' ? 'settings-damaged' : 'settings-missing';
  }

  private databaseExists(): boolean {
    return this.dataDir !== null && existsSync(join(this.dataDir, DB_FILE_NAME));
  }

  settingName(): string | null {
    const name = this.store.get(K.settingName);
    return typeof name === 'string' ? name : null;
  }

  setSettingName(name: string): void {
    this.store.set(K.settingName, name);
  }

  /** First run: a new database key, wrapped for the first administrator and for a new recovery key. */
  async create(settingName: string, username: string, password: string): Promise<{ dbKey: Buffer; recoveryKey: string }> {
    if (this.recoveryNeeded()) {
      throw new TwoWayError(
        'already-set-up',
        'TwoWay’s records are already on this computer, but its settings file is missing or damaged. Setting up again would lock them away. Use the recovery key on the login screen to get back in.',
      );
    }
    if (this.isSetUp()) throw new TwoWayError('already-set-up', 'TwoWay is already set up on this computer.');
    const dbKey = randomBytes(32);
    const recoveryKey = newRecoveryKey();
    const [userSlot, recoverySlot] = await Promise.all([
      this.wrap(dbKey, password, userLabel(username)),
      this.wrap(dbKey, recoveryKey, RECOVERY_LABEL),
    ]);
    this.writeRecoveryCopy(recoverySlot);
    this.store.set(K.settingName, settingName);
    this.store.set(K.userSlots, { [username]: userSlot });
    this.store.set(K.recoverySlot, recoverySlot);
    return { dbKey, recoveryKey };
  }

  hasUserSlot(username: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.userSlots(), username);
  }

  async setUserSlot(username: string, password: string, dbKey: Buffer): Promise<void> {
    const slot = await this.wrap(dbKey, password, userLabel(username));
    this.store.set(K.userSlots, { ...this.userSlots(), [username]: slot });
  }

  removeUserSlot(username: string): void {
    const slots = { ...this.userSlots() };
    delete slots[username];
    this.store.set(K.userSlots, slots);
  }

  /**
   * Unwraps the database key with a user's password; records a failure (persisted) when it is wrong.
   * `confirmation`: a second person confirming at a logged-in laptop, counted apart from logins.
   */
  async unlockWithPassword(username: string, password: string, purpose: 'login' | 'confirmation' = 'login'): Promise<Buffer> {
    const attempt: Attempt = purpose === 'login' ? { via: 'password', username } : { via: 'confirmation', username };
    this.backoff.assertAllowed(attempt);
    const raw = this.userSlot(username);
    const key = raw === undefined ? await this.burnEquivalentTime(password) : await this.openSlot(raw, password, userLabel(username));
    return this.settle(key, WRONG_LOGIN_MESSAGE, attempt);
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer> {
    const attempt: Attempt = { via: 'recovery-key' };
    this.backoff.assertAllowed(attempt);
    const raw = this.recoverySlot();
    if (raw === undefined) throw new TwoWayError('not-set-up', 'TwoWay has not been set up on this computer yet.');
    const key = await this.openSlot(raw, normaliseRecoveryKey(recoveryKey), RECOVERY_LABEL);
    return this.settle(key, 'That recovery key does not match. Check each group of four characters and try again.', attempt);
  }

  /** Checks a password without recording a failure (used when a logged-in user confirms an action). */
  async passwordMatches(username: string, password: string): Promise<boolean> {
    const raw = this.userSlot(username);
    if (raw === undefined) return false;
    const opened = await openSlot(this.parseSlot(raw), password, userLabel(username));
    opened?.key.fill(0);
    opened?.pending?.fill(0);
    return opened !== null;
  }

  /** The new key of an unfinished key change found by the last unlock (the caller owns and zeroes it). */
  takePendingKey(): Buffer | null {
    const pending = this.pendingFromUnlock;
    this.pendingFromUnlock = null;
    return pending;
  }

  /**
   * After logging in with the recovery key: puts the recovery slot back into the settings file
   * (from recovery.json when the file was lost) and the setting's name, so the login screen and
   * the next recovery work as before. Other people's slots cannot be rebuilt without their
   * passwords: an administrator gives them new first passwords.
   */
  restoreAfterRecovery(settingName: string): void {
    const slot = this.recoverySlot();
    if (this.store.get(K.recoverySlot) === undefined && slot !== undefined) this.store.set(K.recoverySlot, slot);
    if (!this.settingName()) this.setSettingName(settingName);
  }

  /** Writes recovery.json when it is missing (data folders set up before it existed get it at the next login). */
  ensureRecoveryCopy(): void {
    const slot = this.store.get(K.recoverySlot);
    if (this.dataDir && slot !== undefined && !readRecoveryFile(this.dataDir)) this.writeRecoveryCopy(slot);
  }

  /** Step 1 of a key change: the new key is sealed beside the current one in every active slot (see key-change.ts). */
  beginKeyChange(newKey: Buffer, activeUsernames: readonly string[]): { rewrapped: string[]; dropped: string[] } {
    const users = this.userSlots();
    const recovery = this.recoverySlot();
    if (recovery === undefined) throw new TwoWayError('not-set-up', 'TwoWay has not been set up on this computer yet.');
    const { rewrapped, dropped, ...slots } = sealPending({ users, recovery }, newKey, activeUsernames, (raw) => this.parseSlot(raw));
    this.writeSlots(slots);
    return { rewrapped, dropped };
  }

  /** Step 3 of a key change, or at the next unlock when step 3 was interrupted: the new key becomes the key. */
  finishKeyChange(): void {
    const recovery = this.recoverySlot();
    if (recovery === undefined) return;
    this.writeSlots(promotePending({ users: this.userSlots(), recovery }));
  }

  /** The database still opens with the current key (the change stopped before step 2 finished): forget the new one. */
  abandonKeyChange(): void {
    const recovery = this.recoverySlot();
    if (recovery === undefined) return;
    this.writeSlots(abandonPending({ users: this.userSlots(), recovery }));
  }

  /** Every key slot as it is now, for a backup: with the printed recovery key or a password of the time, the backup opens on any laptop. */
  slotsForBackup(): SlotSet {
    const recovery = this.recoverySlot();
    if (recovery === undefined) throw new TwoWayError('not-set-up', 'TwoWay has not been set up on this computer yet.');
    return { users: this.userSlots(), recovery };
  }

  /** After a restore (or its undo): the slots that open the database now in place. */
  installSlots(slots: SlotSet): void {
    this.writeSlots(slots);
  }

  /** Opens the database key from a backup's slots (not this laptop's), through the same back-off as a login. */
  async unlockBackup(slots: SlotSet, unlock: { username: string; password: string } | { recoveryKey: string }): Promise<Buffer> {
    if ('recoveryKey' in unlock) {
      const attempt: Attempt = { via: 'backup', username: null };
      this.backoff.assertAllowed(attempt);
      const opened = await openSlot(this.parseSlot(slots.recovery), normaliseRecoveryKey(unlock.recoveryKey), RECOVERY_LABEL);
      opened?.pending?.fill(0);
      return this.settle(opened?.key ?? null, 'That recovery key does not open this backup. It needs the recovery key that was in use when the backup was made.', attempt);
    }
    const attempt: Attempt = { via: 'backup', username: unlock.username };
    this.backoff.assertAllowed(attempt);
    const raw = Object.hasOwn(slots.users, unlock.username) ? slots.users[unlock.username] : undefined;
    const opened = raw === undefined ? await this.burnEquivalentTime(unlock.password) : await openSlot(this.parseSlot(raw), unlock.password, userLabel(unlock.username));
    if (opened) opened.pending?.fill(0);
    return this.settle(opened ? opened.key : null, 'That username and password do not open this backup. Use a password that was in use when the backup was made, or the recovery key.', attempt);
  }

  /**
   * A new recovery key: a new slot for the same database key replaces the old one in recovery.json
   * and the settings file, so the old printed key opens nothing on this laptop any more (backups
   * made before still hold the old slot: the old key still opens those).
   */
  async rotateRecoveryKey(dbKey: Buffer): Promise<string> {
    const recoveryKey = newRecoveryKey();
    const slot = await this.wrap(dbKey, recoveryKey, RECOVERY_LABEL);
    this.writeSlots({ users: this.userSlots(), recovery: slot });
    return recoveryKey;
  }

  /** The recovery copy first (it is what a lost settings file is recovered from), then the settings file in one write. */
  private writeSlots(slots: SlotSet): void {
    this.writeRecoveryCopy(slots.recovery);
    const current = this.store.get('keySlots');
    this.store.set('keySlots', { ...(current && typeof current === 'object' ? current : {}), users: slots.users, recovery: slots.recovery });
  }

  private writeRecoveryCopy(slot: unknown): void {
    if (this.dataDir) writeRecoveryFile(this.dataDir, slot);
  }

  /** The recovery slot from the settings file, or from recovery.json beside the database when the settings file was lost. */
  private recoverySlot(): unknown {
    const fromSettings = this.store.get(K.recoverySlot);
    if (fromSettings !== undefined) return fromSettings;
    return this.dataDir ? readRecoveryFile(this.dataDir)?.recovery : undefined;
  }

  /** Opens a slot; keeps the pending key (if any) for `takePendingKey` and returns the current key. */
  private async openSlot(raw: unknown, secret: string, label: string): Promise<Buffer | null> {
    this.pendingFromUnlock?.fill(0);
    const slot = this.parseSlot(raw);
    const opened = await openSlot(slot, secret, label);
    this.pendingFromUnlock = opened?.pending ?? null;
    if (opened && slot.v === 1) await this.upgradeSlot(opened.key, secret, label);
    return opened?.key ?? null;
  }

  /** A slot from before key changes existed is rewritten in today's form the first time its secret is typed. */
  private async upgradeSlot(key: Buffer, secret: string, label: string): Promise<void> {
    const slot = await this.wrap(key, secret, label);
    if (label === RECOVERY_LABEL) {
      this.writeRecoveryCopy(slot);
      this.store.set(K.recoverySlot, slot);
    } else {
      this.store.set(K.userSlots, { ...this.userSlots(), [label.slice('user:'.length)]: slot });
    }
  }

  private settle(key: Buffer | null, message: string, attempt: Attempt): Buffer {
    if (!key) {
      this.backoff.recordFailure(attempt);
      throw new TwoWayError('wrong-credentials', message);
    }
    this.backoff.recordSuccess(attempt);
    return key;
  }

  /** An unknown username costs the same scrypt time as a known one, so timing does not reveal usernames. */
  private async burnEquivalentTime(password: string): Promise<null> {
    await this.wrap(randomBytes(32), password, 'unknown');
    return null;
  }

  private wrap(dbKey: Buffer, secret: string, label: string) {
    return wrapKey(dbKey, secret, label, this.kdf);
  }

  /** A slot weaker than this vault's cost is refused as damaged: nobody may swap in a cheaper one. */
  private parseSlot(raw: unknown): KeySlot {
    return parseSlot(raw, this.kdf.N);
  }

  /** Own slots only: a username such as `constructor` or `__proto__` must not find Object's members. */
  private userSlot(username: string): unknown {
    const slots = this.userSlots();
    return Object.hasOwn(slots, username) ? slots[username] : undefined;
  }

  private userSlots(): Record<string, unknown> {
    const slots = this.store.get(K.userSlots);
    return slots && typeof slots === 'object' ? (slots as Record<string, unknown>) : {};
  }
}

function parseSlot(raw: unknown, leastN: number): KeySlot {
  const parsed = slotSchema.safeParse(raw);
  if (!parsed.success || parsed.data.kdf.N < leastN) {
    throw new TwoWayError(
      'key-slot-damaged',
      'The saved key for this account is damaged, so it cannot unlock TwoWay. Ask an administrator to reset your password, or use the recovery key.',
    );
  }
  return parsed.data;
}
