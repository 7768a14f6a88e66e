import type { Migration } from '../migrations';
import { appendOnlyTriggers } from './append-only';

/**
 * Issue 13: the information sharing agreement (versions and signatures), observations with next
 * steps, and joint home visits with where their notes were shared.
 *
 * - `agreements`: one row per version of a child's agreement. A draft's parts may be changed while
 *   nobody has signed it; once `signed_at` is set (the last signature) the row is frozen by trigger,
 *   with the records it relied on (`records_json`) and its signers (`signers_json`) kept as they were.
 * - `agreement_signatures`: append-only; one per signer per version.
 * - `observations`: an observation is written once; only its next step's status moves on (kept with
 *   who and when). `partner_id` set: typed in from a partner setting, third-party information.
 * - `home_visits` and `home_visit_shares`: append-only, like the diary's shares.
 */
export const m010AgreementsObservations: Migration = {
  version: 10,
  name: 'information sharing agreements, observations and home visits',
  sql: `
    CREATE TABLE agreements (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      version INTEGER NOT NULL,
      settings_json TEXT NOT NULL DEFAULT '[]',
      child_json TEXT NOT NULL DEFAULT '{}',
      sharing_json TEXT NOT NULL DEFAULT '{}',
      review_on TEXT,
      records_json TEXT,
      signers_json TEXT,
      signed_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id),
      UNIQUE (child_id, version)
    );
    CREATE TRIGGER agreements_signed_frozen BEFORE UPDATE ON agreements WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'A signed agreement is never changed: a change makes a new version.'); END;
    CREATE TRIGGER agreements_no_delete BEFORE DELETE ON agreements
      BEGIN SELECT RAISE(ABORT, 'Agreements are never deleted.'); END;

    CREATE TABLE agreement_signatures (
      id TEXT PRIMARY KEY,
      agreement_id TEXT NOT NULL REFERENCES agreements(id),
      signer_key TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('drawn', 'typed', 'paper')),
      image TEXT,
      typed_name TEXT,
      signed_on TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id),
      UNIQUE (agreement_id, signer_key)
    );
    ${appendOnlyTriggers('agreement_signatures', 'Signatures', 'a change to the agreement makes a new version to sign')}

    CREATE TABLE observations (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      observed_on TEXT NOT NULL,
      areas TEXT NOT NULL,
      text TEXT NOT NULL,
      partner_id TEXT REFERENCES partners(id),
      observer_name TEXT NOT NULL,
      next_step TEXT,
      next_step_status TEXT CHECK (next_step_status IN ('planned', 'in-progress', 'achieved')),
      next_step_where TEXT CHECK (next_step_where IN ('home', 'here', 'partner')),
      next_step_updated_at TEXT,
      next_step_updated_by TEXT REFERENCES users(id),
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id)
    );
    CREATE INDEX observations_child ON observations (child_id, observed_on);
    CREATE TRIGGER observations_written_once BEFORE UPDATE OF child_id, observed_on, areas, text, partner_id, observer_name, next_step, recorded_at, recorded_by ON observations
      BEGIN SELECT RAISE(ABORT, 'An observation is never rewritten: only its next step moves on.'); END;
    CREATE TRIGGER observations_no_delete BEFORE DELETE ON observations
      BEGIN SELECT RAISE(ABORT, 'Observations are never deleted.'); END;

    CREATE TABLE home_visits (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      visited_on TEXT NOT NULL,
      who TEXT NOT NULL,
      from_us INTEGER NOT NULL,
      partner_ids TEXT NOT NULL DEFAULT '[]',
      notes TEXT NOT NULL,
      next_steps TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id)
    );
    CREATE INDEX home_visits_child ON home_visits (child_id, visited_on);
    ${appendOnlyTriggers('home_visits', 'Home visit records', 'add a new record')}

    CREATE TABLE home_visit_shares (
      id TEXT PRIMARY KEY,
      visit_id TEXT NOT NULL REFERENCES home_visits(id),
      partner_id TEXT NOT NULL REFERENCES partners(id),
      consent_id TEXT REFERENCES consents(id),
      method TEXT NOT NULL,
      shared_at TEXT NOT NULL,
      shared_by TEXT REFERENCES users(id)
    );
    ${appendOnlyTriggers('home_visit_shares', 'Shares of home visit notes', 'record a new share')}
  `,
};
