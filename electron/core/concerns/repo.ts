import type { z } from 'zod';
import { linkedChildrenOf } from './linked';
import type { Session } from '../../../shared/contract/auth';
import type {
  BodyMark,
  Concern,
  ConcernCategory,
  concernReceiptSchema,
  concernRecordSchema,
  concernReferralSchema,
  concernSummarySchema,
  ConcernUrgency,
} from '../../../shared/contract/concerns';
import { TwoWayError } from '../../../shared/contract/errors';
import { all, fromJson, get, newId, run, type Params } from '../db/sql';
import type { Db } from '../db/connection';
import { childName } from '../diary/repo';
import { canRead, readableSql } from './access';

type Summary = z.infer<typeof concernSummarySchema>;
type Receipt = z.infer<typeof concernReceiptSchema>;
type Referral = z.infer<typeof concernReferralSchema>;

interface ConcernRow {
  id: string;
  reference: string;
  child_id: string;
  legal_name: string;
  preferred_name: string | null;
  category: ConcernCategory;
  urgency: ConcernUrgency;
  observed_at: string;
  recorded_at: string;
  late_entry_reason: string | null;
  where_seen: string | null;
  noticed_by: string | null;
  description: string;
  childs_words: string | null;
  action_taken: string | null;
  told_who: string | null;
  about_user_id: string | null;
  about_name: string | null;
  diary_entry_id: string | null;
  recorded_by: string;
  recorded_by_name: string;
  opened: number;
  decision: Summary['decision'];
  open_actions: number;
}

const SELECT = `
  SELECT k.*, c.legal_name, c.preferred_name,
    EXISTS (SELECT 1 FROM concern_opened o WHERE o.concern_id = k.id) AS opened,
    (SELECT r.decision FROM concern_reviews r WHERE r.concern_id = k.id ORDER BY r.at DESC, r.rowid DESC LIMIT 1) AS decision,
    (SELECT COUNT(*) FROM concern_actions a WHERE a.concern_id = k.id
       AND NOT EXISTS (SELECT 1 FROM concern_action_closures x WHERE x.action_id = a.id)) AS open_actions
  FROM concerns k JOIN children c ON c.id = k.child_id`;

function toSummary(r: ConcernRow): Summary {
  return {
    id: r.id,
    reference: r.reference,
    childId: r.child_id,
    childName: childName(r),
    category: r.category,
    urgency: r.urgency,
    observedAt: r.observed_at,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    lateEntry: r.late_entry_reason !== null,
    unread: r.opened === 0,
    decision: r.decision ?? null,
    openActions: r.open_actions,
  };
}

