import type { ConsentReason, ConsentScope } from '../../../shared/contract/consent';
import { TwoWayError } from '../../../shared/contract/errors';
import { formatDay } from '../../../shared/domain/dates';
import type { Db } from '../db/connection';
import { all, fromJson, get } from '../db/sql';
import { hadParentalResponsibility } from '../children/carers';

export type { ConsentReason };

/** "No consent {to share the diary} ...": the scope as words in a sentence. */
export const SCOPE_PHRASES: Record<ConsentScope, string> = {
  diary: 'to share the diary',
  observations: 'to share observations and assessments',
  'home-visits': 'to share notes of home visits',
  'additional-needs': 'to share information about additional needs',
  transition: 'to pass on the development summary',
  photos: 'for photographs',
};

export interface ConsentQuestion {
  childId: string;
  scope: ConsentScope;
  /** A partner in the directory. */
  recipientId: string;
  /** The calendar day asked about, `YYYY-MM-DD`. */
  on: string;
}

export interface ConsentAnswer {
  valid: boolean;
  /** The consent record relied on, when valid. */
  consentId?: string;
  reason: ConsentReason;
  /** Plain English for the screen. */
  message: string;
  /** When not valid because of a record (refused, withdrawn, expired, no parental responsibility): that record. */
  relatedConsentId?: string;
}

export interface ConsentRow {
  id: string;
  child_id: string;
  scope: ConsentScope;
  decision: 'given' | 'refused';
  recipients: string;
  given_by_carer_id: string;
  given_by_name: string;
  given_by_relationship: string;
  given_on: string;
  method: 'written' | 'verbal';
  expires_on: string | null;
  review_on: string | null;
  evidence: string | null;
  recorded_at: string;
  recorded_by_name: string | null;
  withdrawal_id: string | null;
  withdrawn_on: string | null;
  withdrawn_by_carer_id: string | null;
  withdrawn_by_name: string | null;
  withdrawal_reason: string | null;
  withdrawal_recorded_at: string | null;
  withdrawal_recorded_by_name: string | null;
}

export const CONSENT_SELECT = `
  SELECT c.*, g.full_name AS given_by_name, g.relationship AS given_by_relationship, ru.full_name AS recorded_by_name,
    w.id AS withdrawal_id, w.on_day AS withdrawn_on, w.by_carer_id AS withdrawn_by_carer_id, wc.full_name AS withdrawn_by_name,
    w.reason AS withdrawal_reason, w.recorded_at AS withdrawal_recorded_at, wu.full_name AS withdrawal_recorded_by_name
  FROM consents c
  JOIN carers g ON g.id = c.given_by_carer_id
  LEFT JOIN users ru ON ru.id = c.recorded_by
  LEFT JOIN consent_withdrawals w ON w.consent_id = c.id
  LEFT JOIN carers wc ON wc.id = w.by_carer_id
  LEFT JOIN users wu ON wu.id = w.recorded_by`;

/** 'all-partners' or the listed partner ids. */
export function recipientsOf(row: Pick<ConsentRow, 'recipients'>): 'all-partners' | string[] {
  return row.recipients === 'all-partners' ? 'all-partners' : fromJson<string[]>(row.recipients, []);
}

/**
 * Seed 001 2.4: "Where you have consent, be mindful that an individual might not expect information
 * to be shared." Consent for "all partners" means the settings, schools and services the child's
 * care is shared with; it never covers the police or children's social care, which a consent covers
 * only when it names them. (A refusal for all partners covers them too.)
 */
export const NAMED_ONLY_PARTNER_KINDS: readonly string[] = ['police', 'social-care'];

function covers(row: ConsentRow, recipientId: string, recipientKind: string): boolean {
  const r = recipientsOf(row);
  // A refusal for all partners is a refusal for everyone; a consent for all partners is not consent for everyone.
  if (r === 'all-partners') return row.decision === 'refused' || !NAMED_ONLY_PARTNER_KINDS.includes(recipientKind);
  return r.includes(recipientId);
}

const by = (row: ConsentRow) => `${row.given_by_name} (${row.given_by_relationship})`;
const how = (row: ConsentRow) => (row.method === 'written' ? 'in writing' : 'verbally');

/**
 * The one answer to "is there valid consent for scope S to recipient R on day D?".
 *
 * Only records dated on or before D count (so the history answers for any past day). Among those
 * covering R, newest first: a consent that was withdrawn by D, had expired by D (it is valid up to
 * and including its expiry day), or whose giver did not hold parental responsibility on D is passed
 * over; the first consent in force is the answer. A refusal stops the search: an older consent
 * does not outweigh a newer refusal, but a newer consent replaces an older refusal. A withdrawal
 * likewise ends every consent given before it (the parents' wish from that day on). When nothing
 * is in force, the reason comes from the newest record that covers R.
 */
