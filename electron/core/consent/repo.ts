import type { z } from 'zod';
import {
  CONSENT_SCOPE_SHORT,
  CONSENT_SCOPES,
  type acknowledgeSchema,
  type ConsentEntry,
  type ConsentRegister,
  type consentRecordSchema,
  type consentWithdrawSchema,
} from '../../../shared/contract/consent';
import { TwoWayError } from '../../../shared/contract/errors';
import { blankToNull, fieldError } from '../../../shared/contract/fields';
import { formatDay } from '../../../shared/domain/dates';
import type { Db } from '../db/connection';
import { all, get, newId, run, toJson } from '../db/sql';
import { hadParentalResponsibility, requireCarerOf } from '../children/carers';
import { requireChildRow } from '../children/records';
import { checkConsent, CONSENT_SELECT, recipientsOf, type ConsentRow } from './check';

// The register is append-only: INSERT only (the tables' triggers refuse UPDATE and DELETE).

export function recordConsent(db: Db, c: z.output<typeof consentRecordSchema>, today: string, userId: string, at: string): string {
  requireChildRow(db, c.childId);
  const carer = requireCarerOf(db, c.childId, c.givenByCarerId, 'givenByCarerId');
  if (c.givenOn > today) throw fieldError('givenOn', 'Record consent once it has been given: this date is in the future.');
  // Consent (or a refusal) must come from someone with parental responsibility on the day it was given.
  if (!hadParentalResponsibility(db, carer.id, c.givenOn)) {
    const what = c.decision === 'refused' ? 'A refusal' : 'Consent';
    throw fieldError(
      'givenByCarerId',
      `${what} must come from someone with parental responsibility. ${carer.fullName} (${carer.relationship}) did not have it on ${formatDay(c.givenOn)}.`,
      `${carer.fullName} does not have parental responsibility, so cannot give or refuse consent.`,
    );
  }
  let recipients = 'all-partners';
  if (c.recipients !== 'all-partners') {
    const ids = [...new Set(c.recipients)];
    for (const id of ids) {
      if (!get(db, 'SELECT 1 AS x FROM partners WHERE id = $id', { id })) throw fieldError('recipients', 'Choose partners from the directory.');
    }
    recipients = toJson(ids);
  }
  const id = newId();
  run(
    db,
    `INSERT INTO consents (id, child_id, scope, decision, recipients, given_by_carer_id, given_on, method, expires_on, review_on, evidence, recorded_at, recorded_by)
     VALUES ($id, $childId, $scope, $decision, $recipients, $carerId, $givenOn, $method, $expiresOn, $reviewOn, $evidence, $at, $by)`,
    {
      id,
      childId: c.childId,
      scope: c.scope,
      decision: c.decision,
      recipients,
      carerId: carer.id,
      givenOn: c.givenOn,
      method: c.method,
      expiresOn: c.decision === 'refused' ? null : blankToNull(c.expiresOn),
      reviewOn: blankToNull(c.reviewOn),
      evidence: blankToNull(c.evidence),
      at,
      by: userId,
    },
  );
  return id;
}

export function withdrawConsent(db: Db, w: z.output<typeof consentWithdrawSchema>, today: string, userId: string, at: string): { id: string; childId: string } {
  const consent = get<{ id: string; child_id: string; decision: string; given_on: string }>(db, 'SELECT id, child_id, decision, given_on FROM consents WHERE id = $id', {
    id: w.consentId,
  });
  if (!consent) throw new TwoWayError('not-found', 'That consent was not found in the register.');
  if (consent.decision === 'refused') {
    throw new TwoWayError('conflict', 'This is a refusal, not a consent. If the parent now agrees, record their consent: it replaces the refusal.');
  }
  const existing = get<{ on_day: string }>(db, 'SELECT on_day FROM consent_withdrawals WHERE consent_id = $id', { id: consent.id });
  if (existing) throw new TwoWayError('conflict', `This consent was already withdrawn on ${formatDay(existing.on_day)}.`);
  requireCarerOf(db, consent.child_id, w.byCarerId, 'byCarerId');
  if (w.on < consent.given_on) throw fieldError('on', `Consent was given on ${formatDay(consent.given_on)}: a withdrawal cannot be earlier.`);
  if (w.on > today) throw fieldError('on', 'Record a withdrawal once it has happened: this date is in the future.');
  const id = newId();
  run(
    db,
    `INSERT INTO consent_withdrawals (id, consent_id, on_day, by_carer_id, reason, recorded_at, recorded_by)
     VALUES ($id, $consentId, $on, $carerId, $reason, $at, $by)`,
    { id, consentId: consent.id, on: w.on, carerId: w.byCarerId, reason: w.reason, at, by: userId },
  );
  return { id, childId: consent.child_id };
}

export function acknowledge(db: Db, a: z.output<typeof acknowledgeSchema>, today: string, userId: string, at: string): string {
  requireChildRow(db, a.childId);
  requireCarerOf(db, a.childId, a.carerId, 'carerId');
  if (a.on > today) throw fieldError('on', 'This date is in the future.');
  const id = newId();
  run(
    db,
    `INSERT INTO consent_acknowledgements (id, child_id, carer_id, on_day, method, note, recorded_at, recorded_by)
     VALUES ($id, $childId, $carerId, $on, $method, $note, $at, $by)`,
    { id, childId: a.childId, carerId: a.carerId, on: a.on, method: a.method, note: blankToNull(a.note), at, by: userId },
  );
  return id;
}

function stateOf(r: ConsentRow, today: string): ConsentEntry['state'] {
  if (r.decision === 'refused') return 'refused';
  if (r.given_on > today) return 'not-yet-in-force';
  if (r.withdrawn_on && r.withdrawn_on <= today) return 'withdrawn';
  if (r.expires_on && r.expires_on < today) return 'expired';
  if (r.review_on && r.review_on <= today) return 'review-due';
  return 'in-force';
}

