import type { Session } from '../../../shared/contract/auth';
import { HEALTH_KIND_LABELS, SEVERITY_LABELS, type ChildFile } from '../../../shared/contract/children';
import { CONCERN_CATEGORY_LABELS, type ConcernCategory } from '../../../shared/contract/concerns';
import { DIARY_CATEGORY_LABELS, type DiaryCategory } from '../../../shared/contract/diary';
import { fieldError } from '../../../shared/contract/fields';
import type { ChildRecordItem, ItemChoice, ItemKind } from '../../../shared/contract/sharing';
import { formatDateTime, formatDay, londonDay } from '../../../shared/domain/dates';
import { describeDays } from '../../../shared/domain/weekdays';
import { EYFS_AREA_LABELS, type EyfsArea } from '../../../shared/domain/eyfs';
import { DOCUMENT_TYPES } from '../../../shared/contract/documents';
import { canRead } from '../concerns/access';
import { mayReadOwner } from '../documents/owners';
import { documentsOfChild } from '../documents/repo';
import type { Db } from '../db/connection';
import { all } from '../db/sql';

// The pieces of a child's records that can be chosen for a share. Each becomes a small, readable
// summary (label and content) built here in the core from the records themselves: what the renderer
// sends is only a reference, so it cannot slip in content of its own or another child's records.

const line = (label: string, value: string | null | undefined) => (value && value.trim() ? `${label}: ${value.trim()}` : null);
const lines = (...parts: (string | null | undefined | false)[]) => parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');

/** At most this many diary entries are offered (newest first): a share is of a few relevant entries. */
const DIARY_LIMIT = 200;

function item(kind: ItemKind, id: string, label: string, content: string, date: string | null = null, suggestedAgency: string | null = null): ChildRecordItem {
  return { ref: `${kind}:${id}`, kind, label, content, date, suggestedAgency };
}

function detailsItem(file: ChildFile): ChildRecordItem {
  const c = file.child;
  return item(
    'details',
    'child',
    'Name, date of birth, room and key person',
    lines(
      line('Legal name', c.legalName),
      c.preferredName && c.preferredName !== c.legalName ? line('Known as', c.preferredName) : null,
      line('Date of birth', formatDay(c.dateOfBirth)),
      line('Room or group', c.room),
      line('Key person', c.keyPersonName),
      line('Started', c.startDate ? formatDay(c.startDate) : null),
      c.homeLanguages.length ? line('Home languages', c.homeLanguages.join(', ')) : null,
      c.attendance.length ? line('Days with us', describeDays(c.attendance)) : null,
    ),
  );
}

function carerItems(file: ChildFile): ChildRecordItem[] {
  return file.carers.map((p) =>
    item(
      'carer',
      p.id,
      `${p.fullName} (${p.relationship})`,
      lines(
        `Parental responsibility: ${p.parentalResponsibility ? 'yes' : 'no'}`,
        p.livesWithChild ? 'Lives with the child' : null,
        line('Phone', p.phone),
        line('Other phone', p.workPhone),
        line('Email', p.email),
        line('Address', p.address),
        p.mustNotCollect ? 'MUST NOT COLLECT the child' : null,
        line('Collection restriction', p.restrictionNote),
        line('Court order', p.courtOrder),
      ),
    ),
  );
}

function contactItems(file: ChildFile): ChildRecordItem[] {
  return file.contacts.map((c) =>
    item(
      'contact',
      c.id,
      `${c.name} (${c.relationship})`,
      lines(
        `Priority ${c.priority}`,
        line('Phone', c.phone),
        line('Other phone', c.altPhone),
        c.canCollect ? 'May collect the child' : 'May not collect the child',
        line('Last checked with the parents', formatDay(c.lastVerifiedOn)),
      ),
      c.lastVerifiedOn,
    ),
  );
}

function healthItems(file: ChildFile): ChildRecordItem[] {
  return file.health
    .filter((h) => !h.ended)
    .map((h) =>
      item(
        'health',
        h.id,
        `${HEALTH_KIND_LABELS[h.kind]}: ${h.name}`,
        lines(
          h.severity ? line('Severity', SEVERITY_LABELS[h.severity]) : null,
          line('Reaction', h.reaction),
          line('Action plan', h.actionPlan),
          line('Dose', h.dose),
          line('When it is given', h.timing),
          line('Stored', h.storedWhere),
          h.expiresOn ? line('Expires', formatDay(h.expiresOn)) : null,
          line('Details', h.details),
          ...h.arrangements.map((a) => line(`Managed at ${a.settingName} by`, a.who)),
          line('What the parents do', h.parentsDo),
          h.source ? line('Given to us by', h.source.agency) : null,
        ),
        null,
        // Our policy 1.3: another agency's record is third-party information, flagged by the core.
        h.source?.agency ?? null,
      ),
    );
}

