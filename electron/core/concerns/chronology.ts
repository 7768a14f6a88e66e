import type { Session } from '../../../shared/contract/auth';
import {
  CONCERN_CATEGORY_LABELS,
  NAMED_ELSEWHERE,
  onAnotherFamilysFile,
  otherFamilyNames,
  withoutNames,
  REVIEW_DECISION_LABELS,
  type ChronologyEvent,
  type ConcernCategory,
} from '../../../shared/contract/concerns';
import { DIARY_CATEGORY_LABELS, type DiaryCategory } from '../../../shared/contract/diary';
import { formatDay } from '../../../shared/domain/dates';
import { addDays, londonDateTime, londonMidnight } from '../../../shared/domain/weeks';
import { all } from '../db/sql';
import type { Db } from '../db/connection';
import { readableSql } from './access';
import { otherChildrenFor } from './linked';

/**
 * A child's safeguarding chronology: one timeline of concerns, addenda, reviews, actions, referrals,
 * sharing decisions, diary entries the DSL marked significant, visiting professionals and file
 * transfers. Only what the viewer may read is included (an allegation about the viewer is not).
 * `external` leaves out who wrote each entry and names no member of staff (for the next setting).
 * `at` is an instant, or a calendar day for things recorded by day (referrals, transfers, visits
 * with their time); both begin `YYYY-MM-DD`, so they sort together.
 */
