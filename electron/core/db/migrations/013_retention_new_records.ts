import type { Migration } from '../migrations';

/**
 * The records added beside retention (agreements, observations, home visits, documents, children
 * linked to a concern) are append-only like the others; disposal at the end of their retention
 * period (issue 16) is the one path that may remove them. Each delete trigger is made again with
 * its own words and `WHEN NOT EXISTS (SELECT 1 FROM retention_disposing)`, as migration 009 did for
 * the tables before them; outside a disposal a delete is refused exactly as before.
 */
const GUARDED: ReadonlyArray<readonly [string, string]> = [
  ['agreements', 'Agreements are never deleted.'],
  ['agreement_signatures', 'Signatures are never deleted.'],
  ['observations', 'Observations are never deleted.'],
  ['home_visits', 'Home visit records are never deleted.'],
  ['home_visit_shares', 'Shares of home visit notes are never deleted.'],
  ['documents', 'Documents are never deleted.'],
  ['document_removals', 'Removals of documents are never deleted.'],
  ['concern_children', 'Links between a concern and a child are never deleted.'],
];

export const m013RetentionNewRecords: Migration = {
  version: 13,
  name: 'retention: agreements, observations, home visits, documents and linked children',
  sql: `
    ${GUARDED.map(
      ([table, words]) => `
    DROP TRIGGER ${table}_no_delete;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      WHEN NOT EXISTS (SELECT 1 FROM retention_disposing)
      BEGIN SELECT RAISE(ABORT, '${words}'); END;`,
    ).join('\n')}
    DROP TRIGGER document_contents_delete_only_removed;
    CREATE TRIGGER document_contents_delete_only_removed BEFORE DELETE ON document_contents
      WHEN NOT EXISTS (SELECT 1 FROM document_removals WHERE document_id = OLD.document_id) AND NOT EXISTS (SELECT 1 FROM retention_disposing)
      BEGIN SELECT RAISE(ABORT, 'A document is removed only with a manager''s confirmation.'); END;
  `,
};
