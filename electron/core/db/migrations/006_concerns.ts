import type { Migration } from '../migrations';
import { appendOnlyTriggers } from './append-only';

const appendOnly = (table: string, what: string) => appendOnlyTriggers(table, what, 'add to them instead');

/**
 * The safeguarding concern recorder (issue 12). Every table is append-only: a concern is never
 * edited (an addendum says who, when, what and why), an action is closed by a row of its own, a
 * referral's later news is a row of its own, and a partner's arrangement is replaced by a newer row.
 * Names are copied beside user ids so a record reads the same after a name changes.
 *
 * - `concerns`: what was seen or heard, the child's own words, where, who noticed, what was done,
 *   who was told, category and urgency, when it was seen and when it was recorded (a late entry
 *   carries its reason), who it is about for an allegation about staff, and the diary entry it
 *   started from. `reference` is `SC-<year>-<number>`, numbered within the year.
 * - `concern_body_marks`: numbered marks on the front or back outline (x, y as 0..1 of the outline).
 * - `concern_addenda`, `concern_opened` (who on the safeguarding team opened it first, and when),
 *   `concern_reviews`, `concern_actions` + `concern_action_closures`, `concern_referrals` +
 *   `concern_referral_updates`.
 * - `chronology_diary_marks`: diary entries the DSL added to a child's chronology.
 * - `partner_concern_arrangements`: what was agreed with a partner about telling each other of
 *   concerns (seed 000); the newest row per partner is in force.
 * - `professional_visits`: visiting professionals and who supervised them (seed 001, 1.6).
 * - `safeguarding_transfers` + `safeguarding_transfer_receipts`: a child's file sent on, and receipt.
 */