export function listEntries(db: Db, childId: string, today: string): ConsentEntry[] {
  const partnerNames = new Map(all<{ id: string; name: string }>(db, 'SELECT id, name FROM partners').map((p) => [p.id, p.name]));
  return all<ConsentRow>(db, `${CONSENT_SELECT} WHERE c.child_id = $childId ORDER BY c.given_on DESC, c.recorded_at DESC, c.rowid DESC`, { childId }).map((r) => {
    const recipients = recipientsOf(r);
    return {
      id: r.id,
      childId: r.child_id,
      scope: r.scope,
      decision: r.decision,
      recipients: recipients === 'all-partners' ? 'all-partners' : recipients.map((id) => ({ partnerId: id, name: partnerNames.get(id) ?? 'Unknown partner' })),
      givenByCarerId: r.given_by_carer_id,
      givenByName: r.given_by_name,
      givenByRelationship: r.given_by_relationship,
      givenOn: r.given_on,
      method: r.method,
      expiresOn: r.expires_on,
      reviewOn: r.review_on,
      evidence: r.evidence,
      recordedAt: r.recorded_at,
      recordedByName: r.recorded_by_name,
      withdrawal: r.withdrawal_id
        ? {
            id: r.withdrawal_id,
            on: r.withdrawn_on!,
            byCarerId: r.withdrawn_by_carer_id!,
            byName: r.withdrawn_by_name ?? '',
            reason: r.withdrawal_reason ?? '',
            recordedAt: r.withdrawal_recorded_at!,
            recordedByName: r.withdrawal_recorded_by_name,
          }
        : null,
      state: stateOf(r, today),
    };
  });
}

export function listAcknowledgements(db: Db, childId: string): ConsentRegister['acknowledgements'] {
  return all<{ id: string; carer_id: string; carer_name: string; on_day: string; method: string; note: string | null; recorded_at: string; by_name: string | null }>(
    db,
    `SELECT a.*, c.full_name AS carer_name, u.full_name AS by_name FROM consent_acknowledgements a
     JOIN carers c ON c.id = a.carer_id LEFT JOIN users u ON u.id = a.recorded_by
     WHERE a.child_id = $childId ORDER BY a.on_day DESC, a.recorded_at DESC`,
    { childId },
  ).map((a) => ({
    id: a.id,
    carerId: a.carer_id,
    carerName: a.carer_name,
    on: a.on_day,
    method: a.method as ConsentRegister['acknowledgements'][number]['method'],
    note: a.note,
    recordedAt: a.recorded_at,
    recordedByName: a.by_name,
  }));
}

/** Partners worth a row in the register's matrix: those the child attends, goes on to, or a consent names. */
function matrixPartners(db: Db, childId: string, entries: ConsentEntry[]): { id: string; name: string }[] {
  const ids = new Set<string>();
  for (const r of all<{ partner_id: string }>(db, 'SELECT partner_id FROM shared_care WHERE child_id = $childId', { childId })) ids.add(r.partner_id);
  const leaving = get<{ leaving_partner_id: string | null }>(db, 'SELECT leaving_partner_id FROM children WHERE id = $childId', { childId });
  if (leaving?.leaving_partner_id) ids.add(leaving.leaving_partner_id);
  for (const e of entries) if (e.recipients !== 'all-partners') for (const p of e.recipients) ids.add(p.partnerId);
  return all<{ id: string; name: string }>(db, 'SELECT id, name FROM partners ORDER BY name COLLATE NOCASE').filter((p) => ids.has(p.id));
}

export function readRegister(db: Db, childId: string, today: string): ConsentRegister {
  requireChildRow(db, childId);
  const entries = listEntries(db, childId, today);
  return {
    childId,
    today,
    acknowledgements: listAcknowledgements(db, childId),
    entries,
    matrix: matrixPartners(db, childId, entries).map((p) => ({
      partnerId: p.id,
      partnerName: p.name,
      results: CONSENT_SCOPES.map((scope) => ({ scope, ...checkConsent(db, { childId, scope, recipientId: p.id, on: today }) })),
    })),
  };
}

/**
 * What in the register needs attention today, in plain English: no registration acknowledgement,
 * no valid consent to share the diary with a setting the child attends now, and consents that
 * have expired or are due for review (when nothing newer replaced them).
 */
export function consentAttention(db: Db, childId: string, today: string, currentPartners: { partnerId: string; name: string }[]): string[] {
  const out: string[] = [];
  if (!get(db, 'SELECT 1 AS x FROM consent_acknowledgements WHERE child_id = $childId', { childId })) {
    out.push('Registration form acknowledgement not recorded');
  }
  for (const p of currentPartners) {
    const answer = checkConsent(db, { childId, scope: 'diary', recipientId: p.partnerId, on: today });
    if (!answer.valid) out.push(`No valid consent to share the diary with ${p.name} (${answer.reason.replace(/-/g, ' ')})`);
  }
  const entries = listEntries(db, childId, today);
  const seen = new Set<string>();
  for (const e of entries) {
    // Only the newest record for each scope and set of recipients speaks for it.
    const key = `${e.scope}|${e.recipients === 'all-partners' ? 'all' : e.recipients.map((r) => r.partnerId).sort().join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (e.state === 'expired') out.push(`${CONSENT_SCOPE_SHORT[e.scope]} consent expired on ${formatDay(e.expiresOn!)}`);
    if (e.state === 'review-due') out.push(`${CONSENT_SCOPE_SHORT[e.scope]} consent due for review since ${formatDay(e.reviewOn!)}`);
  }
  return [...new Set(out)];
}
