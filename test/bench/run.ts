/**
 * `npm run bench [-- --json] [-- --runs N] [-- --data DIR]`
 *
 * Opens the real core over a large generated setting (test/fixtures/generate.ts; cached in
 * .bench-data/) and times, as medians over repeated runs, each diary call next to a raw
 * prepared-statement baseline run on the core's own connection, call by call in turn (see `pair`):
 *
 * - unlock and open: `auth.login` (scrypt key slot + open + migrations check) vs opening with the key;
 * - the week view of a room of 40 children, one child's week, the patterns query over 8 weeks, a
 *   search, and adding an entry: the core call vs the same SQL run raw;
 * - meeting packs (test/bench/packs.ts): one child's pack and a batch of 30 as PDFs through
 *   Chromium's PDF path, with pages, bytes and peak memory (needs the renderer built).
 *
 * `--key-change` instead times "Change the database key" on the same data set (docs/PERFORMANCE.md);
 * `--packs` times only the meeting packs; `--backup` only the backup, its check and a restore;
 * `--diary` only the diary calls (no backup, no packs).
 *
 * Sensitive reads are audited by the core (an append to the hash-chained audit log, committed with
 * synchronous=NORMAL; a write's entry commits with the write, FULL). The raw baseline is reported
 * twice: the query alone ("raw"), and the query plus the same audit append ("raw + audit"), the
 * work the core must do; both ratios are printed. Not a test: nothing here fails on a number.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/connection';
import { appendAudit } from '../../electron/core/audit/log';
import { SAFETY_DIR } from '../../electron/core/backup/restore';
import {
  CHILD_WEEK_SQL,
  PATTERN_COUNTS_SQL,
  ROOM_CHILDREN_SQL,
  ROOM_WEEK_SQL,
  searchSql,
  SNIPPET_SQL,
  WEEK_SHARES_SQL,
} from '../../electron/core/diary/repo';
import { openCore, type Core } from '../../electron/core/index';
import { CoreState } from '../../electron/core/state';
import { createDispatcher } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/handlers';
import { Vault } from '../../electron/core/vault/index';
import { createFileStore } from '../../electron/core/vault/store';
import { addDays, addWeeks, weekStart } from '../../shared/domain/weeks';
import { BENCH_ADMIN, ensureBenchData, LAST_DAY } from '../fixtures/generate';
import { benchPacks } from './packs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 40;
const dataDir = args.includes('--data') ? resolve(args[args.indexOf('--data') + 1]) : resolve(import.meta.dirname, '../../.bench-data/default');
const children = args.includes('--children') ? Number(args[args.indexOf('--children') + 1]) : 150;
const keyChangeRuns = Math.min(runs, 3);
const log = (m: string) => process.stderr.write(`${m}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const round = (x: number) => Math.round(x * 1000) / 1000;

async function timeAsync(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    xs.push(performance.now() - t);
  }
  return median(xs);
}

function timeSync(n: number, fn: (i: number) => unknown): number {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/**
 * Times the core call, the raw statements, and the raw statements with the same audit append, call
 * by call in turn (each after a warm-up pass over the same inputs), all on the core's own
 * connection: the same page cache, the same WAL and the same moment's machine load fall on all
 * three. (A second connection would not be fair to either side: its commits make the other
 * connection's page cache start again.)
 */
async function pair(n: number, core: (i: number) => Promise<unknown>, raw: (i: number) => unknown, rawAudit: (i: number) => unknown) {
  const c: number[] = [];
  const r: number[] = [];
  const ra: number[] = [];
  for (let i = 0; i < n; i++) {
    await core(i);
    raw(i);
    rawAudit(i);
  }
  for (let i = 0; i < n; i++) {
    // The order turns round each time, so none of the three always follows the same one.
    const steps = [
      async () => {
        const t = performance.now();
        await core(i);
        c.push(performance.now() - t);
      },
      () => {
        const t = performance.now();
        raw(i);
        r.push(performance.now() - t);
      },
      () => {
        const t = performance.now();
        rawAudit(i);
        ra.push(performance.now() - t);
      },
    ];
    for (let k = 0; k < 3; k++) await steps[(i + k) % 3]();
  }
  return { core: median(c), raw: median(r), rawAudit: median(ra) };
}

/**
 * `--key-change`: times "Change the database key" (users.changeDatabaseKey: every page re-encrypted
 * by PRAGMA rekey, every active slot and the recovery slot re-wrapped) on the data set, in place:
 * the data set stays usable, under a new key. Runs instead of the diary timings.
 */
