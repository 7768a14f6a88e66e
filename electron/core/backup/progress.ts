import { TwoWayError } from '../../../shared/contract/errors';
import type { CoreState } from '../state';

/** What a long backup job is doing, for the progress bar (read by `backup.status` while it runs). */
export interface Running {
  action: 'backup' | 'verify' | 'restore';
  step: string;
  fraction: number;
}

const running = new WeakMap<CoreState, Running>();
const jobs = new WeakMap<CoreState, Promise<unknown>>();

export function currentJob(state: CoreState): Running | null {
  return running.get(state) ?? null;
}

/** Updates the job under way; does nothing outside one (a quick look inside a backup has no bar). */
export function report(state: CoreState, action: Running['action'], step: string, fraction: number): void {
  if (!jobs.has(state)) return;
  running.set(state, { action, step, fraction: Math.max(0, Math.min(1, fraction)) });
}

/**
 * One long job at a time per core: a second "Back up now", a restore or a key change while a
 * backup runs is refused in words rather than queued behind it. The core waits for it on close.
 */
export async function exclusive<T>(state: CoreState, action: Running['action'], fn: () => Promise<T>): Promise<T> {
  assertIdle(state);
  running.set(state, { action, step: 'Starting', fraction: 0 });
  let release!: () => void;
  jobs.set(state, new Promise<void>((resolve) => (release = resolve)));
  const job = fn();
  try {
    return await job;
  } finally {
    running.delete(state);
    jobs.delete(state);
    release();
  }
}

export function assertIdle(state: CoreState): void {
  const job = running.get(state);
  if (!job) return;
  const what = { backup: 'A backup is being made', verify: 'A backup is being checked', restore: 'A backup is being restored' }[job.action];
  throw new TwoWayError('conflict', `${what}. Try again when it has finished.`);
}

/** Resolves when the job under way (if any) has finished, whatever its outcome. */
export function jobDone(state: CoreState): Promise<void> {
  return (jobs.get(state) ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}
