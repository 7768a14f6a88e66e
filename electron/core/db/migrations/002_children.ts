import type { Migration } from '../migrations';
import { appendOnlyTriggers } from './append-only';

const appendOnly = (table: string, what: string) => appendOnlyTriggers(table, what, 'record a new entry instead');

/**
 * Our setting and its policies, the partners directory, children, parents and carers (with the
 * history of parental responsibility), emergency contacts, health, shared care, and the consent
 * register. Consents, withdrawals, acknowledgements, policy reviews and changes of parental
 * responsibility are append-only; children are never deleted.
 */
export const m002Children: Migration = {
  version: 2,
  name: 'children, families, partners and the consent register',
  sql: `
    CREATE TABLE setting_profile (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      address TEXT,
      urn TEXT,
      phone TEXT,
      email TEXT,
      opening_hours TEXT,
      dsl_user_id TEXT REFERENCES users(id),
      deputy_dsl_user_id TEXT REFERENCES users(id),
      manager_user_id TEXT REFERENCES users(id),
      updated_at TEXT,
      updated_by TEXT REFERENCES users(id)
    );

    CREATE TABLE policies (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      adopted_on TEXT NOT NULL,
      next_review_on TEXT NOT NULL,
      notes TEXT,
      retired_at TEXT,
      retired_by TEXT REFERENCES users(id),
      retired_reason TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );

    CREATE TABLE policy_reviews (
      id TEXT PRIMARY KEY,
      policy_id TEXT NOT NULL REFERENCES policies(id),
      reviewed_on TEXT NOT NULL,
      next_review_on TEXT NOT NULL,
      note TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id)
    );
    CREATE INDEX policy_reviews_policy ON policy_reviews (policy_id, reviewed_on);
    ${appendOnly('policy_reviews', 'Policy reviews')}

    CREATE TABLE partners (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('setting', 'childminder', 'school', 'health', 'social-care', 'police', 'send', 'other')),
      address TEXT,
      phone TEXT,
      email TEXT,
      secure_email TEXT,
      portal TEXT,
      secure_verified_note TEXT,
      secure_verified_on TEXT,
      contacts TEXT NOT NULL DEFAULT '[]',
      notes TEXT,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE TRIGGER partners_no_delete BEFORE DELETE ON partners
      BEGIN SELECT RAISE(ABORT, 'Partners are never deleted: mark them inactive.'); END;

    CREATE TABLE children (
      id TEXT PRIMARY KEY,
      legal_name TEXT NOT NULL,
      preferred_name TEXT,
      date_of_birth TEXT NOT NULL,
      room TEXT,
      status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'left', 'archived')),
      start_date TEXT,
      attendance TEXT NOT NULL DEFAULT '[]',
      home_languages TEXT NOT NULL DEFAULT '[]',
      key_person_user_id TEXT REFERENCES users(id),
      leaving_date TEXT,
      leaving_destination TEXT,
      leaving_partner_id TEXT REFERENCES partners(id),
      notes TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE INDEX children_status ON children (status, legal_name);
    CREATE TRIGGER children_no_delete BEFORE DELETE ON children
      BEGIN SELECT RAISE(ABORT, 'Children are never deleted: mark them as left or archived.'); END;

    CREATE TABLE carers (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      full_name TEXT NOT NULL,
      relationship TEXT NOT NULL,
      parental_responsibility INTEGER NOT NULL,
      lives_with_child INTEGER NOT NULL DEFAULT 0,
      phone TEXT,
      work_phone TEXT,
      email TEXT,
      address TEXT,
      must_not_collect INTEGER NOT NULL DEFAULT 0,
      restriction_note TEXT,
      court_order TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE INDEX carers_child ON carers (child_id);
    CREATE TRIGGER carers_no_delete BEFORE DELETE ON carers
      BEGIN SELECT RAISE(ABORT, 'Parents and carers are never deleted: consents name them.'); END;

    -- Parental responsibility over time: consent checks ask "did the giver hold it on that day?".
    -- effective_on NULL: from when the carer was first recorded.
    CREATE TABLE carer_pr_history (
      id TEXT PRIMARY KEY,
      carer_id TEXT NOT NULL REFERENCES carers(id),
      parental_responsibility INTEGER NOT NULL,
      effective_on TEXT,
      note TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id)
    );
    CREATE INDEX carer_pr_history_carer ON carer_pr_history (carer_id, effective_on);
    ${appendOnly('carer_pr_history', 'Changes of parental responsibility')}

    CREATE TABLE emergency_contacts (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      priority INTEGER NOT NULL,
      name TEXT NOT NULL,
      relationship TEXT NOT NULL,
      phone TEXT NOT NULL,
      alt_phone TEXT,
      can_collect INTEGER NOT NULL DEFAULT 0,
      last_verified_on TEXT NOT NULL,
      notes TEXT,
      removed_at TEXT,
      removed_by TEXT REFERENCES users(id),
      removed_reason TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE INDEX emergency_contacts_child ON emergency_contacts (child_id, priority);

    CREATE TABLE health_items (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      kind TEXT NOT NULL CHECK (kind IN ('allergy', 'medication', 'dietary')),
      name TEXT NOT NULL,
      severity TEXT,
      reaction TEXT,
      action_plan TEXT,
      dose TEXT,
      timing TEXT,
      expires_on TEXT,
      stored_where TEXT,
      details TEXT,
      arrangements TEXT NOT NULL DEFAULT '[]',
      parents_do TEXT,
      ended_at TEXT,
      ended_by TEXT REFERENCES users(id),
      ended_reason TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE INDEX health_items_child ON health_items (child_id, kind);

    -- The other settings a child attends: days is a JSON array of { day: 'mon'..'sun', session }.
    CREATE TABLE shared_care (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      partner_id TEXT NOT NULL REFERENCES partners(id),
      days TEXT NOT NULL DEFAULT '[]',
      key_person_name TEXT,
      key_person_contact TEXT,
      transfer_who TEXT,
      transfer_when TEXT,
      handover TEXT,
      starts_on TEXT,
      ends_on TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    );
    CREATE INDEX shared_care_child ON shared_care (child_id);
    CREATE INDEX shared_care_partner ON shared_care (partner_id);

    -- The consent register: append-only. recipients is 'all-partners' or a JSON array of partner ids.
    CREATE TABLE consents (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      scope TEXT NOT NULL CHECK (scope IN ('diary', 'observations', 'home-visits', 'additional-needs', 'transition', 'photos')),
      decision TEXT NOT NULL CHECK (decision IN ('given', 'refused')),
      recipients TEXT NOT NULL,
      given_by_carer_id TEXT NOT NULL REFERENCES carers(id),
      given_on TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('written', 'verbal')),
      expires_on TEXT,
      review_on TEXT,
      evidence TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id)
    );
    CREATE INDEX consents_child_scope ON consents (child_id, scope, given_on);
    ${appendOnly('consents', 'Consents')}

    CREATE TABLE consent_withdrawals (
      id TEXT PRIMARY KEY,
      consent_id TEXT NOT NULL UNIQUE REFERENCES consents(id),
      on_day TEXT NOT NULL,
      by_carer_id TEXT NOT NULL REFERENCES carers(id),
      reason TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id)
    );
    ${appendOnly('consent_withdrawals', 'Withdrawals of consent')}

    -- Registration form: the carer acknowledged the information-sharing policy (seed 001, 2.2 and 3.3).
    CREATE TABLE consent_acknowledgements (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      carer_id TEXT NOT NULL REFERENCES carers(id),
      on_day TEXT NOT NULL,
      method TEXT NOT NULL,
      note TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES users(id)
    );
    CREATE INDEX consent_acknowledgements_child ON consent_acknowledgements (child_id);
    ${appendOnly('consent_acknowledgements', 'Registration acknowledgements')}
  `,
};
