import type { Migration } from '../migrations';
import { appendOnlyTriggers } from './append-only';

/**
 * Tables whose rows were never deletable, and the words their triggers gave. Disposal at the end of a
 * retention period (issue 16) is the one path that may remove them: each trigger is made again with
 * the same words and `WHEN NOT EXISTS (SELECT 1 FROM retention_disposing)`. The core inserts that row
 * inside a disposal's transaction and deletes it before committing, so outside a disposal (and in any
 * tool that does not know about it) a delete is refused exactly as before.
 */
const GUARDED: ReadonlyArray<readonly [string, string]> = [
  ['audit_log', 'The audit log is append-only.'],
  ['children', 'Children are never deleted: mark them as left or archived.'],
  ['carers', 'Parents and carers are never deleted: consents name them.'],
  ['carer_pr_history', 'Changes of parental responsibility are never deleted.'],
  ['consents', 'Consents are never deleted.'],
  ['consent_withdrawals', 'Withdrawals of consent are never deleted.'],
  ['consent_acknowledgements', 'Registration acknowledgements are never deleted.'],
  ['diary_revisions', 'Diary entries are corrected by amendment, never deleted.'],
  ['diary_entries', 'Diary entries are never deleted.'],
  ['diary_shares', 'The sharing history is append-only.'],
  ['sharing_decisions', 'Information-sharing decisions are never deleted.'],
  ['sharing_authorisations', 'Authorisations of sharing decisions are never deleted.'],
  ['sharing_addenda', 'Addenda to sharing decisions are never deleted.'],
  ['concerns', 'Safeguarding concerns are never deleted.'],
  ['concern_body_marks', 'Body map marks are never deleted.'],
  ['concern_addenda', 'Addenda to concerns are never deleted.'],
  ['concern_opened', 'Records of who opened a concern are never deleted.'],
  ['concern_reviews', 'Reviews of concerns are never deleted.'],
  ['concern_actions', 'Actions on concerns are never deleted.'],
  ['concern_action_closures', 'Closed actions are never deleted.'],
  ['concern_referrals', 'Referrals are never deleted.'],
  ['concern_referral_updates', 'Referral updates are never deleted.'],
  ['chronology_diary_marks', 'Diary entries in a chronology are never deleted.'],
  ['professional_visits', 'Records of visiting professionals are never deleted.'],
  ['safeguarding_transfers', 'Records of transferred files are never deleted.'],
  ['safeguarding_transfer_receipts', 'Receipts of transferred files are never deleted.'],
];

const guardedDelete = ([table, words]: readonly [string, string], replacing = true) => `
    ${replacing ? `DROP TRIGGER ${table}_no_delete;` : ''}
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      WHEN NOT EXISTS (SELECT 1 FROM retention_disposing)
      BEGIN SELECT RAISE(ABORT, '${words}'); END;`;

/**
 * Retention (issue 16): rules a manager may change (the defaults live in the code, a row here only
 * when changed), decisions to keep a record set longer, the record of each disposal (what and how
 * much, never the content), what was kept of the audit chain where entries were disposed of, and
 * the subject access reviews (who decided what to release, redact or withhold, and why).
 */
export const m009Retention: Migration = {
  version: 9,
  name: 'retention rules, disposal and subject access reviews',
  sql: `
    -- A child's details are cleared when the children's records are disposed of; the name and dates
    -- stay while other records (the safeguarding file) are kept, and go with the last of them.
    ALTER TABLE children ADD COLUMN details_disposed_at TEXT;

    CREATE TABLE retention_disposing (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      disposal_id TEXT NOT NULL
    );

    CREATE TABLE retention_rules (
      id TEXT PRIMARY KEY,
      record_type TEXT NOT NULL,
      rule_json TEXT NOT NULL,
      reason TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      at TEXT NOT NULL
    );
    CREATE INDEX retention_rules_type ON retention_rules (record_type, at);
    ${appendOnlyTriggers('retention_rules', 'Changes to retention rules', 'record a new rule instead')}

    CREATE TABLE retention_holds (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children (id),
      record_type TEXT NOT NULL,
      reason TEXT NOT NULL,
      review_on TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      at TEXT NOT NULL
    );
    CREATE INDEX retention_holds_child ON retention_holds (child_id, record_type, at);
    CREATE TRIGGER retention_holds_no_update BEFORE UPDATE ON retention_holds
      BEGIN SELECT RAISE(ABORT, 'Decisions to keep records longer are never changed: record a new one.'); END;
    ${guardedDelete(['retention_holds', 'Decisions to keep records longer are never deleted.'], false)}

    CREATE TABLE retention_disposals (
      id TEXT PRIMARY KEY,
      record_type TEXT NOT NULL,
      child_reference TEXT NOT NULL,
      counts_json TEXT NOT NULL,
      due_on TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    ${appendOnlyTriggers('retention_disposals', 'Records of disposal', 'they are the proof of what was disposed of')}

    -- An audit entry disposed of with the records it referred to leaves its number and hashes, so
    -- the chain still verifies across the gap; nothing else of it is kept.
    CREATE TABLE audit_removed (
      seq INTEGER PRIMARY KEY,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      disposal_id TEXT NOT NULL
    );
    ${appendOnlyTriggers('audit_removed', 'Traces of disposed audit entries', 'they keep the chain whole')}

    CREATE TABLE subject_access_reviews (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children (id),
      requested_by TEXT NOT NULL,
      decisions_json TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX subject_access_reviews_child ON subject_access_reviews (child_id, at);
    CREATE TRIGGER subject_access_reviews_no_update BEFORE UPDATE ON subject_access_reviews
      BEGIN SELECT RAISE(ABORT, 'Subject access reviews are never changed: make a new one.'); END;
    ${guardedDelete(['subject_access_reviews', 'Subject access reviews are never deleted.'], false)}
    ${GUARDED.map((g) => guardedDelete(g)).join('\n')}
  `,
};