async function keyChange(): Promise<void> {
  const core = await openCore({ dataDir });
  try {
    await core.invoke('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
    const bytes = statSync(join(dataDir, 'twoway.db')).size;
    const loads: number[] = [loadavg()[0]];
    const times: number[] = [];
    for (let i = 0; i < keyChangeRuns; i++) {
      const t = performance.now();
      await core.invoke('users.changeDatabaseKey', { password: BENCH_ADMIN.password });
      times.push((performance.now() - t) / 1000);
      loads.push(loadavg()[0]);
    }
    const result = { databaseMb: Math.round(bytes / 1e6), keyChangeSeconds: times.map((x) => round(x)), medianSeconds: round(median(times)), loadAverage: round(Math.max(...loads)) };
    if (json) console.log(JSON.stringify(result));
    else {
      console.log(`Change the database key on ${result.databaseMb} MB: ${result.keyChangeSeconds.join(', ')} s (median ${result.medianSeconds} s).`);
      console.log(`Load average while measuring: up to ${result.loadAverage} (2 cores).`);
    }
    await core.invoke('auth.lock');
  } finally {
    await core.close();
  }
}

async function main() {
  log(`Benchmark data: ${dataDir}`);
  const t0 = performance.now();
  const data = await ensureBenchData(dataDir, { children, log: (m) => log(`  generating: ${m}`) });
  if (performance.now() - t0 > 5000) log(`Generated in ${Math.round((performance.now() - t0) / 1000)} s`);
  if (args.includes('--key-change')) return keyChange();
  if (args.includes('--packs')) {
    const packs = await benchPacks(dataDir, log);
    console.log(json ? JSON.stringify(packs) : packs);
    return;
  }

  // Raw connection: the key unwrapped the same way, the database opened directly.
  const vault = new Vault(createFileStore(dataDir), () => new Date());
  const key = await vault.unlockWithPassword(BENCH_ADMIN.username, BENCH_ADMIN.password);
  const dbPath = join(dataDir, 'twoway.db');

  // 1. Unlock and open: the core's login vs opening with the key (no scrypt).
  const openRawMs = timeSync(5, () => {
    const db = openDatabase(dbPath, Buffer.from(key));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.close();
  });
  // The core as openCore builds it (without its timers), so the raw side can use its connection.
  const state = new CoreState(dataDir, createFileStore(dataDir), () => new Date());
  const call = createDispatcher(state, handlers);
  const core = { invoke: ((channel: string, input: unknown) => call(channel, input)) as Core['invoke'], close: async () => state.close() };
  const unlockMs = await timeAsync(5, async () => {
    await core.invoke('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
    await core.invoke('auth.lock');
  });
  await core.invoke('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
  const userId = (await core.invoke('auth.session')).session!.userId;

  // The raw side: statements prepared directly on the core's own connection (cached per connection).
  const raw = () => state.db();
  const entries = Number(raw().prepare('SELECT count(*) AS n FROM diary_entries').get()!.n);
  const rooms = raw().prepare(`SELECT room, count(*) AS n FROM children WHERE status = 'current' GROUP BY room ORDER BY n DESC, room`).all() as { room: string; n: number }[];
  const room = rooms[0].room;
  const roomSize = rooms[0].n;
  // Ten recent weeks, visited in turn; one child of that room per run.
  const weeks = Array.from({ length: 10 }, (_, i) => addWeeks(weekStart(LAST_DAY), -i * 3));
  const roomChildren = raw().prepare(ROOM_CHILDREN_SQL).all({ room }) as { id: string }[];
  const childOf = (i: number) => roomChildren[(i * 7) % roomChildren.length].id;
  const weekOf = (i: number) => weeks[i % weeks.length];
  if (args.includes('--backup')) {
    key.fill(0);
    const backup = await backupTimings(core, childOf, weekOf);
    await core.close();
    console.log(json ? JSON.stringify(backup) : backup);
    return;
  }
  // The same audit append the core makes: a read's entry committed with synchronous=NORMAL (WAL),
  // a write's inside the write's own transaction (synchronous=FULL).
  const audit = (channel: string, recordIds: string[], kind: 'read' | 'write' = 'read') => {
    if (kind === 'read') raw().pragma('synchronous = NORMAL');
    try {
      appendAudit(raw(), { at: new Date().toISOString(), userId, channel, kind, recordIds });
    } finally {
      if (kind === 'read') raw().pragma('synchronous = FULL');
    }
  };

  // The raw side produces the same information as the core: for a child's week also where the child
  // was each day (attendance and shared care, read once) and the week's plans.
  const PLANS_SQL = 'SELECT partner_id, theme, activities, by_user, at FROM diary_week_plans WHERE week_start = $week ORDER BY at DESC';
  const ATTENDANCE_SQL = 'SELECT attendance, start_date, leaving_date, status FROM children WHERE id = $childId';
  const SHARED_CARE_SQL = `SELECT sc.partner_id, p.name, sc.days, sc.starts_on, sc.ends_on FROM shared_care sc JOIN partners p ON p.id = sc.partner_id WHERE sc.child_id = $childId`;
  const rawRoom = (i: number) => {
    const p = { room, from: weekOf(i), to: addDays(weekOf(i), 6) };
    return [raw().prepare(ROOM_CHILDREN_SQL).all({ room }), raw().prepare(ROOM_WEEK_SQL).all(p), raw().prepare(PLANS_SQL).all({ week: weekOf(i) })];
  };
  const rawChild = (i: number) => {
    const p = { childId: childOf(i), from: weekOf(i), to: addDays(weekOf(i), 6) };
    const attendance = raw().prepare(ATTENDANCE_SQL).get({ childId: childOf(i) }) as { attendance: string };
    const care = raw().prepare(SHARED_CARE_SQL).all({ childId: childOf(i) }) as { days: string }[];
    return [JSON.parse(attendance.attendance), care.map((c) => JSON.parse(c.days)), raw().prepare(PLANS_SQL).all({ week: weekOf(i) }), raw().prepare(CHILD_WEEK_SQL).all(p), raw().prepare(WEEK_SHARES_SQL).all(p)];
  };
  const rawPatterns = (i: number) => raw().prepare(PATTERN_COUNTS_SQL).all({ childId: childOf(i), from: addWeeks(weekOf(i), -7), to: addDays(weekOf(i), 6) });

  log(`Timing ${runs} runs each over ${entries.toLocaleString('en-GB')} entries; room ${room} has ${roomSize} children.`);
  const roomWeek = await pair(
    runs,
    (i) => core.invoke('diary.roomWeek', { room, week: weekOf(i) }),
    rawRoom,
    (i) => {
      const out = rawRoom(i);
      // The same record ids the core's audit entry names: every child of the room.
      audit('diary.roomWeek', roomChildren.map((c) => `child:${c.id}`));
      return out;
    },
  );
  const childWeek = await pair(
    runs,
    (i) => core.invoke('diary.childWeek', { childId: childOf(i), week: weekOf(i) }),
    rawChild,
    (i) => {
      const out = rawChild(i);
      audit('diary.childWeek', [`child:${childOf(i)}`]);
      return out;
    },
  );
  const patterns = await pair(
    runs,
    (i) => core.invoke('diary.patterns', { childId: childOf(i), weeks: 8, until: weekOf(i) }),
    rawPatterns,
    (i) => {
      const out = rawPatterns(i);
      audit('diary.patterns', [`child:${childOf(i)}`]);
      return out;
    },
  );

  // A search a key person would type: a word of medium frequency, across the whole setting, newest first.
  const queries = ['calpol', 'nappy rash', 'inhaler', 'wellies', 'grandma', 'mitten', 'eczema', 'tearful', 'conkers', 'antibiotics'];
  const searchInput = (i: number) => ({ query: queries[i % queries.length], limit: 50 });
  const searches = queries.map((q) => searchSql({ query: q, limit: 50 })!);
  const rawSearch = (i: number) => raw().prepare(searches[i % queries.length].sql).all(searches[i % queries.length].params);
  const search = await pair(
    runs,
    (i) => core.invoke('diary.search', searchInput(i)),
    rawSearch,
    (i) => {
      const out = rawSearch(i);
      audit('diary.search', []);
      return out;
    },
  );
  // A search within one child's diary: that child's entries against the matching revisions, then the snippets.
  const childSearchSql = searchSql({ query: 'tired', childId: 'x', limit: 50 })!;
  const rawChildSearch = (i: number) => {
    const rows = raw().prepare(childSearchSql.sql).all({ ...childSearchSql.params, childId: childOf(i) }) as { current_rev: number }[];
    return rows.slice(0, 50).map((r) => raw().prepare(SNIPPET_SQL).get({ match: childSearchSql.params.match, rev: r.current_rev }));
  };
  const childSearch = await pair(
    runs,
    (i) => core.invoke('diary.search', { query: 'tired', childId: childOf(i), limit: 50 }),
    rawChildSearch,
    (i) => {
      const out = rawChildSearch(i);
      audit('diary.search', [`child:${childOf(i)}`]);
      return out;
    },
  );

  // Adding an entry: the core's write (transaction, checks, revision, entry, search index, audit) vs the three inserts raw.
  const addDay = addDays(LAST_DAY, 0);
  const INS_REV = `INSERT INTO diary_revisions (entry_id, rev, text, category, time, reason, by_user, at) VALUES (?, 1, ?, 'message', NULL, NULL, ?, ?)`;
  const INS_ENTRY = `INSERT INTO diary_entries (id, child_id, day, time, category, current_rev, revisions, from_kind, from_id, from_name, to_kind, to_name, created_by, created_at)
     VALUES (?, ?, ?, NULL, 'message', ?, 1, 'staff', ?, 'Bench', 'carer', 'Parents and carers', ?, ?)`;
  const INS_FTS = 'INSERT INTO diary_fts (rowid, text) VALUES (?, ?)';
  let added = 0;
  const rawAdd = (i: number, withAudit: boolean) => {
    const id = `bench-raw-${Date.now()}-${i}-${added++}`;
    const at = new Date().toISOString();
    const text = `Benchmark message ${i}: please bring in spare clothes.`;
    raw().exec('BEGIN IMMEDIATE');
    const rev = raw().prepare(INS_REV).run([id, text, userId, at]).lastInsertRowid;
    raw().prepare(INS_ENTRY).run([id, childOf(i), addDay, rev, userId, userId, at]);
    raw().prepare(INS_FTS).run([rev, text]);
    if (withAudit) audit('diary.add', [`child:${childOf(i)}`, `diary:${id}`], 'write');
    raw().exec('COMMIT');
  };
  const addEntry = await pair(
    runs,
    (i) =>
      core.invoke('diary.add', {
        childId: childOf(i),
        day: addDay,
        category: 'message',
        from: { kind: 'staff' },
        to: { kind: 'carer' },
        text: `Benchmark message ${i}: please bring in spare clothes.`,
      }),
    (i) => rawAdd(i, false),
    (i) => rawAdd(i, true),
  );

  key.fill(0);
  const diaryOnly = args.includes('--diary');
  const backup = diaryOnly ? null : await backupTimings(core, childOf, weekOf);
  await core.close();

  if (!diaryOnly) log('Meeting packs (headless Chromium)…');
  const packs = diaryOnly ? null : await benchPacks(dataDir, log);

  const result = {
    entries,
    loadAverage: round(loadavg()[0]),
    children: data.children,
    roomSize,
    runs,
    unlockMs: round(unlockMs),
    openRawMs: round(openRawMs),
    roomWeekMs: round(roomWeek.core),
    roomWeekRawMs: round(roomWeek.raw),
    roomWeekRawAuditMs: round(roomWeek.rawAudit),
    childWeekMs: round(childWeek.core),
    childWeekRawMs: round(childWeek.raw),
    childWeekRawAuditMs: round(childWeek.rawAudit),
    patternsMs: round(patterns.core),
    patternsRawMs: round(patterns.raw),
    patternsRawAuditMs: round(patterns.rawAudit),
    searchMs: round(search.core),
    searchRawMs: round(search.raw),
    searchRawAuditMs: round(search.rawAudit),
    searchOneChildMs: round(childSearch.core),
    searchOneChildRawMs: round(childSearch.raw),
    searchOneChildRawAuditMs: round(childSearch.rawAudit),
    addEntryMs: round(addEntry.core),
    addEntryRawMs: round(addEntry.raw),
    addEntryRawAuditMs: round(addEntry.rawAudit),
    ...(packs && {
      packMs: round(packs.packMs),
      packPages: packs.packPages,
      packBytes: packs.packBytes,
      pack30Ms: round(packs.pack30Ms),
      pack30Pages: packs.pack30Pages,
      pack30Bytes: packs.pack30Bytes,
      packPeakMb: packs.packPeakMb,
      packCorePeakMb: packs.packCorePeakMb,
    }),
    ...backup,
  };

  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const rows: [string, number, number, number, string][] = [
    ['Room week (' + roomSize + ' children)', result.roomWeekMs, result.roomWeekRawMs, result.roomWeekRawAuditMs, '< 30 ms'],
    ["One child's week", result.childWeekMs, result.childWeekRawMs, result.childWeekRawAuditMs, '< 5 ms'],
    ['Patterns, 8 weeks', result.patternsMs, result.patternsRawMs, result.patternsRawAuditMs, ''],
    ['Search (whole setting)', result.searchMs, result.searchRawMs, result.searchRawAuditMs, '< 50 ms'],
    ['Search (one child)', result.searchOneChildMs, result.searchOneChildRawMs, result.searchOneChildRawAuditMs, '< 50 ms'],
    ['Add an entry', result.addEntryMs, result.addEntryRawMs, result.addEntryRawAuditMs, '< 5 ms'],
  ];
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number) => x.toFixed(2).padStart(8);
  console.log(`TwoWay diary benchmark: ${entries.toLocaleString('en-GB')} entries, ${data.children} children, medians of ${runs} runs (ms)\n`);
  console.log(`${pad('', 26)}${'core'.padStart(8)}${'raw'.padStart(8)}${'raw+audit'.padStart(11)}${'core/raw'.padStart(10)}${'core/raw+a'.padStart(12)}  target`);
  for (const [name, c, r, ra, target] of rows) {
    console.log(`${pad(name, 26)}${num(c)}${num(r)}${num(ra).padStart(11)}${(c / r).toFixed(2).padStart(10)}${(c / ra).toFixed(2).padStart(12)}  ${target}`);
  }
  console.log(`\nLoad average while measuring: ${result.loadAverage} (2 cores: above 1 means other work shared the machine).`);
  console.log(`Unlock and open: ${result.unlockMs.toFixed(0)} ms through the core (scrypt key slot + open), ${result.openRawMs.toFixed(1)} ms opening with the key alone.`);
  if (!packs || !backup) return;
  console.log(
    `Meeting packs: one in ${packs.packMs.toFixed(0)} ms (${packs.packPages} pages, ${Math.round(packs.packBytes / 1024)} KB; target < 2 s); ` +
      `30 in ${(packs.pack30Ms / 1000).toFixed(1)} s (${packs.pack30Pages} pages, ${Math.round(packs.pack30Bytes / 1024)} KB; target < 60 s); ` +
      `peak memory of Chromium making them ${packs.packPeakMb} MB (target < 500 MB; the benchmark's own process, with the core, ${packs.packCorePeakMb} MB).`,
  );
  console.log(
    `Backup of ${backup.databaseMb} MB: ${backup.backupMs.toFixed(0)} ms; check: ${backup.verifyMs.toFixed(0)} ms; restore: ${backup.restoreMs.toFixed(0)} ms. ` +
      `A child's week asked for during the backup: median ${backup.callDuringBackupMs.toFixed(1)} ms, slowest ${backup.callDuringBackupMaxMs.toFixed(1)} ms (${backup.callsDuringBackup} calls).`,
  );
}

/**
 * Back up, check and restore the data set once each (they take seconds, not milliseconds), and
 * while the backup runs ask for a child's week every 100 ms: how long a call waits while a backup
 * is made. The restore is of the backup just made (the same records); its safety copy is removed.
 */
async function backupTimings(core: Pick<Core, 'invoke'>, childOf: (i: number) => string, weekOf: (i: number) => string) {
  const folder = mkdtempSync(join(tmpdir(), 'twoway-bench-backups-'));
  try {
    await core.invoke('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
    log('Timing a backup, a check and a restore.');
    const during: number[] = [];
    let running = true;
    const t = performance.now();
    const made = core.invoke('backup.create', { folder }).finally(() => (running = false));
    const asking = (async () => {
      for (let i = 0; running; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if (!running) break;
        const c = performance.now();
        await core.invoke('diary.childWeek', { childId: childOf(i), week: weekOf(i) });
        during.push(performance.now() - c);
      }
    })();
    const { file } = await made;
    const backupMs = performance.now() - t;
    await asking;
    const v = performance.now();
    const verdict = await core.invoke('backup.verify', { file });
    const verifyMs = performance.now() - v;
    if (!verdict.ok) throw new Error(`The bench backup did not verify: ${verdict.problem}`);
    const r = performance.now();
    await core.invoke('backup.restore', { file, unlock: { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password } });
    const restoreMs = performance.now() - r;
    rmSync(join(dataDir, SAFETY_DIR), { recursive: true, force: true });
    return {
      databaseMb: Math.round(statSync(file).size / 1e6),
      backupMs: round(backupMs),
      verifyMs: round(verifyMs),
      restoreMs: round(restoreMs),
      callsDuringBackup: during.length,
      callDuringBackupMs: round(median(during.length ? during : [0])),
      callDuringBackupMaxMs: round(Math.max(0, ...during)),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
