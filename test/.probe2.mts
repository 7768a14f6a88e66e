import Database from '@signalapp/sqlcipher';
import { Vault } from '../electron/core/vault/index';
import { createFileStore } from '../electron/core/vault/store';
import { CHILD_WEEK_SQL, ROOM_WEEK_SQL } from '../electron/core/diary/repo';
import { performance } from 'node:perf_hooks';
const dir = process.argv[2];
const key = await new Vault(createFileStore(dir), () => new Date()).unlockWithPassword('bench', 'bench data set password');
for (const [sec, cache] of [['ON', -65536], ['OFF', -65536], ['OFF', -2000], ['ON', -2000]] as const) {
  const db = new Database(dir + '/twoway.db', { cacheStatements: true });
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma(`cipher_memory_security = ${sec}`);
  db.pragma(`cache_size = ${cache}`);
  db.pragma('temp_store = MEMORY');
  const kid = (db.prepare("SELECT id FROM children WHERE room='Acorns' LIMIT 1").get() as any).id;
  const s = db.prepare(CHILD_WEEK_SQL), r = db.prepare(ROOM_WEEK_SQL), c = db.prepare('SELECT attendance FROM children WHERE id = ?');
  const time = (fn: () => unknown) => { fn(); const xs: number[] = []; for (let i = 0; i < 20; i++) { const t = performance.now(); fn(); xs.push(performance.now() - t); } xs.sort((a, b) => a - b); return xs[10].toFixed(3); };
  console.log(sec, cache, 'child', time(() => s.all({ childId: kid, from: '2026-11-16', to: '2026-11-22' })), 'room', time(() => r.all({ room: 'Acorns', from: '2026-11-16', to: '2026-11-22' })), 'tiny', time(() => c.get([kid])));
  db.close();
}
