import type { Migration } from '../migrations';

/**
 * The audit trail records more than successful calls (issue 10.6, 11.17):
 * - `outcome`: NULL for a call that did what it was asked; 'refused' (forbidden, not logged in,
 *   invalid input, a wrong password…) or 'failed-login';
 * - `reason`: why it was refused (an error code, never the input);
 * - `detail`: the username tried at a failed login (never the password), or a count of entries that
 *   could not be kept one by one;
 * - `confirmed_by`: the second person who confirmed at the same laptop with their own password (they
 *   are not the session user, and filtering by them must find it).
 * Adding columns rewrites no row, and the hash of a row whose new fields are all NULL is computed as
 * before, so every existing entry keeps verifying.
 */
export const m005AuditOutcomes: Migration = {
  version: 5,
  name: 'audit trail: refusals, failed logins and second persons',
  sql: `
    ALTER TABLE audit_log ADD COLUMN outcome TEXT;
    ALTER TABLE audit_log ADD COLUMN reason TEXT;
    ALTER TABLE audit_log ADD COLUMN detail TEXT;
    ALTER TABLE audit_log ADD COLUMN confirmed_by TEXT;
    CREATE INDEX audit_log_confirmed_by ON audit_log (confirmed_by) WHERE confirmed_by IS NOT NULL;
    CREATE INDEX audit_log_outcome ON audit_log (outcome, seq) WHERE outcome IS NOT NULL;
  `,
};
