import type { z } from 'zod';
import type { Role } from '../../../shared/contract/define';
import { TwoWayError } from '../../../shared/contract/errors';
import {
  settingSharingPolicySchema,
  type ConsentAnswer,
  type Decision,
  type DecisionSummary,
  type FrozenItem,
  type SettingSharingPolicy,
  type SharingDecision,
  type SharingStatus,
  type sharingListInputSchema,
} from '../../../shared/contract/sharing';
import type {
  Assessment,
  RecipientKind,
  SharingBasis,
  SharingMethod,
  SharingOutcome,
  SharingRequest,
} from '../../../shared/contract/sharing-policy';
import type { Db } from '../db/connection';
import { all, bool, fromJson, get, newId, run, toJson, type Params } from '../db/sql';
import { judgeItem } from '../policy/items';
import type { ResolvedItem } from './items';
import { childName } from '../diary/repo';

// The SQL of information-sharing decisions. Only INSERTs: a decision, its authorisation and its addenda
// are written once (the tables' triggers refuse UPDATE and DELETE). Status is worked out on reading.

export interface NewDecision {
  childId: string;
  partnerId: string;
  recipientName: string;
  recipientKind: RecipientKind;
  recipientContact: string | null;
  purpose: string;
  decision: SharingDecision;
  reasons: string;
  outcome: SharingOutcome;
  basis: SharingBasis | null;
  needsAuthorisation: boolean;
  proposal: boolean;
  /** Null for a decision not to share (not asked how it would be shared). */
  method: SharingMethod | null;
  consent: ConsentAnswer | null;
  adviceFrom: string | null;
  adviceNote: string | null;
  request: SharingRequest;
  assessment: Assessment;
  items: ResolvedItem[];
  policy: SettingSharingPolicy;
  decidedBy: { userId: string; name: string; roles: Role[] };
  at: string;
  day: string;
}

export function insertDecision(db: Db, d: NewDecision): string {
  const id = newId();
  run(
    db,
    `INSERT INTO sharing_decisions (id, child_id, partner_id, recipient_name, recipient_kind, recipient_contact, purpose, decision, reasons,
       outcome, basis, needs_authorisation, proposal, method, consent_scope, consent_id, consent_json, advice_from, advice_note,
       request_json, assessment_json, items_json, policy_json, decided_by, decided_by_name, decided_by_roles, decided_at, decided_day)
     VALUES ($id, $childId, $partnerId, $recipientName, $recipientKind, $recipientContact, $purpose, $decision, $reasons,
       $outcome, $basis, $needsAuthorisation, $proposal, $method, $consentScope, $consentId, $consentJson, $adviceFrom, $adviceNote,
       $request, $assessment, $items, $policy, $decidedBy, $decidedByName, $decidedByRoles, $at, $day)`,
    {
      id,
      childId: d.childId,
      partnerId: d.partnerId,
      recipientName: d.recipientName,
      recipientKind: d.recipientKind,
      recipientContact: d.recipientContact,
      purpose: d.purpose,
      decision: d.decision,
      reasons: d.reasons,
      outcome: d.outcome,
      basis: d.basis,
      needsAuthorisation: d.needsAuthorisation ? 1 : 0,
      proposal: d.proposal ? 1 : 0,
      // The column is NOT NULL (migration 004): '' stands for "not asked" (a decision not to share).
      method: d.method ?? '',
      consentScope: d.consent?.scope ?? null,
      // Only a consent actually relied on is linked; the register's full answer is kept as JSON.
      consentId: d.consent?.valid ? d.consent.consentId : null,
      consentJson: d.consent ? toJson(d.consent) : null,
      adviceFrom: d.adviceFrom,
      adviceNote: d.adviceNote,
      request: toJson(d.request),
      assessment: toJson(d.assessment),
      items: toJson(d.items),
      policy: toJson(d.policy),
      decidedBy: d.decidedBy.userId,
      decidedByName: d.decidedBy.name,
      decidedByRoles: toJson(d.decidedBy.roles),
      at: d.at,
      day: d.day,
    },
  );
  return id;
}

export function insertAuthorisation(
  db: Db,
  a: {
    decisionId: string;
    agreed: boolean;
    by: { userId: string; name: string; roles: Role[] };
    how: 'same-laptop-password' | 'own-login';
    note: string | null;
    assessment: Assessment;
    policy: SettingSharingPolicy;
    at: string;
  },
): void {
  run(
    db,
    `INSERT INTO sharing_authorisations (id, decision_id, agreed, authorised_by, authorised_by_name, authorised_by_roles, how, note, assessment_json, policy_json, at)
     VALUES ($id, $decisionId, $agreed, $by, $byName, $byRoles, $how, $note, $assessment, $policy, $at)`,
    {
      id: newId(),
      decisionId: a.decisionId,
      agreed: a.agreed ? 1 : 0,
      by: a.by.userId,
      byName: a.by.name,
      byRoles: toJson(a.by.roles),
      how: a.how,
      note: a.note,
      assessment: toJson(a.assessment),
      policy: toJson(a.policy),
      at: a.at,
    },
  );
}

