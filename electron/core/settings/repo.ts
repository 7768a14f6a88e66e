import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/settings';
import type { Db } from '../db/connection';
import { all, fromJson, get, run } from '../db/sql';

/** Preferences live in the encrypted database; only the setting's name is mirrored in the settings file for the login screen. */
export function readSettings(db: Db, settingName: string): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of all<{ key: string; value: string }>(db, 'SELECT key, value FROM settings')) {
    stored[row.key] = JSON.parse(row.value);
  }
  return {
    settingName: typeof stored.settingName === 'string' ? stored.settingName : settingName,
    idleLockMinutes: typeof stored.idleLockMinutes === 'number' ? stored.idleLockMinutes : DEFAULT_SETTINGS.idleLockMinutes,
    contactCheckMonths: typeof stored.contactCheckMonths === 'number' ? stored.contactCheckMonths : DEFAULT_SETTINGS.contactCheckMonths,
    stepUpMinutes: typeof stored.stepUpMinutes === 'number' ? stored.stepUpMinutes : DEFAULT_SETTINGS.stepUpMinutes,
  };
}

/** The setting's name alone (one row, not every setting): read by the diary on each week it shows. */
export function settingNameIn(db: Db, fallback: string): string {
  const name = readSetting(db, 'settingName');
  return typeof name === 'string' ? name : fallback;
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) writeSetting(db, key, value);
  }
}

/** One value of the encrypted `settings` table (preferences, the sharing policy, the audit head), as JSON. */
export function readSetting(db: Db, key: string): unknown {
  const row = get<{ value: string }>(db, 'SELECT value FROM settings WHERE key = $key', { key });
  return fromJson<unknown>(row?.value, undefined);
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  run(db, 'INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value', {
    key,
    value: JSON.stringify(value),
  });
}