function sharedCareItems(file: ChildFile): ChildRecordItem[] {
  return file.sharedCare.map((s) =>
    item(
      'shared-care',
      s.id,
      `Attends ${s.partnerName}`,
      lines(
        line('Days', describeDays(s.days)),
        line('Key person there', s.keyPersonName),
        line('Their contact', s.keyPersonContact),
        line('Who takes the child between settings', s.transferWho),
        line('When', s.transferWhen),
        line('What is handed over', s.handover),
        s.startsOn ? line('From', formatDay(s.startsOn)) : null,
        s.endsOn ? line('Until', formatDay(s.endsOn)) : null,
      ),
      s.startsOn,
    ),
  );
}

interface DiaryRow {
  id: string;
  day: string;
  time: string | null;
  category: DiaryCategory;
  text: string;
  from_kind: string;
  from_name: string;
  to_name: string;
  partner_name: string | null;
  transcribed_name: string | null;
}

function diaryItems(db: Db, childId: string): ChildRecordItem[] {
  // The diary is another engineer's feature: read only its current text, and carry on without it.
  const hasDiary = all<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'diary_entries'").length > 0;
  if (!hasDiary) return [];
  return all<DiaryRow>(
    db,
    `SELECT e.id, e.day, e.time, e.category, r.text, e.from_kind, e.from_name, e.to_name,
       fp.name AS partner_name, tp.name AS transcribed_name
     FROM diary_entries e
     JOIN diary_revisions r ON r.id = e.current_rev
     LEFT JOIN partners fp ON e.from_kind = 'partner' AND fp.id = e.from_id
     LEFT JOIN partners tp ON tp.id = e.transcribed_from
     WHERE e.child_id = $childId
     ORDER BY e.day DESC, e.time DESC, e.created_at DESC
     LIMIT ${DIARY_LIMIT}`,
    { childId },
  ).map((r) =>
    item(
      'diary',
      r.id,
      `${formatDay(r.day)}${r.time ? ` ${r.time}` : ''}: ${DIARY_CATEGORY_LABELS[r.category] ?? r.category}`,
      lines(`${r.from_name} → ${r.to_name}`, r.text),
      r.day,
      r.partner_name ?? r.transcribed_name,
    ),
  );
}

/**
 * Issue 13: observations and the notes of home visits. An observation typed in from a partner
 * setting is theirs (our policy 1.3: third-party information, flagged whatever the form sends).
 */
function observationItems(db: Db, childId: string): ChildRecordItem[] {
  return all<{ id: string; observed_on: string; areas: string; text: string; observer_name: string; next_step: string | null; partner_name: string | null }>(
    db,
    `SELECT o.id, o.observed_on, o.areas, o.text, o.observer_name, o.next_step, p.name AS partner_name
     FROM observations o LEFT JOIN partners p ON p.id = o.partner_id WHERE o.child_id = $childId ORDER BY o.observed_on DESC LIMIT ${DIARY_LIMIT}`,
    { childId },
  ).map((o) =>
    item(
      'observation',
      o.id,
      `${formatDay(o.observed_on)}: ${JSON.parse(o.areas).map((a: EyfsArea) => EYFS_AREA_LABELS[a] ?? a).join(', ')}`,
      lines(line('Observed by', o.observer_name), o.text, line('Next step', o.next_step)),
      o.observed_on,
      o.partner_name,
    ),
  );
}

function homeVisitItems(db: Db, childId: string): ChildRecordItem[] {
  return all<{ id: string; visited_on: string; who: string; notes: string; next_steps: string | null }>(
    db,
    'SELECT id, visited_on, who, notes, next_steps FROM home_visits WHERE child_id = $childId ORDER BY visited_on DESC',
    { childId },
  ).map((v) => item('home-visit', v.id, `Home visit, ${formatDay(v.visited_on)}`, lines(line('Who went', v.who), v.notes, line('Next steps', v.next_steps)), v.visited_on));
}

interface ConcernRow {
  id: string;
  reference: string;
  category: ConcernCategory;
  about_user_id: string | null;
  observed_at: string;
  description: string;
  childs_words: string | null;
}

/**
 * Issue 12: a safeguarding concern can be shared (a referral from it). It is our own record and
 * confidential, so it is offered only to those who may read it (the DSL and managers; an allegation
 * about a member of staff to managers only, never to the person it names).
 */
