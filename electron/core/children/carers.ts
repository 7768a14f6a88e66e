import type { z } from 'zod';
import type { Carer, carerCreateSchema, carerUpdateSchema, Restriction } from '../../../shared/contract/children';
import { TwoWayError } from '../../../shared/contract/errors';
import { blankToNull, fieldError } from '../../../shared/contract/fields';
import type { Db } from '../db/connection';
import { all, bit, bool, get, newId, run } from '../db/sql';
import { updateColumns } from '../partners/repo';

interface CarerRow {
  id: string;
  child_id: string;
  full_name: string;
  relationship: string;
  parental_responsibility: number;
  lives_with_child: number;
  phone: string | null;
  work_phone: string | null;
  email: string | null;
  address: string | null;
  must_not_collect: number;
  restriction_note: string | null;
  court_order: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  updated_by_name: string | null;
}

interface PrRow {
  carer_id: string;
  parental_responsibility: number;
  effective_on: string | null;
  note: string | null;
  recorded_at: string;
  by_name: string | null;
}

const SELECT = 'SELECT c.*, u.full_name AS updated_by_name FROM carers c LEFT JOIN users u ON u.id = c.updated_by';

export function listCarers(db: Db, childId: string): Carer[] {
  const rows = all<CarerRow>(db, `${SELECT} WHERE c.child_id = $childId ORDER BY c.parental_responsibility DESC, c.created_at`, { childId });
  const history = all<PrRow & { carer_id: string }>(
    db,
    `SELECT h.*, u.full_name AS by_name FROM carer_pr_history h JOIN carers c ON c.id = h.carer_id LEFT JOIN users u ON u.id = h.recorded_by
     WHERE c.child_id = $childId ORDER BY COALESCE(h.effective_on, ''), h.recorded_at`,
    { childId },
  );
  return rows.map((r) => toCarer(r, history.filter((h) => h.carer_id === r.id)));
}

