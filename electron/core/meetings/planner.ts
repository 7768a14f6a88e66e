import type { Term } from '../../../shared/contract/meetings';
import { childDisplayName } from '../../../shared/domain/names';
import { addDays } from '../../../shared/domain/weeks';
import type { Db } from '../db/connection';
import { all } from '../db/sql';
import { clashesOf, meetingChildName, meetingsInSpan, overdueActions, type MeetingRow } from './repo';

interface PlannerChild {
  id: string;
  legal_name: string;
  preferred_name: string | null;
  room: string | null;
  key_person_user_id: string | null;
  key_person_name: string | null;
}

/**
 * A term's planner: every child in shared care at any time in the term (and any child the office
 * added), with that term's meeting: held beats booked; none is "missing". A child who left before
 * the term began is not listed.
 */
export function plannerRows(db: Db, term: Term, filter: { room?: string; keyPersonUserId?: string }) {
  const children = all<PlannerChild & { why: 'shared-care' | 'added' }>(
    db,
    `SELECT c.id, c.legal_name, c.preferred_name, c.room, c.key_person_user_id, u.full_name AS key_person_name,
       CASE WHEN EXISTS (SELECT 1 FROM shared_care sc WHERE sc.child_id = c.id AND (sc.starts_on IS NULL OR sc.starts_on <= $ends) AND (sc.ends_on IS NULL OR sc.ends_on >= $starts))
            THEN 'shared-care' ELSE 'added' END AS why
     FROM children c LEFT JOIN users u ON u.id = c.key_person_user_id
     WHERE c.status != 'archived' AND (c.leaving_date IS NULL OR c.leaving_date >= $starts)
       AND (EXISTS (SELECT 1 FROM shared_care sc WHERE sc.child_id = c.id AND (sc.starts_on IS NULL OR sc.starts_on <= $ends) AND (sc.ends_on IS NULL OR sc.ends_on >= $starts))
            OR EXISTS (SELECT 1 FROM meeting_planner_children pc WHERE pc.child_id = c.id AND pc.term_id = $term))
     ORDER BY c.legal_name COLLATE NOCASE`,
    { starts: term.startsOn, ends: term.endsOn, term: term.id },
  );
  const partners = all<{ child_id: string; name: string }>(
    db,
    `SELECT sc.child_id, p.name FROM shared_care sc JOIN partners p ON p.id = sc.partner_id
     WHERE (sc.starts_on IS NULL OR sc.starts_on <= $ends) AND (sc.ends_on IS NULL OR sc.ends_on >= $starts) ORDER BY p.name COLLATE NOCASE`,
    { starts: term.startsOn, ends: term.endsOn },
  );
  const meetings = meetingsInSpan(db, term.startsOn, term.endsOn);
  const byChild = new Map<string, MeetingRow>();
  for (const m of meetings) {
    const seen = byChild.get(m.child_id);
    if (!seen || (seen.status !== 'held' && m.status === 'held')) byChild.set(m.child_id, m);
  }
  const rooms = [...new Set(children.map((c) => c.room).filter((r): r is string => !!r))].sort();
  const keyPersons = [...new Map(children.filter((c) => c.key_person_user_id).map((c) => [c.key_person_user_id!, c.key_person_name ?? ''])).entries()]
    .map(([userId, name]) => ({ userId, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const rows = children
    .filter((c) => (!filter.room || c.room === filter.room) && (!filter.keyPersonUserId || c.key_person_user_id === filter.keyPersonUserId))
    .map((c) => {
      const m = byChild.get(c.id);
      return {
        childId: c.id,
        childName: childDisplayName({ legalName: c.legal_name, preferredName: c.preferred_name }),
        room: c.room,
        keyPersonUserId: c.key_person_user_id,
        keyPersonName: c.key_person_name,
        partners: partners.filter((p) => p.child_id === c.id).map((p) => p.name),
        why: c.why,
        status: m ? (m.status === 'held' ? ('held' as const) : ('booked' as const)) : ('missing' as const),
        meeting: m ? { id: m.id, on: m.on_day, at: m.at_time, format: m.format, clash: m.status === 'booked' && clashesOf(db, m.id).length > 0 } : null,
      };
    });
  return { rows, rooms, keyPersons };
}

/** The office's "this term": meetings to book, packs to print for the fortnight ahead, actions overdue. */
export function thisTerm(db: Db, term: Term, today: string) {
  const { rows } = plannerRows(db, term, {});
  const soon = addDays(today, 14);
  const upcoming = meetingsInSpan(db, today, addDays(today, 7)).filter((m) => m.status === 'booked');
  const packsToPrint = meetingsInSpan(db, today, soon).filter((m) => m.status === 'booked' && (!m.last_pack_at || m.last_pack_at < m.updated_at));
  return {
    term,
    toBook: rows.filter((r) => r.status === 'missing').map((r) => ({ childId: r.childId, childName: r.childName })),
    packsToPrint: packsToPrint.map((m) => ({ meetingId: m.id, childName: meetingChildName(m), on: m.on_day, at: m.at_time })),
    overdueActions: overdueActions(db, today),
    upcoming: upcoming.map((m) => ({ meetingId: m.id, childName: meetingChildName(m), on: m.on_day, at: m.at_time, format: m.format, clash: clashesOf(db, m.id).length > 0 })),
  };
}
