import { rolesAllow } from '../../shared/contract/define';
import { contract, isChannelName, type ChannelName } from '../../shared/contract/index';
import { issuesFromZod, TwoWayError } from '../../shared/contract/errors';
import { appendAudit } from './audit/log';
import { flushPending, markRecorded, recordRefusal, wasRecorded } from './audit/refusals';
import { findUserById } from './auth/users-repo';
import { requireRecentConfirmation } from './auth/step-up';
import { CallContext } from './context';
import type { Handlers } from './handlers';
import type { CoreState } from './state';

/** While a user must change their password, only these channels open. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<ChannelName>(['auth.changePassword', 'auth.session', 'auth.logout', 'auth.lock']);

/**
 * While the screen is hidden only these open, so a reloaded window cannot show records. Public channels
 * (the login screen's) are not affected: they work with nobody logged in, so they show no records, and
 * logging in needs a password just as showing the screen again does.
 */
const ALLOWED_WHILE_HIDDEN = new Set<ChannelName>(['auth.session', 'auth.unhide', 'auth.lock', 'auth.logout']);

/**
 * Looking at who is logged in does not count as using the laptop (it must not hold off the idle lock),
 * nor does trying a password at a hidden screen (only one that matches counts, in the handler).
 */
const NOT_ACTIVITY = new Set<ChannelName>(['auth.session', 'setup.status', 'auth.unhide']);

/**
 * Logging in and out must work even when the audit trail cannot be appended to (its end is missing):
 * an administrator has to be able to log in to see what is missing, and nobody may be kept logged in.
 */
const AUDIT_BEST_EFFORT = new Set<ChannelName>(['auth.login', 'auth.loginWithRecoveryKey', 'auth.logout', 'auth.lock']);

/**
 * The one way into the core: channel table -> session and role -> input -> handler -> audit.
 * Calls run one at a time: a desktop app has one user at a time, and a SQLCipher transaction must
 * not interleave with another call's statements while a handler awaits (scrypt).
 */
export function createDispatcher(state: CoreState, handlers: Handlers) {
  const lock = new CallLock();

  async function dispatch(name: unknown, rawInput: unknown, turn: Turn): Promise<unknown> {
    // Failed logins and refusals kept while TwoWay was locked go into the trail as soon as it is open.
    flushPending(state);
    try {
      return await run(name, rawInput, turn);
    } catch (error) {
      // Refused calls leave a trace (who, which channel, why), written apart from the rolled-back call.
      if (!wasRecorded(error)) recordRefusal(state, name, error);
      throw error;
    } finally {
      flushPending(state);
    }
  }

  async function run(name: unknown, rawInput: unknown, turn: Turn): Promise<unknown> {
    if (!isChannelName(name)) throw new TwoWayError('unknown-channel', 'TwoWay does not know that request.');
    const def = contract[name];

    lockIfIdle(state);
    if (def.access !== 'public') {
      const session = refreshSession(state, name);
      if (!session) throw new TwoWayError('not-logged-in', 'TwoWay is locked. Log in to continue.');
      if (session.hidden && !ALLOWED_WHILE_HIDDEN.has(name)) {
        throw new TwoWayError('screen-hidden', 'The screen is hidden. Type your password to show it again.');
      }
      if (session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) {
        throw new TwoWayError('must-change-password', 'Choose a new password before you continue.');
      }
      if (!rolesAllow(def.access, session.roles)) {
        throw new TwoWayError('forbidden', 'Your role does not allow this. Ask your manager if you need it.');
      }
      if (def.stepUp) requireRecentConfirmation(state);
    }

    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new TwoWayError('invalid-input', 'Some details need correcting.', { issues: issuesFromZod(parsed.error) });
    }
    if (!NOT_ACTIVITY.has(name)) state.touchActivity();

    const ctx = new CallContext(state, turn);
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const audited = def.kind === 'write' || def.sensitive === true;

    const finish = (output: unknown): unknown => {
      const value = def.output.parse(output);
      if (audited && state.isOpen) {
        // A read's own audit commit does not wait for the disk (synchronous=NORMAL in WAL): it is in
        // the WAL, so a killed process loses nothing, and the next write's FULL commit (or a
        // checkpoint) flushes it with that write. Only a power cut can cost the read entries since
        // the last write (docs/SECURITY.md). Writes keep FULL: they commit inside their transaction.
        const relaxed = def.kind === 'read';
        if (relaxed) state.db().pragma('synchronous = NORMAL');
        try {
          appendAudit(state.db(), {
            at: ctx.nowIso(),
            userId: ctx.actorId,
            channel: name,
            kind: def.kind,
            recordIds: auditRefs(ctx.touched, referencedIds(parsed.data, name), referencedIds(value, name)),
            confirmedBy: ctx.confirmedBy,
          });
        } catch (error) {
          if (!(AUDIT_BEST_EFFORT.has(name) && error instanceof TwoWayError && error.code === 'audit-broken')) throw error;
        } finally {
          if (relaxed && state.isOpen) state.db().pragma('synchronous = FULL');
        }
      }
      return value;
    };

    let value: unknown;
    // Public writes (setup, login) open and close the database themselves, so they cannot sit inside a transaction.
    if (def.kind === 'write' && def.access !== 'public' && !def.ownTransaction && state.isOpen) {
      const db = state.db();
      db.exec('BEGIN IMMEDIATE');
      try {
        value = finish(await handler(parsed.data, ctx));
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } else {
      value = finish(await handler(parsed.data, ctx));
    }
    ctx.runAfter();
    return value;
  }

  /** TwoWay's own work (the automatic backup) takes its turn like a call; fn gets the means to give it up while it waits. */
  async function inTurn<T>(fn: (detach: <R>(job: () => Promise<R>) => Promise<R>) => Promise<T>): Promise<T> {
    const turn = new Turn(lock, await lock.acquire());
    try {
      return await fn((job) => turn.giveUpWhile(job));
    } finally {
      turn.release();
    }
  }

  const call = function call(name: unknown, input: unknown): Promise<unknown> {
    const result = (async () => {
      const turn = new Turn(lock, await lock.acquire());
      try {
        return await dispatch(name, input, turn);
      } finally {
        turn.release();
      }
    })();
    return result.catch((error: unknown) => {
      throw toTwoWayError(error);
    });
  };
  return Object.assign(call, { inTurn });
}

