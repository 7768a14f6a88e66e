import type { z } from 'zod';
import { TwoWayError } from '../../../shared/contract/errors';
import { fieldError } from '../../../shared/contract/fields';
import type { Invitee, Meeting, MeetingAction, meetingBookSchema, MeetingFormat, meetingRecordInputSchema, Term } from '../../../shared/contract/meetings';
import { childDisplayName } from '../../../shared/domain/names';
import { londonDateTime } from '../../../shared/domain/weeks';
import { listCarers } from '../children/carers';
import { requireChild } from '../children/repo';
import { listSharedCare } from '../children/shared-care';
import type { Db } from '../db/connection';
import { all, fromJson, get, newId, run, toJson } from '../db/sql';
import { activeStaff } from '../diary/repo';
import { requirePartner } from '../partners/repo';
import { termOfMeeting } from './terms';

type Booking = Omit<z.output<typeof meetingBookSchema>, 'childId'>;

interface MeetingRow {
  id: string;
  child_id: string;
  legal_name: string;
  preferred_name: string | null;
  on_day: string;
  at_time: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  format: MeetingFormat;
  venue_partner_id: string | null;
  venue_name: string | null;
  video_link: string | null;
  phone_number: string | null;
  invitees: string;
  status: 'booked' | 'held' | 'cancelled';
  cancelled_reason: string | null;
  attendees: string | null;
  observation_ids: string | null;
  next_steps: string | null;
  notes: string | null;
  recorded_at: string | null;
  recorded_by_name: string | null;
  booked_at: string;
  booked_by_name: string | null;
  updated_at: string;
  last_pack_at: string | null;
}

const SELECT = `
  SELECT m.*, c.legal_name, c.preferred_name, p.name AS venue_name, rb.full_name AS recorded_by_name, bb.full_name AS booked_by_name,
    (SELECT MAX(made_at) FROM meeting_packs mp WHERE mp.meeting_id = m.id) AS last_pack_at
  FROM meetings m
  JOIN children c ON c.id = m.child_id
  LEFT JOIN partners p ON p.id = m.venue_partner_id
  LEFT JOIN users rb ON rb.id = m.recorded_by
  LEFT JOIN users bb ON bb.id = m.booked_by`;

const nameOf = (r: { legal_name: string; preferred_name: string | null }) => childDisplayName({ legalName: r.legal_name, preferredName: r.preferred_name });

/** Who may be invited to a child's meeting: the child's carers, our active staff, each partner's key person. */
export function invitable(db: Db, childId: string, today: string) {
  const child = requireChild(db, childId);
  return {
    carers: listCarers(db, childId).map((c) => ({ id: c.id, name: c.fullName, relationship: c.relationship, parentalResponsibility: c.parentalResponsibility })),
    staff: activeStaff(db).map((s) => ({ id: s.userId, name: s.name, isKeyPerson: s.userId === child.keyPersonUserId })),
    partners: listSharedCare(db, childId, today)
      .filter((s) => s.current || (s.startsOn !== null && s.startsOn > today))
      .map((s) => ({ sharedCareId: s.id, partnerId: s.partnerId, partnerName: s.partnerName, keyPersonName: s.keyPersonName })),
  };
}

/** Turns the ids chosen in the booking form into invitees with their names, refusing anyone not the child's. */
function resolveInvitees(db: Db, childId: string, b: Booking, today: string): Invitee[] {
  const child = requireChild(db, childId);
  const carers = listCarers(db, childId);
  const staff = activeStaff(db);
  const shared = listSharedCare(db, childId, today);
  const out: Invitee[] = [];
  for (const id of b.carerIds) {
    const c = carers.find((x) => x.id === id);
    if (!c) throw fieldError('carerIds', 'Choose parents and carers from this child’s own.');
    out.push({ kind: 'carer', id, name: c.fullName, role: c.relationship, partnerId: null });
  }
  for (const id of b.staffUserIds) {
    const s = staff.find((x) => x.userId === id);
    if (!s) throw fieldError('staffUserIds', 'Choose members of staff who can log in to TwoWay.');
    out.push({ kind: 'staff', id, name: s.name, role: id === child.keyPersonUserId ? 'Key person' : 'Staff', partnerId: null });
  }
  for (const id of b.sharedCareIds) {
    const s = shared.find((x) => x.id === id);
    if (!s) throw fieldError('sharedCareIds', 'Choose the other settings this child attends.');
    out.push({ kind: 'partner', id, name: s.keyPersonName ?? `Key person at ${s.partnerName}`, role: `Key person at ${s.partnerName}`, partnerId: s.partnerId });
  }
  return out;
}