function concernItems(db: Db, childId: string, viewer: Pick<Session, 'userId' | 'roles'>): ChildRecordItem[] {
  return all<ConcernRow>(
    db,
    'SELECT id, reference, category, about_user_id, observed_at, description, childs_words FROM concerns WHERE child_id = $childId ORDER BY observed_at DESC',
    { childId },
  )
    .filter((r) => canRead(viewer, { category: r.category, aboutUserId: r.about_user_id }))
    .map((r) =>
      item(
        'concern',
        r.id,
        `${r.reference}: ${CONCERN_CATEGORY_LABELS[r.category] ?? r.category}, seen ${formatDateTime(r.observed_at)}`,
        lines(line('What was seen or heard', r.description), r.childs_words?.trim() ? `The child’s own words: “${r.childs_words.trim()}”` : null),
        londonDay(new Date(r.observed_at)),
      ),
    );
}

/**
 * Issue 18: documents kept with the child's records, offered only where the viewer may see them (a
 * concern's documents to the safeguarding team). One from another agency carries that agency, so it
 * is third-party information held back until the agency's agreement is recorded (our policy 1.3).
 */
function documentItems(db: Db, childId: string, viewer: Pick<Session, 'userId' | 'roles'>): ChildRecordItem[] {
  return documentsOfChild(db, childId)
    .filter((d) => !d.removed && !d.superseded && mayReadOwner(db, viewer, d.ownerType, d.ownerId))
    .map((d) =>
      item(
        'document',
        d.id,
        `${d.title} (${DOCUMENT_TYPES[d.mime].label}${d.version > 1 ? `, version ${d.version}` : ''})`,
        lines(
          line('Document', d.title),
          d.refersTo ? line('Dated', formatDay(d.refersTo)) : null,
          line('Kind of file', DOCUMENT_TYPES[d.mime].label),
          line('Given to us by', d.sourceAgency),
          'A copy of the document goes with this share (printed from TwoWay’s viewer).',
        ),
        d.refersTo,
        d.sourceAgency,
      ),
    );
}

/**
 * Everything of this child's that can be chosen, grouped by kind in the order of ITEM_KINDS. The
 * viewer decides which safeguarding concerns are among them.
 */
export function childItems(db: Db, file: ChildFile, viewer: Pick<Session, 'userId' | 'roles'>): ChildRecordItem[] {
  return [
    detailsItem(file),
    ...carerItems(file),
    ...contactItems(file),
    ...healthItems(file),
    ...sharedCareItems(file),
    ...diaryItems(db, file.child.id),
    ...observationItems(db, file.child.id),
    ...homeVisitItems(db, file.child.id),
    ...concernItems(db, file.child.id, viewer),
    ...documentItems(db, file.child.id, viewer),
  ];
}

export type ResolvedItem = ChildRecordItem & Pick<ItemChoice, 'necessary' | 'thirdParty'>;

/**
 * The chosen references, resolved against this child's records (anything else is refused with the
 * field it came from). A note written for this share is its own item, with its text as the content.
 */
const NOTE_LABELS = {
  general: 'A note written for this share',
  'additional-needs': 'A note about the child’s additional needs',
  'development-summary': 'A development summary for the next provider or school',
} as const;

function noteItem(choice: ItemChoice): ChildRecordItem {
  const topic = choice.topic ?? 'general';
  const kind: ItemKind = topic === 'general' ? 'note' : topic;
  const agency = choice.source === 'agency' ? (choice.thirdParty?.agency.trim() ?? null) : null;
  // The reference stays `note:n` (what the form sent); the kind says what it is about.
  return { ...item(kind, choice.ref.slice('note:'.length), NOTE_LABELS[topic], (choice.text ?? '').trim(), null, agency || null), ref: choice.ref };
}

/**
 * Seed 001 1.3: a record known to have come from another agency (a partner's diary entry, one
 * typed in from their book, a health record from a health visitor, a note said to be from an agency) is third-party information whatever
 * the form sent: it goes nowhere without that agency's agreement.
 */
function thirdPartyOf(base: ChildRecordItem, choice: ItemChoice): ItemChoice['thirdParty'] {
  if (choice.ref.startsWith('note:') && choice.source === 'us') return undefined;
  // A record that says where it came from names the agency itself: the form only adds its agreement.
  if (choice.thirdParty) return base.suggestedAgency ? { ...choice.thirdParty, agency: base.suggestedAgency } : choice.thirdParty;
  return base.suggestedAgency ? { agency: base.suggestedAgency, agencyConsent: false } : undefined;
}

export function resolveItems(available: ChildRecordItem[], choices: readonly ItemChoice[]): ResolvedItem[] {
  const byRef = new Map(available.map((i) => [i.ref, i]));
  return choices.map((choice, index) => {
    const base = choice.ref.startsWith('note:') ? noteItem(choice) : byRef.get(choice.ref);
    if (!base) throw fieldError(`items.${index}.ref`, 'That is not one of this child’s records (it may have been removed). Choose it again.');
    const thirdParty = thirdPartyOf(base, choice);
    return { ...base, necessary: choice.necessary, ...(thirdParty ? { thirdParty } : {}) };
  });
}
