import { pastDayProblem } from '../../../shared/domain/day-rules';
import type { z } from 'zod';
import type {
  contactCreateSchema,
  contactUpdateSchema,
  EmergencyContact,
  HealthItem,
  healthCreateSchema,
  healthUpdateSchema,
} from '../../../shared/contract/children';
import { TwoWayError } from '../../../shared/contract/errors';
import { blankToNull, fieldError } from '../../../shared/contract/fields';
import { addMonthsToDay } from '../../../shared/domain/weekdays';
import type { Db } from '../db/connection';
import { all, bit, bool, fromJson, get, newId, run, toJson } from '../db/sql';
import { updateColumns } from '../partners/repo';

export function requireChildRow(db: Db, childId: string): { id: string } {
  const row = get<{ id: string }>(db, 'SELECT id FROM children WHERE id = $childId', { childId });
  if (!row) throw new TwoWayError('not-found', 'That child was not found.');
  return row;
}

// ---------------------------------------------------------------------------------------
// Emergency contacts
// ---------------------------------------------------------------------------------------

interface ContactRow {
  id: string;
  child_id: string;
  priority: number;
  name: string;
  relationship: string;
  phone: string;
  alt_phone: string | null;
  can_collect: number;
  last_verified_on: string;
  notes: string | null;
  updated_at: string;
  updated_by_name: string | null;
}

/** Contacts last verified before this day need checking with the parents. */
export function contactCheckCutoff(today: string, months: number): string {
  return addMonthsToDay(today, -months);
}

export function listContacts(db: Db, childId: string, cutoff: string): EmergencyContact[] {
  return all<ContactRow>(
    db,
    `SELECT e.*, u.full_name AS updated_by_name FROM emergency_contacts e LEFT JOIN users u ON u.id = e.updated_by
     WHERE e.child_id = $childId AND e.removed_at IS NULL ORDER BY e.priority`,
    { childId },
  ).map((r, i) => ({
    id: r.id,
    priority: i + 1,
    name: r.name,
    relationship: r.relationship,
    phone: r.phone,
    altPhone: r.alt_phone,
    canCollect: bool(r.can_collect),
    lastVerifiedOn: r.last_verified_on,
    needsCheck: r.last_verified_on < cutoff,
    notes: r.notes,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  }));
}

export function insertContact(db: Db, c: z.output<typeof contactCreateSchema>, today: string, userId: string, at: string): string {
  requireChildRow(db, c.childId);
  const checked = pastDayProblem(c.lastVerifiedOn, today, 'This date');
  if (checked) throw fieldError('lastVerifiedOn', checked);
  const next = get<{ n: number | null }>(db, 'SELECT max(priority) AS n FROM emergency_contacts WHERE child_id = $childId', { childId: c.childId })?.n ?? 0;
  const id = newId();
  run(
    db,
    `INSERT INTO emergency_contacts (id, child_id, priority, name, relationship, phone, alt_phone, can_collect, last_verified_on, notes,
       created_at, created_by, updated_at, updated_by)
     VALUES ($id, $childId, $priority, $name, $relationship, $phone, $alt, $canCollect, $verified, $notes, $at, $by, $at, $by)`,
    {
      id,
      childId: c.childId,
      priority: next + 1,
      name: c.name,
      relationship: c.relationship,
      phone: c.phone,
      alt: blankToNull(c.altPhone),
      canCollect: bit(c.canCollect),
      verified: c.lastVerifiedOn,
      notes: blankToNull(c.notes),
      at,
      by: userId,
    },
  );
  return id;
}

function requireContact(db: Db, id: string): { id: string; child_id: string; priority: number } {
  const row = get<{ id: string; child_id: string; priority: number }>(db, 'SELECT id, child_id, priority FROM emergency_contacts WHERE id = $id AND removed_at IS NULL', { id });
  if (!row) throw new TwoWayError('not-found', 'That emergency contact was not found.');
  return row;
}

