import type { z } from 'zod';
import type { ChannelDef } from '../../shared/contract/define';
import type { Session } from '../../shared/contract/auth';
import type { Db } from './db/connection';
import type { CoreState } from './state';
import type { Turn } from './dispatch';

/** What a handler gets besides its parsed input. One per call. */
export class CallContext {
  private readonly refs = new Set<string>();
  private readonly afterCommit: Array<() => void> = [];
  /** Who the audit entry names; the logged-in user unless a handler (login, setup) says otherwise. */
  actorId: string | null;
  /** A second person who confirmed this call with their own password at the same laptop (named on the audit entry). */
  confirmedBy: string | null = null;

  constructor(
    readonly state: CoreState,
    private readonly turn: Turn | null = null,
  ) {
    this.actorId = state.session?.userId ?? null;
  }

  /**
   * Lets other calls run while fn waits on work done elsewhere (a worker thread with its own
   * connection). Only for channels outside the dispatcher's transaction (`ownTransaction` or reads):
   * fn must not touch this call's connection; the database may even be locked when it returns.
   */
  whileOthersRun<T>(fn: () => Promise<T>): Promise<T> {
    return this.turn ? this.turn.giveUpWhile(fn) : fn();
  }

  get session(): Session | null {
    return this.state.session;
  }

  /** The logged-in user; handlers behind a role check can rely on it. */
  get user(): Session {
    if (!this.state.session) throw new Error('No session: the dispatcher should have refused this call.');
    return this.state.session;
  }

  db(): Db {
    return this.state.db();
  }

  now(): Date {
    return this.state.now();
  }

  nowIso(): string {
    return this.state.now().toISOString();
  }

  /** Names a record this call read or wrote, as `type:id`, for the audit entry. */
  touch(...refs: string[]): void {
    for (const r of refs) this.refs.add(r);
  }

  get touched(): string[] {
    return [...this.refs];
  }

  /** Runs after the transaction and the audit entry are written (e.g. closing the database on lock). */
  after(fn: () => void): void {
    this.afterCommit.push(fn);
  }

  runAfter(): void {
    for (const fn of this.afterCommit.splice(0)) fn();
  }
}

type MaybePromise<T> = T | Promise<T>;

/** The handlers of one feature's channel table, typed from the contract. */
export type HandlersFor<T extends Record<string, ChannelDef>> = {
  [K in keyof T]: (input: z.output<T[K]['input']>, ctx: CallContext) => MaybePromise<z.input<T[K]['output']>>;
};
