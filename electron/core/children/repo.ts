import { beforeBirthProblem, birthDayProblem, plannedDayProblem } from '../../../shared/domain/day-rules';
import { formatDay } from '../../../shared/domain/dates';
import type { z } from 'zod';
import type {
  Attendance,
  Child,
  childCreateSchema,
  ChildFile,
  childListInputSchema,
  ChildListItem,
  ChildStatus,
  childUpdateSchema,
} from '../../../shared/contract/children';
import { TwoWayError } from '../../../shared/contract/errors';
import { blankToNull, fieldError } from '../../../shared/contract/fields';
import type { Db } from '../db/connection';
import { all, fromJson, get, newId, run, toJson } from '../db/sql';
import { updateColumns } from '../partners/repo';
import { listCarers, restrictionsOf } from './carers';
import { contactCheckCutoff, listContacts, listHealth } from './records';
import { listSharedCare } from './shared-care';

interface ChildRow {
  id: string;
  legal_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  room: string | null;
  status: ChildStatus;
  start_date: string | null;
  attendance: string;
  home_languages: string;
  key_person_user_id: string | null;
  key_person_name: string | null;
  leaving_date: string | null;
  leaving_destination: string | null;
  leaving_partner_id: string | null;
  leaving_partner_name: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  updated_by_name: string | null;
}

const SELECT = `SELECT c.*, k.full_name AS key_person_name, lp.name AS leaving_partner_name, u.full_name AS updated_by_name
  FROM children c
  LEFT JOIN users k ON k.id = c.key_person_user_id
  LEFT JOIN partners lp ON lp.id = c.leaving_partner_id
  LEFT JOIN users u ON u.id = c.updated_by`;

