import { existsSync } from 'node:fs';
import { TwoWayError } from '../../../shared/contract/errors';
import { appendAudit } from '../audit/log';
import { get } from '../db/sql';
import { readSettings } from '../settings/repo';
import type { CoreState } from '../state';
import { makeBackup, removeOldBackups } from './create';
import { exclusive } from './progress';
import { pinSnapshot } from './snapshot';
import { markRemoved, readBackupSettings, recordBackup } from './repo';

type Detach = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * One backup, by a person ("Back up now") or by TwoWay itself (daily, and when it closes): made
 * outside the caller's turn (`detach`), then recorded in `backups` and the folder trimmed to the
 * last N, back in turn. Returns the file.
 */
export async function backUp(state: CoreState, options: { folder?: string; userId: string | null; detach: Detach }): Promise<{ file: string; id: string | null }> {
  return exclusive(state, 'backup', async () => {
    const db = state.db();
    const settings = readBackupSettings(db);
    const folder = options.folder ?? settings.folder;
    if (!folder) {
      throw new TwoWayError('invalid-input', 'Choose a folder for backups first.', { issues: [{ path: ['folder'], message: 'Choose a folder for backups.' }] });
    }
    const createdBy = options.userId ? (get<{ name: string }>(db, 'SELECT full_name AS name FROM users WHERE id = $id', { id: options.userId })?.name ?? 'TwoWay') : 'TwoWay (automatic)';
    const key = state.currentKey();
    const now = state.now();
    let made;
    try {
      const about = { folder, key, slots: state.vault.slotsForBackup(), settingName: readSettings(db, state.vault.settingName() ?? '').settingName, createdBy, now };
      // Pinned here, in the caller's turn, so no write can come between the checkpoint and the pin;
      // makeBackup releases it.
      const snapshot = pinSnapshot(db, state.dbPath, key);
      made = await options.detach(() => makeBackup(state, { ...about, snapshot }));
    } finally {
      key.fill(0);
    }
    // TwoWay may have been locked while the file was written: the file is good and kept, but cannot be recorded.
    if (!state.isOpen) return { file: made.file, id: null };
    const id = recordBackup(state.db(), { file: made.file, createdAt: now.toISOString(), createdBy: options.userId, automatic: options.userId === null, bytes: made.bytes, counts: made.counts });
    for (const removed of await removeOldBackups(folder, readBackupSettings(state.db()).keep)) markRemoved(state.db(), removed, state.now().toISOString());
    return { file: made.file, id };
  });
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The automatic backup: when a folder is chosen and there, and the last good backup is older than
 * a day (`force` when TwoWay closes). Audited as TwoWay's own write. A failure is kept for Home.
 */
export async function autoBackup(state: CoreState, detach: Detach, force = false): Promise<void> {
  if (!state.isOpen) return;
  const db = state.db();
  const folder = readBackupSettings(db).folder;
  if (!folder || !existsSync(folder)) return;
  const last = get<{ at: string }>(db, 'SELECT max(created_at) AS at FROM backups')?.at;
  if (!force && last && state.now().getTime() - Date.parse(last) < DAY) return;
  try {
    const { id } = await backUp(state, { userId: null, detach });
    if (id && state.isOpen) appendAudit(state.db(), { at: state.now().toISOString(), userId: null, channel: 'backup.create', kind: 'write', recordIds: [`backup:${id}`] });
    lastAutoProblem.delete(state);
  } catch (error) {
    lastAutoProblem.set(state, error instanceof TwoWayError ? error.message : 'The automatic backup could not be made.');
  }
}

const lastAutoProblem = new WeakMap<CoreState, string>();
export const autoBackupProblem = (state: CoreState): string | null => lastAutoProblem.get(state) ?? null;
