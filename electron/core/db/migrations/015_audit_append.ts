import type { Migration } from '../migrations';

/**
 * Every sensitive read and every write appends one audit entry, so the entry's cost is in every
 * call (issue 15: the core within 1.5× of the raw query). Each index on `audit_log` is one more
 * page to encrypt and write per entry. These two were never used: the trail's lists filter with
 * ORs, date ranges and JSON and show the newest first (`listAudit`), which SQLite answers by
 * walking the table in `seq` order either way (EXPLAIN QUERY PLAN on the benchmark's data set: no
 * query of the core chose them). Without them each entry writes two pages fewer. The partial indexes of migration 005 stay: they index only refusals and
 * second-person confirmations, which reads do not write.
 */
export const m015AuditAppend: Migration = {
  version: 15,
  name: 'audit_append',
  sql: `
    DROP INDEX IF EXISTS audit_log_user;
    DROP INDEX IF EXISTS audit_log_at;
  `,
};
