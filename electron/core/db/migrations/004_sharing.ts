import type { Migration } from '../migrations';
import { appendOnlyTriggers } from './append-only';

const appendOnly = (table: string, what: string) => appendOnlyTriggers(table, what, 'add an addendum instead');

/**
 * Information-sharing decisions (issue 5). All three tables are append-only.
 *
 * - `sharing_decisions`: one row per decision, share or not share, written once. It freezes what the
 *   decision was made on: the engine's request and assessment (JSON), the items as they were at that
 *   moment (labels, kinds and content), the consent record relied on, the policy in force, and who
 *   decided with the roles they held. Names are copied so the record reads the same if a name changes.
 * - `sharing_authorisations`: at most one per decision: the second person's agreement (or refusal),
 *   who, when, how ('same-laptop-password' or 'own-login'), and the engine's assessment re-run with them.
 * - `sharing_addenda`: corrections and later notes: who, when, why and the text.
 *
 * The status is worked out from these rows; nothing is ever updated.
 */
export const m004Sharing: Migration = {
  version: 4,
  name: 'information-sharing decisions, authorisations and addenda',
  sql: `
    CREATE TABLE sharing_decisions (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children (id),
      partner_id TEXT NOT NULL REFERENCES partners (id),
      recipient_name TEXT NOT NULL,
      recipient_kind TEXT NOT NULL,
      recipient_contact TEXT,
      purpose TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('share', 'do-not-share')),
      reasons TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('share', 'do-not-share', 'needs-authorisation', 'needs-more-information')),
      basis TEXT,
      needs_authorisation INTEGER NOT NULL CHECK (needs_authorisation IN (0, 1)),
      proposal INTEGER NOT NULL CHECK (proposal IN (0, 1)),
      method TEXT NOT NULL,
      consent_scope TEXT,
      consent_id TEXT REFERENCES consents (id),
      consent_json TEXT,
      advice_from TEXT,
      advice_note TEXT,
      request_json TEXT NOT NULL,
      assessment_json TEXT NOT NULL,
      items_json TEXT NOT NULL,
      policy_json TEXT NOT NULL,
      decided_by TEXT NOT NULL REFERENCES users (id),
      decided_by_name TEXT NOT NULL,
      decided_by_roles TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      -- The calendar day in Europe/London, for the register's date filters.
      decided_day TEXT NOT NULL
    );
    CREATE INDEX sharing_decisions_child ON sharing_decisions (child_id, decided_at);
    CREATE INDEX sharing_decisions_partner ON sharing_decisions (partner_id, decided_at);
    CREATE INDEX sharing_decisions_day ON sharing_decisions (decided_day);
    ${appendOnly('sharing_decisions', 'Information-sharing decisions')}

    CREATE TABLE sharing_authorisations (
      id TEXT PRIMARY KEY,
      decision_id TEXT NOT NULL UNIQUE REFERENCES sharing_decisions (id),
      agreed INTEGER NOT NULL CHECK (agreed IN (0, 1)),
      authorised_by TEXT NOT NULL REFERENCES users (id),
      authorised_by_name TEXT NOT NULL,
      authorised_by_roles TEXT NOT NULL,
      how TEXT NOT NULL CHECK (how IN ('same-laptop-password', 'own-login')),
      note TEXT,
      assessment_json TEXT NOT NULL,
      policy_json TEXT NOT NULL,
      at TEXT NOT NULL
    );
    ${appendOnly('sharing_authorisations', 'Authorisations of sharing decisions')}

    CREATE TABLE sharing_addenda (
      id TEXT PRIMARY KEY,
      decision_id TEXT NOT NULL REFERENCES sharing_decisions (id),
      text TEXT NOT NULL,
      why TEXT NOT NULL,
      by_user TEXT NOT NULL REFERENCES users (id),
      by_name TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX sharing_addenda_decision ON sharing_addenda (decision_id, at);
    ${appendOnly('sharing_addenda', 'Addenda to sharing decisions')}
  `,
};
