import type { z } from 'zod';
import type { Attendance, SharedCare, sharedCareCreateSchema, sharedCareUpdateSchema } from '../../../shared/contract/children';
import { TwoWayError } from '../../../shared/contract/errors';
import { blankToNull, fieldError } from '../../../shared/contract/fields';
import { CARE_PARTNER_KINDS } from '../../../shared/contract/partners';
import { plannedDayProblem } from '../../../shared/domain/day-rules';
import { weekdayOf } from '../../../shared/domain/weekdays';
import { today as londonToday } from '../../../shared/domain/weeks';
import type { Db } from '../db/connection';
import { all, fromJson, get, newId, run, toJson } from '../db/sql';
import { requirePartner, updateColumns } from '../partners/repo';

interface SharedCareRow {
  id: string;
  child_id: string;
  partner_id: string;
  partner_name: string;
  partner_kind: string;
  partner_phone: string | null;
  days: string;
  key_person_name: string | null;
  key_person_contact: string | null;
  transfer_who: string | null;
  transfer_when: string | null;
  handover: string | null;
  starts_on: string | null;
  ends_on: string | null;
  notes: string | null;
  updated_at: string;
  updated_by_name: string | null;
}

const SELECT = `SELECT sc.*, p.name AS partner_name, p.kind AS partner_kind, p.phone AS partner_phone, u.full_name AS updated_by_name
  FROM shared_care sc JOIN partners p ON p.id = sc.partner_id LEFT JOIN users u ON u.id = sc.updated_by`;

const inRange = (day: string, startsOn: string | null, endsOn: string | null) => (!startsOn || startsOn <= day) && (!endsOn || endsOn >= day);

export function listSharedCare(db: Db, childId: string, today: string): SharedCare[] {
  return all<SharedCareRow>(db, `${SELECT} WHERE sc.child_id = $childId ORDER BY (sc.ends_on IS NOT NULL AND sc.ends_on < $today), p.name COLLATE NOCASE`, {
    childId,
    today,
  }).map((r) => ({
    id: r.id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    partnerKind: r.partner_kind,
    partnerPhone: r.partner_phone,
    days: fromJson<Attendance>(r.days, []),
    keyPersonName: r.key_person_name,
    keyPersonContact: r.key_person_contact,
    transferWho: r.transfer_who,
    transferWhen: r.transfer_when,
    handover: r.handover,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    current: inRange(today, r.starts_on, r.ends_on),
    notes: r.notes,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  }));
}

export interface DayPlaces {
  here: boolean;
  partners: { partnerId: string; name: string }[];
}

/**
 * Where a child is on a calendar day: here (our own days, between the start and leaving dates)
 * and which partner settings (shared-care days, between that arrangement's start and end).
 * The diary uses this for "which setting the child was at each day".
 */
export function settingsForDay(db: Db, childId: string, day: string): DayPlaces {
  return placesOf(db, childId)(day);
}

/**
 * The same for many days of one child: the child's attendance and shared care are read once, and
 * the answer for each day is worked out from them (a week, or the weeks of the pattern sentences).
 */
export function placesOf(db: Db, childId: string): (day: string) => DayPlaces {
  const child = get<{ attendance: string; start_date: string | null; leaving_date: string | null; status: string }>(
    db,
    'SELECT attendance, start_date, leaving_date, status FROM children WHERE id = $childId',
    { childId },
  );
  if (!child) return () => ({ here: false, partners: [] });
  const attendance = fromJson<Attendance>(child.attendance, []);
  // A child who has left (or is archived) without a leaving date is not placed here on any day.
  const leftWithoutDate = child.status !== 'current' && !child.leaving_date;
  const care = all<{ partner_id: string; partner_name: string; days: string; starts_on: string | null; ends_on: string | null }>(
    db,
    `SELECT sc.partner_id, p.name AS partner_name, sc.days, sc.starts_on, sc.ends_on FROM shared_care sc JOIN partners p ON p.id = sc.partner_id
     WHERE sc.child_id = $childId ORDER BY p.name COLLATE NOCASE`,
    { childId },
  ).map((r) => ({ ...r, days: fromJson<Attendance>(r.days, []) }));
  return (day) => {
    const weekday = weekdayOf(day);
    const here = !leftWithoutDate && attendance.some((a) => a.day === weekday) && inRange(day, child.start_date, child.leaving_date);
    // One row per partner even if two arrangements overlap.
    const seen = new Set<string>();
    const partners = care
      .filter((r) => inRange(day, r.starts_on, r.ends_on) && r.days.some((a) => a.day === weekday) && !seen.has(r.partner_id) && seen.add(r.partner_id))
      .map((r) => ({ partnerId: r.partner_id, name: r.partner_name }));
    return { here, partners };
  };
}

