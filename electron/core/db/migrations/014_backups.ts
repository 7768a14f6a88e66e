import type { Migration } from '../migrations';

/**
 * Backups known to be good (issue 15): each row is a backup file that was written, reopened and
 * checked. Rows are only added; the file may later be removed by "keep the last N" (`removed_at`
 * is then set), so the retention schedule can still say which backups held a record disposed of.
 */
export const m014Backups: Migration = {
  version: 14,
  name: 'backups',
  sql: `
    CREATE TABLE backups (
      id TEXT PRIMARY KEY,
      file TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      automatic INTEGER NOT NULL DEFAULT 0,
      bytes INTEGER NOT NULL,
      counts TEXT NOT NULL,
      removed_at TEXT
    );
    CREATE INDEX backups_created ON backups (created_at);
  `,
};
