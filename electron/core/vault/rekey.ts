import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { all } from '../db/sql';
import type { CoreState } from '../state';

export type KeyChangeStep = 'slots-pending' | 'database-rekeyed';

/**
 * "Change the database key" (the steps and why they are safe: key-change.ts). Afterwards a
 * deactivated account's password, a password from before a reset, or any old copy of the settings
 * file opens nothing: the file is encrypted under a key only today's slots hold.
 * `afterStep` lets a test copy the data folder between steps, as a crash would leave it.
 */
export function changeDatabaseKey(state: CoreState, afterStep?: (step: KeyChangeStep) => void): { accounts: number; seconds: number } {
  const db = state.db();
  const started = performance.now();
  const active = all<{ username: string }>(db, 'SELECT username FROM users WHERE active = 1').map((r) => r.username);
  const newKey = randomBytes(32);
  let rewrapped: string[];
  try {
    ({ rewrapped } = state.vault.beginKeyChange(newKey, active));
  } catch (error) {
    newKey.fill(0);
    throw error;
  }
  afterStep?.('slots-pending');
  try {
    // PRAGMA rekey rewrites every page in one transaction; a rollback journal keeps the old pages
    // until it commits. The WAL is folded in first so the main file holds everything.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    // Whether the file ended under the old or the new key, the slots hold both: lock, and the next
    // login tries one then the other and tidies the slots (as after a crash). Never drop a key here.
    newKey.fill(0);
    state.close();
    throw error;
  }
  afterStep?.('database-rekeyed');
  state.vault.finishKeyChange();
  state.replaceKey(newKey);
  return { accounts: rewrapped.length, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
