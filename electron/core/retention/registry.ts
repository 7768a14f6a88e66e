import type { RecordType } from '../../../shared/contract/retention';
import type { RetentionRule } from '../../../shared/domain/retention';
import type { Session } from '../../../shared/contract/auth';
import type { Db } from '../db/connection';
import { all, get, run } from '../db/sql';
import { agreementSections, childRecordSections, diarySections, documentSections, medicationSections, meetingSections, safeguardingSections, sharingSections } from './sections';

export interface Count {
  label: string;
  n: number;
}

export interface RawEntry {
  /** Stable within the child's record: review decisions are keyed on it. */
  key: string;
  heading: string;
  fields: { label: string; text: string }[];
  /** Set when the whole entry is someone else's information (another agency's record, a partner's words). */
  thirdParty?: string;
}
export interface RawSection {
  id: string;
  title: string;
  entries: RawEntry[];
}

/**
 * One kind of record that retention knows: its rule, how to count and dispose of one child's set,
 * and how it reads in a subject access export. A feature adds an entry to `RECORD_TYPES` (contract)
 * and one here; due lists, disposal, the record of disposal and the export follow from it.
 */
export interface RecordTypeDef {
  type: RecordType;
  label: string;
  covers: string;
  defaultRule: RetentionRule;
  reason: string;
  /** Tables with a `child_id` column this type owns: the child row goes only when none has a row left. */
  childTables: string[];
  /** What disposal would remove now (rows another type still relies on are not counted). */
  count(db: Db, childId: string): Count[];
  /** Removes the set; runs inside a disposal (the delete triggers let it through). Returns what went. */
  dispose(db: Db, childId: string): Count[];
  /** Sections of the subject access export; `viewer` decides what they may see. */
  subjectAccess?(db: Db, childId: string, viewer: Session): RawSection[];
}

const n = (db: Db, sql: string, childId: string) => get<{ n: number }>(db, `SELECT count(*) AS n FROM ${sql}`, { childId })?.n ?? 0;
/** What is counted: its name for many and for one ("parents and carers", "parent or carer"), and the rows. */
type Part = [many: string, one: string, sql: string];
const counts = (db: Db, childId: string, parts: Part[]): Count[] =>
  parts.map(([many, one, sql]) => {
    const count = n(db, sql, childId);
    return { label: count === 1 ? one : many, n: count };
  });

// ---- Children's records: details, family, contacts, health, shared care, consents ----

/** A consent relied on by a sharing decision stays while the decision does: it is the decision's basis. */
const HELD_CONSENT = 'id IN (SELECT consent_id FROM sharing_decisions WHERE consent_id IS NOT NULL)';
const FREE_CONSENTS = `consents WHERE child_id = $childId AND NOT (${HELD_CONSENT})`;
const HELD_CARER = `id IN (SELECT given_by_carer_id FROM consents WHERE ${HELD_CONSENT}
  UNION SELECT by_carer_id FROM consent_withdrawals WHERE consent_id IN (SELECT id FROM consents WHERE ${HELD_CONSENT}))`;
const FREE_CARERS = `carers WHERE child_id = $childId AND NOT (${HELD_CARER})`;
const NOT_MEDICATION = "health_items WHERE child_id = $childId AND kind <> 'medication'";

const childRecordParts: Part[] = [
  ['record of the child’s details', 'record of the child’s details', 'children WHERE id = $childId AND details_disposed_at IS NULL'],
  ['parents and carers', 'parent or carer', FREE_CARERS],
  ['emergency contacts', 'emergency contact', 'emergency_contacts WHERE child_id = $childId'],
  ['allergies and dietary needs', 'allergy or dietary need', NOT_MEDICATION],
  ['shared care arrangements', 'shared care arrangement', 'shared_care WHERE child_id = $childId'],
  ['consents and refusals', 'consent or refusal', FREE_CONSENTS],
  ['registration acknowledgements', 'registration acknowledgement', 'consent_acknowledgements WHERE child_id = $childId'],
  ['subject access reviews', 'subject access review', 'subject_access_reviews WHERE child_id = $childId'],
];