function toChild(r: ChildRow): Child {
  return {
    id: r.id,
    legalName: r.legal_name,
    preferredName: r.preferred_name,
    dateOfBirth: r.date_of_birth,
    room: r.room,
    startDate: r.start_date,
    attendance: fromJson<Attendance>(r.attendance, []),
    homeLanguages: fromJson<string[]>(r.home_languages, []),
    keyPersonUserId: r.key_person_user_id,
    keyPersonName: r.key_person_name,
    status: r.status,
    leavingDate: r.leaving_date,
    leavingDestination: r.leaving_destination,
    leavingPartnerId: r.leaving_partner_id,
    leavingPartnerName: r.leaving_partner_name,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

export function findChild(db: Db, childId: string): Child | undefined {
  const row = get<ChildRow>(db, `${SELECT} WHERE c.id = $childId`, { childId });
  return row && toChild(row);
}

export function requireChild(db: Db, childId: string): Child {
  const child = findChild(db, childId);
  if (!child) throw new TwoWayError('not-found', 'That child was not found.');
  return child;
}

/** Refuses a day before the child was born (`beforeBirthProblem`), as a message on `field`. */
export function assertBornBy(db: Db, childId: string, day: string, field: string): void {
  const born = get<{ date_of_birth: string }>(db, 'SELECT date_of_birth FROM children WHERE id = $childId', { childId })?.date_of_birth;
  const problem = born ? beforeBirthProblem(day, born, formatDay(born)) : null;
  if (problem) throw fieldError(field, problem);
}

type ChildFields = Partial<Omit<z.output<typeof childCreateSchema>, 'legalName' | 'dateOfBirth'>> & { legalName?: string; dateOfBirth?: string };

/** Checks what only the core can: real staff and partners, no birthdays in the future, dates in order. */
function checkChild(db: Db, c: ChildFields, merged: { dateOfBirth: string; startDate: string | null; leavingDate: string | null; status: ChildStatus }, today: string) {
  const birth = birthDayProblem(merged.dateOfBirth, today);
  if (birth) throw fieldError('dateOfBirth', birth);
  for (const field of ['startDate', 'leavingDate'] as const) {
    const problem = merged[field] ? plannedDayProblem(merged[field], today) : null;
    if (problem) throw fieldError(field, problem);
  }
  if (merged.startDate && merged.startDate < merged.dateOfBirth) throw fieldError('startDate', 'The start date is before the date of birth.');
  if (merged.leavingDate && merged.startDate && merged.leavingDate < merged.startDate) throw fieldError('leavingDate', 'The leaving date is before the start date.');
  if (merged.status === 'left' && !merged.leavingDate) throw fieldError('leavingDate', 'Give the date the child left.');
  if (c.keyPersonUserId && !get(db, 'SELECT 1 AS x FROM users WHERE id = $id AND active = 1', { id: c.keyPersonUserId })) {
    throw fieldError('keyPersonUserId', 'Choose an active member of staff.');
  }
  if (c.leavingPartnerId && !get(db, 'SELECT 1 AS x FROM partners WHERE id = $id', { id: c.leavingPartnerId })) {
    throw fieldError('leavingPartnerId', 'Choose a partner from the directory.');
  }
}

const cleanLanguages = (l: string[] | undefined) => toJson([...new Set((l ?? []).map((x) => x.trim()).filter(Boolean))]);

export function insertChild(db: Db, c: z.output<typeof childCreateSchema>, today: string, userId: string, at: string): string {
  const status = c.status ?? 'current';
  checkChild(db, c, { dateOfBirth: c.dateOfBirth, startDate: blankToNull(c.startDate), leavingDate: blankToNull(c.leavingDate), status }, today);
  const id = newId();
  run(
    db,
    `INSERT INTO children (id, legal_name, preferred_name, date_of_birth, room, status, start_date, attendance, home_languages, key_person_user_id,
       leaving_date, leaving_destination, leaving_partner_id, notes, created_at, created_by, updated_at, updated_by)
     VALUES ($id, $legalName, $preferredName, $dob, $room, $status, $startDate, $attendance, $languages, $keyPerson,
       $leavingDate, $leavingDestination, $leavingPartner, $notes, $at, $by, $at, $by)`,
    {
      id,
      legalName: c.legalName,
      preferredName: blankToNull(c.preferredName),
      dob: c.dateOfBirth,
      room: blankToNull(c.room),
      status,
      startDate: blankToNull(c.startDate),
      attendance: toJson(c.attendance ?? []),
      languages: cleanLanguages(c.homeLanguages),
      keyPerson: c.keyPersonUserId || null,
      leavingDate: blankToNull(c.leavingDate),
      leavingDestination: blankToNull(c.leavingDestination),
      leavingPartner: c.leavingPartnerId || null,
      notes: blankToNull(c.notes),
      at,
      by: userId,
    },
  );
  return id;
}

export function updateChild(db: Db, c: z.output<typeof childUpdateSchema>, today: string, userId: string, at: string): void {
  const current = requireChild(db, c.childId);
  const merged = {
    dateOfBirth: c.dateOfBirth ?? current.dateOfBirth,
    startDate: c.startDate !== undefined ? blankToNull(c.startDate) : current.startDate,
    leavingDate: c.leavingDate !== undefined ? blankToNull(c.leavingDate) : current.leavingDate,
    status: c.status ?? current.status,
  };
  checkChild(db, c, merged, today);
  const columns: Record<string, string | null> = {};
  if (c.legalName !== undefined) columns.legal_name = c.legalName;
  if (c.preferredName !== undefined) columns.preferred_name = blankToNull(c.preferredName);
  if (c.dateOfBirth !== undefined) columns.date_of_birth = c.dateOfBirth;
  if (c.room !== undefined) columns.room = blankToNull(c.room);
  if (c.status !== undefined) columns.status = c.status;
  if (c.startDate !== undefined) columns.start_date = blankToNull(c.startDate);
  if (c.attendance !== undefined) columns.attendance = toJson(c.attendance);
  if (c.homeLanguages !== undefined) columns.home_languages = cleanLanguages(c.homeLanguages);
  if (c.keyPersonUserId !== undefined) columns.key_person_user_id = c.keyPersonUserId || null;
  if (c.leavingDate !== undefined) columns.leaving_date = blankToNull(c.leavingDate);
  if (c.leavingDestination !== undefined) columns.leaving_destination = blankToNull(c.leavingDestination);
  if (c.leavingPartnerId !== undefined) columns.leaving_partner_id = c.leavingPartnerId || null;
  if (c.notes !== undefined) columns.notes = blankToNull(c.notes);
  updateColumns(db, 'children', current.id, columns, userId, at);
}

export function readChildFile(db: Db, childId: string, today: string, contactCheckMonths: number, settingName: string): ChildFile {
  const child = requireChild(db, childId);
  const carers = listCarers(db, childId);
  const contacts = listContacts(db, childId, contactCheckCutoff(today, contactCheckMonths));
  return {
    child,
    carers,
    restrictions: restrictionsOf(carers),
    contacts,
    contactsNeedCheck: contacts.length === 0 || contacts.some((c) => c.needsCheck),
    contactCheckMonths,
    health: listHealth(db, childId, today, settingName, { includeEnded: true }),
    sharedCare: listSharedCare(db, childId, today),
  };
}

export interface ListContext {
  today: string;
  contactCheckMonths: number;
  consentAttention: (childId: string, partners: { partnerId: string; name: string }[]) => string[];
}

export function listChildren(db: Db, filter: z.output<typeof childListInputSchema>, ctx: ListContext): { children: ChildListItem[]; rooms: string[] } {
  const f = filter ?? {};
  const status = f.status ?? 'current';
  const rows = all<ChildRow>(db, `${SELECT} ${status === 'all' ? '' : 'WHERE c.status = $status'} ORDER BY COALESCE(c.preferred_name, c.legal_name) COLLATE NOCASE`, status === 'all' ? {} : { status });
  const cutoff = contactCheckCutoff(ctx.today, ctx.contactCheckMonths);
  const search = f.search?.toLowerCase();
  const children: ChildListItem[] = [];
  for (const r of rows) {
    if (search && !`${r.legal_name} ${r.preferred_name ?? ''}`.toLowerCase().includes(search)) continue;
    if (f.room && r.room !== f.room) continue;
    const partners = all<{ partner_id: string; name: string }>(
      db,
      `SELECT DISTINCT sc.partner_id, p.name FROM shared_care sc JOIN partners p ON p.id = sc.partner_id
       WHERE sc.child_id = $id AND (sc.starts_on IS NULL OR sc.starts_on <= $today) AND (sc.ends_on IS NULL OR sc.ends_on >= $today)
       ORDER BY p.name COLLATE NOCASE`,
      { id: r.id, today: ctx.today },
    ).map((p) => ({ partnerId: p.partner_id, name: p.name }));
    if (f.attendsOtherSetting && partners.length === 0) continue;
    const health = all<{ kind: string; name: string }>(db, 'SELECT kind, name FROM health_items WHERE child_id = $id AND ended_at IS NULL', { id: r.id });
    const allergies = health.filter((h) => h.kind === 'allergy').map((h) => h.name);
    const hasMedication = health.some((h) => h.kind === 'medication');
    if (f.hasAllergiesOrMedication && allergies.length === 0 && !hasMedication) continue;
    const contacts = all<{ last_verified_on: string }>(db, 'SELECT last_verified_on FROM emergency_contacts WHERE child_id = $id AND removed_at IS NULL', { id: r.id });
    const contactsNeedCheck = contacts.length === 0 || contacts.some((c) => c.last_verified_on < cutoff);
    if (f.contactsNeedCheck && !contactsNeedCheck) continue;
    const consentAttention = ctx.consentAttention(r.id, partners);
    if (f.consentNeedsAttention && consentAttention.length === 0) continue;
    const child = toChild(r);
    children.push({
      id: child.id,
      legalName: child.legalName,
      preferredName: child.preferredName,
      dateOfBirth: child.dateOfBirth,
      room: child.room,
      status: child.status,
      keyPersonName: child.keyPersonName,
      attendance: child.attendance,
      partners,
      hasAllergies: allergies.length > 0,
      hasMedication,
      allergyNames: allergies,
      restrictions: restrictionsOf(listCarers(db, r.id)),
      contactsNeedCheck,
      consentAttention,
    });
  }
  const rooms = all<{ room: string }>(db, "SELECT DISTINCT room FROM children WHERE room IS NOT NULL AND room <> '' ORDER BY room COLLATE NOCASE").map((r) => r.room);
  return { children, rooms };
}
