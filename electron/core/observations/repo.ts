import type { z } from 'zod';
import type { HomeVisit, Observation, observationAddSchema, homeVisitRecordSchema } from '../../../shared/contract/observations';
import { termOf } from '../meetings/terms';
import type { Db } from '../db/connection';
import { all, bool, fromJson, get, newId, run, toJson } from '../db/sql';

// Observations with their next steps, and joint home visits with where their notes went.

interface ObservationRow {
  id: string;
  child_id: string;
  observed_on: string;
  areas: string;
  text: string;
  partner_id: string | null;
  partner_name: string | null;
  observer_name: string;
  next_step: string | null;
  next_step_status: 'planned' | 'in-progress' | 'achieved' | null;
  next_step_where: 'home' | 'here' | 'partner' | null;
  next_step_updated_at: string | null;
  next_step_updated_by_name: string | null;
  recorded_at: string;
  recorded_by_name: string | null;
}

const OBSERVATION_SELECT = `SELECT o.*, p.name AS partner_name, nu.full_name AS next_step_updated_by_name, ru.full_name AS recorded_by_name
  FROM observations o LEFT JOIN partners p ON p.id = o.partner_id
  LEFT JOIN users nu ON nu.id = o.next_step_updated_by LEFT JOIN users ru ON ru.id = o.recorded_by`;

function toObservation(db: Db, r: ObservationRow, settingName: string): Observation {
  return {
    id: r.id,
    childId: r.child_id,
    observedOn: r.observed_on,
    // The setting's own term dates (a day in a holiday between terms counts with the next term).
    term: termOf(db, r.observed_on).id,
    areas: fromJson<Observation['areas']>(r.areas, []),
    text: r.text,
    partnerId: r.partner_id,
    settingName: r.partner_name ?? settingName,
    observerName: r.observer_name,
    thirdParty: r.partner_id !== null,
    nextStep:
      r.next_step && r.next_step_status && r.next_step_where
        ? { text: r.next_step, status: r.next_step_status, where: r.next_step_where, updatedAt: r.next_step_updated_at ?? r.recorded_at, updatedByName: r.next_step_updated_by_name }
        : null,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
  };
}

export function insertObservation(db: Db, o: z.output<typeof observationAddSchema> & { observerName: string }, userId: string, at: string): string {
  const id = newId();
  run(
    db,
    `INSERT INTO observations (id, child_id, observed_on, areas, text, partner_id, observer_name, next_step, next_step_status, next_step_where, next_step_updated_at, next_step_updated_by, recorded_at, recorded_by)
     VALUES ($id, $childId, $observedOn, $areas, $text, $partnerId, $observer, $nextStep, $status, $where, $stepAt, $stepBy, $at, $userId)`,
    {
      id,
      childId: o.childId,
      observedOn: o.observedOn,
      areas: toJson([...new Set(o.areas)]),
      text: o.text,
      partnerId: o.partnerId ?? null,
      observer: o.observerName,
      nextStep: o.nextStep?.text ?? null,
      status: o.nextStep?.status ?? null,
      where: o.nextStep?.where ?? null,
      stepAt: o.nextStep ? at : null,
      stepBy: o.nextStep ? userId : null,
      at,
      userId,
    },
  );
  return id;
}

/**
 * A child's observations made between two days, inclusive, oldest first. A termly meeting (the
 * guidance: "joint termly meetings to discuss observations and the child's next steps") picks a
 * term's with the term's dates (`requireTerm` of the meetings feature).
 */
export function observationsBetween(db: Db, childId: string, from: string, to: string, settingName: string): Observation[] {
  return all<ObservationRow>(db, `${OBSERVATION_SELECT} WHERE o.child_id = $childId AND o.observed_on BETWEEN $from AND $to ORDER BY o.observed_on, o.recorded_at`, {
    childId,
    from,
    to,
  }).map((r) => toObservation(db, r, settingName));
}

export function listObservations(db: Db, childId: string, settingName: string): Observation[] {
  return all<ObservationRow>(db, `${OBSERVATION_SELECT} WHERE o.child_id = $childId ORDER BY o.observed_on DESC, o.recorded_at DESC`, { childId }).map((r) =>
    toObservation(db, r, settingName),
  );
}