function disposeChildRecord(db: Db, childId: string, at: string): Count[] {
  const before = counts(db, childId, childRecordParts);
  const p = { childId };
  run(db, 'DELETE FROM consent_acknowledgements WHERE child_id = $childId', p);
  run(db, `DELETE FROM consent_withdrawals WHERE consent_id IN (SELECT id FROM ${FREE_CONSENTS})`, p);
  run(db, `DELETE FROM consents WHERE id IN (SELECT id FROM ${FREE_CONSENTS})`, p);
  run(db, `DELETE FROM carer_pr_history WHERE carer_id IN (SELECT id FROM ${FREE_CARERS})`, p);
  run(db, `DELETE FROM carers WHERE id IN (SELECT id FROM ${FREE_CARERS})`, p);
  run(db, 'DELETE FROM emergency_contacts WHERE child_id = $childId', p);
  run(db, `DELETE FROM health_items WHERE id IN (SELECT id FROM ${NOT_MEDICATION})`, p);
  run(db, 'DELETE FROM shared_care WHERE child_id = $childId', p);
  run(db, 'DELETE FROM subject_access_reviews WHERE child_id = $childId', p);
  // The name, date of birth and leaving date stay while other records of the child are kept (the
  // safeguarding file is kept to the 25th birthday); everything else about the child goes now.
  run(
    db,
    `UPDATE children SET preferred_name = NULL, room = NULL, attendance = '[]', home_languages = '[]', key_person_user_id = NULL,
       leaving_destination = NULL, leaving_partner_id = NULL, notes = NULL, details_disposed_at = $at WHERE id = $childId`,
    { childId, at },
  );
  return before;
}

// ---- Diary entries (two types: accidents, incidents and medication; and the rest) ----

/** An entry marked for the safeguarding chronology, or that a concern started from, stays with the safeguarding file. */
const HELD_ENTRY = 'id IN (SELECT diary_entry_id FROM concerns WHERE diary_entry_id IS NOT NULL UNION SELECT entry_id FROM chronology_diary_marks)';
export const ACCIDENT_CATEGORIES = ['accident', 'health'] as const;
const IN_ACCIDENT = `category IN (${ACCIDENT_CATEGORIES.map((c) => `'${c}'`).join(', ')})`;
const entriesOf = (accidents: boolean) => `diary_entries WHERE child_id = $childId AND ${accidents ? '' : 'NOT '}(${IN_ACCIDENT}) AND NOT (${HELD_ENTRY})`;

const accidentParts: Part[] = [
  ['diary entries about accidents and health', 'diary entry about an accident or health', entriesOf(true)],
  ['medication records', 'medication record', "health_items WHERE child_id = $childId AND kind = 'medication'"],
];
const diaryParts: Part[] = [['diary entries', 'diary entry', entriesOf(false)]];

function disposeEntries(db: Db, childId: string, accidents: boolean): void {
  const p = { childId };
  const ids = all<{ id: string }>(db, `SELECT id FROM ${entriesOf(accidents)}`, p).map((r) => r.id);
  for (const id of ids) {
    const cur = get<{ rev: number; text: string }>(db, 'SELECT r.id AS rev, r.text FROM diary_entries e JOIN diary_revisions r ON r.id = e.current_rev WHERE e.id = $id', { id });
    // The search index holds only each entry's current wording; it is told to forget it by its exact text.
    if (cur) run(db, "INSERT INTO diary_fts (diary_fts, rowid, text) VALUES ('delete', $rev, $text)", { rev: cur.rev, text: cur.text });
    run(db, 'DELETE FROM diary_shares WHERE entry_id = $id', { id });
    // diary_revisions.entry_id is checked at commit, so the entry can go before its revisions.
    run(db, 'DELETE FROM diary_entries WHERE id = $id', { id });
    run(db, 'DELETE FROM diary_revisions WHERE entry_id = $id', { id });
  }
  // Merges the index's segments so the forgotten words are not left in old pages (secure_delete zeroes them).
  if (ids.length) run(db, "INSERT INTO diary_fts (diary_fts) VALUES ('optimize')");
}

