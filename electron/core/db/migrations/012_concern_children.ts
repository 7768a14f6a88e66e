import type { Migration } from '../migrations';
import { appendOnlyTriggers } from './append-only';

/**
 * Other children involved in a concern (issue 18): a child-on-child incident, siblings. Concerns are
 * append-only, so naming a child after the fact is a row here, never an edit of the concern; each
 * linked child's chronology shows the concern.
 */
export const m012ConcernChildren: Migration = {
  version: 12,
  name: 'children linked to a concern',
  sql: `
    CREATE TABLE concern_children (
      concern_id TEXT NOT NULL REFERENCES concerns (id),
      child_id TEXT NOT NULL REFERENCES children (id),
      role TEXT,
      linked_by TEXT NOT NULL REFERENCES users (id),
      linked_by_name TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (concern_id, child_id)
    );
    CREATE INDEX concern_children_child ON concern_children (child_id);
    ${appendOnlyTriggers('concern_children', 'Links between a concern and a child', 'add another link instead')}
  `,
};
