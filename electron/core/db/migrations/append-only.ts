/**
 * Triggers that refuse UPDATE and DELETE on a table of records that are legal history. `instead`
 * tells a developer what to do instead; the SQL each migration produces must never change once
 * released (a database that ran it keeps the triggers it made), so callers pass their own words.
 */
export function appendOnlyTriggers(table: string, what: string, instead: string): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what} are never changed: ${instead}.'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what} are never deleted.'); END;`;
}