// ---- Termly joint meetings, agreements, observations and home visits, documents ----

const meetingParts: Part[] = [
  ['joint meetings', 'joint meeting', 'meetings WHERE child_id = $childId'],
  ['actions from joint meetings', 'action from a joint meeting', 'meeting_actions WHERE child_id = $childId'],
];
function disposeMeetings(db: Db, childId: string): Count[] {
  const before = counts(db, childId, meetingParts);
  const p = { childId };
  run(db, 'DELETE FROM meeting_packs WHERE meeting_id IN (SELECT id FROM meetings WHERE child_id = $childId)', p);
  run(db, 'DELETE FROM meeting_actions WHERE child_id = $childId', p);
  run(db, 'DELETE FROM meeting_planner_children WHERE child_id = $childId', p);
  run(db, 'DELETE FROM meetings WHERE child_id = $childId', p);
  return before;
}

const agreementParts: Part[] = [
  ['versions of the information sharing agreement', 'version of the information sharing agreement', 'agreements WHERE child_id = $childId'],
  ['observations', 'observation', 'observations WHERE child_id = $childId'],
  ['home visits', 'home visit', 'home_visits WHERE child_id = $childId'],
];
function disposeAgreements(db: Db, childId: string): Count[] {
  const before = counts(db, childId, agreementParts);
  const p = { childId };
  run(db, 'DELETE FROM agreement_signatures WHERE agreement_id IN (SELECT id FROM agreements WHERE child_id = $childId)', p);
  run(db, 'DELETE FROM agreements WHERE child_id = $childId', p);
  run(db, 'DELETE FROM observations WHERE child_id = $childId', p);
  run(db, 'DELETE FROM home_visit_shares WHERE visit_id IN (SELECT id FROM home_visits WHERE child_id = $childId)', p);
  run(db, 'DELETE FROM home_visits WHERE child_id = $childId', p);
  return before;
}

/** Documents go with what they are attached to: a concern's with the safeguarding file, a decision's with the decision. */
const documentsOf = (owners: string) => `documents WHERE child_id = $childId AND owner_type IN (${owners})`;
const OWN_DOCUMENTS = documentsOf("'child', 'meeting', 'agreement'");
function disposeDocuments(db: Db, childId: string, which: string): void {
  const p = { childId };
  const ids = `SELECT id FROM ${which}`;
  run(db, `DELETE FROM document_contents WHERE document_id IN (${ids})`, p);
  run(db, `DELETE FROM document_removals WHERE document_id IN (${ids})`, p);
  run(db, `DELETE FROM documents WHERE id IN (${ids})`, p);
}

// ---- Safeguarding and sharing decisions ----

const SAFEGUARDING_CHILD_TABLES = ['concerns', 'chronology_diary_marks', 'professional_visits', 'safeguarding_transfers', 'concern_children'];
const safeguardingParts: Part[] = [
  ['safeguarding concerns', 'safeguarding concern', 'concerns WHERE child_id = $childId'],
  ['diary entries marked for the chronology', 'diary entry marked for the chronology', 'chronology_diary_marks WHERE child_id = $childId'],
  ['visits by professionals', 'visit by a professional', 'professional_visits WHERE child_id = $childId'],
  ['transfers of the safeguarding file', 'transfer of the safeguarding file', 'safeguarding_transfers WHERE child_id = $childId'],
];