export function insertAddendum(db: Db, a: { decisionId: string; text: string; why: string; by: { userId: string; name: string }; at: string }): string {
  const id = newId();
  run(db, 'INSERT INTO sharing_addenda (id, decision_id, text, why, by_user, by_name, at) VALUES ($id, $decisionId, $text, $why, $by, $byName, $at)', {
    id,
    decisionId: a.decisionId,
    text: a.text,
    why: a.why,
    by: a.by.userId,
    byName: a.by.name,
    at: a.at,
  });
  return id;
}

// ---------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------

interface DecisionRow {
  id: string;
  child_id: string;
  legal_name: string;
  preferred_name: string | null;
  partner_id: string;
  recipient_name: string;
  recipient_kind: RecipientKind;
  recipient_contact: string | null;
  purpose: string;
  decision: SharingDecision;
  reasons: string;
  outcome: SharingOutcome;
  basis: SharingBasis | null;
  needs_authorisation: number;
  proposal: number;
  method: SharingMethod | '';
  consent_json: string | null;
  advice_from: string | null;
  advice_note: string | null;
  request_json: string;
  assessment_json: string;
  items_json: string;
  policy_json: string;
  decided_by: string;
  decided_by_name: string;
  decided_by_roles: string;
  decided_at: string;
  status: SharingStatus;
  auth_agreed: number | null;
  auth_by_name: string | null;
  auth_by_roles: string | null;
  auth_how: 'same-laptop-password' | 'own-login' | null;
  auth_note: string | null;
  auth_assessment_json: string | null;
  auth_at: string | null;
  addenda: number;
}

const STATUS_SQL = `CASE
    WHEN d.decision = 'do-not-share' THEN 'not-shared'
    WHEN d.needs_authorisation = 0 THEN 'shared'
    WHEN a.agreed = 1 THEN 'shared'
    WHEN a.agreed = 0 THEN 'declined'
    ELSE 'awaiting-authorisation' END`;

const SELECT = `
  SELECT * FROM (
    SELECT d.*, c.legal_name, c.preferred_name, ${STATUS_SQL} AS status,
      a.agreed AS auth_agreed, a.authorised_by_name AS auth_by_name, a.authorised_by_roles AS auth_by_roles, a.how AS auth_how,
      a.note AS auth_note, a.assessment_json AS auth_assessment_json, a.at AS auth_at,
      (SELECT count(*) FROM sharing_addenda x WHERE x.decision_id = d.id) AS addenda
    FROM sharing_decisions d
    JOIN children c ON c.id = d.child_id
    LEFT JOIN sharing_authorisations a ON a.decision_id = d.id
  ) s`;


/** The assessment that stands: the second person's re-run when there is one, else the one at recording. */
function finalAssessment(r: DecisionRow): Assessment {
  return fromJson<Assessment>(r.auth_assessment_json ?? r.assessment_json, fromJson<Assessment>(r.assessment_json, null as never));
}

function toSummary(r: DecisionRow): DecisionSummary {
  const assessment = finalAssessment(r);
  const shared = r.status === 'shared';
  const itemsShared = shared ? assessment.itemsToShare.length : 0;
  const total = fromJson<unknown[]>(r.items_json, []).length;
  return {
    id: r.id,
    childId: r.child_id,
    childName: childName(r),
    partnerId: r.partner_id,
    recipientName: r.recipient_name,
    recipientKind: r.recipient_kind,
    purpose: r.purpose,
    decision: r.decision,
    status: r.status,
    outcomeAtRecord: r.outcome,
    basis: r.basis,
    method: r.method === '' ? null : r.method,
    decidedAt: r.decided_at,
    decidedByName: r.decided_by_name,
    proposal: bool(r.proposal),
    authorisedAt: r.auth_at,
    authorisedByName: r.auth_by_name,
    sharedAt: shared ? (r.needs_authorisation ? r.auth_at : r.decided_at) : null,
    itemsShared,
    itemsWithheld: total - itemsShared,
    addenda: r.addenda,
  };
}

const NOT_SHARED_BECAUSE: Record<Exclude<SharingStatus, 'shared'>, string> = {
  'awaiting-authorisation': 'Not shared yet: waiting for a second person to agree.',
  'not-shared': 'Not shared, because the decision was not to share.',
  declined: 'Not shared, because the second person did not agree.',
};

