import { DEFAULT_BACKUP_SETTINGS, backupSettingsSchema, type BackupCounts, type BackupSettings } from '../../../shared/contract/backup';
import type { Db } from '../db/connection';
import { all, fromJson, get, newId, run } from '../db/sql';
import { readSetting, writeSetting } from '../settings/repo';

/** The tables a backup counts (when made, and again when checked); tables another version lacks are left out. */
export const COUNTED_TABLES = ['children', 'carers', 'consents', 'diary_entries', 'concerns', 'sharing_decisions', 'users', 'audit_log'] as const;

const SETTINGS_KEY = 'backup';

export function readBackupSettings(db: Db): BackupSettings {
  const parsed = backupSettingsSchema.partial().safeParse(readSetting(db, SETTINGS_KEY) ?? {});
  return { ...DEFAULT_BACKUP_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export function writeBackupSettings(db: Db, settings: BackupSettings): void {
  writeSetting(db, SETTINGS_KEY, settings);
}

export interface BackupRow {
  id: string;
  file: string;
  createdAt: string;
  createdBy: string;
  automatic: boolean;
  counts: BackupCounts;
}

export function recordBackup(db: Db, row: { file: string; createdAt: string; createdBy: string | null; automatic: boolean; bytes: number; counts: BackupCounts }): string {
  const id = newId();
  run(db, 'INSERT INTO backups (id, file, created_at, created_by, automatic, bytes, counts) VALUES ($id, $file, $at, $by, $auto, $bytes, $counts)', {
    id,
    file: row.file,
    at: row.createdAt,
    by: row.createdBy,
    auto: row.automatic ? 1 : 0,
    bytes: row.bytes,
    counts: JSON.stringify(row.counts),
  });
  return id;
}

export function markRemoved(db: Db, file: string, at: string): void {
  run(db, 'UPDATE backups SET removed_at = $at WHERE file = $file AND removed_at IS NULL', { file, at });
}

const SELECT = `SELECT b.id, b.file, b.created_at AS createdAt, coalesce(u.full_name, 'TwoWay') AS createdBy, b.automatic, b.counts
  FROM backups b LEFT JOIN users u ON u.id = b.created_by`;

type RawRow = Omit<BackupRow, 'automatic' | 'counts'> & { automatic: number; counts: string };
const toRow = (r: RawRow): BackupRow => ({ ...r, automatic: r.automatic === 1, counts: fromJson<BackupCounts>(r.counts, {}) });

export function lastGoodBackup(db: Db): BackupRow | null {
  const row = get<RawRow>(db, `${SELECT} ORDER BY b.created_at DESC LIMIT 1`);
  return row ? toRow(row) : null;
}

/**
 * Backup files still kept (not removed by "keep the last N") that were made before `beforeIso`:
 * the retention schedule asks this after disposing of a record, since those files still hold it.
 */
export function backupsOlderThan(db: Db, beforeIso: string): BackupRow[] {
  return all<RawRow>(db, `${SELECT} WHERE b.created_at < $before AND b.removed_at IS NULL ORDER BY b.created_at`, { before: beforeIso }).map(toRow);
}
