import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../../shared/contract/audit';
import { addDays, londonMidnight } from '../../../shared/domain/weeks';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../settings/repo';
import { all, fromJson, get } from '../db/sql';

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
}

function hashOf(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([row.seq, row.at, row.user_id, row.channel, row.kind, row.record_ids, row.prev_hash]))
    .digest('hex');
}

/**
 * The head of the chain: the last entry's number and hash, kept in the encrypted `settings` table and
 * written in the same savepoint as each entry. A chain alone cannot show that entries were cut off its
 * end (the shorter chain is still a valid chain); the head can. After such a cut, the next entry keeps
 * the head's numbering and link, so the gap stays visible to `verifyAudit` even once more is appended.
 */
const HEAD_KEY = 'audit.head';

interface Head {
  seq: number;
  hash: string;
}

function readHead(db: Db): Head | null {
  const head = readSetting(db, HEAD_KEY) as Partial<Head> | undefined;
  return head && typeof head.seq === 'number' && typeof head.hash === 'string' ? { seq: head.seq, hash: head.hash } : null;
}

/** Appends one entry: who, when, which channel, which records. Never the records' content. */
export function appendAudit(
  db: Db,
  entry: { at: string; userId: string | null; channel: string; kind: 'read' | 'write'; recordIds: string[] },
): void {
  // A savepoint: inside a write's transaction it joins it; for a read it makes the entry and the head one unit.
  db.exec('SAVEPOINT audit_append');
  try {
    const last = get<{ seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const head = readHead(db);
    const row = {
      seq: Math.max(last?.seq ?? 0, head?.seq ?? 0) + 1,
      at: entry.at,
      user_id: entry.userId,
      channel: entry.channel,
      kind: entry.kind,
      record_ids: JSON.stringify(entry.recordIds),
      prev_hash: head?.hash ?? last?.hash ?? GENESIS,
    };
    const hash = hashOf(row);
    db.prepare(
      'INSERT INTO audit_log (seq, at, user_id, channel, kind, record_ids, prev_hash, hash) VALUES ($seq, $at, $user_id, $channel, $kind, $record_ids, $prev_hash, $hash)',
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
 * Walks the chain from the first entry; the first row whose number, hash or link does not match is
 * reported. Then the last entry is checked against the head, which shows entries removed from the end.
 */
export function verifyAudit(db: Db): { ok: boolean; entries: number; firstBrokenSeq: number | null; message: string } {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  const broken = (seq: number, message: string) => ({ ok: false, entries: count, firstBrokenSeq: seq, message });
  for (const row of all<AuditRow>(db, 'SELECT * FROM audit_log ORDER BY seq')) {
    count++;
    if (row.seq !== expectedSeq || row.prev_hash !== prev || hashOf(row) !== row.hash) {
      const seq = row.seq !== expectedSeq ? expectedSeq : row.seq;
      return broken(seq, `The audit trail has been altered: entry ${seq} is missing or does not match the entries before it.`);
    }
    prev = row.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  const head = readHead(db);
  if (!head) {
    if (count === 0) return { ok: true, entries: 0, firstBrokenSeq: null, message: 'The audit trail is empty.' };
    return broken(lastSeq + 1, `The audit trail has been altered: the record of its last entry is missing, so entries after ${lastSeq} may have been removed.`);
  }
  if (head.seq > lastSeq) {
    return broken(lastSeq + 1, `The audit trail has been altered: entries ${lastSeq + 1} to ${head.seq} have been removed from its end.`);
  }
  if (head.seq < lastSeq) {
    return broken(head.seq + 1, `The audit trail has been altered: entries after ${head.seq} were not written by TwoWay.`);
  }
  if (head.hash !== prev) {
    return broken(lastSeq, `The audit trail has been altered: entry ${lastSeq} does not match the record of the last entry.`);
  }
  return { ok: true, entries: count, firstBrokenSeq: null, message: `All ${count} audit entries are intact.` };
}

export function listAudit(
  db: Db,
  filter: { userId?: string; recordId?: string; childId?: string; from?: string; to?: string; limit: number; beforeSeq?: number },
): { entries: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.userId) {
    where.push('a.user_id = $userId');
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
  const rows = all<AuditRow & { full_name: string | null }>(
    db,
    `SELECT a.*, u.full_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${pageWhere} ORDER BY a.seq DESC LIMIT $limit`,
    { ...params, limit: filter.limit, ...(filter.beforeSeq ? { beforeSeq: filter.beforeSeq } : {}) },
  );
  return {
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      userName: r.full_name,
      channel: r.channel,
      kind: r.kind === 'write' ? 'write' : 'read',
      recordIds: fromJson<string[]>(r.record_ids, []),
    })),
  };
}
