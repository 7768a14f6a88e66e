import { TwoWayError } from '../../../shared/contract/errors';
import type { Db } from './connection';
import { inTransaction } from './connection';
import { MIGRATIONS } from './migrations/index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Brings the database to the newest schema: every pending migration in one transaction, then
 * user_version. A database written by a newer TwoWay is refused rather than misread.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = Number(db.pragma('user_version', { simple: true }) ?? 0);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (from > latest) {
    throw new TwoWayError(
      'database-newer',
      'This database was saved by a newer version of TwoWay. Install the newest version to open it.',
    );
  }
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from, to: from };
  inTransaction(db, () => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  });
  return { from, to: latest };
}
