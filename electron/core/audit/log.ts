import { createHash } from 'node:crypto';
import type { AuditEntry, AuditWhat } from '../../../shared/contract/audit';
import { TwoWayError } from '../../../shared/contract/errors';
import { addDays, londonMidnight } from '../../../shared/domain/weeks';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../settings/repo';
import { all, fromJson, get } from '../db/sql';
import { describe, REFUSAL_REASONS, type Names } from './wording';

const GENESIS = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  channel: string;
  kind: string;
  record_ids: string;
  prev_hash: string;
  hash: string;
  outcome: string | null;
  reason: string | null;
  detail: string | null;
  confirmed_by: string | null;
}

/**
 * The hash covers every field and the previous hash. The fields added later (outcome, reason, detail,
 * confirmed_by) are covered only when one is set, so entries written before they existed verify as before.
 */
function hashOf(row: Omit<AuditRow, 'hash'>): string {
  const fields: unknown[] = [row.seq, row.at, row.user_id, row.channel, row.kind, row.record_ids, row.prev_hash];
  const extra = [row.outcome ?? null, row.reason ?? null, row.detail ?? null, row.confirmed_by ?? null];
  if (extra.some((v) => v !== null)) fields.push(...extra);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * The head of the chain: the last entry's number and hash, kept in the encrypted `settings` table and
 * written in the same savepoint as each entry. A chain alone cannot show that entries were cut off its
 * end (the shorter chain is still a valid chain); the head can. An entry is appended only when the last
 * row and the head agree, so a cut end is never papered over by the next write.
 */
const HEAD_KEY = 'audit.head';
/** The first entry of every trail: TwoWay being set up. A trail that starts elsewhere lost its start. */
const FIRST_CHANNEL = 'setup.create';

interface Head {
  seq: number;
  hash: string;
}

function readHead(db: Db): Head | null {
  const head = readSetting(db, HEAD_KEY) as Partial<Head> | undefined;
  return head && typeof head.seq === 'number' && typeof head.hash === 'string' ? { seq: head.seq, hash: head.hash } : null;
}

/**
 * The chain: the entries, and what is left of entries disposed of with the records they referred to
 * (retention, issue 16: their number and hashes in `audit_removed`, nothing else).
 */
const CHAIN_SQL = `SELECT seq, hash FROM audit_log UNION ALL SELECT seq, hash FROM audit_removed`;

export interface NewAuditEntry {
  at: string;
  userId: string | null;
  channel: string;
  kind: 'read' | 'write';
  recordIds: string[];
  /** Left out for a call that did what it was asked. */
  outcome?: 'refused' | 'failed-login';
  /** An error code (why it was refused), never the input. */
  reason?: string;
  /** The username tried at a failed login, or a count; never a password or record content. */
  detail?: string;
  /** The second person who confirmed with their own password at the same laptop. */
  confirmedBy?: string | null;
}

/** Why the next entry cannot be appended, or null when the end of the trail is whole. */
function endProblem(last: { seq: number; hash: string } | undefined, head: Head | null, channel: string): string | null {
  if (!last && !head) return channel === FIRST_CHANNEL ? null : 'the whole trail is missing, including entry 1 (the set-up)';
  if (last && !head) return `the record of its last entry is missing, so entries after ${last.seq} may have been removed`;
  if (!last && head) return `entries 1 to ${head.seq} are missing`;
  if (last!.seq < head!.seq) return `entries ${last!.seq + 1} to ${head!.seq} have been removed from its end`;
  if (last!.seq > head!.seq) return `entries after ${head!.seq} were not written by TwoWay`;
  if (last!.hash !== head!.hash) return `entry ${last!.seq} does not match the record of the last entry`;
  return null;
}

/** Appends one entry: who, when, which channel, which records. Never the records' content. */
export function appendAudit(db: Db, entry: NewAuditEntry): void {
  // A savepoint: inside a write's transaction it joins it; for a read it makes the entry and the head one unit.
  db.exec('SAVEPOINT audit_append');
  try {
    const last = get<{ seq: number; hash: string }>(db, `SELECT seq, hash FROM (${CHAIN_SQL}) ORDER BY seq DESC LIMIT 1`);
    const head = readHead(db);
    const problem = endProblem(last, head, entry.channel);
    if (problem) {
      // Appending would hide the damage (a rebuilt head looks whole): refuse, and leave it for an administrator to see.
      throw new TwoWayError(
        'audit-broken',
        `TwoWay cannot add to the audit trail because it has been altered: ${problem}. Nothing was saved. An administrator can see what is missing under Admin, Audit trail, "Check the audit trail is intact"; restore the last backup.`,
      );
    }
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: entry.at,
      user_id: entry.userId,
      channel: entry.channel,
      kind: entry.kind,
      record_ids: JSON.stringify(entry.recordIds),
      prev_hash: last?.hash ?? GENESIS,
      outcome: entry.outcome ?? null,
      reason: entry.reason ?? null,
      detail: entry.detail ?? null,
      confirmed_by: entry.confirmedBy ?? null,
    };
    const hash = hashOf(row);
    db.prepare(
      `INSERT INTO audit_log (seq, at, user_id, channel, kind, record_ids, prev_hash, hash, outcome, reason, detail, confirmed_by)
       VALUES ($seq, $at, $user_id, $channel, $kind, $record_ids, $prev_hash, $hash, $outcome, $reason, $detail, $confirmed_by)`,
    ).run({ ...row, hash });
    writeSetting(db, HEAD_KEY, { seq: row.seq, hash } satisfies Head);
    db.exec('RELEASE audit_append');
  } catch (error) {
    db.exec('ROLLBACK TO audit_append');
    db.exec('RELEASE audit_append');
    throw error;
  }
}