export function observationHead(db: Db, id: string): { childId: string; hasNextStep: boolean } | undefined {
  const r = get<{ child_id: string; next_step: string | null }>(db, 'SELECT child_id, next_step FROM observations WHERE id = $id', { id });
  return r && { childId: r.child_id, hasNextStep: r.next_step !== null };
}

export function setNextStepStatus(db: Db, id: string, status: string, userId: string, at: string): void {
  run(db, 'UPDATE observations SET next_step_status = $status, next_step_updated_at = $at, next_step_updated_by = $userId WHERE id = $id', { id, status, at, userId });
}

// ---------------------------------------------------------------------------------------
// Home visits
// ---------------------------------------------------------------------------------------

interface VisitRow {
  id: string;
  child_id: string;
  visited_on: string;
  who: string;
  from_us: number;
  partner_ids: string;
  notes: string;
  next_steps: string | null;
  recorded_at: string;
  recorded_by_name: string | null;
}

export function insertVisit(db: Db, v: z.output<typeof homeVisitRecordSchema>, userId: string, at: string): string {
  const id = newId();
  run(
    db,
    `INSERT INTO home_visits (id, child_id, visited_on, who, from_us, partner_ids, notes, next_steps, recorded_at, recorded_by)
     VALUES ($id, $childId, $visitedOn, $who, $fromUs, $partnerIds, $notes, $nextSteps, $at, $userId)`,
    {
      id,
      childId: v.childId,
      visitedOn: v.visitedOn,
      who: v.who,
      fromUs: v.fromUs ? 1 : 0,
      partnerIds: toJson([...new Set(v.partnerIds)]),
      notes: v.notes,
      nextSteps: v.nextSteps?.trim() || null,
      at,
      userId,
    },
  );
  return id;
}

export function visitChildId(db: Db, id: string): string | undefined {
  return get<{ child_id: string }>(db, 'SELECT child_id FROM home_visits WHERE id = $id', { id })?.child_id;
}

export function insertVisitShare(db: Db, s: { homeVisitId: string; partnerId: string; consentId: string | null; method: string }, userId: string, at: string): string {
  const id = newId();
  run(db, 'INSERT INTO home_visit_shares (id, visit_id, partner_id, consent_id, method, shared_at, shared_by) VALUES ($id, $homeVisitId, $partnerId, $consentId, $method, $at, $userId)', {
    id,
    ...s,
    at,
    userId,
  });
  return id;
}

export function listVisits(db: Db, childId: string): HomeVisit[] {
  const names = new Map(all<{ id: string; name: string }>(db, 'SELECT id, name FROM partners').map((p) => [p.id, p.name]));
  const shares = all<{ id: string; visit_id: string; partner_id: string; method: string; consent_id: string | null; shared_at: string; shared_by_name: string | null }>(
    db,
    `SELECT s.*, u.full_name AS shared_by_name FROM home_visit_shares s JOIN home_visits v ON v.id = s.visit_id LEFT JOIN users u ON u.id = s.shared_by
     WHERE v.child_id = $childId ORDER BY s.shared_at`,
    { childId },
  );
  return all<VisitRow>(
    db,
    `SELECT v.*, u.full_name AS recorded_by_name FROM home_visits v LEFT JOIN users u ON u.id = v.recorded_by WHERE v.child_id = $childId ORDER BY v.visited_on DESC, v.recorded_at DESC`,
    { childId },
  ).map((v) => ({
    id: v.id,
    childId: v.child_id,
    visitedOn: v.visited_on,
    who: v.who,
    fromUs: bool(v.from_us),
    settings: fromJson<string[]>(v.partner_ids, []).map((partnerId) => ({ partnerId, name: names.get(partnerId) ?? 'A partner setting' })),
    notes: v.notes,
    nextSteps: v.next_steps,
    recordedAt: v.recorded_at,
    recordedByName: v.recorded_by_name,
    shares: shares
      .filter((s) => s.visit_id === v.id)
      .map((s) => ({
        shareId: s.id,
        partnerId: s.partner_id,
        partnerName: names.get(s.partner_id) ?? 'A partner setting',
        method: s.method as HomeVisit['shares'][number]['method'],
        consentId: s.consent_id,
        sharedAt: s.shared_at,
        sharedByName: s.shared_by_name ?? 'A member of staff',
      })),
  }));
}
