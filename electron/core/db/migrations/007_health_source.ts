import type { Migration } from '../migrations';

/**
 * Where a health record came from (issue 9.6, our policy 1.3): ours, or another agency (a health
 * visitor's care plan, a letter from the GP). `source_partner_id` names a partner in the directory;
 * `source_agency` names one that is not. Both NULL means the record is ours, which is what every
 * record written before this migration was taken to be: no old row changes meaning.
 */
export const m007HealthSource: Migration = {
  version: 7,
  name: 'health records: where they came from',
  sql: `
    ALTER TABLE health_items ADD COLUMN source_partner_id TEXT REFERENCES partners(id);
    ALTER TABLE health_items ADD COLUMN source_agency TEXT;
  `,
};