function frozenItems(r: DecisionRow, assessment: Assessment): FrozenItem[] {
  const withheld = new Map(assessment.itemsWithheld.map((w) => [w.id, w.reason]));
  // The items as the engine saw them (with any consent of their own), to tell why each was held back.
  const requested = new Map(fromJson<SharingRequest>(r.request_json, null as never).items.map((i) => [i.id, i]));
  return fromJson<ResolvedItem[]>(r.items_json, []).map((i) => {
    const shared = r.status === 'shared' && !withheld.has(i.ref);
    // Held back for itself (not needed, or another agency has not agreed): the engine's reason; otherwise the decision's.
    const asked = requested.get(i.ref) ?? { id: i.ref, kind: i.kind, necessary: i.necessary, ...(i.thirdParty ? { thirdParty: i.thirdParty } : {}) };
    const heldForItself = !judgeItem(asked, r.basis === 'consent').shareable;
    const reason = heldForItself || r.status === 'shared' ? (withheld.get(i.ref) ?? null) : NOT_SHARED_BECAUSE[r.status as Exclude<SharingStatus, 'shared'>];
    return {
      ref: i.ref,
      kind: i.kind,
      label: i.label,
      content: i.content,
      date: i.date,
      suggestedAgency: i.suggestedAgency,
      necessary: i.necessary,
      thirdParty: i.thirdParty ?? null,
      shared,
      withheldReason: shared ? null : reason,
    };
  });
}

export interface DecisionExtras {
  authorisers: string;
  canAuthorise: boolean;
  basisGone: string | null;
}

export function findDecisionRow(db: Db, id: string): DecisionRow | undefined {
  return get<DecisionRow>(db, `${SELECT} WHERE s.id = $id`, { id });
}

export function requireDecisionRow(db: Db, id: string): DecisionRow {
  const row = findDecisionRow(db, id);
  if (!row) throw new TwoWayError('not-found', 'That information-sharing decision was not found.');
  return row;
}

export function toDecision(db: Db, r: DecisionRow, extras: DecisionExtras): Decision {
  const assessment = finalAssessment(r);
  const addenda = all<{ id: string; text: string; why: string; by_name: string; at: string }>(
    db,
    'SELECT id, text, why, by_name, at FROM sharing_addenda WHERE decision_id = $id ORDER BY at, rowid',
    { id: r.id },
  ).map((a) => ({ id: a.id, text: a.text, why: a.why, byName: a.by_name, at: a.at }));
  return {
    ...toSummary(r),
    reasons: r.reasons,
    recipientContact: r.recipient_contact,
    decidedByRoles: fromJson<Role[]>(r.decided_by_roles, []),
    needsAuthorisation: bool(r.needs_authorisation),
    request: fromJson<SharingRequest>(r.request_json, null as never),
    assessmentAtRecord: fromJson<Assessment>(r.assessment_json, null as never),
    assessment,
    items: frozenItems(r, assessment),
    consent: fromJson<ConsentAnswer | null>(r.consent_json, null),
    adviceFrom: r.advice_from,
    adviceNote: r.advice_note,
    authorisation:
      r.auth_at === null
        ? null
        : {
            agreed: r.auth_agreed === 1,
            byName: r.auth_by_name ?? '',
            byRoles: fromJson<Role[]>(r.auth_by_roles, []),
            how: r.auth_how ?? 'own-login',
            note: r.auth_note,
            at: r.auth_at,
          },
    addenda,
    policy: settingSharingPolicySchema.parse(fromJson<unknown>(r.policy_json, null)),
    authorisers: extras.authorisers,
    canAuthorise: extras.canAuthorise,
    basisGone: extras.basisGone,
  };
}

export type ListFilter = z.output<typeof sharingListInputSchema>;

/** The register, newest first. */
export function listDecisions(db: Db, f: Partial<ListFilter> & { decidedBy?: string }): { decisions: DecisionSummary[]; total: number } {
  const where: string[] = [];
  const params: Params = {};
  const add = (sql: string, key: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    params[key] = value;
  };
  add('s.child_id = $childId', 'childId', f.childId);
  add('s.partner_id = $partnerId', 'partnerId', f.partnerId);
  add('s.status = $status', 'status', f.status);
  add('s.decision = $decision', 'decision', f.decision);
  add('s.decided_day >= $from', 'from', f.from);
  add('s.decided_day <= $to', 'to', f.to);
  add('s.decided_by = $decidedBy', 'decidedBy', f.decidedBy);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM (${SELECT} ${whereSql})`, params)?.n ?? 0;
  const rows = all<DecisionRow>(db, `${SELECT} ${whereSql} ORDER BY s.decided_at DESC, s.id LIMIT ${f.limit ?? 500}`, params);
  return { decisions: rows.map(toSummary), total };
}
