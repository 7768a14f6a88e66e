import type { Session } from '../../../shared/contract/auth';
import { CONCERN_CATEGORY_LABELS, type ConcernCategory } from '../../../shared/contract/concerns';
import { DIARY_CATEGORY_LABELS, type DiaryCategory } from '../../../shared/contract/diary';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { canRead } from '../concerns/access';
import type { Db } from '../db/connection';
import { all, fromJson, get, type Row } from '../db/sql';
import type { RawEntry, RawSection } from './registry';
import { ACCIDENT_CATEGORIES } from './registry';

// How each record type reads in a subject access export: plain labelled fields, in words a parent
// understands. Staff names, other children and other agencies' information are found afterwards
// (subject-access.ts) and reviewed before anything is released.

type Field = { label: string; text: string };
const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
/** Labelled fields, leaving out what is empty. */
function fields(...pairs: [string, unknown][]): Field[] {
  return pairs.flatMap(([label, v]) => (str(v) === null ? [] : [{ label, text: str(v)! }]));
}

export function childRecordSections(db: Db, childId: string): RawSection[] {
  const c = get<Row>(db, 'SELECT * FROM children WHERE id = $childId', { childId });
  if (!c) return [];
  const languages = fromJson<string[]>(c.home_languages, []).join(', ');
  const details: RawEntry = {
    key: `child:${childId}`,
    heading: 'The child',
    fields: fields(
      ['Name', c.legal_name],
      ['Known as', c.preferred_name],
      ['Date of birth', formatDay(String(c.date_of_birth))],
      ['Started', c.start_date ? formatDay(String(c.start_date)) : null],
      ['Room', c.room],
      ['Languages at home', languages],
      ['Left', c.leaving_date ? formatDay(String(c.leaving_date)) : null],
      ['Going to', c.leaving_destination],
      ['Notes', c.notes],
    ),
  };
  const family = all<Row>(db, 'SELECT * FROM carers WHERE child_id = $childId ORDER BY created_at', { childId }).map<RawEntry>((r) => ({
    key: `carer:${r.id}`,
    heading: `${r.full_name} (${r.relationship})`,
    fields: fields(
      ['Parental responsibility', r.parental_responsibility ? 'Yes' : 'No'],
      ['Lives with the child', r.lives_with_child ? 'Yes' : 'No'],
      ['Phone', r.phone],
      ['Email', r.email],
      ['Address', r.address],
      ['Must not collect', r.must_not_collect ? 'Yes' : null],
      ['Restriction', r.restriction_note],
      ['Court order', r.court_order],
      ['Notes', r.notes],
    ),
  }));
  const contacts = all<Row>(db, 'SELECT * FROM emergency_contacts WHERE child_id = $childId ORDER BY priority', { childId }).map<RawEntry>((r) => ({
    key: `contact:${r.id}`,
    heading: `Emergency contact: ${r.name} (${r.relationship})`,
    fields: fields(['Phone', r.phone], ['Other phone', r.alt_phone], ['May collect', r.can_collect ? 'Yes' : 'No'], ['Notes', r.notes], ['Removed', r.removed_at ? `${formatDateTime(String(r.removed_at))}: ${r.removed_reason ?? ''}` : null]),
  }));
  const health = healthEntries(db, childId, "h.kind <> 'medication'");
  const consents = all<Row>(
    db,
    `SELECT k.*, g.full_name AS giver, w.on_day AS w_day, w.reason AS w_reason, wc.full_name AS w_by
       FROM consents k JOIN carers g ON g.id = k.given_by_carer_id
       LEFT JOIN consent_withdrawals w ON w.consent_id = k.id LEFT JOIN carers wc ON wc.id = w.by_carer_id
      WHERE k.child_id = $childId ORDER BY k.given_on, k.recorded_at`,
    { childId },
  ).map<RawEntry>((r) => ({
    key: `consent:${r.id}`,
    heading: `${r.decision === 'given' ? 'Consent given' : 'Consent refused'}: ${r.scope}, ${formatDay(String(r.given_on))}`,
    fields: fields(
      ['By', r.giver],
      ['How', r.method],
      ['For', r.recipients === 'all-partners' ? 'All partners' : partnerNames(db, fromJson<string[]>(r.recipients, []))],
      ['Expires', r.expires_on ? formatDay(String(r.expires_on)) : null],
      ['Withdrawn', r.w_day ? `${formatDay(String(r.w_day))} by ${r.w_by}: ${r.w_reason}` : null],
    ),
  }));
  return [
    { id: 'details', title: 'Details', entries: [details] },
    { id: 'family', title: 'Family and contacts', entries: [...family, ...contacts] },
    { id: 'health', title: 'Health', entries: health },
    { id: 'consents', title: 'Consents, with their history', entries: consents },
  ];
}