function toCarer(r: CarerRow, history: PrRow[]): Carer {
  return {
    id: r.id,
    childId: r.child_id,
    fullName: r.full_name,
    relationship: r.relationship,
    parentalResponsibility: bool(r.parental_responsibility),
    livesWithChild: bool(r.lives_with_child),
    phone: r.phone,
    workPhone: r.work_phone,
    email: r.email,
    address: r.address,
    mustNotCollect: bool(r.must_not_collect),
    restrictionNote: r.restriction_note,
    courtOrder: r.court_order,
    notes: r.notes,
    prHistory: history.map((h) => ({
      parentalResponsibility: bool(h.parental_responsibility),
      effectiveOn: h.effective_on,
      note: h.note,
      recordedAt: h.recorded_at,
      recordedByName: h.by_name,
    })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

export function findCarer(db: Db, id: string): { id: string; childId: string; fullName: string; relationship: string } | undefined {
  const r = get<CarerRow>(db, 'SELECT * FROM carers WHERE id = $id', { id });
  return r && { id: r.id, childId: r.child_id, fullName: r.full_name, relationship: r.relationship };
}

/** The carer, who must be a parent or carer of this child; otherwise a field error on `field`. */
export function requireCarerOf(db: Db, childId: string, carerId: string, field: string) {
  const carer = findCarer(db, carerId);
  if (!carer || carer.childId !== childId) throw fieldError(field, 'Choose one of this child’s parents or carers.', 'That person is not one of this child’s parents or carers.');
  return carer;
}

/**
 * Whether a carer held parental responsibility on a day, from the history: the latest change that
 * had taken effect by then (the first entry, effective_on NULL, covers every earlier day).
 */
export function hadParentalResponsibility(db: Db, carerId: string, day: string): boolean {
  const row = get<{ pr: number }>(
    db,
    `SELECT parental_responsibility AS pr FROM carer_pr_history
     WHERE carer_id = $carerId AND (effective_on IS NULL OR effective_on <= $day)
     ORDER BY COALESCE(effective_on, '') DESC, recorded_at DESC, rowid DESC LIMIT 1`,
    { carerId, day },
  );
  return bool(row?.pr);
}

export function restrictionsOf(carers: Carer[]): Restriction[] {
  return carers
    .filter((c) => c.mustNotCollect || c.restrictionNote || c.courtOrder)
    .map((c) => ({ carerId: c.id, carerName: c.fullName, relationship: c.relationship, mustNotCollect: c.mustNotCollect, note: c.restrictionNote, courtOrder: c.courtOrder }));
}

export function insertCarer(db: Db, c: z.output<typeof carerCreateSchema>, userId: string, at: string): string {
  if (!get(db, 'SELECT 1 AS x FROM children WHERE id = $id', { id: c.childId })) throw new TwoWayError('not-found', 'That child was not found.');
  const id = newId();
  run(
    db,
    `INSERT INTO carers (id, child_id, full_name, relationship, parental_responsibility, lives_with_child, phone, work_phone, email, address,
       must_not_collect, restriction_note, court_order, notes, created_at, created_by, updated_at, updated_by)
     VALUES ($id, $childId, $fullName, $relationship, $pr, $lives, $phone, $workPhone, $email, $address, $mnc, $restriction, $court, $notes, $at, $by, $at, $by)`,
    {
      id,
      childId: c.childId,
      fullName: c.fullName,
      relationship: c.relationship,
      pr: bit(c.parentalResponsibility),
      lives: bit(c.livesWithChild),
      phone: blankToNull(c.phone),
      workPhone: blankToNull(c.workPhone),
      email: blankToNull(c.email),
      address: blankToNull(c.address),
      mnc: bit(c.mustNotCollect),
      restriction: blankToNull(c.restrictionNote),
      court: blankToNull(c.courtOrder),
      notes: blankToNull(c.notes),
      at,
      by: userId,
    },
  );
  addPrHistory(db, id, c.parentalResponsibility, null, null, userId, at);
  return id;
}

function addPrHistory(db: Db, carerId: string, pr: boolean, effectiveOn: string | null, note: string | null, userId: string, at: string) {
  run(
    db,
    `INSERT INTO carer_pr_history (id, carer_id, parental_responsibility, effective_on, note, recorded_at, recorded_by)
     VALUES ($id, $carerId, $pr, $on, $note, $at, $by)`,
    { id: newId(), carerId, pr: bit(pr), on: effectiveOn, note, at, by: userId },
  );
}

export function updateCarer(db: Db, c: z.output<typeof carerUpdateSchema>, today: string, userId: string, at: string): void {
  const row = get<CarerRow>(db, 'SELECT * FROM carers WHERE id = $id', { id: c.carerId });
  if (!row) throw new TwoWayError('not-found', 'That parent or carer was not found.');
  const columns: Record<string, string | number | null> = {};
  if (c.fullName !== undefined) columns.full_name = c.fullName;
  if (c.relationship !== undefined) columns.relationship = c.relationship;
  if (c.livesWithChild !== undefined) columns.lives_with_child = bit(c.livesWithChild);
  if (c.phone !== undefined) columns.phone = blankToNull(c.phone);
  if (c.workPhone !== undefined) columns.work_phone = blankToNull(c.workPhone);
  if (c.email !== undefined) columns.email = blankToNull(c.email);
  if (c.address !== undefined) columns.address = blankToNull(c.address);
  if (c.mustNotCollect !== undefined) columns.must_not_collect = bit(c.mustNotCollect);
  if (c.restrictionNote !== undefined) columns.restriction_note = blankToNull(c.restrictionNote);
  if (c.courtOrder !== undefined) columns.court_order = blankToNull(c.courtOrder);
  if (c.notes !== undefined) columns.notes = blankToNull(c.notes);
  if (c.parentalResponsibility !== undefined && c.parentalResponsibility !== bool(row.parental_responsibility)) {
    const on = blankToNull(c.prChangedOn) ?? today;
    if (on > today) throw fieldError('prChangedOn', 'Record a change of parental responsibility once it has happened.');
    columns.parental_responsibility = bit(c.parentalResponsibility);
    addPrHistory(db, row.id, c.parentalResponsibility, on, blankToNull(c.prChangeNote), userId, at);
  }
  updateColumns(db, 'carers', row.id, columns, userId, at);
}