export function updateContact(db: Db, c: z.output<typeof contactUpdateSchema>, today: string, userId: string, at: string): string {
  const row = requireContact(db, c.contactId);
  const checked = c.lastVerifiedOn ? pastDayProblem(c.lastVerifiedOn, today, 'This date') : null;
  if (checked) throw fieldError('lastVerifiedOn', checked);
  const columns: Record<string, string | number | null> = {};
  if (c.name !== undefined) columns.name = c.name;
  if (c.relationship !== undefined) columns.relationship = c.relationship;
  if (c.phone !== undefined) columns.phone = c.phone;
  if (c.altPhone !== undefined) columns.alt_phone = blankToNull(c.altPhone);
  if (c.canCollect !== undefined) columns.can_collect = bit(c.canCollect);
  if (c.lastVerifiedOn !== undefined) columns.last_verified_on = c.lastVerifiedOn;
  if (c.notes !== undefined) columns.notes = blankToNull(c.notes);
  updateColumns(db, 'emergency_contacts', row.id, columns, userId, at);
  return row.child_id;
}

export function moveContact(db: Db, contactId: string, direction: 'up' | 'down', userId: string, at: string): string {
  const row = requireContact(db, contactId);
  const neighbour = get<{ id: string; priority: number }>(
    db,
    direction === 'up'
      ? 'SELECT id, priority FROM emergency_contacts WHERE child_id = $childId AND removed_at IS NULL AND priority < $p ORDER BY priority DESC LIMIT 1'
      : 'SELECT id, priority FROM emergency_contacts WHERE child_id = $childId AND removed_at IS NULL AND priority > $p ORDER BY priority LIMIT 1',
    { childId: row.child_id, p: row.priority },
  );
  if (!neighbour) return row.child_id;
  updateColumns(db, 'emergency_contacts', row.id, { priority: neighbour.priority }, userId, at);
  updateColumns(db, 'emergency_contacts', neighbour.id, { priority: row.priority }, userId, at);
  return row.child_id;
}

export function removeContact(db: Db, contactId: string, reason: string, userId: string, at: string): string {
  const row = requireContact(db, contactId);
  run(db, 'UPDATE emergency_contacts SET removed_at = $at, removed_by = $by, removed_reason = $reason, updated_at = $at, updated_by = $by WHERE id = $id', {
    id: row.id,
    at,
    by: userId,
    reason,
  });
  return row.child_id;
}

// ---------------------------------------------------------------------------------------
// Health
// ---------------------------------------------------------------------------------------

interface HealthRow {
  id: string;
  child_id: string;
  kind: HealthItem['kind'];
  name: string;
  severity: HealthItem['severity'];
  reaction: string | null;
  action_plan: string | null;
  dose: string | null;
  timing: string | null;
  expires_on: string | null;
  stored_where: string | null;
  details: string | null;
  arrangements: string;
  parents_do: string | null;
  source_partner_id: string | null;
  source_agency: string | null;
  ended_at: string | null;
  ended_by_name: string | null;
  ended_reason: string | null;
  updated_at: string;
  updated_by_name: string | null;
}

const KIND_ORDER = "CASE h.kind WHEN 'allergy' THEN 0 WHEN 'medication' THEN 1 ELSE 2 END";

export function listHealth(db: Db, childId: string, today: string, settingName: string, opts: { includeEnded?: boolean } = {}): HealthItem[] {
  const partnerNames = new Map(all<{ id: string; name: string }>(db, 'SELECT id, name FROM partners').map((p) => [p.id, p.name]));
  return all<HealthRow>(
    db,
    `SELECT h.*, u.full_name AS updated_by_name, e.full_name AS ended_by_name FROM health_items h
     LEFT JOIN users u ON u.id = h.updated_by LEFT JOIN users e ON e.id = h.ended_by
     WHERE h.child_id = $childId ${opts.includeEnded ? '' : 'AND h.ended_at IS NULL'}
     ORDER BY h.ended_at IS NOT NULL, ${KIND_ORDER}, h.name COLLATE NOCASE`,
    { childId },
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    severity: r.severity,
    reaction: r.reaction,
    actionPlan: r.action_plan,
    dose: r.dose,
    timing: r.timing,
    expiresOn: r.expires_on,
    expired: !!r.expires_on && r.expires_on < today,
    storedWhere: r.stored_where,
    details: r.details,
    arrangements: fromJson<{ partnerId: string | null; who: string }[]>(r.arrangements, []).map((a) => ({
      partnerId: a.partnerId,
      settingName: a.partnerId ? (partnerNames.get(a.partnerId) ?? 'Another setting') : settingName,
      who: a.who,
    })),
    parentsDo: r.parents_do,
    // Both empty: ours (every record from before sources were kept means that).
    source:
      r.source_partner_id || r.source_agency
        ? { partnerId: r.source_partner_id, agency: (r.source_partner_id ? partnerNames.get(r.source_partner_id) : null) ?? r.source_agency ?? 'Another agency' }
        : null,
    ended: r.ended_at ? { at: r.ended_at, byName: r.ended_by_name, reason: r.ended_reason ?? '' } : null,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  }));
}

