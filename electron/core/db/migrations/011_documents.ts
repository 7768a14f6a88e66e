import type { Migration } from '../migrations';
import { appendOnlyTriggers } from './append-only';

/**
 * Documents kept with the records (issue 18). The bytes are a BLOB inside the encrypted database,
 * never a file in the data folder. `owner_type` + `owner_id` say what a document is attached to; the
 * allowed owner types are a list in the contract (`DOCUMENT_OWNER_TYPES`), not a CHECK here, so the
 * agreement and meeting features can add theirs without rebuilding this table. `child_id` is the
 * child it is about, worked out by the core from the owner (for the audit trail and the child's file).
 *
 * A document is never edited: a new version is another row with `series_id` of the first. Removal
 * (a disposal, with a manager's password) deletes the content row only; `document_removals` says
 * who, when and why, and the metadata row stays so the history is honest. secure_delete is on for
 * the connection (db/connection.ts), so the deleted pages are zeroed.
 */
export const m011Documents: Migration = {
  version: 11,
  name: 'documents kept with the records',
  sql: `
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      owner_type TEXT NOT NULL,
      owner_id TEXT NOT NULL,
      child_id TEXT NOT NULL REFERENCES children (id),
      series_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      title TEXT NOT NULL,
      refers_to TEXT,
      source_partner_id TEXT REFERENCES partners (id),
      source_agency TEXT,
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      scaled INTEGER NOT NULL DEFAULT 0,
      added_by TEXT NOT NULL REFERENCES users (id),
      added_by_name TEXT NOT NULL,
      added_at TEXT NOT NULL,
      UNIQUE (series_id, version)
    );
    CREATE INDEX documents_owner ON documents (owner_type, owner_id);
    CREATE INDEX documents_child ON documents (child_id);
    ${appendOnlyTriggers('documents', 'Documents', 'add a new version instead')}

    CREATE TABLE document_contents (
      document_id TEXT PRIMARY KEY REFERENCES documents (id),
      data BLOB NOT NULL,
      original BLOB
    );
    CREATE TRIGGER document_contents_no_update BEFORE UPDATE ON document_contents
      BEGIN SELECT RAISE(ABORT, 'A document is never changed: add a new version instead.'); END;
    CREATE TRIGGER document_contents_delete_only_removed BEFORE DELETE ON document_contents
      WHEN NOT EXISTS (SELECT 1 FROM document_removals WHERE document_id = OLD.document_id)
      BEGIN SELECT RAISE(ABORT, 'A document is removed only with a manager''s confirmation.'); END;

    CREATE TABLE document_removals (
      document_id TEXT PRIMARY KEY REFERENCES documents (id),
      removed_by TEXT NOT NULL REFERENCES users (id),
      removed_by_name TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    );
    ${appendOnlyTriggers('document_removals', 'Removals of documents', 'they are the record that a document was removed')}
  `,
};
