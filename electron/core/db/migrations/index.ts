import type { Migration } from '../migrations';
import { m001Foundation } from './001_foundation';
import { m002Children } from './002_children';
import { m003Diary } from './003_diary';
import { m004Sharing } from './004_sharing';
import { m005AuditOutcomes } from './005_audit_outcomes';
import { m006Concerns } from './006_concerns';
import { m007HealthSource } from './007_health_source';
import { m008Backups } from './008_backups';

/** Every migration, in order. A feature adds its own numbered file and one line here. */
export const MIGRATIONS: readonly Migration[] = [m001Foundation, m002Children, m003Diary, m004Sharing, m005AuditOutcomes, m006Concerns, m007HealthSource, m008Backups];
