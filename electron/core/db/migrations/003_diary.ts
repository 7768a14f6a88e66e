import type { Migration } from '../migrations';

/**
 * The communication diary.
 *
 * - `diary_entries`: one row per entry; who wrote it and for whom (ids plus the names as they were),
 *   the day, and the current category and time. Its text lives in `diary_revisions`.
 * - `diary_revisions`: append-only; revision 1 is the original, each amendment adds one with a
 *   reason. `diary_entries.current_rev` points at the latest. Nothing is overwritten.
 * - `diary_fts`: FTS5 over the current revision's text (external content: `diary_revisions`),
 *   kept in step by the repo in the same transaction as the write.
 * - `diary_shares`: append-only; which revision went to which partner, on which consent, by whom.
 * - `diary_week_plans`: each setting's theme and activities for a week; the latest row wins and
 *   earlier ones stay as history.
 *
 * `diary_entries_child_day` covers the room-week grid (counts by child and day without touching
 * the rows), orders one child's week, and lets a search within one child's diary walk that child's
 * entries newest first against the index's matches (current_rev) without reading their rows.
 */
export const m003Diary: Migration = {
  version: 3,
  name: 'communication diary: entries, revisions, search, shares, week plans',
  sql: `
    CREATE TABLE diary_revisions (
      id INTEGER PRIMARY KEY,
      entry_id TEXT NOT NULL REFERENCES diary_entries (id) DEFERRABLE INITIALLY DEFERRED,
      rev INTEGER NOT NULL,
      text TEXT NOT NULL,
      category TEXT NOT NULL,
      time TEXT,
      reason TEXT,
      by_user TEXT NOT NULL REFERENCES users (id),
      at TEXT NOT NULL,
      UNIQUE (entry_id, rev)
    );

    CREATE TABLE diary_entries (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children (id),
      day TEXT NOT NULL,
      time TEXT,
      category TEXT NOT NULL,
      current_rev INTEGER NOT NULL REFERENCES diary_revisions (id),
      revisions INTEGER NOT NULL DEFAULT 1,
      from_kind TEXT NOT NULL CHECK (from_kind IN ('staff', 'carer', 'partner')),
      from_id TEXT,
      from_person TEXT,
      from_name TEXT NOT NULL,
      to_kind TEXT NOT NULL CHECK (to_kind IN ('staff', 'carer', 'partner')),
      to_id TEXT,
      to_person TEXT,
      to_name TEXT NOT NULL,
      transcribed_from TEXT REFERENCES partners (id),
      needs_follow_up INTEGER NOT NULL DEFAULT 0,
      follow_up_open INTEGER NOT NULL DEFAULT 0,
      follow_up_closed_by TEXT REFERENCES users (id),
      follow_up_closed_at TEXT,
      follow_up_note TEXT,
      created_by TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL
    );
    CREATE INDEX diary_entries_child_day ON diary_entries (child_id, day, category, follow_up_open, current_rev);

    CREATE VIRTUAL TABLE diary_fts USING fts5 (
      text,
      content = 'diary_revisions',
      content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TABLE diary_shares (
      id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL REFERENCES diary_entries (id),
      child_id TEXT NOT NULL REFERENCES children (id),
      revision_id INTEGER NOT NULL REFERENCES diary_revisions (id),
      partner_id TEXT NOT NULL REFERENCES partners (id),
      consent_id TEXT,
      method TEXT NOT NULL,
      shared_by TEXT NOT NULL REFERENCES users (id),
      shared_at TEXT NOT NULL
    );
    CREATE INDEX diary_shares_entry ON diary_shares (entry_id);
    CREATE INDEX diary_shares_child ON diary_shares (child_id, shared_at);

    CREATE TABLE diary_week_plans (
      id TEXT PRIMARY KEY,
      week_start TEXT NOT NULL,
      partner_id TEXT REFERENCES partners (id),
      theme TEXT NOT NULL,
      activities TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      at TEXT NOT NULL
    );
    CREATE INDEX diary_week_plans_week ON diary_week_plans (week_start, partner_id, at);

    -- History is never rewritten.
    CREATE TRIGGER diary_revisions_no_update BEFORE UPDATE ON diary_revisions
      BEGIN SELECT RAISE(ABORT, 'Diary entries are corrected by amendment, never overwritten.'); END;
    CREATE TRIGGER diary_revisions_no_delete BEFORE DELETE ON diary_revisions
      BEGIN SELECT RAISE(ABORT, 'Diary entries are corrected by amendment, never deleted.'); END;
    CREATE TRIGGER diary_entries_no_delete BEFORE DELETE ON diary_entries
      BEGIN SELECT RAISE(ABORT, 'Diary entries are never deleted.'); END;
    CREATE TRIGGER diary_entries_fixed BEFORE UPDATE OF id, child_id, day, from_kind, from_id, from_person, from_name,
      to_kind, to_id, to_person, to_name, transcribed_from, needs_follow_up, created_by, created_at ON diary_entries
      BEGIN SELECT RAISE(ABORT, 'Who wrote a diary entry, for whom and on which day cannot be changed.'); END;
    CREATE TRIGGER diary_shares_no_update BEFORE UPDATE ON diary_shares
      BEGIN SELECT RAISE(ABORT, 'The sharing history is append-only.'); END;
    CREATE TRIGGER diary_shares_no_delete BEFORE DELETE ON diary_shares
      BEGIN SELECT RAISE(ABORT, 'The sharing history is append-only.'); END;
    CREATE TRIGGER diary_week_plans_no_update BEFORE UPDATE ON diary_week_plans
      BEGIN SELECT RAISE(ABORT, 'Week plans keep their history: add a new one.'); END;
  `,
};