function partnerNames(db: Db, ids: string[]): string {
  if (!ids.length) return '';
  return all<{ name: string }>(db, `SELECT name FROM partners WHERE id IN (${ids.map((_, i) => `$p${i}`).join(', ')})`, Object.fromEntries(ids.map((id, i) => [`p${i}`, id])))
    .map((p) => p.name)
    .join(', ');
}

function healthEntries(db: Db, childId: string, where: string): RawEntry[] {
  return all<Row>(
    db,
    `SELECT h.*, p.name AS source_name FROM health_items h LEFT JOIN partners p ON p.id = h.source_partner_id WHERE h.child_id = $childId AND ${where} ORDER BY h.created_at`,
    { childId },
  ).map((r) => {
    const source = str(r.source_name) ?? str(r.source_agency);
    return {
      key: `health:${r.id}`,
      heading: `${String(r.kind).replace(/^./, (x) => x.toUpperCase())}: ${r.name}`,
      fields: fields(['Severity', r.severity], ['Reaction', r.reaction], ['What to do', r.action_plan], ['Dose', r.dose], ['When', r.timing], ['Details', r.details], ['From', source], [
        'No longer applies',
        r.ended_at ? `${formatDateTime(String(r.ended_at))}: ${r.ended_reason ?? ''}` : null,
      ]),
      ...(source ? { thirdParty: source } : {}),
    };
  });
}

function diaryEntries(db: Db, childId: string, accidents: boolean): RawEntry[] {
  const cats = ACCIDENT_CATEGORIES.map((c) => `'${c}'`).join(', ');
  return all<Row>(
    db,
    `SELECT e.*, p.name AS transcribed_name FROM diary_entries e LEFT JOIN partners p ON p.id = e.transcribed_from
      WHERE e.child_id = $childId AND e.category ${accidents ? '' : 'NOT '}IN (${cats}) ORDER BY e.day, e.time`,
    { childId },
  ).map((e) => {
    const revisions = all<Row>(db, 'SELECT * FROM diary_revisions WHERE entry_id = $id ORDER BY rev', { id: String(e.id) });
    const current = revisions[revisions.length - 1];
    const earlier = revisions.slice(0, -1).map<[string, unknown]>((r) => [`Earlier wording (changed ${formatDateTime(String(revisions[Number(r.rev)]?.at ?? r.at))})`, r.text]);
    const partnerWords = e.from_kind === 'partner' || e.transcribed_name;
    return {
      key: `diary:${e.id}`,
      heading: `${formatDay(String(e.day))}${e.time ? `, ${e.time}` : ''}: ${DIARY_CATEGORY_LABELS[e.category as DiaryCategory] ?? e.category}`,
      fields: fields(['From', e.from_name], ['To', e.to_name], ['Entry', current?.text], ...earlier, ['Why it was changed', revisions.length > 1 ? current?.reason : null], ['Follow-up', e.follow_up_note]),
      ...(partnerWords ? { thirdParty: String(e.transcribed_name ?? e.from_name) } : {}),
    };
  });
}

