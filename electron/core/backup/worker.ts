import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The slow SQLCipher work of a backup (VACUUM INTO, integrity_check of a whole copy) runs on a
 * worker thread with its own connection, so the app's one connection keeps answering calls
 * meanwhile (WAL lets the worker read a consistent snapshot while the app writes). The worker's
 * code is a small self-contained script (no bundling needed in the app, the tests or the bench).
 */
const sqlcipherPath = createRequire(import.meta.url).resolve('@signalapp/sqlcipher');

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlcipher).default;
function openWith(file, key) {
  const db = new Database(file);
  db.pragma('cipher_log_level = NONE');
  db.pragma('key = "x\\'' + Buffer.from(key).toString('hex') + '\\'"');
  db.pragma('temp_store = MEMORY');
  try { db.prepare('SELECT count(*) FROM sqlite_master').get(); } catch (e) { db.close(); return null; }
  return db;
}
const job = workerData.job;
try {
  if (job.op === 'vacuum') {
    const db = openWith(job.src, job.key);
    if (!db) throw new Error('key');
    try { db.prepare('VACUUM INTO ?').run([job.dest]); } finally { db.close(); }
    parentPort.postMessage({ ok: true });
  } else {
    const db = openWith(job.file, job.key);
    if (!db) { parentPort.postMessage({ ok: false, wrongKey: true }); }
    else {
      try {
        const rows = job.check === 'none' ? [] : db.pragma(job.check === 'quick' ? 'quick_check' : 'integrity_check');
        const problems = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
        const have = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
        const counts = {};
        for (const t of job.tables) if (have.has(t)) counts[t] = Number(db.prepare('SELECT count(*) AS n FROM "' + t + '"').get().n);
        const userVersion = Number(Object.values(db.pragma('user_version')[0])[0]);
        parentPort.postMessage({ ok: problems.length === 0, counts, userVersion });
      } finally { db.close(); }
    }
  }
} catch (e) {
  parentPort.postMessage({ ok: false, error: String(e && e.code || e && e.message || e).slice(0, 200) });
}
`;

export type WorkerJob =
  | { op: 'vacuum'; src: string; dest: string; key: Buffer }
  /** `check`: SQLite's integrity_check (every page and index), quick_check (pages only), or none (counts only). */
  | { op: 'check'; file: string; key: Buffer; tables: readonly string[]; check: 'integrity' | 'quick' | 'none' };

export interface CheckResult {
  ok: boolean;
  wrongKey?: boolean;
  error?: string;
  counts?: Record<string, number>;
  userVersion?: number;
}

/** Runs one job on a new worker thread; the key is copied to it and zeroed here after. */
export function runInWorker(job: WorkerJob): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCRIPT, { eval: true, workerData: { sqlcipher: sqlcipherPath, job } });
    let answered = false;
    worker.once('message', (m: CheckResult) => {
      answered = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', () => {
      if (!answered) reject(new Error('The backup worker stopped.'));
    });
  });
}
