import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from '@signalapp/sqlcipher';

/**
 * The slow SQLCipher work of a backup (a check of a whole copy, and VACUUM INTO when no snapshot
 * could be pinned, see snapshot.ts) runs on a worker thread with its own connection, so the app's
 * one connection keeps answering calls meanwhile (WAL lets the worker read a consistent snapshot
 * while the app writes). The job is one small piece of
 * plain JavaScript (JOB), run by a self-contained worker script (nothing to bundle); should a
 * worker not start (the packaged app's binding cannot be loaded from one), the same JOB runs on
 * the main thread: slower to answer other calls for those seconds, never a backup lost.
 */
const sqlcipherPath = createRequire(import.meta.url).resolve('@signalapp/sqlcipher');

const JOB = `
function openWith(file, key) {
  const db = new Database(file);
  db.pragma('cipher_log_level = NONE');
  db.pragma('key = "x\\'' + Buffer.from(key).toString('hex') + '\\'"');
  db.pragma('temp_store = MEMORY');
  try { db.prepare('SELECT count(*) FROM sqlite_master').get(); } catch (e) { db.close(); return null; }
  // As the app's own connection (connection.ts): SQLCipher decrypts a page each time it enters the
  // cache, and a whole-file check with the default 2 MB cache decrypts many pages twice.
  db.pragma('cache_size = -65536');
  return db;
}
try {
  if (job.op === 'vacuum') {
    const db = openWith(job.src, job.key);
    if (!db) return { ok: false, wrongKey: true };
    try { db.prepare('VACUUM INTO ?').run([job.dest]); } finally { db.close(); }
    return { ok: true };
  }
  const db = openWith(job.file, job.key);
  if (!db) return { ok: false, wrongKey: true };
  try {
    const pragma = { structure: 'quick_check', pages: 'cipher_integrity_check' }[job.check];
    const rows = pragma ? db.pragma(pragma) : [];
    // SQLCipher's page check reads to the end of the file; in a backup file the manifest follows
    // the database, so what it says of pages past the database's own page count is the manifest.
    const pages = Number(Object.values(db.pragma('page_count')[0])[0]);
    const beyond = (v) => { const m = /page (\\d+)/.exec(v); return job.check === 'pages' && m !== null && Number(m[1]) > pages; };
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((v) => v !== 'ok' && !beyond(v));
    const have = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    const counts = {};
    for (const t of job.tables) if (have.has(t)) counts[t] = Number(db.prepare('SELECT count(*) AS n FROM "' + t + '"').get().n);
    const userVersion = Number(Object.values(db.pragma('user_version')[0])[0]);
    return { ok: problems.length === 0, counts, userVersion };
  } finally { db.close(); }
} catch (e) {
  return { ok: false, error: String((e && e.code) || (e && e.message) || e).slice(0, 200) };
}
`;

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlcipher).default;
parentPort.postMessage((function (job) { ${JOB} })(workerData.job));
`;

export type WorkerJob =
  | { op: 'vacuum'; src: string; dest: string; key: Buffer }
  /**
   * `check`: `pages`, SQLCipher's cipher_integrity_check (every page's HMAC under the key: any byte
   * changed since SQLCipher wrote it is found); `structure`, SQLite's quick_check (every b-tree
   * walked, which also reads every page and so checks its HMAC; about twice as long); or none
   * (counts only). The counts read the counted tables either way.
   */
  | { op: 'check'; file: string; key: Buffer; tables: readonly string[]; check: 'pages' | 'structure' | 'none' };

export interface CheckResult {
  ok: boolean;
  wrongKey?: boolean;
  error?: string;
  counts?: Record<string, number>;
  userVersion?: number;
}

/** Runs one job on a new worker thread (the key is copied to it), or on this thread if no worker can start. */
export function runInWorker(job: WorkerJob): Promise<CheckResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(SCRIPT, { eval: true, workerData: { sqlcipher: sqlcipherPath, job } });
    } catch {
      resolve(runHere(job));
      return;
    }
    let answered = false;
    worker.once('message', (m: CheckResult) => {
      answered = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', () => {
      if (!answered) {
        answered = true;
        resolve(runHere(job));
      }
    });
    worker.once('exit', () => {
      if (!answered) resolve(runHere(job));
    });
  });
}

/** The same job on this thread. */
export function runHere(job: WorkerJob): CheckResult {
  // The one job source, shared with the worker script above.
  return new Function('Database', 'job', JOB)(Database, job) as CheckResult;
}
