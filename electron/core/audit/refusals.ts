import { contract, isChannelName } from '../../../shared/contract/index';
import type { Db } from '../db/connection';
import { all } from '../db/sql';
import type { CoreState } from '../state';
import { usernameHash } from '../vault/backoff';
import { appendAudit, type NewAuditEntry } from './log';

/**
 * Refused calls and failed logins in the audit trail (issue 10.6). A refused call's own transaction is
 * rolled back, so its entry is written apart from it, with who, which channel and why (an error code),
 * never the input. While TwoWay is locked the trail cannot be written (it is inside the encrypted
 * database): refusals wait in memory and failed logins in the settings file (usernames only as
 * hashes), and both go in as soon as someone logs in.
 */
const REFUSED = new Set(['forbidden', 'not-logged-in', 'must-change-password', 'invalid-input', 'wrong-credentials', 'unknown-channel', 'deactivated', 'screen-hidden', 'step-up-needed']);
/** A wrong password at login is a failed login, queued by the back-off; not a refused call. */
const LOGIN_CHANNELS = new Set(['auth.login', 'auth.loginWithRecoveryKey']);
const MAX_WAITING = 100;

const waiting = new WeakMap<CoreState, { entries: NewAuditEntry[]; dropped: number }>();
const recorded = new WeakSet<object>();

/** Marks an error whose refusal is already in the trail, so it is not written twice. */
export function markRecorded<T extends object>(error: T): T {
  recorded.add(error);
  return error;
}

export function wasRecorded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && recorded.has(error);
}

export function recordRefusal(state: CoreState, name: unknown, error: unknown, at = state.now().toISOString()): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !REFUSED.has(code)) return;
  const known = isChannelName(name);
  const channel = known ? name : 'unknown';
  if (LOGIN_CHANNELS.has(channel) && code === 'wrong-credentials') return;
  const def = known ? contract[name] : undefined;
  const entry: NewAuditEntry = {
    at,
    // A public channel (the login screen) may be used by anyone at the laptop, not the person logged in.
    userId: def?.access === 'public' ? null : (state.session?.userId ?? null),
    channel,
    kind: def?.kind ?? 'read',
    recordIds: [],
    outcome: 'refused',
    reason: code,
  };
  if (state.isOpen) {
    try {
      appendAudit(state.db(), entry);
    } catch {
      // The refusal stands even when the trail cannot take its entry (a damaged trail says so itself).
    }
    return;
  }
  if (!state.vault.isSetUp()) return;
  recordAtNextLogin(state, entry);
}

/** An entry for the database opened at the next login (a restore and its undo lock TwoWay; their entries go into the records put in place). */
export function recordAtNextLogin(state: CoreState, entry: NewAuditEntry): void {
  const queue = waiting.get(state) ?? { entries: [], dropped: 0 };
  if (queue.entries.length < MAX_WAITING) queue.entries.push(entry);
  else queue.dropped++;
  waiting.set(state, queue);
}

/** Writes what waited while TwoWay was locked, as soon as the database is open. Never throws. */
export function flushPending(state: CoreState): void {
  if (!state.isOpen) return;
  const backoff = state.vault.backoff;
  const failures = backoff.pending();
  const queue = waiting.get(state);
  if (failures.failures.length === 0 && failures.dropped === 0 && !queue) return;
  const db = state.db();
  try {
    db.exec('SAVEPOINT audit_pending');
    try {
      const accounts = accountsByHash(db);
      for (const f of failures.failures) {
        const account = f.usernameHash ? accounts.get(f.usernameHash) : undefined;
        const detail = f.usernameTried ?? account?.username;
        appendAudit(db, {
          at: f.at,
          userId: null,
          channel: f.via === 'password' ? 'auth.login' : 'auth.loginWithRecoveryKey',
          kind: 'write',
          recordIds: account ? [`user:${account.id}`] : [],
          outcome: 'failed-login',
          ...(detail ? { detail } : {}),
        });
      }
      const at = state.now().toISOString();
      if (failures.dropped > 0) appendAudit(db, { at, userId: null, channel: 'auth.login', kind: 'write', recordIds: [], outcome: 'failed-login', reason: 'dropped', detail: String(failures.dropped) });
      for (const entry of queue?.entries ?? []) appendAudit(db, entry);
      if (queue?.dropped) appendAudit(db, { at, userId: null, channel: 'unknown', kind: 'read', recordIds: [], outcome: 'refused', reason: 'dropped', detail: String(queue.dropped) });
      db.exec('RELEASE audit_pending');
    } catch (error) {
      db.exec('ROLLBACK TO audit_pending');
      db.exec('RELEASE audit_pending');
      throw error;
    }
    backoff.clearPending(failures.failures.length);
    waiting.delete(state);
  } catch {
    // Left waiting (for instance while the trail cannot be appended to); tried again on the next call.
  }
}

function accountsByHash(db: Db): Map<string, { id: string; username: string }> {
  return new Map(all<{ id: string; username: string }>(db, 'SELECT id, username FROM users').map((u) => [usernameHash(u.username), u]));
}
