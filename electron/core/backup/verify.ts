import type { BackupCounts, BackupSummary, BackupUnlock } from '../../../shared/contract/backup';
import { TwoWayError } from '../../../shared/contract/errors';
import type { CoreState } from '../state';
import { BackupProblem, checkChecksum, openPrivate, PROBLEMS, readManifest, summaryOf, type Manifest } from './format';
import { report, type Running } from './progress';
import { COUNTED_TABLES } from './repo';
import { runInWorker } from './worker';

export type Verdict = { ok: true; counts: BackupCounts } | { ok: false; problem: string };

/**
 * Checks a backup file and changes nothing: the manifest, then at once the checksum of the database
 * part and (with the key of the open records) SQLCipher's check of every page and the counts the manifest
 * promised. Never throws for a bad file: the problem comes back in words.
 */
export async function verifyBackup(state: CoreState, file: string, key: Buffer): Promise<Verdict> {
  try {
    const manifest = await readManifest(file);
    const part = openPrivate(key, manifest);
    if (!part) return { ok: false, problem: PROBLEMS.otherKey };
    // Both passes at once, one per core: the checksum of the whole database part on this thread,
    // and every page's HMAC (cipher_integrity_check) with the counts on the worker. A checksum
    // that does not match is the answer, whatever the other pass found.
    report(state, 'verify', 'Checking the file is whole', 0);
    const [, checked] = await Promise.all([
      checkChecksum(file, manifest, (f) => report(state, 'verify', 'Checking the file is whole', 0.9 * f)),
      runInWorker({ op: 'check', file, key, tables: COUNTED_TABLES, check: 'pages' }),
    ]);
    if (checked.wrongKey || !checked.ok) return { ok: false, problem: PROBLEMS.unreadable };
    if (JSON.stringify(checked.counts) !== JSON.stringify(part.counts)) return { ok: false, problem: PROBLEMS.counts };
    return { ok: true, counts: part.counts };
  } catch (error) {
    if (error instanceof BackupProblem) return { ok: false, problem: error.message };
    throw error;
  }
}

export interface Unlocked {
  manifest: Manifest;
  key: Buffer;
  summary: BackupSummary;
}

/**
 * Reads a backup for a restore: a foreign, damaged, cut-short or newer file is refused in words
 * (`conflict`) before any password is tried; then the backup's own key slots are opened with the
 * password or recovery key of its time. The caller owns the key and zeroes it.
 */
export async function unlockBackupFile(state: CoreState, file: string, unlock: BackupUnlock, action: Running['action']): Promise<Unlocked> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(file);
    await checkChecksum(file, manifest, (f) => report(state, action, 'Checking the file is whole', 0.4 * f));
  } catch (error) {
    if (error instanceof BackupProblem) throw new TwoWayError('conflict', `${error.message} Nothing has been changed.`);
    throw error;
  }
  report(state, action, 'Unlocking the backup', 0.4);
  const key = await state.vault.unlockBackup(manifest.slots as { users: Record<string, unknown>; recovery: unknown }, unlock);
  const part = openPrivate(key, manifest);
  if (!part) {
    key.fill(0);
    throw new TwoWayError('conflict', `${PROBLEMS.damagedManifest} Nothing has been changed.`);
  }
  return { manifest, key, summary: summaryOf(manifest, part) };
}
