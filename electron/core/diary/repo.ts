import type { z } from 'zod';
import {
  type diaryAddSchema,
  type DiaryCategory,
  type DiaryEntry,
  type DiaryFrom,
  type DiaryRevision,
  type DiaryShare,
  type DiarySource,
  type DiaryTo,
  mayAmendEntry,
  type Party,
  type RoomCell,
  type SearchHit,
  type WeekPlan,
} from '../../../shared/contract/diary';
import type { Role } from '../../../shared/contract/define';
import { TwoWayError } from '../../../shared/contract/errors';
import { CARE_PARTNER_KINDS } from '../../../shared/contract/partners';
import { addDays, weekStart } from '../../../shared/domain/weeks';
import { findCarer } from '../children/carers';
import type { OutputOf } from '../../../shared/contract/index';
import type { Db } from '../db/connection';
import { all, get, newId, run, type Params } from '../db/sql';
import { buildFtsQuery, HIT_END, HIT_START, snippetParts } from './search';
import { childDisplayName } from '../../../shared/domain/names';

// ---------------------------------------------------------------------------------------
// The SQL the week views and search run. Exported so the benchmark can time the same
// statements raw, next to the core call.
// ---------------------------------------------------------------------------------------

export const CHILD_WEEK_SQL = `
  SELECT e.id, e.child_id, e.day, e.time, e.category, e.revisions, r.text,
    e.from_kind, e.from_id, e.from_person, e.from_name, e.to_kind, e.to_id, e.to_person, e.to_name,
    e.transcribed_from, tp.name AS transcribed_name, e.needs_follow_up, e.follow_up_closed_at, e.follow_up_note,
    cu.full_name AS closed_by_name, e.created_by, u.full_name AS created_by_name, e.created_at
  FROM diary_entries e
  JOIN diary_revisions r ON r.id = e.current_rev
  JOIN users u ON u.id = e.created_by
  LEFT JOIN users cu ON cu.id = e.follow_up_closed_by
  LEFT JOIN partners tp ON tp.id = e.transcribed_from
  WHERE e.child_id = $childId AND e.day >= $from AND e.day <= $to
  ORDER BY e.day, e.time IS NULL, e.time, e.created_at`;

export const WEEK_SHARES_SQL = `
  SELECT s.id, s.entry_id, s.partner_id, p.name AS partner_name, s.consent_id, s.method, r.rev, u.full_name AS shared_by_name, s.shared_at
  FROM diary_entries e
  JOIN diary_shares s ON s.entry_id = e.id
  JOIN partners p ON p.id = s.partner_id
  JOIN diary_revisions r ON r.id = s.revision_id
  JOIN users u ON u.id = s.shared_by
  WHERE e.child_id = $childId AND e.day >= $from AND e.day <= $to
  ORDER BY s.shared_at`;

export const ROOM_CHILDREN_SQL = `
  SELECT id, legal_name, preferred_name, room FROM children
  WHERE room = $room AND status = 'current'
  ORDER BY legal_name COLLATE NOCASE`;

export const ROOM_WEEK_SQL = `
  SELECT child_id, day, count(*) AS entries, sum(follow_up_open) AS follow_ups_open,
    sum(category = 'accident') AS accidents, sum(category = 'health') AS medication
  FROM diary_entries
  WHERE child_id IN (SELECT id FROM children WHERE room = $room AND status = 'current') AND day >= $from AND day <= $to
  GROUP BY child_id, day`;

export const PATTERN_COUNTS_SQL = `
  SELECT day, category, count(*) AS n FROM diary_entries
  WHERE child_id = $childId AND day >= $from AND day <= $to
  GROUP BY day, category`;

// ---------------------------------------------------------------------------------------
// Rows and mapping
// ---------------------------------------------------------------------------------------

