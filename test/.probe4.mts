import Database from '@signalapp/sqlcipher';
import { Vault } from '../electron/core/vault/index';
import { createFileStore } from '../electron/core/vault/store';
import { performance } from 'node:perf_hooks';
import { ROOM_WEEK_SQL, CHILD_WEEK_SQL } from '../electron/core/diary/repo';
const dir = process.argv[2];
const key = await new Vault(createFileStore(dir), () => new Date()).unlockWithPassword('bench', 'bench data set password');
const variants: Record<string, string[]> = {
  none: [],
  memsec: ['cipher_memory_security = ON'],
  temp: ['temp_store = MEMORY'],
  wal: ['journal_mode = WAL'],
  sync: ['synchronous = FULL'],
  fk: ['foreign_keys = ON'],
  secdel: ['secure_delete = ON'],
  all: ['cipher_memory_security = ON', 'journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'secure_delete = ON', 'temp_store = MEMORY'],
  allButMemsec: ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'secure_delete = ON', 'temp_store = MEMORY'],
};
for (const [name, pragmas] of Object.entries(variants)) {
  const db = new Database(dir + '/twoway.db', { cacheStatements: true });
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  for (const p of pragmas) db.pragma(p);
  db.pragma('cache_size = -65536');
  const kid = (db.prepare("SELECT id FROM children WHERE room='Acorns' LIMIT 1").get() as any).id;
  const time = (sql: string, p: any, n = 30) => { const s = db.prepare(sql); s.all(p); const xs: number[] = []; for (let i = 0; i < n; i++) { const t = performance.now(); s.all(p); xs.push(performance.now() - t); } xs.sort((a, b) => a - b); return xs[n >> 1].toFixed(3); };
  console.log(name.padEnd(14), 'room', time(ROOM_WEEK_SQL, { room: 'Acorns', from: '2026-11-16', to: '2026-11-22' }), 'child', time(CHILD_WEEK_SQL, { childId: kid, from: '2026-11-16', to: '2026-11-22' }));
  db.close();
}
