import { randomBytes } from 'node:crypto';
import { TwoWayError } from '../../../shared/contract/errors';
import type { SettingsStore } from './store';
import { newRecoveryKey, normaliseRecoveryKey, slotSchema, unwrapKey, wrapKey, type KeySlot } from './crypto';

const K = {
  settingName: 'settingName',
  userSlots: 'keySlots.users',
  recoverySlot: 'keySlots.recovery',
  throttle: 'loginThrottle',
} as const;

/** After this many failures in a row, each further try waits longer. */
export const FREE_LOGIN_ATTEMPTS = 5;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 15 * 60;

interface Throttle {
  failures: number;
  lastFailureAt: string | null;
}

export const WRONG_LOGIN_MESSAGE = 'That username and password do not match. Check them and try again.';

/**
 * Key slots: the one random database key, wrapped once per user's password and once for the
 * recovery key. Changing a password rewrites one slot and never touches the database.
 */
export class Vault {
  constructor(
    private readonly store: SettingsStore,
    private readonly now: () => Date,
  ) {}

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

  /** Throws `login-delayed` when the back-off after repeated failures has not yet run out. */
  assertLoginAllowed(): void {
    const wait = this.secondsUntilNextTry();
    if (wait > 0) {
      throw new TwoWayError(
        'login-delayed',
        `Too many unsuccessful tries. Please wait ${formatWait(wait)} before trying again.`,
        { retryAfterSeconds: wait },
      );
    }
  }

  secondsUntilNextTry(): number {
    const t = this.throttle();
    if (t.failures < FREE_LOGIN_ATTEMPTS || !t.lastFailureAt) return 0;
    const waitSeconds = Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (t.failures - FREE_LOGIN_ATTEMPTS));
    const elapsed = (this.now().getTime() - Date.parse(t.lastFailureAt)) / 1000;
    return Math.max(0, Math.ceil(waitSeconds - elapsed));
  }

  /** Unwraps the database key with a user's password; records a failure (persisted) when it is wrong. */
  async unlockWithPassword(username: string, password: string): Promise<Buffer> {
    this.assertLoginAllowed();
    const raw = this.userSlot(username);
    const key = raw === undefined ? await this.burnEquivalentTime(password) : await unwrapKey(parseSlot(raw), password, userLabel(username));
    return this.settle(key, WRONG_LOGIN_MESSAGE);
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer> {
    this.assertLoginAllowed();
    const raw = this.store.get(K.recoverySlot);
    if (raw === undefined) throw new TwoWayError('not-set-up', 'TwoWay has not been set up on this computer yet.');
    const key = await unwrapKey(parseSlot(raw), normaliseRecoveryKey(recoveryKey), RECOVERY_LABEL);
    return this.settle(key, 'That recovery key does not match. Check each group of four characters and try again.');
  }

  /** Checks a password without recording a failure (used when a logged-in user confirms an action). */
  async passwordMatches(username: string, password: string): Promise<boolean> {
    const raw = this.userSlot(username);
    if (raw === undefined) return false;
    const key = await unwrapKey(parseSlot(raw), password, userLabel(username));
    key?.fill(0);
    return key !== null;
  }

  private settle(key: Buffer | null, message: string): Buffer {
    if (!key) {
      const t = this.throttle();
      this.store.set(K.throttle, { failures: t.failures + 1, lastFailureAt: this.now().toISOString() });
      throw new TwoWayError('wrong-credentials', message);
    }
    this.store.set(K.throttle, { failures: 0, lastFailureAt: null });
    return key;
  }

  /** An unknown username costs the same scrypt time as a known one, so timing does not reveal usernames. */
  private async burnEquivalentTime(password: string): Promise<null> {
    await wrapKey(randomBytes(32), password, 'unknown');
    return null;
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

  private throttle(): Throttle {
    const t = this.store.get(K.throttle) as Partial<Throttle> | undefined;
    return { failures: typeof t?.failures === 'number' ? t.failures : 0, lastFailureAt: typeof t?.lastFailureAt === 'string' ? t.lastFailureAt : null };
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

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
