import { access, appendFile, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { TwoWayError } from '../../../shared/contract/errors';
import type { BackupCounts } from '../../../shared/contract/backup';
import type { CoreState } from '../state';
import { APP_VERSION, BACKUP_EXTENSION, hashFile, type Manifest, readManifest, SCHEMA_VERSION, sealPrivate, trailer } from './format';
import { report } from './progress';
import { COUNTED_TABLES } from './repo';
import { copySnapshot, type PinnedSnapshot } from './snapshot';
import { runInWorker } from './worker';

/** The share of the progress bar for copying; the check takes the rest. */
const COPIED = 0.3;

export const BACKUP_NAME_PREFIX = 'TwoWay backup ';

/**
 * The file operations a backup makes on the backup folder, in one place so a test can make one
 * fail as a full or read-only disk would (there is no portable way to fill a disk in a test).
 */
export const folderFiles = {
  appendFile: (path: string, data: Buffer) => appendFile(path, data),
  /** Called before each chunk of a page copy: a test writes and checkpoints here to prove the snapshot holds. */
  beforeChunk: (_offset: number): void | Promise<void> => undefined,
  probe: async (folder: string) => {
    const probe = join(folder, `.twoway-probe-${process.pid}`);
    await appendFile(probe, 'x');
    await rm(probe, { force: true });
  },
};

/** What a backup's folder problem means, in words. Nothing is lost: the records are untouched. */
export function folderProblem(folder: string, error: unknown): TwoWayError {
  const code = String((error as { code?: unknown })?.code ?? (error as Error)?.message ?? error);
  if (/ENOENT|ENOTDIR/.test(code)) {
    return new TwoWayError('unavailable', `The backup folder (${folder}) cannot be found. If it is on a USB stick, plug the stick in and try again. Nothing has been lost.`);
  }
  if (/ENOSPC|SQLITE_FULL|EDQUOT/.test(code)) {
    return new TwoWayError('unavailable', `There is not enough space for the backup in ${folder}. Free some space or choose another folder, then try again. Nothing has been lost.`);
  }
  if (/EROFS|EACCES|EPERM|SQLITE_READONLY|SQLITE_CANTOPEN/.test(code)) {
    return new TwoWayError('unavailable', `TwoWay cannot write to the backup folder (${folder}): it may be read-only or locked. Choose another folder, then try again. Nothing has been lost.`);
  }
  return new TwoWayError('unavailable', `The backup could not be written to ${folder}. Try again, or choose another folder. Nothing has been lost.`);
}

export interface Made {
  file: string;
  bytes: number;
  counts: BackupCounts;
}

export interface BackupJob {
  folder: string;
  key: Buffer;
  slots: Manifest['slots'];
  settingName: string;
  createdBy: string;
  now: Date;
  /** Pinned in the caller's turn (snapshot.ts); null: copy with VACUUM INTO instead. */
  snapshot: PinnedSnapshot | null;
}

/** `TwoWay backup 2026-12-01 01-30-05.twowaybackup` (UTC, so names sort in the order they were made). */
function backupName(now: Date): string {
  return `${BACKUP_NAME_PREFIX}${now.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-')}${BACKUP_EXTENSION}`;
}

/**
 * Makes one backup file in `folder`: the database copied page for page from the snapshot the caller
 * pinned in its turn (snapshot.ts: consistent, still encrypted under the same key, never a copy of
 * a live WAL file), or by VACUUM INTO on the worker's own connection when no snapshot could be
 * pinned; reopened and checked (cipher_integrity_check, every page's HMAC, and the counts) while
 * its checksum is worked out and it is flushed to disk; the manifest with the key slots and counts
 * added and read back; all under a temporary name, and only then renamed into place.
 * Runs outside the caller's turn (see CallContext.whileOthersRun): it must not use `state.db()`.
 * It releases the snapshot, whatever happens.
 */
export async function makeBackup(
  state: CoreState,
  job: BackupJob,
): Promise<Made> {
  try {
    return await makeFile(state, job);
  } finally {
    job.snapshot?.release();
  }
}

async function makeFile(state: CoreState, job: BackupJob): Promise<Made> {
  const { folder, key, snapshot } = job;
  try {
    await access(folder, constants.W_OK);
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await folderFiles.probe(folder);
  } catch (error) {
    throw folderProblem(folder, error);
  }
  let name = backupName(job.now);
  for (let n = 2; await exists(join(folder, name)); n++) name = backupName(job.now).replace(BACKUP_EXTENSION, ` (${n})${BACKUP_EXTENSION}`);
  const file = join(folder, name);
  const temp = join(folder, `.${name}.partial`);
  await rm(temp, { force: true });
  try {
    report(state, 'backup', 'Copying the records', 0);
    try {
      if (snapshot) await copySnapshot(snapshot, temp, (f) => report(state, 'backup', 'Copying the records', COPIED * f), folderFiles.beforeChunk);
      else await vacuumInto(state, temp, key);
    } catch (error) {
      if (error instanceof TwoWayError) throw error;
      throw folderProblem(folder, error);
    }
    snapshot?.release();
    const dbBytes = await sizeOf(temp);
    // Three things at once: the worker checks every page's HMAC under the key (so no byte differs
    // from what SQLCipher wrote) and counts the records, this thread works out the checksum, and
    // the disk is flushed. The copy is complete on disk, so this is the file a restore will read.
    // (A restore walks every b-tree as well, quick_check, before the copy becomes the records.)
    report(state, 'backup', 'Checking the copy', COPIED);
    const [checked, sha256, notFlushed] = await Promise.all([
      runInWorker({ op: 'check', file: temp, key, tables: COUNTED_TABLES, check: 'pages' }),
      hashFile(temp, dbBytes, (f) => report(state, 'backup', 'Checking the copy', COPIED + (0.95 - COPIED) * f)),
      flush(temp).then(
        () => null,
        (error: unknown) => error ?? new Error('flush failed'),
      ),
    ]);
    if (notFlushed) throw folderProblem(folder, notFlushed);
    if (!checked.ok || !checked.counts) throw new TwoWayError('internal', 'The copy of the records did not pass TwoWay’s check, so no backup was saved. Try again.');
    const manifest: Manifest = {
      format: 'twoway-backup',
      v: 1,
      appVersion: APP_VERSION,
      schemaVersion: SCHEMA_VERSION,
      createdAt: job.now.toISOString(),
      dbBytes,
      sha256,
      slots: job.slots,
      sealed: sealPrivate(key, { settingName: job.settingName, createdBy: job.createdBy, counts: checked.counts }, sha256),
    };
    try {
      await folderFiles.appendFile(temp, trailer(manifest));
      await flush(temp);
    } catch (error) {
      throw folderProblem(folder, error);
    }
    // The manifest is read back as a restore will read it, and must say what was checked.
    report(state, 'backup', 'Checking the backup', 0.97);
    const written = await readManifest(temp).catch(() => null);
    if (!written || written.sha256 !== sha256 || written.dbBytes !== dbBytes || (await sizeOf(temp)) !== dbBytes + trailer(manifest).length) {
      throw new TwoWayError('internal', 'The backup did not pass its check after it was written, so it was not kept. Try again, or choose another folder.');
    }
    await rename(temp, file);
    await flushFolder(folder);
    report(state, 'backup', 'Done', 1);
    return { file, bytes: (await stat(file)).size, counts: checked.counts };
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Keeps the newest `keep` backup files of the folder; returns the ones removed. Only TwoWay's own files are touched. */
export async function removeOldBackups(folder: string, keep: number): Promise<string[]> {
  // "… 01-30-05 (2).twowaybackup" was made after "… 01-30-05.twowaybackup": sort the number after the time.
  const order = (f: string) => f.replace(BACKUP_EXTENSION, '').replace(/ \((\d+)\)$/, (_m, n: string) => `~${n.padStart(6, '0')}`);
  const ours = (await readdir(folder))
    .filter((f) => f.startsWith(BACKUP_NAME_PREFIX) && f.endsWith(BACKUP_EXTENSION))
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const old = ours.slice(0, Math.max(0, ours.length - keep)).map((f) => join(folder, f));
  for (const f of old) await rm(f, { force: true });
  return old;
}

/** The fallback copy, when no snapshot could be pinned: VACUUM INTO on the worker's own connection (every row re-inserted). */
async function vacuumInto(state: CoreState, temp: string, key: Buffer): Promise<void> {
  const expected = await sizeOf(state.dbPath);
  const ticker = setInterval(() => {
    void sizeOf(temp).then((size) => report(state, 'backup', 'Copying the records', (COPIED * size) / Math.max(expected, 1)));
  }, 200);
  try {
    const copied = await runInWorker({ op: 'vacuum', src: state.dbPath, dest: temp, key });
    if (!copied.ok) throw Object.assign(new Error(copied.error ?? 'VACUUM INTO failed'), { code: copied.error });
  } finally {
    clearInterval(ticker);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    () => 0,
  );
}

/** fsync off the main thread (libuv's pool): flushing hundreds of MB must not stop calls being answered. */
async function flush(path: string, flags = 'r+'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function flushFolder(folder: string): Promise<void> {
  try {
    await flush(folder, 'r');
  } catch {
    // Windows cannot open a folder for flushing; NTFS journals the rename itself.
  }
}
