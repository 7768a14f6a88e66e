import { backupsOlderThan } from '../backup/repo';
import type { Db } from '../db/connection';
import { all, get, newId, run, toJson } from '../db/sql';
import type { Count, RecordTypeDef } from './registry';

/**
 * Runs `fn` with the disposal flag row present: the delete triggers of safeguarding records, the
 * audit trail and the other append-only tables let a delete through only while it exists. It is
 * inserted and removed inside the caller's transaction, so it is never committed: a crash or an
 * error rolls both back together.
 */
export function whileDisposing<T>(db: Db, disposalId: string, fn: () => T): T {
  run(db, 'INSERT INTO retention_disposing (id, disposal_id) VALUES (1, $disposalId)', { disposalId });
  try {
    return fn();
  } finally {
    run(db, 'DELETE FROM retention_disposing');
  }
}

/** Whether anything of the child is left in any record type's tables. */
function anythingLeft(db: Db, types: RecordTypeDef[], childId: string): boolean {
  const tables = types.flatMap((t) => t.childTables);
  if (get(db, 'SELECT 1 AS x FROM children WHERE id = $childId AND details_disposed_at IS NULL', { childId })) return true;
  return tables.some((table) => get(db, `SELECT 1 AS x FROM ${table} WHERE child_id = $childId LIMIT 1`, { childId }));
}

/**
 * The audit rule: entries that refer to the child go with the last of the child's records. Each
 * leaves its number and hashes in `audit_removed`, so the chain still verifies across the gap.
 * Records of disposal and of keeping records longer stay: they are the proof of what was done.
 */
function removeAuditOf(db: Db, childId: string, disposalId: string): number {
  const rows = all<{ seq: number; prev_hash: string; hash: string }>(
    db,
    `SELECT seq, prev_hash, hash FROM audit_log a
      WHERE a.channel NOT LIKE 'retention.%' AND EXISTS (SELECT 1 FROM json_each(a.record_ids) j WHERE j.value = $ref)`,
    { ref: `child:${childId}` },
  );
  for (const r of rows) {
    run(db, 'INSERT INTO audit_removed (seq, prev_hash, hash, disposal_id) VALUES ($seq, $prev, $hash, $disposalId)', { seq: r.seq, prev: r.prev_hash, hash: r.hash, disposalId });
    run(db, 'DELETE FROM audit_log WHERE seq = $seq', { seq: r.seq });
  }
  return rows.length;
}

export interface DisposalRecord {
  type: string;
  childReference: string;
  dueOn: string;
  by: { userId: string; name: string };
  at: string;
}

/** Disposes of one child's set of one type and records what went (kinds and counts, never content). */
export function dispose(db: Db, types: RecordTypeDef[], def: RecordTypeDef, childId: string, record: DisposalRecord): { disposalId: string; counts: Count[] } {
  const disposalId = newId();
  const counts = whileDisposing(db, disposalId, () => {
    const gone = def.dispose(db, childId).filter((c) => c.n > 0);
    run(db, 'DELETE FROM retention_holds WHERE child_id = $childId AND record_type = $type', { childId, type: def.type });
    if (!anythingLeft(db, types, childId)) {
      const entries = removeAuditOf(db, childId, disposalId);
      if (entries) gone.push({ label: 'audit entries about the child', n: entries });
      run(db, 'DELETE FROM retention_holds WHERE child_id = $childId', { childId });
      run(db, 'DELETE FROM children WHERE id = $childId', { childId });
      gone.push({ label: 'the child’s name and date of birth', n: 1 });
    }
    return gone;
  });
  run(
    db,
    `INSERT INTO retention_disposals (id, record_type, child_reference, counts_json, due_on, by_user, by_name, at)
     VALUES ($id, $type, $ref, $counts, $dueOn, $userId, $name, $at)`,
    { id: disposalId, type: record.type, ref: record.childReference, counts: toJson(counts), dueOn: record.dueOn, userId: record.by.userId, name: record.by.name, at: record.at },
  );
  return { disposalId, counts };
}

/**
 * Backups made before a disposal still hold what was disposed of; the office replaces them. The
 * good backups still kept (the backups feature records each one, electron/core/backup/repo.ts).
 */
export function staleBackupsBefore(db: Db, before: string): { id: string; madeAt: string; where: string }[] {
  return backupsOlderThan(db, before).map((b) => ({ id: b.id, madeAt: b.createdAt, where: b.file }));
}

/**
 * After a disposal, the write-ahead log still holds the pages as they were before it. A TRUNCATE
 * checkpoint copies the zeroed pages into the database file and empties the log to nothing, so no
 * copy of the disposed content stays on disk (secure_delete, set where the database is opened,
 * zeroes the freed pages themselves).
 */
export function purgeWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