export function chronologyOf(db: Db, viewer: Session, childId: string, { external }: { external: boolean }): ChronologyEvent[] {
  const { sql: readable, params } = readableSql(viewer);
  const p = { childId, ...params };
  const events: ChronologyEvent[] = [];
  const concernOf = (id: string, reference: string) => ({ concernId: id, reference });
  // The external version (for the next setting or an agency) names no member of our staff.
  const staff = (name: string) => (external ? 'a member of staff' : name);
  const by = (name: string) => (external ? null : name);

  // The child's own concerns, and (issue 18) those naming them as another child involved.
  for (const k of all<{ id: string; child_id: string; reference: string; category: ConcernCategory; observed_at: string; description: string; childs_words: string | null; recorded_by_name: string; late_entry_reason: string | null }>(
    db,
    `SELECT k.* FROM concerns k
     WHERE (k.child_id = $childId OR k.id IN (SELECT concern_id FROM concern_children WHERE child_id = $childId)) AND ${readable}`,
    p,
  )) {
    const named = otherChildrenFor(db, viewer, { id: k.id, childId: k.child_id }, childId, false);
    const otherChildren = external ? otherChildrenFor(db, viewer, { id: k.id, childId: k.child_id }, childId, true) : named;
    const title = `Concern ${k.reference}: ${CONCERN_CATEGORY_LABELS[k.category]}`;
    const words = k.childs_words ? ` The child said: “${k.childs_words}”` : '';
    const late = k.late_entry_reason ? ` (Late entry: ${k.late_entry_reason})` : '';
    let detail = `${k.description}${words}${late}`;
    // Seen from a child named in it. Outside our team, a concern on another family's child is not
    // told here, only that this child was named in it (the printed version does the same).
    if (k.child_id !== childId) detail = external && onAnotherFamilysFile(otherChildren) ? NAMED_ELSEWHERE : `This child was named as involved. ${detail}`;
    // For another setting, another family's children are not named, not even in what was written.
    if (external) detail = withoutNames(detail, otherFamilyNames(named));
    events.push({ at: k.observed_at, kind: 'concern', title, detail, byName: by(k.recorded_by_name), ...concernOf(k.id, k.reference), otherChildren });
  }
  for (const a of all<{ concern_id: string; reference: string; text: string; reason: string; by_name: string; at: string }>(
    db,
    `SELECT a.*, k.reference FROM concern_addenda a JOIN concerns k ON k.id = a.concern_id WHERE k.child_id = $childId AND ${readable}`,
    p,
  )) {
    events.push({ at: a.at, kind: 'addendum', title: `Addendum to ${a.reference}`, detail: `${a.reason}: ${a.text}`, byName: by(a.by_name), ...concernOf(a.concern_id, a.reference) });
  }
  for (const v of all<{ concern_id: string; reference: string; decision: keyof typeof REVIEW_DECISION_LABELS; reasons: string; by_name: string; at: string }>(
    db,
    `SELECT v.*, k.reference FROM concern_reviews v JOIN concerns k ON k.id = v.concern_id WHERE k.child_id = $childId AND ${readable}`,
    p,
  )) {
    events.push({ at: v.at, kind: 'review', title: `Review of ${v.reference}: ${REVIEW_DECISION_LABELS[v.decision]}`, detail: v.reasons, byName: by(v.by_name), ...concernOf(v.concern_id, v.reference) });
  }
  for (const a of all<{ concern_id: string; reference: string; text: string; owner_user_id: string | null; owner_name: string; due_on: string; by_name: string; at: string; status: string | null; note: string | null }>(
    db,
    `SELECT a.*, k.reference, x.status, x.note FROM concern_actions a JOIN concerns k ON k.id = a.concern_id
     LEFT JOIN concern_action_closures x ON x.action_id = a.id WHERE k.child_id = $childId AND ${readable}`,
    p,
  )) {
    const state = a.status === 'done' ? 'Done' : a.status === 'cancelled' ? 'No longer needed' : 'Open';
    events.push({
      at: a.at,
      kind: 'action',
      title: `Action on ${a.reference}`,
      detail: `${a.text} (${a.owner_user_id ? staff(a.owner_name) : a.owner_name}, due ${formatDay(a.due_on)}). ${state}${a.note ? `: ${a.note}` : '.'}`,
      byName: by(a.by_name),
      ...concernOf(a.concern_id, a.reference),
    });
  }
  for (const r of all<{ concern_id: string; reference: string; agency: string; referred_on: string; their_reference: string | null; outcome: string | null; by_name: string }>(
    db,
    `SELECT r.*, k.reference FROM concern_referrals r JOIN concerns k ON k.id = r.concern_id WHERE k.child_id = $childId AND ${readable}`,
    p,
  )) {
    const ref = r.their_reference ? ` Their reference: ${r.their_reference}.` : '';
    const outcome = r.outcome ? ` Outcome: ${r.outcome}` : '';
    events.push({ at: r.referred_on, kind: 'referral', title: `Referral to ${r.agency} (${r.reference})`, detail: `${ref}${outcome}`.trim() || 'Referral made.', byName: by(r.by_name), ...concernOf(r.concern_id, r.reference) });
  }
  for (const d of all<{ decided_at: string; decision: string; recipient_name: string; purpose: string; reasons: string; decided_by_name: string }>(
    db,
    'SELECT decided_at, decision, recipient_name, purpose, reasons, decided_by_name FROM sharing_decisions WHERE child_id = $childId',
    { childId },
  )) {
    events.push({
      at: d.decided_at,
      kind: 'sharing',
      title: d.decision === 'share' ? `Decided to share with ${d.recipient_name}` : `Decided not to share with ${d.recipient_name}`,
      detail: `${d.purpose}. Reasons: ${d.reasons}`,
      byName: by(d.decided_by_name),
      concernId: null,
      reference: null,
    });
  }
  for (const e of all<{ day: string; time: string | null; category: DiaryCategory; text: string; note: string | null; by_name: string }>(
    db,
    `SELECT e.day, e.time, e.category, r.text, m.note, m.by_name FROM chronology_diary_marks m
     JOIN diary_entries e ON e.id = m.entry_id JOIN diary_revisions r ON r.id = e.current_rev WHERE m.child_id = $childId`,
    { childId },
  )) {
    events.push({
      at: `${e.day}${e.time ? `T${e.time}` : ''}`,
      kind: 'diary',
      title: `Diary: ${DIARY_CATEGORY_LABELS[e.category]}`,
      detail: `${e.text}${e.note ? ` (Why it matters: ${e.note})` : ''}`,
      byName: by(e.by_name),
      concernId: null,
      reference: null,
    });
  }
  for (const v of all<{ visit_on: string; arrived_at: string; visitor_name: string; agency: string; purpose: string; supervised_by_name: string; by_name: string }>(
    db,
    'SELECT * FROM professional_visits WHERE child_id = $childId',
    { childId },
  )) {
    events.push({
      at: `${v.visit_on}T${v.arrived_at}`,
      kind: 'visit',
      title: `Visit: ${v.visitor_name} (${v.agency})`,
      detail: `${v.purpose}. Supervised by ${staff(v.supervised_by_name)}.`,
      byName: by(v.by_name),
      concernId: null,
      reference: null,
    });
  }
  for (const t of all<{ sent_to: string; sent_on: string; how: string; by_name: string; confirmed_by: string | null; received_on: string | null }>(
    db,
    `SELECT t.*, r.confirmed_by, r.received_on FROM safeguarding_transfers t LEFT JOIN safeguarding_transfer_receipts r ON r.transfer_id = t.id WHERE t.child_id = $childId`,
    { childId },
  )) {
    const receipt = t.confirmed_by ? ` Receipt confirmed by ${t.confirmed_by} on ${formatDay(t.received_on!)}.` : ' Receipt not yet confirmed.';
    events.push({ at: t.sent_on, kind: 'transfer', title: `Safeguarding file sent to ${t.sent_to}`, detail: `Sent by ${t.how}.${receipt}`, byName: by(t.by_name), concernId: null, reference: null });
  }
  return events;
}

/**
 * Where an event sits on the timeline, as a UTC instant: instants as they are; a London day and
 * time (diary entries, visits) at that time; a day alone (a referral, a transfer) at the end of that
 * day, after what was timed that day (a referral follows the concern and the review that led to it).
 */
export function timelineInstant(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return new Date(londonMidnight(addDays(at, 1)).getTime() - 1).toISOString();
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(at);
  if (local) return londonDateTime(local[1], `${local[2]}:${local[3]}`).toISOString();
  return new Date(at).toISOString();
}
