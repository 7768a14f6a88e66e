import { createHash } from 'node:crypto';
import { TwoWayError } from '../../../shared/contract/errors';
import type { SettingsStore } from './store';

/** After this many failures in a row for one username, each further try for it waits longer. */
export const FREE_LOGIN_ATTEMPTS = 5;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 15 * 60;
/** A day without a wrong try forgives the count. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
/** The settings file must not grow without end when someone tries many usernames. */
const MAX_COUNTERS = 200;
const MAX_PENDING = 500;

const STORE_KEY = 'loginBackoff';
/** The single laptop-wide counter of earlier versions: dropped on the first write. */
const OLD_STORE_KEY = 'loginThrottle';

/**
 * What a counter counts. Each username has its own login counter, the recovery key its own, and a
 * second person confirming a decision at a logged-in laptop its own, so that nobody's mistakes
 * delay anyone else's login, and confirmations never delay a login.
 */
export type Attempt =
  | { via: 'password'; username: string }
  | { via: 'recovery-key' }
  | { via: 'confirmation'; username: string }
  // Unlocking a backup file (a password of the time, or its recovery key, null): counted apart, and
  // not a failed login (the refused call is in the trail as what it was).
  | { via: 'backup'; username: string | null };

interface Counter {
  failures: number;
  lastFailureAt: string;
}

/** A failed login waiting to be written to the (encrypted) audit trail at the next login. */
export interface PendingFailure {
  at: string;
  via: 'password' | 'recovery-key';
  /** sha256 of the username tried: the settings file is readable, and a username typed may be a password. */
  usernameHash: string | null;
}

interface Saved {
  counters: Record<string, Counter>;
  pending: PendingFailure[];
  /** Pending failures dropped because the list was full. */
  dropped: number;
}

export function usernameHash(username: string): string {
  return createHash('sha256').update(`twoway-username:${username}`).digest('hex');
}

function counterKey(attempt: Attempt): string {
  if (attempt.via === 'recovery-key') return 'recovery-key';
  if (attempt.via === 'backup') return `backup:${attempt.username === null ? 'recovery-key' : usernameHash(attempt.username)}`;
  return `${attempt.via === 'password' ? 'login' : 'confirm'}:${usernameHash(attempt.username)}`;
}

/**
 * The login back-off, persisted in the settings file (it must survive a restart, and it is needed
 * before the database is open). Usernames are kept only as hashes. Failed logins are also queued here
 * until someone logs in, because the audit trail is inside the encrypted database.
 */
export class LoginBackoff {
  /** Usernames tried since this run started, by hash, so the audit entry can name an unknown one. */
  private readonly triedThisRun = new Map<string, string>();
  /** False once the queue is known to be empty, so each call does not read the settings file. */
  private mayHavePending = true;

  constructor(
    private readonly store: SettingsStore,
    private readonly now: () => Date,
  ) {}

  /** Throws `login-delayed` when this username's (or the recovery key's) wait has not yet run out. */
  assertAllowed(attempt: Attempt): void {
    const wait = this.secondsUntilNextTry(attempt);
    if (wait > 0) {
      throw new TwoWayError('login-delayed', `Too many unsuccessful tries. Please wait ${formatWait(wait)} before trying again.`, {
        retryAfterSeconds: wait,
      });
    }
  }

  secondsUntilNextTry(attempt: Attempt): number {
    const c = this.live(this.read().counters)[counterKey(attempt)];
    if (!c || c.failures < FREE_LOGIN_ATTEMPTS) return 0;
    const waitSeconds = Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (c.failures - FREE_LOGIN_ATTEMPTS));
    const elapsed = (this.now().getTime() - Date.parse(c.lastFailureAt)) / 1000;
    return Math.max(0, Math.ceil(waitSeconds - elapsed));
  }

  recordFailure(attempt: Attempt): void {
    const saved = this.read();
    const counters = this.live(saved.counters);
    const key = counterKey(attempt);
    const at = this.now().toISOString();
    counters[key] = { failures: (counters[key]?.failures ?? 0) + 1, lastFailureAt: at };
    let { pending, dropped } = saved;
    if (attempt.via === 'password' || attempt.via === 'recovery-key') {
      this.mayHavePending = true;
      const hash = attempt.via === 'password' ? usernameHash(attempt.username) : null;
      if (attempt.via === 'password') this.triedThisRun.set(usernameHash(attempt.username), attempt.username);
      pending = [...pending, { at, via: attempt.via, usernameHash: hash }];
      if (pending.length > MAX_PENDING) {
        dropped += pending.length - MAX_PENDING;
        pending = pending.slice(-MAX_PENDING);
      }
    }
    this.write({ counters: newest(counters, MAX_COUNTERS), pending, dropped });
  }

  recordSuccess(attempt: Attempt): void {
    const saved = this.read();
    const counters = this.live(saved.counters);
    delete counters[counterKey(attempt)];
    this.write({ ...saved, counters });
  }

  /** Failed logins not yet in the audit trail, with the username when it was typed since this run started. */
  pending(): { failures: Array<PendingFailure & { usernameTried: string | null }>; dropped: number } {
    if (!this.mayHavePending) return { failures: [], dropped: 0 };
    const saved = this.read();
    this.mayHavePending = saved.pending.length > 0 || saved.dropped > 0;
    return {
      failures: saved.pending.map((p) => ({ ...p, usernameTried: (p.usernameHash && this.triedThisRun.get(p.usernameHash)) ?? null })),
      dropped: saved.dropped,
    };
  }

  /** Forgets the first `count` pending failures (now in the audit trail) and the dropped count. */
  clearPending(count: number): void {
    const saved = this.read();
    this.write({ ...saved, pending: saved.pending.slice(count), dropped: 0 });
  }

  private live(counters: Record<string, Counter>): Record<string, Counter> {
    const cutoff = this.now().getTime() - FORGET_AFTER_MS;
    return Object.fromEntries(Object.entries(counters).filter(([, c]) => Date.parse(c.lastFailureAt) > cutoff));
  }

  private read(): Saved {
    const raw = this.store.get(STORE_KEY) as Partial<Saved> | undefined;
    const counters: Record<string, Counter> = {};
    if (raw?.counters && typeof raw.counters === 'object') {
      for (const [k, c] of Object.entries(raw.counters)) {
        if (typeof c?.failures === 'number' && typeof c.lastFailureAt === 'string') counters[k] = { failures: c.failures, lastFailureAt: c.lastFailureAt };
      }
    }
    const pending = Array.isArray(raw?.pending)
      ? raw.pending.filter((p): p is PendingFailure => typeof p?.at === 'string' && (p.via === 'password' || p.via === 'recovery-key'))
      : [];
    return { counters, pending, dropped: typeof raw?.dropped === 'number' ? raw.dropped : 0 };
  }

  private write(saved: Saved): void {
    this.store.set(STORE_KEY, saved);
    if (this.store.get(OLD_STORE_KEY) !== undefined) this.store.delete(OLD_STORE_KEY);
  }
}

function newest(counters: Record<string, Counter>, max: number): Record<string, Counter> {
  const entries = Object.entries(counters);
  if (entries.length <= max) return counters;
  return Object.fromEntries(entries.sort(([, a], [, b]) => b.lastFailureAt.localeCompare(a.lastFailureAt)).slice(0, max));
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