/** `SC-2026-0007`: numbered within the year it was recorded (London year of the recording instant is close enough; it is a label). */
function nextReference(db: Db, year: string): string {
  const row = get<{ n: number }>(db, `SELECT COUNT(*) AS n FROM concerns WHERE reference LIKE $prefix`, { prefix: `SC-${year}-%` });
  return `SC-${year}-${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export function insertConcern(
  db: Db,
  c: z.output<typeof concernRecordSchema>,
  by: { userId: string; name: string },
  about: { userId: string; name: string } | null,
  at: string,
): { id: string; reference: string } {
  const id = newId();
  const reference = nextReference(db, at.slice(0, 4));
  run(
    db,
    `INSERT INTO concerns (id, reference, child_id, category, urgency, observed_at, recorded_at, late_entry_reason, where_seen, noticed_by,
       description, childs_words, action_taken, told_who, about_user_id, about_name, diary_entry_id, recorded_by, recorded_by_name)
     VALUES ($id, $reference, $childId, $category, $urgency, $observedAt, $at, $late, $where, $noticedBy,
       $description, $childsWords, $actionTaken, $toldWho, $aboutId, $aboutName, $diaryEntryId, $by, $byName)`,
    {
      id,
      reference,
      childId: c.childId,
      category: c.category,
      urgency: c.urgency,
      observedAt: new Date(c.observedAt).toISOString(),
      at,
      late: c.lateEntryReason || null,
      where: c.whereSeen || null,
      noticedBy: c.noticedBy || null,
      description: c.description,
      childsWords: c.childsWords || null,
      actionTaken: c.actionTaken || null,
      toldWho: c.toldWho || null,
      aboutId: about?.userId ?? null,
      aboutName: about?.name ?? null,
      diaryEntryId: c.diaryEntryId ?? null,
      by: by.userId,
      byName: by.name,
    },
  );
  c.bodyMarks.forEach((m, i) => {
    run(
      db,
      `INSERT INTO concern_body_marks (id, concern_id, number, side, x, y, type, size, colour, description)
       VALUES ($id, $concernId, $number, $side, $x, $y, $type, $size, $colour, $description)`,
      { id: newId(), concernId: id, number: i + 1, side: m.side, x: m.x, y: m.y, type: m.type, size: m.size || null, colour: m.colour || null, description: m.description || null },
    );
  });
  return { id, reference };
}

export function receiptsOf(db: Db, userId: string): Receipt[] {
  return all<ConcernRow>(db, `${SELECT} WHERE k.recorded_by = $userId ORDER BY k.recorded_at DESC`, { userId }).map((r) => ({
    id: r.id,
    reference: r.reference,
    recordedAt: r.recorded_at,
    childName: childName(r),
    category: r.category,
    lateEntry: r.late_entry_reason !== null,
  }));
}

/** The concerns this member of the safeguarding team may read: unread and urgent first, then newest. */
export function listConcerns(db: Db, viewer: Session, filter: { childId?: string; status: 'all' | 'unread' | 'open' }): Summary[] {
  const readable = readableSql(viewer);
  const where = [readable.sql];
  const params: Params = { ...readable.params };
  if (filter.childId) {
    where.push('k.child_id = $childId');
    params.childId = filter.childId;
  }
  const rows = all<ConcernRow>(db, `${SELECT} WHERE ${where.join(' AND ')}`, params).map(toSummary);
  const kept = rows.filter((s) => filter.status === 'all' || (filter.status === 'unread' ? s.unread : s.unread || s.decision === null || s.openActions > 0));
  return kept.sort(bySafeguardingOrder);
}

const URGENCY_RANK: Record<ConcernUrgency, number> = { now: 0, today: 1, routine: 2 };
function bySafeguardingOrder(a: Summary, b: Summary): number {
  if (a.unread !== b.unread) return a.unread ? -1 : 1;
  if (a.unread && URGENCY_RANK[a.urgency] !== URGENCY_RANK[b.urgency]) return URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency];
  return b.recordedAt.localeCompare(a.recordedAt);
}

/** One concern's row, for the access check (null when there is no such concern). */
export function concernHead(db: Db, id: string): { id: string; childId: string; category: string; aboutUserId: string | null; recordedBy: string; reference: string } | null {
  const r = get<{ id: string; child_id: string; category: string; about_user_id: string | null; recorded_by: string; reference: string }>(
    db,
    'SELECT id, child_id, category, about_user_id, recorded_by, reference FROM concerns WHERE id = $id',
    { id },
  );
  return r ? { id: r.id, childId: r.child_id, category: r.category, aboutUserId: r.about_user_id, recordedBy: r.recorded_by, reference: r.reference } : null;
}

/**
 * A concern the viewer may read, or not-found: a concern hidden from someone (an allegation about
 * them) answers exactly as a concern that does not exist, so its existence is not given away.
 */
export function requireReadable(db: Db, viewer: Session, id: string) {
  const head = concernHead(db, id);
  if (!head || !canRead(viewer, head)) throw new TwoWayError('not-found', 'That concern was not found, or it is not yours to see.');
  return head;
}

export function markOpened(db: Db, concernId: string, userId: string, at: string): void {
  run(db, 'INSERT OR IGNORE INTO concern_opened (concern_id, user_id, at) VALUES ($concernId, $userId, $at)', { concernId, userId, at });
}

export function readConcern(db: Db, id: string, today: string): Concern {
  const r = get<ConcernRow>(db, `${SELECT} WHERE k.id = $id`, { id });
  if (!r) throw new TwoWayError('not-found', 'That concern was not found.');
  return {
    ...toSummary(r),
    description: r.description,
    childsWords: r.childs_words,
    whereSeen: r.where_seen,
    noticedBy: r.noticed_by,
    actionTaken: r.action_taken,
    toldWho: r.told_who,
    lateEntryReason: r.late_entry_reason,
    aboutName: r.about_name,
    diaryEntryId: r.diary_entry_id,
    bodyMarks: bodyMarksOf(db, id),
    addenda: all<{ text: string; reason: string; by_name: string; at: string }>(
      db,
      'SELECT text, reason, by_name, at FROM concern_addenda WHERE concern_id = $id ORDER BY at, rowid',
      { id },
    ).map((a) => ({ text: a.text, reason: a.reason, byName: a.by_name, at: a.at })),
    reviews: all<{ id: string; decision: Concern['reviews'][number]['decision']; reasons: string; by_name: string; at: string }>(
      db,
      'SELECT id, decision, reasons, by_name, at FROM concern_reviews WHERE concern_id = $id ORDER BY at, rowid',
      { id },
    ).map((v) => ({ id: v.id, decision: v.decision, reasons: v.reasons, reviewedByName: v.by_name, at: v.at })),
    actions: actionsWhere(db, 'a.concern_id = $id', { id }),
    referrals: referralsOf(db, id),
    partnerArrangements: arrangementsForChild(db, r.child_id, today),
    sharingDecisions: decisionsIncluding(db, r.child_id, id),
    otherChildren: linkedChildrenOf(db, id),
  };
}

/** The sharing decisions that chose this concern as an item (its reference is frozen in `items_json`). */
function decisionsIncluding(db: Db, childId: string, concernId: string): Concern['sharingDecisions'] {
  const ref = `concern:${concernId}`;
  return all<{ id: string; recipient_name: string; decision: 'share' | 'do-not-share'; decided_at: string; items_json: string }>(
    db,
    `SELECT id, recipient_name, decision, decided_at, items_json FROM sharing_decisions
     WHERE child_id = $childId AND instr(items_json, $ref) > 0 ORDER BY decided_at, rowid`,
    { childId, ref: `"${ref}"` },
  )
    .filter((d) => fromJson<{ ref: string }[]>(d.items_json, []).some((i) => i.ref === ref))
    .map((d) => ({ id: d.id, recipientName: d.recipient_name, decision: d.decision, decidedAt: d.decided_at }));
}

function bodyMarksOf(db: Db, concernId: string): BodyMark[] {
  return all<BodyMark & { size: string | null }>(
    db,
    'SELECT number, side, x, y, type, size, colour, description FROM concern_body_marks WHERE concern_id = $concernId ORDER BY number',
    { concernId },
  );
}

/** Every mark on the body maps of a child's concerns that the viewer may read, oldest concern first, in one query. */
export function bodyMarksOfChild(db: Db, viewer: Session, childId: string): (BodyMark & { reference: string; observedAt: string })[] {
  const readable = readableSql(viewer);
  return all<BodyMark & { reference: string; observed_at: string }>(
    db,
    `SELECT m.number, m.side, m.x, m.y, m.type, m.size, m.colour, m.description, k.reference, k.observed_at
     FROM concern_body_marks m JOIN concerns k ON k.id = m.concern_id
     WHERE k.child_id = $childId AND ${readable.sql}
     ORDER BY k.observed_at, k.rowid, m.number`,
    { childId, ...readable.params },
  ).map(({ observed_at, ...m }) => ({ ...m, observedAt: observed_at }));
}

export function insertAddendum(db: Db, concernId: string, a: { text: string; reason: string }, by: { userId: string; name: string }, at: string): void {
  run(db, 'INSERT INTO concern_addenda (id, concern_id, text, reason, by_user, by_name, at) VALUES ($id, $concernId, $text, $reason, $by, $byName, $at)', {
    id: newId(),
    concernId,
    text: a.text,
    reason: a.reason,
    by: by.userId,
    byName: by.name,
    at,
  });
}

export function insertReview(db: Db, concernId: string, v: { decision: string; reasons: string }, by: { userId: string; name: string }, at: string): string {
  const id = newId();
  run(db, 'INSERT INTO concern_reviews (id, concern_id, decision, reasons, by_user, by_name, at) VALUES ($id, $concernId, $decision, $reasons, $by, $byName, $at)', {
    id,
    concernId,
    decision: v.decision,
    reasons: v.reasons,
    by: by.userId,
    byName: by.name,
    at,
  });
  return id;
}

export function insertAction(
  db: Db,
  concernId: string,
  reviewId: string | null,
  a: { text: string; ownerUserId: string | null; ownerName: string; dueOn: string },
  by: { userId: string; name: string },
  at: string,
): string {
  const id = newId();
  run(
    db,
    `INSERT INTO concern_actions (id, concern_id, review_id, text, owner_user_id, owner_name, due_on, by_user, by_name, at)
     VALUES ($id, $concernId, $reviewId, $text, $owner, $ownerName, $dueOn, $by, $byName, $at)`,
    { id, concernId, reviewId, text: a.text, owner: a.ownerUserId, ownerName: a.ownerName, dueOn: a.dueOn, by: by.userId, byName: by.name, at },
  );
  return id;
}

export function actionHead(db: Db, actionId: string): { concernId: string; closed: boolean } | null {
  const r = get<{ concern_id: string; closed: number }>(
    db,
    'SELECT a.concern_id, EXISTS (SELECT 1 FROM concern_action_closures x WHERE x.action_id = a.id) AS closed FROM concern_actions a WHERE a.id = $actionId',
    { actionId },
  );
  return r ? { concernId: r.concern_id, closed: r.closed === 1 } : null;
}

export function closeAction(db: Db, actionId: string, c: { status: 'done' | 'cancelled'; note: string | null }, by: { userId: string; name: string }, at: string): void {
  run(db, 'INSERT INTO concern_action_closures (action_id, status, note, by_user, by_name, at) VALUES ($actionId, $status, $note, $by, $byName, $at)', {
    actionId,
    status: c.status,
    note: c.note,
    by: by.userId,
    byName: by.name,
    at,
  });
}

interface ActionRow {
  id: string;
  concern_id: string;
  text: string;
  owner_user_id: string | null;
  owner_name: string;
  due_on: string;
  by_name: string;
  at: string;
  status: 'done' | 'cancelled' | null;
  note: string | null;
  closed_by_name: string | null;
  closed_at: string | null;
}
const ACTIONS = `
  SELECT a.*, x.status, x.note, x.by_name AS closed_by_name, x.at AS closed_at
  FROM concern_actions a LEFT JOIN concern_action_closures x ON x.action_id = a.id`;

function actionsWhere(db: Db, where: string, params: Params): Concern['actions'] {
  return all<ActionRow>(db, `${ACTIONS} WHERE ${where} ORDER BY a.due_on, a.rowid`, params).map((a) => ({
    id: a.id,
    concernId: a.concern_id,
    text: a.text,
    ownerUserId: a.owner_user_id,
    ownerName: a.owner_name,
    dueOn: a.due_on,
    status: a.status ?? 'open',
    closedNote: a.note,
    closedByName: a.closed_by_name,
    closedAt: a.closed_at,
    createdByName: a.by_name,
    createdAt: a.at,
  }));
}

export function insertReferral(
  db: Db,
  r: { concernId: string; agency: string; partnerId?: string; referredOn: string; theirReference?: string; outcome?: string; followUpOn?: string },
  by: { userId: string; name: string },
  at: string,
): string {
  const id = newId();
  run(
    db,
    `INSERT INTO concern_referrals (id, concern_id, agency, partner_id, referred_on, their_reference, outcome, follow_up_on, by_user, by_name, at)
     VALUES ($id, $concernId, $agency, $partnerId, $referredOn, $theirReference, $outcome, $followUpOn, $by, $byName, $at)`,
    {
      id,
      concernId: r.concernId,
      agency: r.agency,
      partnerId: r.partnerId ?? null,
      referredOn: r.referredOn,
      theirReference: r.theirReference || null,
      outcome: r.outcome || null,
      followUpOn: r.followUpOn ?? null,
      by: by.userId,
      byName: by.name,
      at,
    },
  );
  return id;
}

export function referralConcernId(db: Db, referralId: string): string | null {
  return get<{ concern_id: string }>(db, 'SELECT concern_id FROM concern_referrals WHERE id = $referralId', { referralId })?.concern_id ?? null;
}

export function insertReferralUpdate(db: Db, referralId: string, u: { theirReference?: string; outcome?: string; followUpOn?: string }, by: { userId: string; name: string }, at: string): void {
  run(
    db,
    `INSERT INTO concern_referral_updates (id, referral_id, their_reference, outcome, follow_up_on, by_user, by_name, at)
     VALUES ($id, $referralId, $theirReference, $outcome, $followUpOn, $by, $byName, $at)`,
    { id: newId(), referralId, theirReference: u.theirReference || null, outcome: u.outcome || null, followUpOn: u.followUpOn ?? null, by: by.userId, byName: by.name, at },
  );
}

function referralsOf(db: Db, concernId: string): Referral[] {
  const referrals = all<{ id: string; agency: string; partner_id: string | null; referred_on: string; their_reference: string | null; outcome: string | null; follow_up_on: string | null; by_name: string; at: string }>(
    db,
    'SELECT * FROM concern_referrals WHERE concern_id = $concernId ORDER BY referred_on, rowid',
    { concernId },
  );
  return referrals.map((r) => {
    const updates = all<{ their_reference: string | null; outcome: string | null; follow_up_on: string | null; by_name: string; at: string }>(
      db,
      'SELECT their_reference, outcome, follow_up_on, by_name, at FROM concern_referral_updates WHERE referral_id = $id ORDER BY at, rowid',
      { id: r.id },
    ).map((u) => ({ theirReference: u.their_reference, outcome: u.outcome, followUpOn: u.follow_up_on, byName: u.by_name, at: u.at }));
    // The latest news of each field wins; an update that leaves a field blank keeps what was known.
    const latest = updates.reduce(
      (acc, u) => ({ theirReference: u.theirReference ?? acc.theirReference, outcome: u.outcome ?? acc.outcome, followUpOn: u.followUpOn ?? acc.followUpOn }),
      { theirReference: r.their_reference, outcome: r.outcome, followUpOn: r.follow_up_on },
    );
    return { id: r.id, agency: r.agency, partnerId: r.partner_id, referredOn: r.referred_on, ...latest, byName: r.by_name, at: r.at, updates };
  });
}

/** The arrangement in force with each partner the child attends now (or will): the newest row per partner. */
export function arrangementsForChild(db: Db, childId: string, today: string): Concern['partnerArrangements'] {
  return all<{ partner_id: string; name: string; whom: string; how: string; how_fast: string }>(
    db,
    `SELECT p.id AS partner_id, p.name, a.whom, a.how, a.how_fast
     FROM partners p
     JOIN partner_concern_arrangements a ON a.partner_id = p.id
     WHERE p.id IN (SELECT partner_id FROM shared_care WHERE child_id = $childId AND (ends_on IS NULL OR ends_on >= $today))
       AND a.rowid = (SELECT MAX(b.rowid) FROM partner_concern_arrangements b WHERE b.partner_id = p.id)
     ORDER BY p.name`,
    { childId, today },
  ).map((a) => ({ partnerId: a.partner_id, partnerName: a.name, whom: a.whom, how: a.how, howFast: a.how_fast }));
}

/** The arrangement in force with every partner that has one. */
export function currentArrangements(db: Db) {
  return all<{ partner_id: string; whom: string; how: string; how_fast: string; by_name: string; at: string }>(
    db,
    `SELECT a.* FROM partner_concern_arrangements a
     WHERE a.rowid = (SELECT MAX(b.rowid) FROM partner_concern_arrangements b WHERE b.partner_id = a.partner_id)`,
  ).map((a) => ({ partnerId: a.partner_id, whom: a.whom, how: a.how, howFast: a.how_fast, byName: a.by_name, at: a.at }));
}

export function transfersOf(db: Db, childId: string) {
  return all<{ id: string; sent_to: string; sent_on: string; how: string; confirmed_by: string | null; received_on: string | null }>(
    db,
    `SELECT t.id, t.sent_to, t.sent_on, t.how, r.confirmed_by, r.received_on
     FROM safeguarding_transfers t LEFT JOIN safeguarding_transfer_receipts r ON r.transfer_id = t.id
     WHERE t.child_id = $childId ORDER BY t.sent_on, t.rowid`,
    { childId },
  ).map((t) => ({ id: t.id, sentTo: t.sent_to, sentOn: t.sent_on, how: t.how, confirmedBy: t.confirmed_by, receivedOn: t.received_on }));
}

export function insertArrangement(db: Db, a: { partnerId: string; whom: string; how: string; howFast: string }, by: { userId: string; name: string }, at: string): void {
  run(db, 'INSERT INTO partner_concern_arrangements (id, partner_id, whom, how, how_fast, by_user, by_name, at) VALUES ($id, $partnerId, $whom, $how, $howFast, $by, $byName, $at)', {
    id: newId(),
    partnerId: a.partnerId,
    whom: a.whom,
    how: a.how,
    howFast: a.howFast,
    by: by.userId,
    byName: by.name,
    at,
  });
}

/** For Home: what nobody on the team has opened yet, and actions past their due day (what this viewer may read). */
export function alertsFor(db: Db, viewer: Session, today: string) {
  const readable = readableSql(viewer);
  const unread = listConcerns(db, viewer, { status: 'unread' }).map((s) => ({ id: s.id, reference: s.reference, childName: s.childName, urgency: s.urgency, recordedAt: s.recordedAt }));
  const overdueActions = all<ActionRow & { reference: string; legal_name: string; preferred_name: string | null }>(
    db,
    `SELECT a.*, k.reference, c.legal_name, c.preferred_name
     FROM concern_actions a JOIN concerns k ON k.id = a.concern_id JOIN children c ON c.id = k.child_id
     WHERE a.due_on < $today AND NOT EXISTS (SELECT 1 FROM concern_action_closures x WHERE x.action_id = a.id)
       AND ${readable.sql}
     ORDER BY a.due_on`,
    { ...readable.params, today },
  ).map((a) => ({ id: a.id, concernId: a.concern_id, reference: a.reference, childName: childName(a), text: a.text, ownerName: a.owner_name, dueOn: a.due_on }));
  return { unread, overdueActions };
}

export function markDiarySignificant(db: Db, entryId: string, note: string | null, by: { userId: string; name: string }, at: string): string {
  const entry = get<{ child_id: string }>(db, 'SELECT child_id FROM diary_entries WHERE id = $entryId', { entryId });
  if (!entry) throw new TwoWayError('not-found', 'That diary entry was not found.');
  if (get(db, 'SELECT 1 AS x FROM chronology_diary_marks WHERE entry_id = $entryId', { entryId })) {
    throw new TwoWayError('conflict', 'That diary entry is already in the chronology.');
  }
  run(db, 'INSERT INTO chronology_diary_marks (id, child_id, entry_id, note, by_user, by_name, at) VALUES ($id, $childId, $entryId, $note, $by, $byName, $at)', {
    id: newId(),
    childId: entry.child_id,
    entryId,
    note,
    by: by.userId,
    byName: by.name,
    at,
  });
  return entry.child_id;
}

export function insertVisit(
  db: Db,
  v: { childId?: string; visitorName: string; agency: string; visitOn: string; arrivedAt: string; leftAt?: string; purpose: string },
  supervisor: { userId: string; name: string },
  by: { userId: string; name: string },
  at: string,
): string {
  const id = newId();
  run(
    db,
    `INSERT INTO professional_visits (id, child_id, visitor_name, agency, visit_on, arrived_at, left_at, purpose, supervised_by, supervised_by_name, by_user, by_name, at)
     VALUES ($id, $childId, $visitorName, $agency, $visitOn, $arrivedAt, $leftAt, $purpose, $supervisor, $supervisorName, $by, $byName, $at)`,
    {
      id,
      childId: v.childId ?? null,
      visitorName: v.visitorName,
      agency: v.agency,
      visitOn: v.visitOn,
      arrivedAt: v.arrivedAt,
      leftAt: v.leftAt || null,
      purpose: v.purpose,
      supervisor: supervisor.userId,
      supervisorName: supervisor.name,
      by: by.userId,
      byName: by.name,
      at,
    },
  );
  return id;
}

export function listVisits(db: Db, childId?: string) {
  return all<{
    id: string;
    child_id: string | null;
    legal_name: string | null;
    preferred_name: string | null;
    visitor_name: string;
    agency: string;
    visit_on: string;
    arrived_at: string;
    left_at: string | null;
    purpose: string;
    supervised_by_name: string;
    by_name: string;
  }>(
    db,
    `SELECT v.*, c.legal_name, c.preferred_name FROM professional_visits v LEFT JOIN children c ON c.id = v.child_id
     ${childId ? 'WHERE v.child_id = $childId' : ''} ORDER BY v.visit_on DESC, v.arrived_at DESC`,
    childId ? { childId } : {},
  ).map((v) => ({
    id: v.id,
    childId: v.child_id,
    childName: v.legal_name ? childName({ legal_name: v.legal_name, preferred_name: v.preferred_name }) : null,
    visitorName: v.visitor_name,
    agency: v.agency,
    visitOn: v.visit_on,
    arrivedAt: v.arrived_at,
    leftAt: v.left_at,
    purpose: v.purpose,
    supervisedByName: v.supervised_by_name,
    recordedByName: v.by_name,
  }));
}

export function insertTransfer(db: Db, t: { childId: string; sentTo: string; sentOn: string; how: string }, by: { userId: string; name: string }, at: string): string {
  const id = newId();
  run(db, 'INSERT INTO safeguarding_transfers (id, child_id, sent_to, sent_on, how, by_user, by_name, at) VALUES ($id, $childId, $sentTo, $sentOn, $how, $by, $byName, $at)', {
    id,
    childId: t.childId,
    sentTo: t.sentTo,
    sentOn: t.sentOn,
    how: t.how,
    by: by.userId,
    byName: by.name,
    at,
  });
  return id;
}

export function transferChildId(db: Db, transferId: string): { childId: string; sentOn: string; confirmed: boolean } | null {
  const r = get<{ child_id: string; sent_on: string; confirmed: number }>(
    db,
    'SELECT t.child_id, t.sent_on, EXISTS (SELECT 1 FROM safeguarding_transfer_receipts r WHERE r.transfer_id = t.id) AS confirmed FROM safeguarding_transfers t WHERE t.id = $transferId',
    { transferId },
  );
  return r ? { childId: r.child_id, sentOn: r.sent_on, confirmed: r.confirmed === 1 } : null;
}

export function insertTransferReceipt(db: Db, transferId: string, r: { confirmedBy: string; receivedOn: string }, by: { userId: string; name: string }, at: string): void {
  run(db, 'INSERT INTO safeguarding_transfer_receipts (transfer_id, confirmed_by, received_on, by_user, by_name, at) VALUES ($transferId, $confirmedBy, $receivedOn, $by, $byName, $at)', {
    transferId,
    confirmedBy: r.confirmedBy,
    receivedOn: r.receivedOn,
    by: by.userId,
    byName: by.name,
    at,
  });
}