/**
 * Walks the chain from the first entry (which must be the set-up); the first row whose number, hash
 * or link does not match is reported. Then the last entry is checked against the head, which shows
 * entries removed from the end, or a whole trail removed.
 */
export function verifyAudit(db: Db): { ok: boolean; entries: number; firstBrokenSeq: number | null; message: string } {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  const broken = (seq: number, message: string) => ({ ok: false, entries: count, firstBrokenSeq: seq, message: `The audit trail has been altered: ${message}` });
  const rows = all<AuditRow & { removed: number }>(
    db,
    `SELECT seq, at, user_id, channel, kind, record_ids, prev_hash, hash, outcome, reason, detail, confirmed_by, 0 AS removed FROM audit_log
     UNION ALL SELECT seq, '' AS at, NULL AS user_id, '' AS channel, '' AS kind, '' AS record_ids, prev_hash, hash,
       NULL AS outcome, NULL AS reason, NULL AS detail, NULL AS confirmed_by, 1 AS removed FROM audit_removed
     ORDER BY seq`,
  );
  for (const row of rows) {
    count++;
    // A disposed entry keeps its place in the chain (number and links); its own fields are gone, so only the links are checked.
    const hashOk = row.removed ? true : hashOf(row) === row.hash;
    if (row.seq !== expectedSeq || row.prev_hash !== prev || !hashOk) {
      const seq = row.seq !== expectedSeq ? expectedSeq : row.seq;
      return broken(seq, `entry ${seq} is missing or does not match the entries before it.`);
    }
    if (row.seq === 1 && (row.removed || row.channel !== FIRST_CHANNEL)) {
      return broken(1, 'entry 1 is not the set-up of TwoWay, so the start of the trail has been replaced.');
    }
    prev = row.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  const head = readHead(db);
  if (!head) {
    if (count === 0) return broken(1, 'the whole trail is missing, including entry 1 (the set-up), and so is the record of its last entry.');
    return broken(lastSeq + 1, `the record of its last entry is missing, so entries after ${lastSeq} may have been removed.`);
  }
  if (count === 0) return broken(1, `the whole trail has been removed: entries 1 to ${head.seq} are missing.`);
  if (head.seq > lastSeq) {
    return broken(lastSeq + 1, `entries ${lastSeq + 1} to ${head.seq} have been removed from its end.`);
  }
  if (head.seq < lastSeq) {
    return broken(head.seq + 1, `entries after ${head.seq} were not written by TwoWay.`);
  }
  if (head.hash !== prev) {
    return broken(lastSeq, `entry ${lastSeq} does not match the record of the last entry.`);
  }
  return { ok: true, entries: count, firstBrokenSeq: null, message: `All ${count} audit entries are intact.` };
}

/** The "What happened" filter, in SQL over `a` (audit_log). */
const WHAT_SQL: Record<AuditWhat, string | null> = {
  all: null,
  viewed: "a.outcome IS NULL AND a.kind = 'read'",
  changed: "a.outcome IS NULL AND a.kind = 'write' AND a.channel NOT LIKE 'auth.%' AND a.channel NOT LIKE 'print.%'",
  sharing: "a.outcome IS NULL AND a.channel LIKE 'sharing.%'",
  logins: "a.outcome IS NULL AND a.channel LIKE 'auth.%' AND a.channel <> 'auth.session'",
  'failed-logins': "a.outcome = 'failed-login'",
  refused: "a.outcome = 'refused'",
  prints: "a.outcome IS NULL AND a.channel IN ('print.record', 'print.savePdf')",
};

export function listAudit(
  db: Db,
  filter: { userId?: string; recordId?: string; childId?: string; what?: AuditWhat; from?: string; to?: string; limit: number; beforeSeq?: number },
): { entries: AuditEntry[]; total: number; hasOlder: boolean } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.userId) {
    // What they did, what they confirmed as the second person, and failed logins as them.
    where.push(
      "(a.user_id = $userId OR a.confirmed_by = $userId OR (a.outcome = 'failed-login' AND EXISTS (SELECT 1 FROM json_each(a.record_ids) u WHERE u.value = 'user:' || $userId)))",
    );
    params.userId = filter.userId;
  }
  if (filter.recordId) {
    // record_ids is a JSON array of "type:id" strings; match the whole element, or its id part,
    // compared literally (not LIKE: a typed `%` or `_` must not match everything).
    where.push("EXISTS (SELECT 1 FROM json_each(a.record_ids) j WHERE j.value = $recordId OR substr(j.value, instr(j.value, ':') + 1) = $recordId)");
    params.recordId = filter.recordId;
  }
  if (filter.childId) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.record_ids) c WHERE c.value = $childRef)');
    params.childRef = `child:${filter.childId}`;
  }
  const what = WHAT_SQL[filter.what ?? 'all'];
  if (what) where.push(what);
  // Days are London calendar days; entries are UTC instants.
  if (filter.from) {
    where.push('a.at >= $from');
    params.from = londonMidnight(filter.from).toISOString();
  }
  if (filter.to) {
    where.push('a.at < $to');
    params.to = londonMidnight(addDays(filter.to, 1)).toISOString();
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM audit_log a ${whereSql}`, params)?.n ?? 0;
  const pageWhere = filter.beforeSeq ? `${whereSql ? `${whereSql} AND` : 'WHERE'} a.seq < $beforeSeq` : whereSql;
  const rows = all<AuditRow & { full_name: string | null; confirmed_name: string | null }>(
    db,
    `SELECT a.*, u.full_name, c.full_name AS confirmed_name FROM audit_log a
       LEFT JOIN users u ON u.id = a.user_id LEFT JOIN users c ON c.id = a.confirmed_by
     ${pageWhere} ORDER BY a.seq DESC LIMIT $limit`,
    { ...params, limit: filter.limit, ...(filter.beforeSeq ? { beforeSeq: filter.beforeSeq } : {}) },
  );
  const oldest = rows.at(-1)?.seq;
  const hasOlder =
    oldest !== undefined && !!get(db, `SELECT 1 AS x FROM audit_log a ${whereSql ? `${whereSql} AND` : 'WHERE'} a.seq < $oldest LIMIT 1`, { ...params, oldest });
  const refs = rows.map((r) => fromJson<string[]>(r.record_ids, []));
  const names = nameRecords(db, refs.flat());
  return {
    total,
    hasOlder,
    entries: rows.map((r, i) => {
      const recordIds = refs[i]!;
      const outcome = r.outcome === 'refused' || r.outcome === 'failed-login' ? r.outcome : 'done';
      const named = (type: string) => recordIds.filter((ref) => ref.startsWith(`${type}:`)).flatMap((ref) => names.get(ref) ?? []);
      const entryNames: Names = {
        children: named('child'),
        // The person acting is named first already; "staff" are the accounts acted on.
        staff: recordIds.filter((ref) => ref.startsWith('user:') && ref !== `user:${r.user_id}`).flatMap((ref) => names.get(ref) ?? []),
        partners: named('partner'),
        document: recordIds.find((ref) => ref.startsWith('print:'))?.slice('print:'.length) ?? null,
      };
      return {
        seq: r.seq,
        at: r.at,
        userId: r.user_id,
        userName: r.full_name,
        channel: r.channel,
        kind: r.kind === 'write' ? 'write' : 'read',
        recordIds,
        outcome,
        why: outcome === 'refused' && r.reason ? capitalise(REFUSAL_REASONS[r.reason] ?? 'It was not allowed') + '.' : null,
        confirmedById: r.confirmed_by,
        confirmedByName: r.confirmed_name,
        description: describe({ channel: r.channel, outcome, reason: r.reason, detail: r.detail, userName: r.full_name, confirmedByName: r.confirmed_name, names: entryNames }),
      } satisfies AuditEntry;
    }),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Names for `child:`, `user:` and `partner:` references, read in one query per kind. */
function nameRecords(db: Db, refs: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const ids = (type: string) => [...new Set(refs.filter((r) => r.startsWith(`${type}:`)).map((r) => r.slice(type.length + 1)))];
  const lookup = (type: string, sql: string) => {
    const wanted = ids(type);
    if (wanted.length === 0) return;
    for (const row of all<{ id: string; name: string }>(db, `${sql} WHERE id IN (SELECT value FROM json_each($ids))`, { ids: JSON.stringify(wanted) })) {
      names.set(`${type}:${row.id}`, row.name);
    }
  };
  lookup('child', 'SELECT id, legal_name AS name FROM children');
  lookup('user', 'SELECT id, full_name AS name FROM users');
  lookup('partner', 'SELECT id, name FROM partners');
  return names;
}

/** Failed logins in the last `days` days, for the administrators' home screen. */
export function failedLoginsSince(db: Db, sinceIso: string): { count: number; lastAt: string | null } {
  const row = get<{ n: number; last: string | null }>(db, "SELECT count(*) AS n, max(at) AS last FROM audit_log WHERE outcome = 'failed-login' AND at >= $since", {
    since: sinceIso,
  });
  return { count: row?.n ?? 0, lastAt: row?.last ?? null };
}
