import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkChecksum, readManifest, BACKUP_EXTENSION } from '../../electron/core/backup/format';
import { finishInterruptedRestore } from '../../electron/core/backup/restore';
import { all, get } from '../../electron/core/db/sql';

import { CoreState } from '../../electron/core/state';
import { createFileStore } from '../../electron/core/vault/store';
import { mulberry32 } from '../fixtures/prng';
import { ADMIN, loginAdmin, openTestCore, rawKeyFromRecovery, setUpCore, tempDataDir, TEST_KDF } from './helpers';

/**
 * Crash safety, as a test (issue 15): a writer process running the real core is killed with
 * SIGKILL at random moments, 50 times: while adding records and reading them (audited reads
 * commit with synchronous=NORMAL), while making backups, and while restoring one. After each kill
 * the database passes integrity_check, every write and every audited read the core acknowledged
 * is there, a finished backup file is whole, and the core opens (migrations, key, restore journal).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'twoway-crash', 'writer.mjs');
const ROUNDS = { write: 30, backup: 12, restore: 8 } as const;

let dir = '';
let folder = '';
let keyHex = '';
let backupFile = '';
let backupNames: string[] = [];
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  await build({
    entryPoints: [join(ROOT, 'test/crash/writer.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@signalapp/sqlcipher'],
    logLevel: 'silent',
  });
  const made = await setUpCore();
  dir = made.dir;
  cleanups.push(made.cleanup);
  const f = tempDataDir();
  folder = f.dir;
  cleanups.push(f.cleanup);
  await loginAdmin(made.core);
  await made.core.invoke('children.create', { legalName: 'In The Backup', dateOfBirth: '2022-01-01' });
  backupFile = (await made.core.invoke('backup.create', { folder: join(folder) })).file;
  backupNames = ['In The Backup'];
  await made.core.invoke('auth.logout');
  keyHex = (await rawKeyFromRecovery(dir, made.recoveryKey)).toString('hex');
}, 60_000);

afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Starts the writer, lets it run for `ms` after it is ready (or until it acknowledges a restore),
 * then kills it; returns what it acknowledged and how long it ran.
 */
function runAndKill(mode: 'write' | 'backup' | 'restore', ms: number | 'after-restored'): Promise<{ acked: string[]; ranMs: number }> {
  const proc = spawn(process.execPath, [BUNDLE, dir, mode, keyHex, join(folder, 'out'), backupFile, ADMIN.password], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let timer: NodeJS.Timeout | undefined;
  let readyAt = 0;
  let ranMs = 0;
  const kill = () => {
    ranMs = performance.now() - readyAt;
    proc.kill('SIGKILL');
  };
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (!readyAt && out.includes('ready\n')) {
      readyAt = performance.now();
      if (ms !== 'after-restored') timer = setTimeout(kill, ms);
    }
    if (ms === 'after-restored' && out.includes('restored\n')) kill();
  });
  return new Promise((done) => {
    proc.on('exit', () => {
      clearTimeout(timer);
      done({ acked: out.split('\n').filter(Boolean), ranMs });
    });
  });
}

/** What is on disk after a kill, read as TwoWay reads it at the next start. */
function inspect(): { integrity: string; names: string[]; reads: number } {
  const state = new CoreState(dir, createFileStore(dir), () => new Date(), {}, TEST_KDF);
  finishInterruptedRestore(state);
  const db = state.open(Buffer.from(keyHex, 'hex'));
  try {
    const integrity = all<{ integrity_check: string }>(db, 'PRAGMA integrity_check').map((r) => r.integrity_check).join(', ');
    const names = all<{ legal_name: string }>(db, 'SELECT legal_name FROM children').map((r) => r.legal_name);
    const reads = get<{ n: number }>(db, "SELECT count(*) AS n FROM audit_log WHERE channel = 'children.get'")!.n;
    return { integrity, names, reads };
  } finally {
    state.close();
  }
}

describe('crash safety', () => {
  it('survives 50 kills -9 while writing, auditing reads, backing up and restoring', async () => {
    mkdirSync(join(folder, 'out'), { recursive: true });
    const random = mulberry32(Date.now() % 100000);
    const plan = [
      ...Array.from({ length: ROUNDS.write }, () => 'write' as const),
      ...Array.from({ length: ROUNDS.backup }, () => 'backup' as const),
      ...Array.from({ length: ROUNDS.restore }, () => 'restore' as const),
    ].sort(() => random() - 0.5);
    let before = inspect();
    let kills = 0;
    let restoresSeen = 0;
    let restoresCut = 0;
    // Every other restore runs to its end (killed as it says so), and times how long one takes; the
    // others are killed at a random moment within that time, so restores are cut at every step.
    let restoreMs = 0;
    let restoreRound = 0;
    for (const mode of plan) {
      const finish = mode === 'restore' && restoreRound++ % 2 === 0;
      const ms = mode === 'restore' ? (finish ? 'after-restored' : random() * (restoreMs || 1000)) : mode === 'backup' ? 30 + random() * 400 : 10 + random() * 150;
      const { acked, ranMs } = await runAndKill(mode, ms);
      if (finish) restoreMs = ranMs;
      kills++;
      expect(acked.filter((l) => l.startsWith('error'))).toEqual([]);
      const after = inspect();
      expect(after.integrity).toBe('ok');
      const names = new Set(after.names);
      if (mode === 'restore') {
        // Either the restore happened (the records are the backup's) or nothing changed at all.
        const restored = after.names.length === backupNames.length && backupNames.every((n) => names.has(n));
        const unchanged = before.names.every((n) => names.has(n)) && after.names.length === before.names.length;
        expect(restored || unchanged).toBe(true);
        if (acked.includes('restored')) expect(restored).toBe(true);
        if (acked.includes('restored')) restoresSeen++;
        else restoresCut++;
      } else {
        for (const line of acked.filter((l) => l.startsWith('w '))) expect(names.has(line.slice(2))).toBe(true);
        for (const n of before.names) expect(names.has(n)).toBe(true);
        expect(after.reads).toBeGreaterThanOrEqual(before.reads + acked.filter((l) => l === 'r').length);
      }
      // A backup file that has its final name is whole (it is renamed only after its check).
      for (const f of readdirSync(join(folder, 'out')).filter((n) => n.endsWith(BACKUP_EXTENSION))) {
        const file = join(folder, 'out', f);
        await checkChecksum(file, await readManifest(file));
      }
      before = after;
    }
    expect(kills).toBeGreaterThanOrEqual(50);
    // Both outcomes happened: restores cut short by the kill, and restores that finished.
    expect(restoresSeen).toBeGreaterThan(0);
    expect(restoresCut).toBeGreaterThan(0);

    // And the app opens: a real login, the audit trail whole.
    const core = await openTestCore({ dataDir: dir });
    try {
      await loginAdmin(core);
      expect((await core.invoke('audit.verify')).ok).toBe(true);
    } finally {
      await core.close();
    }
  }, 120_000);
});