function checkDates(startsOn: string | null, endsOn: string | null, field = 'endsOn') {
  if (startsOn && endsOn && endsOn < startsOn) throw fieldError(field, 'The end date is before the start date.');
}

/** The dates being written must be ones that can be right (not decades away, not year 0000). */
function checkPlanned(days: Record<string, string | null | undefined>, at: string) {
  for (const [field, day] of Object.entries(days)) {
    const problem = day ? plannedDayProblem(day, londonToday(new Date(at))) : null;
    if (problem) throw fieldError(field, problem);
  }
}

/** Shared care is with somewhere the child attends: a setting, a childminder or a school, not an agency. */
function requireCarePartner(db: Db, partnerId: string) {
  const partner = requirePartner(db, partnerId, 'partnerId');
  if (!CARE_PARTNER_KINDS.includes(partner.kind)) {
    throw fieldError('partnerId', `${partner.name} is not somewhere a child attends. Choose an early years setting, a childminder or a school.`);
  }
}

export function insertSharedCare(db: Db, s: z.output<typeof sharedCareCreateSchema>, userId: string, at: string): string {
  if (!get(db, 'SELECT 1 AS x FROM children WHERE id = $id', { id: s.childId })) throw new TwoWayError('not-found', 'That child was not found.');
  requireCarePartner(db, s.partnerId);
  checkPlanned({ startsOn: s.startsOn, endsOn: s.endsOn }, at);
  checkDates(blankToNull(s.startsOn), blankToNull(s.endsOn));
  const id = newId();
  run(
    db,
    `INSERT INTO shared_care (id, child_id, partner_id, days, key_person_name, key_person_contact, transfer_who, transfer_when, handover,
       starts_on, ends_on, notes, created_at, created_by, updated_at, updated_by)
     VALUES ($id, $childId, $partnerId, $days, $kpName, $kpContact, $who, $when, $handover, $startsOn, $endsOn, $notes, $at, $by, $at, $by)`,
    {
      id,
      childId: s.childId,
      partnerId: s.partnerId,
      days: toJson(s.days),
      kpName: blankToNull(s.keyPersonName),
      kpContact: blankToNull(s.keyPersonContact),
      who: blankToNull(s.transferWho),
      when: blankToNull(s.transferWhen),
      handover: blankToNull(s.handover),
      startsOn: blankToNull(s.startsOn),
      endsOn: blankToNull(s.endsOn),
      notes: blankToNull(s.notes),
      at,
      by: userId,
    },
  );
  return id;
}

function requireSharedCare(db: Db, id: string) {
  const row = get<{ id: string; child_id: string; starts_on: string | null; ends_on: string | null }>(db, 'SELECT id, child_id, starts_on, ends_on FROM shared_care WHERE id = $id', {
    id,
  });
  if (!row) throw new TwoWayError('not-found', 'That shared-care arrangement was not found.');
  return row;
}

export function updateSharedCare(db: Db, s: z.output<typeof sharedCareUpdateSchema>, userId: string, at: string): string {
  const row = requireSharedCare(db, s.sharedCareId);
  const columns: Record<string, string | null> = {};
  if (s.days !== undefined) columns.days = toJson(s.days);
  if (s.keyPersonName !== undefined) columns.key_person_name = blankToNull(s.keyPersonName);
  if (s.keyPersonContact !== undefined) columns.key_person_contact = blankToNull(s.keyPersonContact);
  if (s.transferWho !== undefined) columns.transfer_who = blankToNull(s.transferWho);
  if (s.transferWhen !== undefined) columns.transfer_when = blankToNull(s.transferWhen);
  if (s.handover !== undefined) columns.handover = blankToNull(s.handover);
  if (s.startsOn !== undefined) columns.starts_on = blankToNull(s.startsOn);
  if (s.endsOn !== undefined) columns.ends_on = blankToNull(s.endsOn);
  if (s.notes !== undefined) columns.notes = blankToNull(s.notes);
  checkPlanned({ startsOn: s.startsOn, endsOn: s.endsOn }, at);
  checkDates(columns.starts_on !== undefined ? columns.starts_on : row.starts_on, columns.ends_on !== undefined ? columns.ends_on : row.ends_on);
  updateColumns(db, 'shared_care', row.id, columns, userId, at);
  return row.child_id;
}

export function endSharedCare(db: Db, id: string, on: string, userId: string, at: string): string {
  const row = requireSharedCare(db, id);
  checkPlanned({ on }, at);
  checkDates(row.starts_on, on, 'on');
  updateColumns(db, 'shared_care', row.id, { ends_on: on }, userId, at);
  return row.child_id;
}