interface EntryRow {
  id: string;
  child_id: string;
  day: string;
  time: string | null;
  category: DiaryCategory;
  revisions: number;
  text: string;
  from_kind: Party['kind'];
  from_id: string | null;
  from_person: string | null;
  from_name: string;
  to_kind: Party['kind'];
  to_id: string | null;
  to_person: string | null;
  to_name: string;
  transcribed_from: string | null;
  transcribed_name: string | null;
  needs_follow_up: number;
  follow_up_closed_at: string | null;
  follow_up_note: string | null;
  closed_by_name: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

interface ShareRow {
  id: string;
  entry_id: string;
  partner_id: string;
  partner_name: string;
  consent_id: string | null;
  method: DiaryShare['method'];
  rev: number;
  shared_by_name: string;
  shared_at: string;
}

function toShare(r: ShareRow): DiaryShare {
  return {
    shareId: r.id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    consentId: r.consent_id,
    method: r.method,
    revision: r.rev,
    sharedByName: r.shared_by_name,
    sharedAt: r.shared_at,
  };
}

function toEntry(r: EntryRow, shares: DiaryShare[]): DiaryEntry {
  return {
    id: r.id,
    childId: r.child_id,
    day: r.day,
    time: r.time,
    category: r.category,
    from: { kind: r.from_kind, id: r.from_id, name: r.from_name, person: r.from_person },
    to: { kind: r.to_kind, id: r.to_id, name: r.to_name, person: r.to_person },
    text: r.text,
    transcribedFrom: r.transcribed_from ? { partnerId: r.transcribed_from, name: r.transcribed_name ?? '' } : null,
    needsFollowUp: r.needs_follow_up === 1,
    followUp: r.follow_up_closed_at ? { closedByName: r.closed_by_name ?? '', closedAt: r.follow_up_closed_at, note: r.follow_up_note } : null,
    revision: r.revisions,
    createdById: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    shares,
  };
}

export interface DiaryChild {
  childId: string;
  name: string;
  room: string | null;
}

export function requireChild(db: Db, childId: string): DiaryChild {
  const row = get<{ id: string; legal_name: string; preferred_name: string | null; room: string | null }>(
    db,
    'SELECT id, legal_name, preferred_name, room FROM children WHERE id = $childId',
    { childId },
  );
  if (!row) throw new TwoWayError('not-found', 'That child was not found.');
  return { childId: row.id, name: childName(row), room: row.room };
}

/** "Amelia Jones", or "Millie (Amelia Jones)" when she is known by another name. */
export function childName(row: { legal_name: string; preferred_name: string | null }): string {
  return childDisplayName({ legalName: row.legal_name, preferredName: row.preferred_name });
}

// ---------------------------------------------------------------------------------------
// Who an entry is from and to
// ---------------------------------------------------------------------------------------

interface ResolvedParty {
  kind: Party['kind'];
  id: string | null;
  person: string | null;
  name: string;
}

/** A field's error, at its path in the input (e.g. ['from', 'carerId']). */
export function fieldError(path: string | string[], message: string): TwoWayError {
  return new TwoWayError('invalid-input', 'Some details need correcting.', { issues: [{ path: Array.isArray(path) ? path : [path], message }] });
}

function carerOf(db: Db, childId: string, carerId: string, path: string[]) {
  const carer = findCarer(db, carerId);
  if (!carer || carer.childId !== childId) throw fieldError(path, 'Choose one of this child’s parents or carers.');
  return carer;
}

function staffName(db: Db, userId: string, field: string[]): string {
  const u = get<{ full_name: string; active: number }>(db, 'SELECT full_name, active FROM users WHERE id = $userId', { userId });
  if (!u || u.active !== 1) throw fieldError(field, 'Choose a member of staff.');
  return u.full_name;
}

function partnerName(db: Db, partnerId: string, field: string | string[]): string {
  const p = get<{ name: string }>(db, 'SELECT name FROM partners WHERE id = $partnerId', { partnerId });
  if (!p) throw fieldError(field, 'Choose a partner setting from the directory.');
  return p.name;
}

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

function resolveFrom(db: Db, childId: string, from: DiaryFrom, userId: string): ResolvedParty {
  switch (from.kind) {
    case 'staff': {
      const id = from.userId ?? userId;
      return { kind: 'staff', id, person: null, name: staffName(db, id, ['from', 'userId']) };
    }
    case 'carer': {
      const carer = carerOf(db, childId, from.carerId, ['from', 'carerId']);
      return { kind: 'carer', id: carer.id, person: null, name: `${carer.fullName} (${carer.relationship})` };
    }
    case 'partner': {
      const person = blank(from.person);
      const name = partnerName(db, from.partnerId, ['from', 'partnerId']);
      return { kind: 'partner', id: from.partnerId, person, name: person ? `${name} (${person})` : name };
    }
  }
}

function resolveTo(db: Db, childId: string, to: DiaryTo): ResolvedParty {
  switch (to.kind) {
    case 'staff':
      return to.userId
        ? { kind: 'staff', id: to.userId, person: null, name: staffName(db, to.userId, ['to', 'userId']) }
        : { kind: 'staff', id: null, person: null, name: 'Our staff' };
    case 'carer': {
      if (!to.carerId) return { kind: 'carer', id: null, person: null, name: 'Parents and carers' };
      const carer = carerOf(db, childId, to.carerId, ['to', 'carerId']);
      return { kind: 'carer', id: carer.id, person: null, name: `${carer.fullName} (${carer.relationship})` };
    }
    case 'partner': {
      const person = blank(to.person);
      const name = partnerName(db, to.partnerId, ['to', 'partnerId']);
      return { kind: 'partner', id: to.partnerId, person, name: person ? `${name} (${person})` : name };
    }
  }
}

// ---------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------

export type DiaryAddInput = z.output<typeof diaryAddSchema>;

/**
 * Adds an entry: the original text as revision 1, the entry pointing at it, and the search index,
 * in the caller's transaction (the revision's reference to its entry is checked at commit).
 */
export function insertEntry(db: Db, input: DiaryAddInput, userId: string, at: string): string {
  requireChild(db, input.childId);
  const from = resolveFrom(db, input.childId, input.from, userId);
  const to = resolveTo(db, input.childId, input.to);
  if (input.transcribedFrom) partnerName(db, input.transcribedFrom, 'transcribedFrom');
  const id = newId();
  const revId = db
    .prepare(
      `INSERT INTO diary_revisions (entry_id, rev, text, category, time, reason, by_user, at)
       VALUES ($id, 1, $text, $category, $time, NULL, $by, $at)`,
    )
    .run({ id, text: input.text, category: input.category, time: input.time ?? null, by: userId, at }).lastInsertRowid;
  const followUp = input.needsFollowUp ? 1 : 0;
  run(
    db,
    `INSERT INTO diary_entries (id, child_id, day, time, category, current_rev, revisions, from_kind, from_id, from_person, from_name,
       to_kind, to_id, to_person, to_name, transcribed_from, needs_follow_up, follow_up_open, created_by, created_at)
     VALUES ($id, $childId, $day, $time, $category, $rev, 1, $fromKind, $fromId, $fromPerson, $fromName,
       $toKind, $toId, $toPerson, $toName, $transcribedFrom, $followUp, $followUp, $by, $at)`,
    {
      id,
      childId: input.childId,
      day: input.day,
      time: input.time ?? null,
      category: input.category,
      rev: revId,
      fromKind: from.kind,
      fromId: from.id,
      fromPerson: from.person,
      fromName: from.name,
      toKind: to.kind,
      toId: to.id,
      toPerson: to.person,
      toName: to.name,
      transcribedFrom: input.transcribedFrom ?? null,
      followUp,
      by: userId,
      at,
    },
  );
  run(db, 'INSERT INTO diary_fts (rowid, text) VALUES ($rowid, $text)', { rowid: revId, text: input.text });
  return id;
}

interface CurrentRow {
  id: string;
  child_id: string;
  day: string;
  current_rev: number;
  revisions: number;
  text: string;
  category: DiaryCategory;
  time: string | null;
  needs_follow_up: number;
  follow_up_open: number;
  created_by: string;
}

function currentOf(db: Db, entryId: string): CurrentRow {
  const row = get<CurrentRow>(
    db,
    `SELECT e.id, e.child_id, e.day, e.current_rev, e.revisions, r.text, e.category, e.time, e.needs_follow_up, e.follow_up_open, e.created_by
     FROM diary_entries e JOIN diary_revisions r ON r.id = e.current_rev WHERE e.id = $entryId`,
    { entryId },
  );
  if (!row) throw new TwoWayError('not-found', 'That diary entry was not found.');
  return row;
}

/** The child an entry belongs to (for the audit entry), or not-found. */
export function entryChildId(db: Db, entryId: string): string {
  return currentOf(db, entryId).child_id;
}

/** A correction: a new revision with the reason; the earlier text stays in the history and leaves the search index. */
export function amendEntry(
  db: Db,
  input: { entryId: string; text: string; category?: DiaryCategory; time?: string | null; reason: string },
  by: { userId: string; roles: readonly Role[] },
  at: string,
): { childId: string; revision: number } {
  const userId = by.userId;
  const cur = currentOf(db, input.entryId);
  if (!mayAmendEntry(by, cur.created_by)) {
    throw new TwoWayError('forbidden', 'Only the person who wrote this entry, the office, the DSL or a manager can correct it. Ask one of them.');
  }
  const category = input.category ?? cur.category;
  // An omitted time keeps the current one; '' or null clears it.
  const time = input.time === undefined ? cur.time : input.time || null;
  if (input.text === cur.text && category === cur.category && time === cur.time) {
    throw fieldError('text', 'The amendment changes nothing: edit the text, the category or the time.');
  }
  const rev = cur.revisions + 1;
  const revId = db
    .prepare(
      `INSERT INTO diary_revisions (entry_id, rev, text, category, time, reason, by_user, at)
       VALUES ($entryId, $rev, $text, $category, $time, $reason, $by, $at)`,
    )
    .run({ entryId: cur.id, rev, text: input.text, category, time, reason: input.reason, by: userId, at }).lastInsertRowid;
  // External-content FTS5: remove the old text's terms (it needs the old text), then index the new.
  run(db, `INSERT INTO diary_fts (diary_fts, rowid, text) VALUES ('delete', $rowid, $text)`, { rowid: cur.current_rev, text: cur.text });
  run(db, 'INSERT INTO diary_fts (rowid, text) VALUES ($rowid, $text)', { rowid: revId, text: input.text });
  run(db, 'UPDATE diary_entries SET current_rev = $revId, revisions = $rev, category = $category, time = $time WHERE id = $id', {
    revId,
    rev,
    category,
    time,
    id: cur.id,
  });
  return { childId: cur.child_id, revision: rev };
}

export function closeFollowUp(db: Db, entryId: string, note: string | null, userId: string, at: string): string {
  const cur = currentOf(db, entryId);
  if (cur.needs_follow_up !== 1) throw new TwoWayError('conflict', 'This entry was not marked as needing follow-up.');
  if (cur.follow_up_open !== 1) throw new TwoWayError('conflict', 'This follow-up has already been closed.');
  run(db, 'UPDATE diary_entries SET follow_up_open = 0, follow_up_closed_by = $by, follow_up_closed_at = $at, follow_up_note = $note WHERE id = $id', {
    by: userId,
    at,
    note,
    id: entryId,
  });
  return cur.child_id;
}

export function insertShare(
  db: Db,
  s: { entryId: string; partnerId: string; consentId: string | null; method: DiaryShare['method'] },
  userId: string,
  at: string,
): string {
  const cur = currentOf(db, s.entryId);
  const id = newId();
  run(
    db,
    `INSERT INTO diary_shares (id, entry_id, child_id, revision_id, partner_id, consent_id, method, shared_by, shared_at)
     VALUES ($id, $entryId, $childId, $revId, $partnerId, $consentId, $method, $by, $at)`,
    { id, entryId: cur.id, childId: cur.child_id, revId: cur.current_rev, partnerId: s.partnerId, consentId: s.consentId, method: s.method, by: userId, at },
  );
  return id;
}

export function insertWeekPlan(db: Db, p: { week: string; partnerId?: string; theme: string; activities: string }, userId: string, at: string): string {
  if (p.partnerId) partnerName(db, p.partnerId, 'partnerId');
  const id = newId();
  run(
    db,
    `INSERT INTO diary_week_plans (id, week_start, partner_id, theme, activities, by_user, at)
     VALUES ($id, $week, $partnerId, $theme, $activities, $by, $at)`,
    { id, week: weekStart(p.week), partnerId: p.partnerId ?? null, theme: p.theme, activities: p.activities, by: userId, at },
  );
  return id;
}

// ---------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------

export function childWeekEntries(db: Db, childId: string, monday: string): DiaryEntry[] {
  const params = { childId, from: monday, to: addDays(monday, 6) };
  const shares = new Map<string, DiaryShare[]>();
  for (const s of all<ShareRow>(db, WEEK_SHARES_SQL, params)) {
    const list = shares.get(s.entry_id) ?? [];
    list.push(toShare(s));
    shares.set(s.entry_id, list);
  }
  return all<EntryRow>(db, CHILD_WEEK_SQL, params).map((r) => toEntry(r, shares.get(r.id) ?? []));
}

export function readEntry(db: Db, entryId: string): { entry: DiaryEntry; revisions: DiaryRevision[] } {
  const row = get<EntryRow>(db, CHILD_WEEK_SQL.replace(/WHERE[\s\S]*$/, 'WHERE e.id = $entryId'), { entryId });
  if (!row) throw new TwoWayError('not-found', 'That diary entry was not found.');
  const shares = all<ShareRow>(
    db,
    `SELECT s.id, s.entry_id, s.partner_id, p.name AS partner_name, s.consent_id, s.method, r.rev, u.full_name AS shared_by_name, s.shared_at
     FROM diary_shares s JOIN partners p ON p.id = s.partner_id JOIN diary_revisions r ON r.id = s.revision_id JOIN users u ON u.id = s.shared_by
     WHERE s.entry_id = $entryId ORDER BY s.shared_at`,
    { entryId },
  ).map(toShare);
  const revisions = all<{ rev: number; text: string; category: DiaryCategory; time: string | null; reason: string | null; by_name: string; at: string }>(
    db,
    `SELECT r.rev, r.text, r.category, r.time, r.reason, u.full_name AS by_name, r.at
     FROM diary_revisions r JOIN users u ON u.id = r.by_user WHERE r.entry_id = $entryId ORDER BY r.rev`,
    { entryId },
  ).map((r) => ({ revision: r.rev, text: r.text, category: r.category, time: r.time, reason: r.reason, byName: r.by_name, at: r.at }));
  return { entry: toEntry(row, shares), revisions };
}

interface PlanRow {
  partner_id: string | null;
  partner_name: string | null;
  theme: string;
  activities: string;
  by_name: string;
  at: string;
}

/** The latest plan of each setting for a week (ours: partnerId null), for the settings asked about. */
export function weekPlans(db: Db, monday: string, partnerIds: string[], settingName: string): WeekPlan[] {
  const rows = all<PlanRow>(
    db,
    `SELECT p.partner_id, pa.name AS partner_name, p.theme, p.activities, u.full_name AS by_name, p.at
     FROM diary_week_plans p LEFT JOIN partners pa ON pa.id = p.partner_id JOIN users u ON u.id = p.by_user
     WHERE p.week_start = $week ORDER BY p.at DESC, p.rowid DESC`,
    { week: monday },
  );
  const latest = new Map<string, PlanRow>();
  for (const r of rows) if (!latest.has(r.partner_id ?? '')) latest.set(r.partner_id ?? '', r);
  const wanted = ['', ...partnerIds];
  return wanted
    .map((k) => latest.get(k))
    .filter((r): r is PlanRow => !!r && (r.theme !== '' || r.activities !== ''))
    .map((r) => ({
      partnerId: r.partner_id,
      settingName: r.partner_id ? (r.partner_name ?? '') : settingName,
      theme: r.theme,
      activities: r.activities,
      updatedByName: r.by_name,
      updatedAt: r.at,
    }));
}

export function roomChildren(db: Db, room: string): DiaryChild[] {
  return all<{ id: string; legal_name: string; preferred_name: string | null; room: string | null }>(db, ROOM_CHILDREN_SQL, { room }).map((r) => ({
    childId: r.id,
    name: childName(r),
    room: r.room,
  }));
}

export function roomWeekCells(db: Db, room: string, monday: string): Map<string, Map<string, RoomCell>> {
  const cells = new Map<string, Map<string, RoomCell>>();
  for (const r of all<{ child_id: string; day: string; entries: number; follow_ups_open: number; accidents: number; medication: number }>(db, ROOM_WEEK_SQL, {
    room,
    from: monday,
    to: addDays(monday, 6),
  })) {
    const byDay = cells.get(r.child_id) ?? new Map<string, RoomCell>();
    byDay.set(r.day, { day: r.day, entries: r.entries, followUpsOpen: r.follow_ups_open, accidents: r.accidents, medication: r.medication });
    cells.set(r.child_id, byDay);
  }
  return cells;
}

export function emptyCell(day: string): RoomCell {
  return { day, entries: 0, followUpsOpen: 0, accidents: 0, medication: 0 };
}

export function overview(db: Db): { rooms: { room: string; children: number }[]; children: DiaryChild[] } {
  const children = all<{ id: string; legal_name: string; preferred_name: string | null; room: string | null }>(
    db,
    `SELECT id, legal_name, preferred_name, room FROM children WHERE status = 'current' ORDER BY legal_name COLLATE NOCASE`,
  ).map((r) => ({ childId: r.id, name: childName(r), room: r.room }));
  const rooms = new Map<string, number>();
  for (const c of children) if (c.room) rooms.set(c.room, (rooms.get(c.room) ?? 0) + 1);
  return {
    rooms: [...rooms.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en-GB')).map(([room, n]) => ({ room, children: n })),
    children,
  };
}

export function patternCounts(db: Db, childId: string, from: string, to: string): { day: string; counts: Partial<Record<DiaryCategory, number>> }[] {
  const byDay = new Map<string, Partial<Record<DiaryCategory, number>>>();
  for (const r of all<{ day: string; category: DiaryCategory; n: number }>(db, PATTERN_COUNTS_SQL, { childId, from, to })) {
    const counts = byDay.get(r.day) ?? {};
    counts[r.category] = r.n;
    byDay.set(r.day, counts);
  }
  return [...byDay.entries()].map(([day, counts]) => ({ day, counts }));
}

/** Who wrote the entries on the given days, by source: used to describe a weekend before a pattern. */
export function carerWritersOn(db: Db, childId: string, days: string[]): string[] {
  if (days.length === 0) return [];
  const names = new Set<string>();
  for (const day of days) {
    for (const r of all<{ from_name: string }>(
      db,
      `SELECT DISTINCT from_name FROM diary_entries WHERE child_id = $childId AND day = $day AND from_kind = 'carer'`,
      { childId, day },
    )) {
      names.add(r.from_name);
    }
  }
  return [...names];
}

export function sharingHistory(db: Db, childId: string) {
  return all<ShareRow & { day: string; category: DiaryCategory; text: string }>(
    db,
    `SELECT s.id, s.entry_id, s.partner_id, p.name AS partner_name, s.consent_id, s.method, r.rev, u.full_name AS shared_by_name, s.shared_at,
       e.day, r.category, r.text
     FROM diary_shares s JOIN diary_entries e ON e.id = s.entry_id JOIN partners p ON p.id = s.partner_id
     JOIN diary_revisions r ON r.id = s.revision_id JOIN users u ON u.id = s.shared_by
     WHERE s.child_id = $childId ORDER BY s.shared_at DESC, s.rowid DESC`,
    { childId },
  ).map((r) => ({ ...toShare(r), entryId: r.entry_id, day: r.day, category: r.category, text: r.text }));
}

export function activeStaff(db: Db): { userId: string; name: string }[] {
  return all<{ id: string; full_name: string }>(db, 'SELECT id, full_name FROM users WHERE active = 1 ORDER BY full_name COLLATE NOCASE').map((r) => ({
    userId: r.id,
    name: r.full_name,
  }));
}

export function carersOf(db: Db, childId: string): { carerId: string; name: string; relationship: string | null }[] {
  return all<{ id: string; full_name: string; relationship: string }>(
    db,
    'SELECT id, full_name, relationship FROM carers WHERE child_id = $childId ORDER BY parental_responsibility DESC, created_at',
    { childId },
  ).map((r) => ({ carerId: r.id, name: r.full_name, relationship: r.relationship }));
}

/** Partner settings a diary can be shared with: care partners in the directory, and any partner the child attends. */
export function diaryPartners(db: Db, childId: string): { partnerId: string; name: string; kind: string; attendsEver: boolean }[] {
  const kinds = CARE_PARTNER_KINDS.map((k) => `'${k}'`).join(', ');
  return all<{ id: string; name: string; kind: string; attends: number }>(
    db,
    `SELECT p.id, p.name, p.kind, EXISTS (SELECT 1 FROM shared_care sc WHERE sc.child_id = $childId AND sc.partner_id = p.id) AS attends
     FROM partners p
     WHERE p.active = 1 AND (p.kind IN (${kinds}) OR EXISTS (SELECT 1 FROM shared_care sc WHERE sc.child_id = $childId AND sc.partner_id = p.id))
     ORDER BY attends DESC, p.name COLLATE NOCASE`,
    { childId },
  ).map((r) => ({ partnerId: r.id, name: r.name, kind: r.kind, attendsEver: r.attends === 1 }));
}

// ---------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------

export interface SearchFilters {
  query: string;
  childId?: string;
  room?: string;
  category?: DiaryCategory;
  source?: DiarySource;
  from?: string;
  to?: string;
  limit: number;
}

/**
 * The search statement for a set of filters. Across the setting, matches come from the index
 * newest first (by when they were written), so a page of results is found without ranking every
 * match. Within one child's diary, that child's entries are walked newest first (by day) against the
 * set of matching revisions instead, so a word that is common elsewhere does not slow it down;
 * snippets are then made for the page of hits only (`SNIPPET_SQL`).
 */
export function searchSql(f: SearchFilters): { sql: string; params: Params; byChild: boolean } | null {
  const match = buildFtsQuery(f.query);
  if (!match) return null;
  const { where, params } = filterWhere(f);
  params.match = match;
  const columns = SEARCH_COLUMNS;
  if (f.childId) {
    return {
      byChild: true,
      params,
      sql: `
        WITH m (rev) AS MATERIALIZED (SELECT rowid FROM diary_fts WHERE diary_fts MATCH $match)
        SELECT ${columns}, NULL AS snip
        FROM diary_entries e
        JOIN children c ON c.id = e.child_id
        WHERE e.current_rev IN (SELECT rev FROM m) AND ${where.join(' AND ')}
        ORDER BY e.day DESC, e.time DESC
        LIMIT $limit`,
    };
  }
  return {
    byChild: false,
    params,
    sql: `
      SELECT ${columns}, snippet(diary_fts, 0, '${HIT_START}', '${HIT_END}', '…', 24) AS snip
      FROM diary_fts
      JOIN diary_revisions r ON r.id = diary_fts.rowid
      JOIN diary_entries e ON e.id = r.entry_id
      JOIN children c ON c.id = e.child_id
      WHERE ${['diary_fts MATCH $match', ...where].join(' AND ')}
      ORDER BY diary_fts.rowid DESC
      LIMIT $limit`,
  };
}

const SEARCH_COLUMNS = 'e.id, e.child_id, c.legal_name, c.preferred_name, c.room, e.day, e.time, e.category, e.from_name, e.transcribed_from, e.current_rev';

/** The filters as SQL conditions on `e` (entries) and `c` (children). */
function filterWhere(f: SearchFilters): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Params = { limit: f.limit + 1 };
  if (f.childId) {
    where.push('e.child_id = $childId');
    params.childId = f.childId;
  }
  if (f.room) {
    where.push('c.room = $room');
    params.room = f.room;
  }
  if (f.category) {
    where.push('e.category = $category');
    params.category = f.category;
  }
  if (f.source === 'transcribed') where.push('e.transcribed_from IS NOT NULL');
  else if (f.source) {
    where.push('e.from_kind = $source');
    params.source = f.source;
  }
  if (f.from) {
    where.push('e.day >= $from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('e.day <= $to');
    params.to = f.to;
  }
  return { where, params };
}

/**
 * Without words to look up in the index: the filters alone ("all accidents this month"), or text
 * that has no words in it (an emoji, a `*`), found as typed in the current text. Newest day first.
 */
function searchWithoutWords(db: Db, f: SearchFilters, literal: string): SearchRow[] {
  const { where, params } = filterWhere(f);
  if (literal) {
    // LIKE with its own wildcards escaped: what was typed is matched literally.
    where.push("r.text LIKE $like ESCAPE '\\'");
    params.like = `%${literal.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  return all<SearchRow>(
    db,
    `SELECT ${SEARCH_COLUMNS}, r.text AS full_text
     FROM diary_entries e
     JOIN diary_revisions r ON r.id = e.current_rev
     JOIN children c ON c.id = e.child_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY e.day DESC, e.time DESC, e.created_at DESC
     LIMIT $limit`,
    params,
  ).map((r) => ({ ...r, snip: passage(r.full_text ?? '', literal) }));
}

/** A passage of the text around the first place it contains `literal` (marked as the hit), or its start. */
function passage(text: string, literal: string): string {
  const at = literal ? text.toLowerCase().indexOf(literal.toLowerCase()) : -1;
  if (at < 0) return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  const start = Math.max(0, at - 60);
  const end = Math.min(text.length, at + literal.length + 60);
  return `${start > 0 ? '…' : ''}${text.slice(start, at)}${HIT_START}${text.slice(at, at + literal.length)}${HIT_END}${text.slice(at + literal.length, end)}${end < text.length ? '…' : ''}`;
}

interface SearchRow {
  id: string;
  child_id: string;
  legal_name: string;
  preferred_name: string | null;
  room: string | null;
  day: string;
  time: string | null;
  category: DiaryCategory;
  from_name: string;
  transcribed_from: string | null;
  current_rev: number;
  snip: string | null;
  full_text?: string;
}

/** The highlighted passage of one matching revision. */
export const SNIPPET_SQL = `SELECT snippet(diary_fts, 0, '${HIT_START}', '${HIT_END}', '…', 24) AS snip FROM diary_fts WHERE diary_fts MATCH $match AND rowid = $rev`;

export function search(db: Db, f: SearchFilters): { hits: SearchHit[]; more: boolean } {
  const q = searchSql(f);
  let rows: SearchRow[];
  if (q) {
    rows = all<SearchRow>(db, q.sql, q.params);
    if (q.byChild) {
      for (const r of rows.slice(0, f.limit)) r.snip = get<{ snip: string }>(db, SNIPPET_SQL, { match: q.params.match, rev: r.current_rev })?.snip ?? '';
    }
  } else {
    rows = searchWithoutWords(db, f, f.query.trim());
  }
  const more = rows.length > f.limit;
  return {
    more,
    hits: rows.slice(0, f.limit).map((r) => ({
      entryId: r.id,
      childId: r.child_id,
      childName: childName(r),
      room: r.room,
      day: r.day,
      weekStart: weekStart(r.day),
      time: r.time,
      category: r.category,
      fromName: r.from_name,
      transcribed: r.transcribed_from !== null,
      snippet: snippetParts(r.snip ?? ''),
    })),
  };
}


// ---------------------------------------------------------------------------------------
// Open follow-ups (Home)
// ---------------------------------------------------------------------------------------

const FOLLOW_UPS_SHOWN = 20;

/** Entries still waiting for someone to act, oldest first (the longest waiting at the top). */
export function openFollowUps(db: Db): OutputOf<'diary.openFollowUps'> {
  const rows = all<{ id: string; child_id: string; legal_name: string; preferred_name: string | null; day: string; time: string | null; category: DiaryCategory; from_name: string; text: string }>(
    db,
    `SELECT e.id, e.child_id, c.legal_name, c.preferred_name, e.day, e.time, e.category, e.from_name, r.text
     FROM diary_entries e
     JOIN diary_revisions r ON r.id = e.current_rev
     JOIN children c ON c.id = e.child_id
     WHERE e.follow_up_open = 1
     ORDER BY e.day, e.time IS NULL, e.time, e.created_at
     LIMIT $limit`,
    { limit: FOLLOW_UPS_SHOWN },
  );
  const total = get<{ n: number }>(db, 'SELECT count(*) AS n FROM diary_entries WHERE follow_up_open = 1')?.n ?? 0;
  return {
    total,
    followUps: rows.map((r) => ({
      entryId: r.id,
      childId: r.child_id,
      childName: childName(r),
      day: r.day,
      weekStart: weekStart(r.day),
      time: r.time,
      category: r.category,
      fromName: r.from_name,
      excerpt: r.text.length > 90 ? `${r.text.slice(0, 90).trimEnd()}…` : r.text,
    })),
  };
}
