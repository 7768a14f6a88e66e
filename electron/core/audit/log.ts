import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../../shared/contract/audit';
import { londonDayStart, nextDay } from '../../../shared/domain/dates';
import type { Db } from '../db/connection';
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

/** Appends one entry: who, when, which channel, which records. Never the records' content. */
export function appendAudit(
  db: Db,
  entry: { at: string; userId: string | null; channel: string; kind: 'read' | 'write'; recordIds: string[] },
): void {
  const last = get<{ seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    user_id: entry.userId,
    channel: entry.channel,
    kind: entry.kind,
    record_ids: JSON.stringify(entry.recordIds),
    prev_hash: last?.hash ?? GENESIS,
  };
  db.prepare(
    'INSERT INTO audit_log (seq, at, user_id, channel, kind, record_ids, prev_hash, hash) VALUES ($seq, $at, $user_id, $channel, $kind, $record_ids, $prev_hash, $hash)',
  ).run({ ...row, hash: hashOf(row) });
}

/** Walks the chain from the first entry; the first row whose hash or link does not match is reported. */
export function verifyAudit(db: Db): { ok: boolean; entries: number; firstBrokenSeq: number | null; message: string } {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const row of all<AuditRow>(db, 'SELECT * FROM audit_log ORDER BY seq')) {
    count++;
    const broken = row.seq !== expectedSeq || row.prev_hash !== prev || hashOf(row) !== row.hash;
    if (broken) {
      const seq = row.seq !== expectedSeq ? expectedSeq : row.seq;
      return {
        ok: false,
        entries: count,
        firstBrokenSeq: seq,
        message: `The audit trail has been altered: entry ${seq} is missing or does not match the entries before it.`,
      };
    }
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries: count, firstBrokenSeq: null, message: `All ${count} audit entries are intact.` };
}

export function listAudit(
  db: Db,
  filter: { userId?: string; recordId?: string; from?: string; to?: string; limit: number; beforeSeq?: number },
): { entries: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.userId) {
    where.push('a.user_id = $userId');
    params.userId = filter.userId;
  }
  if (filter.recordId) {
    // record_ids is a JSON array of "type:id" strings; match the whole element.
    where.push("EXISTS (SELECT 1 FROM json_each(a.record_ids) j WHERE j.value = $recordId OR j.value LIKE '%:' || $recordId)");
    params.recordId = filter.recordId;
  }
  // Days are London calendar days; entries are UTC instants.
  if (filter.from) {
    where.push('a.at >= $from');
    params.from = londonDayStart(filter.from);
  }
  if (filter.to) {
    where.push('a.at < $to');
    params.to = londonDayStart(nextDay(filter.to));
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
