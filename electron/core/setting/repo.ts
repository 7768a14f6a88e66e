import type { z } from 'zod';
import { TwoWayError } from '../../../shared/contract/errors';
import { blankToNull } from '../../../shared/contract/fields';
import type { Policy, policyAddSchema, policyReviewSchema, SettingProfile, settingUpdateSchema } from '../../../shared/contract/setting';
import type { Db } from '../db/connection';
import { all, get, newId, run } from '../db/sql';
import { readSettings, writeSettings } from '../settings/repo';

interface ProfileRow {
  address: string | null;
  urn: string | null;
  phone: string | null;
  email: string | null;
  opening_hours: string | null;
  dsl_user_id: string | null;
  dsl_name: string | null;
  deputy_dsl_user_id: string | null;
  deputy_name: string | null;
  manager_user_id: string | null;
  manager_name: string | null;
  updated_at: string | null;
  updated_by_name: string | null;
}

export function readProfile(db: Db, fallbackName: string): SettingProfile {
  const r = get<ProfileRow>(
    db,
    `SELECT s.*, d.full_name AS dsl_name, dd.full_name AS deputy_name, m.full_name AS manager_name, u.full_name AS updated_by_name
     FROM setting_profile s
     LEFT JOIN users d ON d.id = s.dsl_user_id
     LEFT JOIN users dd ON dd.id = s.deputy_dsl_user_id
     LEFT JOIN users m ON m.id = s.manager_user_id
     LEFT JOIN users u ON u.id = s.updated_by
     WHERE s.id = 1`,
  );
  return {
    name: readSettings(db, fallbackName).settingName,
    address: r?.address ?? null,
    urn: r?.urn ?? null,
    phone: r?.phone ?? null,
    email: r?.email ?? null,
    openingHours: r?.opening_hours ?? null,
    dslUserId: r?.dsl_user_id ?? null,
    dslName: r?.dsl_name ?? null,
    deputyDslUserId: r?.deputy_dsl_user_id ?? null,
    deputyDslName: r?.deputy_name ?? null,
    managerUserId: r?.manager_user_id ?? null,
    managerName: r?.manager_name ?? null,
    updatedAt: r?.updated_at ?? null,
    updatedByName: r?.updated_by_name ?? null,
  };
}

export function updateProfile(db: Db, input: z.output<typeof settingUpdateSchema>, userId: string, at: string): void {
  for (const field of ['dslUserId', 'deputyDslUserId', 'managerUserId'] as const) {
    const id = input[field];
    if (id && !get(db, 'SELECT 1 AS x FROM users WHERE id = $id AND active = 1', { id })) {
      throw new TwoWayError('invalid-input', 'Some details need correcting.', { issues: [{ path: [field], message: 'Choose an active member of staff.' }] });
    }
  }
  if (input.name) writeSettings(db, { settingName: input.name });
  run(db, 'INSERT OR IGNORE INTO setting_profile (id) VALUES (1)');
  const columns: Record<string, string | null> = {};
  if (input.address !== undefined) columns.address = blankToNull(input.address);
  if (input.urn !== undefined) columns.urn = blankToNull(input.urn?.toUpperCase());
  if (input.phone !== undefined) columns.phone = blankToNull(input.phone);
  if (input.email !== undefined) columns.email = blankToNull(input.email);
  if (input.openingHours !== undefined) columns.opening_hours = blankToNull(input.openingHours);
  if (input.dslUserId !== undefined) columns.dsl_user_id = input.dslUserId || null;
  if (input.deputyDslUserId !== undefined) columns.deputy_dsl_user_id = input.deputyDslUserId || null;
  if (input.managerUserId !== undefined) columns.manager_user_id = input.managerUserId || null;
  const keys = Object.keys(columns);
  const sets = [...keys.map((k) => `${k} = $c_${k}`), 'updated_at = $at', 'updated_by = $by'];
  const params: Record<string, string | null> = { at, by: userId };
  for (const k of keys) params[`c_${k}`] = columns[k];
  run(db, `UPDATE setting_profile SET ${sets.join(', ')} WHERE id = 1`, params);
}