function disposeSafeguarding(db: Db, childId: string): Count[] {
  const before = counts(db, childId, safeguardingParts);
  const p = { childId };
  const ofConcern = 'concern_id IN (SELECT id FROM concerns WHERE child_id = $childId)';
  run(db, `DELETE FROM concern_action_closures WHERE action_id IN (SELECT id FROM concern_actions WHERE ${ofConcern})`, p);
  run(db, `DELETE FROM concern_actions WHERE ${ofConcern}`, p);
  run(db, `DELETE FROM concern_reviews WHERE ${ofConcern}`, p);
  run(db, `DELETE FROM concern_referral_updates WHERE referral_id IN (SELECT id FROM concern_referrals WHERE ${ofConcern})`, p);
  for (const table of ['concern_referrals', 'concern_addenda', 'concern_body_marks', 'concern_opened']) run(db, `DELETE FROM ${table} WHERE ${ofConcern}`, p);
  disposeDocuments(db, childId, documentsOf("'concern'"));
  // Links naming this child in a concern, and links from this child's concerns to other children.
  run(db, `DELETE FROM concern_children WHERE child_id = $childId OR ${ofConcern}`, p);
  run(db, 'DELETE FROM concerns WHERE child_id = $childId', p);
  run(db, 'DELETE FROM chronology_diary_marks WHERE child_id = $childId', p);
  run(db, 'DELETE FROM professional_visits WHERE child_id = $childId', p);
  run(db, 'DELETE FROM safeguarding_transfer_receipts WHERE transfer_id IN (SELECT id FROM safeguarding_transfers WHERE child_id = $childId)', p);
  run(db, 'DELETE FROM safeguarding_transfers WHERE child_id = $childId', p);
  return before;
}

const sharingParts: Part[] = [['information-sharing decisions', 'information-sharing decision', 'sharing_decisions WHERE child_id = $childId']];
function disposeSharing(db: Db, childId: string): Count[] {
  const before = counts(db, childId, sharingParts);
  const ofDecision = 'decision_id IN (SELECT id FROM sharing_decisions WHERE child_id = $childId)';
  run(db, `DELETE FROM sharing_authorisations WHERE ${ofDecision}`, { childId });
  run(db, `DELETE FROM sharing_addenda WHERE ${ofDecision}`, { childId });
  disposeDocuments(db, childId, documentsOf("'sharing'"));
  run(db, 'DELETE FROM sharing_decisions WHERE child_id = $childId', { childId });
  return before;
}