/** Calls take turns, first come first served (see createDispatcher). */
class CallLock {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with this caller's release function when every earlier caller has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => done);
    return ready;
  }
}

/**
 * One call's turn. A long job that works on its own connection (a backup, a check of a backup)
 * gives the turn up while it waits (`CallContext.whileOthersRun`), so other calls answer meanwhile,
 * and takes a new turn, behind whoever came in since, before it touches the database again.
 */
export class Turn {
  constructor(
    private readonly lock: CallLock,
    private releaseFn: () => void,
  ) {}

  release(): void {
    this.releaseFn();
  }

  async giveUpWhile<T>(fn: () => Promise<T>): Promise<T> {
    this.releaseFn();
    try {
      return await fn();
    } finally {
      this.releaseFn = await this.lock.acquire();
    }
  }
}

/** Locks when the idle time has passed; the lock itself is audited like a user's lock (and happens even if that fails). */
export function lockIfIdle(state: CoreState): void {
  if (!state.idleExpired() || !state.session) return;
  try {
    appendAudit(state.db(), { at: state.now().toISOString(), userId: state.session.userId, channel: 'auth.idle-lock', kind: 'write', recordIds: [] });
  } catch {
    // A damaged trail must not keep the laptop unlocked.
  } finally {
    state.close();
  }
}

/**
 * Roles and the active flag are read from the users table on every call, so a role removed, a reset
 * password or a deactivation takes effect on that user's next call. A deactivated user is logged out.
 */
function refreshSession(state: CoreState, name: ChannelName) {
  const session = state.session;
  if (!session || !state.isOpen) return session;
  const user = findUserById(state.db(), session.userId);
  if (!user || !user.active) {
    const error = new TwoWayError('not-logged-in', 'Your account is no longer active, so you have been logged out. Ask your manager if you think this is wrong.');
    recordRefusal(state, name, { code: 'deactivated' });
    state.close();
    throw markRecorded(error);
  }
  state.session = { ...session, roles: user.roles, mustChangePassword: user.mustChangePassword || session.viaRecoveryKey };
  return state.session;
}

/** Touched refs first; an automatic ref is left out when the same record is already named. */
function auditRefs(touched: string[], ...automatic: string[][]): string[] {
  const refs = [...touched];
  const ids = new Set(touched.map((r) => r.slice(r.indexOf(':') + 1)));
  for (const ref of automatic.flat()) {
    const id = ref.slice(ref.indexOf(':') + 1);
    if (!ids.has(id)) {
      refs.push(ref);
      ids.add(id);
    }
  }
  return refs;
}

/**
 * Record ids for the audit entry: every `…Id` field at the top level of an input or output
 * (`childId` -> `child:…`), and an output's `id` as a record of the channel's feature.
 */
function referencedIds(value: unknown, channel: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const refs: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'id' && typeof v === 'string') refs.push(`${channel.split('.')[0]}:${v}`);
    // A value that is already a reference (`recordId: 'child:…'`) is kept as it is.
    else if (/Id$/.test(key) && typeof v === 'string') refs.push(/^[a-z]+:/.test(v) ? v : `${key.slice(0, -2)}:${v}`);
  }
  return refs;
}

/** Anything unexpected becomes a plain message; its details stay out of logs (they may hold record content). */
function toTwoWayError(error: unknown): TwoWayError {
  if (error instanceof TwoWayError) return error;
  const kind = error instanceof Error ? error.name : typeof error;
  // Messages can quote a record (a constraint, a value): only a developer asks for them.
  const detail = process.env.TWOWAY_DEBUG && error instanceof Error ? `: ${error.stack}` : '';
  process.emitWarning(`TwoWay internal error (${kind})${detail}`);
  return new TwoWayError('internal', 'Something went wrong and nothing was saved. Try again; if it happens again, restart TwoWay.');
}