export const m006Concerns: Migration = {
  version: 6,
  name: 'safeguarding concerns, chronology, visiting professionals, transfers',
  sql: `
    CREATE TABLE concerns (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      child_id TEXT NOT NULL REFERENCES children (id),
      category TEXT NOT NULL,
      urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'today', 'now')),
      observed_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      late_entry_reason TEXT,
      where_seen TEXT,
      noticed_by TEXT,
      description TEXT NOT NULL,
      childs_words TEXT,
      action_taken TEXT,
      told_who TEXT,
      about_user_id TEXT REFERENCES users (id),
      about_name TEXT,
      diary_entry_id TEXT REFERENCES diary_entries (id),
      recorded_by TEXT NOT NULL REFERENCES users (id),
      recorded_by_name TEXT NOT NULL
    );
    CREATE INDEX concerns_child ON concerns (child_id, observed_at);
    CREATE INDEX concerns_recorded_by ON concerns (recorded_by, recorded_at);
    ${appendOnly('concerns', 'Safeguarding concerns')}

    CREATE TABLE concern_body_marks (
      id TEXT PRIMARY KEY,
      concern_id TEXT NOT NULL REFERENCES concerns (id),
      number INTEGER NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('front', 'back')),
      x REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
      y REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
      type TEXT NOT NULL,
      size TEXT,
      colour TEXT,
      description TEXT,
      UNIQUE (concern_id, number)
    );
    ${appendOnly('concern_body_marks', 'Body map marks')}

    CREATE TABLE concern_addenda (
      id TEXT PRIMARY KEY,
      concern_id TEXT NOT NULL REFERENCES concerns (id),
      text TEXT NOT NULL,
      reason TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX concern_addenda_concern ON concern_addenda (concern_id, at);
    ${appendOnly('concern_addenda', 'Addenda to concerns')}

    CREATE TABLE concern_opened (
      concern_id TEXT NOT NULL REFERENCES concerns (id),
      user_id TEXT NOT NULL REFERENCES users (id),
      at TEXT NOT NULL,
      PRIMARY KEY (concern_id, user_id)
    );
    ${appendOnly('concern_opened', 'Records of who opened a concern')}

    CREATE TABLE concern_reviews (
      id TEXT PRIMARY KEY,
      concern_id TEXT NOT NULL REFERENCES concerns (id),
      decision TEXT NOT NULL,
      reasons TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX concern_reviews_concern ON concern_reviews (concern_id, at);
    ${appendOnly('concern_reviews', 'Reviews of concerns')}

    CREATE TABLE concern_actions (
      id TEXT PRIMARY KEY,
      concern_id TEXT NOT NULL REFERENCES concerns (id),
      review_id TEXT REFERENCES concern_reviews (id),
      text TEXT NOT NULL,
      owner_user_id TEXT REFERENCES users (id),
      owner_name TEXT NOT NULL,
      due_on TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX concern_actions_concern ON concern_actions (concern_id);
    CREATE INDEX concern_actions_due ON concern_actions (due_on);
    ${appendOnly('concern_actions', 'Actions on concerns')}

    CREATE TABLE concern_action_closures (
      action_id TEXT PRIMARY KEY REFERENCES concern_actions (id),
      status TEXT NOT NULL CHECK (status IN ('done', 'cancelled')),
      note TEXT,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    ${appendOnly('concern_action_closures', 'Closed actions')}

    CREATE TABLE concern_referrals (
      id TEXT PRIMARY KEY,
      concern_id TEXT NOT NULL REFERENCES concerns (id),
      agency TEXT NOT NULL,
      partner_id TEXT REFERENCES partners (id),
      referred_on TEXT NOT NULL,
      their_reference TEXT,
      outcome TEXT,
      follow_up_on TEXT,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX concern_referrals_concern ON concern_referrals (concern_id);
    ${appendOnly('concern_referrals', 'Referrals')}

    CREATE TABLE concern_referral_updates (
      id TEXT PRIMARY KEY,
      referral_id TEXT NOT NULL REFERENCES concern_referrals (id),
      their_reference TEXT,
      outcome TEXT,
      follow_up_on TEXT,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX concern_referral_updates_referral ON concern_referral_updates (referral_id, at);
    ${appendOnly('concern_referral_updates', 'Referral updates')}

    CREATE TABLE chronology_diary_marks (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children (id),
      entry_id TEXT NOT NULL REFERENCES diary_entries (id),
      note TEXT,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL,
      UNIQUE (entry_id)
    );
    CREATE INDEX chronology_diary_marks_child ON chronology_diary_marks (child_id);
    ${appendOnly('chronology_diary_marks', 'Diary entries in a chronology')}

    CREATE TABLE partner_concern_arrangements (
      id TEXT PRIMARY KEY,
      partner_id TEXT NOT NULL REFERENCES partners (id),
      whom TEXT NOT NULL,
      how TEXT NOT NULL,
      how_fast TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX partner_concern_arrangements_partner ON partner_concern_arrangements (partner_id, at);
    ${appendOnly('partner_concern_arrangements', 'Arrangements with partners about concerns')}

    CREATE TABLE professional_visits (
      id TEXT PRIMARY KEY,
      child_id TEXT REFERENCES children (id),
      visitor_name TEXT NOT NULL,
      agency TEXT NOT NULL,
      visit_on TEXT NOT NULL,
      arrived_at TEXT NOT NULL,
      left_at TEXT,
      purpose TEXT NOT NULL,
      supervised_by TEXT NOT NULL REFERENCES users (id),
      supervised_by_name TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX professional_visits_child ON professional_visits (child_id, visit_on);
    ${appendOnly('professional_visits', 'Records of visiting professionals')}

    CREATE TABLE safeguarding_transfers (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children (id),
      sent_to TEXT NOT NULL,
      sent_on TEXT NOT NULL,
      how TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    ${appendOnly('safeguarding_transfers', 'Records of transferred files')}

    CREATE TABLE safeguarding_transfer_receipts (
      transfer_id TEXT PRIMARY KEY REFERENCES safeguarding_transfers (id),
      confirmed_by TEXT NOT NULL,
      received_on TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    ${appendOnly('safeguarding_transfer_receipts', 'Receipts of transferred files')}
  `,
};
