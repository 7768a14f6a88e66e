import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TwoWayError } from '../../../shared/contract/errors';
import { appendAudit, type NewAuditEntry } from '../audit/log';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrations';
import type { CoreState } from '../state';
import { readJsonFile, writeFileAtomic } from '../vault/store';
import type { SlotSet } from '../vault/key-change';
import { PROBLEMS } from './format';
import { report } from './progress';
import { COUNTED_TABLES } from './repo';
import type { Unlocked } from './verify';
import { runInWorker } from './worker';

/**
 * Restoring without ever making things worse.
 *
 * 1. The backup's database part is copied to `twoway.db.restoring`, checked (quick_check), opened
 *    with the backup's key and migrated (a newer TwoWay restores an older backup). Anything wrong
 *    so far: the copy is removed and nothing else has been touched.
 * 2. TwoWay locks. The old safety copy is removed (undo lasts until the next restore), the current
 *    key slots are saved in `before-restore/slots.json`, and a journal (`restore-journal.json`,
 *    written atomically) names the backup's key slots.
 * 3. `commit`: the current `twoway.db` (and its WAL files) moves into `before-restore/`, the copy
 *    is renamed to `twoway.db`, the backup's slots replace the settings file's, the journal goes.
 * A crash after the journal is written is finished at the next start (`finishInterruptedRestore`,
 * each step checks what is already done); a crash before it leaves the current records as they
 * were, and the leftover copy is removed. Undo is the same move the other way.
 */
const RESTORING = 'twoway.db.restoring';
const JOURNAL = 'restore-journal.json';
export const SAFETY_DIR = 'before-restore';
const DB_FILES = ['twoway.db', 'twoway.db-wal', 'twoway.db-shm'];

const journalSchema = z.object({
  mode: z.enum(['restore', 'undo']),
  slots: z.object({ users: z.record(z.string(), z.unknown()), recovery: z.unknown() }),
  settingName: z.string().nullable(),
  about: z.object({ restoredAt: z.string(), file: z.string() }).nullable(),
});
type Journal = z.infer<typeof journalSchema>;
const aboutSchema = z.object({ restoredAt: z.string(), file: z.string() });

const safety = (dataDir: string, name = '') => join(dataDir, SAFETY_DIR, name);

/** Step 1: the checked, migrated copy beside the records. Returns the schema versions it went from and to. */
export async function prepareCopy(state: CoreState, file: string, unlocked: Unlocked): Promise<{ from: number; to: number }> {
  const temp = join(state.dataDir, RESTORING);
  await removeCopy(state.dataDir);
  try {
    report(state, 'restore', 'Copying the backup', 0.45);
    await copyFile(file, temp);
    await truncate(temp, unlocked.manifest.dbBytes);
    report(state, 'restore', 'Checking the records in it', 0.7);
    const checked = await runInWorker({ op: 'check', file: temp, key: unlocked.key, tables: COUNTED_TABLES, check: 'structure' });
    if (!checked.ok) throw new TwoWayError('conflict', `${PROBLEMS.unreadable} Nothing has been changed.`);
    report(state, 'restore', 'Bringing it up to date', 0.9);
    const db = openDatabase(temp, Buffer.from(unlocked.key));
    try {
      const versions = migrate(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return versions;
    } finally {
      db.close();
    }
  } catch (error) {
    await removeCopy(state.dataDir);
    if (error instanceof TwoWayError && error.code === 'database-newer') throw new TwoWayError('conflict', `${PROBLEMS.newer('a newer version')} Nothing has been changed.`);
    throw error;
  }
}

async function removeCopy(dataDir: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(join(dataDir, RESTORING + suffix), { force: true });
}

/**
 * Steps 2 and 3 (synchronous: nothing else runs in between). `before` is written into the current
 * records before they close (the caller queues the entry for the records put in place).
 */
export function swapIn(state: CoreState, slots: SlotSet, settingName: string, file: string, before: NewAuditEntry | null): void {
  if (before && state.isOpen) appendAudit(state.db(), before);
  state.close();
  rmSync(safety(state.dataDir), { recursive: true, force: true });
  mkdirSync(safety(state.dataDir), { recursive: true });
  writeFileAtomic(safety(state.dataDir, 'slots.json'), JSON.stringify(state.vault.isSetUp() ? state.vault.slotsForBackup() : null));
  const journal: Journal = { mode: 'restore', slots, settingName, about: { restoredAt: state.now().toISOString(), file } };
  writeFileAtomic(join(state.dataDir, JOURNAL), JSON.stringify(journal));
  commit(state, journal);
}

/** Undo: the safety copy and its slots go back; the restored records are discarded. TwoWay locks. */
export function undoRestore(state: CoreState, before: NewAuditEntry): void {
  if (!undoAvailable(state.dataDir)) throw new TwoWayError('conflict', 'There is no restore to undo.');
  const slots = readJsonFile(safety(state.dataDir, 'slots.json'));
  const parsed = journalSchema.shape.slots.safeParse(slots.data);
  if (!parsed.success) throw new TwoWayError('conflict', 'The copy kept before the last restore is damaged, so the restore cannot be undone.');
  if (state.isOpen) appendAudit(state.db(), before);
  state.close();
  const journal: Journal = { mode: 'undo', slots: parsed.data, settingName: null, about: null };
  writeFileAtomic(join(state.dataDir, JOURNAL), JSON.stringify(journal));
  commit(state, journal);
}

/** When a restore can be undone: the records kept before it are still there. */
export function undoAvailable(dataDir: string): { restoredAt: string; file: string } | null {
  if (!existsSync(safety(dataDir, 'twoway.db'))) return null;
  const about = aboutSchema.safeParse(readJsonFile(safety(dataDir, 'about.json')).data);
  return about.success ? about.data : null;
}

/** At start: a restore or undo cut short after its journal was written is finished; a leftover copy is removed. */
export function finishInterruptedRestore(state: CoreState): void {
  const { state: fileState, data } = readJsonFile(join(state.dataDir, JOURNAL));
  const journal = journalSchema.safeParse(data);
  if (fileState === 'ok' && journal.success) commit(state, journal.data);
  else {
    rmSync(join(state.dataDir, JOURNAL), { force: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(state.dataDir, RESTORING + suffix), { force: true });
  }
}

/** Each step looks at what is already done, so running it again after a crash finishes the job. */
function commit(state: CoreState, journal: Journal): void {
  const dir = state.dataDir;
  const at = (name: string) => join(dir, name);
  if (journal.mode === 'restore') {
    if (existsSync(at(RESTORING))) {
      if (!existsSync(safety(dir, 'twoway.db'))) {
        for (const f of DB_FILES) if (existsSync(at(f))) renameSync(at(f), safety(dir, f));
      }
      for (const f of DB_FILES.slice(1)) rmSync(at(f), { force: true });
      renameSync(at(RESTORING), at('twoway.db'));
    }
    if (journal.about && existsSync(safety(dir, 'twoway.db'))) writeFileAtomic(safety(dir, 'about.json'), JSON.stringify(journal.about));
  } else if (existsSync(safety(dir, 'twoway.db'))) {
    for (const f of DB_FILES) rmSync(at(f), { force: true });
    for (const f of DB_FILES) if (existsSync(safety(dir, f))) renameSync(safety(dir, f), at(f));
  }
  state.vault.installSlots(journal.slots as SlotSet);
  if (journal.settingName) state.vault.setSettingName(journal.settingName);
  if (journal.mode === 'undo') rmSync(safety(dir), { recursive: true, force: true });
  rmSync(at(JOURNAL), { force: true });
}