function timing(b: Booking): { starts: string; ends: string } {
  const start = londonDateTime(b.on, b.at);
  return { starts: start.toISOString(), ends: new Date(start.getTime() + b.durationMinutes * 60_000).toISOString() };
}

function venueOf(db: Db, b: Booking): string | null {
  if (b.format !== 'in-person' || !b.venuePartnerId) return null;
  return requirePartner(db, b.venuePartnerId, 'venuePartnerId').id;
}

export function bookMeeting(db: Db, childId: string, b: Booking, today: string, userId: string, at: string): string {
  requireChild(db, childId);
  if (b.on < today) throw fieldError('on', 'Book the meeting for today or a later day.');
  const invitees = resolveInvitees(db, childId, b, today);
  const { starts, ends } = timing(b);
  const id = newId();
  run(
    db,
    `INSERT INTO meetings (id, child_id, on_day, at_time, starts_at, ends_at, duration_minutes, format, venue_partner_id, video_link, phone_number, invitees, booked_at, booked_by, updated_at, updated_by)
     VALUES ($id, $childId, $on, $at_time, $starts, $ends, $duration, $format, $venue, $link, $phone, $invitees, $at, $by, $at, $by)`,
    {
      id,
      childId,
      on: b.on,
      at_time: b.at,
      starts,
      ends,
      duration: b.durationMinutes,
      format: b.format,
      venue: venueOf(db, b),
      link: b.format === 'video' ? (b.videoLink ?? null) : null,
      phone: b.format === 'phone' ? (b.phoneNumber ?? null) : null,
      invitees: toJson(invitees),
      at,
      by: userId,
    },
  );
  return id;
}

export function updateBooking(db: Db, meetingId: string, b: Booking, today: string, userId: string, at: string): void {
  const m = requireMeetingRow(db, meetingId);
  if (m.status !== 'booked') throw new TwoWayError('conflict', m.status === 'held' ? 'This meeting has been held; its booking cannot change.' : 'This meeting was cancelled. Book a new one instead.');
  if (b.on < today && b.on !== m.on_day) throw fieldError('on', 'Move the meeting to today or a later day.');
  const invitees = resolveInvitees(db, m.child_id, b, today);
  const { starts, ends } = timing(b);
  run(
    db,
    `UPDATE meetings SET on_day = $on, at_time = $at_time, starts_at = $starts, ends_at = $ends, duration_minutes = $duration, format = $format,
       venue_partner_id = $venue, video_link = $link, phone_number = $phone, invitees = $invitees, updated_at = $at, updated_by = $by WHERE id = $id`,
    {
      id: meetingId,
      on: b.on,
      at_time: b.at,
      starts,
      ends,
      duration: b.durationMinutes,
      format: b.format,
      venue: venueOf(db, b),
      link: b.format === 'video' ? (b.videoLink ?? null) : null,
      phone: b.format === 'phone' ? (b.phoneNumber ?? null) : null,
      invitees: toJson(invitees),
      at,
      by: userId,
    },
  );
}

export function cancelMeeting(db: Db, meetingId: string, reason: string, userId: string, at: string): string {
  const m = requireMeetingRow(db, meetingId);
  if (m.status !== 'booked') throw new TwoWayError('conflict', m.status === 'held' ? 'This meeting has been held and cannot be cancelled.' : 'This meeting is already cancelled.');
  run(db, "UPDATE meetings SET status = 'cancelled', cancelled_reason = $reason, updated_at = $at, updated_by = $by WHERE id = $id", { id: meetingId, reason, at, by: userId });
  return m.child_id;
}

export function requireMeetingRow(db: Db, meetingId: string): MeetingRow {
  const row = get<MeetingRow>(db, `${SELECT} WHERE m.id = $id`, { id: meetingId });
  if (!row) throw new TwoWayError('not-found', 'That meeting was not found.');
  return row;
}

/** The same person (our member of staff, or a partner's named key person) in two meetings at once. */
function samePerson(a: Invitee, b: Invitee): boolean {
  if (a.kind === 'staff' && b.kind === 'staff') return a.id === b.id;
  if (a.kind === 'partner' && b.kind === 'partner') return a.partnerId === b.partnerId && a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
  return false;
}

export function clashesOf(db: Db, meetingId: string) {
  const m = requireMeetingRow(db, meetingId);
  if (m.status === 'cancelled') return [];
  const mine = fromJson<Invitee[]>(m.invitees, []);
  const overlapping = all<MeetingRow>(db, `${SELECT} WHERE m.id != $id AND m.status != 'cancelled' AND m.starts_at < $ends AND m.ends_at > $starts`, {
    id: meetingId,
    starts: m.starts_at,
    ends: m.ends_at,
  });
  const clashes = [];
  for (const other of overlapping) {
    const theirs = fromJson<Invitee[]>(other.invitees, []);
    const person = mine.find((a) => theirs.some((b) => samePerson(a, b)));
    if (person) clashes.push({ meetingId: other.id, childName: nameOf(other), personName: person.name, on: other.on_day, at: other.at_time });
  }
  return clashes;
}

