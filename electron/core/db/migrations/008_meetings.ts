import type { Migration } from '../migrations';

/**
 * Termly joint meetings and their packs (issue 14).
 *
 * - `terms`: the setting's term dates, one row per school year and term; a year with no rows uses
 *   the usual dates (shared/domain/terms.ts), so nothing is stored until the office changes them.
 * - `meeting_planner_children`: children the office added to a term's planner (not in shared care).
 * - `meetings`: a booking (when, how, who is invited: invitees as JSON with the names copied, so a
 *   booking reads the same after a name changes), its cancellation, and its record (who came, the
 *   observations discussed, next steps, notes). A booking is an arrangement, not a safeguarding
 *   record: changing the time edits it (audited).
 * - `meeting_actions`: actions agreed at a meeting; their status moves on (audited), and open
 *   ones carry to the child's next meeting.
 * - `meeting_packs`: when a pack was made for a meeting and by whom (never its content).
 */
export const m008Meetings: Migration = {
  version: 8,
  name: 'termly joint meetings and meeting packs',
  sql: `
    CREATE TABLE terms (
      school_year INTEGER NOT NULL,
      name TEXT NOT NULL CHECK (name IN ('autumn', 'spring', 'summer')),
      starts_on TEXT NOT NULL,
      ends_on TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id),
      PRIMARY KEY (school_year, name)
    );
    CREATE TABLE meeting_planner_children (
      term_id TEXT NOT NULL,
      child_id TEXT NOT NULL REFERENCES children(id),
      added_at TEXT NOT NULL,
      added_by TEXT REFERENCES users(id),
      PRIMARY KEY (term_id, child_id)
    );
    CREATE TABLE meetings (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      on_day TEXT NOT NULL,
      at_time TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      duration_minutes INTEGER NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('in-person', 'video', 'phone')),
      venue_partner_id TEXT REFERENCES partners(id),
      video_link TEXT,
      phone_number TEXT,
      invitees TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'held', 'cancelled')),
      cancelled_reason TEXT,
      attendees TEXT,
      observation_ids TEXT,
      next_steps TEXT,
      notes TEXT,
      recorded_at TEXT,
      recorded_by TEXT REFERENCES users(id),
      booked_at TEXT NOT NULL,
      booked_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE INDEX meetings_child ON meetings (child_id, on_day);
    CREATE INDEX meetings_day ON meetings (on_day);
    CREATE TABLE meeting_actions (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      child_id TEXT NOT NULL REFERENCES children(id),
      text TEXT NOT NULL,
      owner TEXT NOT NULL,
      due_on TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      note TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE INDEX meeting_actions_child ON meeting_actions (child_id, status);
    CREATE TABLE meeting_packs (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      made_at TEXT NOT NULL,
      made_by TEXT REFERENCES users(id),
      pages INTEGER NOT NULL
    );
    CREATE INDEX meeting_packs_meeting ON meeting_packs (meeting_id, made_at);
  `,
};