export function medicationSections(db: Db, childId: string): RawSection[] {
  return [{ id: 'accidents', title: 'Accidents, incidents and medication', entries: [...diaryEntries(db, childId, true), ...healthEntries(db, childId, "h.kind = 'medication'")] }];
}

export function diarySections(db: Db, childId: string): RawSection[] {
  return [{ id: 'diary', title: 'Diary', entries: diaryEntries(db, childId, false) }];
}

export function sharingSections(db: Db, childId: string): RawSection[] {
  const entries = all<Row>(db, 'SELECT * FROM sharing_decisions WHERE child_id = $childId ORDER BY decided_at', { childId }).map<RawEntry>((d) => ({
    key: `sharing:${d.id}`,
    heading: `${d.decision === 'share' ? 'Decision to share' : 'Decision not to share'} with ${d.recipient_name}, ${formatDay(String(d.decided_day))}`,
    fields: fields(
      ['Why it was asked', d.purpose],
      ['Reasons', fromJson<string[]>(d.reasons, []).join(' ') || d.reasons],
      ['How', d.method || null],
      ['What was shared', fromJson<{ title?: string }[]>(d.items_json, []).map((i) => i.title).filter(Boolean).join('; ')],
      ['Decided by', d.decided_by_name],
    ),
  }));
  return [{ id: 'sharing', title: 'Information-sharing decisions', entries }];
}

/** The safeguarding file, for the DSL only; an allegation about a member of staff is never in a parent's copy. */
export function safeguardingSections(db: Db, childId: string, viewer: Session): RawSection[] {
  if (!viewer.roles.includes('dsl')) return [];
  const entries = all<Row>(db, "SELECT * FROM concerns WHERE child_id = $childId AND category <> 'allegation-staff' ORDER BY observed_at", { childId })
    .filter((k) => canRead(viewer, { category: String(k.category), aboutUserId: (k.about_user_id as string | null) ?? null }))
    .map<RawEntry>((k) => {
      const addenda = all<Row>(db, 'SELECT * FROM concern_addenda WHERE concern_id = $id ORDER BY at', { id: String(k.id) }).map<[string, unknown]>((a) => [`Added ${formatDateTime(String(a.at))} by ${a.by_name}`, a.text]);
      const reviews = all<Row>(db, 'SELECT * FROM concern_reviews WHERE concern_id = $id ORDER BY at', { id: String(k.id) }).map<[string, unknown]>((r) => [`Reviewed ${formatDateTime(String(r.at))} by ${r.by_name}`, r.reasons]);
      const referrals = all<Row>(db, 'SELECT * FROM concern_referrals WHERE concern_id = $id ORDER BY at', { id: String(k.id) }).map<[string, unknown]>((r) => [`Referred to ${r.agency} on ${formatDay(String(r.referred_on))}`, r.outcome ?? 'No outcome recorded yet.']);
      return {
        key: `concern:${k.id}`,
        heading: `${k.reference}: ${CONCERN_CATEGORY_LABELS[k.category as ConcernCategory] ?? k.category}, ${formatDateTime(String(k.observed_at))}`,
        fields: fields(['Recorded by', k.recorded_by_name], ['Where', k.where_seen], ['Noticed by', k.noticed_by], ['What was seen or heard', k.description], ['The child’s own words', k.childs_words], ['What was done', k.action_taken], ['Who was told', k.told_who], ...addenda, ...reviews, ...referrals),
      };
    });
  return [{ id: 'safeguarding', title: 'Safeguarding file', entries }];
}

