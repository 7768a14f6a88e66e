import { randomBytes } from 'node:crypto';
import { TwoWayError } from '../../../shared/contract/errors';
import { LoginBackoff, type Attempt } from './backoff';
import type { SettingsStore } from './store';
import { newRecoveryKey, normaliseRecoveryKey, slotSchema, unwrapKey, wrapKey, type KeySlot } from './crypto';

const K = {
  settingName: 'settingName',
  userSlots: 'keySlots.users',
  recoverySlot: 'keySlots.recovery',
} as const;

export const WRONG_LOGIN_MESSAGE = 'That username and password do not match. Check them and try again.';

/**
 * Key slots: the one random database key, wrapped once per user's password and once for the
 * recovery key. Changing a password rewrites one slot and never touches the database.
 */
export class Vault {
  /** Wrong-password counts: per username, the recovery key's own, and confirmations apart from logins. */
  readonly backoff: LoginBackoff;

  constructor(
    private readonly store: SettingsStore,
    now: () => Date,
  ) {
    this.backoff = new LoginBackoff(store, now);
  }

  isSetUp(): boolean {
    return this.store.get(K.recoverySlot) !== undefined;
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
    if (this.isSetUp()) throw new TwoWayError('already-set-up', 'TwoWay is already set up on this computer.');
    const dbKey = randomBytes(32);
    const recoveryKey = newRecoveryKey();
    const [userSlot, recoverySlot] = await Promise.all([
      wrapKey(dbKey, password, userLabel(username)),
      wrapKey(dbKey, recoveryKey, RECOVERY_LABEL),
    ]);
    this.store.set(K.settingName, settingName);
    this.store.set(K.userSlots, { [username]: userSlot });
    this.store.set(K.recoverySlot, recoverySlot);
    return { dbKey, recoveryKey };
  }

  hasUserSlot(username: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.userSlots(), username);
  }

  async setUserSlot(username: string, password: string, dbKey: Buffer): Promise<void> {
    const slot = await wrapKey(dbKey, password, userLabel(username));
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
    const slots = this.userSlots();
    const raw = Object.prototype.hasOwnProperty.call(slots, username) ? slots[username] : undefined;
    const key = raw === undefined ? await this.burnEquivalentTime(password) : await unwrapKey(parseSlot(raw), password, userLabel(username));
    return this.settle(key, WRONG_LOGIN_MESSAGE, attempt);
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer> {
    const attempt: Attempt = { via: 'recovery-key' };
    this.backoff.assertAllowed(attempt);
    const raw = this.store.get(K.recoverySlot);
    if (raw === undefined) throw new TwoWayError('not-set-up', 'TwoWay has not been set up on this computer yet.');
    const key = await unwrapKey(parseSlot(raw), normaliseRecoveryKey(recoveryKey), RECOVERY_LABEL);
    return this.settle(key, 'That recovery key does not match. Check each group of four characters and try again.', attempt);
  }

  /** Checks a password without recording a failure (used when a logged-in user confirms an action). */
  async passwordMatches(username: string, password: string): Promise<boolean> {
    const raw = this.userSlots()[username];
    if (raw === undefined) return false;
    const key = await unwrapKey(parseSlot(raw), password, userLabel(username));
    key?.fill(0);
    return key !== null;
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
    await wrapKey(randomBytes(32), password, 'unknown');
    return null;
  }

  private userSlots(): Record<string, unknown> {
    const slots = this.store.get(K.userSlots);
    return slots && typeof slots === 'object' ? (slots as Record<string, unknown>) : {};
  }
}

const RECOVERY_LABEL = 'recovery';
const userLabel = (username: string) => `user:${username}`;

function parseSlot(raw: unknown): KeySlot {
  const parsed = slotSchema.safeParse(raw);
  if (!parsed.success) {
    throw new TwoWayError(
      'key-slot-damaged',
      'The saved key for this account is damaged, so it cannot unlock TwoWay. Ask an administrator to reset your password, or use the recovery key.',
    );
  }
  return parsed.data;
}
