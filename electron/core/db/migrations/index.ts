import type { Migration } from '../migrations';
import { m001Foundation } from './001_foundation';
import { m002Children } from './002_children';
import { m003Diary } from './003_diary';
import { m004Sharing } from './004_sharing';
import { m005AuditOutcomes } from './005_audit_outcomes';
import { m006Concerns } from './006_concerns';
import { m007HealthSource } from './007_health_source';
import { m008Meetings } from './008_meetings';
import { m009Retention } from './009_retention';
import { m010AgreementsObservations } from './010_agreements_observations';
import { m011Documents } from './011_documents';
import { m012ConcernChildren } from './012_concern_children';
import { m013RetentionNewRecords } from './013_retention_new_records';
import { m014Backups } from './014_backups';
import { m015AuditAppend } from './015_audit_append';

/** Every migration, in order. A feature adds its own numbered file and one line here. */
export const MIGRATIONS: readonly Migration[] = [
  m001Foundation,
  m002Children,
  m003Diary,
  m004Sharing,
  m005AuditOutcomes,
  m006Concerns,
  m007HealthSource,
  m008Meetings,
  m009Retention,
  m010AgreementsObservations,
  m011Documents,
  m012ConcernChildren,
  m013RetentionNewRecords,
  m014Backups,
  m015AuditAppend,
];