export function meetingSections(db: Db, childId: string): RawSection[] {
  const entries = all<Row>(db, 'SELECT * FROM meetings WHERE child_id = $childId ORDER BY starts_at', { childId }).map<RawEntry>((m) => {
    const attendees = fromJson<{ name: string; role: string | null }[]>(m.attendees, []);
    const steps = fromJson<{ text: string; where: string; who: string | null }[]>(m.next_steps, []);
    const actions = all<Row>(db, 'SELECT * FROM meeting_actions WHERE meeting_id = $id ORDER BY created_at', { id: String(m.id) });
    return {
      key: `meeting:${m.id}`,
      heading: `Joint meeting, ${formatDay(String(m.on_day))} at ${m.at_time}`,
      fields: fields(
        ['Status', m.status === 'held' ? 'Held' : m.status === 'cancelled' ? `Cancelled: ${m.cancelled_reason ?? ''}` : 'Booked'],
        ['Who took part', attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ')],
        ['Next steps', steps.map((s) => `${s.text}${s.who ? ` (${s.who})` : ''}`).join('; ')],
        ['Actions', actions.map((a) => `${a.text} (${a.owner}): ${a.status}`).join('; ')],
        ['Notes', m.notes],
      ),
    };
  });
  return [{ id: 'meetings', title: 'Termly joint meetings', entries }];
}

export function agreementSections(db: Db, childId: string): RawSection[] {
  const agreements = all<Row>(db, 'SELECT * FROM agreements WHERE child_id = $childId ORDER BY version', { childId }).map<RawEntry>((a) => ({
    key: `agreement:${a.id}`,
    heading: `Information sharing agreement, version ${a.version}`,
    fields: fields(['Signed by everyone', a.signed_at ? formatDateTime(String(a.signed_at)) : 'Not yet'], ['Review by', a.review_on ? formatDay(String(a.review_on)) : null]),
  }));
  const observations = all<Row>(db, 'SELECT o.*, p.name AS partner_name FROM observations o LEFT JOIN partners p ON p.id = o.partner_id WHERE o.child_id = $childId ORDER BY o.observed_on', { childId }).map<RawEntry>(
    (o) => ({
      key: `observation:${o.id}`,
      heading: `Observation, ${formatDay(String(o.observed_on))}`,
      fields: fields(['Where', o.partner_name], ['What was observed', o.text], ['Next step', o.next_step]),
      ...(o.partner_name ? { thirdParty: String(o.partner_name) } : {}),
    }),
  );
  const visits = all<Row>(db, 'SELECT * FROM home_visits WHERE child_id = $childId ORDER BY visited_on', { childId }).map<RawEntry>((v) => ({
    key: `home-visit:${v.id}`,
    heading: `Home visit, ${formatDay(String(v.visited_on))}`,
    fields: fields(['Who went', v.who], ['Notes', v.notes], ['Next steps', v.next_steps]),
  }));
  return [{ id: 'agreements', title: 'Sharing agreement, observations and home visits', entries: [...agreements, ...observations, ...visits] }];
}

/** Documents on the child's file, listed by title (their contents are given separately, as files). */
export function documentSections(db: Db, childId: string): RawSection[] {
  const entries = all<Row>(
    db,
    `SELECT d.*, p.name AS source_name, r.at AS removed_at FROM documents d LEFT JOIN partners p ON p.id = d.source_partner_id LEFT JOIN document_removals r ON r.document_id = d.id
      WHERE d.child_id = $childId AND d.owner_type IN ('child', 'meeting', 'agreement') ORDER BY d.added_at`,
    { childId },
  ).map<RawEntry>((d) => {
    const source = str(d.source_name) ?? str(d.source_agency);
    return {
      key: `document:${d.id}`,
      heading: `Document: ${d.title}${Number(d.version) > 1 ? ` (version ${d.version})` : ''}`,
      fields: fields(['File', d.file_name], ['Refers to', d.refers_to ? formatDay(String(d.refers_to)) : null], ['From', source], ['Added', formatDateTime(String(d.added_at))], ['Removed', d.removed_at ? formatDateTime(String(d.removed_at)) : null]),
      ...(source ? { thirdParty: source } : {}),
    };
  });
  return [{ id: 'documents', title: 'Documents', entries }];
}