export function listStaff(db: Db) {
  return all<{ id: string; full_name: string; roles: string }>(db, 'SELECT id, full_name, roles FROM users WHERE active = 1 ORDER BY full_name COLLATE NOCASE').map((r) => ({
    id: r.id,
    fullName: r.full_name,
    roles: JSON.parse(r.roles) as never[],
  }));
}

interface PolicyRow {
  id: string;
  title: string;
  adopted_on: string;
  next_review_on: string;
  notes: string | null;
}

export function listPolicies(db: Db, today: string): Policy[] {
  const reviews = all<{ policy_id: string; reviewed_on: string; next_review_on: string; note: string | null; recorded_at: string; by_name: string | null }>(
    db,
    `SELECT r.*, u.full_name AS by_name FROM policy_reviews r LEFT JOIN users u ON u.id = r.recorded_by ORDER BY r.reviewed_on DESC, r.recorded_at DESC`,
  );
  return all<PolicyRow>(db, 'SELECT * FROM policies WHERE retired_at IS NULL ORDER BY next_review_on, title COLLATE NOCASE').map((p) => {
    const own = reviews.filter((r) => r.policy_id === p.id);
    return {
      id: p.id,
      title: p.title,
      adoptedOn: p.adopted_on,
      lastReviewedOn: own[0]?.reviewed_on ?? null,
      nextReviewOn: p.next_review_on,
      overdue: p.next_review_on < today,
      notes: p.notes,
      reviews: own.map((r) => ({ reviewedOn: r.reviewed_on, nextReviewOn: r.next_review_on, note: r.note, recordedAt: r.recorded_at, recordedByName: r.by_name })),
    };
  });
}

function requirePolicy(db: Db, id: string): PolicyRow {
  const row = get<PolicyRow>(db, 'SELECT * FROM policies WHERE id = $id AND retired_at IS NULL', { id });
  if (!row) throw new TwoWayError('not-found', 'That policy was not found.');
  return row;
}

export function addPolicy(db: Db, input: z.output<typeof policyAddSchema>, userId: string, at: string): string {
  const id = newId();
  run(
    db,
    `INSERT INTO policies (id, title, adopted_on, next_review_on, notes, created_at, created_by, updated_at, updated_by)
     VALUES ($id, $title, $adopted, $next, $notes, $at, $by, $at, $by)`,
    { id, title: input.title, adopted: input.adoptedOn, next: input.nextReviewOn, notes: blankToNull(input.notes), at, by: userId },
  );
  return id;
}

export function reviewPolicy(db: Db, input: z.output<typeof policyReviewSchema>, userId: string, at: string): void {
  const policy = requirePolicy(db, input.policyId);
  if (input.reviewedOn < policy.adopted_on) {
    throw new TwoWayError('invalid-input', 'Some details need correcting.', { issues: [{ path: ['reviewedOn'], message: 'This is before the policy was adopted.' }] });
  }
  run(
    db,
    `INSERT INTO policy_reviews (id, policy_id, reviewed_on, next_review_on, note, recorded_at, recorded_by)
     VALUES ($id, $policy, $reviewed, $next, $note, $at, $by)`,
    { id: newId(), policy: policy.id, reviewed: input.reviewedOn, next: input.nextReviewOn, note: blankToNull(input.note), at, by: userId },
  );
  run(db, 'UPDATE policies SET next_review_on = $next, updated_at = $at, updated_by = $by WHERE id = $id', { id: policy.id, next: input.nextReviewOn, at, by: userId });
}

export function retirePolicy(db: Db, policyId: string, reason: string, userId: string, at: string): void {
  requirePolicy(db, policyId);
  run(db, 'UPDATE policies SET retired_at = $at, retired_by = $by, retired_reason = $reason, updated_at = $at, updated_by = $by WHERE id = $id', {
    id: policyId,
    at,
    by: userId,
    reason,
  });
}