/** The registry. Order is the order of the rules screen and of the subject access export. */
export function recordTypes(at: () => string): RecordTypeDef[] {
  return [
    {
      type: 'child-record',
      label: 'Children’s records',
      covers: 'Details, parents and carers, emergency contacts, allergies and dietary needs, shared care and the consent register.',
      defaultRule: { kind: 'after-leaving', years: 3, months: 0 },
      reason: 'The statutory framework for the early years expects records about children to be kept for a reasonable period after they leave, which the sector takes as 3 years.',
      childTables: ['carers', 'emergency_contacts', 'health_items', 'shared_care', 'consents', 'consent_acknowledgements', 'subject_access_reviews'],
      count: (db, childId) => counts(db, childId, childRecordParts),
      dispose: (db, childId) => disposeChildRecord(db, childId, at()),
      subjectAccess: (db, childId) => childRecordSections(db, childId),
    },
    {
      type: 'accident-medication',
      label: 'Accidents, incidents and medication',
      covers: 'Diary entries about accidents and health (including medicines given) and the child’s medication records.',
      defaultRule: { kind: 'after-birth', years: 21, months: 3 },
      reason: 'A claim for an injury can be made until 3 years after the child turns 18, so these are kept until 21 years and 3 months after the date of birth.',
      childTables: [],
      count: (db, childId) => counts(db, childId, accidentParts),
      dispose: (db, childId) => {
        const before = counts(db, childId, accidentParts);
        disposeEntries(db, childId, true);
        run(db, "DELETE FROM health_items WHERE child_id = $childId AND kind = 'medication'", { childId });
        return before;
      },
      subjectAccess: (db, childId) => medicationSections(db, childId),
    },
    {
      type: 'diary',
      label: 'Diary entries',
      covers: 'The communication diary: messages with parents and partners, the day’s care and learning.',
      defaultRule: { kind: 'after-leaving', years: 3, months: 0 },
      reason: 'The diary is part of the child’s record, so it is kept as long as the rest of it: 3 years after the child leaves.',
      childTables: ['diary_entries'],
      count: (db, childId) => counts(db, childId, diaryParts),
      dispose: (db, childId) => {
        const before = counts(db, childId, diaryParts);
        disposeEntries(db, childId, false);
        return before;
      },
      subjectAccess: (db, childId) => diarySections(db, childId),
    },
    {
      type: 'meetings',
      label: 'Termly joint meetings',
      covers: 'Bookings, who took part, next steps and actions agreed, and when packs were made.',
      defaultRule: { kind: 'after-leaving', years: 3, months: 0 },
      reason: 'Joint meetings are part of the child’s record, so they are kept as long as the rest of it: 3 years after the child leaves.',
      childTables: ['meetings', 'meeting_actions', 'meeting_planner_children'],
      count: (db, childId) => counts(db, childId, meetingParts),
      dispose: disposeMeetings,
      subjectAccess: (db, childId) => meetingSections(db, childId),
    },
    {
      type: 'agreements-observations',
      label: 'Sharing agreements, observations and home visits',
      covers: 'Every version of the information sharing agreement with its signatures, observations with their next steps, and joint home visits.',
      defaultRule: { kind: 'after-leaving', years: 3, months: 0 },
      reason: 'These are part of the child’s learning and care record, so they are kept as long as the rest of it: 3 years after the child leaves.',
      childTables: ['agreements', 'observations', 'home_visits'],
      count: (db, childId) => counts(db, childId, agreementParts),
      dispose: disposeAgreements,
      subjectAccess: (db, childId) => agreementSections(db, childId),
    },
    {
      type: 'documents',
      label: 'Documents kept with a child’s file',
      covers: 'Letters, forms, plans and photos attached to the child’s file, a joint meeting or an agreement (a concern’s documents go with the safeguarding file, a decision’s with the decision).',
      defaultRule: { kind: 'after-leaving', years: 3, months: 0 },
      reason: 'Documents on a child’s file are part of the child’s record, so they are kept as long as the rest of it: 3 years after the child leaves.',
      childTables: ['documents'],
      count: (db, childId) => counts(db, childId, [['documents', 'document', OWN_DOCUMENTS]]),
      dispose: (db, childId) => {
        const before = counts(db, childId, [['documents', 'document', OWN_DOCUMENTS]]);
        disposeDocuments(db, childId, OWN_DOCUMENTS);
        return before;
      },
      subjectAccess: (db, childId) => documentSections(db, childId),
    },
    {
      type: 'safeguarding',
      label: 'Safeguarding concerns and chronologies',
      covers: 'Concerns, their reviews, actions and referrals, the chronology, visiting professionals and transfers of the file.',
      defaultRule: { kind: 'after-birth', years: 25, months: 0 },
      reason: 'Safeguarding records are kept until the child’s 25th birthday, as local safeguarding partnerships advise, in case they are needed by the child or an inquiry later.',
      childTables: SAFEGUARDING_CHILD_TABLES,
      count: (db, childId) => counts(db, childId, safeguardingParts),
      dispose: disposeSafeguarding,
      subjectAccess: (db, childId, viewer) => safeguardingSections(db, childId, viewer),
    },
    {
      type: 'sharing-decisions',
      label: 'Information-sharing decisions',
      covers: 'Every decision to share or not to share, its authorisation and addenda.',
      defaultRule: { kind: 'after-birth', years: 25, months: 0 },
      reason: 'Decisions to share are part of the safeguarding record, so they are kept as long as it is: until the child’s 25th birthday.',
      childTables: ['sharing_decisions'],
      count: (db, childId) => counts(db, childId, sharingParts),
      dispose: disposeSharing,
      subjectAccess: (db, childId) => sharingSections(db, childId),
    },
    {
      type: 'audit',
      label: 'Staff accounts’ audit entries',
      covers: 'Who viewed, printed or changed a child’s records, and when.',
      defaultRule: { kind: 'with-records' },
      reason: 'The audit trail shows who saw and changed a child’s records, so it is kept exactly as long as the records it refers to and goes with the last of them.',
      childTables: [],
      count: () => [],
      dispose: () => [],
    },
  ];
}