export function checkConsent(db: Db, q: ConsentQuestion): ConsentAnswer {
  const child = get<{ id: string }>(db, 'SELECT id FROM children WHERE id = $id', { id: q.childId });
  if (!child) throw new TwoWayError('not-found', 'That child was not found.');
  const partner = get<{ name: string; kind: string }>(db, 'SELECT name, kind FROM partners WHERE id = $id', { id: q.recipientId });
  if (!partner) throw new TwoWayError('not-found', 'That recipient is not in the partners directory.');

  const phrase = SCOPE_PHRASES[q.scope];
  const day = formatDay(q.on);
  const records = all<ConsentRow>(
    db,
    `${CONSENT_SELECT} WHERE c.child_id = $childId AND c.scope = $scope AND c.given_on <= $on
     ORDER BY c.given_on DESC, c.recorded_at DESC, c.rowid DESC`,
    { childId: q.childId, scope: q.scope, on: q.on },
  );
  if (records.length === 0) {
    return { valid: false, reason: 'never-given', message: `No consent ${phrase} had been recorded for this child by ${day}.` };
  }
  const covering = records.filter((r) => covers(r, q.recipientId, partner.kind));
  if (covering.length === 0) {
    if (NAMED_ONLY_PARTNER_KINDS.includes(partner.kind) && records.some((r) => recipientsOf(r) === 'all-partners')) {
      return {
        valid: false,
        reason: 'recipient-not-covered',
        message: `The consent ${phrase} recorded for this child is for all partners, which does not include ${partner.name}: parents might not expect information to go to the police or children’s social care, so consent must name them.`,
      };
    }
    return {
      valid: false,
      reason: 'recipient-not-covered',
      message: `The consent ${phrase} recorded for this child does not cover ${partner.name}.`,
    };
  }

  let problem: ConsentAnswer | null = null;
  const note = (answer: ConsentAnswer) => {
    problem ??= answer;
  };
  // Golden rule 4: respect the wishes of those who do not consent. A withdrawal is the parents' wish
  // from that day on, so it also ends any older consent covering this recipient; only a consent
  // given after it counts again.
  const lastWithdrawal = covering
    .filter((r) => r.withdrawn_on && r.withdrawn_on <= q.on)
    .sort((a, b) => (b.withdrawn_on! + (b.withdrawal_recorded_at ?? '')).localeCompare(a.withdrawn_on! + (a.withdrawal_recorded_at ?? '')))[0];
  const withdrawnMessage = (r: ConsentRow) => `Consent ${phrase} given by ${by(r)} on ${formatDay(r.given_on)} was withdrawn on ${formatDay(r.withdrawn_on!)}.`;
  for (const r of covering) {
    if (lastWithdrawal && r.id !== lastWithdrawal.id && !(r.withdrawn_on && r.withdrawn_on <= q.on) && givenBefore(r, lastWithdrawal)) {
      note({ valid: false, reason: 'withdrawn', relatedConsentId: lastWithdrawal.id, message: withdrawnMessage(lastWithdrawal) });
      break;
    }
    if (r.decision === 'refused') {
      note({
        valid: false,
        reason: 'refused',
        relatedConsentId: r.id,
        message: `${by(r)} refused consent ${phrase} on ${formatDay(r.given_on)}.`,
      });
      break;
    }
    if (r.withdrawn_on && r.withdrawn_on <= q.on) {
      note({ valid: false, reason: 'withdrawn', relatedConsentId: r.id, message: withdrawnMessage(r) });
      continue;
    }
    if (r.expires_on && r.expires_on < q.on) {
      note({
        valid: false,
        reason: 'expired',
        relatedConsentId: r.id,
        message: `Consent ${phrase} given by ${by(r)} on ${formatDay(r.given_on)} expired on ${formatDay(r.expires_on)}.`,
      });
      continue;
    }
    if (!hadParentalResponsibility(db, r.given_by_carer_id, q.on)) {
      note({
        valid: false,
        reason: 'no-parental-responsibility',
        relatedConsentId: r.id,
        message: `Consent ${phrase} was given by ${by(r)}, who did not have parental responsibility on ${day}. Ask a parent with parental responsibility.`,
      });
      continue;
    }
    return {
      valid: true,
      consentId: r.id,
      reason: 'given',
      message: `Consent ${phrase} ${q.scope === 'transition' ? 'to' : 'with'} ${partner.name} was given by ${by(r)} on ${formatDay(r.given_on)}, ${how(r)}${
        r.expires_on ? `, until ${formatDay(r.expires_on)}` : ''
      }.`,
    };
  }
  return problem ?? { valid: false, reason: 'never-given', message: `No consent ${phrase} had been recorded for this child by ${day}.` };
}

/** Was this record made before that withdrawal (given on an earlier day, or recorded earlier on the same day)? */
function givenBefore(r: ConsentRow, withdrawn: ConsentRow): boolean {
  if (r.given_on !== withdrawn.withdrawn_on) return r.given_on < withdrawn.withdrawn_on!;
  return (r.recorded_at ?? '') < (withdrawn.withdrawal_recorded_at ?? '');
}