type HealthFields = Omit<z.output<typeof healthCreateSchema>, 'childId'>;

function healthColumns(db: Db, h: HealthFields): Record<string, string | null> {
  for (const [i, a] of (h.arrangements ?? []).entries()) {
    if (a.partnerId && !get(db, 'SELECT 1 AS x FROM partners WHERE id = $id', { id: a.partnerId })) {
      throw new TwoWayError('invalid-input', 'Some details need correcting.', { issues: [{ path: ['arrangements', i, 'partnerId'], message: 'Choose a partner from the directory.' }] });
    }
  }
  const fromAgency = h.source === 'agency';
  const sourcePartnerId = fromAgency ? (h.sourcePartnerId ?? null) : null;
  if (sourcePartnerId && !get(db, 'SELECT 1 AS x FROM partners WHERE id = $id', { id: sourcePartnerId })) {
    throw new TwoWayError('invalid-input', 'Some details need correcting.', { issues: [{ path: ['sourcePartnerId'], message: 'Choose the agency from the list.' }] });
  }
  const medication = h.kind === 'medication';
  return {
    kind: h.kind,
    name: h.name,
    severity: h.kind === 'allergy' ? (h.severity ?? null) : null,
    reaction: h.kind === 'allergy' ? blankToNull(h.reaction) : null,
    action_plan: blankToNull(h.actionPlan),
    dose: medication ? blankToNull(h.dose) : null,
    timing: medication ? blankToNull(h.timing) : null,
    expires_on: medication ? blankToNull(h.expiresOn) : null,
    stored_where: medication ? blankToNull(h.storedWhere) : null,
    details: blankToNull(h.details),
    arrangements: toJson((h.arrangements ?? []).map((a) => ({ partnerId: a.partnerId, who: a.who }))),
    parents_do: blankToNull(h.parentsDo),
    source_partner_id: sourcePartnerId,
    // A partner from the directory is named by the directory; a typed name only otherwise.
    source_agency: fromAgency && !sourcePartnerId ? blankToNull(h.sourceAgency) : null,
  };
}

export function insertHealth(db: Db, h: z.output<typeof healthCreateSchema>, userId: string, at: string): string {
  requireChildRow(db, h.childId);
  const cols = healthColumns(db, h);
  const id = newId();
  const keys = Object.keys(cols);
  const params: Record<string, string | null> = { id, childId: h.childId, at, by: userId };
  for (const k of keys) params[`c_${k}`] = cols[k];
  run(
    db,
    `INSERT INTO health_items (id, child_id, ${keys.join(', ')}, created_at, created_by, updated_at, updated_by)
     VALUES ($id, $childId, ${keys.map((k) => `$c_${k}`).join(', ')}, $at, $by, $at, $by)`,
    params,
  );
  return id;
}

function requireHealth(db: Db, id: string): { id: string; child_id: string; kind: string } {
  const row = get<{ id: string; child_id: string; kind: string }>(db, 'SELECT id, child_id, kind FROM health_items WHERE id = $id AND ended_at IS NULL', { id });
  if (!row) throw new TwoWayError('not-found', 'That health record was not found.');
  return row;
}

export function updateHealth(db: Db, h: z.output<typeof healthUpdateSchema>, userId: string, at: string): string {
  const row = requireHealth(db, h.healthId);
  const { healthId: _ignored, ...fields } = h;
  updateColumns(db, 'health_items', row.id, healthColumns(db, fields), userId, at);
  return row.child_id;
}

export function endHealth(db: Db, healthId: string, reason: string, userId: string, at: string): string {
  const row = requireHealth(db, healthId);
  run(db, 'UPDATE health_items SET ended_at = $at, ended_by = $by, ended_reason = $reason, updated_at = $at, updated_by = $by WHERE id = $id', {
    id: row.id,
    at,
    by: userId,
    reason,
  });
  return row.child_id;
}