interface ActionRow {
  id: string;
  meeting_id: string;
  meeting_on: string;
  child_id: string;
  text: string;
  owner: string;
  due_on: string | null;
  status: 'open' | 'done' | 'cancelled';
  note: string | null;
  updated_at: string;
  updated_by_name: string | null;
}
const ACTION_SELECT = `SELECT a.*, m.on_day AS meeting_on, u.full_name AS updated_by_name FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN users u ON u.id = a.updated_by`;

function toAction(r: ActionRow, today: string): MeetingAction {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingOn: r.meeting_on,
    text: r.text,
    owner: r.owner,
    dueOn: r.due_on,
    status: r.status,
    overdue: r.status === 'open' && r.due_on !== null && r.due_on < today,
    note: r.note,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

/** Open actions agreed at the child's meetings before this one: they carry to it. */
export function carriedActions(db: Db, m: Pick<MeetingRow, 'id' | 'child_id' | 'starts_at'>, today: string): MeetingAction[] {
  return all<ActionRow>(db, `${ACTION_SELECT} WHERE a.child_id = $childId AND a.status = 'open' AND a.meeting_id != $id AND m.starts_at < $starts ORDER BY m.starts_at, a.created_at`, {
    childId: m.child_id,
    id: m.id,
    starts: m.starts_at,
  }).map((r) => toAction(r, today));
}

/** Open actions past their date, of every child, oldest first (the office's "this term"). */
export function overdueActions(db: Db, today: string): (MeetingAction & { childId: string; childName: string })[] {
  return all<ActionRow & { legal_name: string; preferred_name: string | null }>(
    db,
    `SELECT a.*, m.on_day AS meeting_on, u.full_name AS updated_by_name, c.legal_name, c.preferred_name
     FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id JOIN children c ON c.id = a.child_id LEFT JOIN users u ON u.id = a.updated_by
     WHERE a.status = 'open' AND a.due_on < $today ORDER BY a.due_on`,
    { today },
  ).map((r) => ({ ...toAction(r, today), childId: r.child_id, childName: nameOf(r) }));
}

export function readMeeting(db: Db, meetingId: string, today: string): Meeting {
  return toMeeting(db, requireMeetingRow(db, meetingId), today);
}

function toMeeting(db: Db, r: MeetingRow, today: string, settingTerm: Term | null = termOfMeeting(db, r.on_day)): Meeting {
  const actions = all<ActionRow>(db, `${ACTION_SELECT} WHERE a.meeting_id = $id ORDER BY a.created_at`, { id: r.id }).map((a) => toAction(a, today));
  return {
    id: r.id,
    childId: r.child_id,
    childName: nameOf(r),
    termId: settingTerm?.id ?? null,
    termLabel: settingTerm?.label ?? null,
    on: r.on_day,
    at: r.at_time,
    durationMinutes: r.duration_minutes,
    format: r.format,
    venuePartnerId: r.venue_partner_id,
    venueName: r.format === 'in-person' ? r.venue_name : null,
    videoLink: r.video_link,
    phoneNumber: r.phone_number,
    invitees: fromJson<Invitee[]>(r.invitees, []),
    status: r.status,
    cancelledReason: r.cancelled_reason,
    clashes: clashesOf(db, r.id),
    bookedByName: r.booked_by_name,
    bookedAt: r.booked_at,
    record: r.recorded_at
      ? {
          attendees: fromJson(r.attendees, []),
          observationIds: fromJson(r.observation_ids, []),
          nextSteps: fromJson(r.next_steps, []),
          notes: r.notes,
          recordedAt: r.recorded_at,
          recordedByName: r.recorded_by_name,
        }
      : null,
    actions,
    carried: r.status === 'held' ? [] : carriedActions(db, r, today),
    termObservations: termObservations(db, r.child_id, settingTerm?.startsOn ?? r.on_day, r.on_day),
    lastPackAt: r.last_pack_at,
  };
}

/** The child's observations from the start of the term to the meeting's day. */
function termObservations(db: Db, childId: string, from: string, to: string) {
  return all<{ id: string; observed_on: string; partner_name: string | null; text: string }>(
    db,
    `SELECT o.id, o.observed_on, p.name AS partner_name, o.text FROM observations o LEFT JOIN partners p ON p.id = o.partner_id
     WHERE o.child_id = $childId AND o.observed_on BETWEEN $from AND $to ORDER BY o.observed_on`,
    { childId, from, to },
  ).map((o) => ({ id: o.id, observedOn: o.observed_on, fromPartner: o.partner_name, text: o.text }));
}

export function meetingsOfChild(db: Db, childId: string, today: string): Meeting[] {
  requireChild(db, childId);
  return all<MeetingRow>(db, `${SELECT} WHERE m.child_id = $childId ORDER BY m.starts_at DESC`, { childId }).map((r) => toMeeting(db, r, today));
}

/** The child's most recent meeting held before `before` (for the next pack's "last time"). */
export function lastHeldMeeting(db: Db, childId: string, beforeStartsAt: string): Meeting | null {
  const r = get<MeetingRow>(db, `${SELECT} WHERE m.child_id = $childId AND m.status = 'held' AND m.starts_at < $before ORDER BY m.starts_at DESC LIMIT 1`, { childId, before: beforeStartsAt });
  return r ? toMeeting(db, r, beforeStartsAt.slice(0, 10)) : null;
}

function setAction(db: Db, actionId: string, status: string, note: string | null, userId: string, at: string): string {
  const a = get<{ child_id: string }>(db, 'SELECT child_id FROM meeting_actions WHERE id = $id', { id: actionId });
  if (!a) throw new TwoWayError('not-found', 'That action was not found.');
  run(db, 'UPDATE meeting_actions SET status = $status, note = COALESCE($note, note), updated_at = $at, updated_by = $by WHERE id = $id', { id: actionId, status, note, at, by: userId });
  return a.child_id;
}

export function updateAction(db: Db, actionId: string, status: string, note: string | null, userId: string, at: string): string {
  return setAction(db, actionId, status, note, userId, at);
}

export function recordMeeting(db: Db, input: z.output<typeof meetingRecordInputSchema>, today: string, userId: string, at: string): string {
  const m = requireMeetingRow(db, input.meetingId);
  if (m.status === 'cancelled') throw new TwoWayError('conflict', 'This meeting was cancelled. Book a new one to record a meeting.');
  if (m.status === 'held') throw new TwoWayError('conflict', 'This meeting has already been recorded.');
  if (m.on_day > today) throw fieldError('attendees', 'A meeting can be recorded on the day it is held or later.');
  const carried = carriedActions(db, m, today);
  for (const id of input.observationIds) {
    if (!get(db, 'SELECT 1 AS x FROM observations WHERE id = $id AND child_id = $childId', { id, childId: m.child_id })) {
      throw fieldError('observationIds', 'Choose observations of this child.');
    }
  }
  for (const c of input.carried) {
    if (!carried.some((a) => a.id === c.actionId)) throw fieldError('carried', 'Only actions carried from this child’s earlier meetings can be updated here.');
    if (c.status !== 'open') setAction(db, c.actionId, c.status, c.note?.trim() || null, userId, at);
  }
  run(
    db,
    `UPDATE meetings SET status = 'held', attendees = $attendees, observation_ids = $observations, next_steps = $steps, notes = $notes,
       recorded_at = $at, recorded_by = $by, updated_at = $at, updated_by = $by WHERE id = $id`,
    {
      id: m.id,
      attendees: toJson(input.attendees.map((a) => ({ name: a.name, role: a.role?.trim() || null, how: a.how }))),
      observations: toJson(input.observationIds),
      steps: toJson(input.nextSteps.map((s) => ({ text: s.text, where: s.where, who: s.who?.trim() || null }))),
      notes: input.notes?.trim() || null,
      at,
      by: userId,
    },
  );
  for (const a of input.actions) {
    run(
      db,
      `INSERT INTO meeting_actions (id, meeting_id, child_id, text, owner, due_on, created_at, created_by, updated_at, updated_by)
       VALUES ($id, $meeting, $child, $text, $owner, $due, $at, $by, $at, $by)`,
      { id: newId(), meeting: m.id, child: m.child_id, text: a.text, owner: a.owner, due: a.dueOn || null, at, by: userId },
    );
  }
  return m.child_id;
}

export function recordPackMade(db: Db, meetingId: string, pages: number, userId: string, at: string): void {
  run(db, 'INSERT INTO meeting_packs (id, meeting_id, made_at, made_by, pages) VALUES ($id, $meeting, $at, $by, $pages)', { id: newId(), meeting: meetingId, at, by: userId, pages });
}

/** Booked or held meetings of a child within a term. */
export function meetingsInSpan(db: Db, from: string, to: string): MeetingRow[] {
  return all<MeetingRow>(db, `${SELECT} WHERE m.status != 'cancelled' AND m.on_day BETWEEN $from AND $to ORDER BY m.starts_at`, { from, to });
}

export { nameOf as meetingChildName };
export type { MeetingRow };
